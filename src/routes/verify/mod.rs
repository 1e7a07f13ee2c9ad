//! Public verification, no account needed: the form for a certificate's number and code, the
//! page a certificate's QR code opens, the same verdict as JSON, and the signed revocation
//! list offline verifiers keep.

pub mod api;
pub mod cache;
pub mod offline;
pub mod page;
pub mod revocations;

use serde::Serialize;

use crate::db::types::UtcTime;
use crate::domain::certificate::{Contents, Names};
use crate::i18n::Lang;
use crate::models::certificate::Signature;
use crate::queries::verification::{Found, Verdict};
use crate::routes::certificates::{kind_key, signed_times};

/// What the verdict page and the JSON answer show of a document: what it prints, nothing more.
#[derive(Serialize, utoipa::ToSchema)]
pub struct Printed {
    pub number: String,
    pub kind: &'static str,
    pub issued_at: Option<String>,
    pub valid_until: Option<String>,
    pub exporter: String,
    pub exporter_bin: String,
    pub consignee: String,
    pub commodity: String,
    pub hs_code: String,
    pub quantity: String,
    pub unit: String,
    pub lots: String,
    pub transport: String,
    pub transport_details: String,
    pub origin: String,
    pub border_post: String,
    pub border_post_code: String,
    pub destination: String,
    pub destination_code: String,
    pub gacc_registration: Option<String>,
    pub declarations: Vec<String>,
    pub signatures: Vec<PrintedSignature>,
    pub revoked_at: Option<String>,
    pub revocation_reason: Option<String>,
    pub replaced_by: Option<String>,
    pub replaces: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct PrintedSignature {
    pub name: String,
    pub side: &'static str,
    pub meaning: &'static str,
    pub signed_at: String,
    pub signed_at_local: String,
}

fn rfc3339(at: &UtcTime) -> String {
    crate::signing::keyring::rfc3339(at.0)
}

fn name(names: &Names, lang: Lang) -> String {
    names.get(&lang).to_owned()
}

impl Printed {
    /// `found` as printed, names in `lang`.
    pub fn of(found: &Found, lang: Lang) -> Printed {
        let c = &found.certificate;
        let contents: &Contents = &found.contents;
        Printed {
            number: c.number.clone().unwrap_or_default(),
            kind: c.kind.as_str(),
            issued_at: c.issued_at.as_ref().map(rfc3339),
            valid_until: c.valid_until.as_ref().map(rfc3339),
            exporter: contents.exporter.clone(),
            exporter_bin: contents.exporter_bin.clone(),
            consignee: contents.consignee.clone(),
            commodity: name(&contents.commodity, lang),
            hs_code: contents.hs_code.clone(),
            quantity: contents.quantity.clone(),
            unit: contents.unit.clone(),
            lots: contents.lots.clone(),
            transport: contents.transport.clone(),
            transport_details: contents.transport_details.clone(),
            origin: format!("{}, {}", contents.origin_region, contents.origin_district),
            border_post: name(&contents.post, lang),
            border_post_code: contents.post_code.clone(),
            destination: name(&contents.destination, lang),
            destination_code: contents.destination_code.clone(),
            gacc_registration: contents.gacc_registration.clone(),
            declarations: contents
                .declarations
                .iter()
                .map(|d| name(&d.text, lang))
                .collect(),
            signatures: found.signatures.iter().map(printed_signature).collect(),
            revoked_at: c.revoked_at.as_ref().map(rfc3339),
            revocation_reason: c.revocation_reason.clone(),
            replaced_by: found.replaced_by.as_ref().and_then(|r| r.number.clone()),
            replaces: found.replaces.as_ref().and_then(|r| r.number.clone()),
        }
    }
}

fn printed_signature(s: &Signature) -> PrintedSignature {
    let (utc, local) = signed_times(&s.signed_at, s.time_zone);
    PrintedSignature {
        name: s.printed_name.clone(),
        side: s.side.as_str(),
        meaning: s.meaning.as_str(),
        signed_at: utc,
        signed_at_local: local,
    }
}

/// The catalog key of a verdict's word and of its explanation.
pub fn verdict_keys(verdict: Verdict) -> (String, String) {
    (
        format!("verify.verdict.{}", verdict.as_str()),
        format!("verify.explain.{}", verdict.as_str()),
    )
}

/// The catalog key of a document kind's title.
pub fn kind_title(kind: &str) -> &'static str {
    kind_key(kind)
}
