//! `POST /notifications/{id}/read` and `POST /notifications/read-all`: mark notifications
//! read. A notification already read (by a parallel request, or another tab) is a 409 with
//! the inbox; one of another user answers as not found.

use actix_web::{HttpResponse, web};

use crate::auth::CurrentUser;
use crate::db::types::UtcTime;
use crate::error::AppError;
use crate::models::notification::{Notification, NotificationId};
use crate::web::{AppState, Base, answer, see_other};
use crate::workflows::{apply, found, guarded};

pub async fn one(
    state: web::Data<AppState>,
    base: Base,
    user: CurrentUser,
    id: web::Path<NotificationId>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let me = user.0.id;
    let change = apply(&state.db, move |conn| {
        found(Notification::find_of(conn, me, id)?)?;
        guarded(Notification::mark_read(conn, me, id, UtcTime::now())?)
    })
    .await?;
    answer(
        change,
        |()| "/notifications".to_owned(),
        async |notice| super::list::page(&state, base, me, Some(notice)).await,
    )
    .await
}

pub async fn all(state: web::Data<AppState>, user: CurrentUser) -> Result<HttpResponse, AppError> {
    let me = user.0.id;
    state
        .db
        .run(move |conn| Ok(Notification::mark_all_read(conn, me, UtcTime::now())?))
        .await?;
    Ok(see_other("/notifications"))
}
