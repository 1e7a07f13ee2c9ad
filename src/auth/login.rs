//! Signing in, in three steps so that no database connection is held while Argon2 runs:
//! one short read (the client address's block, the account), the password check on the
//! blocking pool when [`PasswordChecks`] gives it a turn, then one short write transaction
//! that either opens a session or counts the failure — against the account, which is locked
//! at the limit, and against the client address, which is blocked at the limit whatever
//! e-mail it tries next.

use diesel::prelude::*;
use serde_json::json;

use super::password::{self, PasswordChecks};
use crate::config::LoginSettings;
use crate::db::schema::users;
use crate::db::types::UtcTime;
use crate::db::{Db, DbConn, write_tx};
use crate::error::AppError;
use crate::models::audit::{self, Actor, AuditEntry};
use crate::models::{User, login_throttle, session};

pub enum LoginOutcome {
    /// Signed in: the new session's cookie token.
    Success { user: Box<User>, token: String },
    /// Wrong e-mail or password (the answer does not say which).
    Invalid,
    /// Too many failures on this account: locked until then.
    Locked { until: UtcTime },
    /// Too many failures from this client address: no credential is checked until then.
    Throttled { until: UtcTime },
}

/// One sign-in attempt as the form and the connection give it.
pub struct Attempt {
    pub email: String,
    pub password: String,
    /// Where failures are counted (see `web::client`).
    pub client: String,
    /// This browser's session, closed when the attempt succeeds.
    pub previous_session: Option<String>,
}

/// What the read step found.
struct Found {
    blocked_until: Option<UtcTime>,
    user: Option<User>,
}

impl Found {
    fn read(conn: &mut DbConn, email: &str, client: &str) -> Result<Found, AppError> {
        let blocked_until = login_throttle::blocked_until(conn, client, UtcTime::now())?;
        // A blocked address learns nothing, not even whether the account exists.
        let user = match blocked_until {
            Some(_) => None,
            None => User::find_by_email(conn, email)?,
        };
        Ok(Found {
            blocked_until,
            user,
        })
    }

    /// The answer that needs no password check: the address is blocked, or the account
    /// is locked.
    fn refusal(&self) -> Option<LoginOutcome> {
        if let Some(until) = self.blocked_until {
            return Some(LoginOutcome::Throttled { until });
        }
        let now = UtcTime::now();
        let locked = self.user.as_ref().and_then(|u| u.locked_until);
        locked
            .filter(|until| *until > now)
            .map(|until| LoginOutcome::Locked { until })
    }
}

/// Checks a sign-in attempt.
pub async fn sign_in(
    db: &Db,
    checks: &PasswordChecks,
    rules: &LoginSettings,
    attempt: Attempt,
) -> Result<LoginOutcome, AppError> {
    let Attempt {
        email,
        password,
        client,
        previous_session,
    } = attempt;
    let read = {
        let (email, client) = (email.clone(), client.clone());
        move |conn: &mut DbConn| Found::read(conn, &email, &client)
    };
    let mut found = db.run(read.clone()).await?;
    if let Some(refusal) = found.refusal() {
        return Ok(refusal);
    }
    let permit = match checks.try_permit() {
        Some(permit) => permit,
        None => {
            let permit = checks.permit().await?;
            // Others went first: one of their failures may have blocked this address or
            // locked this account meanwhile.
            found = db.run(read).await?;
            if let Some(refusal) = found.refusal() {
                return Ok(refusal);
            }
            permit
        }
    };
    let stored = found.user.as_ref().map(|u| u.password_hash.clone());
    // Same work for an unknown e-mail as for a real account: the timing reveals nothing.
    let password_ok = permit
        .run(move || {
            password::verify(
                stored.as_deref().unwrap_or(password::dummy_hash()),
                &password,
            )
        })
        .await?;
    let rules = rules.clone();
    db.run(move |conn| {
        let previous = previous_session.as_deref();
        record(conn, found.user, password_ok, &client, previous, &rules)
    })
    .await
}

