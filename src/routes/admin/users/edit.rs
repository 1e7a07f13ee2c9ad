use actix_web::{HttpResponse, web};
use serde::Deserialize;

use super::form::{UserForm, UserFormPage, choices};
use crate::auth::Admin;
use crate::error::AppError;
use crate::models::{User, UserId, login_throttle, session};
use crate::web::{AppState, Base, render};

#[derive(Deserialize)]
pub struct EditQuery {
    saved: Option<String>,
}

/// `GET /admin/users/{id}`: the account's form, status and actions.
pub async fn show(
    state: web::Data<AppState>,
    base: Base,
    _admin: Admin,
    id: web::Path<UserId>,
    query: web::Query<EditQuery>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let (user, lists, open_sessions, throttles) = state
        .db
        .run(move |conn| {
            let user = User::find(conn, id)?.ok_or(AppError::NotFound)?;
            let throttles = login_throttle::of_account(conn, &user.email)?;
            let lists = choices(conn, &UserForm::from_user(&user).exporter)?;
            Ok((user, lists, session::count_for(conn, id)?, throttles))
        })
        .await?;
    let mut page = UserFormPage::new(base, UserForm::from_user(&user), lists);
    page.notice = match query.saved.as_deref() {
        Some("updated") => Some("users.saved"),
        Some("deactivated") => Some("users.deactivated_notice"),
        Some("activated") => Some("users.activated_notice"),
        Some("throttles") => Some("users.throttles_cleared"),
        _ => None,
    };
    page.editing = Some(user);
    page.open_sessions = open_sessions;
    page.throttles = throttles;
    render(&page)
}
