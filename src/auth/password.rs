//! Argon2id password hashes with OWASP's parameters (m = 19 MiB, t = 2, p = 1).
//! Both hashing and verification are slow on purpose: call them off the async workers.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

use argon2::password_hash::{PasswordHasher, PasswordVerifier, phc::PasswordHash};
use argon2::{Algorithm, Argon2, Params, Version};

use crate::error::AppError;

fn argon2() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).expect("OWASP parameters are valid");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// The PHC string of a freshly salted hash.
pub fn hash(password: &str) -> String {
    argon2()
        .hash_password(password.as_bytes())
        .expect("hashing with valid parameters and a system salt succeeds")
        .to_string()
}

/// Whether `password` matches the stored PHC string (a malformed hash never matches).
pub fn verify(stored: &str, password: &str) -> bool {
    match PasswordHash::new(stored) {
        Ok(parsed) => argon2()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

/// A fresh one-time password and its hash (slow: call it off the async workers).
pub fn one_time() -> (String, String) {
    let password = super::token::readable_password();
    let hash = hash(&password);
    (password, hash)
}

/// A hash to compare against when the e-mail is unknown, so that the answer takes as long as
/// for a real account and does not reveal which addresses exist.
pub fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| hash("jointlab-no-such-account"))
}

/// Bounds the Argon2 computations running at once. Each takes a core for tens of
/// milliseconds: without a bound, a flood of logins would take every core and every
/// blocking thread, and the other requests would wait behind it. Callers over the bound wait
/// for a permit without holding a thread or a database connection.
pub struct PasswordChecks {
    permits: tokio::sync::Semaphore,
    size: usize,
    done: AtomicU64,
}

/// The right to run one Argon2 computation; the turn ends when it is dropped.
pub struct CheckPermit<'a> {
    _turn: tokio::sync::SemaphorePermit<'a>,
    done: &'a AtomicU64,
}

impl PasswordChecks {
    /// `configured` checks at once, or with 0 one less than the cores (at least one).
    pub fn new(configured: usize) -> Self {
        let size = if configured > 0 {
            configured
        } else {
            let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
            cores.saturating_sub(1).max(1)
        };
        PasswordChecks {
            permits: tokio::sync::Semaphore::new(size),
            size,
            done: AtomicU64::new(0),
        }
    }

    /// How many checks may run at once.
    pub fn size(&self) -> usize {
        self.size
    }

    /// How many checks have run since the start.
    pub fn done(&self) -> u64 {
        self.done.load(Ordering::Relaxed)
    }

    /// How many turns are free now.
    pub fn available(&self) -> usize {
        self.permits.available_permits()
    }

    /// A turn at once, if one is free.
    pub fn try_permit(&self) -> Option<CheckPermit<'_>> {
        self.permits.try_acquire().ok().map(|turn| CheckPermit {
            _turn: turn,
            done: &self.done,
        })
    }

    /// Waits for a turn.
    pub async fn permit(&self) -> Result<CheckPermit<'_>, AppError> {
        self.permits
            .acquire()
            .await
            .map(|turn| CheckPermit {
                _turn: turn,
                done: &self.done,
            })
            .map_err(|_| AppError::internal("the password-check semaphore is closed"))
    }

    /// Runs `work` (hashing or verifying) on the blocking pool when its turn comes.
    pub async fn run<T, F>(&self, work: F) -> Result<T, AppError>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        self.permit().await?.run(work).await
    }
}

impl CheckPermit<'_> {
    /// Runs `work` on the blocking pool, inside the caller's span, and ends the turn.
    pub async fn run<T, F>(self, work: F) -> Result<T, AppError>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        let span = tracing::Span::current();
        let out = actix_web::web::block(move || span.in_scope(work)).await?;
        self.done.fetch_add(1, Ordering::Relaxed);
        drop(self);
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn hash_and_verify() {
        let h = super::hash("Zhetysu-2026!");
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(super::verify(&h, "Zhetysu-2026!"));
        assert!(!super::verify(&h, "zhetysu-2026!"));
        assert!(!super::verify("not a hash", "x"));
    }

    #[actix_web::test]
    async fn password_checks_take_turns() {
        let checks = super::PasswordChecks::new(2);
        assert_eq!(checks.size(), 2);
        let first = checks.try_permit().expect("a free turn");
        let second = checks.permit().await.unwrap();
        assert!(checks.try_permit().is_none(), "a third check ran at once");
        drop(first);
        assert!(checks.try_permit().is_some());
        assert_eq!(second.run(|| 6 * 7).await.unwrap(), 42);
        assert!(super::PasswordChecks::new(0).size() >= 1);
    }
}
