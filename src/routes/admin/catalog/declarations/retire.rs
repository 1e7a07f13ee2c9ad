use actix_web::{HttpResponse, web};
use serde::Deserialize;

use super::super::Errors;
use crate::auth::Admin;
use crate::error::AppError;
use crate::models::declaration::{Declaration, DeclarationId};
use crate::web::page::ConfirmPage;
use crate::web::{AppState, Base, answer, render};
use crate::workflows::{apply, eligibility};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RetireForm {
    version: String,
    /// `yes` once the administrator has confirmed on the confirmation page.
    confirm: String,
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
    // A retirement cannot be undone: ask first (works without JavaScript).
    if form.confirm != "yes" {
        let found = state
            .db
            .run(move |conn| Ok(Declaration::find(conn, id)?))
            .await?
            .ok_or(AppError::NotFound)?;
        let message = base.tf("declarations.confirm_retire", &[("code", &found.code)]);
        return render(&ConfirmPage {
            base,
            title: found.code,
            message,
            action: format!("/admin/catalog/declarations/{id}/retire"),
            back: format!("/admin/catalog/declarations/{id}"),
            fields: vec![("version".into(), version.to_string())],
        });
    }
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
