use actix_web::{HttpResponse, web};

use super::create::OneTimePasswordPage;
use crate::auth::{Admin, password};
use crate::db::write_tx;
use crate::error::AppError;
use crate::models::{Actor, User, UserId};
use crate::web::{AppState, Base, render};

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
    let user = state
        .db
        .run(move |conn| {
            write_tx(conn, |conn| {
                User::find(conn, id)?.ok_or(AppError::NotFound)?;
                User::set_password(conn, &actor, id, &hash, true)?;
                User::find(conn, id)?.ok_or(AppError::NotFound)
            })
        })
        .await?;
    render(&OneTimePasswordPage {
        base,
        user,
        password: one_time,
        created: false,
    })
}
