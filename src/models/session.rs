//! Server-side sessions. The cookie carries a random token; the table keeps only its SHA-256,
//! so a copy of the database opens no session.

use diesel::prelude::*;

use super::{User, UserId};
use crate::db::DbConn;
use crate::db::schema::{sessions, users};
use crate::db::types::UtcTime;
use crate::token;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = sessions)]
pub struct Session {
    pub id: String,
    pub user_id: UserId,
    pub created_at: UtcTime,
    pub last_seen_at: UtcTime,
}

/// Touching a session on every request would make every page a write; once a minute is enough
/// for an idle timeout counted in minutes.
const TOUCH_AFTER_SECONDS: i64 = 60;

/// Opens a session for `user_id`; returns the token for the cookie.
pub fn open(conn: &mut DbConn, user_id: UserId) -> QueryResult<String> {
    let token = token::random_hex(32);
    let now = UtcTime::now();
    diesel::insert_into(sessions::table)
        .values((
            sessions::id.eq(token::sha256_hex(token.as_bytes())),
            sessions::user_id.eq(user_id),
            sessions::created_at.eq(now),
            sessions::last_seen_at.eq(now),
        ))
        .execute(conn)?;
    Ok(token)
}

/// The active user behind a session token, if the session exists, has not been idle longer
/// than `idle_minutes` and its user is still active. An idle session is removed.
pub fn resume(
    conn: &mut DbConn,
    cookie_token: &str,
    idle_minutes: i64,
) -> QueryResult<Option<User>> {
    let id = token::sha256_hex(cookie_token.as_bytes());
    let found: Option<(Session, User)> = sessions::table
        .inner_join(users::table)
        .filter(sessions::id.eq(&id))
        .select((Session::as_select(), User::as_select()))
        .first(conn)
        .optional()?;
    let Some((session, user)) = found else {
        return Ok(None);
    };
    let now = UtcTime::now();
    if session.last_seen_at.plus_minutes(idle_minutes) < now || !user.active {
        diesel::delete(sessions::table.find(&id)).execute(conn)?;
        return Ok(None);
    }
    if (now.0 - session.last_seen_at.0).num_seconds() >= TOUCH_AFTER_SECONDS {
        diesel::update(sessions::table.find(&id))
            .set(sessions::last_seen_at.eq(now))
            .execute(conn)?;
    }
    Ok(Some(user))
}

/// Ends the session behind a cookie token (logout).
pub fn close(conn: &mut DbConn, cookie_token: &str) -> QueryResult<usize> {
    let id = token::sha256_hex(cookie_token.as_bytes());
    diesel::delete(sessions::table.find(id)).execute(conn)
}

/// How many sessions a user has open (tests and the admin's user page).
pub fn count_for(conn: &mut DbConn, user_id: UserId) -> QueryResult<i64> {
    sessions::table
        .filter(sessions::user_id.eq(user_id))
        .count()
        .get_result(conn)
}
