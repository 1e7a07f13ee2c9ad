//! Signing in, in three steps so that no database connection is held while Argon2 runs:
//! one short read (the account, the throttle counts), the password check on the blocking pool
//! when [`PasswordChecks`] gives it a turn, then one short write transaction that either opens
//! a session or counts the failure.
//!
//! Failures are counted, for known and unknown e-mails alike, under three keys (see
//! [`Throttle`]); none is a hard lock. An attempt that must wait gets exactly the answer of a
//! wrong password, after the same work (a hash is computed), so that neither the answer nor
//! its time tells a throttled account, a wrong password and an unknown e-mail apart.

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
    /// Wrong e-mail or password, or too many failures: the answer does not say which.
    Invalid,
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

/// The three counts that decide whether a password is checked:
///
/// - the (e-mail, client address) pair: `max_failed` free failures, then an exponential wait;
///   a stranger's failures elsewhere never touch the owner's own pair;
/// - the client address, whatever e-mails it tries: 4 × `max_failed` free failures, so one
///   address cannot try many accounts quickly;
/// - the e-mail from every address, a ceiling of 10 × `max_failed` free failures against a
///   guesser with many addresses. It holds back only the addresses that have failed on this
///   e-mail: a client that has not failed is never refused by someone else's failures.
///
/// Each wait doubles from one second up to `lockout_minutes`.
#[derive(Clone)]
pub struct Throttle {
    pair: String,
    address: String,
    account: String,
}

impl Throttle {
    pub fn new(email: &str, client: &str) -> Self {
        Throttle {
            pair: login_throttle::pair_key(email, client),
            address: login_throttle::address_key(client),
            account: login_throttle::account_key(email),
        }
    }

    /// Whether an attempt must wait at `now` (its password is then not checked).
    pub fn waiting(&self, conn: &mut DbConn, now: UtcTime) -> QueryResult<bool> {
        let pair = login_throttle::count(conn, &self.pair, now)?;
        let address = login_throttle::count(conn, &self.address, now)?;
        let account = login_throttle::count(conn, &self.account, now)?;
        Ok(
            pair.waiting(now)
                || address.waiting(now)
                || (account.waiting(now) && pair.failures > 0),
        )
    }

    /// Counts one failure under each key. Call it inside a write transaction.
    pub fn record_failure(
        &self,
        conn: &mut DbConn,
        now: UtcTime,
        rules: &LoginSettings,
    ) -> QueryResult<()> {
        let max = rules.lockout_minutes;
        let free = rules.max_failed;
        let keys = [
            (&self.pair, free),
            (&self.address, free.saturating_mul(4)),
            (&self.account, free.saturating_mul(10)),
        ];
        for (key, free) in keys {
            let count = login_throttle::record_failure(conn, key, now, free, max)?;
            if count.failures == free.saturating_add(1) {
                tracing::warn!(key = key.as_str(), "failed logins: checks now wait");
            }
        }
        Ok(())
    }

    /// A successful sign-in forgets this pair's failures (not the address's or the account's).
    fn record_success(&self, conn: &mut DbConn) -> QueryResult<()> {
        login_throttle::clear(conn, &self.pair).map(|_| ())
    }
}

/// What the read step found.
struct Found {
    waiting: bool,
    user: Option<User>,
}

impl Found {
    fn read(conn: &mut DbConn, email: &str, throttle: &Throttle) -> Result<Found, AppError> {
        let waiting = throttle.waiting(conn, UtcTime::now())?;
        let user = User::find_by_email(conn, email)?;
        Ok(Found { waiting, user })
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
    let throttle = Throttle::new(&email, &client);
    let read = {
        let (email, throttle) = (email.clone(), throttle.clone());
        move |conn: &mut DbConn| Found::read(conn, &email, &throttle)
    };
    let mut found = db.run(read.clone()).await?;
    let permit = match checks.try_permit() {
        Some(permit) => permit,
        None => {
            let permit = checks.permit().await?;
            // Others went first: one of their failures may have started a wait meanwhile.
            found = db.run(read).await?;
            permit
        }
    };
    // A waiting attempt is checked against the dummy hash: the same work as a real check,
    // as for an unknown e-mail, so the timing reveals nothing.
    let stored = found
        .user
        .as_ref()
        .filter(|_| !found.waiting)
        .map(|u| u.password_hash.clone());
    let password_ok = permit
        .run(move || {
            let ok = password::verify(
                stored.as_deref().unwrap_or(password::dummy_hash()),
                &password,
            );
            ok && stored.is_some()
        })
        .await?;
    let rules = rules.clone();
    db.run(move |conn| {
        let previous = previous_session.as_deref();
        record(conn, found, password_ok, &throttle, previous, &rules)
    })
    .await
}

/// The write step: one transaction that opens the session or counts the failure.
fn record(
    conn: &mut DbConn,
    read: Found,
    password_ok: bool,
    throttle: &Throttle,
    previous_session: Option<&str>,
    rules: &LoginSettings,
) -> Result<LoginOutcome, AppError> {
    write_tx(conn, |conn| {
        let now = UtcTime::now();
        // Read again under the write lock: since the first read, the password may have
        // changed, or a concurrent failure may have started a wait.
        let user = match &read.user {
            Some(read) => User::find(conn, read.id)?,
            None => None,
        };
        let waiting = read.waiting || throttle.waiting(conn, now)?;
        let Some(user) = user else {
            tracing::info!("login refused: unknown e-mail");
            throttle.record_failure(conn, now, rules)?;
            return Ok(LoginOutcome::Invalid);
        };
        let password_ok = password_ok
            && !waiting
            && read
                .user
                .as_ref()
                .is_some_and(|r| r.password_hash == user.password_hash);
        let actor = Actor::user(user.id, &user.email);
        if password_ok && user.active {
            diesel::update(users::table.find(user.id))
                .set((
                    users::failed_logins.eq(0),
                    users::locked_until.eq(None::<UtcTime>),
                ))
                .execute(conn)?;
            throttle.record_success(conn)?;
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
        } else {
            audit::record(
                conn,
                AuditEntry::new(&actor, "user.login_failed", "user", user.id)
                    .after(json!({ "throttled": waiting })),
            )?;
        }
        throttle.record_failure(conn, now, rules)?;
        Ok(LoginOutcome::Invalid)
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
    async fn a_burst_from_one_address_ends_in_a_wait_that_the_right_password_cannot_pass() {
        let (db, dir) = database(4);
        let checks = Arc::new(PasswordChecks::new(1));
        let max_failed = 1;
        let burst: Vec<_> = (0..16)
            .map(|i| {
                let (db, checks) = (db.clone(), checks.clone());
                let email = format!("nobody{i}@login.test");
                actix_web::rt::spawn(async move {
                    sign_in(&db, &checks, &rules(max_failed), attempt(&email, "guess")).await
                })
            })
            .collect();
        for task in burst {
            assert!(matches!(
                task.await.unwrap().unwrap(),
                LoginOutcome::Invalid
            ));
        }
        let right = sign_in(&db, &checks, &rules(max_failed), attempt(EMAIL, PASSWORD))
            .await
            .unwrap();

        assert!(matches!(right, LoginOutcome::Invalid));
        // Every attempt did the same work, waiting or not.
        assert_eq!(checks.done(), 17);
        let _ = std::fs::remove_dir_all(dir);
    }
}
