use actix_web::HttpResponse;

use super::form::{MethodForm, MethodFormPage};
use crate::auth::Admin;
use crate::error::AppError;
use crate::web::{Base, render};

/// `GET /admin/catalog/test-methods/new`
pub async fn show(base: Base, _admin: Admin) -> Result<HttpResponse, AppError> {
    render(&MethodFormPage::new(base, MethodForm::blank()))
}
