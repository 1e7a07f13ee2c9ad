//! Personal API tokens: bearer secrets a user makes on the account page for `/api/v1`. The
//! secret (`jl_` and 64 hex digits) is shown once; only its SHA-256 is stored.

pub use crate::db::ids::ApiTokenId;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::ids::UserId;
use crate::db::schema::api_tokens;
use crate::db::types::UtcTime;

crate::text_enum! {
    /// What a token may do: `read` only reads; `write` also changes what its user may change.
    TokenScope {
        Read => "read",
        Write => "write",
    }
}

/// What every secret starts with, so that a leaked one is recognised (secret scanners, logs).
pub const SECRET_PREFIX: &str = "jl_";

/// Seconds between two writes of a token's `last_used_at` (every request would be a write).
const TOUCH_AFTER_SECONDS: i64 = 60;

/// The most tokens the account page lists.
pub const LIST_LIMIT: i64 = 100;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = api_tokens)]
pub struct ApiToken {
    pub id: ApiTokenId,
    pub user_id: UserId,
    pub name: String,
    pub secret_hash: String,
    pub scope: TokenScope,
    pub created_at: UtcTime,
    pub last_used_at: Option<UtcTime>,
    pub revoked_at: Option<UtcTime>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = api_tokens)]
pub struct NewApiToken<'a> {
    pub id: ApiTokenId,
    pub user_id: UserId,
    pub name: &'a str,
    pub secret_hash: &'a str,
    pub scope: TokenScope,
    pub created_at: UtcTime,
}

/// A new random secret: the prefix and 256 bits as hex.
pub fn new_secret() -> String {
    format!("{SECRET_PREFIX}{}", crate::token::random_hex(32))
}

/// What is stored of `secret`.
pub fn hash_of(secret: &str) -> String {
    crate::token::sha256_hex(secret.as_bytes())
}

impl ApiToken {
    pub fn insert(conn: &mut DbConn, new: &NewApiToken) -> QueryResult<ApiToken> {
        diesel::insert_into(api_tokens::table)
            .values(new)
            .returning(api_tokens::all_columns)
            .get_result(conn)
    }

    /// The user's tokens, newest first.
    pub fn of_user(conn: &mut DbConn, user: UserId) -> QueryResult<Vec<ApiToken>> {
        api_tokens::table
            .filter(api_tokens::user_id.eq(user))
            .select(ApiToken::as_select())
            .order((api_tokens::created_at.desc(), api_tokens::id.desc()))
            .limit(LIST_LIMIT)
            .load(conn)
    }

    /// The user's token `id` (another user's is not found).
    pub fn find_of_user(
        conn: &mut DbConn,
        user: UserId,
        id: ApiTokenId,
    ) -> QueryResult<Option<ApiToken>> {
        api_tokens::table
            .filter(api_tokens::id.eq(id))
            .filter(api_tokens::user_id.eq(user))
            .select(ApiToken::as_select())
            .first(conn)
            .optional()
    }

    /// The unrevoked token whose secret hashes to `hash`.
    pub fn find_live_by_hash(conn: &mut DbConn, hash: &str) -> QueryResult<Option<ApiToken>> {
        api_tokens::table
            .filter(api_tokens::secret_hash.eq(hash))
            .filter(api_tokens::revoked_at.is_null())
            .select(ApiToken::as_select())
            .first(conn)
            .optional()
    }

    /// Marks the token revoked; false when it already was (a parallel revocation).
    pub fn revoke(conn: &mut DbConn, id: ApiTokenId, at: UtcTime) -> QueryResult<bool> {
        diesel::update(api_tokens::table)
            .filter(api_tokens::id.eq(id))
            .filter(api_tokens::revoked_at.is_null())
            .set(api_tokens::revoked_at.eq(Some(at)))
            .execute(conn)
            .map(|n| n == 1)
    }

    /// Notes that the token was used at `now`, at most once a minute.
    pub fn touch(&self, conn: &mut DbConn, now: UtcTime) -> QueryResult<()> {
        let due = self
            .last_used_at
            .is_none_or(|t| (now.0 - t.0).num_seconds() >= TOUCH_AFTER_SECONDS);
        if due {
            diesel::update(api_tokens::table.find(self.id))
                .set(api_tokens::last_used_at.eq(Some(now)))
                .execute(conn)?;
        }
        Ok(())
    }

    pub fn audit_view(&self) -> serde_json::Value {
        serde_json::json!({
            "user_id": self.user_id.to_string(),
            "name": self.name,
            "scope": self.scope.as_str(),
            "revoked": self.revoked_at.is_some(),
        })
    }
}
