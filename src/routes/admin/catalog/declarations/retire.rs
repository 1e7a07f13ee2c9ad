use actix_web::{HttpResponse, web};
use serde::Deserialize;

use super::super::Errors;
use crate::auth::Admin;
use crate::error::AppError;
use crate::models::declaration::DeclarationId;
use crate::web::{AppState, Base, answer};
use crate::workflows::{apply, eligibility};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RetireForm {
    version: String,
}

/// `POST /admin/catalog/declarations/{id}/retire`: no longer offered on new drafts (the
/// certificates that print it keep it). A parallel or earlier retirement makes this one
/// stale (409).
pub async fn submit(
    state: web::Data<AppState>,
    base: Base,
    admin: Admin,
    id: web::Path<DeclarationId>,
    form: web::Form<RetireForm>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let version: i32 = form
        .version
        .trim()
        .parse()
        .map_err(|_| AppError::BadRequest)?;
    let admin = admin.0;
    let change = apply(&state.db, move |conn| {
        eligibility::retire_declaration(conn, &admin, id, version)
    })
    .await?;
    answer(
        change,
        |_| format!("/admin/catalog/declarations/{id}?saved=retired"),
        async |key| super::edit::page(&state, base, id, None, Errors::default(), Some(key)).await,
    )
    .await
}
