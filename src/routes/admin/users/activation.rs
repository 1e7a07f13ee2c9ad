use actix_web::http::header;
use actix_web::{HttpResponse, web};

use crate::auth::Admin;
use crate::db::write_tx;
use crate::error::AppError;
use crate::models::{Actor, User, UserId};
use crate::web::AppState;

async fn set_active(
    state: &AppState,
    admin: &Admin,
    id: UserId,
    active: bool,
) -> Result<HttpResponse, AppError> {
    // An administrator cannot lock themselves out.
    if admin.id == id && !active {
        return Err(AppError::Forbidden);
    }
    let actor = Actor::user(admin.id, &admin.email);
    state
        .db
        .run(move |conn| {
            write_tx(conn, |conn| {
                let user = User::find(conn, id)?.ok_or(AppError::NotFound)?;
                if user.active != active {
                    User::set_active(conn, &actor, id, active)?;
                }
                Ok(())
            })
        })
        .await?;
    let saved = if active { "activated" } else { "deactivated" };
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, format!("/admin/users/{id}?saved={saved}")))
        .finish())
}

/// `POST /admin/users/{id}/deactivate`: the account can no longer sign in; its sessions end.
pub async fn deactivate(
    state: web::Data<AppState>,
    admin: Admin,
    id: web::Path<UserId>,
) -> Result<HttpResponse, AppError> {
    set_active(&state, &admin, id.into_inner(), false).await
}

/// `POST /admin/users/{id}/activate`
pub async fn activate(
    state: web::Data<AppState>,
    admin: Admin,
    id: web::Path<UserId>,
) -> Result<HttpResponse, AppError> {
    set_active(&state, &admin, id.into_inner(), true).await
}
