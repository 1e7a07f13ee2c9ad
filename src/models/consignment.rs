//! Consignments: what crosses the border and is certified, made from an accepted application
//! (or entered by a registrar directly).

use chrono::Datelike;
use diesel::prelude::*;
use serde_json::json;

use super::application::{Application, ApplicationId};
use super::audit::{self, Actor, AuditEntry};
use super::catalog::{CommodityId, LimitSetId};
use super::{BorderPostId, ExporterId, User, UserId, counter};
use crate::db::DbConn;
use crate::db::schema::{consignments, exporters};
use crate::db::types::UtcTime;
use crate::domain::{DecimalText, Role};

crate::typed_id!(
    /// A consignment.
    ConsignmentId
);

crate::text_enum! {
    QuantityUnit {
        Tonnes => "t",
        Kilograms => "kg",
        Head => "head",
        Pieces => "pcs",
    }
}

crate::text_enum! {
    Transport {
        Rail => "rail",
        Road => "road",
    }
}

crate::text_enum! {
    ConsignmentStatus {
        Registered => "registered",
        Sampled => "sampled",
        InTesting => "in_testing",
        Tested => "tested",
        Closed => "closed",
    }
}

/// What is shipped, where from and where to: the fields an application and its consignment
/// share, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shipment {
    pub commodity_id: CommodityId,
    pub quantity: DecimalText,
    pub unit: QuantityUnit,
    pub lots: String,
    pub origin_region: String,
    pub origin_district: String,
    pub producer: String,
    pub consignee: String,
    pub border_post_id: BorderPostId,
    pub transport: Transport,
    pub planned_date: chrono::NaiveDate,
    pub limit_set_id: LimitSetId,
}

impl Shipment {
    pub fn of_application(a: &Application) -> Option<Shipment> {
        Some(Shipment {
            commodity_id: a.commodity_id,
            quantity: DecimalText::parse(&a.quantity).ok()?,
            unit: a.unit,
            lots: a.lots.clone(),
            origin_region: a.origin_region.clone(),
            origin_district: a.origin_district.clone(),
            producer: a.producer.clone(),
            consignee: a.consignee.clone(),
            border_post_id: a.border_post_id,
            transport: a.transport,
            planned_date: chrono::NaiveDate::parse_from_str(&a.planned_date, "%Y-%m-%d").ok()?,
            limit_set_id: a.limit_set_id,
        })
    }

    pub fn audit_view(&self, code: &str) -> serde_json::Value {
        json!({
            "code": code,
            "commodity_id": self.commodity_id.to_string(),
            "quantity": self.quantity.as_str(),
            "unit": self.unit.as_str(),
            "lots": self.lots,
            "origin": [self.origin_region, self.origin_district, self.producer],
            "consignee": self.consignee,
            "border_post_id": self.border_post_id.to_string(),
            "transport": self.transport.as_str(),
            "planned_date": self.planned_date.to_string(),
            "limit_set_id": self.limit_set_id.to_string(),
        })
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = consignments)]
pub struct Consignment {
    pub id: ConsignmentId,
    pub code: String,
    pub application_id: Option<ApplicationId>,
    pub exporter_id: ExporterId,
    pub commodity_id: CommodityId,
    pub quantity: String,
    pub unit: QuantityUnit,
    pub lots: String,
    pub origin_region: String,
    pub origin_district: String,
    pub producer: String,
    pub consignee: String,
    pub border_post_id: BorderPostId,
    pub transport: Transport,
    pub planned_date: String,
    pub limit_set_id: LimitSetId,
    pub status: ConsignmentStatus,
    pub created_by: UserId,
    pub created_at: UtcTime,
    pub version: i32,
}

#[derive(Insertable)]
#[diesel(table_name = consignments)]
struct NewConsignment<'a> {
    id: ConsignmentId,
    code: &'a str,
    application_id: Option<ApplicationId>,
    exporter_id: ExporterId,
    commodity_id: CommodityId,
    quantity: &'a str,
    unit: QuantityUnit,
    lots: &'a str,
    origin_region: &'a str,
    origin_district: &'a str,
    producer: &'a str,
    consignee: &'a str,
    border_post_id: BorderPostId,
    transport: Transport,
    planned_date: String,
    limit_set_id: LimitSetId,
    status: ConsignmentStatus,
    created_by: UserId,
    created_at: UtcTime,
    version: i32,
}

