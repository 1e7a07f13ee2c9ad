use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

use super::super::Errors;
use super::form::{MethodForm, MethodFormPage};
use crate::auth::Admin;
use crate::domain::catalog::FieldErrors;
use crate::error::AppError;
use crate::models::{TestMethod, TestMethodId};
use crate::web::{AppState, Base, answer, render_status};
use crate::workflows::{apply, catalog};

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
    let version: i32 = form.version.parse().map_err(|_| AppError::BadRequest)?;
    let entry = match form.parse() {
        Ok(entry) => entry,
        Err(errors) => {
            let page = again(&state, base, id, form, errors, None).await?;
            return render_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    let admin = admin.0;
    let change = apply(&state.db, move |conn| {
        catalog::edit_test_method(conn, &admin, id, version, &entry)
    })
    .await?;
    answer(
        change,
        |_| format!("/admin/catalog/test-methods/{id}?saved=updated"),
        async |key| match key {
            catalog::CODE_TAKEN => again(&state, base, id, form, vec![("code", key)], None).await,
            notice => again(&state, base, id, form, Vec::new(), Some(notice)).await,
        },
    )
    .await
}

/// The form again, as typed, beside the method as it now is.
async fn again(
    state: &AppState,
    base: Base,
    id: TestMethodId,
    form: MethodForm,
    errors: FieldErrors,
    notice: Option<&'static str>,
) -> Result<MethodFormPage, AppError> {
    let current = state
        .db
        .run(move |conn| TestMethod::find(conn, id)?.ok_or(AppError::NotFound))
        .await?;
    let mut page = MethodFormPage::new(base, form);
    page.errors = Errors(errors);
    page.notice = notice;
    if page.stale() {
        // Keep what was typed, but let the next submission go through knowingly.
        page.form.version = current.version.to_string();
    }
    page.editing = Some(current);
    Ok(page)
}
