//! `POST /certificates/{id}/revoke` (an issued document, with a reason, after a confirmation
//! step) and `POST /certificates/{id}/discard` (a draft).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use serde::Deserialize;

use super::show::load;
use crate::auth::Certifier;
use crate::domain::intake::required_paragraph;
use crate::error::AppError;
use crate::models::certificate::CertificateId;
use crate::web::page::ConfirmPage;
use crate::web::{AppState, Base, answer, render, render_status};
use crate::workflows::apply;
use crate::workflows::certificates;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RevokeForm {
    pub version: String,
    pub reason: String,
    pub confirm: String,
}

pub async fn revoke(
    state: web::Data<AppState>,
    base: Base,
    who: Certifier,
    id: web::Path<CertificateId>,
    form: web::Form<RevokeForm>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let staff = who.0;
    let form = form.into_inner();
    let version: i32 = form
        .version
        .trim()
        .parse()
        .map_err(|_| AppError::BadRequest)?;
    let reason = match required_paragraph(&form.reason, 1000) {
        Ok(r) => r,
        Err(e) => {
            let mut page = load(&state, base, staff.user, id).await?;
            (page.reason, page.reason_error) = (form.reason, Some(e));
            return render_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    // A revocation cannot be undone: ask first (works without JavaScript).
    if form.confirm != "yes" {
        let page = load(&state, base, staff.user, id).await?;
        let number = page.doc.certificate.number.clone().unwrap_or_default();
        let message = page.base.tf(
            "certification.confirm_revoke",
            &[("number", &number), ("reason", &reason)],
        );
        return render(&ConfirmPage {
            base: page.base,
            title: number,
            message,
            action: format!("/certificates/{id}/revoke"),
            back: format!("/certificates/{id}"),
            fields: vec![
                ("version".into(), version.to_string()),
                ("reason".into(), form.reason.clone()),
            ],
        });
    }
    let by = staff.clone();
    let site = crate::mail::Site::from_settings(&state.settings);
    let change = apply(&state.db, move |conn| {
        certificates::revoke(conn, &by, id, version, &reason, &site)
    })
    .await?;
    answer(
        change,
        |()| format!("/certificates/{id}"),
        async |notice| {
            let mut page = load(&state, base, staff.user, id).await?;
            (page.notice, page.reason) = (Some(notice), form.reason);
            Ok(page)
        },
    )
    .await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DiscardForm {
    pub version: String,
}

pub async fn discard(
    state: web::Data<AppState>,
    base: Base,
    who: Certifier,
    id: web::Path<CertificateId>,
    form: web::Form<DiscardForm>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let staff = who.0;
    let version: i32 = form
        .version
        .trim()
        .parse()
        .map_err(|_| AppError::BadRequest)?;
    let by = staff.clone();
    let change = apply(&state.db, move |conn| {
        certificates::discard(conn, &by, id, version)
    })
    .await?;
    answer(
        change,
        |()| "/certificates".to_owned(),
        async |notice| {
            let mut page = load(&state, base, staff.user, id).await?;
            page.notice = Some(notice);
            Ok(page)
        },
    )
    .await
}
