use actix_web::{HttpResponse, web};
use askama::Template;

use crate::auth::Admin;
use crate::error::AppError;
use crate::models::LimitSet;
use crate::models::catalog::Named;
use crate::web::{AppState, Base, render};

#[derive(Template)]
#[template(path = "admin/catalog/limit_set_list.html")]
struct LimitSetListPage {
    base: Base,
    sets: Vec<(LimitSet, i64)>,
}

impl LimitSetListPage {
    fn name<'a>(&self, set: &'a LimitSet) -> &'a str {
        set.name(&self.base.lang)
    }
}

/// `GET /admin/catalog/limit-sets`: the destination markets' limit sets.
pub async fn show(
    state: web::Data<AppState>,
    base: Base,
    _admin: Admin,
) -> Result<HttpResponse, AppError> {
    let sets = state
        .db
        .run(|conn| Ok(LimitSet::with_counts(conn)?))
        .await?;
    render(&LimitSetListPage { base, sets })
}
