//! `jointlab verify-token`: a certificate token checked with a saved JWK Set and, if given, a
//! saved revocation list — no network, no database. What an inspector's laptop or a customs
//! system does with the files the lab publishes.

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::{Claims, TokenError, jws};
use crate::domain::certificate::Verdict;
use crate::queries::verification::RevocationList;

/// The verdict and what was checked, as the command prints it.
pub struct Offline {
    pub verdict: Verdict,
    pub report: String,
}

fn instant(seconds: i64) -> String {
    DateTime::<Utc>::from_timestamp(seconds, 0)
        .map(super::keyring::rfc3339)
        .unwrap_or_else(|| seconds.to_string())
}

/// Checks `token` against `jwks` (a JWK Set) and `revocations` (the compact JWS served at
/// `/.well-known/revocations.json`), at `now`. A revocation list that the JWK Set does not
/// verify is an error, never silently ignored.
pub fn verify(
    token: &str,
    jwks: &Value,
    revocations: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Offline, String> {
    let list = revocations
        .map(|text| -> Result<RevocationList, String> {
            let payload = jws::payload_with_jwks(text.trim(), jwks)
                .map_err(|e| format!("the revocation list does not verify with these keys: {e}"))?;
            serde_json::from_slice(&payload)
                .map_err(|e| format!("the revocation list is not one: {e}"))
        })
        .transpose()?;
    let freshness = match &list {
        Some(l) => format!(
            "revocations as of {}: a certificate revoked after that shows as it stood then; \
             revocation is only as fresh as the list",
            l.issued_at
        ),
        None => "no revocation list given: a revoked or replaced certificate would still \
                 show VALID"
            .to_owned(),
    };
    let claims: Claims = match jws::verify_with_jwks(token.trim(), jwks) {
        Ok(c) => c,
        Err(e) => {
            let why = match e {
                TokenError::Malformed => "not a certificate token",
                TokenError::UnknownKey | TokenError::RevokedKey => {
                    "signed with a key these published keys do not hold"
                }
                TokenError::BadSignature => "the signature does not match",
            };
            return Ok(Offline {
                verdict: Verdict::Forged,
                report: format!("FORGED: {why}\n{freshness}"),
            });
        }
    };
    let withdrawn = list
        .as_ref()
        .and_then(|l| l.revoked.iter().find(|w| w.sub == claims.sub));
    let verdict = match withdrawn {
        Some(w) if w.status == "replaced" => Verdict::Replaced,
        Some(_) => Verdict::Revoked,
        None if claims.exp <= now.timestamp() => Verdict::Expired,
        None => Verdict::Valid,
    };
    let mut report = format!(
        "{} {}\n  {} · exporter BIN {} · {} (HS {}) · {} · to {} via {}\n  issued {}, valid until {}\n",
        verdict.as_str().to_uppercase().replace('_', " "),
        claims.sub,
        claims.kind,
        claims.exporter,
        claims.commodity,
        claims.hs,
        claims.qty,
        claims.dest,
        claims.post,
        instant(claims.iat),
        instant(claims.exp),
    );
    if let Some(w) = withdrawn {
        report.push_str(&format!(
            "  {} {}{}\n",
            w.status,
            w.at,
            w.by.as_deref()
                .map(|b| format!(", replaced by {b}"))
                .unwrap_or_default()
        ));
    }
    report.push_str(&freshness);
    Ok(Offline { verdict, report })
}
