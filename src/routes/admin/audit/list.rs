//! `GET /admin/audit`: the audit log in words, newest first, filtered by action, by record
//! (type and id), by person (a link from an event, or part of a name or e-mail) and by dates
//! (in the reader's zone), 50 at a time. Auditors see the values of blind events of their own
//! side only. A filter that names nothing valid is answered beside its field, with no events.

use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::{NaiveDate, TimeZone as _};
use serde::Deserialize;

use crate::auth::AuditReader;
use crate::db::types::UtcTime;
use crate::error::AppError;
use crate::models::audit::{self, AuditFilter, Person};
use crate::queries::history::{RecordKind, RecordNames};
use crate::web::csv::{MAX_ROWS, download};
use crate::web::history::{self, ACTIONS, HistoryLine, Shown};
use crate::web::{AppState, Base, render, url_encode};

/// Events a page: each is 1–1.5 KB of HTML in words, and a page stays under 60 KB.
const PAGE: i64 = 30;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AuditQuery {
    action: String,
    entity: String,
    id: String,
    person: String,
    actor: String,
    from: String,
    to: String,
    before: String,
}

impl AuditQuery {
    /// The query string of these filters (without the cursor).
    fn href(&self) -> String {
        format!(
            "/admin/audit?action={}&entity={}&id={}&person={}&actor={}&from={}&to={}",
            url_encode(&self.action),
            url_encode(&self.entity),
            url_encode(&self.id),
            url_encode(&self.person),
            url_encode(&self.actor),
            url_encode(&self.from),
            url_encode(&self.to),
        )
    }
}

