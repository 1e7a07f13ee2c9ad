//! The certificate as an ePhyto message: `GET /certificates/{id}.xml` validates against the
//! shared UN/CEFACT SPSCertificate schema (`xmllint --schema`), carries Chinese and Russian
//! text with `languageID`, says the certificate's status, names the certificate a replacement
//! replaces, and answers only those who may open the certificate. Without xmllint (or the
//! schema) the validation says so and is skipped, except in CI (`CI=true`), where it fails.

use std::path::PathBuf;
use std::process::Command;

use crate::certificates::{drafted, replace_certificate};
use crate::helpers::{
    TestApp, issue_certificate, revoke_certificate, spawn_app, tested_consignment,
};

/// The schema: the UN/CEFACT SPSCertificate:17 set (with its SOURCES.txt), kept in the
/// repository as one archive and unpacked once per test run.
fn schema() -> PathBuf {
    static DIR: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("ephyto-xsd-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let archive =
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/ephyto/ephyto-xsd.tar.xz");
        let status = std::process::Command::new("tar")
            .arg("-xJf")
            .arg(&archive)
            .arg("-C")
            .arg(&dir)
            .status()
            .expect("tar runs");
        assert!(status.success(), "cannot unpack {}", archive.display());
        dir.join("ephyto-xsd/data/standard/SPSCertificate_17p0.xsd")
    })
    .clone()
}

/// Whether xmllint is here; outside CI its absence skips validation.
fn can_validate() -> bool {
    let xmllint = std::env::var_os("PATH").is_some_and(|paths| {
        std::env::split_paths(&paths).any(|dir| dir.join("xmllint").is_file())
    });
    if xmllint {
        return true;
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "xmllint (apt-get install libxml2-utils) is required in CI"
    );
    eprintln!("SKIPPED: schema validation, xmllint missing");
    false
}

/// Asserts `xml` is valid against the SPSCertificate schema.
fn assert_valid(app: &TestApp, name: &str, xml: &str) {
    if !can_validate() {
        return;
    }
    let path = app.settings.data.dir.join(name);
    std::fs::write(&path, xml).unwrap();
    let out = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(schema())
        .arg(&path)
        .output()
        .expect("xmllint runs");
    assert!(
        out.status.success(),
        "{name} is not valid:\n{}\n{xml}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The text of every `<tag …>text</tag>` in `xml`, in order.
fn elements<'a>(xml: &'a str, tag: &str) -> Vec<(&'a str, &'a str)> {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    xml.match_indices(&open)
        .filter_map(|(at, _)| {
            let rest = &xml[at + open.len()..];
            // `<ram:ID` must not match `<ram:IDx`.
            if !rest.starts_with(['>', ' ']) {
                return None;
            }
            let (attributes, rest) = rest.split_once('>')?;
            let (text, _) = rest.split_once(&close)?;
            Some((attributes.trim(), text))
        })
        .collect()
}

/// The content of the first note with `subject`.
fn note<'a>(xml: &'a str, subject: &str) -> Option<&'a str> {
    let marker = format!("<ram:Subject>{subject}</ram:Subject>");
    let at = xml.find(&marker)? + marker.len();
    let rest = &xml[at..xml[at..].find("</ram:IncludedSPSNote>")? + at];
    elements(rest, "ram:Content").first().map(|(_, text)| *text)
}

fn status_code(xml: &str) -> &str {
    elements(xml, "ram:StatusCode")[0].1
}

/// The certificate number: the exchanged document's ID.
fn number(xml: &str) -> &str {
    elements(xml, "ram:ID")[0].1
}

fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c)
}

/// The XML of certificate `id` as the seeded account `who` fetches it; asserts a 200 with the
/// XML content type and a file name.
fn fetch(app: &TestApp, who: &str, id: &str) -> String {
    let res = app.signed_in(who).get(&format!("/certificates/{id}.xml"));
    assert_eq!(res.status, 200, "{who}: {}", res.body);
    assert_eq!(
        res.header("content-type"),
        Some("application/xml; charset=utf-8")
    );
    let disposition = res.header("content-disposition").unwrap_or_default();
    assert!(
        disposition.contains(&format!("filename=\"{}.xml\"", number(&res.body))),
        "{disposition}"
    );
    res.body
}

