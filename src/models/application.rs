//! Testing applications: an exporter (or a registrar for them) asks for a consignment to be
//! tested; a registrar accepts it into a consignment or returns it with a reason.

pub use crate::db::ids::ApplicationId;
use diesel::prelude::*;

use crate::domain::search::SearchQuery;

use crate::db::DbConn;
use crate::db::ids::{BorderPostId, CommodityId, ExporterId, LimitSetId, UserId};
use crate::db::schema::applications;
use crate::db::types::UtcTime;
use crate::domain::Scope;
use crate::domain::intake::{QuantityUnit, Shipment, Transport};

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
    search_text: String,
}

/// Filters of the application list.
pub type ApplicationFilter = crate::db::listing::IntakeFilter<ApplicationId, ApplicationStatus>;

impl Application {
    /// The shipment the application describes, as validated when it was filed.
    pub fn shipment(&self) -> Option<Shipment> {
        Some(Shipment {
            commodity_id: self.commodity_id,
            quantity: crate::domain::DecimalText::parse(&self.quantity).ok()?,
            unit: self.unit,
            lots: self.lots.clone(),
            origin_region: self.origin_region.clone(),
            origin_district: self.origin_district.clone(),
            producer: self.producer.clone(),
            consignee: self.consignee.clone(),
            border_post_id: self.border_post_id,
            transport: self.transport,
            planned_date: chrono::NaiveDate::parse_from_str(&self.planned_date, "%Y-%m-%d").ok()?,
            limit_set_id: self.limit_set_id,
        })
    }

    /// The application if `user` may see it: an exporter only their company's; lab staff any.
    /// Anything else answers `None`, exactly like an id that does not exist.
    /// The application if `scope` may see it.
    pub fn find_for(
        conn: &mut DbConn,
        scope: Scope,
        id: ApplicationId,
    ) -> QueryResult<Option<Application>> {
        let mut query = applications::table
            .filter(applications::id.eq(id))
            .select(Application::as_select())
            .into_boxed();
        if let Some(company) = scope.company() {
            query = query.filter(applications::exporter_id.eq(company));
        }
        query.first(conn).optional()
    }

    /// One page of the applications `scope` may see.
    pub fn list_for(
        conn: &mut DbConn,
        scope: Scope,
        filter: &ApplicationFilter,
        limit: i64,
    ) -> QueryResult<Vec<Application>> {
        let mut query = applications::table
            .select(Application::as_select())
            .into_boxed();
        if let Some(company) = scope.company() {
            query = query.filter(applications::exporter_id.eq(company));
        }
        if let Some(q) = filter.q.as_deref().and_then(SearchQuery::parse) {
            if let Some(code) = q.application_code() {
                query = query.filter(applications::code.eq(code.to_owned()));
            } else if q.bin().is_some() {
                let companies = crate::db::search::exporters(conn, &q)?;
                query = query.filter(applications::exporter_id.eq_any(companies));
            } else {
                let found = crate::db::search::applications_by_text(conn, &q)?;
                let companies = crate::db::search::exporters(conn, &q)?;
                // A number alone (`123`, `2026-000123`) is also an application number.
                let numbered = q.codes_by_number("APP", crate::domain::search::this_year());
                query = if numbered.is_empty() {
                    query.filter(
                        applications::id
                            .eq_any(found)
                            .or(applications::exporter_id.eq_any(companies)),
                    )
                } else {
                    query.filter(
                        applications::id
                            .eq_any(found)
                            .or(applications::exporter_id.eq_any(companies))
                            .or(applications::code.eq_any(numbered)),
                    )
                };
            }
        }
        crate::apply_intake_filter!(query, conn, filter, table: applications::table, status: applications::status,
            commodity: applications::commodity_id, exporter: applications::exporter_id, post: applications::border_post_id,
            created: applications::submitted_at, id: applications::id,
            sort: { "code" => applications::code, String; "created" => applications::submitted_at, UtcTime;
                    "planned" => applications::planned_date, String; "status" => applications::status, ApplicationStatus });
        query.limit(limit).load(conn)
    }

    /// Inserts a submitted application under `code`.
    pub fn insert(
        conn: &mut DbConn,
        code: &str,
        by: UserId,
        exporter: ExporterId,
        shipment: &Shipment,
    ) -> QueryResult<Application> {
        diesel::insert_into(applications::table)
            .values(NewApplication {
                id: ApplicationId::new(),
                code,
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
                submitted_at: UtcTime::now(),
                version: 1,
                search_text: shipment.search_text(),
            })
            .returning(APPLICATIONS_COLUMNS)
            .get_result(conn)
    }

    /// Marks a submitted application decided (accepted, or returned with a reason), from the
    /// version the page showed; false when it changed since.
    pub fn decide(
        conn: &mut DbConn,
        id: ApplicationId,
        version: i32,
        by: UserId,
        return_reason: Option<&str>,
    ) -> QueryResult<bool> {
        let status = match return_reason {
            None => ApplicationStatus::Accepted,
            Some(_) => ApplicationStatus::Returned,
        };
        let updated = diesel::update(
            applications::table
                .find(id)
                .filter(applications::version.eq(version))
                .filter(applications::status.eq(ApplicationStatus::Submitted)),
        )
        .set((
            applications::status.eq(status),
            applications::return_reason.eq(return_reason),
            applications::decided_by.eq(Some(by)),
            applications::decided_at.eq(Some(UtcTime::now())),
            applications::version.eq(version + 1),
        ))
        .execute(conn)?;
        Ok(updated == 1)
    }

    /// Puts a returned application back in the registry's queue with the corrected
    /// shipment, from the version the form showed; false when it changed since (or is no
    /// longer returned).
    pub fn resubmit(
        conn: &mut DbConn,
        id: ApplicationId,
        version: i32,
        shipment: &Shipment,
    ) -> QueryResult<bool> {
        let updated = diesel::update(
            applications::table
                .find(id)
                .filter(applications::version.eq(version))
                .filter(applications::status.eq(ApplicationStatus::Returned)),
        )
        .set((
            applications::commodity_id.eq(shipment.commodity_id),
            applications::quantity.eq(shipment.quantity.as_str()),
            applications::unit.eq(shipment.unit),
            applications::lots.eq(&shipment.lots),
            applications::origin_region.eq(&shipment.origin_region),
            applications::origin_district.eq(&shipment.origin_district),
            applications::producer.eq(&shipment.producer),
            applications::consignee.eq(&shipment.consignee),
            applications::border_post_id.eq(shipment.border_post_id),
            applications::transport.eq(shipment.transport),
            applications::planned_date.eq(shipment.planned_date.to_string()),
            applications::limit_set_id.eq(shipment.limit_set_id),
            applications::status.eq(ApplicationStatus::Submitted),
            applications::return_reason.eq(None::<String>),
            applications::decided_by.eq(None::<UserId>),
            applications::decided_at.eq(None::<UtcTime>),
            applications::submitted_at.eq(UtcTime::now()),
            applications::version.eq(version + 1),
            applications::search_text.eq(shipment.search_text()),
        ))
        .execute(conn)?;
        Ok(updated == 1)
    }
}

crate::column_list!(
    /// The columns of [`Application`] in its field order (`all_columns` also has the search column).
    APPLICATIONS_COLUMNS = applications(
    id,
    code,
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
    return_reason,
    submitted_by,
    submitted_at,
    decided_by,
    decided_at,
    version,
));
