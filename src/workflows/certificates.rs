//! Certificates and non-conformity notices (DESIGN.md, Certificate lifecycle).
//!
//! A certifier drafts one when the consignment's results allow it: a certificate when every
//! result conforms (and, for China, the exporter holds a GACC registration for the commodity),
//! a notice when one does not. The draft freezes the printed contents. One certifier of each
//! side signs it, each with their password typed again; every signature checks that the
//! records still say what the draft says. The second signature issues it, all in one
//! transaction: the gapless number of its kind and year, the validity, the verification code
//! and the signed token, and for a replacement the old certificate becomes `replaced`. An
//! issued document is never edited: it is replaced by a new one, or revoked with a reason.

use chrono::{Datelike, Duration};

use super::{Halt, Step, found, guarded, require, same_version};
use crate::auth::policy::{self, Staff};
use crate::auth::reauth::Reauthenticated;
use crate::db::DbConn;
use crate::db::ids::{CertificateId, ConsignmentId};
use crate::db::types::UtcTime;
use crate::domain::Scope;
use crate::domain::catalog::CommodityKind;
use crate::domain::certificate::{DeclarationText, Names, verification_code};
use crate::models::audit::{self, AuditEntry};
use crate::models::certificate::{
    Certificate, CertificateKind, Contents, Issue, NewDraft, Signature, SignatureMeaning,
};
use crate::models::consignment::Consignment;
use crate::models::{Commodity, counter};
use crate::queries::certification::{self, DraftDetails, Readiness};
use crate::queries::eligibility;
use crate::signing::{Claims, SharedKeyring};

/// The draft would print a GACC registration the exporter does not hold (shown with the
/// exporter's and the commodity's names).
pub const GACC_MISSING: &str = "certification.gacc_missing";

/// What issuing needs beyond the database: the keys, the issuer's address and the validity.
#[derive(Clone)]
pub struct Issuing {
    pub keyring: SharedKeyring,
    pub issuer: String,
    pub phytosanitary_days: i64,
    pub veterinary_days: i64,
    /// The instant signatures and issues are dated: now, unless seeding backdates them.
    pub at: Option<UtcTime>,
    /// Where the links of the mail about the certificate lead.
    pub site: crate::mail::Site,
}

impl Issuing {
    pub fn from_settings(settings: &crate::config::Settings, keyring: SharedKeyring) -> Issuing {
        Issuing {
            keyring,
            issuer: settings.signing.issuer.clone(),
            phytosanitary_days: settings.certificates.phytosanitary_valid_days,
            veterinary_days: settings.certificates.veterinary_valid_days,
            at: None,
            site: crate::mail::Site::from_settings(settings),
        }
    }

    pub(crate) fn valid_days(&self, kind: CertificateKind) -> Option<i64> {
        match kind {
            CertificateKind::Phytosanitary => Some(self.phytosanitary_days),
            CertificateKind::Veterinary => Some(self.veterinary_days),
            CertificateKind::Notice => None,
        }
    }
}

/// What the certifier typed on the draft form, validated; declarations by code.
#[derive(Debug, Clone, Default)]
pub struct DraftForm {
    pub consignee: String,
    pub transport_details: String,
    pub remarks: String,
    pub declarations: Vec<String>,
}

/// The kind of document the consignment's results call for.
fn kind_for(commodity: &Commodity, readiness: Readiness) -> Step<CertificateKind> {
    match readiness {
        Readiness::Ready => Ok(match commodity.kind {
            CommodityKind::Plant => CertificateKind::Phytosanitary,
            CommodityKind::Animal => CertificateKind::Veterinary,
        }),
        Readiness::Failed => Ok(CertificateKind::Notice),
        Readiness::Waiting(key) => Err(Halt::Refused(key)),
    }
}