#[test]
fn an_issued_certificate_is_a_valid_sps_certificate_in_chinese_and_russian() {
    let app = spawn_app();
    let id = issue_certificate(
        &app,
        "乌鲁木齐粮油有限公司 <&> \"Ürümqi\"",
        "Вагоны 61230001–61230020",
    );

    let xml = fetch(&app, "exporter", &id);

    assert_valid(&app, "issued.xml", &xml);
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rsm:SPSCertificate"));
    assert!(number(&xml).starts_with("KZCN-PC-"), "{}", number(&xml));
    assert_eq!(elements(&xml, "ram:TypeCode")[0].1, "851");
    assert_eq!(status_code(&xml), "70");
    // The commodity in both languages, each marked.
    let descriptions = elements(&xml, "ram:Description");
    assert!(
        descriptions
            .iter()
            .any(|(a, text)| *a == "languageID=\"zh\"" && text.chars().any(is_cjk)),
        "{descriptions:?}"
    );
    assert!(
        descriptions
            .iter()
            .any(|(a, text)| *a == "languageID=\"ru\"" && text.chars().any(is_cyrillic)),
        "{descriptions:?}"
    );
    // The consignor by BIN, the consignee escaped, the HS code, the weight and the wagons.
    assert!(
        xml.contains("<ram:Name languageID=\"zh\">中国</ram:Name>"),
        "{xml}"
    );
    let bin = app.exporters[0].bin.to_string();
    assert!(xml.contains(&format!(">{bin}</ram:ID>")), "{xml}");
    assert!(xml.contains("乌鲁木齐粮油有限公司 &lt;&amp;&gt; &quot;Ürümqi&quot;"));
    assert!(
        xml.contains("<ram:ClassCode>100199</ram:ClassCode>"),
        "{xml}"
    );
    assert!(
        xml.contains("<ram:NetWeightMeasure unitCode=\"TNE\">"),
        "{xml}"
    );
    // The consignment's lots ("Wagons 1-10"), counted.
    assert!(
        xml.contains("<ram:ItemQuantity>10</ram:ItemQuantity>"),
        "{xml}"
    );
    assert!(xml.contains("<ram:ModeCode>2</ram:ModeCode>"), "{xml}");
    // Export and import countries, and both signatories.
    assert!(xml.contains("<ram:ExportSPSCountry>\n      <ram:ID>KZ</ram:ID>"));
    assert!(xml.contains("<ram:ImportSPSCountry>\n      <ram:ID>CN</ram:ID>"));
    assert_eq!(elements(&xml, "ram:CountryID").len(), 4, "{xml}");
    assert_eq!(xml.matches("<ram:SignatorySPSAuthentication>").count(), 2);
    assert!(xml.contains("<ram:CountryID>CN</ram:CountryID>"));
    assert!(note(&xml, "ADRP").is_none(), "no replacement notes");

    // Every reader of the certificate gets the same message.
    for who in ["certifier_kz", "certifier_cn", "auditor_cn", "inspector"] {
        assert_eq!(fetch(&app, who, &id), xml, "{who}");
    }
}

