//! The audit log: append-only and hash-chained. Each event's hash covers the previous event's
//! hash and the event's own content, so an edited, removed or reordered event breaks the chain
//! from that point on. Events are written in the transaction of the change they record.

pub use crate::db::ids::AuditEventId;
use diesel::prelude::*;
use serde_json::Value;

use crate::db::ids::UserId;
use crate::db::schema::{audit_events, users};
use crate::db::types::UtcTime;
use crate::db::{DbConn, lock_for_transaction};
use crate::domain::Side;
use crate::token::hex;
use sha2::{Digest, Sha256};

/// The previous hash of the first event.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// PostgreSQL advisory lock that serialises appends, so two transactions never fork the chain
/// (SQLite's `BEGIN IMMEDIATE` does the same there; `seq` being the key refuses a fork on
/// both even if a writer forgot: every append is the head's `seq` + 1).
const CHAIN_LOCK: i64 = 0x4a4c_4155_4454; // "JLAUDT"

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = audit_events)]
pub struct AuditEvent {
    pub id: AuditEventId,
    pub seq: i64,
    pub at: UtcTime,
    pub actor_id: Option<UserId>,
    pub actor_label: String,
    pub action: String,
    pub entity_type: String,
    pub entity_id: Option<String>,
    pub side: Option<Side>,
    pub before: Option<String>,
    pub after: Option<String>,
    /// SHA-256 of the event's fields and the previous event's hash (hex in the hash's input).
    pub hash: Vec<u8>,
}

#[derive(Insertable)]
#[diesel(table_name = audit_events)]
#[diesel(treat_none_as_default_value = false)]
struct NewAuditEvent<'a> {
    id: AuditEventId,
    seq: i64,
    at: UtcTime,
    actor_id: Option<UserId>,
    actor_label: &'a str,
    action: &'a str,
    entity_type: &'a str,
    entity_id: Option<&'a str>,
    side: Option<Side>,
    before: Option<&'a str>,
    after: Option<&'a str>,
    hash: &'a [u8],
}

/// Who did it: a user, or the system itself (command line, start-up).
#[derive(Debug, Clone)]
pub struct Actor {
    pub id: Option<UserId>,
    pub label: String,
}

impl Actor {
    pub fn user(id: UserId, email: &str) -> Self {
        Actor {
            id: Some(id),
            label: email.to_owned(),
        }
    }

    pub fn system(what: &str) -> Self {
        Actor {
            id: None,
            label: format!("system:{what}"),
        }
    }
}

/// An event about to be recorded.
#[derive(Debug, Clone)]
pub struct AuditEntry {
    actor: Actor,
    action: String,
    entity_type: String,
    entity_id: Option<String>,
    side: Option<Side>,
    before: Option<Value>,
    after: Option<Value>,
}

impl AuditEntry {
    pub fn new(actor: &Actor, action: &str, entity_type: &str, entity_id: impl ToString) -> Self {
        AuditEntry {
            actor: actor.clone(),
            action: action.to_owned(),
            entity_type: entity_type.to_owned(),
            entity_id: Some(entity_id.to_string()),
            side: None,
            before: None,
            after: None,
        }
    }

    pub fn before(mut self, value: Value) -> Self {
        self.before = Some(value);
        self
    }

    pub fn after(mut self, value: Value) -> Self {
        self.after = Some(value);
        self
    }

    /// Marks the event as carrying `side`'s unverified data: other sides see it without its
    /// before / after values.
    pub fn blind_to_other_side(mut self, side: Side) -> Self {
        self.side = Some(side);
        self
    }
}

struct HashInput<'a> {
    seq: i64,
    id: AuditEventId,
    at: UtcTime,
    actor_id: Option<UserId>,
    actor_label: &'a str,
    action: &'a str,
    entity_type: &'a str,
    entity_id: Option<&'a str>,
    side: Option<Side>,
    before: Option<&'a str>,
    after: Option<&'a str>,
    prev_hash: &'a str,
}

