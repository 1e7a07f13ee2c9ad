//! Failed sign-ins counted per key (`login_throttles`; the `client` column holds the key):
//! a client address, an (account, address) pair, or an account. Each key has some free
//! failures; past them every failure doubles the wait before the next check is allowed, from
//! one second up to a ceiling. In the database rather than in memory, so that every instance
//! sharing it counts the same failures and a restart forgets nothing. Rows whose window and
//! wait are over are removed as new failures come in.

use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::login_throttles;
use crate::db::types::UtcTime;

/// How long failures are remembered after the first one of a row.
pub const WINDOW_MINUTES: i64 = 60;

/// The key of a client address (any e-mail).
pub fn address_key(client: &str) -> String {
    client.to_owned()
}

/// The key of one e-mail (known or not) tried from one client address.
pub fn pair_key(email: &str, client: &str) -> String {
    format!("pair:{}|{client}", normalise(email))
}

/// The key of one e-mail (known or not) from every address.
pub fn account_key(email: &str) -> String {
    format!("account:{}", normalise(email))
}

/// An e-mail as a key: the digest of its trimmed lower-case form, so that whatever a stranger
/// types (markup, direction marks, someone else's address) is never stored as text.
fn normalise(email: &str) -> String {
    crate::token::sha256_hex(email.trim().to_lowercase().as_bytes())
}

/// One key's count: failures in the window, and the end of its wait if it is waiting.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Count {
    pub failures: i32,
    pub wait_until: Option<UtcTime>,
}

impl Count {
    /// Whether a check must wait at `now`.
    pub fn waiting(&self, now: UtcTime) -> bool {
        self.wait_until.is_some_and(|until| until > now)
    }
}

/// The count of `key` at `now` (zero when its window is over and it is not waiting).
pub fn count(conn: &mut DbConn, key: &str, now: UtcTime) -> QueryResult<Count> {
    let row: Option<(i32, UtcTime, Option<UtcTime>)> = login_throttles::table
        .find(key)
        .select((
            login_throttles::failures,
            login_throttles::window_started_at,
            login_throttles::blocked_until,
        ))
        .first(conn)
        .optional()?;
    Ok(match row {
        Some((failures, started, until)) => {
            let waiting = until.is_some_and(|u| u > now);
            if !waiting && started < now.plus_minutes(-WINDOW_MINUTES) {
                Count::default()
            } else {
                Count {
                    failures,
                    wait_until: until,
                }
            }
        }
        None => Count::default(),
    })
}

/// Counts one failure against `key`; past `free` failures it waits 1 s, 2 s, 4 s … up to
/// `max_minutes`. Returns the new count. Call it inside a write transaction.
pub fn record_failure(
    conn: &mut DbConn,
    key: &str,
    now: UtcTime,
    free: i32,
    max_minutes: i64,
) -> QueryResult<Count> {
    diesel::delete(
        login_throttles::table
            .filter(login_throttles::window_started_at.lt(now.plus_minutes(-WINDOW_MINUTES)))
            .filter(
                login_throttles::blocked_until
                    .is_null()
                    .or(login_throttles::blocked_until.le(now)),
            ),
    )
    .execute(conn)?;
    let row = (
        login_throttles::client.eq(key),
        login_throttles::failures.eq(0),
        login_throttles::window_started_at.eq(now),
    );
    // The one dialect difference: the key's row is inserted only if it is not there.
    match conn {
        DbConn::Pg(c) => diesel::insert_into(login_throttles::table)
            .values(row)
            .on_conflict_do_nothing()
            .execute(c)?,
        DbConn::Sqlite(c) => diesel::insert_into(login_throttles::table)
            .values(row)
            .on_conflict_do_nothing()
            .execute(c)?,
    };
    let failures: i32 = diesel::update(login_throttles::table.find(key))
        .set(login_throttles::failures.eq(login_throttles::failures + 1))
        .returning(login_throttles::failures)
        .get_result(conn)?;
    if failures <= free {
        return Ok(Count {
            failures,
            wait_until: None,
        });
    }
    let seconds = 1i64
        .checked_shl((failures - free - 1).min(30) as u32)
        .unwrap_or(i64::MAX)
        .min(max_minutes * 60);
    let until = now.plus_seconds(seconds);
    diesel::update(login_throttles::table.find(key))
        .set(login_throttles::blocked_until.eq(Some(until)))
        .execute(conn)?;
    Ok(Count {
        failures,
        wait_until: Some(until),
    })
}

/// Forgets `key`'s failures (a successful sign-in on that pair).
pub fn clear(conn: &mut DbConn, key: &str) -> QueryResult<usize> {
    diesel::delete(login_throttles::table.find(key)).execute(conn)
}

/// One row an administrator sees for an account: the key's address (none for the account-wide
/// count), its failures and the end of its wait.
#[derive(Debug, Clone)]
pub struct ThrottleRow {
    pub address: Option<String>,
    pub failures: i32,
    pub wait_until: Option<UtcTime>,
}

/// The counts of `email`: the account-wide one and one per address it was tried from.
pub fn of_account(conn: &mut DbConn, email: &str) -> QueryResult<Vec<ThrottleRow>> {
    let account = account_key(email);
    let pair_prefix = pair_key(email, "");
    let rows: Vec<(String, i32, Option<UtcTime>)> = login_throttles::table
        .filter(
            login_throttles::client
                .like(format!("{}%", like_escaped(&pair_prefix)))
                .escape('\\'),
        )
        .or_filter(login_throttles::client.eq(&account))
        .select((
            login_throttles::client,
            login_throttles::failures,
            login_throttles::blocked_until,
        ))
        .order(login_throttles::client)
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(key, failures, wait_until)| {
            let address = match key.strip_prefix(&pair_prefix) {
                Some(address) => Some(address.to_owned()),
                None if key == account => None,
                None => return None,
            };
            Some(ThrottleRow {
                address,
                failures,
                wait_until,
            })
        })
        .collect())
}

/// Forgets every count of `email` (an administrator's decision); returns how many.
pub fn clear_account(conn: &mut DbConn, email: &str) -> QueryResult<usize> {
    let keys: Vec<String> = of_account(conn, email)?
        .into_iter()
        .map(|row| match row.address {
            Some(address) => pair_key(email, &address),
            None => account_key(email),
        })
        .collect();
    diesel::delete(login_throttles::table.filter(login_throttles::client.eq_any(keys)))
        .execute(conn)
}

fn like_escaped(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}