/// The write step: one transaction that opens the session or counts the failure.
fn record(
    conn: &mut DbConn,
    read: Option<User>,
    password_ok: bool,
    client: &str,
    previous_session: Option<&str>,
    rules: &LoginSettings,
) -> Result<LoginOutcome, AppError> {
    write_tx(conn, |conn| {
        let now = UtcTime::now();
        // Read again under the write lock: since the first read, a concurrent failure may
        // have locked the account, or the password may have changed.
        let user = match &read {
            Some(read) => User::find(conn, read.id)?,
            None => None,
        };
        let Some(user) = user else {
            tracing::info!("login refused: unknown e-mail");
            return address_failure(conn, client, now, rules);
        };
        if let Some(until) = user.locked_until.filter(|until| *until > now) {
            return Ok(LoginOutcome::Locked { until });
        }
        let password_ok =
            password_ok && read.is_some_and(|r| r.password_hash == user.password_hash);
        let actor = Actor::user(user.id, &user.email);
        if password_ok && user.active {
            diesel::update(users::table.find(user.id))
                .set((
                    users::failed_logins.eq(0),
                    users::locked_until.eq(None::<UtcTime>),
                ))
                .execute(conn)?;
            // A successful login replaces whatever session this browser had.
            if let Some(old) = previous_session {
                session::close(conn, old)?;
            }
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
            if password_ok {
                return Ok(LoginOutcome::Invalid);
            }
            return address_failure(conn, client, now, rules);
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
        let address = address_failure(conn, client, now, rules)?;
        if failed < rules.max_failed {
            return Ok(address);
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

/// Counts a failure against the client address: `Throttled` when it reaches the limit,
/// else `Invalid`.
fn address_failure(
    conn: &mut DbConn,
    client: &str,
    now: UtcTime,
    rules: &LoginSettings,
) -> Result<LoginOutcome, AppError> {
    let blocked =
        login_throttle::record_failure(conn, client, now, rules.max_failed, rules.lockout_minutes)?;
    Ok(match blocked {
        Some(until) => {
            tracing::warn!(
                client,
                minutes = rules.lockout_minutes,
                "too many failed logins: address blocked"
            );
            LoginOutcome::Throttled { until }
        }
        None => LoginOutcome::Invalid,
    })
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::time::Duration;

    use super::*;
    use crate::db::run_migrations;
    use crate::domain::{DisplayName, Email, Role};
    use crate::i18n::Lang;
    use crate::models::user::Account;

    const EMAIL: &str = "admin@login.test";
    const PASSWORD: &str = "Right-password-2026";

    /// A migrated SQLite database in a temp folder, with one administrator.
    fn database(pool_size: u32) -> (Db, std::path::PathBuf) {
        let dir = std::env::temp_dir().join(format!("jl-login-{}", uuid::Uuid::now_v7()));
        let url = format!("sqlite://{}", dir.join("jointlab.db").display());
        let db = Db::connect(&url, pool_size, Duration::from_secs(5)).unwrap();
        let mut conn = db.get().unwrap();
        run_migrations(&mut conn).unwrap();
        let account = Account::new(
            Email::parse(EMAIL).unwrap(),
            DisplayName::parse("Admin").unwrap(),
            Role::Admin,
            None,
            None,
            None,
            Lang::En,
        )
        .unwrap();
        let hash = password::hash(PASSWORD);
        crate::workflows::apply_on(&mut conn, |conn| {
            crate::workflows::accounts::create(conn, &Actor::system("test"), &account, &hash, false)
        })
        .unwrap();
        (db, dir)
    }

    fn rules(max_failed: i32) -> LoginSettings {
        LoginSettings {
            max_failed,
            lockout_minutes: 15,
            parallel_password_checks: 1,
        }
    }

    fn attempt(email: &str, password: &str) -> Attempt {
        Attempt {
            email: email.into(),
            password: password.into(),
            client: "203.0.113.7".into(),
            previous_session: None,
        }
    }

    #[actix_web::test]
    async fn no_connection_is_held_while_the_password_is_checked() {
        let (db, dir) = database(1);
        let checks = Arc::new(PasswordChecks::new(1));
        let task = {
            let (db, checks) = (db.clone(), checks.clone());
            actix_web::rt::spawn(async move {
                sign_in(&db, &checks, &rules(5), attempt(EMAIL, PASSWORD)).await
            })
        };
        let mut seen_checking = 0;
        while !task.is_finished() {
            // The check holds the only turn; meanwhile the pool's only connection is free.
            if checks.available() == 0 {
                seen_checking += 1;
                assert_eq!(db.connections_in_use(), 0, "a connection is held");
            }
            actix_web::rt::time::sleep(Duration::from_millis(1)).await;
        }
        let outcome = task.await.unwrap().unwrap();

        assert!(matches!(outcome, LoginOutcome::Success { .. }));
        assert!(seen_checking > 0, "never saw the password check running");
        assert_eq!(checks.done(), 1);
        let _ = std::fs::remove_dir_all(dir);
    }

    #[actix_web::test]
    async fn a_burst_from_one_address_stops_being_checked_once_it_is_blocked() {
        let (db, dir) = database(4);
        let checks = Arc::new(PasswordChecks::new(1));
        let max_failed = 3;
        let burst: Vec<_> = (0..16)
            .map(|i| {
                let (db, checks) = (db.clone(), checks.clone());
                let email = format!("nobody{i}@login.test");
                actix_web::rt::spawn(async move {
                    sign_in(&db, &checks, &rules(max_failed), attempt(&email, "guess")).await
                })
            })
            .collect();
        let mut invalid = 0;
        let mut throttled = 0;
        for task in burst {
            match task.await.unwrap().unwrap() {
                LoginOutcome::Invalid => invalid += 1,
                LoginOutcome::Throttled { .. } => throttled += 1,
                _ => panic!("an unknown e-mail signed in or locked an account"),
            }
        }
        let right = sign_in(&db, &checks, &rules(max_failed), attempt(EMAIL, PASSWORD))
            .await
            .unwrap();

        assert_eq!((invalid, throttled), (max_failed - 1, 16 - max_failed + 1));
        // Those that waited for a turn looked again and found the address blocked: at most
        // one check per turn slips past the failure that sets the block.
        let checked = checks.done();
        assert!(
            checked <= max_failed as u64 + 1,
            "{checked} checks for a blocked address"
        );
        assert!(matches!(right, LoginOutcome::Throttled { .. }));
        assert_eq!(checks.done(), checked, "the right password was checked");
        let _ = std::fs::remove_dir_all(dir);
    }
}
