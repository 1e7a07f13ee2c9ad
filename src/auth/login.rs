//! Signing in: the password check (slow, outside any transaction), then one transaction that
//! either opens a session or counts the failure and, at the limit, locks the account.

use diesel::prelude::*;
use serde_json::json;

use super::password;
use crate::config::LoginSettings;
use crate::db::schema::users;
use crate::db::types::UtcTime;
use crate::db::{DbConn, write_tx};
use crate::error::AppError;
use crate::models::audit::{self, Actor, AuditEntry};
use crate::models::{User, session};

pub enum LoginOutcome {
    /// Signed in: the new session's cookie token.
    Success { user: Box<User>, token: String },
    /// Wrong e-mail or password (the answer does not say which).
    Invalid,
    /// Too many failures: locked until then.
    Locked { until: UtcTime },
}

/// Checks a login attempt. Blocking: run it off the async workers.
pub fn attempt(
    conn: &mut DbConn,
    email: &str,
    password_input: &str,
    rules: &LoginSettings,
) -> Result<LoginOutcome, AppError> {
    let Some(user) = User::find_by_email(conn, email)? else {
        // Same work as for a real account, so the timing does not reveal who exists.
        password::verify(password::dummy_hash(), password_input);
        tracing::info!("login refused: unknown e-mail");
        return Ok(LoginOutcome::Invalid);
    };
    let now = UtcTime::now();
    if let Some(until) = user.locked_until.filter(|until| *until > now) {
        return Ok(LoginOutcome::Locked { until });
    }
    let password_ok = password::verify(&user.password_hash, password_input);
    write_tx(conn, |conn| {
        let actor = Actor::user(user.id, &user.email);
        if password_ok && user.active {
            diesel::update(users::table.find(user.id))
                .set((
                    users::failed_logins.eq(0),
                    users::locked_until.eq(None::<UtcTime>),
                ))
                .execute(conn)?;
            let token = session::open(conn, user.id)?;
            audit::record(conn, AuditEntry::new(&actor, "user.login", "user", user.id))?;
            let user = User::find(conn, user.id)?.ok_or(AppError::NotFound)?;
            return Ok(LoginOutcome::Success {
                user: Box::new(user),
                token,
            });
        }
        if !user.active {
            audit::record(
                conn,
                AuditEntry::new(&actor, "user.login_refused_inactive", "user", user.id),
            )?;
            return Ok(LoginOutcome::Invalid);
        }
        let failed: i32 = diesel::update(users::table.find(user.id))
            .set(users::failed_logins.eq(users::failed_logins + 1))
            .returning(users::failed_logins)
            .get_result(conn)?;
        audit::record(
            conn,
            AuditEntry::new(&actor, "user.login_failed", "user", user.id)
                .after(json!({ "failed_logins": failed })),
        )?;
        if failed < rules.max_failed {
            return Ok(LoginOutcome::Invalid);
        }
        let until = now.plus_minutes(rules.lockout_minutes);
        diesel::update(users::table.find(user.id))
            .set((
                users::failed_logins.eq(0),
                users::locked_until.eq(Some(until)),
            ))
            .execute(conn)?;
        audit::record(
            conn,
            AuditEntry::new(&actor, "user.locked", "user", user.id)
                .after(json!({ "locked_until": until.to_canonical(), "failed_logins": failed })),
        )?;
        Ok(LoginOutcome::Locked { until })
    })
}
