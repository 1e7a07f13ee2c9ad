//! Testing applications: an exporter (or a registrar for them) asks for a consignment to be
//! tested; a registrar accepts it into a consignment or returns it with a reason.

use chrono::Datelike;
use diesel::prelude::*;
use serde_json::json;

use super::audit::{self, Actor, AuditEntry};
use super::catalog::{CommodityId, LimitSetId};
use super::consignment::{Consignment, QuantityUnit, Shipment, Transport};
use super::{BorderPostId, ExporterId, User, UserId, counter};
use crate::db::DbConn;
use crate::db::schema::{applications, exporters};
use crate::db::types::UtcTime;
use crate::domain::Role;

crate::typed_id!(
    /// A testing application.
    ApplicationId
);

crate::text_enum! {
    ApplicationStatus {
        Submitted => "submitted",
        Accepted => "accepted",
        Returned => "returned",
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = applications)]
pub struct Application {
    pub id: ApplicationId,
    pub code: String,
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
    pub status: ApplicationStatus,
    pub return_reason: Option<String>,
    pub submitted_by: UserId,
    pub submitted_at: UtcTime,
    pub decided_by: Option<UserId>,
    pub decided_at: Option<UtcTime>,
    pub version: i32,
}

#[derive(Insertable)]
#[diesel(table_name = applications)]
struct NewApplication<'a> {
    id: ApplicationId,
    code: &'a str,
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
    status: ApplicationStatus,
    submitted_by: UserId,
    submitted_at: UtcTime,
    version: i32,
}

/// Filters of the application list.
pub type ApplicationFilter = super::listing::IntakeFilter<ApplicationId, ApplicationStatus>;

/// What an accept or return found.
pub enum Decision<T> {
    Done(T),
    /// Someone else decided or changed the application since the page was loaded.
    Stale,
}

impl Application {
    /// The application if `user` may see it: an exporter only their company's; lab staff any.
    /// Anything else answers `None`, exactly like an id that does not exist.
    pub fn find_for(
        conn: &mut DbConn,
        user: &User,
        id: ApplicationId,
    ) -> QueryResult<Option<Application>> {
        let mut query = applications::table
            .filter(applications::id.eq(id))
            .select(Application::as_select())
            .into_boxed();
        if user.role == Role::Exporter {
            match user.exporter_id {
                Some(company) => query = query.filter(applications::exporter_id.eq(company)),
                None => return Ok(None),
            }
        }
        query.first(conn).optional()
    }

    /// One page of the applications `user` may see.
    pub fn list_for(
        conn: &mut DbConn,
        user: &User,
        filter: &ApplicationFilter,
        limit: i64,
    ) -> QueryResult<Vec<Application>> {
        let mut query = applications::table
            .inner_join(exporters::table)
            .select(Application::as_select())
            .into_boxed();
        if user.role == Role::Exporter {
            let Some(company) = user.exporter_id else {
                return Ok(Vec::new());
            };
            query = query.filter(applications::exporter_id.eq(company));
        }
        if let Some(pattern) = filter.pattern() {
            query = query.filter(
                applications::code
                    .like(pattern.clone())
                    .escape('\\')
                    .or(exporters::bin.like(pattern.clone()).escape('\\'))
                    .or(exporters::name.like(pattern).escape('\\')),
            );
        }
        crate::apply_intake_filter!(query, filter, status: applications::status, commodity: applications::commodity_id,
            exporter: applications::exporter_id, post: applications::border_post_id, created: applications::submitted_at,
            id: applications::id);
        query.limit(limit).load(conn)
    }

    /// Files an application for `exporter` and audits it (inside the caller's transaction).
    pub fn submit(
        conn: &mut DbConn,
        actor: &Actor,
        by: UserId,
        exporter: ExporterId,
        shipment: &Shipment,
    ) -> QueryResult<Application> {
        let now = UtcTime::now();
        let year = now.0.year();
        let code = counter::format("APP", year, counter::next(conn, "application", year)?);
        let application: Application = diesel::insert_into(applications::table)
            .values(NewApplication {
                id: ApplicationId::new(),
                code: &code,
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
                status: ApplicationStatus::Submitted,
                submitted_by: by,
                submitted_at: now,
                version: 1,
            })
            .returning(applications::all_columns)
            .get_result(conn)?;
        audit::record(
            conn,
            AuditEntry::new(
                actor,
                "application.submitted",
                "application",
                application.id,
            )
            .after(shipment.audit_view(&code)),
        )?;
        Ok(application)
    }

    /// Accepts a submitted application into a new consignment.
    pub fn accept(
        conn: &mut DbConn,
        actor: &Actor,
        by: UserId,
        id: ApplicationId,
        version: i32,
    ) -> QueryResult<Decision<Consignment>> {
        let Some(application) = applications::table
            .find(id)
            .select(Application::as_select())
            .first(conn)
            .optional()?
        else {
            return Err(diesel::result::Error::NotFound);
        };
        if application.version != version || application.status != ApplicationStatus::Submitted {
            return Ok(Decision::Stale);
        }
        diesel::update(applications::table.find(id))
            .set((
                applications::status.eq(ApplicationStatus::Accepted),
                applications::decided_by.eq(Some(by)),
                applications::decided_at.eq(Some(UtcTime::now())),
                applications::version.eq(version + 1),
            ))
            .execute(conn)?;
        let shipment = Shipment::of_application(&application).ok_or_else(|| {
            diesel::result::Error::DeserializationError("stored application does not parse".into())
        })?;
        let consignment = Consignment::create(
            conn,
            actor,
            by,
            Some(application.id),
            application.exporter_id,
            &shipment,
        )?;
        audit::record(
            conn,
            AuditEntry::new(actor, "application.accepted", "application", id)
                .after(json!({ "consignment": consignment.code })),
        )?;
        Ok(Decision::Done(consignment))
    }

    /// Returns a submitted application to the exporter with a reason they will see.
    pub fn send_back(
        conn: &mut DbConn,
        actor: &Actor,
        by: UserId,
        id: ApplicationId,
        version: i32,
        reason: &str,
    ) -> QueryResult<Decision<()>> {
        let updated = diesel::update(
            applications::table
                .find(id)
                .filter(applications::version.eq(version))
                .filter(applications::status.eq(ApplicationStatus::Submitted)),
        )
        .set((
            applications::status.eq(ApplicationStatus::Returned),
            applications::return_reason.eq(Some(reason)),
            applications::decided_by.eq(Some(by)),
            applications::decided_at.eq(Some(UtcTime::now())),
            applications::version.eq(version + 1),
        ))
        .execute(conn)?;
        if updated == 0 {
            return Ok(Decision::Stale);
        }
        audit::record(
            conn,
            AuditEntry::new(actor, "application.returned", "application", id)
                .after(json!({ "reason": reason })),
        )?;
        Ok(Decision::Done(()))
    }
}
