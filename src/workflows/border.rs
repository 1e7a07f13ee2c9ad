//! Border checks (DESIGN.md, Border check): an inspector records his decision on a
//! certificate — released, held or refused — at the post of his account.
//!
//! The warnings that must stop him (already released, revoked, replaced, expired, a notice,
//! another post or transport mode than declared) are computed here from the records, as the
//! page computed them: he confirms he has read them, or the form comes back. A release is
//! refused outright for a certificate already released or no longer valid. The form carries
//! how many checks of the certificate it showed: a check recorded since (a parallel scan of the
//! same paper) makes it stale. Checks of one certificate are recorded one at a time (an
//! advisory lock on PostgreSQL, `BEGIN IMMEDIATE` on SQLite), and the database allows one
//! release per certificate, so of parallel releases one is recorded and the others are stale
//! (409), on every backend.

use super::{Step, found, guarded, require};
use crate::auth::policy;
use crate::db::ids::CertificateId;
use crate::db::types::UtcTime;
use crate::db::{DbConn, lock_for_transaction};
use crate::domain::Scope;
use crate::domain::border::{CheckEntry, Outcome, join};
use crate::models::audit::{self, AuditEntry};
use crate::models::border_check::{BorderCheck, BorderCheckId, NewBorderCheck};
use crate::models::certificate::Certificate;
use crate::models::{Actor, User};
use crate::queries::border;

/// The warnings were not confirmed (shown beside the confirmation box).
pub const ACKNOWLEDGE: &str = "border.acknowledge_required";

/// The advisory lock of one certificate's checks (PostgreSQL): its id's random bits.
fn checks_lock(id: CertificateId) -> i64 {
    let bytes = id.0.as_bytes();
    let mut tail = [0u8; 8];
    tail.copy_from_slice(&bytes[8..16]);
    i64::from_be_bytes(tail)
}

/// Records `by`'s check of certificate `id` at his post, dated `at`.
pub fn record(
    conn: &mut DbConn,
    by: &User,
    id: CertificateId,
    entry: &CheckEntry,
    at: UtcTime,
) -> Step<BorderCheck> {
    policy::may_check(by).map_err(super::Halt::Refused)?;
    let here = found(by.border_post_id)?;
    let certificate =
        found(Certificate::find_for(conn, Scope::All, id)?.filter(Certificate::is_published))?;
    // Checks of one certificate are recorded one at a time: under PostgreSQL's READ
    // COMMITTED a parallel check committed between two reads would otherwise be missed by the
    // count and seen by the release rule (a 422 where the form was merely stale).
    lock_for_transaction(conn, checks_lock(id))?;
    guarded(BorderCheck::count_of(conn, id)? == entry.seen_checks)?;
    let (facts, declared) = border::facts(conn, &certificate, here, at)?;
    let warnings = facts.warnings(entry.observed);
    if entry.outcome == Outcome::Released {
        policy::may_release(&warnings).map_err(super::Halt::Refused)?;
    }
    require(
        warnings.is_empty()
            || (entry.acknowledged && warnings.iter().all(|w| entry.shown.contains(w))),
        ACKNOWLEDGE,
    )?;
    let warnings = join(&warnings);
    let check = BorderCheck::insert(
        conn,
        &NewBorderCheck {
            id: BorderCheckId::new(),
            certificate_id: certificate.id,
            post_id: here,
            inspector_id: by.id,
            outcome: entry.outcome,
            note: &entry.note,
            declared_post_id: declared.post.id,
            declared_transport: declared.transport,
            observed_transport: entry.observed,
            warnings: &warnings,
            checked_at: at,
        },
    )?;
    audit::record(
        conn,
        AuditEntry::new(
            &Actor::user(by.id, &by.email),
            "border_check.recorded",
            "border_check",
            check.id,
        )
        .after(check.audit_view()),
    )?;
    Ok(check)
}