/// SHA-256 over the length-prefixed fields, so that no two different events share an input.
/// The previous event's hash enters as hex; it is not stored with the event (`verify` walks
/// the chain in order and has it).
fn chain_hash(e: &HashInput<'_>) -> Vec<u8> {
    let fields: [String; 12] = [
        e.seq.to_string(),
        e.id.to_string(),
        e.at.to_canonical(),
        e.actor_id.map(|id| id.to_string()).unwrap_or_default(),
        e.actor_label.to_owned(),
        e.action.to_owned(),
        e.entity_type.to_owned(),
        e.entity_id.map(|s| format!("={s}")).unwrap_or_default(),
        e.side.map(|s| s.as_str().to_owned()).unwrap_or_default(),
        e.before.map(|s| format!("={s}")).unwrap_or_default(),
        e.after.map(|s| format!("={s}")).unwrap_or_default(),
        e.prev_hash.to_owned(),
    ];
    let mut input = String::from("jointlab-audit-v1");
    for field in &fields {
        input.push('|');
        input.push_str(&field.len().to_string());
        input.push(':');
        input.push_str(field);
    }
    Sha256::digest(input.as_bytes()).to_vec()
}

/// Takes the chain's lock now rather than at the first append, so that the reads that follow
/// see every transaction that appended before (PostgreSQL; on SQLite the `IMMEDIATE` write
/// transaction already holds the database's lock). Every writer takes this lock anyway.
pub fn lock_chain(conn: &mut DbConn) -> QueryResult<()> {
    lock_for_transaction(conn, CHAIN_LOCK)
}

/// Appends an event to the chain. Call it inside the write transaction of the change.
pub fn record(conn: &mut DbConn, entry: AuditEntry) -> QueryResult<AuditEvent> {
    lock_for_transaction(conn, CHAIN_LOCK)?;
    let head: Option<(i64, Vec<u8>)> = audit_events::table
        .select((audit_events::seq, audit_events::hash))
        .order(audit_events::seq.desc())
        .first(conn)
        .optional()?;
    let (seq, prev_hash) = match head {
        Some((seq, hash)) => (seq + 1, hex(&hash)),
        None => (1, GENESIS.to_owned()),
    };
    let before = entry.before.as_ref().map(Value::to_string);
    let after = entry.after.as_ref().map(Value::to_string);
    let input = HashInput {
        seq,
        id: AuditEventId::new(),
        at: UtcTime::now(),
        actor_id: entry.actor.id,
        actor_label: &entry.actor.label,
        action: &entry.action,
        entity_type: &entry.entity_type,
        entity_id: entry.entity_id.as_deref(),
        side: entry.side,
        before: before.as_deref(),
        after: after.as_deref(),
        prev_hash: &prev_hash,
    };
    let hash = chain_hash(&input);
    diesel::insert_into(audit_events::table)
        .values(NewAuditEvent {
            id: input.id,
            seq,
            at: input.at,
            actor_id: input.actor_id,
            actor_label: input.actor_label,
            action: input.action,
            entity_type: input.entity_type,
            entity_id: input.entity_id,
            side: input.side,
            before: input.before,
            after: input.after,
            hash: &hash,
        })
        .returning(audit_events::all_columns)
        .get_result(conn)
}

/// What `verify` found.
#[derive(Debug, PartialEq, Eq)]
pub enum ChainReport {
    /// Every event checks out; `events` counted.
    Intact { events: i64 },
    /// The first event that does not check out, and why.
    Broken {
        seq: i64,
        id: String,
        reason: String,
    },
}