/// Everything a draft of `kind` would print for `consignment` now, or why it cannot be made.
fn current_contents(
    conn: &mut DbConn,
    consignment: &Consignment,
    kind: CertificateKind,
    details: &DraftDetails,
) -> Step<Contents> {
    let assessment = certification::assess(conn, consignment)?;
    let commodity = found(Commodity::find(conn, consignment.commodity_id)?)?;
    let expected = kind_for(&commodity, assessment.readiness)?;
    if expected != kind {
        return Err(Halt::Refused(match expected {
            CertificateKind::Notice => "certification.results_fail",
            _ => "certification.results_conform",
        }));
    }
    let mut registration = None;
    if !kind.is_notice() && eligibility::requires_gacc(conn, consignment.limit_set_id)? {
        let today = UtcTime::now().0.date_naive();
        let held = eligibility::registration_for(
            conn,
            consignment.exporter_id,
            consignment.commodity_id,
            today,
        )?;
        registration =
            Some(found(held.map(|r| r.register_number)).map_err(|_| Halt::Refused(GACC_MISSING))?);
    }
    Ok(certification::contents(
        conn,
        consignment,
        &assessment,
        details,
        registration,
        kind.is_notice(),
    )?)
}

/// The declarations chosen by code, among those the destination offers for the commodity.
fn chosen_declarations(
    conn: &mut DbConn,
    consignment: &Consignment,
    codes: &[String],
) -> Step<Vec<DeclarationText>> {
    let offered =
        eligibility::declarations_for(conn, consignment.limit_set_id, consignment.commodity_id)?;
    let mut chosen = Vec::new();
    for code in codes {
        let d = offered
            .iter()
            .find(|d| &d.code == code)
            .ok_or(Halt::Refused("certification.declaration_unknown"))?;
        chosen.push(DeclarationText {
            code: d.code.clone(),
            text: Names::of([&d.text_en, &d.text_ru, &d.text_kk, &d.text_zh]),
        });
    }
    Ok(chosen)
}

fn details_of(
    conn: &mut DbConn,
    consignment: &Consignment,
    form: &DraftForm,
) -> Step<DraftDetails> {
    Ok(DraftDetails {
        consignee: form.consignee.clone(),
        transport_details: form.transport_details.clone(),
        remarks: form.remarks.clone(),
        declarations: chosen_declarations(conn, consignment, &form.declarations)?,
    })
}

fn insert_draft(
    conn: &mut DbConn,
    by: &Staff,
    consignment: &Consignment,
    kind: CertificateKind,
    replaces: Option<(CertificateId, &str)>,
    details: &DraftDetails,
) -> Step<Certificate> {
    let contents = current_contents(conn, consignment, kind, details)?;
    let draft = Certificate::insert_draft(
        conn,
        &NewDraft {
            consignment: consignment.id,
            kind,
            replaces,
            consignee: &details.consignee,
            transport_details: &details.transport_details,
            remarks: &details.remarks,
            contents: &contents,
            by: by.id,
        },
    )?;
    audit::record(
        conn,
        AuditEntry::new(&by.actor(), "certificate.drafted", "certificate", draft.id)
            .after(draft.audit_view()),
    )?;
    Ok(draft)
}

/// Drafts the document the consignment's results call for: a certificate when every result
/// conforms, a notice when one does not. One draft per consignment at a time, and none once
/// a document was issued (a correction is a replacement).
pub fn draft(
    conn: &mut DbConn,
    by: &Staff,
    consignment: ConsignmentId,
    form: &DraftForm,
) -> Step<Certificate> {
    policy::may_draft(by).map_err(Halt::Refused)?;
    let consignment = found(Consignment::find_for(conn, Scope::All, consignment)?)?;
    let existing = Certificate::of_consignment(conn, Scope::All, consignment.id)?;
    require(existing.is_empty(), "certification.already_documented")?;
    let assessment = certification::assess(conn, &consignment)?;
    let commodity = found(Commodity::find(conn, consignment.commodity_id)?)?;
    let kind = kind_for(&commodity, assessment.readiness)?;
    let details = details_of(conn, &consignment, form)?;
    insert_draft(conn, by, &consignment, kind, None, &details)
}

