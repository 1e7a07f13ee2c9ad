//! Password reset links: the SHA-256 of each token, its user, when it expires and when it was
//! used. A token is used once.

use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::ids::UserId;
use crate::db::schema::password_resets;
use crate::db::types::UtcTime;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = password_resets)]
pub struct PasswordReset {
    pub token_hash: String,
    pub user_id: UserId,
    pub expires_at: UtcTime,
    pub used_at: Option<UtcTime>,
    pub created_at: UtcTime,
}

impl PasswordReset {
    pub fn insert(
        conn: &mut DbConn,
        token_hash: &str,
        user: UserId,
        expires_at: UtcTime,
        now: UtcTime,
    ) -> QueryResult<usize> {
        diesel::insert_into(password_resets::table)
            .values((
                password_resets::token_hash.eq(token_hash),
                password_resets::user_id.eq(user),
                password_resets::expires_at.eq(expires_at),
                password_resets::created_at.eq(now),
            ))
            .execute(conn)
    }

    pub fn find(conn: &mut DbConn, token_hash: &str) -> QueryResult<Option<PasswordReset>> {
        password_resets::table
            .find(token_hash)
            .select(PasswordReset::as_select())
            .first(conn)
            .optional()
    }

    /// Uses the token; false when it was used already (also by a parallel request).
    pub fn use_once(conn: &mut DbConn, token_hash: &str, at: UtcTime) -> QueryResult<bool> {
        diesel::update(
            password_resets::table
                .find(token_hash)
                .filter(password_resets::used_at.is_null()),
        )
        .set(password_resets::used_at.eq(Some(at)))
        .execute(conn)
        .map(|n| n == 1)
    }

    /// Ends every other open link of the user (a new password makes them pointless).
    pub fn retire_all(conn: &mut DbConn, user: UserId, at: UtcTime) -> QueryResult<usize> {
        diesel::update(
            password_resets::table
                .filter(password_resets::user_id.eq(user))
                .filter(password_resets::used_at.is_null()),
        )
        .set(password_resets::used_at.eq(Some(at)))
        .execute(conn)
    }

    /// How many links of the user are open (unused, not expired).
    pub fn open_count(conn: &mut DbConn, user: UserId, now: UtcTime) -> QueryResult<i64> {
        password_resets::table
            .filter(password_resets::user_id.eq(user))
            .filter(password_resets::used_at.is_null())
            .filter(password_resets::expires_at.gt(now))
            .count()
            .get_result(conn)
    }

    pub fn usable(&self, now: UtcTime) -> bool {
        self.used_at.is_none() && now < self.expires_at
    }
}
