use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

use super::super::Errors;
use super::form::{CommodityForm, CommodityFormPage};
use crate::auth::Admin;
use crate::error::AppError;
use crate::web::{AppState, Base, answer, render_status};
use crate::workflows::{apply, catalog};

/// `POST /admin/catalog/commodities`: adds a commodity, then shows it; a wrong field brings the
/// form back with the typed values and the message beside the field.
pub async fn submit(
    state: web::Data<AppState>,
    base: Base,
    admin: Admin,
    form: web::Form<CommodityForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let entry = match form.parse() {
        Ok(entry) => entry,
        Err(errors) => {
            let mut page = CommodityFormPage::new(base, form);
            page.errors = Errors(errors);
            return render_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    let admin = admin.0;
    let change = apply(&state.db, move |conn| {
        catalog::add_commodity(conn, &admin, &entry)
    })
    .await?;
    answer(
        change,
        |commodity| format!("/admin/catalog/commodities/{}?saved=created", commodity.id),
        async |notice| {
            let mut page = CommodityFormPage::new(base, form);
            page.notice = Some(notice);
            Ok(page)
        },
    )
    .await
}
