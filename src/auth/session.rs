//! Resuming a signed-in session: the session row and its user, read together once per request.

use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{sessions, users};
use crate::db::types::UtcTime;
use crate::models::User;
use crate::models::session::{self, Session, TOUCH_AFTER_SECONDS};
use crate::token;

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
    let Some((found, user)) = found else {
        return Ok(None);
    };
    let now = UtcTime::now();
    if found.last_seen_at.plus_minutes(idle_minutes) < now || !user.active {
        session::remove(conn, &id)?;
        return Ok(None);
    }
    if (now.0 - found.last_seen_at.0).num_seconds() >= TOUCH_AFTER_SECONDS {
        session::touch(conn, &id, now)?;
    }
    Ok(Some(user))
}
