//! Eligibility for a destination: whether it requires a GACC registration (China), the
//! registration an exporter holds for a commodity on a day, and the additional declarations
//! a destination's protocol offers for a commodity.

use chrono::NaiveDate;
use diesel::QueryResult;

use crate::db::DbConn;
use crate::db::ids::{CommodityId, ExporterId, LimitSetId};
pub use crate::models::declaration::Declaration;
pub use crate::models::gacc_registration::GaccRegistration;
use crate::models::{Commodity, LimitSet};

/// The code of the limit set whose destination admits goods only from enterprises on the
/// GACC register: China.
pub const GACC_DESTINATION: &str = "CN";

/// A registration of `exporter` valid on `day` and not withdrawn, for `commodity` itself or
/// for an HS heading that prefixes the commodity's HS code (the most recent first).
pub fn registration_for(
    conn: &mut DbConn,
    exporter: ExporterId,
    commodity: CommodityId,
    day: NaiveDate,
) -> QueryResult<Option<GaccRegistration>> {
    let Some(commodity) = Commodity::find(conn, commodity)? else {
        return Ok(None);
    };
    Ok(
        GaccRegistration::valid_on(conn, exporter, commodity.id, day)?
            .into_iter()
            .find(|r| r.covers(commodity.id, &commodity.hs_code)),
    )
}

/// Whether the destination of `limit_set` admits goods only from registered enterprises.
pub fn requires_gacc(conn: &mut DbConn, limit_set: LimitSetId) -> QueryResult<bool> {
    Ok(LimitSet::find(conn, limit_set)?.is_some_and(|s| s.code == GACC_DESTINATION))
}

/// Whether a shipment of `commodity` by `exporter` to the destination of `limit_set` lacks
/// the GACC registration that destination requires, on `day`.
pub fn lacks_registration(
    conn: &mut DbConn,
    exporter: ExporterId,
    commodity: CommodityId,
    limit_set: LimitSetId,
    day: NaiveDate,
) -> QueryResult<bool> {
    Ok(requires_gacc(conn, limit_set)?
        && registration_for(conn, exporter, commodity, day)?.is_none())
}

/// The active declarations the destination of `limit_set` offers for `commodity`: those for
/// the commodity and those for every commodity, by code.
pub fn declarations_for(
    conn: &mut DbConn,
    limit_set: LimitSetId,
    commodity: CommodityId,
) -> QueryResult<Vec<Declaration>> {
    Declaration::active_for(conn, limit_set, commodity)
}

/// The registrations of a company, newest first (withdrawn and expired ones too).
pub fn registrations_of(
    conn: &mut DbConn,
    exporter: ExporterId,
) -> QueryResult<Vec<GaccRegistration>> {
    GaccRegistration::of_exporter(conn, exporter)
}
