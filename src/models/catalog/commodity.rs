//! Writing commodities: insert, and edit guarded by the version (the workflow audits both).

use diesel::prelude::*;
use serde_json::json;

use super::Commodity;
use crate::db::DbConn;
use crate::db::ids::CommodityId;
use crate::db::schema::commodities;
use crate::db::types::UtcTime;
use crate::domain::HsCode;
use crate::domain::catalog::CommodityKind;
use crate::domain::catalog::Names;

/// A commodity as a form or the demo catalog describes it, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommodityEntry {
    pub names: Names,
    pub hs_code: HsCode,
    pub kind: CommodityKind,
    /// Inactive commodities stay in the catalog (and in old records) but cannot be chosen.
    pub active: bool,
}

impl CommodityEntry {
    /// The entry as the audit log records it.
    pub fn audit_view(&self) -> serde_json::Value {
        json!({
            "name_en": self.names.en,
            "name_ru": self.names.ru,
            "name_kk": self.names.kk,
            "name_zh": self.names.zh,
            "hs_code": self.hs_code.as_str(),
            "kind": self.kind.as_str(),
            "active": self.active,
        })
    }
}

#[derive(Insertable)]
#[diesel(table_name = commodities)]
struct NewCommodity<'a> {
    id: CommodityId,
    name_en: &'a str,
    name_ru: &'a str,
    name_kk: &'a str,
    name_zh: &'a str,
    hs_code: &'a str,
    kind: CommodityKind,
    demo: bool,
    active: bool,
    created_at: UtcTime,
    updated_at: UtcTime,
    version: i32,
}

#[derive(AsChangeset)]
#[diesel(table_name = commodities)]
struct CommodityChanges<'a> {
    name_en: &'a str,
    name_ru: &'a str,
    name_kk: &'a str,
    name_zh: &'a str,
    hs_code: &'a str,
    kind: CommodityKind,
    active: bool,
    updated_at: UtcTime,
    version: i32,
}

impl Commodity {
    /// Adds a commodity (`demo` for the demo catalog's rows).
    pub fn create(conn: &mut DbConn, entry: &CommodityEntry, demo: bool) -> QueryResult<Commodity> {
        let now = UtcTime::now();
        diesel::insert_into(commodities::table)
            .values(NewCommodity {
                id: CommodityId::new(),
                name_en: &entry.names.en,
                name_ru: &entry.names.ru,
                name_kk: &entry.names.kk,
                name_zh: &entry.names.zh,
                hs_code: entry.hs_code.as_str(),
                kind: entry.kind,
                demo,
                active: entry.active,
                created_at: now,
                updated_at: now,
                version: 1,
            })
            .returning(commodities::all_columns)
            .get_result(conn)
    }

    /// Saves an edited commodity if it is still at `version`; `None` if someone changed it
    /// first.
    pub fn update(
        conn: &mut DbConn,
        id: CommodityId,
        version: i32,
        entry: &CommodityEntry,
    ) -> QueryResult<Option<Commodity>> {
        diesel::update(
            commodities::table
                .find(id)
                .filter(commodities::version.eq(version)),
        )
        .set(CommodityChanges {
            name_en: &entry.names.en,
            name_ru: &entry.names.ru,
            name_kk: &entry.names.kk,
            name_zh: &entry.names.zh,
            hs_code: entry.hs_code.as_str(),
            kind: entry.kind,
            active: entry.active,
            updated_at: UtcTime::now(),
            version: version + 1,
        })
        .returning(commodities::all_columns)
        .get_result(conn)
        .optional()
    }

    /// The demo catalog's commodity with this HS code, if the demo seed created it.
    pub fn find_demo(conn: &mut DbConn, hs_code: &str) -> QueryResult<Option<Commodity>> {
        commodities::table
            .filter(commodities::hs_code.eq(hs_code))
            .filter(commodities::demo.eq(true))
            .select(Commodity::as_select())
            .order(commodities::created_at)
            .first(conn)
            .optional()
    }

    pub fn count(conn: &mut DbConn) -> QueryResult<i64> {
        commodities::table.count().get_result(conn)
    }

    /// The row as the audit log records it.
    pub fn audit_view(&self) -> serde_json::Value {
        json!({
            "name_en": self.name_en,
            "name_ru": self.name_ru,
            "name_kk": self.name_kk,
            "name_zh": self.name_zh,
            "hs_code": self.hs_code,
            "kind": self.kind.as_str(),
            "active": self.active,
        })
    }
}

impl CommodityKind {
    /// The catalog key of the kind's name.
    pub fn label_key(self) -> &'static str {
        match self {
            CommodityKind::Plant => "catalog.kind.plant",
            CommodityKind::Animal => "catalog.kind.animal",
        }
    }
}