/// Walks the whole chain in order, in pages, recomputing every hash.
pub fn verify(conn: &mut DbConn) -> QueryResult<ChainReport> {
    const PAGE: i64 = 1000;
    let mut expected_seq = 1;
    let mut prev_hash = GENESIS.to_owned();
    loop {
        let page: Vec<AuditEvent> = audit_events::table
            .filter(audit_events::seq.ge(expected_seq))
            .order(audit_events::seq)
            .limit(PAGE)
            .select(AuditEvent::as_select())
            .load(conn)?;
        let full_page = page.len() as i64 == PAGE;
        for event in &page {
            let broken = |reason: &str| ChainReport::Broken {
                seq: event.seq,
                id: event.id.to_string(),
                reason: reason.to_owned(),
            };
            if event.seq != expected_seq {
                return Ok(ChainReport::Broken {
                    seq: expected_seq,
                    id: event.id.to_string(),
                    reason: format!("event #{expected_seq} is missing (next is #{})", event.seq),
                });
            }
            let recomputed = chain_hash(&HashInput {
                seq: event.seq,
                id: event.id,
                at: event.at,
                actor_id: event.actor_id,
                actor_label: &event.actor_label,
                action: &event.action,
                entity_type: &event.entity_type,
                entity_id: event.entity_id.as_deref(),
                side: event.side,
                before: event.before.as_deref(),
                after: event.after.as_deref(),
                prev_hash: &prev_hash,
            });
            if recomputed != event.hash {
                return Ok(broken(
                    "content or the previous event does not match its hash (edited, removed \
                     or reordered after it was written)",
                ));
            }
            prev_hash = hex(&event.hash);
            expected_seq += 1;
        }
        if !full_page {
            break;
        }
    }
    Ok(ChainReport::Intact {
        events: expected_seq - 1,
    })
}

/// Who acted, as the audit log is filtered by them: a person, or the system by its label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Person {
    User(UserId),
    System(String),
}

impl Person {
    /// A person as a link carries them: a user's id, or a system label (`system:seed-demo`).
    pub fn parse(text: &str) -> Option<Person> {
        let text = text.trim();
        if let Some(what) = text.strip_prefix("system:") {
            let valid = !what.is_empty()
                && what
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            return valid.then(|| Person::System(text.to_owned()));
        }
        text.parse().ok().map(Person::User)
    }
}

/// Filters of the audit log page; `before_seq` is the keyset cursor (newest first).
#[derive(Debug, Default, Clone)]
pub struct AuditFilter {
    /// A whole action code, or a group of them ending with a dot (`test.`).
    pub action: Option<String>,
    pub entity_type: Option<String>,
    pub entity_id: Option<String>,
    /// Free text: part of the actor's e-mail or name.
    pub actor: Option<String>,
    pub person: Option<Person>,
    pub from: Option<UtcTime>,
    pub until: Option<UtcTime>,
    pub before_seq: Option<i64>,
}

/// One page of events, newest first. Values of events blind to the viewer's side are removed
/// (a viewer without a side sees none of them).
pub fn list(
    conn: &mut DbConn,
    filter: &AuditFilter,
    viewer_side: Option<Side>,
    limit: i64,
) -> QueryResult<Vec<AuditEvent>> {
    let mut query = audit_events::table
        .select(AuditEvent::as_select())
        .into_boxed();
    match filter.action.as_deref().filter(|s| !s.is_empty()) {
        Some(group) if group.ends_with('.') => {
            query = query.filter(
                audit_events::action
                    .like(format!("{}%", crate::db::escape_like(group)))
                    .escape('\\'),
            );
        }
        Some(action) => query = query.filter(audit_events::action.eq(action.to_owned())),
        None => {}
    }
    if let Some(entity) = filter.entity_type.as_deref().filter(|s| !s.is_empty()) {
        query = query.filter(audit_events::entity_type.eq(entity.to_owned()));
    }
    if let Some(id) = filter.entity_id.as_deref().filter(|s| !s.is_empty()) {
        query = query.filter(audit_events::entity_id.eq(id.to_owned()));
    }
    if let Some(actor) = filter.actor.as_deref().filter(|s| !s.is_empty()) {
        let pattern = format!("%{}%", crate::db::escape_like(&actor.to_lowercase()));
        let named: Vec<UserId> = users::table
            .filter(users::search_text.like(pattern.clone()).escape('\\'))
            .select(users::id)
            .load(conn)?;
        query = query.filter(
            audit_events::actor_label
                .like(pattern)
                .escape('\\')
                .or(audit_events::actor_id.eq_any(named)),
        );
    }
    match &filter.person {
        Some(Person::User(id)) => query = query.filter(audit_events::actor_id.eq(*id)),
        Some(Person::System(label)) => {
            query = query
                .filter(audit_events::actor_id.is_null())
                .filter(audit_events::actor_label.eq(label.clone()))
        }
        None => {}
    }
    if let Some(from) = filter.from {
        query = query.filter(audit_events::at.ge(from));
    }
    if let Some(until) = filter.until {
        query = query.filter(audit_events::at.lt(until));
    }
    if let Some(before) = filter.before_seq {
        query = query.filter(audit_events::seq.lt(before));
    }
    let mut events: Vec<AuditEvent> = query
        .order(audit_events::seq.desc())
        .limit(limit)
        .load(conn)?;
    for event in &mut events {
        if event.side.is_some() && event.side != viewer_side {
            event.before = None;
            event.after = None;
        }
    }
    Ok(events)
}

