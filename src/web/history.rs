//! An audit event as a reader reads it: the action, the record type and the system actors in
//! words, the record and the person as links, and the stored details as "field: before →
//! after" with field names and enumerated values from the catalog. Presentation only: the
//! stored events (and their hash chain) are read, never changed.

use serde_json::{Map, Value};

use crate::auth::policy::{Page, may_open};
use crate::db::types::UtcTime;
use crate::domain::Role;
use crate::i18n::{self, Lang};
use crate::models::audit::{AuditEvent, Person};
use crate::queries::history::{RecordKind, RecordNames};
use crate::web::Base;
use crate::web::url_encode;

/// A value as shown: its words and, for another record, the link to it.
#[derive(Debug, Clone, Default)]
pub struct Shown {
    pub text: String,
    pub href: Option<String>,
}

/// One detail of an event: a field and its value before and after.
#[derive(Debug, Clone)]
pub struct ChangeLine {
    pub field: String,
    pub before: Option<Shown>,
    pub after: Option<Shown>,
}

/// One event, ready for a page.
#[derive(Debug, Clone)]
pub struct HistoryLine {
    pub seq: i64,
    pub at: UtcTime,
    pub action: &'static str,
    /// Who acted: a person's name, or the system in words; with the log filtered by them.
    pub actor: Shown,
    /// The actor's e-mail, as a tooltip (no e-mail for the system).
    pub actor_email: Option<String>,
    /// The record type in words.
    pub record_kind: &'static str,
    /// The record's name and page, when it still exists.
    pub record: Option<Shown>,
    /// The log filtered to this record, for readers of the audit log.
    pub record_history: Option<String>,
    pub changes: Vec<ChangeLine>,
    /// The values are blind to this reader (another side's unverified data).
    pub hidden: bool,
}

/// Catalog key of an action code (`sample.portion_received` → `history.action.sample.portion_received`).
pub fn action_key(action: &str) -> String {
    format!("history.action.{action}")
}

/// Catalog key of a system actor's label (`system:seed-demo` → `history.system.seed_demo`).
pub fn system_key(label: &str) -> Option<String> {
    label
        .strip_prefix("system:")
        .map(|what| format!("history.system.{}", what.replace('-', "_")))
}

fn words(lang: Lang, key: &str, fallback: &str) -> &'static str {
    if i18n::has(lang, key) {
        i18n::t(lang, key)
    } else {
        i18n::t(lang, fallback)
    }
}

/// The events as lines for `base`'s reader (`role` decides which links are offered).
pub fn lines(
    base: &Base,
    role: Role,
    events: Vec<AuditEvent>,
    names: &RecordNames,
) -> Vec<HistoryLine> {
    let reads_log = may_open(role, Page::Audit);
    events
        .into_iter()
        .map(|event| line(base, reads_log, event, names))
        .collect()
}

fn line(base: &Base, reads_log: bool, event: AuditEvent, names: &RecordNames) -> HistoryLine {
    let lang = base.lang;
    let kind = RecordKind::parse(&event.entity_type);
    let record = match (kind, event.entity_id.as_deref()) {
        (Some(kind), Some(id)) => names.get(kind, id).map(|n| Shown {
            text: n.label.clone(),
            href: n.href.clone(),
        }),
        _ => None,
    };
    let record_history = match (reads_log, event.entity_id.as_deref()) {
        (true, Some(id)) => Some(format!(
            "/admin/audit?entity={}&id={}",
            url_encode(&event.entity_type),
            url_encode(id)
        )),
        _ => None,
    };
    let (actor, actor_email) = actor(lang, reads_log, &event, names);
    let hidden = event.side.is_some() && event.before.is_none() && event.after.is_none();
    let changes = changes(base, event.before.as_deref(), event.after.as_deref(), names);
    HistoryLine {
        seq: event.seq,
        at: event.at,
        action: words(lang, &action_key(&event.action), "history.action.other"),
        actor,
        actor_email,
        record_kind: kind.map_or(i18n::t(lang, "history.entity.other"), |k| {
            i18n::t(lang, &k.key())
        }),
        record: record.filter(|r| !r.text.is_empty() || r.href.is_some()),
        record_history,
        changes,
        hidden,
    }
}

