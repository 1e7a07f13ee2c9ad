//! `POST /certificates/{id}/border-checks`: an inspector records a border check at his post.
//! A form with an error, unconfirmed warnings or a refused release comes back (422) with what
//! he typed; one made stale by another check recorded meanwhile comes back 409.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

use crate::auth::Inspector;
use crate::db::types::UtcTime;
use crate::domain::border::{CheckEntry, CheckForm};
use crate::error::AppError;
use crate::models::certificate::CertificateId;
use crate::routes::certificates::show::load_with;
use crate::web::{AppState, Base, render_status, see_other};
use crate::workflows::border::{self, ACKNOWLEDGE};
use crate::workflows::{Change, apply};

pub async fn submit(
    state: web::Data<AppState>,
    base: Base,
    who: Inspector,
    id: web::Path<CertificateId>,
    form: web::Form<CheckForm>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let user = who.0;
    let form = form.into_inner();
    // Only the page's own form carries it.
    if form.seen_checks().is_none() {
        return Err(AppError::BadRequest);
    }
    let entry = match CheckEntry::try_from(&form) {
        Ok(entry) => entry,
        Err(errors) => {
            let mut page = load_with(&state, base, user, id, Some(form)).await?;
            if let Some(section) = page.border.as_mut() {
                section.errors = errors;
            }
            return render_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    let by = user.clone();
    let change = apply(&state.db, move |conn| {
        border::record(conn, &by, id, &entry, UtcTime::now())
    })
    .await?;
    let (status, key) = match change {
        Change::Done(_) => {
            return Ok(see_other(&format!(
                "/certificates/{id}?recorded=1#border-checks"
            )));
        }
        Change::Stale => (StatusCode::CONFLICT, "border.stale"),
        Change::Refused(key) => (StatusCode::UNPROCESSABLE_ENTITY, key),
    };
    let mut page = load_with(&state, base, user, id, Some(form)).await?;
    match page.border.as_mut() {
        Some(section) if key == ACKNOWLEDGE => section.acknowledge_error = Some(key),
        _ => page.notice = Some(key),
    }
    render_status(status, &page)
}
