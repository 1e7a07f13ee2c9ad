//! Failed sign-ins per client address (`login_throttles`): after `max_failed` failures within
//! a window of `minutes`, the address is blocked for `minutes`, whatever e-mail it tries next.
//! In the database rather than in memory, so that every instance sharing it counts the same
//! failures and a restart forgets nothing. Rows whose window and block are over are removed
//! as new failures come in.

use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::login_throttles;
use crate::db::types::UtcTime;

/// Until when `client` is blocked, if it is blocked at `now`.
pub fn blocked_until(
    conn: &mut DbConn,
    client: &str,
    now: UtcTime,
) -> QueryResult<Option<UtcTime>> {
    let until: Option<Option<UtcTime>> = login_throttles::table
        .find(client)
        .select(login_throttles::blocked_until)
        .first(conn)
        .optional()?;
    Ok(until.flatten().filter(|until| *until > now))
}

/// Counts one failed sign-in from `client`; returns the end of the block when this failure
/// reaches `max_failed` or the address is blocked already. Call it inside a write
/// transaction.
pub fn record_failure(
    conn: &mut DbConn,
    client: &str,
    now: UtcTime,
    max_failed: i32,
    minutes: i64,
) -> QueryResult<Option<UtcTime>> {
    let window_start = now.plus_minutes(-minutes);
    diesel::delete(
        login_throttles::table
            .filter(login_throttles::window_started_at.lt(window_start))
            .filter(
                login_throttles::blocked_until
                    .is_null()
                    .or(login_throttles::blocked_until.le(now)),
            ),
    )
    .execute(conn)?;
    let row = (
        login_throttles::client.eq(client),
        login_throttles::failures.eq(0),
        login_throttles::window_started_at.eq(now),
    );
    // The one dialect difference: the address's row is inserted only if it is not there.
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
    // A failure that slipped past a block being set (it was checked before) adds nothing.
    if let Some(until) = blocked_until(conn, client, now)? {
        return Ok(Some(until));
    }
    let failures: i32 = diesel::update(login_throttles::table.find(client))
        .set(login_throttles::failures.eq(login_throttles::failures + 1))
        .returning(login_throttles::failures)
        .get_result(conn)?;
    if failures < max_failed {
        return Ok(None);
    }
    let until = now.plus_minutes(minutes);
    diesel::update(login_throttles::table.find(client))
        .set((
            login_throttles::failures.eq(0),
            login_throttles::window_started_at.eq(now),
            login_throttles::blocked_until.eq(Some(until)),
        ))
        .execute(conn)?;
    Ok(Some(until))
}
