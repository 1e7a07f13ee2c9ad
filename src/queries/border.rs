//! What the border pages read: a certificate's check history with the posts and inspectors
//! named, the facts its warnings are computed from, and a post's page (consignments expected
//! there, checks recorded there today).

use std::collections::HashMap;

use chrono::NaiveDate;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::ids::{BorderPostId, CertificateId, ConsignmentId, UserId};
use crate::db::schema::{certificates, commodities, consignments, exporters, users};
use crate::db::types::UtcTime;
use crate::domain::Scope;
use crate::domain::border::Facts;
use crate::domain::intake::Transport;
use crate::models::border_check::BorderCheck;
use crate::models::certificate::{Certificate, CertificateStatus, Standing};
use crate::models::consignment::Consignment;
use crate::models::{BorderPost, Commodity};

/// One check as the history lists it.
pub struct CheckLine {
    pub check: BorderCheck,
    pub post: BorderPost,
    pub declared_post: BorderPost,
    /// The inspector's display name.
    pub inspector: String,
    /// The certificate's number (for the post page's list).
    pub number: String,
}

fn posts(conn: &mut DbConn) -> QueryResult<HashMap<BorderPostId, BorderPost>> {
    Ok(BorderPost::all(conn)?
        .into_iter()
        .map(|p| (p.id, p))
        .collect())
}

fn lines(conn: &mut DbConn, checks: Vec<BorderCheck>) -> QueryResult<Vec<CheckLine>> {
    let posts = posts(conn)?;
    let inspector_ids: Vec<UserId> = checks.iter().map(|c| c.inspector_id).collect();
    let names: HashMap<UserId, String> = users::table
        .filter(users::id.eq_any(inspector_ids))
        .select((users::id, users::display_name))
        .load::<(UserId, String)>(conn)?
        .into_iter()
        .collect();
    let certificate_ids: Vec<CertificateId> = checks.iter().map(|c| c.certificate_id).collect();
    let numbers: HashMap<CertificateId, String> = certificates::table
        .filter(certificates::id.eq_any(certificate_ids))
        .select((certificates::id, certificates::number))
        .load::<(CertificateId, Option<String>)>(conn)?
        .into_iter()
        .map(|(id, n)| (id, n.unwrap_or_default()))
        .collect();
    let mut out = Vec::with_capacity(checks.len());
    for check in checks {
        let (Some(post), Some(declared_post)) = (
            posts.get(&check.post_id).cloned(),
            posts.get(&check.declared_post_id).cloned(),
        ) else {
            return Err(diesel::result::Error::NotFound);
        };
        out.push(CheckLine {
            inspector: names.get(&check.inspector_id).cloned().unwrap_or_default(),
            number: numbers
                .get(&check.certificate_id)
                .cloned()
                .unwrap_or_default(),
            post,
            declared_post,
            check,
        });
    }
    Ok(out)
}

/// The checks of a certificate, oldest first.
pub fn history(conn: &mut DbConn, certificate: CertificateId) -> QueryResult<Vec<CheckLine>> {
    let checks = BorderCheck::of_certificate(conn, certificate)?;
    lines(conn, checks)
}

/// What a certificate's consignment declared: the post and the transport mode.
pub struct Declared {
    pub post: BorderPost,
    pub transport: Transport,
}

/// The facts a check of `certificate` at `here` is warned from, with what was declared.
pub fn facts(
    conn: &mut DbConn,
    certificate: &Certificate,
    here: BorderPostId,
    now: UtcTime,
) -> QueryResult<(Facts, Declared)> {
    let consignment = Consignment::find_for(conn, Scope::All, certificate.consignment_id)?
        .ok_or(diesel::result::Error::NotFound)?;
    let post = BorderPost::find(conn, consignment.border_post_id)?
        .ok_or(diesel::result::Error::NotFound)?;
    let released_at = BorderCheck::release_of(conn, certificate.id)?.map(|c| c.post_id);
    let facts = Facts {
        standing: certificate.standing(now),
        notice: certificate.kind.is_notice(),
        released_at,
        here,
        declared_post: consignment.border_post_id,
        declared_transport: consignment.transport,
    };
    Ok((
        facts,
        Declared {
            post,
            transport: consignment.transport,
        },
    ))
}

