//! Writing default panels: which test methods each side runs for a commodity (the workflow
//! audits each change).

use diesel::prelude::*;
use serde_json::json;

use super::PanelTest;
use crate::db::DbConn;
use crate::db::ids::{CommodityId, PanelTestId, TestMethodId};
use crate::db::schema::panel_tests;
use crate::db::types::UtcTime;
use crate::domain::Side;

#[derive(Insertable)]
#[diesel(table_name = panel_tests)]
struct NewPanelTest {
    id: PanelTestId,
    commodity_id: CommodityId,
    test_method_id: TestMethodId,
    side: Side,
    created_at: UtcTime,
}

impl PanelTest {
    pub fn find(conn: &mut DbConn, id: PanelTestId) -> QueryResult<Option<PanelTest>> {
        panel_tests::table
            .find(id)
            .select(PanelTest::as_select())
            .first(conn)
            .optional()
    }

    /// Whether `side` already runs `method` for `commodity` by default.
    pub fn exists(
        conn: &mut DbConn,
        commodity: CommodityId,
        method: TestMethodId,
        side: Side,
    ) -> QueryResult<bool> {
        diesel::select(diesel::dsl::exists(
            panel_tests::table
                .filter(panel_tests::commodity_id.eq(commodity))
                .filter(panel_tests::test_method_id.eq(method))
                .filter(panel_tests::side.eq(side)),
        ))
        .get_result(conn)
    }

    /// Panel tests per commodity and side, for the commodity list.
    pub fn counts(conn: &mut DbConn) -> QueryResult<Vec<(CommodityId, Side, i64)>> {
        panel_tests::table
            .group_by((panel_tests::commodity_id, panel_tests::side))
            .select((
                panel_tests::commodity_id,
                panel_tests::side,
                diesel::dsl::count_star(),
            ))
            .load(conn)
    }

    pub fn count(conn: &mut DbConn) -> QueryResult<i64> {
        panel_tests::table.count().get_result(conn)
    }

    /// Adds a method to a side's default panel.
    pub fn add(
        conn: &mut DbConn,
        commodity: CommodityId,
        method: TestMethodId,
        side: Side,
    ) -> QueryResult<PanelTest> {
        diesel::insert_into(panel_tests::table)
            .values(NewPanelTest {
                id: PanelTestId::new(),
                commodity_id: commodity,
                test_method_id: method,
                side,
                created_at: UtcTime::now(),
            })
            .returning(panel_tests::all_columns)
            .get_result(conn)
    }

    /// Takes a method off a side's default panel; `false` if it was not there (any more).
    pub fn remove(conn: &mut DbConn, id: PanelTestId) -> QueryResult<bool> {
        let removed = diesel::delete(panel_tests::table.find(id)).execute(conn)?;
        Ok(removed == 1)
    }

    /// The row as the audit log records it.
    pub fn audit_view(&self) -> serde_json::Value {
        json!({
            "commodity_id": self.commodity_id.to_string(),
            "test_method_id": self.test_method_id.to_string(),
            "side": self.side.as_str(),
        })
    }
}
