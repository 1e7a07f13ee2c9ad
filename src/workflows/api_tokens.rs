//! Personal API tokens: a user makes one (named, read or write; the secret is shown once) and
//! revokes it. Both are audited with the user as actor; the secret never reaches the log.

use super::{Step, found, guarded, require};
use crate::db::DbConn;
use crate::db::types::UtcTime;
use crate::domain::text::single_line;
use crate::models::api_token::{self, ApiToken, ApiTokenId, NewApiToken, TokenScope};
use crate::models::audit::{self, AuditEntry};
use crate::models::{Actor, User};

/// The longest token name kept.
pub const NAME_MAX: usize = 80;

/// A token name as typed: trimmed, one line, 1–80 characters.
pub fn parse_name(typed: &str) -> Result<String, &'static str> {
    let name = typed.trim();
    if name.is_empty() {
        return Err("api.token_name_required");
    }
    if name.chars().count() > NAME_MAX {
        return Err("api.token_name_too_long");
    }
    single_line(name)?;
    Ok(name.to_owned())
}

/// Makes a token for `user`; returns it and its secret, which is not kept.
pub fn create(
    conn: &mut DbConn,
    user: &User,
    name: &str,
    scope: TokenScope,
) -> Step<(ApiToken, String)> {
    require(user.active, "policy.not_your_role")?;
    let secret = api_token::new_secret();
    let token = ApiToken::insert(
        conn,
        &NewApiToken {
            id: ApiTokenId::new(),
            user_id: user.id,
            name,
            secret_hash: &api_token::hash_of(&secret),
            scope,
            created_at: UtcTime::now(),
        },
    )?;
    audit::record(
        conn,
        AuditEntry::new(
            &Actor::user(user.id, &user.email),
            "api_token.created",
            "api_token",
            token.id,
        )
        .after(token.audit_view()),
    )?;
    Ok((token, secret))
}

/// Revokes `user`'s token `id`; another user's token is not found, a revoked one is stale.
pub fn revoke(conn: &mut DbConn, user: &User, id: ApiTokenId) -> Step<ApiToken> {
    let token = found(ApiToken::find_of_user(conn, user.id, id)?)?;
    guarded(ApiToken::revoke(conn, id, UtcTime::now())?)?;
    audit::record(
        conn,
        AuditEntry::new(
            &Actor::user(user.id, &user.email),
            "api_token.revoked",
            "api_token",
            token.id,
        )
        .before(token.audit_view()),
    )?;
    Ok(token)
}