/// The actor's name (a person's, or the system's in words) and their e-mail.
fn actor(
    lang: Lang,
    reads_log: bool,
    event: &AuditEvent,
    names: &RecordNames,
) -> (Shown, Option<String>) {
    let filter =
        |person: &str| reads_log.then(|| format!("/admin/audit?person={}", url_encode(person)));
    if let Some(key) = system_key(&event.actor_label) {
        let text = words(lang, &key, "history.system.other").to_owned();
        return (
            Shown {
                text,
                href: filter(&event.actor_label),
            },
            None,
        );
    }
    let person = event.actor_id.map(|id| id.to_string());
    let name = person
        .as_deref()
        .and_then(|id| names.get(RecordKind::User, id))
        .map(|n| n.label.clone())
        .unwrap_or_else(|| event.actor_label.clone());
    (
        Shown {
            text: name,
            href: person.as_deref().and_then(filter),
        },
        Some(event.actor_label.clone()),
    )
}

/// The details as lines: for a change, the fields whose value changed; for a creation or a
/// removal, every field recorded.
fn changes(
    base: &Base,
    before: Option<&str>,
    after: Option<&str>,
    names: &RecordNames,
) -> Vec<ChangeLine> {
    let parse = |s: Option<&str>| -> Option<Map<String, Value>> {
        match serde_json::from_str::<Value>(s?) {
            Ok(Value::Object(map)) => Some(map),
            Ok(Value::Null) | Err(_) => None,
            Ok(other) => Some(Map::from_iter([("other".to_owned(), other)])),
        }
    };
    let before = flatten(parse(before).unwrap_or_default());
    let after = flatten(parse(after).unwrap_or_default());
    let both = !before.is_empty() && !after.is_empty();
    let mut fields: Vec<&String> = after.iter().map(|(k, _)| k).collect();
    for (k, _) in &before {
        if !fields.contains(&k) {
            fields.push(k);
        }
    }
    let mut lines = Vec::new();
    for field in fields {
        let old = before.iter().find(|(k, _)| k == field).map(|(_, v)| v);
        let new = after.iter().find(|(k, _)| k == field).map(|(_, v)| v);
        if both && old == new {
            continue;
        }
        // A creation's empty fields say nothing.
        if old.is_none() && new.is_none_or(Value::is_null) {
            continue;
        }
        let leaf = field.rsplit('.').next().unwrap_or(field);
        lines.push(ChangeLine {
            field: field_label(base.lang, field),
            before: old.map(|v| shown(base, leaf, v, names)),
            after: new.map(|v| shown(base, leaf, v, names)),
        });
    }
    lines
}

/// Nested objects become dotted fields (`kz.status`), in order.
fn flatten(map: Map<String, Value>) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for (key, value) in map {
        match value {
            Value::Object(inner) => {
                for (sub, v) in flatten(inner) {
                    out.push((format!("{key}.{sub}"), v));
                }
            }
            v => out.push((key, v)),
        }
    }
    out
}

/// A field's name in words; a nested field is "outer › inner".
fn field_label(lang: Lang, field: &str) -> String {
    field
        .split('.')
        .map(|part| {
            words(
                lang,
                &format!("history.field.{part}"),
                "history.field.other",
            )
        })
        .collect::<Vec<_>>()
        .join(" › ")
}

fn shown(base: &Base, field: &str, value: &Value, names: &RecordNames) -> Shown {
    let lang = base.lang;
    let text = match value {
        Value::Null => i18n::t(lang, "history.empty").to_owned(),
        Value::Bool(true) => i18n::t(lang, "history.yes").to_owned(),
        Value::Bool(false) => i18n::t(lang, "history.no").to_owned(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => return text_value(base, field, s, names),
        Value::Array(items) => {
            let texts: Vec<String> = items
                .iter()
                .map(|v| shown(base, field, v, names).text)
                .filter(|t| !t.is_empty())
                .collect();
            if texts.is_empty() {
                i18n::t(lang, "history.empty").to_owned()
            } else {
                texts.join(", ")
            }
        }
        Value::Object(_) => String::new(),
    };
    Shown { text, href: None }
}

fn text_value(base: &Base, field: &str, value: &str, names: &RecordNames) -> Shown {
    let lang = base.lang;
    let plain = |text: String| Shown { text, href: None };
    if value.is_empty() {
        return plain(i18n::t(lang, "history.empty").to_owned());
    }
    if let Some(kind) = RecordKind::of_field(field)
        && uuid::Uuid::parse_str(value).is_ok()
    {
        return match names.get(kind, value) {
            Some(name) => Shown {
                text: name.label.clone(),
                href: name.href.clone(),
            },
            None => plain(i18n::t(lang, "history.deleted_record").to_owned()),
        };
    }
    if let Some(text) = enumerated(lang, field, value) {
        return plain(text.to_owned());
    }
    if let Ok(at) = chrono::DateTime::parse_from_rfc3339(value) {
        return plain(base.time(&UtcTime(at.with_timezone(&chrono::Utc))));
    }
    plain(value.to_owned())
}

/// A code stored in the details (a status, a side, an outcome…) in words, if it is one.
fn enumerated(lang: Lang, field: &str, value: &str) -> Option<&'static str> {
    let code = value
        .chars()
        .all(|c| c.is_ascii_lowercase() || c == '_' || c == '.');
    if !code {
        return None;
    }
    // A message key stored as such (a refusal reason, say).
    if value.contains('.') {
        return i18n::has(lang, value).then(|| i18n::t(lang, value));
    }
    let key = match (field, value) {
        ("role", _) => format!("role.{value}"),
        ("time_zone", _) => format!("tz.{value}"),
        ("discipline", _) => format!("catalog.discipline.{value}"),
        ("language", _) => return Lang::parse(value).map(Lang::native_name),
        ("side" | "portion" | "portion_rejected" | "from" | "to", "kz" | "cn") => {
            format!("side.{value}")
        }
        _ => format!("history.value.{value}"),
    };
    i18n::has(lang, &key).then(|| i18n::t(lang, &key))
}