/// The events about one record, oldest first, with blind values removed as in [`list`].
pub fn of_entity(
    conn: &mut DbConn,
    entity_type: &str,
    entity_id: &str,
    viewer_side: Option<Side>,
) -> QueryResult<Vec<AuditEvent>> {
    let mut events: Vec<AuditEvent> = audit_events::table
        .filter(audit_events::entity_type.eq(entity_type))
        .filter(audit_events::entity_id.eq(entity_id))
        .order(audit_events::seq)
        .select(AuditEvent::as_select())
        .load(conn)?;
    for event in &mut events {
        if event.side.is_some() && event.side != viewer_side {
            event.before = None;
            event.after = None;
        }
    }
    Ok(events)
}

/// An event of a history written in bulk (`jointlab seed-bulk`), chained by [`append_bulk`].
#[derive(Debug, Clone)]
pub struct BulkEvent {
    pub at: UtcTime,
    pub actor_id: Option<UserId>,
    pub actor_label: std::rc::Rc<str>,
    pub action: &'static str,
    pub entity_type: &'static str,
    pub entity_id: String,
    pub side: Option<Side>,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// Appends `events`, in order, after the chain's head: hashed exactly as [`record`] hashes,
/// inserted in multi-row batches. Call it inside a write transaction.
pub fn append_bulk(conn: &mut DbConn, events: &[BulkEvent]) -> QueryResult<()> {
    lock_for_transaction(conn, CHAIN_LOCK)?;
    let head: Option<(i64, Vec<u8>)> = audit_events::table
        .select((audit_events::seq, audit_events::hash))
        .order(audit_events::seq.desc())
        .first(conn)
        .optional()?;
    let (mut seq, mut prev_hash) = head
        .map(|(seq, hash)| (seq, hex(&hash)))
        .unwrap_or((0, GENESIS.to_owned()));
    let mut rows: Vec<(AuditEventId, i64, Vec<u8>)> = Vec::with_capacity(events.len());
    for event in events {
        seq += 1;
        let id = AuditEventId(uuid::Uuid::new_v7(uuid::Timestamp::from_unix(
            uuid::NoContext,
            event.at.0.timestamp() as u64,
            event.at.0.timestamp_subsec_nanos(),
        )));
        let hash = chain_hash(&HashInput {
            seq,
            id,
            at: event.at,
            actor_id: event.actor_id,
            actor_label: &event.actor_label,
            action: event.action,
            entity_type: event.entity_type,
            entity_id: Some(&event.entity_id),
            side: event.side,
            before: event.before.as_deref(),
            after: event.after.as_deref(),
            prev_hash: &prev_hash,
        });
        prev_hash = hex(&hash);
        rows.push((id, seq, hash));
    }
    // 12 columns a row: well under both backends' limits on parameters per statement.
    for (chunk_events, chunk_rows) in events.chunks(1000).zip(rows.chunks(1000)) {
        let values: Vec<NewAuditEvent<'_>> = chunk_events
            .iter()
            .zip(chunk_rows)
            .map(|(e, (id, seq, hash))| NewAuditEvent {
                id: *id,
                seq: *seq,
                at: e.at,
                actor_id: e.actor_id,
                actor_label: &e.actor_label,
                action: e.action,
                entity_type: e.entity_type,
                entity_id: Some(&e.entity_id),
                side: e.side,
                before: e.before.as_deref(),
                after: e.after.as_deref(),
                hash,
            })
            .collect();
        let insert = diesel::insert_into(audit_events::table).values(values);
        // Multi-row inserts are built per backend (the multi-backend connection lacks them).
        match conn {
            DbConn::Pg(c) => insert.execute(c)?,
            DbConn::Sqlite(c) => insert.execute(c)?,
        };
    }
    Ok(())
}