#[test]
fn a_replacement_names_the_certificate_it_replaces_and_the_old_one_reads_replaced() {
    let app = spawn_app();
    let old = issue_certificate(&app, "Urumqi Grain Co.", "Wagon 61234567");
    let old_xml = fetch(&app, "certifier_kz", &old);
    let reason = "Получатель исправлен по просьбе экспортёра";

    let new = replace_certificate(&app, &old, "喀什贸易有限公司", "Вагон 61234599", reason);
    let new_xml = fetch(&app, "exporter", &new);
    let replaced_xml = fetch(&app, "exporter", &old);

    assert_valid(&app, "replacement.xml", &new_xml);
    assert_valid(&app, "replaced.xml", &replaced_xml);
    assert_eq!(status_code(&new_xml), "70");
    assert_eq!(status_code(&replaced_xml), "44");
    let old_number = number(&old_xml);
    assert_ne!(number(&new_xml), old_number);
    assert_eq!(note(&new_xml, "ADRPN"), Some(old_number));
    assert_eq!(note(&new_xml, "ADRPR"), Some(reason));
    let statement = note(&new_xml, "ADRP").unwrap();
    assert!(statement.contains(old_number) && statement.chars().any(is_cjk));
    assert!(
        new_xml.contains(&format!("languageID=\"ru\">Настоящий сертификат заменяет и аннулирует сертификат № {old_number}.")),
        "{new_xml}"
    );
    let date = note(&new_xml, "ADRD").unwrap();
    assert!(
        old_xml.contains(&format!("<udt:DateTime>{date}</udt:DateTime>")),
        "ADRD is the replaced certificate's issue date: {date}"
    );
    assert!(note(&replaced_xml, "ADRP").is_none());
}

#[test]
fn a_revoked_certificate_reads_withdrawn() {
    let app = spawn_app();
    let id = issue_certificate(&app, "Urumqi Grain Co.", "Wagon 61234567");
    revoke_certificate(&app, &id, "Issued in error");

    let xml = fetch(&app, "inspector", &id);

    assert_valid(&app, "revoked.xml", &xml);
    assert_eq!(status_code(&xml), "40");
}

#[test]
fn only_those_who_may_open_the_certificate_get_its_xml() {
    let app = spawn_app();
    let id = issue_certificate(&app, "Urumqi Grain Co.", "Wagon 61234567");
    let path = format!("/certificates/{id}.xml");
    let page = format!("/certificates/{id}");

    let other_exporter = app.signed_in("exporter_b").get(&path);
    let visitor = app.client().get(&path);
    let analyst = app.signed_in("analyst_kz").get(&path);
    let unknown = app
        .signed_in("certifier_kz")
        .get(&format!("/certificates/{}.xml", uuid::Uuid::now_v7()));

    assert_eq!(other_exporter.status, 404);
    assert_eq!(
        other_exporter.status,
        app.signed_in("exporter_b").get(&page).status,
        "as the page answers"
    );
    assert_eq!(visitor.status, 303);
    assert!(
        visitor
            .location()
            .is_some_and(|l| l.starts_with("/login?next=")),
        "{:?}",
        visitor.location()
    );
    assert_eq!(analyst.status, 403);
    assert_eq!(
        analyst.status,
        app.signed_in("analyst_kz")
            .get(&format!("/certificates/{id}.pdf"))
            .status,
        "as the PDF answers"
    );
    assert_eq!(unknown.status, 404);

    // The page offers the file to those who may fetch it.
    for who in ["exporter", "inspector", "certifier_cn"] {
        let body = app.signed_in(who).get(&page).body;
        assert!(body.contains(&format!("href=\"{path}\"")), "{who}");
        assert!(body.contains("ePhyto XML"), "{who}");
    }
}

#[test]
fn a_draft_has_no_xml_and_its_page_offers_none() {
    let app = spawn_app();
    crate::helpers::registered_for_wheat(&app);
    let (consignment, _) = tested_consignment(&app, 1, &[]);
    let id = drafted(&app, &consignment);
    let certifier = app.signed_in("certifier_kz");

    let res = certifier.get(&format!("/certificates/{id}.xml"));
    let page = certifier.get(&format!("/certificates/{id}"));

    assert_eq!(res.status, 404);
    assert_eq!(page.status, 200);
    assert!(!page.body.contains(".xml\""));
}

