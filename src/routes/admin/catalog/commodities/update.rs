use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

use super::super::Errors;
use super::form::{CommodityForm, CommodityFormPage};
use crate::auth::Admin;
use crate::domain::catalog::FieldErrors;
use crate::error::AppError;
use crate::models::{Commodity, CommodityId};
use crate::web::{AppState, Base, answer, render_status};
use crate::workflows::{apply, catalog};

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
        catalog::edit_commodity(conn, &admin, id, version, &entry)
    })
    .await?;
    answer(
        change,
        |_| format!("/admin/catalog/commodities/{id}?saved=updated"),
        async |notice| again(&state, base, id, form, Vec::new(), Some(notice)).await,
    )
    .await
}

/// The form again, as typed, beside the commodity as it now is.
async fn again(
    state: &AppState,
    base: Base,
    id: CommodityId,
    form: CommodityForm,
    errors: FieldErrors,
    notice: Option<&'static str>,
) -> Result<CommodityFormPage, AppError> {
    let current = state
        .db
        .run(move |conn| Commodity::find(conn, id)?.ok_or(AppError::NotFound))
        .await?;
    let mut page = CommodityFormPage::new(base, form);
    page.errors = Errors(errors);
    page.notice = notice;
    if page.stale() {
        // Keep what was typed, but let the next submission go through knowingly.
        page.form.version = current.version.to_string();
    }
    page.editing = Some(current);
    Ok(page)
}
