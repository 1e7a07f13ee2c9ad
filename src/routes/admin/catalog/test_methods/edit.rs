use actix_web::{HttpResponse, web};

use super::super::SavedQuery;
use super::form::{MethodForm, MethodFormPage};
use crate::auth::Admin;
use crate::error::AppError;
use crate::models::{TestMethod, TestMethodId};
use crate::web::{AppState, Base, render};

/// `GET /admin/catalog/test-methods/{id}`: the method's form.
pub async fn show(
    state: web::Data<AppState>,
    base: Base,
    _admin: Admin,
    id: web::Path<TestMethodId>,
    query: web::Query<SavedQuery>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let method = state
        .db
        .run(move |conn| TestMethod::find(conn, id)?.ok_or(AppError::NotFound))
        .await?;
    let mut page = MethodFormPage::new(base, MethodForm::from_method(&method));
    page.notice = query.notice();
    page.editing = Some(method);
    render(&page)
}
