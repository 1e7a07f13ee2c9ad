//! ePhyto: a certificate as a UN/CEFACT SPS certificate message (`rsm:SPSCertificate`,
//! schema SPSCertificate:17 with RABIE/UDT/QDT :21, the namespace set the IPPC ePhyto Hub
//! exchanges), made from the contents frozen on the record and its signatures — the data the
//! PDF prints. Texts go in Chinese (the destination's language) and Russian, each with its
//! `languageID`. The schema is in the shared `ephyto-xsd` folder; the tests validate against it.
//!
//! Where each code comes from (the code lists are the UN/CEFACT D16B lists the schema's
//! qualified data types are restricted to, `codelist/standard/` beside the schema):
//! - `TypeCode` — UN/EDIFACT 1001 Document name code (`UNECE_DocumentNameCode_D16B.xsd`):
//!   851 "Phytosanitary certificate" (the type every ePhyto carries). Veterinary certificates
//!   take 852 "Sanitary certificate" — "issued by the competent authority in the exporting
//!   country evidencing that alimentary and animal products, including dead animals, are fit
//!   for human consumption" — because the laboratory certifies animal *products* (meat, honey,
//!   hides, wool), never live animals; 853 "Veterinary certificate" is defined for "live
//!   animals or birds" and would misstate the goods.
//! - `StatusCode` — UN/EDIFACT 4405 Status description code (`UNECE_StatusCode_D16B.xsd`),
//!   the list ePhyto's certificate status is taken from: 70 "Issued" (an issued certificate,
//!   including a replacement, which is a new certificate; expiry does not change the status),
//!   44 "Replaced" (a certificate a later one replaced), 40 "Withdrawn" (revoked).
//! - Replacement notes — the IPPC ePhyto harmonised note subjects for a replacement
//!   certificate: `ADRP` (the replacement statement), `ADRPN` (number of the certificate
//!   replaced), `ADRPR` (reason), `ADRD` (date of the certificate replaced).
//! - Additional declarations — note subject `ADEDL` (additional declaration, free text), with
//!   the catalog's declaration code as `ContentCode`.
//!
//! The IPPC's harmonised lists themselves are published on ephyto.ippc.int, not in the schema
//! folder; an ePhyto message in the Hub's format (github Mattilsynet/ephyto-api,
//! `src/test/resources/SPSCertificateContent.xml`) shows the same choices: TypeCode 851,
//! StatusCode 70 for an issued certificate, `ADEDL` notes with `languageID`, and the
//! `ADRP`/`ADRPN`/`ADRPR`/`ADRD` notes with the replaced number, the reason and a date-time.
//! - Transport mode — UN/ECE Recommendation 19 (`UNECE_TransportModeCode_2.xsd`): 2 rail,
//!   3 road. Weights — UN/ECE Recommendation 20 unit codes: TNE tonne, KGM kilogram.
//!   Packages — UN/ECE Recommendation 21 (`UNECE_PackageTypeCode_2006.xsd`): NE "Unpacked or
//!   unpackaged" (bulk in wagons or vehicles, or animals counted by head).
//! - Countries — ISO 3166-1 alpha-2.

pub mod writer;

use crate::db::types::UtcTime;
use crate::domain::Side;
use crate::domain::certificate::{CertificateKind, CertificateStatus, Contents};
use crate::i18n::{Lang, t, tf};
use crate::models::certificate::{Certificate, Signature};
use writer::XmlWriter;

const RSM: &str = "urn:un:unece:uncefact:data:standard:SPSCertificate:17";
const RAM: &str =
    "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:21";
const UDT: &str = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:21";
// The qualified data types' namespace is spelled with a capital S in the schema itself.
const QDT: &str = "urn:un:unece:uncefact:data:Standard:QualifiedDataType:21";

/// The two languages of every text: the destination's (Chinese), then Russian.
const LANGUAGES: [Lang; 2] = [Lang::Zh, Lang::Ru];

/// The country every certificate of the laboratory is exported from.
const EXPORT_COUNTRY: &str = "KZ";
/// The country on the other side of every border post the laboratory serves.
const BORDER_COUNTRY: &str = "CN";

/// What a certificate's ePhyto message is made of.
pub struct Source<'a> {
    pub certificate: &'a Certificate,
    pub contents: &'a Contents,
    pub signatures: &'a [Signature],
    /// The certificate this one replaces, if any.
    pub replaces: Option<&'a Certificate>,
}

