use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

use super::super::{Errors, see_other};
use super::form::{CommodityForm, CommodityFormPage};
use crate::auth::Admin;
use crate::error::AppError;
use crate::models::{Actor, Commodity};
use crate::web::{AppState, Base, render_status};

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
    let actor = Actor::user(admin.id, &admin.email);
    let commodity = state
        .db
        .write(move |conn| Ok(Commodity::create(conn, &actor, &entry, false)?))
        .await?;
    Ok(see_other(format!(
        "/admin/catalog/commodities/{}?saved=created",
        commodity.id
    )))
}