/// Drafts the correction of an issued certificate: a new certificate that, once issued,
/// replaces it (ISO/IEC 17025 7.8.8). The old one stays valid until then.
pub fn draft_replacement(
    conn: &mut DbConn,
    by: &Staff,
    old: CertificateId,
    reason: &str,
    form: &DraftForm,
) -> Step<Certificate> {
    let old = found(Certificate::find_for(conn, Scope::All, old)?)?;
    let replacement = Certificate::replacement_of(conn, old.id)?;
    policy::may_replace(by, &old, replacement.is_some()).map_err(Halt::Refused)?;
    let consignment = found(Consignment::find_for(conn, Scope::All, old.consignment_id)?)?;
    let details = details_of(conn, &consignment, form)?;
    insert_draft(
        conn,
        by,
        &consignment,
        old.kind,
        Some((old.id, reason)),
        &details,
    )
}

/// What a signature did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Signed {
    /// The first signature; the other side's is awaited.
    First,
    /// The second: the document is issued under this number.
    Issued(String),
}

/// Signs a draft loaded at `version`, as `by` proved with their password.
pub fn sign(
    conn: &mut DbConn,
    by: &Staff,
    proof: &Reauthenticated,
    id: CertificateId,
    version: i32,
    issuing: &Issuing,
) -> Step<Signed> {
    require(proof.user() == by.id, "certification.password_wrong")?;
    let draft = found(Certificate::find_for(conn, Scope::All, id)?)?;
    let signatures = Signature::of(conn, id)?;
    policy::may_sign(by, &draft, &signatures).map_err(Halt::Refused)?;
    same_version(draft.version, version)?;
    if let Some(old) = draft.replaces_id {
        let old = found(Certificate::find_for(conn, Scope::All, old)?)?;
        require(
            old.status == crate::models::certificate::CertificateStatus::Issued,
            "certification.replaced_gone",
        )?;
    }
    // The records must still say what the draft says, or the signer signs something else.
    let consignment = found(Consignment::find_for(
        conn,
        Scope::All,
        draft.consignment_id,
    )?)?;
    let frozen = draft
        .parsed_contents()
        .map_err(|_| Halt::Refused("certification.contents_changed"))?;
    let details = DraftDetails {
        consignee: draft.consignee.clone(),
        transport_details: draft.transport_details.clone(),
        remarks: draft.remarks.clone(),
        declarations: frozen.declarations.clone(),
    };
    let now_contents = current_contents(conn, &consignment, draft.kind, &details)?;
    require(now_contents == frozen, "certification.contents_changed")?;
    let actor = by.actor();
    let now = issuing.at.unwrap_or_else(UtcTime::now);
    if signatures.is_empty() {
        guarded(Certificate::claim_draft(conn, id, version)?)?;
        Signature::insert(
            conn,
            id,
            by.id,
            by.side,
            SignatureMeaning::Issued,
            &by.display_name,
            by.time_zone,
            now,
        )?;
        audit::record(
            conn,
            AuditEntry::new(&actor, "certificate.signed", "certificate", id)
                .after(serde_json::json!({ "side": by.side.as_str(), "meaning": "issued" })),
        )?;
        return Ok(Signed::First);
    }
    let year = now.0.year();
    let number = counter::format(
        draft.kind.prefix(),
        year,
        counter::next(conn, draft.kind.prefix(), year)?,
    );
    let valid_until = issuing
        .valid_days(draft.kind)
        .map(|days| UtcTime(now.0 + Duration::days(days)));
    let token = match (draft.kind.claim(), valid_until) {
        (Some(kind), Some(until)) => Some(
            issuing
                .keyring
                .sign(
                    &claims(issuing, &frozen, &number, kind, now, until),
                    chrono::Utc::now(),
                )
                .map_err(|e| Halt::Db(diesel::result::Error::QueryBuilderError(e.into())))?,
        ),
        _ => None,
    };
    // The old certificate stops being the issued one first: one issued per consignment.
    if let Some(old) = draft.replaces_id {
        guarded(Certificate::mark_replaced(conn, old)?)?;
        audit::record(
            conn,
            AuditEntry::new(&actor, "certificate.replaced", "certificate", old)
                .after(serde_json::json!({ "replaced_by": number })),
        )?;
    }
    let code = verification_code();
    guarded(Certificate::issue(
        conn,
        id,
        version,
        &Issue {
            number: &number,
            code: &code,
            token: token.as_deref(),
            at: now,
            valid_until,
        },
    )?)?;
    // Its document is out: the consignment leaves the certifiers' queue for good (a correction
    // or a revocation later does not bring it back).
    Consignment::close(conn, draft.consignment_id)?;
    Signature::insert(
        conn,
        id,
        by.id,
        by.side,
        SignatureMeaning::CoSigned,
        &by.display_name,
        by.time_zone,
        now,
    )?;
    let issued = found(Certificate::find_for(conn, Scope::All, id)?)?;
    audit::record(
        conn,
        AuditEntry::new(&actor, "certificate.issued", "certificate", id)
            .before(draft.audit_view())
            .after(issued.audit_view()),
    )?;
    super::notices::certificate_issued(conn, &issuing.site, &issued, &consignment)?;
    if let Some(old) = draft.replaces_id {
        let old = found(Certificate::find_for(conn, Scope::All, old)?)?;
        super::notices::certificate_replaced(conn, &issuing.site, &old, &issued, &consignment)?;
    }
    Ok(Signed::Issued(number))
}