/// Filters of the consignment list.
pub type ConsignmentFilter = super::listing::IntakeFilter<ConsignmentId, ConsignmentStatus>;

impl Consignment {
    /// Creates a consignment with the next `KC-YYYY-NNNNNN` code and audits it.
    pub fn create(
        conn: &mut DbConn,
        actor: &Actor,
        by: UserId,
        application: Option<ApplicationId>,
        exporter: ExporterId,
        shipment: &Shipment,
    ) -> QueryResult<Consignment> {
        let now = UtcTime::now();
        let year = now.0.year();
        let code = counter::format("KC", year, counter::next(conn, "consignment", year)?);
        let consignment: Consignment = diesel::insert_into(consignments::table)
            .values(NewConsignment {
                id: ConsignmentId::new(),
                code: &code,
                application_id: application,
                exporter_id: exporter,
                commodity_id: shipment.commodity_id,
                quantity: shipment.quantity.as_str(),
                unit: shipment.unit,
                lots: &shipment.lots,
                origin_region: &shipment.origin_region,
                origin_district: &shipment.origin_district,
                producer: &shipment.producer,
                consignee: &shipment.consignee,
                border_post_id: shipment.border_post_id,
                transport: shipment.transport,
                planned_date: shipment.planned_date.to_string(),
                limit_set_id: shipment.limit_set_id,
                status: ConsignmentStatus::Registered,
                created_by: by,
                created_at: now,
                version: 1,
            })
            .returning(consignments::all_columns)
            .get_result(conn)?;
        audit::record(
            conn,
            AuditEntry::new(
                actor,
                "consignment.registered",
                "consignment",
                consignment.id,
            )
            .after(shipment.audit_view(&code)),
        )?;
        Ok(consignment)
    }

    /// The consignment if `user` may see it (an exporter: only their company's).
    pub fn find_for(
        conn: &mut DbConn,
        user: &User,
        id: ConsignmentId,
    ) -> QueryResult<Option<Consignment>> {
        let mut query = consignments::table
            .filter(consignments::id.eq(id))
            .select(Consignment::as_select())
            .into_boxed();
        if user.role == Role::Exporter {
            match user.exporter_id {
                Some(company) => query = query.filter(consignments::exporter_id.eq(company)),
                None => return Ok(None),
            }
        }
        query.first(conn).optional()
    }

    /// One page of the consignments `user` may see.
    pub fn list_for(
        conn: &mut DbConn,
        user: &User,
        filter: &ConsignmentFilter,
        limit: i64,
    ) -> QueryResult<Vec<Consignment>> {
        let mut query = consignments::table
            .inner_join(exporters::table)
            .select(Consignment::as_select())
            .into_boxed();
        if user.role == Role::Exporter {
            let Some(company) = user.exporter_id else {
                return Ok(Vec::new());
            };
            query = query.filter(consignments::exporter_id.eq(company));
        }
        if let Some(pattern) = filter.pattern() {
            query = query.filter(
                consignments::code
                    .like(pattern.clone())
                    .escape('\\')
                    .or(exporters::bin.like(pattern.clone()).escape('\\'))
                    .or(exporters::name.like(pattern).escape('\\')),
            );
        }
        crate::apply_intake_filter!(query, filter, status: consignments::status, commodity: consignments::commodity_id,
            exporter: consignments::exporter_id, post: consignments::border_post_id, created: consignments::created_at,
            id: consignments::id);
        query.limit(limit).load(conn)
    }

    /// The consignment made from an application, if any (and if `user` may see it).
    pub fn of_application(
        conn: &mut DbConn,
        user: &User,
        application: ApplicationId,
    ) -> QueryResult<Option<Consignment>> {
        let id: Option<ConsignmentId> = consignments::table
            .filter(consignments::application_id.eq(application))
            .select(consignments::id)
            .first(conn)
            .optional()?;
        match id {
            Some(id) => Consignment::find_for(conn, user, id),
            None => Ok(None),
        }
    }

    /// Marks the consignment sampled once its first sample is registered.
    pub fn mark_sampled(conn: &mut DbConn, id: ConsignmentId) -> QueryResult<()> {
        diesel::update(
            consignments::table
                .find(id)
                .filter(consignments::status.eq(ConsignmentStatus::Registered)),
        )
        .set(consignments::status.eq(ConsignmentStatus::Sampled))
        .execute(conn)?;
        Ok(())
    }
}