/// A consignment expected at a post, with its current document.
pub struct Expected {
    pub consignment: Consignment,
    pub exporter: String,
    pub commodity: Commodity,
    /// Its issued document, else the newest one withdrawn; none before one is issued.
    pub certificate: Option<Certificate>,
    pub standing: Option<Standing>,
    /// Where it was released, if it was.
    pub released_at: Option<BorderPost>,
}

/// The most rows a post page lists in each of its two lists.
pub const POST_LIMIT: i64 = 100;

/// The consignments declared for `post` with a planned crossing date from `from` to `to`,
/// soonest first (at most [`POST_LIMIT`]).
pub fn expected_at(
    conn: &mut DbConn,
    post: BorderPostId,
    from: NaiveDate,
    to: NaiveDate,
    now: UtcTime,
) -> QueryResult<Vec<Expected>> {
    let rows: Vec<(Consignment, String, Commodity)> = consignments::table
        .inner_join(exporters::table)
        .inner_join(commodities::table)
        .filter(consignments::border_post_id.eq(post))
        .filter(consignments::planned_date.ge(from.to_string()))
        .filter(consignments::planned_date.le(to.to_string()))
        .select((
            Consignment::as_select(),
            exporters::name,
            Commodity::as_select(),
        ))
        .order((consignments::planned_date.asc(), consignments::id.asc()))
        .limit(POST_LIMIT)
        .load(conn)?;
    let ids: Vec<ConsignmentId> = rows.iter().map(|r| r.0.id).collect();
    let documents: Vec<Certificate> = certificates::table
        .filter(certificates::consignment_id.eq_any(ids))
        .filter(certificates::status.eq_any([
            CertificateStatus::Issued,
            CertificateStatus::Replaced,
            CertificateStatus::Revoked,
        ]))
        .select(Certificate::as_select())
        .order(certificates::id.desc())
        .load(conn)?;
    let posts = posts(conn)?;
    let mut out = Vec::with_capacity(rows.len());
    for (consignment, exporter, commodity) in rows {
        let mine = documents
            .iter()
            .filter(|c| c.consignment_id == consignment.id);
        let certificate = mine
            .clone()
            .find(|c| c.status == CertificateStatus::Issued)
            .or_else(|| mine.clone().next())
            .cloned();
        let released_at = match &certificate {
            Some(c) => {
                BorderCheck::release_of(conn, c.id)?.and_then(|r| posts.get(&r.post_id).cloned())
            }
            None => None,
        };
        out.push(Expected {
            standing: certificate.as_ref().map(|c| c.standing(now)),
            certificate,
            released_at,
            consignment,
            exporter,
            commodity,
        });
    }
    Ok(out)
}

/// The checks recorded at `post` since `since`, newest first (at most [`POST_LIMIT`]).
pub fn checked_since(
    conn: &mut DbConn,
    post: BorderPostId,
    since: UtcTime,
) -> QueryResult<Vec<CheckLine>> {
    let checks = BorderCheck::at_post_since(conn, post, since, POST_LIMIT)?;
    lines(conn, checks)
}

/// How many consignments are expected and how many checks were recorded (the home tiles).
pub fn post_counts(
    conn: &mut DbConn,
    post: BorderPostId,
    from: NaiveDate,
    to: NaiveDate,
    since: UtcTime,
) -> QueryResult<(i64, i64)> {
    let expected = consignments::table
        .filter(consignments::border_post_id.eq(post))
        .filter(consignments::planned_date.ge(from.to_string()))
        .filter(consignments::planned_date.le(to.to_string()))
        .count()
        .get_result(conn)?;
    let checked = crate::db::schema::border_checks::table
        .filter(crate::db::schema::border_checks::post_id.eq(post))
        .filter(crate::db::schema::border_checks::checked_at.ge(since))
        .count()
        .get_result(conn)?;
    Ok((expected, checked))
}
