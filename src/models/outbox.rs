//! The mail outbox: messages written in the transaction of the change that caused them, sent
//! by the mail worker, marked sent once, or parked after too many failures — never deleted.

pub use crate::db::ids::OutboxId;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::ids::{CertificateId, UserId};
use crate::db::schema::outbox;
use crate::db::types::UtcTime;
use crate::domain::notice::NoticeKind;
use crate::i18n::Lang;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = outbox)]
pub struct OutboxMessage {
    pub id: OutboxId,
    pub user_id: Option<UserId>,
    pub to_address: String,
    pub language: Lang,
    pub kind: NoticeKind,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    pub attachment_certificate_id: Option<CertificateId>,
    pub attachment_name: Option<String>,
    pub attempts: i32,
    pub next_attempt_at: UtcTime,
    pub leased_until: Option<UtcTime>,
    pub sent_at: Option<UtcTime>,
    pub parked_at: Option<UtcTime>,
    pub last_error: Option<String>,
    pub created_at: UtcTime,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = outbox)]
pub struct NewOutboxMessage<'a> {
    pub id: OutboxId,
    pub user_id: Option<UserId>,
    pub to_address: &'a str,
    pub language: Lang,
    pub kind: NoticeKind,
    pub subject: &'a str,
    pub body_text: &'a str,
    pub body_html: &'a str,
    pub attachment_certificate_id: Option<CertificateId>,
    pub attachment_name: Option<&'a str>,
    pub next_attempt_at: UtcTime,
    pub created_at: UtcTime,
}

crate::text_enum! {
    /// Where a message stands, as the admin page lists them.
    OutboxState {
        Queued => "queued",
        Sent => "sent",
        Parked => "parked",
    }
}

impl OutboxMessage {
    pub fn insert(conn: &mut DbConn, new: &NewOutboxMessage) -> QueryResult<usize> {
        diesel::insert_into(outbox::table).values(new).execute(conn)
    }

    pub fn find(conn: &mut DbConn, id: OutboxId) -> QueryResult<Option<OutboxMessage>> {
        outbox::table
            .find(id)
            .select(OutboxMessage::as_select())
            .first(conn)
            .optional()
    }

    /// Whether any message is due: a cheap read before taking the write lock on SQLite.
    pub fn any_due(conn: &mut DbConn, now: UtcTime) -> QueryResult<bool> {
        diesel::select(diesel::dsl::exists(
            outbox::table
                .filter(outbox::sent_at.is_null())
                .filter(outbox::parked_at.is_null())
                .filter(outbox::next_attempt_at.le(now))
                .filter(
                    outbox::leased_until
                        .is_null()
                        .or(outbox::leased_until.le(now)),
                ),
        ))
        .get_result(conn)
    }

    /// The ids of at most `limit` due messages, oldest due first, locked for this transaction.
    /// On PostgreSQL rows another worker holds are skipped (`FOR UPDATE SKIP LOCKED`); SQLite's
    /// `BEGIN IMMEDIATE` already lets one writer at a time through.
    pub fn lock_due(conn: &mut DbConn, now: UtcTime, limit: i64) -> QueryResult<Vec<OutboxId>> {
        macro_rules! due {
            () => {
                outbox::table
                    .filter(outbox::sent_at.is_null())
                    .filter(outbox::parked_at.is_null())
                    .filter(outbox::next_attempt_at.le(now))
                    .filter(
                        outbox::leased_until
                            .is_null()
                            .or(outbox::leased_until.le(now)),
                    )
                    .order((outbox::next_attempt_at.asc(), outbox::id.asc()))
                    .limit(limit)
                    .select(outbox::id)
            };
        }
        match conn {
            DbConn::Pg(c) => due!().for_update().skip_locked().load(c),
            DbConn::Sqlite(c) => due!().load(c),
        }
    }

    /// Leases a locked message until `until`: no worker finds it due before then.
    pub fn lease(conn: &mut DbConn, id: OutboxId, until: UtcTime) -> QueryResult<OutboxMessage> {
        diesel::update(outbox::table.find(id))
            .set(outbox::leased_until.eq(Some(until)))
            .returning(outbox::all_columns)
            .get_result(conn)
    }

