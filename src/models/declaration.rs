//! Additional declarations: fixed sentences a destination's protocol requires on a
//! certificate ("The wheat is free from Tilletia indica"), for one destination (limit set)
//! and one commodity or all of its commodities, in the four languages. Retired, never
//! deleted; the workflow audits each change.

pub use crate::db::ids::DeclarationId;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::ids::{CommodityId, LimitSetId};
use crate::db::schema::declarations;
use crate::db::types::UtcTime;
use crate::i18n::Lang;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = declarations)]
pub struct Declaration {
    pub id: DeclarationId,
    pub code: String,
    pub limit_set_id: LimitSetId,
    /// `None`: every commodity of the destination.
    pub commodity_id: Option<CommodityId>,
    pub text_en: String,
    pub text_ru: String,
    pub text_kk: String,
    pub text_zh: String,
    pub active: bool,
    pub demo: bool,
    pub created_at: UtcTime,
    pub updated_at: UtcTime,
    pub version: i32,
}

/// A declaration as its form describes it, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeclarationEntry {
    pub code: String,
    pub limit_set_id: LimitSetId,
    pub commodity_id: Option<CommodityId>,
    pub text_en: String,
    pub text_ru: String,
    pub text_kk: String,
    pub text_zh: String,
    pub active: bool,
}

impl DeclarationEntry {
    pub fn audit_view(&self) -> serde_json::Value {
        serde_json::json!({
            "code": self.code,
            "limit_set": self.limit_set_id.to_string(),
            "commodity": self.commodity_id.map(|c| c.to_string()),
            "text_en": self.text_en,
            "text_ru": self.text_ru,
            "text_kk": self.text_kk,
            "text_zh": self.text_zh,
            "active": self.active,
        })
    }
}

#[derive(Insertable)]
#[diesel(table_name = declarations)]
struct NewDeclaration<'a> {
    id: DeclarationId,
    code: &'a str,
    limit_set_id: LimitSetId,
    commodity_id: Option<CommodityId>,
    text_en: &'a str,
    text_ru: &'a str,
    text_kk: &'a str,
    text_zh: &'a str,
    active: bool,
    demo: bool,
    created_at: UtcTime,
    updated_at: UtcTime,
    version: i32,
}

impl Declaration {
    pub fn create(
        conn: &mut DbConn,
        entry: &DeclarationEntry,
        demo: bool,
    ) -> QueryResult<Declaration> {
        let now = UtcTime::now();
        diesel::insert_into(declarations::table)
            .values(NewDeclaration {
                id: DeclarationId::new(),
                code: &entry.code,
                limit_set_id: entry.limit_set_id,
                commodity_id: entry.commodity_id,
                text_en: &entry.text_en,
                text_ru: &entry.text_ru,
                text_kk: &entry.text_kk,
                text_zh: &entry.text_zh,
                active: entry.active,
                demo,
                created_at: now,
                updated_at: now,
                version: 1,
            })
            .returning(declarations::all_columns)
            .get_result(conn)
    }

    /// Saves an edited declaration if it is still at `version`; `None` if someone changed it
    /// first.
    pub fn update(
        conn: &mut DbConn,
        id: DeclarationId,
        version: i32,
        entry: &DeclarationEntry,
    ) -> QueryResult<Option<Declaration>> {
        diesel::update(
            declarations::table
                .find(id)
                .filter(declarations::version.eq(version)),
        )
        .set((
            declarations::code.eq(&entry.code),
            declarations::limit_set_id.eq(entry.limit_set_id),
            declarations::commodity_id.eq(entry.commodity_id),
            declarations::text_en.eq(&entry.text_en),
            declarations::text_ru.eq(&entry.text_ru),
            declarations::text_kk.eq(&entry.text_kk),
            declarations::text_zh.eq(&entry.text_zh),
            declarations::active.eq(entry.active),
            declarations::updated_at.eq(UtcTime::now()),
            declarations::version.eq(version + 1),
        ))
        .returning(declarations::all_columns)
        .get_result(conn)
        .optional()
    }

    /// Retires an active declaration still at `version`; `None` if someone changed it first.
    pub fn retire(
        conn: &mut DbConn,
        id: DeclarationId,
        version: i32,
    ) -> QueryResult<Option<Declaration>> {
        diesel::update(
            declarations::table
                .find(id)
                .filter(declarations::version.eq(version))
                .filter(declarations::active.eq(true)),
        )
        .set((
            declarations::active.eq(false),
            declarations::updated_at.eq(UtcTime::now()),
            declarations::version.eq(version + 1),
        ))
        .returning(declarations::all_columns)
        .get_result(conn)
        .optional()
    }

    pub fn find(conn: &mut DbConn, id: DeclarationId) -> QueryResult<Option<Declaration>> {
        declarations::table
            .find(id)
            .select(Declaration::as_select())
            .first(conn)
            .optional()
    }

    pub fn find_by_code(conn: &mut DbConn, code: &str) -> QueryResult<Option<Declaration>> {
        declarations::table
            .filter(declarations::code.eq(code))
            .select(Declaration::as_select())
            .first(conn)
            .optional()
    }

    /// Every declaration, active first, by code.
    pub fn all(conn: &mut DbConn) -> QueryResult<Vec<Declaration>> {
        declarations::table
            .select(Declaration::as_select())
            .order((declarations::active.desc(), declarations::code))
            .load(conn)
    }

    pub fn count(conn: &mut DbConn) -> QueryResult<i64> {
        declarations::table.count().get_result(conn)
    }

    /// The active declarations of a destination for a commodity (its own and those for every
    /// commodity), by code.
    pub fn active_for(
        conn: &mut DbConn,
        limit_set: LimitSetId,
        commodity: CommodityId,
    ) -> QueryResult<Vec<Declaration>> {
        declarations::table
            .filter(declarations::limit_set_id.eq(limit_set))
            .filter(declarations::active.eq(true))
            .filter(
                declarations::commodity_id
                    .is_null()
                    .or(declarations::commodity_id.eq(commodity)),
            )
            .select(Declaration::as_select())
            .order(declarations::code)
            .load(conn)
    }

    /// The text in `lang`.
    pub fn text(&self, lang: &Lang) -> &str {
        match lang {
            Lang::En => &self.text_en,
            Lang::Ru => &self.text_ru,
            Lang::Kk => &self.text_kk,
            Lang::Zh => &self.text_zh,
        }
    }

    pub fn audit_view(&self) -> serde_json::Value {
        serde_json::json!({
            "code": self.code,
            "limit_set": self.limit_set_id.to_string(),
            "commodity": self.commodity_id.map(|c| c.to_string()),
            "text_en": self.text_en,
            "text_ru": self.text_ru,
            "text_kk": self.text_kk,
            "text_zh": self.text_zh,
            "active": self.active,
        })
    }
}
