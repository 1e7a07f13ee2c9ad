//! Public verification: what a certificate's QR code (its signed token) or its printed number
//! and code say about it, and the signed list of withdrawn certificates that offline verifiers
//! keep. Nothing here needs an account; what it shows is what the certificate prints.

use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::db::DbConn;
use crate::db::schema::certificates;
use crate::db::types::UtcTime;
pub use crate::domain::certificate::Verdict;
use crate::domain::certificate::{Contents, typed_code};
use crate::models::certificate::{
    Certificate, CertificateId, CertificateStatus, Signature, Standing,
};
use crate::signing::SharedKeyring;
use crate::token::constant_time_eq;

/// A verified document as the public sees it: what it prints, and its neighbours.
pub struct Found {
    pub certificate: Certificate,
    pub contents: Contents,
    pub signatures: Vec<Signature>,
    /// The certificate that replaced it, once issued.
    pub replaced_by: Option<Certificate>,
    /// The certificate it replaces.
    pub replaces: Option<Certificate>,
}

pub struct Verification {
    pub verdict: Verdict,
    /// Nothing for NOT FOUND and FORGED: a forged token's claims are never shown as if true.
    pub found: Option<Found>,
}

impl Verification {
    fn nothing(verdict: Verdict) -> Self {
        Verification {
            verdict,
            found: None,
        }
    }
}

/// The verdict of a token a QR code carried: FORGED unless one of our keys that is not revoked
/// signed it and it is the token the certificate was issued with.
pub fn by_token(
    conn: &mut DbConn,
    keyring: &SharedKeyring,
    token: &str,
    now: UtcTime,
) -> QueryResult<Verification> {
    let Ok(claims) = keyring.verify(token) else {
        return Ok(Verification::nothing(Verdict::Forged));
    };
    let Some(certificate) = Certificate::find_by_number(conn, &claims.sub)? else {
        return Ok(Verification::nothing(Verdict::NotFound));
    };
    if certificate.token.as_deref() != Some(token) {
        return Ok(Verification::nothing(Verdict::Forged));
    }
    verdict_of(conn, certificate, now)
}

/// The verdict of a number and code typed by hand: NOT FOUND unless both match, whichever of
/// the two is wrong (the answer tells nothing about numbers that exist).
pub fn by_number(
    conn: &mut DbConn,
    number: &str,
    code: &str,
    now: UtcTime,
) -> QueryResult<Verification> {
    let number = number.trim().to_uppercase();
    let typed = typed_code(code);
    let Some(certificate) = Certificate::find_by_number(conn, &number)? else {
        return Ok(Verification::nothing(Verdict::NotFound));
    };
    let matches = certificate
        .verification_code
        .as_deref()
        .is_some_and(|c| constant_time_eq(c.as_bytes(), typed.as_bytes()));
    if !matches {
        return Ok(Verification::nothing(Verdict::NotFound));
    }
    verdict_of(conn, certificate, now)
}

fn verdict_of(
    conn: &mut DbConn,
    certificate: Certificate,
    now: UtcTime,
) -> QueryResult<Verification> {
    let verdict = match certificate.standing(now) {
        Standing::Valid if certificate.kind.is_notice() => Verdict::Notice,
        Standing::Valid => Verdict::Valid,
        Standing::Expired => Verdict::Expired,
        Standing::Replaced => Verdict::Replaced,
        Standing::Revoked => Verdict::Revoked,
        // Never numbered, so never printed.
        Standing::Draft | Standing::Discarded => {
            return Ok(Verification::nothing(Verdict::NotFound));
        }
    };
    let Ok(contents) = certificate.parsed_contents() else {
        return Ok(Verification::nothing(Verdict::NotFound));
    };
    let signatures = Signature::of(conn, certificate.id)?;
    let replaced_by = Certificate::replacement_of(conn, certificate.id)?
        .filter(|r| r.status != CertificateStatus::Draft && r.number.is_some());
    let replaces = match certificate.replaces_id {
        Some(old) => Certificate::find_for(conn, crate::domain::Scope::All, old)?,
        None => None,
    };
    Ok(Verification {
        verdict,
        found: Some(Found {
            certificate,
            contents,
            signatures,
            replaced_by,
            replaces,
        }),
    })
}

/// One withdrawn certificate in the revocation list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Withdrawn {
    /// The certificate number.
    pub sub: String,
    /// `revoked` or `replaced`.
    pub status: String,
    /// When it was revoked, or when its replacement was issued (RFC 3339).
    pub at: String,
    /// The replacement's number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

/// The signed revocation list's payload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevocationList {
    pub iss: String,
    /// When the list was made (seconds since the epoch); also `issued_at` in RFC 3339.
    pub iat: i64,
    pub issued_at: String,
    pub revoked: Vec<Withdrawn>,
}

/// Every revoked or replaced certificate, oldest number first.
pub fn withdrawn(conn: &mut DbConn) -> QueryResult<Vec<Withdrawn>> {
    let rows: Vec<(
        CertificateId,
        Option<String>,
        CertificateStatus,
        Option<UtcTime>,
    )> = certificates::table
        .filter(
            certificates::status.eq_any([CertificateStatus::Revoked, CertificateStatus::Replaced]),
        )
        .filter(certificates::number.is_not_null())
        .select((
            certificates::id,
            certificates::number,
            certificates::status,
            certificates::revoked_at,
        ))
        .order(certificates::number.asc())
        .load(conn)?;
    let replaced: Vec<CertificateId> = rows
        .iter()
        .filter(|r| r.2 == CertificateStatus::Replaced)
        .map(|r| r.0)
        .collect();
    let mut replacements: Vec<(Option<CertificateId>, Option<String>, Option<UtcTime>)> =
        Vec::new();
    for chunk in replaced.chunks(500) {
        replacements.extend(
            certificates::table
                .filter(certificates::replaces_id.eq_any(chunk))
                .filter(certificates::number.is_not_null())
                .select((
                    certificates::replaces_id,
                    certificates::number,
                    certificates::issued_at,
                ))
                .load::<(Option<CertificateId>, Option<String>, Option<UtcTime>)>(conn)?,
        );
    }
    Ok(rows
        .into_iter()
        .filter_map(|(id, number, status, revoked_at)| {
            let number = number?;
            let (at, by) = match status {
                CertificateStatus::Revoked => (revoked_at, None),
                _ => {
                    let r = replacements.iter().find(|r| r.0 == Some(id));
                    (r.and_then(|r| r.2), r.and_then(|r| r.1.clone()))
                }
            };
            Some(Withdrawn {
                sub: number,
                status: status.as_str().to_owned(),
                at: at
                    .map(|t| crate::signing::keyring::rfc3339(t.0))
                    .unwrap_or_default(),
                by,
            })
        })
        .collect())
}