    /// Marks a leased message sent; false when the lease was lost (someone else holds it).
    pub fn mark_sent(
        conn: &mut DbConn,
        id: OutboxId,
        lease: UtcTime,
        at: UtcTime,
    ) -> QueryResult<bool> {
        diesel::update(
            outbox::table
                .find(id)
                .filter(outbox::sent_at.is_null())
                .filter(outbox::leased_until.eq(lease)),
        )
        .set((
            outbox::sent_at.eq(Some(at)),
            outbox::leased_until.eq(None::<UtcTime>),
            outbox::attempts.eq(outbox::attempts + 1),
            outbox::last_error.eq(None::<String>),
        ))
        .execute(conn)
        .map(|n| n == 1)
    }

    /// Records a failed attempt of a leased message: due again at `next`, or parked.
    pub fn mark_failed(
        conn: &mut DbConn,
        id: OutboxId,
        lease: UtcTime,
        error: &str,
        next: UtcTime,
        park: Option<UtcTime>,
    ) -> QueryResult<bool> {
        diesel::update(
            outbox::table
                .find(id)
                .filter(outbox::sent_at.is_null())
                .filter(outbox::leased_until.eq(lease)),
        )
        .set((
            outbox::leased_until.eq(None::<UtcTime>),
            outbox::attempts.eq(outbox::attempts + 1),
            outbox::last_error.eq(Some(error)),
            outbox::next_attempt_at.eq(next),
            outbox::parked_at.eq(park),
        ))
        .execute(conn)
        .map(|n| n == 1)
    }

    /// Makes due now every message waiting out a backoff because its last error begins with
    /// `error_prefix` (leased ones keep their lease): the SMTP server answers again, so they
    /// need not wait for their next try.
    pub fn wake(conn: &mut DbConn, now: UtcTime, error_prefix: &str) -> QueryResult<usize> {
        diesel::update(
            outbox::table
                .filter(outbox::sent_at.is_null())
                .filter(outbox::parked_at.is_null())
                .filter(outbox::next_attempt_at.gt(now))
                .filter(
                    outbox::last_error
                        .like(format!("{}%", crate::db::escape_like(error_prefix)))
                        .escape('\\'),
                ),
        )
        .set(outbox::next_attempt_at.eq(now))
        .execute(conn)
    }

    /// Puts a parked message back in the queue, due now; false when it is not parked (any
    /// more: a parallel retry did it first).
    pub fn unpark(conn: &mut DbConn, id: OutboxId, now: UtcTime) -> QueryResult<bool> {
        diesel::update(
            outbox::table
                .find(id)
                .filter(outbox::parked_at.is_not_null())
                .filter(outbox::sent_at.is_null()),
        )
        .set((
            outbox::parked_at.eq(None::<UtcTime>),
            outbox::attempts.eq(0),
            outbox::next_attempt_at.eq(now),
        ))
        .execute(conn)
        .map(|n| n == 1)
    }

    /// The newest `limit` messages in `state`.
    pub fn list(
        conn: &mut DbConn,
        state: OutboxState,
        limit: i64,
    ) -> QueryResult<Vec<OutboxMessage>> {
        let query = outbox::table
            .select(OutboxMessage::as_select())
            .order((outbox::created_at.desc(), outbox::id.desc()))
            .limit(limit)
            .into_boxed();
        let query = match state {
            OutboxState::Queued => query
                .filter(outbox::sent_at.is_null())
                .filter(outbox::parked_at.is_null()),
            OutboxState::Sent => query.filter(outbox::sent_at.is_not_null()),
            OutboxState::Parked => query.filter(outbox::parked_at.is_not_null()),
        };
        query.load(conn)
    }

    /// How many messages are in `state`.
    pub fn count(conn: &mut DbConn, state: OutboxState) -> QueryResult<i64> {
        let query = outbox::table.count().into_boxed();
        let query = match state {
            OutboxState::Queued => query
                .filter(outbox::sent_at.is_null())
                .filter(outbox::parked_at.is_null()),
            OutboxState::Sent => query.filter(outbox::sent_at.is_not_null()),
            OutboxState::Parked => query.filter(outbox::parked_at.is_not_null()),
        };
        query.get_result(conn)
    }

    pub fn state(&self) -> OutboxState {
        if self.sent_at.is_some() {
            OutboxState::Sent
        } else if self.parked_at.is_some() {
            OutboxState::Parked
        } else {
            OutboxState::Queued
        }
    }
}
