//! Exporters' registrations on the GACC register of enterprises allowed to export a commodity
//! to China: a register number for one commodity or for an HS heading (a prefix of the HS
//! codes it covers), valid from a day to a day (or open-ended). A registration is withdrawn,
//! never deleted; the workflow audits each change.

pub use crate::db::ids::GaccRegistrationId;
use chrono::NaiveDate;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::ids::{CommodityId, ExporterId, UserId};
use crate::db::schema::gacc_registrations;
use crate::db::types::UtcTime;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = gacc_registrations, treat_none_as_default_value = false)]
pub struct GaccRegistration {
    pub id: GaccRegistrationId,
    pub exporter_id: ExporterId,
    pub register_number: String,
    pub commodity_id: Option<CommodityId>,
    pub hs_heading: Option<String>,
    /// YYYY-MM-DD.
    pub valid_from: String,
    /// YYYY-MM-DD; `None` is open-ended.
    pub valid_to: Option<String>,
    pub withdrawn_at: Option<UtcTime>,
    pub withdrawn_by: Option<UserId>,
    pub created_at: UtcTime,
    pub version: i32,
}

/// What a registration covers: one commodity, or every commodity whose HS code starts with
/// a heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Coverage {
    Commodity(CommodityId),
    Heading(String),
}

/// A registration as its form describes it, validated.
#[derive(Debug, Clone)]
pub struct RegistrationEntry {
    pub exporter_id: ExporterId,
    pub register_number: String,
    pub coverage: Coverage,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
}

impl RegistrationEntry {
    /// Whether this entry's validity shares a day with `other`'s.
    pub fn overlaps(&self, other: &GaccRegistration) -> bool {
        let from = self.valid_from.to_string();
        let to = self.valid_to.map(|d| d.to_string());
        let starts_before_other_ends = other.valid_to.as_ref().is_none_or(|end| from <= *end);
        let other_starts_before_this_ends = to.is_none_or(|end| other.valid_from <= end);
        starts_before_other_ends && other_starts_before_this_ends
    }

    pub fn audit_view(&self) -> serde_json::Value {
        let (commodity, heading) = match &self.coverage {
            Coverage::Commodity(c) => (Some(c.to_string()), None),
            Coverage::Heading(h) => (None, Some(h.clone())),
        };
        serde_json::json!({
            "exporter": self.exporter_id.to_string(),
            "register_number": self.register_number,
            "commodity": commodity,
            "hs_heading": heading,
            "valid_from": self.valid_from.to_string(),
            "valid_to": self.valid_to.map(|d| d.to_string()),
        })
    }
}

#[derive(Insertable)]
#[diesel(table_name = gacc_registrations)]
struct NewRegistration<'a> {
    id: GaccRegistrationId,
    exporter_id: ExporterId,
    register_number: &'a str,
    commodity_id: Option<CommodityId>,
    hs_heading: Option<&'a str>,
    valid_from: String,
    valid_to: Option<String>,
    created_at: UtcTime,
    version: i32,
}

impl GaccRegistration {
    pub fn create(conn: &mut DbConn, entry: &RegistrationEntry) -> QueryResult<GaccRegistration> {
        let (commodity_id, hs_heading) = match &entry.coverage {
            Coverage::Commodity(c) => (Some(*c), None),
            Coverage::Heading(h) => (None, Some(h.as_str())),
        };
        diesel::insert_into(gacc_registrations::table)
            .values(NewRegistration {
                id: GaccRegistrationId::new(),
                exporter_id: entry.exporter_id,
                register_number: &entry.register_number,
                commodity_id,
                hs_heading,
                valid_from: entry.valid_from.to_string(),
                valid_to: entry.valid_to.map(|d| d.to_string()),
                created_at: UtcTime::now(),
                version: 1,
            })
            .returning(gacc_registrations::all_columns)
            .get_result(conn)
    }

    pub fn find(
        conn: &mut DbConn,
        id: GaccRegistrationId,
    ) -> QueryResult<Option<GaccRegistration>> {
        gacc_registrations::table
            .find(id)
            .select(GaccRegistration::as_select())
            .first(conn)
            .optional()
    }

    /// Every registration of a company, withdrawn ones too, newest validity first.
    pub fn of_exporter(
        conn: &mut DbConn,
        exporter: ExporterId,
    ) -> QueryResult<Vec<GaccRegistration>> {
        gacc_registrations::table
            .filter(gacc_registrations::exporter_id.eq(exporter))
            .select(GaccRegistration::as_select())
            .order((
                gacc_registrations::valid_from.desc(),
                gacc_registrations::id,
            ))
            .load(conn)
    }

    /// The company's registrations not withdrawn and valid on `day` that could cover
    /// `commodity`: those for it, and every heading (the caller matches headings to the HS
    /// code).
    pub fn valid_on(
        conn: &mut DbConn,
        exporter: ExporterId,
        commodity: CommodityId,
        day: NaiveDate,
    ) -> QueryResult<Vec<GaccRegistration>> {
        let day = day.to_string();
        gacc_registrations::table
            .filter(gacc_registrations::exporter_id.eq(exporter))
            .filter(gacc_registrations::withdrawn_at.is_null())
            .filter(gacc_registrations::valid_from.le(day.clone()))
            .filter(
                gacc_registrations::valid_to
                    .is_null()
                    .or(gacc_registrations::valid_to.ge(day)),
            )
            .filter(
                gacc_registrations::commodity_id
                    .eq(commodity)
                    .or(gacc_registrations::hs_heading.is_not_null()),
            )
            .select(GaccRegistration::as_select())
            .order((
                gacc_registrations::valid_from.desc(),
                gacc_registrations::id,
            ))
            .load(conn)
    }

    /// Withdraws the registration if it is still at `version` and not withdrawn; `None` if
    /// someone changed it first.
    pub fn withdraw(
        conn: &mut DbConn,
        id: GaccRegistrationId,
        version: i32,
        by: Option<UserId>,
    ) -> QueryResult<Option<GaccRegistration>> {
        diesel::update(
            gacc_registrations::table
                .find(id)
                .filter(gacc_registrations::version.eq(version))
                .filter(gacc_registrations::withdrawn_at.is_null()),
        )
        .set((
            gacc_registrations::withdrawn_at.eq(UtcTime::now()),
            gacc_registrations::withdrawn_by.eq(by),
            gacc_registrations::version.eq(version + 1),
        ))
        .returning(gacc_registrations::all_columns)
        .get_result(conn)
        .optional()
    }

    /// Whether it covers a commodity with this HS code (by the commodity itself or its
    /// heading).
    pub fn covers(&self, commodity: CommodityId, hs_code: &str) -> bool {
        self.commodity_id == Some(commodity)
            || self
                .hs_heading
                .as_deref()
                .is_some_and(|h| hs_code.starts_with(h))
    }

    /// Whether it is valid on `day` and not withdrawn.
    pub fn valid_on_day(&self, day: NaiveDate) -> bool {
        let day = day.to_string();
        self.withdrawn_at.is_none()
            && self.valid_from <= day
            && self.valid_to.as_ref().is_none_or(|to| day <= *to)
    }

    pub fn audit_view(&self) -> serde_json::Value {
        serde_json::json!({
            "exporter": self.exporter_id.to_string(),
            "register_number": self.register_number,
            "commodity": self.commodity_id.map(|c| c.to_string()),
            "hs_heading": self.hs_heading,
            "valid_from": self.valid_from,
            "valid_to": self.valid_to,
            "withdrawn": self.withdrawn_at.is_some(),
        })
    }
}
