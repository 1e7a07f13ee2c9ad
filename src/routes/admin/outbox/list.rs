//! `GET /admin/outbox?state=queued|sent|parked`: the newest messages in one state, with the
//! counts of all three.

use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::Admin;
use crate::error::AppError;
use crate::models::outbox::{OutboxMessage, OutboxState};
use crate::web::{AppState, Base, render};

/// The most messages a page lists.
const PAGE: i64 = 100;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct OutboxQuery {
    state: String,
}

#[derive(Template)]
#[template(path = "admin/outbox/list.html")]
pub struct OutboxPage {
    pub base: Base,
    pub state: OutboxState,
    pub counts: Vec<(OutboxState, i64)>,
    pub messages: Vec<OutboxMessage>,
    pub notice: Option<&'static str>,
}

/// The page for `state`, with an optional notice on top.
pub async fn page(
    state: &AppState,
    base: Base,
    which: OutboxState,
    notice: Option<&'static str>,
) -> Result<OutboxPage, AppError> {
    let (counts, messages) = state
        .db
        .run(move |conn| {
            let counts = OutboxState::ALL
                .iter()
                .map(|s| OutboxMessage::count(conn, *s).map(|n| (*s, n)))
                .collect::<Result<Vec<_>, _>>()?;
            Ok((counts, OutboxMessage::list(conn, which, PAGE)?))
        })
        .await?;
    Ok(OutboxPage {
        base,
        state: which,
        counts,
        messages,
        notice,
    })
}

pub async fn show(
    state: web::Data<AppState>,
    base: Base,
    _admin: Admin,
    query: web::Query<OutboxQuery>,
) -> Result<HttpResponse, AppError> {
    let which = OutboxState::parse(&query.state).unwrap_or(OutboxState::Queued);
    let notice = None;
    render(&page(&state, base, which, notice).await?)
}