/// A veterinary certificate of meat counted by head, for a market of several countries: made
/// from hand-written data, since the test catalog's panels are for grain.
#[test]
fn a_veterinary_certificate_takes_its_own_type_code_and_stays_valid() {
    use jointlab::db::ids::{ConsignmentId, UserId};
    use jointlab::db::types::UtcTime;
    use jointlab::domain::certificate::{Contents, DeclarationText, Names};
    use jointlab::domain::{Side, TimeZone};
    use jointlab::ephyto::{Source, sps_certificate};
    use jointlab::models::certificate::{
        Certificate, CertificateId, CertificateKind, CertificateStatus, Signature, SignatureId,
        SignatureMeaning,
    };

    let app = spawn_app();
    let names = |en: &str, ru: &str, zh: &str| Names::of([en, ru, ru, zh]);
    let contents = Contents {
        consignment: "JL-C-2026-000007".into(),
        exporter: "Other Meat JSC".into(),
        exporter_bin: "110240004578".into(),
        exporter_address: "Алматы, ул. Абая 1".into(),
        consignee: "新疆肉类有限公司".into(),
        commodity: names("Sheep", "Овцы убойные", "屠宰用绵羊"),
        hs_code: "010410".into(),
        quantity: "120".into(),
        unit: "head".into(),
        lots: "Truck 045 ABC 05".into(),
        transport_details: String::new(),
        origin_region: "Жетісу".into(),
        origin_district: "Панфилов".into(),
        producer: "Farm".into(),
        post_code: "NZH".into(),
        post: names("Nur Zholy", "Нур Жолы", "努尔饶勒"),
        transport: "road".into(),
        destination_code: "EAEU".into(),
        destination: names("EAEU", "ЕАЭС", "欧亚经济联盟"),
        gacc_registration: None,
        samples: vec![],
        results: vec![],
        declarations: vec![DeclarationText {
            code: "VET-FMD".into(),
            text: names("Free of FMD", "Свободно от ящура", "无口蹄疫"),
        }],
        remarks: String::new(),
    };
    let now = UtcTime::now();
    let certificate = Certificate {
        id: CertificateId::new(),
        consignment_id: ConsignmentId::new(),
        kind: CertificateKind::Veterinary,
        status: CertificateStatus::Issued,
        number: Some("KZCN-VC-2026-000003".into()),
        verification_code: Some("ABCDEFGHJK".into()),
        replaces_id: None,
        consignee: contents.consignee.clone(),
        transport_details: String::new(),
        remarks: String::new(),
        replacement_reason: None,
        contents: contents.to_stored(),
        token: None,
        issued_at: Some(now),
        valid_until: None,
        drafted_by: UserId::new(),
        created_at: now,
        revoked_at: None,
        revoked_by: None,
        revocation_reason: None,
        version: 1,
    };
    let signature = |side: Side, name: &str| Signature {
        id: SignatureId::new(),
        certificate_id: certificate.id,
        signer_id: UserId::new(),
        side,
        meaning: SignatureMeaning::Issued,
        printed_name: name.into(),
        time_zone: TimeZone::Almaty,
        signed_at: now,
    };
    let signatures = [
        signature(Side::Kz, "Әлия Сәрсенова"),
        signature(Side::Cn, "王伟"),
    ];

    let xml = sps_certificate(&Source {
        certificate: &certificate,
        contents: &contents,
        signatures: &signatures,
        replaces: None,
    });

    assert_valid(&app, "veterinary.xml", &xml);
    assert_eq!(elements(&xml, "ram:TypeCode")[0].1, "852");
    assert_eq!(status_code(&xml), "70");
    assert!(xml.contains("<ram:ItemQuantity>120</ram:ItemQuantity>"));
    assert!(!xml.contains("NetWeightMeasure"), "head are no weight");
    assert!(xml.contains("<ram:ModeCode>3</ram:ModeCode>"));
    assert!(xml.contains("<ram:ImportSPSCountry>\n      <ram:ID>CN</ram:ID>"));
    assert_eq!(note(&xml, "ADEDL"), Some("无口蹄疫"));
    assert!(xml.contains("<ram:Content languageID=\"ru\">Свободно от ящура</ram:Content>"));
}