#[derive(Template)]
#[template(path = "admin/audit/list.html")]
struct AuditPage {
    base: Base,
    events: Vec<HistoryLine>,
    query: AuditQuery,
    errors: Vec<(&'static str, &'static str)>,
    next_href: Option<String>,
    /// The action codes by record type, in words, for the action filter.
    actions: Vec<(&'static str, Vec<(&'static str, &'static str)>)>,
    /// The record types in words, for the record filter.
    kinds: Vec<(&'static str, &'static str)>,
    /// The person the log is filtered by, in words.
    person: Option<Shown>,
    /// The record the log is filtered by, in words.
    record: Option<(&'static str, Shown)>,
}

impl AuditPage {
    /// Whether any filter is set (or refused): the filters then stay unfolded on a phone.
    fn filtering(&self) -> bool {
        let q = &self.query;
        !self.errors.is_empty()
            || [
                &q.action, &q.entity, &q.id, &q.person, &q.actor, &q.from, &q.to,
            ]
            .iter()
            .any(|v| !v.trim().is_empty())
    }

    /// The download of every event these filters select.
    fn csv_href(&self) -> String {
        self.query
            .href()
            .replacen("/admin/audit?", "/admin/audit.csv?", 1)
    }

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

/// The record, person and action filters, or the messages that say why they select nothing.
fn parse_filters(
    query: &AuditQuery,
    errors: &mut Vec<(&'static str, &'static str)>,
) -> (Option<RecordKind>, Option<Person>) {
    let action = query.action.trim();
    let known_group = action
        .strip_suffix('.')
        .is_some_and(|g| ACTIONS.iter().any(|a| a.split('.').next() == Some(g)));
    if !action.is_empty() && !known_group && !ACTIONS.contains(&action) {
        errors.push(("action", "history.unknown_action"));
    }
    let entity = query.entity.trim();
    let kind = RecordKind::parse(entity);
    if !entity.is_empty() && kind.is_none() {
        errors.push(("entity", "history.unknown_entity"));
    }
    let id = query.id.trim();
    if !id.is_empty() {
        if uuid::Uuid::parse_str(id).is_err() {
            errors.push(("id", "history.bad_id"));
        } else if entity.is_empty() {
            errors.push(("entity", "history.id_needs_entity"));
        }
    }
    let person = match query.person.trim() {
        "" => None,
        text => Person::parse(text).or_else(|| {
            errors.push(("person", "history.unknown_person"));
            None
        }),
    };
    (kind, person)
}

/// The log's filter from the page's query: the filter, the record kind and person asked for,
/// the messages beside refused fields, and whether a refused field makes it select nothing.
fn audit_filter(
    query: &AuditQuery,
    reader: &AuditReader,
) -> (
    AuditFilter,
    Option<RecordKind>,
    Vec<(&'static str, &'static str)>,
    bool,
) {
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
    let (kind, person) = parse_filters(query, &mut errors);
    // A record, person or action that names nothing selects nothing (dates fall back to none).
    let selects_nothing = errors.iter().any(|(f, _)| !matches!(*f, "from" | "to"));
    let filter = AuditFilter {
        action: Some(query.action.trim().to_owned()),
        entity_type: Some(query.entity.trim().to_owned()),
        entity_id: Some(query.id.trim().to_owned()),
        actor: Some(query.actor.trim().to_owned()),
        person,
        from,
        until: until.map(|u| u.plus_minutes(24 * 60)),
        before_seq: query.before.parse().ok(),
    };
    (filter, kind, errors, selects_nothing)
}

pub async fn show(
    state: web::Data<AppState>,
    base: Base,
    reader: AuditReader,
    query: web::Query<AuditQuery>,
) -> Result<HttpResponse, AppError> {
    let query = query.into_inner();
    let (filter, kind, errors, selects_nothing) = audit_filter(&query, &reader);
    let person = filter.person.clone();
    let (side, role, lang) = (reader.side, reader.role, base.lang);
    let record_id = query.id.trim().to_owned();
    let (mut events, names) = state
        .db
        .run(move |conn| {
            let events = if selects_nothing {
                Vec::new()
            } else {
                audit::list(conn, &filter, side, PAGE + 1)?
            };
            // The filtered person and record are named even when nothing here names them.
            let mut extra = Vec::new();
            if let Some(Person::User(id)) = person {
                extra.push((RecordKind::User, id.to_string()));
            }
            if let Some(kind) = kind.filter(|_| !record_id.is_empty()) {
                extra.push((kind, record_id));
            }
            let names = RecordNames::load(conn, &events, &extra, lang, role)?;
            Ok((events, names))
        })
        .await?;
    let next_href = (events.len() as i64 > PAGE).then(|| {
        events.truncate(PAGE as usize);
        let last = events.last().map_or(0, |e| e.seq);
        format!("{}&before={last}", query.href())
    });
    let person = Person::parse(&query.person).map(|p| history::person_name(&base, &p, &names));
    let record = kind
        .filter(|_| !errors.iter().any(|(f, _)| *f == "id"))
        .and_then(|k| {
            let name = names.get(k, query.id.trim())?;
            Some((
                base.t(&k.key()),
                Shown {
                    text: name.label.clone(),
                    href: name.href.clone(),
                },
            ))
        });
    render(&AuditPage {
        events: history::lines(&base, role, events, &names),
        actions: history::actions_by_kind(&base),
        kinds: RecordKind::ALL
            .iter()
            .map(|k| (k.as_str(), base.t(&k.key())))
            .collect(),
        base,
        query,
        errors,
        next_href,
        person,
        record,
    })
}

/// `GET /admin/audit.csv`: every event the log's filters select (newest first, the reader's
/// side's blind values hidden as on the page), in words, as CSV.
pub async fn csv(
    state: web::Data<AppState>,
    base: Base,
    reader: AuditReader,
    query: web::Query<AuditQuery>,
) -> Result<HttpResponse, AppError> {
    let query = query.into_inner();
    let (mut filter, _, _, selects_nothing) = audit_filter(&query, &reader);
    filter.before_seq = None;
    let (side, role, lang) = (reader.side, reader.role, base.lang);
    let (events, names) = state
        .db
        .run(move |conn| {
            let events = if selects_nothing {
                Vec::new()
            } else {
                audit::list(conn, &filter, side, MAX_ROWS as i64 + 1)?
            };
            let names = RecordNames::load(conn, &events, &[], lang, role)?;
            Ok((events, names))
        })
        .await?;
    let lines = history::lines(&base, role, events, &names);
    let headers = [
        "audit.at",
        "audit.actor",
        "audit.action",
        "history.record",
        "audit.change",
    ];
    download(base, "audit", query.href(), &headers, &lines, |base, e| {
        // As the page writes them: "field: before → after", a removed value in words.
        let mut changes: Vec<String> = e
            .changes
            .iter()
            .map(|c| {
                let before = c
                    .before
                    .as_ref()
                    .map(|b| format!("{} → ", b.text))
                    .unwrap_or_default();
                let after = c
                    .after
                    .as_ref()
                    .map_or_else(|| base.t("history.removed").to_owned(), |a| a.text.clone());
                format!("{}: {before}{after}", c.field)
            })
            .collect();
        if e.hidden {
            changes.insert(0, base.t("history.hidden").to_owned());
        }
        let changes = changes.join("; ");
        let record = match &e.record {
            Some(r) => format!("{} {}", e.record_kind, r.text),
            None => e.record_kind.to_owned(),
        };
        vec![
            base.time(&e.at),
            e.actor.text.clone(),
            e.action.to_owned(),
            record,
            changes,
        ]
    })
}
