//! `GET /notifications`: the signed-in user's notifications, newest first.

use actix_web::HttpResponse;
use askama::Template;

use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::models::notification::{LIST_LIMIT, Notification};
use crate::web::{AppState, Base, render};

/// One line of the inbox, in the reader's language.
pub struct Line {
    pub id: String,
    pub text: String,
    pub kind_label: &'static str,
    pub link: String,
    pub at: String,
    pub unread: bool,
}

#[derive(Template)]
#[template(path = "notifications/list.html")]
pub struct InboxPage {
    pub base: Base,
    pub lines: Vec<Line>,
    pub notice: Option<&'static str>,
}

/// The inbox of `user`, with an optional notice on top.
pub async fn page(
    state: &AppState,
    base: Base,
    user: crate::models::UserId,
    notice: Option<&'static str>,
) -> Result<InboxPage, AppError> {
    let rows = state
        .db
        .run(move |conn| Ok(Notification::of_user(conn, user, LIST_LIMIT)?))
        .await?;
    let lines = rows
        .into_iter()
        .map(|n| {
            let args = n.args();
            let args: Vec<(&str, &str)> =
                args.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            Line {
                id: n.id.to_string(),
                text: crate::mail::subject(base.lang, n.kind, &args),
                kind_label: base.tk("notice.", n.kind.as_str()),
                link: n.link.clone(),
                at: base.time(&n.created_at),
                unread: n.read_at.is_none(),
            }
        })
        .collect();
    Ok(InboxPage {
        base,
        lines,
        notice,
    })
}

pub async fn show(
    state: actix_web::web::Data<AppState>,
    base: Base,
    user: CurrentUser,
) -> Result<HttpResponse, AppError> {
    render(&page(&state, base, user.0.id, None).await?)
}