/// Characters of the commodity's English name the token carries: the token is most of the QR
/// code's URL and must stay under 400 characters for a phone to read it at 3 cm.
pub const COMMODITY_CLAIM: usize = 16;

/// `name` cut to at most `max` characters, at a word's end where one is near.
pub fn short_name(name: &str, max: usize) -> String {
    if name.chars().count() <= max {
        return name.to_owned();
    }
    let cut: String = name.chars().take(max).collect();
    match cut.rfind([' ', ',']) {
        Some(end) if end >= max / 2 => cut[..end].trim_end_matches([',', ' ']).to_owned(),
        _ => cut,
    }
}

/// The token's claims: what an inspector's phone shows without the server.
pub(crate) fn claims(
    issuing: &Issuing,
    contents: &Contents,
    number: &str,
    kind: &str,
    at: UtcTime,
    until: UtcTime,
) -> Claims {
    let commodity = short_name(&contents.commodity.0[0], COMMODITY_CLAIM);
    Claims {
        iss: issuing.issuer.clone(),
        iat: at.0.timestamp(),
        exp: until.0.timestamp(),
        sub: number.to_owned(),
        kind: kind.to_owned(),
        exporter: contents.exporter_bin.clone(),
        commodity,
        hs: contents.hs_code.clone(),
        qty: format!("{} {}", contents.quantity, contents.unit),
        dest: contents.destination_code.clone(),
        post: contents.post_code.clone(),
    }
}

/// Revokes an issued certificate or notice loaded at `version`, with a reason.
pub fn revoke(
    conn: &mut DbConn,
    by: &Staff,
    id: CertificateId,
    version: i32,
    reason: &str,
    site: &crate::mail::Site,
) -> Step<()> {
    let certificate = found(Certificate::find_for(conn, Scope::All, id)?)?;
    policy::may_revoke(by, &certificate).map_err(Halt::Refused)?;
    same_version(certificate.version, version)?;
    guarded(Certificate::revoke(conn, id, version, by.id, reason)?)?;
    audit::record(
        conn,
        AuditEntry::new(&by.actor(), "certificate.revoked", "certificate", id)
            .before(certificate.audit_view())
            .after(serde_json::json!({ "status": "revoked", "reason": reason })),
    )?;
    super::notices::certificate_revoked(conn, site, &certificate, reason)?;
    Ok(())
}

/// Discards a draft loaded at `version` (the results changed, or it was made in error).
pub fn discard(conn: &mut DbConn, by: &Staff, id: CertificateId, version: i32) -> Step<()> {
    let draft = found(Certificate::find_for(conn, Scope::All, id)?)?;
    policy::may_discard(by, &draft).map_err(Halt::Refused)?;
    same_version(draft.version, version)?;
    guarded(Certificate::discard(conn, id, version)?)?;
    audit::record(
        conn,
        AuditEntry::new(&by.actor(), "certificate.discarded", "certificate", id)
            .before(draft.audit_view()),
    )?;
    Ok(())
}
