//! Indexed search: the same data and the same searches give the same, exact result sets on
//! each backend (the suite runs on both) — codes, portion identifiers, seals in any case,
//! BINs, and free text in Latin, Cyrillic with the Kazakh letters, and Chinese.

use std::collections::BTreeSet;

use jointlab::db::types::UtcTime;
use jointlab::domain::intake::{QuantityUnit, Shipment, Transport};
use jointlab::domain::{Bin, DecimalText, Scope};
use jointlab::models::consignment::{Consignment, ConsignmentFilter};
use jointlab::models::exporter::NewExporter;
use jointlab::models::sample::{MassUnit, NewSample, Sample, SampleFilter, Storage};

use crate::helpers::*;

/// The same companies, consignments and samples on either backend.
/// (company name, BIN prefix, producer, consignee, seals)
const DATA: &[(&str, &str, &str, &str, &[&str])] = &[
    (
        "ТОО «Қазақ Астық Өнімі»",
        "08014000771",
        "ШҚ Ұлан Әлиев",
        "Xinjiang Grain Co.",
        &["KZ 5122028", "kz 5122029"],
    ),
    (
        "Steppe Oil LLP",
        "08014000772",
        "Zhetysu Farms",
        "新疆粮油进出口公司",
        &["CN-77001"],
    ),
    (
        "АО «Һасан Іргелі Ғалам»",
        "08014000773",
        "Ферма Үміт",
        "乌鲁木齐 Trade",
        &["SEAL-9001-X"],
    ),
];

/// Seeds [`DATA`]; returns the BINs in order.
fn seed(app: &TestApp) -> Vec<String> {
    let (commodity, set) = crate::intake::catalog(app);
    let registrar = app.user("registrar_kz").id;
    let post = app.user("inspector").border_post_id.unwrap();
    let mut conn = app.conn();
    let mut bins = Vec::new();
    let mut sample_no = 0;
    for (i, (name, prefix, producer, consignee, seals)) in DATA.iter().enumerate() {
        let bin = Bin::complete(prefix).expect("a BIN prefix with a check digit");
        let company = NewExporter::new(name, &bin, "Almaty", "office@example.kz")
            .insert(&mut conn)
            .unwrap();
        let shipment = Shipment {
            commodity_id: commodity,
            quantity: DecimalText::parse("60").unwrap(),
            unit: QuantityUnit::Tonnes,
            lots: "Wagon 1".into(),
            origin_region: "Almaty region".into(),
            origin_district: "Panfilov district".into(),
            producer: (*producer).into(),
            consignee: (*consignee).into(),
            border_post_id: post,
            transport: Transport::Rail,
            planned_date: chrono::NaiveDate::from_ymd_opt(2026, 12, 20).unwrap(),
            limit_set_id: set,
        };
        let code = format!("KC-2026-{:06}", i + 1);
        let consignment =
            Consignment::insert(&mut conn, &code, registrar, None, company.id, &shipment).unwrap();
        for seal in *seals {
            sample_no += 1;
            let new = NewSample {
                seal_number: (*seal).into(),
                mass: DecimalText::parse("2").unwrap(),
                mass_unit: MassUnit::Kilograms,
                storage: Storage::Ambient,
                drawn_at: UtcTime::now(),
                drawn_by: "A. Sadykova".into(),
            };
            let code = format!("JL-2026-{sample_no:06}");
            Sample::insert(&mut conn, &code, registrar, consignment.id, &new, None).unwrap();
        }
        bins.push(bin.as_str().to_owned());
    }
    bins
}

/// The seals of the samples a search finds.
fn samples_found(app: &TestApp, q: &str) -> BTreeSet<String> {
    let filter = SampleFilter {
        q: Some(q.to_owned()),
        ..Default::default()
    };
    Sample::list_for(&mut app.conn(), Scope::All, &filter, 100)
        .unwrap()
        .into_iter()
        .map(|(s, _)| s.seal_number)
        .collect()
}

