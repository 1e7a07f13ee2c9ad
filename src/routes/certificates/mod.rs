//! Certificates and non-conformity notices: the certifiers' queue and list, drafting from a
//! consignment, the document (HTML, PDF and ePhyto XML) with its signatures, signing with the
//! password typed again, replacement and revocation.

pub mod draft;
pub mod export;
pub mod list;
pub mod print;
pub mod revoke;
pub mod show;
pub mod sign;
pub mod xml;

use crate::db::DbConn;
use crate::db::types::UtcTime;
use crate::domain::Scope;
use crate::domain::certificate::{Contents, ResultLine, printed_code};
use crate::error::AppError;
use crate::i18n::{self, Lang};
use crate::models::certificate::{Certificate, CertificateId, Signature, Standing};

/// A document as its pages show it: the record, its frozen contents, its signatures and its
/// neighbours in a chain of replacements.
pub struct Document {
    pub certificate: Certificate,
    pub contents: Contents,
    pub signatures: Vec<Signature>,
    pub replaces: Option<Certificate>,
    pub replaced_by: Option<Certificate>,
    pub standing: Standing,
}

impl Document {
    /// The document if `scope` may see it (an exporter: their company's, never a draft).
    pub fn load(conn: &mut DbConn, scope: Scope, id: CertificateId) -> Result<Document, AppError> {
        let certificate = Certificate::find_for(conn, scope, id)?.ok_or(AppError::NotFound)?;
        let contents = certificate.parsed_contents().map_err(AppError::internal)?;
        let signatures = Signature::of(conn, id)?;
        let replaces = match certificate.replaces_id {
            Some(old) => Certificate::find_for(conn, scope, old)?,
            None => None,
        };
        let replaced_by = Certificate::replacement_of(conn, id)?
            .filter(|r| scope.company().is_none() || r.number.is_some());
        let standing = certificate.standing(UtcTime::now());
        Ok(Document {
            certificate,
            contents,
            signatures,
            replaces,
            replaced_by,
            standing,
        })
    }

    /// The title of the document's kind in `lang`.
    pub fn title(&self, lang: &Lang) -> &'static str {
        i18n::t(*lang, kind_key(self.certificate.kind.as_str()))
    }

    /// The verification code as printed (`ABCDE-FGHJK`).
    pub fn code(&self) -> String {
        self.certificate
            .verification_code
            .as_deref()
            .map(printed_code)
            .unwrap_or_default()
    }
}

/// The catalog key of a kind's title.
pub fn kind_key(kind: &str) -> &'static str {
    match kind {
        "phytosanitary" => "certificate.kind.phytosanitary",
        "veterinary" => "certificate.kind.veterinary",
        _ => "certificate.kind.notice",
    }
}

/// A result's reading in words: "0.004 mg/kg", "< LOQ", "not detected".
pub fn reading_text(lang: Lang, line: &ResultLine) -> String {
    match line.reading.as_str() {
        "value" => format!(
            "{} {}",
            line.value.as_deref().unwrap_or(""),
            line.unit.as_deref().unwrap_or("")
        )
        .trim()
        .to_owned(),
        kind => i18n::t(lang, &format!("reading.{kind}")).to_owned(),
    }
}

/// The limit a result was held against: "≤ 5 µg/kg", "≥ 12 %", "not detected", or a dash.
pub fn limit_text(lang: Lang, line: &ResultLine) -> String {
    let value = format!(
        "{} {}",
        line.limit_value.as_deref().unwrap_or(""),
        line.limit_unit.as_deref().unwrap_or("")
    )
    .trim()
    .to_owned();
    match line.limit_rule.as_deref() {
        Some("max") => format!("≤ {value}"),
        Some("min") => format!("≥ {value}"),
        Some("not_detected") => i18n::t(lang, "rule.not_detected").to_owned(),
        _ => "—".to_owned(),
    }
}

/// A result's conformity in words.
pub fn conformity_text(lang: Lang, line: &ResultLine) -> &'static str {
    i18n::t(lang, &format!("conformity.{}", line.conformity))
}

/// An instant as a signer's record shows it: UTC, and in `zone`.
pub fn signed_times(at: &UtcTime, zone: crate::domain::TimeZone) -> (String, String) {
    (
        format!("{} UTC", at.0.format("%Y-%m-%d %H:%M:%S")),
        format!(
            "{} {}",
            at.0.with_timezone(&zone.offset())
                .format("%Y-%m-%d %H:%M:%S"),
            zone.utc_label()
        ),
    )
}
