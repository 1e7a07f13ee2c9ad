pub use crate::db::ids::BorderPostId;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::border_posts;
use crate::db::types::UtcTime;
use crate::i18n::Lang;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = border_posts)]
pub struct BorderPost {
    pub id: BorderPostId,
    pub code: String,
    pub name_en: String,
    pub name_ru: String,
    pub name_kk: String,
    pub name_zh: String,
    pub transport: String,
    pub crossing: String,
    pub active: bool,
    pub created_at: UtcTime,
}

impl BorderPost {
    pub fn name(&self, lang: &Lang) -> &str {
        match lang {
            Lang::En => &self.name_en,
            Lang::Ru => &self.name_ru,
            Lang::Kk => &self.name_kk,
            Lang::Zh => &self.name_zh,
        }
    }

    pub fn all(conn: &mut DbConn) -> QueryResult<Vec<BorderPost>> {
        border_posts::table
            .select(BorderPost::as_select())
            .order(border_posts::code)
            .load(conn)
    }

    pub fn find(conn: &mut DbConn, id: BorderPostId) -> QueryResult<Option<BorderPost>> {
        border_posts::table
            .find(id)
            .select(BorderPost::as_select())
            .first(conn)
            .optional()
    }

    pub fn find_by_code(conn: &mut DbConn, code: &str) -> QueryResult<Option<BorderPost>> {
        border_posts::table
            .filter(border_posts::code.eq(code.trim().to_uppercase()))
            .select(BorderPost::as_select())
            .first(conn)
            .optional()
    }
}
