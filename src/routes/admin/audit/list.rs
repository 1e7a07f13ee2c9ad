//! `GET /admin/audit`: the audit log, newest first, filtered by action, entity, actor and
//! dates (in the reader's zone), 50 at a time. Auditors see the values of blind events of
//! their own side only.

use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::{NaiveDate, TimeZone as _};
use serde::Deserialize;

use crate::auth::AuditReader;
use crate::db::types::UtcTime;
use crate::error::AppError;
use crate::models::audit::{self, AuditEvent, AuditFilter};
use crate::web::{AppState, Base, render, url_encode};

const PAGE: i64 = 50;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AuditQuery {
    action: String,
    entity: String,
    actor: String,
    from: String,
    to: String,
    before: String,
}

#[derive(Template)]
#[template(path = "admin/audit/list.html")]
struct AuditPage {
    base: Base,
    events: Vec<AuditEvent>,
    query: AuditQuery,
    errors: Vec<(&'static str, &'static str)>,
    next_href: Option<String>,
}

impl AuditPage {
    fn error(&self, field: &str) -> Option<&'static str> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, e)| *e)
    }
}

/// Midnight of `date` in the reader's zone, as a UTC instant.
fn day_start(date: &str, offset: chrono::FixedOffset) -> Result<Option<UtcTime>, &'static str> {
    if date.trim().is_empty() {
        return Ok(None);
    }
    let day =
        NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d").map_err(|_| "field.date_invalid")?;
    let local = offset
        .from_local_datetime(&day.and_hms_opt(0, 0, 0).ok_or("field.date_invalid")?)
        .single()
        .ok_or("field.date_invalid")?;
    Ok(Some(UtcTime(local.with_timezone(&chrono::Utc))))
}

pub async fn show(
    state: web::Data<AppState>,
    base: Base,
    reader: AuditReader,
    query: web::Query<AuditQuery>,
) -> Result<HttpResponse, AppError> {
    let query = query.into_inner();
    let offset = reader.time_zone.offset();
    let mut errors = Vec::new();
    let from = day_start(&query.from, offset).unwrap_or_else(|e| {
        errors.push(("from", e));
        None
    });
    // "to" is inclusive: events before the start of the next day.
    let until = day_start(&query.to, offset).unwrap_or_else(|e| {
        errors.push(("to", e));
        None
    });
    let filter = AuditFilter {
        action: Some(query.action.trim().to_owned()),
        entity_type: Some(query.entity.trim().to_owned()),
        actor: Some(query.actor.trim().to_owned()),
        from,
        until: until.map(|u| u.plus_minutes(24 * 60)),
        before_seq: query.before.parse().ok(),
    };
    let side = reader.side;
    let mut events = state
        .db
        .run(move |conn| Ok(audit::list(conn, &filter, side, PAGE + 1)?))
        .await?;
    let next_href = (events.len() as i64 > PAGE).then(|| {
        events.truncate(PAGE as usize);
        let last = events.last().map_or(0, |e| e.seq);
        format!(
            "/admin/audit?action={}&entity={}&actor={}&from={}&to={}&before={last}",
            url_encode(&query.action),
            url_encode(&query.entity),
            url_encode(&query.actor),
            url_encode(&query.from),
            url_encode(&query.to),
        )
    });
    render(&AuditPage {
        base,
        events,
        query,
        errors,
        next_href,
    })
}
