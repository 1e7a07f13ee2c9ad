use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

use super::super::{Errors, see_other};
use super::form::{MethodForm, MethodFormPage};
use crate::auth::Admin;
use crate::db::write_tx;
use crate::domain::catalog::FieldErrors;
use crate::error::AppError;
use crate::models::user::Saved;
use crate::models::{Actor, TestMethod, TestMethodId};
use crate::routes::admin::users::form::is_unique_violation;
use crate::web::{AppState, Base, render_status};

const CODE_TAKEN: (&str, &str) = ("code", "catalog.error.code_taken");

enum Outcome {
    Saved,
    Invalid(FieldErrors),
    Stale,
}

/// `POST /admin/catalog/test-methods/{id}`: saves the method if nobody changed it since the
/// form was loaded; otherwise the form comes back with the typed values and a conflict message.
pub async fn submit(
    state: web::Data<AppState>,
    base: Base,
    admin: Admin,
    id: web::Path<TestMethodId>,
    form: web::Form<MethodForm>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let form = form.into_inner();
    let actor = Actor::user(admin.id, &admin.email);
    let (parsed, version) = (form.parse(), form.version.clone());
    let (outcome, current) = state
        .db
        .run(move |conn| {
            TestMethod::find(conn, id)?.ok_or(AppError::NotFound)?;
            let version: i32 = version.parse().map_err(|_| AppError::BadRequest)?;
            let outcome = match parsed {
                Err(errors) => Outcome::Invalid(errors),
                Ok(entry) => match TestMethod::find_by_code(conn, entry.code.as_str())? {
                    Some(other) if other.id != id => Outcome::Invalid(vec![CODE_TAKEN]),
                    _ => match write_tx(conn, |conn| {
                        TestMethod::update(conn, &actor, id, version, &entry)
                    }) {
                        Ok(Saved::Done(_)) => Outcome::Saved,
                        Ok(Saved::Stale) => Outcome::Stale,
                        Err(e) if is_unique_violation(&e) => Outcome::Invalid(vec![CODE_TAKEN]),
                        Err(e) => return Err(e.into()),
                    },
                },
            };
            Ok((
                outcome,
                TestMethod::find(conn, id)?.ok_or(AppError::NotFound)?,
            ))
        })
        .await?;
    let mut page = MethodFormPage::new(base, form);
    let status = match outcome {
        Outcome::Saved => {
            let location = format!("/admin/catalog/test-methods/{id}?saved=updated");
            return Ok(see_other(location));
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