/// Every action code the code base writes to the audit log (a unit test holds this list to
/// the code and to the four catalogs).
pub const ACTIONS: &[&str] = &[
    "api_token.created",
    "api_token.revoked",
    "application.accepted",
    "application.resubmitted",
    "application.returned",
    "application.submitted",
    "border_check.recorded",
    "certificate.discarded",
    "certificate.drafted",
    "certificate.issued",
    "certificate.replaced",
    "certificate.revoked",
    "certificate.signed",
    "commodity.created",
    "commodity.updated",
    "consignment.registered",
    "declaration.created",
    "declaration.retired",
    "declaration.updated",
    "discrepancy.closed_by_retest",
    "discrepancy.flagged",
    "discrepancy.reopened",
    "discrepancy.resolution_recorded",
    "discrepancy.resolved",
    "exporter.created",
    "exporter.updated",
    "gacc_registration.added",
    "gacc_registration.withdrawn",
    "limit.added",
    "limit.removed",
    "limit_set.created",
    "outgoing_mail.retried",
    "panel_test.added",
    "panel_test.removed",
    "sample.cancelled",
    "sample.handed_over",
    "sample.portion_disposed",
    "sample.portion_received",
    "sample.portion_rejected",
    "sample.registered",
    "test.added",
    "test.entered",
    "test.invalidated",
    "test.rejected",
    "test.removed",
    "test.verified",
    "test.withdrawn",
    "test_method.created",
    "test_method.updated",
    "user.activated",
    "user.created",
    "user.deactivated",
    "user.login",
    "user.login_failed",
    "user.login_refused_inactive",
    "user.logout",
    "user.mail_settings_changed",
    "user.password_changed",
    "user.password_reset",
    "user.password_reset_by_mail",
    "user.password_reset_requested",
    "user.password_reset_unknown",
    "user.preferences_changed",
    "user.throttles_cleared",
    "user.updated",
];

/// The actions grouped by the record type they are about, in words, for the action filter:
/// `(group words, [(code, words)])`; the group's own value is its prefix (`test.`).
pub fn actions_by_kind(base: &Base) -> Vec<(&'static str, Vec<(&'static str, &'static str)>)> {
    let mut groups: Vec<(&'static str, Vec<(&'static str, &'static str)>)> = Vec::new();
    let mut current = "";
    for action in ACTIONS {
        let group = action.split('.').next().unwrap_or_default();
        if group != current {
            let kind = RecordKind::parse(group)
                .map_or(base.t("history.entity.outbox"), |k| base.t(&k.key()));
            groups.push((kind, Vec::new()));
            current = group;
        }
        if let Some(last) = groups.last_mut() {
            last.1.push((action, base.t(&action_key(action))));
        }
    }
    groups
}

/// The person the log is filtered by, in words, with their record's page if the reader may
/// open it.
pub fn person_name(base: &Base, person: &Person, names: &RecordNames) -> Shown {
    match person {
        Person::System(label) => Shown {
            text: system_key(label)
                .map_or(base.t("history.system.other"), |key| {
                    words(base.lang, &key, "history.system.other")
                })
                .to_owned(),
            href: None,
        },
        Person::User(id) => match names.get(RecordKind::User, &id.to_string()) {
            Some(name) => Shown {
                text: name.label.clone(),
                href: name.href.clone(),
            },
            None => Shown {
                text: base.t("history.deleted_record").to_owned(),
                href: None,
            },
        },
    }
}

#[cfg(test)]
#[path = "history_tests.rs"]
mod tests;
