use actix_web::{HttpResponse, web};

use super::super::SavedQuery;
use super::form::{CommodityForm, CommodityFormPage};
use crate::auth::Admin;
use crate::error::AppError;
use crate::models::{Commodity, CommodityId};
use crate::web::{AppState, Base, render};

/// `GET /admin/catalog/commodities/{id}`: the commodity's form.
pub async fn show(
    state: web::Data<AppState>,
    base: Base,
    _admin: Admin,
    id: web::Path<CommodityId>,
    query: web::Query<SavedQuery>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let commodity = state
        .db
        .run(move |conn| Commodity::find(conn, id)?.ok_or(AppError::NotFound))
        .await?;
    let mut page = CommodityFormPage::new(base, CommodityForm::from_commodity(&commodity));
    page.notice = query.notice();
    page.editing = Some(commodity);
    render(&page)
}
