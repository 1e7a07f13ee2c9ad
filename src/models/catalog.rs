//! The testing catalog: commodities, test methods, limit sets with their limits, and the
//! default panels (which tests each side runs for a commodity).

pub use crate::db::ids::{CommodityId, LimitId, LimitSetId, PanelTestId, TestMethodId};
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{commodities, limit_sets, limits, panel_tests, test_methods};
use crate::db::types::UtcTime;
use crate::domain::Side;
use crate::i18n::Lang;

mod commodity;
mod limit;
mod panel;
mod test_method;

pub use commodity::CommodityEntry;
pub use limit::{LimitEntry, NewLimitSet};
pub use test_method::MethodEntry;

pub use crate::domain::catalog::{CommodityKind, Discipline, LimitRule, ResultKind};

/// Names in the four languages, as every catalog entry has them.
pub trait Named {
    fn names(&self) -> [&str; 4];

    /// The name in `lang` (order of `names`: en, ru, kk, zh).
    fn name(&self, lang: &Lang) -> &str {
        let [en, ru, kk, zh] = self.names();
        match lang {
            Lang::En => en,
            Lang::Ru => ru,
            Lang::Kk => kk,
            Lang::Zh => zh,
        }
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = commodities)]
pub struct Commodity {
    pub id: CommodityId,
    pub name_en: String,
    pub name_ru: String,
    pub name_kk: String,
    pub name_zh: String,
    pub hs_code: String,
    pub kind: CommodityKind,
    pub demo: bool,
    pub active: bool,
    pub created_at: UtcTime,
    pub updated_at: UtcTime,
    pub version: i32,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = test_methods)]
pub struct TestMethod {
    pub id: TestMethodId,
    pub code: String,
    pub name_en: String,
    pub name_ru: String,
    pub name_kk: String,
    pub name_zh: String,
    pub discipline: Discipline,
    pub result_kind: ResultKind,
    pub unit: Option<String>,
    pub lod: Option<String>,
    pub loq: Option<String>,
    pub standard_kz: String,
    pub standard_cn: String,
    pub demo: bool,
    pub active: bool,
    pub created_at: UtcTime,
    pub updated_at: UtcTime,
    pub version: i32,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = limit_sets)]
pub struct LimitSet {
    pub id: LimitSetId,
    pub code: String,
    pub name_en: String,
    pub name_ru: String,
    pub name_kk: String,
    pub name_zh: String,
    pub reference: String,
    pub demo: bool,
    pub created_at: UtcTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = limits)]
pub struct Limit {
    pub id: LimitId,
    pub limit_set_id: LimitSetId,
    pub commodity_id: CommodityId,
    pub test_method_id: TestMethodId,
    pub rule: LimitRule,
    pub value: Option<String>,
    pub unit: Option<String>,
    pub reference: String,
    pub created_at: UtcTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = panel_tests)]
pub struct PanelTest {
    pub id: PanelTestId,
    pub commodity_id: CommodityId,
    pub test_method_id: TestMethodId,
    pub side: Side,
    pub created_at: UtcTime,
}

macro_rules! named {
    ($($t:ty),*) => {$(
        impl Named for $t {
            fn names(&self) -> [&str; 4] {
                [&self.name_en, &self.name_ru, &self.name_kk, &self.name_zh]
            }
        }
    )*};
}
named!(Commodity, TestMethod, LimitSet);

impl Commodity {
    pub fn find(conn: &mut DbConn, id: CommodityId) -> QueryResult<Option<Commodity>> {
        commodities::table
            .find(id)
            .select(Commodity::as_select())
            .first(conn)
            .optional()
    }

    /// Every commodity, active first, by English name.
    pub fn all(conn: &mut DbConn) -> QueryResult<Vec<Commodity>> {
        commodities::table
            .select(Commodity::as_select())
            .order((commodities::active.desc(), commodities::name_en))
            .load(conn)
    }

    /// The commodities an application may name.
    pub fn active(conn: &mut DbConn) -> QueryResult<Vec<Commodity>> {
        commodities::table
            .filter(commodities::active.eq(true))
            .select(Commodity::as_select())
            .order(commodities::name_en)
            .load(conn)
    }
}

impl TestMethod {
    pub fn find(conn: &mut DbConn, id: TestMethodId) -> QueryResult<Option<TestMethod>> {
        test_methods::table
            .find(id)
            .select(TestMethod::as_select())
            .first(conn)
            .optional()
    }

    pub fn all(conn: &mut DbConn) -> QueryResult<Vec<TestMethod>> {
        test_methods::table
            .select(TestMethod::as_select())
            .order(test_methods::code)
            .load(conn)
    }
}

impl LimitSet {
    pub fn find(conn: &mut DbConn, id: LimitSetId) -> QueryResult<Option<LimitSet>> {
        limit_sets::table
            .find(id)
            .select(LimitSet::as_select())
            .first(conn)
            .optional()
    }

    pub fn all(conn: &mut DbConn) -> QueryResult<Vec<LimitSet>> {
        limit_sets::table
            .select(LimitSet::as_select())
            .order(limit_sets::code)
            .load(conn)
    }

    pub fn find_by_code(conn: &mut DbConn, code: &str) -> QueryResult<Option<LimitSet>> {
        limit_sets::table
            .filter(limit_sets::code.eq(code))
            .select(LimitSet::as_select())
            .first(conn)
            .optional()
    }
}
