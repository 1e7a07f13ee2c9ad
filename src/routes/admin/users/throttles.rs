use actix_web::{HttpResponse, web};

use super::form::{UserForm, UserFormPage, choices};
use crate::auth::Admin;
use crate::error::AppError;
use crate::models::{User, UserId, login_throttle, session};
use crate::web::{AppState, Base, answer};
use crate::workflows::{accounts, apply};

/// `POST /admin/users/{id}/clear-throttles`: forgets the account's failed sign-ins, so that
/// no address waits for it any more (audited).
pub async fn clear(
    state: web::Data<AppState>,
    base: Base,
    admin: Admin,
    id: web::Path<UserId>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let by = admin.0.clone();
    let change = apply(&state.db, move |conn| {
        accounts::clear_throttles(conn, &by, id)
    })
    .await?;
    answer(
        change,
        |()| format!("/admin/users/{id}?saved=throttles"),
        async |notice| {
            let (user, lists, open_sessions, throttles) = state
                .db
                .run(move |conn| {
                    let user = User::find(conn, id)?.ok_or(AppError::NotFound)?;
                    let lists = choices(conn, &UserForm::from_user(&user).exporter)?;
                    let throttles = login_throttle::of_account(conn, &user.email)?;
                    Ok((user, lists, session::count_for(conn, id)?, throttles))
                })
                .await?;
            let mut page = UserFormPage::new(base, UserForm::from_user(&user), lists);
            page.notice = Some(notice);
            page.editing = Some(user);
            page.open_sessions = open_sessions;
            page.throttles = throttles;
            Ok(page)
        },
    )
    .await
}
