use actix_web::{HttpResponse, web};

use super::form::{UserForm, UserFormPage, choices};
use crate::auth::Admin;
use crate::error::AppError;
use crate::models::{User, UserId, session};
use crate::web::{AppState, Base, answer};
use crate::workflows::{accounts, apply};

async fn set_active(
    state: &AppState,
    base: Base,
    admin: Admin,
    id: UserId,
    active: bool,
) -> Result<HttpResponse, AppError> {
    let by = admin.0.clone();
    let change = apply(&state.db, move |conn| {
        accounts::set_active(conn, &by, id, active)
    })
    .await?;
    let saved = if active { "activated" } else { "deactivated" };
    answer(
        change,
        |()| format!("/admin/users/{id}?saved={saved}"),
        async |notice| {
            let (user, lists, open_sessions) = state
                .db
                .run(move |conn| {
                    let user = User::find(conn, id)?.ok_or(AppError::NotFound)?;
                    let lists = choices(conn, &UserForm::from_user(&user).exporter)?;
                    Ok((user, lists, session::count_for(conn, id)?))
                })
                .await?;
            let mut page = UserFormPage::new(base, UserForm::from_user(&user), lists);
            page.notice = Some(notice);
            page.editing = Some(user);
            page.open_sessions = open_sessions;
            Ok(page)
        },
    )
    .await
}

/// `POST /admin/users/{id}/deactivate`: the account can no longer sign in; its sessions end.
pub async fn deactivate(
    state: web::Data<AppState>,
    base: Base,
    admin: Admin,
    id: web::Path<UserId>,
) -> Result<HttpResponse, AppError> {
    set_active(&state, base, admin, id.into_inner(), false).await
}

/// `POST /admin/users/{id}/activate`
pub async fn activate(
    state: web::Data<AppState>,
    base: Base,
    admin: Admin,
    id: web::Path<UserId>,
) -> Result<HttpResponse, AppError> {
    set_active(&state, base, admin, id.into_inner(), true).await
}
