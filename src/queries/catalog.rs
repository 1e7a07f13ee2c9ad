//! The catalog's reads that join its tables: a commodity's panels with their methods, and a
//! limit set's limits with their commodities and methods.

use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{commodities, limits, panel_tests, test_methods};
use crate::domain::Side;
use crate::models::catalog::{Commodity, CommodityId, Limit, LimitSetId, PanelTest, TestMethod};

/// A limit with the commodity and method it is about, as the limit set's page lists it.
pub type LimitRow = (Limit, Commodity, TestMethod);

/// The default panel of a commodity for one side, with the methods.
pub fn panel(
    conn: &mut DbConn,
    commodity: CommodityId,
    side: Side,
) -> QueryResult<Vec<(PanelTest, TestMethod)>> {
    panel_tests::table
        .inner_join(test_methods::table)
        .filter(panel_tests::commodity_id.eq(commodity))
        .filter(panel_tests::side.eq(side))
        .select((PanelTest::as_select(), TestMethod::as_select()))
        .order(test_methods::code)
        .load(conn)
}

/// Both sides' panels of a commodity, by side then method code.
pub fn panels(
    conn: &mut DbConn,
    commodity: CommodityId,
) -> QueryResult<Vec<(PanelTest, TestMethod)>> {
    panel_tests::table
        .inner_join(test_methods::table)
        .filter(panel_tests::commodity_id.eq(commodity))
        .select((PanelTest::as_select(), TestMethod::as_select()))
        .order((panel_tests::side, test_methods::code))
        .load(conn)
}

/// The limits of one limit set for a commodity, with the methods.
pub fn limits_for(
    conn: &mut DbConn,
    set: LimitSetId,
    commodity: CommodityId,
) -> QueryResult<Vec<(Limit, TestMethod)>> {
    limits::table
        .inner_join(test_methods::table)
        .filter(limits::limit_set_id.eq(set))
        .filter(limits::commodity_id.eq(commodity))
        .select((Limit::as_select(), TestMethod::as_select()))
        .order(test_methods::code)
        .load(conn)
}

/// Every limit of a set, by commodity then method code.
pub fn limits_in_set(conn: &mut DbConn, set: LimitSetId) -> QueryResult<Vec<LimitRow>> {
    limits::table
        .inner_join(commodities::table)
        .inner_join(test_methods::table)
        .filter(limits::limit_set_id.eq(set))
        .select((
            Limit::as_select(),
            Commodity::as_select(),
            TestMethod::as_select(),
        ))
        .order((commodities::name_en, commodities::id, test_methods::code))
        .load(conn)
}
