use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

use super::super::Errors;
use super::form::{MethodForm, MethodFormPage};
use crate::auth::Admin;
use crate::error::AppError;
use crate::web::{AppState, Base, answer, render_status};
use crate::workflows::{apply, catalog};

/// `POST /admin/catalog/test-methods`: adds a test method, then shows it; a wrong field (or a
/// code already in use) brings the form back with the typed values.
pub async fn submit(
    state: web::Data<AppState>,
    base: Base,
    admin: Admin,
    form: web::Form<MethodForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let entry = match form.parse() {
        Ok(entry) => entry,
        Err(errors) => {
            let mut page = MethodFormPage::new(base, form);
            page.errors = Errors(errors);
            return render_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    let admin = admin.0;
    let change = apply(&state.db, move |conn| {
        catalog::add_test_method(conn, &admin, &entry)
    })
    .await?;
    answer(
        change,
        |method| format!("/admin/catalog/test-methods/{}?saved=created", method.id),
        async |key| {
            let mut page = MethodFormPage::new(base, form);
            match key {
                catalog::CODE_TAKEN => page.errors.push("code", key),
                notice => page.notice = Some(notice),
            }
            Ok(page)
        },
    )
    .await
}
