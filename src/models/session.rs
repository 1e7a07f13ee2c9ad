//! Server-side sessions. The cookie carries a random token; the table keeps only its SHA-256,
//! so a copy of the database opens no session.

use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::ids::UserId;
use crate::db::schema::sessions;
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
pub const TOUCH_AFTER_SECONDS: i64 = 60;

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

/// A session by its stored id (the digest of the cookie token).
pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<Session>> {
    sessions::table
        .find(id)
        .select(Session::as_select())
        .first(conn)
        .optional()
}

/// Ends a session by its stored id.
pub fn remove(conn: &mut DbConn, id: &str) -> QueryResult<usize> {
    diesel::delete(sessions::table.find(id)).execute(conn)
}

/// Notes that a session was used now.
pub fn touch(conn: &mut DbConn, id: &str, now: UtcTime) -> QueryResult<usize> {
    diesel::update(sessions::table.find(id))
        .set(sessions::last_seen_at.eq(now))
        .execute(conn)
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
