//! Consignments: what crosses the border and is certified, made from an accepted application
//! (or entered by a registrar directly).

pub use crate::db::ids::ConsignmentId;
pub use crate::domain::intake::{QuantityUnit, Shipment, Transport};
use diesel::prelude::*;

use crate::domain::search::SearchQuery;

use crate::db::DbConn;
use crate::db::ids::{ApplicationId, BorderPostId, CommodityId, ExporterId, LimitSetId, UserId};
use crate::db::schema::consignments;
use crate::db::types::UtcTime;
use crate::domain::Scope;

crate::text_enum! {
    ConsignmentStatus {
        Registered => "registered",
        Sampled => "sampled",
        InTesting => "in_testing",
        Tested => "tested",
        Closed => "closed",
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
    search_text: String,
}

/// Filters of the consignment list.
pub type ConsignmentFilter = crate::db::listing::IntakeFilter<ConsignmentId, ConsignmentStatus>;

impl Consignment {
    /// Inserts a registered consignment under `code`.
    pub fn insert(
        conn: &mut DbConn,
        code: &str,
        by: UserId,
        application: Option<ApplicationId>,
        exporter: ExporterId,
        shipment: &Shipment,
    ) -> QueryResult<Consignment> {
        diesel::insert_into(consignments::table)
            .values(NewConsignment {
                id: ConsignmentId::new(),
                code,
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
                created_at: UtcTime::now(),
                version: 1,
                search_text: shipment.search_text(),
            })
            .returning(CONSIGNMENTS_COLUMNS)
            .get_result(conn)
    }

    /// The consignment if `scope` may see it.
    pub fn find_for(
        conn: &mut DbConn,
        scope: Scope,
        id: ConsignmentId,
    ) -> QueryResult<Option<Consignment>> {
        let mut query = consignments::table
            .filter(consignments::id.eq(id))
            .select(Consignment::as_select())
            .into_boxed();
        if let Some(company) = scope.company() {
            query = query.filter(consignments::exporter_id.eq(company));
        }
        query.first(conn).optional()
    }

    /// One page of the consignments `scope` may see.
    pub fn list_for(
        conn: &mut DbConn,
        scope: Scope,
        filter: &ConsignmentFilter,
        limit: i64,
    ) -> QueryResult<Vec<Consignment>> {
        let mut query = consignments::table
            .select(Consignment::as_select())
            .into_boxed();
        if let Some(company) = scope.company() {
            query = query.filter(consignments::exporter_id.eq(company));
        }
        if let Some(q) = filter.q.as_deref().and_then(SearchQuery::parse) {
            if let Some(code) = q.consignment_code() {
                query = query.filter(consignments::code.eq(code.to_owned()));
            } else if q.bin().is_some() {
                let companies = crate::db::search::exporters(conn, &q)?;
                query = query.filter(consignments::exporter_id.eq_any(companies));
            } else {
                let found = crate::db::search::consignments_by_text(conn, &q)?;
                // A number alone (`123`, `2026-000123`) is also a consignment number.
                let numbered = q.codes_by_number("KC", crate::domain::search::this_year());
                query = if numbered.is_empty() {
                    query.filter(consignments::id.eq_any(found))
                } else {
                    query.filter(
                        consignments::id
                            .eq_any(found)
                            .or(consignments::code.eq_any(numbered)),
                    )
                };
            }
        }
        crate::apply_intake_filter!(query, conn, filter, table: consignments::table, status: consignments::status,
            commodity: consignments::commodity_id, exporter: consignments::exporter_id, post: consignments::border_post_id,
            created: consignments::created_at, id: consignments::id,
            sort: { "code" => consignments::code, String; "created" => consignments::created_at, UtcTime;
                    "planned" => consignments::planned_date, String; "status" => consignments::status, ConsignmentStatus });
        query.limit(limit).load(conn)
    }

    /// The consignment made from an application, if any (and if `scope` may see it).
    pub fn of_application(
        conn: &mut DbConn,
        scope: Scope,
        application: ApplicationId,
    ) -> QueryResult<Option<Consignment>> {
        let mut query = consignments::table
            .filter(consignments::application_id.eq(application))
            .select(Consignment::as_select())
            .into_boxed();
        if let Some(company) = scope.company() {
            query = query.filter(consignments::exporter_id.eq(company));
        }
        query.first(conn).optional()
    }

    /// Sets the status derived from the consignment's samples (a closed one stays closed).
    pub fn set_status(
        conn: &mut DbConn,
        id: ConsignmentId,
        status: ConsignmentStatus,
    ) -> QueryResult<()> {
        diesel::update(
            consignments::table
                .find(id)
                .filter(consignments::status.ne(ConsignmentStatus::Closed))
                .filter(consignments::status.ne(status)),
        )
        .set(consignments::status.eq(status))
        .execute(conn)?;
        Ok(())
    }

    /// Closes the consignment: its certificate or non-conformity notice is issued.
    pub fn close(conn: &mut DbConn, id: ConsignmentId) -> QueryResult<()> {
        diesel::update(
            consignments::table
                .find(id)
                .filter(consignments::status.ne(ConsignmentStatus::Closed)),
        )
        .set(consignments::status.eq(ConsignmentStatus::Closed))
        .execute(conn)?;
        Ok(())
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

crate::column_list!(
    /// The columns of [`Consignment`] in its field order (`all_columns` also has the search column).
    CONSIGNMENTS_COLUMNS = consignments(
    id,
    code,
    application_id,
    exporter_id,
    commodity_id,
    quantity,
    unit,
    lots,
    origin_region,
    origin_district,
    producer,
    consignee,
    border_post_id,
    transport,
    planned_date,
    limit_set_id,
    status,
    created_by,
    created_at,
    version,
));