/// The numbers of the consignments a search finds.
fn consignments_found(app: &TestApp, q: &str) -> BTreeSet<String> {
    let filter = ConsignmentFilter {
        q: Some(q.to_owned()),
        ..Default::default()
    };
    Consignment::list_for(&mut app.conn(), Scope::All, &filter, 100)
        .unwrap()
        .into_iter()
        .map(|c| c.code)
        .collect()
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn the_same_searches_find_the_same_records_on_either_backend() {
    let app = spawn_app();
    let bins = seed(&app);

    // Exact lookups: a sample code, a portion's identifier, in any case.
    assert_eq!(samples_found(&app, "JL-2026-000003"), set(&["CN-77001"]));
    assert_eq!(
        samples_found(&app, "jl-2026-000004-kz"),
        set(&["SEAL-9001-X"])
    );
    assert_eq!(
        samples_found(&app, "JL-2026-000001-C"),
        set(&["KZ 5122028"])
    );
    // A code by its number alone, with or without the year.
    assert_eq!(samples_found(&app, "3"), set(&["CN-77001"]));
    assert_eq!(samples_found(&app, "000003"), set(&["CN-77001"]));
    assert_eq!(samples_found(&app, "2026-000004"), set(&["SEAL-9001-X"]));
    assert_eq!(samples_found(&app, "2025-000004"), set(&[]));
    // Seals: any case, any spacing, by their beginning.
    assert_eq!(samples_found(&app, "kz 5122028"), set(&["KZ 5122028"]));
    assert_eq!(samples_found(&app, "KZ  5122028"), set(&["KZ 5122028"]));
    assert_eq!(
        samples_found(&app, "Kz 51220"),
        set(&["KZ 5122028", "kz 5122029"])
    );
    assert_eq!(samples_found(&app, "seal-9001"), set(&["SEAL-9001-X"]));
    // A BIN and a consignment number.
    assert_eq!(samples_found(&app, &bins[1]), set(&["CN-77001"]));
    assert_eq!(samples_found(&app, "kc-2026-000003"), set(&["SEAL-9001-X"]));
    // Free text: Cyrillic in any case (тоо finds ТОО), Kazakh letters, Latin, Chinese.
    assert_eq!(
        samples_found(&app, "тоо"),
        set(&["KZ 5122028", "kz 5122029"])
    );
    assert_eq!(
        samples_found(&app, "ҚАЗАҚ астық"),
        set(&["KZ 5122028", "kz 5122029"])
    );
    assert_eq!(samples_found(&app, "һасан іРГЕЛІ ғ"), set(&["SEAL-9001-X"]));
    assert_eq!(
        samples_found(&app, "ұлан ә"),
        set(&["KZ 5122028", "kz 5122029"])
    );
    assert_eq!(samples_found(&app, "үміт"), set(&["SEAL-9001-X"]));
    assert_eq!(samples_found(&app, "STEPPE oil"), set(&["CN-77001"]));
    assert_eq!(samples_found(&app, "粮油进"), set(&["CN-77001"]));
    assert_eq!(samples_found(&app, "乌鲁木齐"), set(&["SEAL-9001-X"]));
    // Nothing, and a query with LIKE's and FTS5's special characters, find nothing.
    assert_eq!(samples_found(&app, "no such thing"), set(&[]));
    assert_eq!(samples_found(&app, "50%_\" OR 1"), set(&[]));

    assert_eq!(consignments_found(&app, "тоо"), set(&["KC-2026-000001"]));
    assert_eq!(
        consignments_found(&app, "GRAIN co"),
        set(&["KC-2026-000001"])
    );
    assert_eq!(
        consignments_found(&app, "kc-2026-000002"),
        set(&["KC-2026-000002"])
    );
    assert_eq!(consignments_found(&app, &bins[2]), set(&["KC-2026-000003"]));
    assert_eq!(consignments_found(&app, "2"), set(&["KC-2026-000002"]));
    assert_eq!(
        consignments_found(&app, "2026-000002"),
        set(&["KC-2026-000002"])
    );
    assert_eq!(
        consignments_found(&app, "ферма үміт"),
        set(&["KC-2026-000003"])
    );
}

#[test]
fn search_through_the_page_keeps_the_exporters_scope() {
    let app = spawn_app();
    seed(&app);
    let registrar = app.signed_in("registrar_kz");
    let page = registrar.get(&format!("/samples?q={}", jointlab::web::url_encode("тоо")));
    assert_eq!(page.status, 200);
    assert!(page.body.contains("JL-2026-000001"), "{}", page.body);
    assert!(!page.body.contains("JL-2026-000003"));
    // The seeded companies are not the exporter's: their samples stay out of its search.
    let page = app
        .signed_in("exporter")
        .get(&format!("/samples?q={}", jointlab::web::url_encode("тоо")));
    assert_eq!(page.status, 200);
    assert!(!page.body.contains("JL-2026-000001"));
}

#[test]
fn seed_bulk_writes_a_history_the_pages_and_the_audit_chain_accept() {
    use diesel::prelude::*;
    use jointlab::db::schema::{custody_events, samples, tests};
    let app = spawn_app();
    app.cli(&["seed-bulk", "--samples", "300", "--years", "2"])
        .unwrap();
    let samples: i64 = samples::table.count().get_result(&mut *app.conn()).unwrap();
    let entered: i64 = tests::table
        .filter(tests::status.eq_any(["entered", "verified"]))
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    let custody: i64 = custody_events::table
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert!(samples >= 300, "{samples}");
    assert!(
        entered > samples && custody > samples,
        "{entered} {custody}"
    );
    // Every hash-chained event verifies, and the lab's pages read the bulk rows.
    assert_eq!(app.cli(&["verify-audit"]), Ok(()));
    let registrar = app.signed_in("registrar_kz");
    for page in [
        "/samples",
        "/samples?page=2",
        "/consignments",
        "/applications",
        "/",
    ] {
        assert_eq!(registrar.get(page).status, 200, "{page}");
    }
    assert_eq!(app.signed_in("analyst_kz").get("/bench").status, 200);
    assert_eq!(app.signed_in("reviewer_cn").get("/review").status, 200);

    // Years of certificates: issued under the app's numbers, with the app's tokens.
    use jointlab::db::schema::{certificates, consignments};
    let issued: Vec<(String, String, String)> = certificates::table
        .filter(certificates::status.eq("issued"))
        .filter(certificates::token.is_not_null())
        .order(certificates::issued_at.asc())
        .select((
            certificates::id,
            certificates::number.assume_not_null(),
            certificates::token.assume_not_null(),
        ))
        .load::<(jointlab::db::ids::CertificateId, String, String)>(&mut *app.conn())
        .unwrap()
        .into_iter()
        .map(|(id, number, token)| (id.to_string(), number, token))
        .collect();
    // The demo issues five; the history many more.
    assert!(issued.len() > 20, "{}", issued.len());
    // The oldest was issued by seed-bulk (the demo's oldest is 40 days old): genuine, and
    // expired by now, on the page and in the API alike.
    let (id, number, token) = &issued[0];
    let visitor = app.client();
    let page = visitor.get(&format!("/v/{token}"));
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("verdict-expired") && page.body.contains(number.as_str()),
        "{}",
        page.body
    );
    let res = visitor.get(&format!("/api/v1/verify/{token}"));
    assert_eq!(res.status, 200, "{}", res.body);
    let json: serde_json::Value = serde_json::from_str(&res.body).unwrap();
    assert_eq!(json["verdict"], "expired", "{json}");
    assert_eq!(json["certificate"]["number"], number.as_str());
    let certifier = app.signed_in("certifier_kz");
    let (status, content_type, pdf) = certifier.get_bytes(&format!("/certificates/{id}.pdf"));
    assert_eq!((status, content_type.as_str()), (200, "application/pdf"));
    assert!(pdf.starts_with(b"%PDF"));
    assert_eq!(certifier.get(&format!("/certificates/{id}")).status, 200);
    for page in ["/certificates", "/certificates?status=revoked", "/"] {
        assert_eq!(certifier.get(page).status, 200, "{page}");
    }
    // Each document froze what the app's draft would freeze from the same records, so a
    // signature's check that the records still say the same would pass.
    use jointlab::models::certificate::Certificate;
    use jointlab::queries::certification::{self, DraftDetails};
    let documents = certificates::table
        .select(Certificate::as_select())
        .order(certificates::id)
        .load::<Certificate>(&mut *app.conn())
        .unwrap();
    assert!(
        documents
            .iter()
            .any(|c| c.kind.is_notice() && c.number.is_some())
    );
    for document in documents.iter().take(60) {
        let mut conn = app.conn();
        let frozen = document.parsed_contents().unwrap();
        let consignment = Consignment::find_for(&mut conn, Scope::All, document.consignment_id)
            .unwrap()
            .unwrap();
        let assessment = certification::assess(&mut conn, &consignment).unwrap();
        let details = DraftDetails {
            consignee: document.consignee.clone(),
            transport_details: document.transport_details.clone(),
            remarks: document.remarks.clone(),
            declarations: frozen.declarations.clone(),
        };
        let now = certification::contents(
            &mut conn,
            &consignment,
            &assessment,
            &details,
            frozen.gacc_registration.clone(),
            document.kind.is_notice(),
        )
        .unwrap();
        assert_eq!(now, frozen, "{:?}", document.number);
        if !document.kind.is_notice() {
            // The exporter holds the GACC registration the certificate prints.
            let held = jointlab::queries::eligibility::registration_for(
                &mut conn,
                consignment.exporter_id,
                consignment.commodity_id,
                UtcTime::now().0.date_naive(),
            )
            .unwrap()
            .map(|r| r.register_number);
            assert_eq!(held, frozen.gacc_registration);
        }
    }
    // The certifiers' queue holds the last days' consignments, not the whole history: a
    // consignment whose document was issued is closed, as issuing closes it in the app.
    let count = |status: &str| -> i64 {
        consignments::table
            .filter(consignments::status.eq(status))
            .count()
            .get_result(&mut *app.conn())
            .unwrap()
    };
    let (tested, closed) = (count("tested"), count("closed"));
    let waiting = jointlab::queries::certification::awaiting_certification(&mut app.conn(), 100_000)
        .unwrap()
        .len() as i64;
    assert!(
        closed > 20 && waiting <= tested && waiting * 4 < tested + closed,
        "{waiting} waiting, {tested} tested, {closed} closed"
    );
    let closed_without_document: i64 = consignments::table
        .filter(consignments::status.eq("closed"))
        .filter(diesel::dsl::not(diesel::dsl::exists(
            certificates::table
                .filter(certificates::consignment_id.eq(consignments::id))
                .filter(certificates::status.eq_any(["issued", "replaced", "revoked"])),
        )))
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(closed_without_document, 0);
}
