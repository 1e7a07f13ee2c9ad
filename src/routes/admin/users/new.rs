use actix_web::{HttpResponse, web};

use super::form::{UserForm, UserFormPage, choices};
use crate::auth::Admin;
use crate::error::AppError;
use crate::web::{AppState, Base, render};

/// `GET /admin/users/new`
pub async fn show(
    state: web::Data<AppState>,
    base: Base,
    _admin: Admin,
) -> Result<HttpResponse, AppError> {
    let lists = state.db.run(|conn| choices(conn, "")).await?;
    let form = UserForm {
        language: base.lang.as_str().into(),
        ..UserForm::default()
    };
    render(&UserFormPage::new(base, form, lists))
}
