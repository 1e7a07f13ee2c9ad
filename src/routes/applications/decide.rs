//! `POST /applications/{id}/accept` and `POST /applications/{id}/return` (registrars).

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, web};
use serde::Deserialize;

use super::show::load;
use crate::auth::Registrar;
use crate::db::write_tx;
use crate::domain::intake::required_text;
use crate::error::AppError;
use crate::models::Actor;
use crate::models::application::{Application, ApplicationId, Decision};
use crate::web::{AppState, Base};

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
    let user = who.0;
    let actor = Actor::user(user.id, &user.email);
    let by = user.id;
    let viewer = user.clone();
    let decision = state
        .db
        .run(move |conn| {
            Application::find_for(conn, &viewer, id)?.ok_or(AppError::NotFound)?;
            Ok(write_tx(conn, |conn| {
                Application::accept(conn, &actor, by, id, version)
            })?)
        })
        .await?;
    match decision {
        Decision::Done(consignment) => Ok(HttpResponse::SeeOther()
            .insert_header((
                header::LOCATION,
                format!("/consignments/{}", consignment.id),
            ))
            .finish()),
        Decision::Stale => stale(&state, base, user, id, String::new()).await,
    }
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
    let user = who.0;
    let reason = match required_text(&form.reason, 1000) {
        Ok(reason) => reason,
        Err(e) => {
            let mut page = load(&state, base, user, id).await?;
            page.reason = form.reason;
            page.reason_error = Some(e);
            return page.answer(StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let actor = Actor::user(user.id, &user.email);
    let by = user.id;
    let viewer = user.clone();
    let decision = state
        .db
        .run(move |conn| {
            Application::find_for(conn, &viewer, id)?.ok_or(AppError::NotFound)?;
            Ok(write_tx(conn, |conn| {
                Application::send_back(conn, &actor, by, id, version, &reason)
            })?)
        })
        .await?;
    match decision {
        Decision::Done(()) => Ok(HttpResponse::SeeOther()
            .insert_header((header::LOCATION, format!("/applications/{id}")))
            .finish()),
        Decision::Stale => stale(&state, base, user, id, form.reason).await,
    }
}

/// Someone decided first: the current state, with what was typed and a conflict message.
async fn stale(
    state: &AppState,
    base: Base,
    user: crate::models::User,
    id: ApplicationId,
    reason: String,
) -> Result<HttpResponse, AppError> {
    let mut page = load(state, base, user, id).await?;
    page.reason = reason;
    page.notice = Some("form.stale");
    page.answer(StatusCode::CONFLICT)
}
