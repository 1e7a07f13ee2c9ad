use actix_web::{HttpResponse, web};

use super::create::OneTimePasswordPage;
use crate::auth::{Admin, password};
use crate::error::AppError;
use crate::models::{Actor, UserId};
use crate::web::{AppState, Base, render};
use crate::workflows::{Change, accounts, apply};

/// `POST /admin/users/{id}/reset-password`: a new one-time password, shown once; the user's
/// sessions end, any lockout is lifted, and they must choose a password at next login.
pub async fn submit(
    state: web::Data<AppState>,
    base: Base,
    admin: Admin,
    id: web::Path<UserId>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let actor = Actor::user(admin.id, &admin.email);
    let (one_time, hash) = state.password_checks.run(password::one_time).await?;
    let change = apply(&state.db, move |conn| {
        accounts::set_password(conn, &actor, id, &hash, true)
    })
    .await?;
    // Setting a password has no precondition to go stale on: it is always done.
    let Change::Done(user) = change else {
        return Err(AppError::internal("a password reset was not done"));
    };
    render(&OneTimePasswordPage {
        base,
        user,
        password: one_time,
        created: false,
    })
}
