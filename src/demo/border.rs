//! Demo border checks for `jointlab seed-demo`, recorded through the workflow by the demo
//! inspectors today: the valid wheat certificate released at Altynkol (so a scan at another
//! post shows "already released"), the expired one held at Dostyk, the revoked one refused at
//! Dostyk, and the certificate its correction replaced held at Nur Zholy, where the truck
//! brought the old paper. Runs once: nothing is added when any border check exists.

use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{border_checks, certificates};
use crate::db::types::UtcTime;
use crate::domain::border::{CheckEntry, Outcome};
use crate::domain::intake::Transport;
use crate::error::AppError;
use crate::models::User;
use crate::models::certificate::{Certificate, CertificateStatus, Standing};
use crate::queries::border;
use crate::workflows::border::record;

fn inspector(conn: &mut DbConn, code: &str) -> Result<User, AppError> {
    let email = format!("inspector.{}@demo.jointlab.local", code.to_lowercase());
    User::find_by_email(conn, &email)?
        .ok_or_else(|| AppError::internal(format!("demo inspector {email} missing")))
}

/// Records one check as `by` saw it, every warning confirmed.
fn checked(
    conn: &mut DbConn,
    by: &User,
    certificate: &Certificate,
    outcome: Outcome,
    observed: Transport,
    note: &str,
) -> Result<(), AppError> {
    let here = by
        .border_post_id
        .ok_or_else(|| AppError::internal("demo inspector without a post"))?;
    let now = UtcTime::now();
    let (facts, _) = border::facts(conn, certificate, here, now)?;
    let entry = CheckEntry {
        outcome,
        note: note.to_owned(),
        observed,
        acknowledged: true,
        shown: facts.warnings(observed),
        seen_checks: crate::models::border_check::BorderCheck::count_of(conn, certificate.id)?,
    };
    record(conn, by, certificate.id, &entry, now)?;
    Ok(())
}

/// Adds the demo border checks inside the caller's transaction.
pub fn seed_border_checks(conn: &mut DbConn) -> Result<(), AppError> {
    let existing: i64 = border_checks::table.count().get_result(conn)?;
    if existing > 0 {
        return Ok(());
    }
    let documents: Vec<Certificate> = certificates::table
        .filter(certificates::status.eq_any([
            CertificateStatus::Issued,
            CertificateStatus::Replaced,
            CertificateStatus::Revoked,
        ]))
        .select(Certificate::as_select())
        .order(certificates::id.asc())
        .load(conn)?;
    let now = UtcTime::now();
    let find = |wanted: &dyn Fn(&Certificate) -> bool| documents.iter().find(|c| wanted(c));
    let valid = find(&|c| {
        c.standing(now) == Standing::Valid && !c.kind.is_notice() && c.replaces_id.is_none()
    });
    let expired = find(&|c| c.standing(now) == Standing::Expired);
    let revoked = find(&|c| c.status == CertificateStatus::Revoked);
    let replaced = find(&|c| c.status == CertificateStatus::Replaced);
    let (Some(valid), Some(expired), Some(revoked), Some(replaced)) =
        (valid, expired, revoked, replaced)
    else {
        // No demo certificates (or not all of them): nothing to check.
        return Ok(());
    };
    let (alt, dst, nzh) = (
        inspector(conn, "ALT")?,
        inspector(conn, "DST")?,
        inspector(conn, "NZH")?,
    );
    checked(conn, &alt, valid, Outcome::Released, Transport::Rail, "")?;
    checked(
        conn,
        &dst,
        expired,
        Outcome::Held,
        Transport::Rail,
        "Certificate expired before the wagons reached Dostyk. Exporter asked to apply for a new certificate; wagons on the holding track.",
    )?;
    checked(
        conn,
        &dst,
        revoked,
        Outcome::Refused,
        Transport::Rail,
        "Certificate revoked by the laboratory (broken seal). Entry refused; wagons returned to the sender.",
    )?;
    checked(
        conn,
        &nzh,
        replaced,
        Outcome::Held,
        Transport::Road,
        "The driver presented the replaced certificate. Held until the replacement is shown.",
    )?;
    Ok(())
}
