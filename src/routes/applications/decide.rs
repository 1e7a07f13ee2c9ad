//! `POST /applications/{id}/accept` and `POST /applications/{id}/return` (registrars).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use serde::Deserialize;

use super::show::load;
use crate::auth::Registrar;
use crate::domain::intake::required_paragraph;
use crate::error::AppError;
use crate::models::application::ApplicationId;
use crate::web::{AppState, Base, answer};
use crate::workflows::{apply, intake};

#[derive(Deserialize)]
pub struct DecisionForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    reason: String,
}

pub async fn accept(
    state: web::Data<AppState>,
    base: Base,
    who: Registrar,
    id: web::Path<ApplicationId>,
    form: web::Form<DecisionForm>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let version: i32 = form.version.parse().map_err(|_| AppError::BadRequest)?;
    let staff = who.0;
    let by = staff.clone();
    let site = crate::mail::Site::from_settings(&state.settings);
    let change = apply(&state.db, move |conn| {
        intake::accept(conn, &by, id, version, &site)
    })
    .await?;
    answer(
        change,
        |consignment| format!("/consignments/{}", consignment.id),
        async |notice| {
            let mut page = load(&state, base, staff.user, id).await?;
            page.notice = Some(notice);
            Ok(page)
        },
    )
    .await
}

pub async fn send_back(
    state: web::Data<AppState>,
    base: Base,
    who: Registrar,
    id: web::Path<ApplicationId>,
    form: web::Form<DecisionForm>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let form = form.into_inner();
    let version: i32 = form.version.parse().map_err(|_| AppError::BadRequest)?;
    let staff = who.0;
    let reason = match required_paragraph(&form.reason, 1000) {
        Ok(reason) => reason,
        Err(e) => {
            let mut page = load(&state, base, staff.user, id).await?;
            page.reason = form.reason;
            page.reason_error = Some(e);
            return page.answer(StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let by = staff.clone();
    let site = crate::mail::Site::from_settings(&state.settings);
    let change = apply(&state.db, move |conn| {
        intake::send_back(conn, &by, id, version, &reason, &site)
    })
    .await?;
    answer(
        change,
        |()| format!("/applications/{id}"),
        async |notice| {
            let mut page = load(&state, base, staff.user, id).await?;
            page.reason = form.reason;
            page.notice = Some(notice);
            Ok(page)
        },
    )
    .await
}