/// Whether a certificate has an ePhyto message: an issued (or since replaced or revoked)
/// phytosanitary or veterinary certificate with its number. Drafts, discarded drafts and
/// non-conformity notices have none.
pub fn has_message(certificate: &Certificate) -> bool {
    certificate.number.is_some()
        && !certificate.kind.is_notice()
        && matches!(
            certificate.status,
            CertificateStatus::Issued | CertificateStatus::Replaced | CertificateStatus::Revoked
        )
}

/// The document type code (UN/EDIFACT 1001; see the module documentation).
pub fn type_code(kind: CertificateKind) -> &'static str {
    match kind {
        CertificateKind::Veterinary => "852",
        CertificateKind::Phytosanitary | CertificateKind::Notice => "851",
    }
}

/// The status code (UN/EDIFACT 4405; see the module documentation).
pub fn status_code(status: CertificateStatus) -> &'static str {
    match status {
        CertificateStatus::Replaced => "44",
        CertificateStatus::Revoked => "40",
        _ => "70",
    }
}

/// An instant as `xsd:dateTime` in UTC.
fn date_time(at: &UtcTime) -> String {
    at.0.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// The number of wagons or vehicles a consignment's lots field names, when it reads as one
/// range (`Wagons 61230001–61230020`) or a list (`61230001, 61230002`); otherwise one lot.
pub fn lot_count(lots: &str) -> u32 {
    let numbers = |s: &str| -> Vec<u64> {
        s.split(|c: char| !c.is_ascii_digit())
            .filter(|n| !n.is_empty())
            .filter_map(|n| n.parse().ok())
            .collect()
    };
    let items: Vec<&str> = lots
        .split([',', ';', '\n'])
        .filter(|item| item.chars().any(|c| c.is_ascii_digit()))
        .collect();
    if items.len() > 1 {
        return items.len() as u32;
    }
    let ranged = lots.contains(['-', '–', '—']);
    match numbers(lots).as_slice() {
        [first, last] if ranged && last >= first && last - first < 10_000 => {
            (last - first + 1) as u32
        }
        _ => 1,
    }
}

/// A text in each of the two languages, as repeated elements with `languageID`.
fn texts(w: &mut XmlWriter, name: &str, of: impl Fn(Lang) -> String) {
    let mut seen: Vec<String> = Vec::new();
    for lang in LANGUAGES {
        let text = of(lang);
        if text.trim().is_empty() || seen.contains(&text) {
            continue;
        }
        w.text(name, &[("languageID", lang.as_str())], &text);
        seen.push(text);
    }
}

/// The `rsm:SPSCertificate` message of `source` (see [`has_message`] for which have one).
pub fn sps_certificate(source: &Source) -> String {
    let mut w = XmlWriter::new();
    w.open(
        "rsm:SPSCertificate",
        &[
            ("xmlns:rsm", RSM),
            ("xmlns:ram", RAM),
            ("xmlns:udt", UDT),
            ("xmlns:qdt", QDT),
        ],
    );
    exchanged_document(&mut w, source);
    consignment(&mut w, source.contents);
    w.close();
    w.finish()
}

fn exchanged_document(w: &mut XmlWriter, source: &Source) {
    let c = source.certificate;
    let kind_key = match c.kind {
        CertificateKind::Veterinary => "certificate.kind.veterinary",
        _ => "certificate.kind.phytosanitary",
    };
    w.open("rsm:SPSExchangedDocument", &[]);
    texts(w, "ram:Name", |lang| t(lang, kind_key).to_owned());
    w.text("ram:ID", &[], c.number.as_deref().unwrap_or_default());
    w.text("ram:TypeCode", &[], type_code(c.kind));
    w.text("ram:StatusCode", &[], status_code(c.status));
    let issued = c.issued_at.unwrap_or(c.created_at);
    w.open("ram:IssueDateTime", &[]);
    w.text("udt:DateTime", &[], &date_time(&issued));
    w.close();
    w.open("ram:IssuerSPSParty", &[]);
    w.text(
        "ram:Name",
        &[("languageID", "ru")],
        t(Lang::Ru, "ephyto.issuer"),
    );
    w.close();
    for declaration in &source.contents.declarations {
        w.open("ram:IncludedSPSNote", &[]);
        w.text("ram:Subject", &[], "ADEDL");
        w.text("ram:ContentCode", &[], &declaration.code);
        texts(w, "ram:Content", |lang| {
            declaration.text.get(&lang).to_owned()
        });
        w.close();
    }
    if let Some(old) = source.replaces {
        replacement_notes(w, c, old);
    }
    for signature in source.signatures {
        signatory(w, signature);
    }
    w.close();
}

/// The notes that name the certificate a replacement replaces.
fn replacement_notes(w: &mut XmlWriter, c: &Certificate, old: &Certificate) {
    let number = old.number.as_deref().unwrap_or_default();
    let note = |w: &mut XmlWriter, subject: &str, content: &dyn Fn(&mut XmlWriter)| {
        w.open("ram:IncludedSPSNote", &[]);
        w.text("ram:Subject", &[], subject);
        content(w);
        w.close();
    };
    note(w, "ADRP", &|w| {
        texts(w, "ram:Content", |lang| {
            tf(lang, "ephyto.replaces", &[("number", number)])
        })
    });
    note(w, "ADRPN", &|w| {
        w.text("ram:Content", &[], number);
    });
    if let Some(reason) = c.replacement_reason.as_deref().filter(|r| !r.is_empty()) {
        note(w, "ADRPR", &|w| {
            w.text("ram:Content", &[], reason);
        });
    }
    if let Some(at) = &old.issued_at {
        note(w, "ADRD", &|w| {
            w.text("ram:Content", &[], &date_time(at));
        });
    }
}

fn signatory(w: &mut XmlWriter, signature: &Signature) {
    let side_key = format!("side.{}", signature.side.as_str());
    let country = match signature.side {
        Side::Kz => EXPORT_COUNTRY,
        Side::Cn => BORDER_COUNTRY,
    };
    w.open("ram:SignatorySPSAuthentication", &[]);
    w.open("ram:ActualDateTime", &[]);
    w.text("udt:DateTime", &[], &date_time(&signature.signed_at));
    w.close();
    w.open("ram:IssueSPSLocation", &[]);
    texts(w, "ram:Name", |lang| {
        t(lang, "ephyto.issue_place").to_owned()
    });
    w.close();
    w.open("ram:ProviderSPSParty", &[]);
    let lang = match signature.side {
        Side::Kz => Lang::Ru,
        Side::Cn => Lang::Zh,
    };
    w.text(
        "ram:Name",
        &[("languageID", lang.as_str())],
        t(lang, &side_key),
    );
    w.open("ram:SpecifiedSPSAddress", &[]);
    w.text("ram:CountryID", &[], country);
    w.close();
    w.open("ram:SpecifiedSPSPerson", &[]);
    w.text("ram:Name", &[], &signature.printed_name);
    w.close();
    w.close();
    w.close();
}

fn country(w: &mut XmlWriter, element: &'static str, code: &str, name: impl Fn(Lang) -> String) {
    w.open(element, &[]);
    w.text("ram:ID", &[], code);
    texts(w, "ram:Name", name);
    w.close();
}

fn consignment(w: &mut XmlWriter, contents: &Contents) {
    w.open("rsm:SPSConsignment", &[]);
    w.text("ram:ID", &[], &contents.consignment);

    w.open("ram:ConsignorSPSParty", &[]);
    w.text(
        "ram:ID",
        &[("schemeID", "KZ:BIN"), ("schemeName", "BIN")],
        &contents.exporter_bin,
    );
    w.text("ram:Name", &[], &contents.exporter);
    w.open("ram:SpecifiedSPSAddress", &[]);
    w.text("ram:LineOne", &[], &contents.exporter_address);
    w.text("ram:CountryID", &[], EXPORT_COUNTRY);
    w.close();
    w.close();

    let import_country = import_country(&contents.destination_code);
    w.open("ram:ConsigneeSPSParty", &[]);
    w.text("ram:Name", &[], &contents.consignee);
    w.open("ram:SpecifiedSPSAddress", &[]);
    w.text("ram:CountryID", &[], import_country);
    w.close();
    w.close();

    country(w, "ram:ExportSPSCountry", EXPORT_COUNTRY, |lang| {
        t(lang, "ephyto.country.kz").to_owned()
    });
    // The border post is where the consignment leaves Kazakhstan: the point of exit.
    w.open("ram:LoadingBaseportSPSLocation", &[]);
    w.text(
        "ram:ID",
        &[("schemeName", "jointlab border post")],
        &contents.post_code,
    );
    texts(w, "ram:Name", |lang| contents.post.get(&lang).to_owned());
    w.close();
    country(w, "ram:ImportSPSCountry", import_country, |lang| {
        // The country's name; the destination market's ("China (GB standards)") otherwise.
        match import_country {
            BORDER_COUNTRY => t(lang, "ephyto.country.cn").to_owned(),
            _ => contents.destination.get(&lang).to_owned(),
        }
    });
    // Where the consignment was examined: the samples were tested at the joint laboratory.
    w.open("ram:ExaminationSPSEvent", &[]);
    w.open("ram:OccurrenceSPSLocation", &[]);
    texts(w, "ram:Name", |lang| {
        t(lang, "ephyto.issue_place").to_owned()
    });
    w.close();
    w.close();

    w.open("ram:MainCarriageSPSTransportMovement", &[]);
    w.text(
        "ram:ModeCode",
        &[],
        if contents.transport == "rail" {
            "2"
        } else {
            "3"
        },
    );
    let means = [contents.transport_details.trim(), contents.lots.trim()]
        .into_iter()
        .find(|s| !s.is_empty())
        .map(str::to_owned)
        .unwrap_or_else(|| t(Lang::Ru, &format!("transport.{}", contents.transport)).to_owned());
    w.open("ram:UsedSPSTransportMeans", &[]);
    w.text("ram:Name", &[], &means);
    w.close();
    w.close();

    w.open("ram:IncludedSPSConsignmentItem", &[]);
    trade_line_item(w, contents);
    w.close();
    w.close();
}

/// The ISO country the consignment is imported into: the destination market's code when it is
/// a country; a market of several countries (EAEU) enters through China, the only country on
/// the far side of the laboratory's border posts.
fn import_country(destination_code: &str) -> &str {
    if destination_code.len() == 2 && destination_code.bytes().all(|b| b.is_ascii_uppercase()) {
        destination_code
    } else {
        BORDER_COUNTRY
    }
}

/// The one commodity line of a consignment.
fn trade_line_item(w: &mut XmlWriter, contents: &Contents) {
    w.open("ram:IncludedSPSTradeLineItem", &[]);
    w.text("ram:SequenceNumeric", &[], "1");
    texts(w, "ram:Description", |lang| {
        contents.commodity.get(&lang).to_owned()
    });
    let weight_unit = match contents.unit.as_str() {
        "t" => Some("TNE"),
        "kg" => Some("KGM"),
        _ => None,
    };
    if let Some(unit) = weight_unit {
        w.text(
            "ram:NetWeightMeasure",
            &[("unitCode", unit)],
            &contents.quantity,
        );
    }
    w.open("ram:ApplicableSPSClassification", &[]);
    w.text("ram:SystemID", &[], "HS");
    w.text("ram:SystemName", &[], "Harmonized System");
    w.text("ram:ClassCode", &[], &contents.hs_code);
    texts(w, "ram:ClassName", |lang| {
        contents.commodity.get(&lang).to_owned()
    });
    w.close();
    // Head and pieces are counted as such; bulk goods by the wagons or vehicles carrying them.
    let count = match weight_unit {
        Some(_) => lot_count(&contents.lots).to_string(),
        None => contents.quantity.clone(),
    };
    w.open("ram:PhysicalSPSPackage", &[]);
    w.text("ram:LevelCode", &[], "1");
    w.text("ram:TypeCode", &[], "NE");
    w.text("ram:ItemQuantity", &[], &count);
    if !contents.lots.trim().is_empty() {
        w.open("ram:PhysicalSPSShippingMarks", &[]);
        w.text("ram:Marking", &[], &contents.lots);
        w.close();
    }
    w.close();
    w.open("ram:OriginSPSCountry", &[]);
    w.text("ram:ID", &[], EXPORT_COUNTRY);
    w.open("ram:SubordinateSPSCountrySubDivision", &[]);
    w.text(
        "ram:Name",
        &[],
        &format!("{}, {}", contents.origin_region, contents.origin_district),
    );
    w.close();
    w.close();
    w.close();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lots_count_as_ranges_and_lists_else_one() {
        assert_eq!(lot_count("Wagons 61230001–61230020"), 20);
        assert_eq!(lot_count("Wagons 1-10"), 10);
        assert_eq!(lot_count("61230001, 61230002; 61230007"), 3);
        assert_eq!(lot_count("Reefer truck 045 ABC 05"), 1);
        assert_eq!(lot_count("Wagon 61234599"), 1);
        assert_eq!(lot_count(""), 1);
    }

    #[test]
    fn codes_follow_the_lists() {
        assert_eq!(type_code(CertificateKind::Phytosanitary), "851");
        assert_eq!(type_code(CertificateKind::Veterinary), "852");
        assert_eq!(status_code(CertificateStatus::Issued), "70");
        assert_eq!(status_code(CertificateStatus::Replaced), "44");
        assert_eq!(status_code(CertificateStatus::Revoked), "40");
        assert_eq!(import_country("CN"), "CN");
        assert_eq!(import_country("EAEU"), "CN");
    }
}
