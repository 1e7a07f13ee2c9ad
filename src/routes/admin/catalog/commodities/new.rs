use actix_web::HttpResponse;

use super::form::{CommodityForm, CommodityFormPage};
use crate::auth::Admin;
use crate::error::AppError;
use crate::web::{Base, render};

/// `GET /admin/catalog/commodities/new`
pub async fn show(base: Base, _admin: Admin) -> Result<HttpResponse, AppError> {
    render(&CommodityFormPage::new(base, CommodityForm::blank()))
}
