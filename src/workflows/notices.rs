//! Who is told of what: each function names the recipients of one event and what they read,
//! and writes the inbox entries and outbox messages in the caller's transaction
//! ([`crate::mail::notify`]).

use diesel::QueryResult;

use crate::db::DbConn;
use crate::domain::notice::NoticeKind;
use crate::mail::{self, Notice, Site, company_users, one_user};
use crate::models::User;
use crate::models::application::Application;
use crate::models::catalog::TestMethod;
use crate::models::certificate::Certificate;
use crate::models::consignment::Consignment;
use crate::models::lab_test::LabTest;
use crate::models::sample::Sample;

/// The exporter's users: their application became a consignment.
pub fn application_accepted(
    conn: &mut DbConn,
    site: &Site,
    application: &Application,
    consignment: &Consignment,
) -> QueryResult<()> {
    let to = company_users(conn, application.exporter_id)?;
    let notice = Notice::new(
        NoticeKind::ApplicationAccepted,
        format!("/consignments/{}", consignment.id),
    )
    .with("code", application.code.clone())
    .with("consignment", consignment.code.clone());
    mail::notify(conn, site, &to, &notice)
}

/// The exporter's users: their application came back with a reason.
pub fn application_returned(
    conn: &mut DbConn,
    site: &Site,
    application: &Application,
    reason: &str,
) -> QueryResult<()> {
    let to = company_users(conn, application.exporter_id)?;
    let notice = Notice::new(
        NoticeKind::ApplicationReturned,
        format!("/applications/{}", application.id),
    )
    .with("code", application.code.clone())
    .with("reason", reason);
    mail::notify(conn, site, &to, &notice)
}

/// The analyst who entered a result the reviewer sent back.
pub fn result_returned(
    conn: &mut DbConn,
    site: &Site,
    test: &LabTest,
    sample: &Sample,
    reason: &str,
) -> QueryResult<()> {
    let Some(analyst) = test.entered_by else {
        return Ok(());
    };
    let to = one_user(conn, analyst)?;
    let method = TestMethod::find(conn, test.test_method_id)?
        .map(|m| m.code.as_str().to_owned())
        .unwrap_or_default();
    let notice = Notice::new(
        NoticeKind::ResultReturned,
        format!("/samples/{}", sample.id),
    )
    .with("sample", sample.code.clone())
    .with("method", method)
    .with("reason", reason);
    mail::notify(conn, site, &to, &notice)
}

/// The exporter's users: one side's laboratory received its portion of a sample.
pub fn portion_received(
    conn: &mut DbConn,
    site: &Site,
    sample: &Sample,
    side: crate::domain::Side,
) -> QueryResult<()> {
    let Some(consignment) =
        Consignment::find_for(conn, crate::domain::Scope::All, sample.consignment_id)?
    else {
        return Ok(());
    };
    let to = company_users(conn, consignment.exporter_id)?;
    let notice = Notice::new(
        NoticeKind::PortionReceived,
        format!("/consignments/{}", consignment.id),
    )
    .with("sample", sample.code.clone())
    .with("side", side.as_str().to_uppercase());
    mail::notify(conn, site, &to, &notice)
}

/// The reviewers of both sides: the two laboratories' results of a method disagree.
pub fn discrepancy_opened(
    conn: &mut DbConn,
    site: &Site,
    sample: &Sample,
    method: crate::models::catalog::TestMethodId,
) -> QueryResult<()> {
    let to = User::active_with_role(conn, crate::domain::Role::Reviewer)?;
    let method = TestMethod::find(conn, method)?
        .map(|m| m.code.as_str().to_owned())
        .unwrap_or_default();
    let notice = Notice::new(
        NoticeKind::DiscrepancyOpened,
        format!("/samples/{}", sample.id),
    )
    .with("sample", sample.code.clone())
    .with("method", method);
    mail::notify(conn, site, &to, &notice)
}

/// The exporter's users: every test of a sample is verified by both laboratories.
pub fn testing_complete(conn: &mut DbConn, site: &Site, sample: &Sample) -> QueryResult<()> {
    let Some(consignment) =
        Consignment::find_for(conn, crate::domain::Scope::All, sample.consignment_id)?
    else {
        return Ok(());
    };
    let to = company_users(conn, consignment.exporter_id)?;
    let notice = Notice::new(
        NoticeKind::TestingComplete,
        format!("/consignments/{}", consignment.id),
    )
    .with("sample", sample.code.clone());
    mail::notify(conn, site, &to, &notice)
}

/// The exporter's users: a certificate (PDF attached) or a non-conformity notice was issued.
pub fn certificate_issued(
    conn: &mut DbConn,
    site: &Site,
    certificate: &Certificate,
    consignment: &Consignment,
) -> QueryResult<()> {
    let to = company_users(conn, consignment.exporter_id)?;
    let number = certificate.number.clone().unwrap_or_default();
    let kind = if certificate.kind.is_notice() {
        NoticeKind::NonconformityNotice
    } else {
        NoticeKind::CertificateIssued
    };
    let notice = Notice::new(kind, format!("/certificates/{}", certificate.id))
        .with("number", number.clone())
        .with("consignment", consignment.code.clone())
        .attach(certificate.id, format!("{number}.pdf"));
    mail::notify(conn, site, &to, &notice)
}

/// The exporter's users: an issued certificate was replaced by a new one.
pub fn certificate_replaced(
    conn: &mut DbConn,
    site: &Site,
    old: &Certificate,
    replacement: &Certificate,
    consignment: &Consignment,
) -> QueryResult<()> {
    let to = company_users(conn, consignment.exporter_id)?;
    let notice = Notice::new(
        NoticeKind::CertificateReplaced,
        format!("/certificates/{}", replacement.id),
    )
    .with("number", old.number.clone().unwrap_or_default())
    .with(
        "replacement",
        replacement.number.clone().unwrap_or_default(),
    );
    mail::notify(conn, site, &to, &notice)
}

/// The exporter's users: a certificate was revoked, with the reason.
pub fn certificate_revoked(
    conn: &mut DbConn,
    site: &Site,
    certificate: &Certificate,
    reason: &str,
) -> QueryResult<()> {
    let Some(consignment) =
        Consignment::find_for(conn, crate::domain::Scope::All, certificate.consignment_id)?
    else {
        return Ok(());
    };
    let to = company_users(conn, consignment.exporter_id)?;
    let notice = Notice::new(
        NoticeKind::CertificateRevoked,
        format!("/certificates/{}", certificate.id),
    )
    .with("number", certificate.number.clone().unwrap_or_default())
    .with("reason", reason);
    mail::notify(conn, site, &to, &notice)
}
