use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

use super::super::{Errors, see_other};
use super::form::{MethodForm, MethodFormPage};
use crate::auth::Admin;
use crate::db::write_tx;
use crate::domain::catalog::FieldErrors;
use crate::error::AppError;
use crate::models::{Actor, TestMethod};
use crate::routes::admin::users::form::is_unique_violation;
use crate::web::{AppState, Base, render_status};

const CODE_TAKEN: (&str, &str) = ("code", "catalog.error.code_taken");

/// `POST /admin/catalog/test-methods`: adds a test method, then shows it; a wrong field (or a
/// code already in use) brings the form back with the typed values.
pub async fn submit(
    state: web::Data<AppState>,
    base: Base,
    admin: Admin,
    form: web::Form<MethodForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let actor = Actor::user(admin.id, &admin.email);
    let parsed = form.parse();
    let outcome: Result<TestMethod, FieldErrors> = state
        .db
        .run(move |conn| {
            let entry = match parsed {
                Ok(entry) => entry,
                Err(errors) => return Ok(Err(errors)),
            };
            if TestMethod::find_by_code(conn, entry.code.as_str())?.is_some() {
                return Ok(Err(vec![CODE_TAKEN]));
            }
            match write_tx(conn, |conn| TestMethod::create(conn, &actor, &entry, false)) {
                Ok(method) => Ok(Ok(method)),
                Err(e) if is_unique_violation(&e) => Ok(Err(vec![CODE_TAKEN])),
                Err(e) => Err(e.into()),
            }
        })
        .await?;
    match outcome {
        Ok(method) => Ok(see_other(format!(
            "/admin/catalog/test-methods/{}?saved=created",
            method.id
        ))),
        Err(errors) => {
            let mut page = MethodFormPage::new(base, form);
            page.errors = Errors(errors);
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    }
}
