//! The lab's rules, one function per action, and the one change protocol every state change
//! goes through.
//!
//! A workflow function runs inside one write transaction: it loads the rows it needs in the
//! caller's scope (not yours = not found), asks [`crate::auth::policy`] whether the principal
//! may act, applies version-guarded updates (`… WHERE id = ? AND version = ?`), writes the
//! audit event, and returns the value of the change. It stops early with a [`Halt`]: the
//! transaction is rolled back and [`apply`] turns the halt into a [`Change`] the handler shows
//! (303 / 409 / 422) or an error page (404 / 500). Models know their own table only; every rule
//! that spans tables lives here.

pub mod accounts;
pub mod api_tokens;
pub mod border;
pub mod catalog;
pub mod certificates;
pub mod companies;
pub mod custody;
pub mod discrepancy;
pub mod eligibility;
pub mod intake;
pub mod notices;
pub mod testing;

use crate::db::{Db, DbConn, write_tx};
use crate::error::AppError;

/// How a change went, as the handler answers it.
#[derive(Debug, PartialEq, Eq)]
pub enum Change<T> {
    /// Applied and committed.
    Done(T),
    /// The record changed since the form was loaded, or a parallel request did the same thing
    /// first (409, the form comes back with the user's input).
    Stale,
    /// Refused by a rule; the catalog key says why (422).
    Refused(&'static str),
}

/// Why a workflow stopped before committing.
#[derive(Debug)]
pub enum Halt {
    Stale,
    Refused(&'static str),
    /// Does not exist, or is outside the caller's scope (the same answer on purpose).
    NotFound,
    Db(diesel::result::Error),
}

/// What a workflow step returns.
pub type Step<T> = Result<T, Halt>;

impl From<diesel::result::Error> for Halt {
    fn from(e: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind, Error};
        match e {
            Error::NotFound => Halt::NotFound,
            // A parallel request inserted the same row first: "already done", not a crash.
            Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _) => Halt::Stale,
            other => Halt::Db(other),
        }
    }
}

/// Refuses with `key` unless `rule` holds.
pub fn require(rule: bool, key: &'static str) -> Step<()> {
    if rule {
        Ok(())
    } else {
        Err(Halt::Refused(key))
    }
}

/// A row the caller may see, or not found.
pub fn found<T>(row: Option<T>) -> Step<T> {
    row.ok_or(Halt::NotFound)
}

/// The result of a version-guarded update: no row means someone changed it first.
pub fn guarded(updated: bool) -> Step<()> {
    if updated { Ok(()) } else { Err(Halt::Stale) }
}

/// The version the form carried must be the one loaded; otherwise the page was stale.
pub fn same_version(loaded: i32, submitted: i32) -> Step<()> {
    guarded(loaded == submitted)
}

/// For a write that a unique index guards as a field of a form (a method's code, a company's
/// BIN): a unique violation means the value is taken, refused with `key` for the page to show
/// beside the field — also when a parallel request took it between the check and the write.
/// Any other error converts as usual.
pub fn taken(key: &'static str) -> impl FnOnce(diesel::result::Error) -> Halt {
    use diesel::result::{DatabaseErrorKind, Error};
    move |e| match e {
        Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _) => Halt::Refused(key),
        other => Halt::from(other),
    }
}

/// Runs `step` in one write transaction (synchronously: the command line, seeding, tests).
pub fn apply_on<T>(
    conn: &mut DbConn,
    step: impl FnOnce(&mut DbConn) -> Step<T>,
) -> Result<Change<T>, AppError> {
    match write_tx(conn, step) {
        Ok(value) => Ok(Change::Done(value)),
        Err(Halt::Stale) => Ok(Change::Stale),
        Err(Halt::Refused(key)) => Ok(Change::Refused(key)),
        Err(Halt::NotFound) => Err(AppError::NotFound),
        Err(Halt::Db(e)) => Err(AppError::internal(e)),
    }
}

/// Runs `step` in one write transaction on the blocking pool: the change protocol.
pub async fn apply<T, F>(db: &Db, step: F) -> Result<Change<T>, AppError>
where
    F: FnOnce(&mut DbConn) -> Step<T> + Send + 'static,
    T: Send + 'static,
{
    db.run(move |conn| apply_on(conn, step)).await
}

/// For callers that run workflows inside a larger transaction of their own (seeding): a halt
/// there is a bug, not a user's mistake.
impl From<Halt> for AppError {
    fn from(halt: Halt) -> Self {
        match halt {
            Halt::NotFound => AppError::NotFound,
            Halt::Db(e) => AppError::internal(e),
            Halt::Stale => AppError::internal("the record changed under the caller"),
            Halt::Refused(key) => AppError::internal(format!("refused: {key}")),
        }
    }
}
