use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

use super::super::{Errors, see_other};
use super::form::{CommodityForm, CommodityFormPage};
use crate::auth::Admin;
use crate::db::write_tx;
use crate::domain::catalog::FieldErrors;
use crate::error::AppError;
use crate::models::user::Saved;
use crate::models::{Actor, Commodity, CommodityId};
use crate::web::{AppState, Base, render_status};

enum Outcome {
    Saved,
    Invalid(FieldErrors),
    Stale,
}

/// `POST /admin/catalog/commodities/{id}`: saves the commodity if nobody changed it since the
/// form was loaded; otherwise the form comes back with the typed values and a conflict message.
pub async fn submit(
    state: web::Data<AppState>,
    base: Base,
    admin: Admin,
    id: web::Path<CommodityId>,
    form: web::Form<CommodityForm>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let form = form.into_inner();
    let actor = Actor::user(admin.id, &admin.email);
    let parsed = form.parse();
    let version = form.version.clone();
    let (outcome, current) = state
        .db
        .run(move |conn| {
            Commodity::find(conn, id)?.ok_or(AppError::NotFound)?;
            let version: i32 = version.parse().map_err(|_| AppError::BadRequest)?;
            let outcome = match parsed {
                Err(errors) => Outcome::Invalid(errors),
                Ok(entry) => match write_tx(conn, |conn| {
                    Commodity::update(conn, &actor, id, version, &entry)
                })? {
                    Saved::Done(_) => Outcome::Saved,
                    Saved::Stale => Outcome::Stale,
                },
            };
            Ok((
                outcome,
                Commodity::find(conn, id)?.ok_or(AppError::NotFound)?,
            ))
        })
        .await?;
    let mut page = CommodityFormPage::new(base, form);
    let status = match outcome {
        Outcome::Saved => {
            return Ok(see_other(format!(
                "/admin/catalog/commodities/{id}?saved=updated"
            )));
        }
        Outcome::Invalid(errors) => {
            page.errors = Errors(errors);
            StatusCode::UNPROCESSABLE_ENTITY
        }
        Outcome::Stale => {
            // Keep what was typed, but let the next submission go through knowingly.
            page.form.version = current.version.to_string();
            page.notice = Some("form.stale");
            StatusCode::CONFLICT
        }
    };
    page.editing = Some(current);
    render_status(status, &page)
}
