use actix_web::{HttpResponse, web};

use super::add_limit::LimitForm;
use super::show::{LimitSetData, LimitSetPage};
use crate::auth::Admin;
use crate::error::AppError;
use crate::models::catalog::{Limit, LimitId};
use crate::web::{AppState, Base, answer};
use crate::workflows::{apply_on, catalog};

/// `POST /admin/catalog/limits/{id}/remove`: removes one limit from its set (the audit log
/// keeps what it was), then shows the set; if a parallel request removed it first, the set's
/// page says so (409).
pub async fn submit(
    state: web::Data<AppState>,
    base: Base,
    admin: Admin,
    id: web::Path<LimitId>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let admin = admin.0;
    let (set, change) = state
        .db
        .run(move |conn| {
            let set = Limit::find(conn, id)?
                .ok_or(AppError::NotFound)?
                .limit_set_id;
            let change = apply_on(conn, |conn| catalog::remove_limit(conn, &admin, id))?;
            Ok((set, change))
        })
        .await?;
    answer(
        change,
        |_| format!("/admin/catalog/limit-sets/{set}?saved=removed"),
        async |notice| {
            let data = state
                .db
                .run(move |conn| LimitSetData::load(conn, set))
                .await?;
            let mut page = LimitSetPage::new(base, data, LimitForm::default());
            page.notice = Some(notice);
            Ok(page)
        },
    )
    .await
}
