//! Intake: exporter companies, testing applications, consignments, samples with gapless
//! codes, custody across both labs, labels — with the refusals.

use chrono::Datelike;
use diesel::prelude::*;
use jointlab::db::schema::{commodities, custody_events, limit_sets, sample_portions, samples};
use jointlab::db::types::UtcTime;
use jointlab::i18n::Lang;
use jointlab::models::catalog::{CommodityId, LimitSetId};

use crate::helpers::*;

/// A commodity (wheat) and the China limit set, written straight into the catalog.
pub fn catalog(app: &TestApp) -> (CommodityId, LimitSetId) {
    let mut conn = app.conn();
    let now = UtcTime::now();
    let commodity = CommodityId::new();
    diesel::insert_into(commodities::table)
        .values((
            commodities::id.eq(commodity),
            commodities::name_en.eq("Wheat"),
            commodities::name_ru.eq("Пшеница"),
            commodities::name_kk.eq("Бидай"),
            commodities::name_zh.eq("小麦"),
            commodities::hs_code.eq("100199"),
            commodities::kind.eq("plant"),
            commodities::demo.eq(false),
            commodities::active.eq(true),
            commodities::created_at.eq(now),
            commodities::updated_at.eq(now),
            commodities::version.eq(1),
        ))
        .execute(&mut *conn)
        .unwrap();
    let set = LimitSetId::new();
    diesel::insert_into(limit_sets::table)
        .values((
            limit_sets::id.eq(set),
            limit_sets::code.eq("CN"),
            limit_sets::name_en.eq("China"),
            limit_sets::name_ru.eq("Китай"),
            limit_sets::name_kk.eq("Қытай"),
            limit_sets::name_zh.eq("中国"),
            limit_sets::reference.eq("GB 2761-2017"),
            limit_sets::demo.eq(false),
            limit_sets::created_at.eq(now),
        ))
        .execute(&mut *conn)
        .unwrap();
    (commodity, set)
}

struct Intake {
    commodity: String,
    post: String,
    destination: String,
}

fn setup(app: &TestApp) -> Intake {
    let (commodity, set) = catalog(app);
    Intake {
        commodity: commodity.to_string(),
        post: app.user("inspector").border_post_id.unwrap().to_string(),
        destination: set.to_string(),
    }
}

fn application<'a>(i: &'a Intake, quantity: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("commodity", i.commodity.as_str()),
        ("quantity", quantity),
        ("unit", "t"),
        ("lots", "Wagons 61234567, 61234568"),
        ("origin_region", "Almaty region"),
        ("origin_district", "Panfilov district"),
        ("producer", "Zhetysu Grain LLP"),
        ("consignee", "Xinjiang Grain Co., Urumqi"),
        ("border_post", i.post.as_str()),
        ("transport", "rail"),
        ("planned_date", crate::helpers::planned_date()),
        ("destination", i.destination.as_str()),
    ]
}

/// The id at the end of a redirect's location.
fn id_in(res: &Resp) -> String {
    let location = res
        .location()
        .unwrap_or_else(|| panic!("no redirect: {} {}", res.status, res.body));
    location.rsplit('/').next().unwrap().to_owned()
}

/// Files an application as `exporter` and accepts it as a KZ registrar; returns the
/// consignment id.
fn consignment(app: &TestApp, i: &Intake) -> String {
    let exporter = app.signed_in("exporter");
    let res = exporter.post_from("/applications/new", "/applications", &application(i, "60"));
    assert_eq!(res.status, 303, "{}", res.body);
    let id = id_in(&res);
    let registrar = app.signed_in("registrar_kz");
    let page = registrar.get(&format!("/applications/{id}"));
    let version = field_value(&page.body, "version").unwrap();
    let res = registrar.post_from(
        &format!("/applications/{id}"),
        &format!("/applications/{id}/accept"),
        &[("version", &version)],
    );
    assert_eq!(res.status, 303, "{}", res.body);
    assert!(res.location().unwrap().starts_with("/consignments/"));
    id_in(&res)
}

fn sample_fields(seal: &str) -> Vec<(&str, &str)> {
    vec![
        ("seal_number", seal),
        ("mass", "2,5"),
        ("mass_unit", "kg"),
        ("storage", "ambient"),
        ("drawn_at", crate::helpers::drawn_at()),
        ("drawn_by", "A. Sadykova"),
    ]
}

fn register_sample(client: &Client, consignment: &str, seal: &str) -> Resp {
    client.post_from(
        &format!("/consignments/{consignment}/samples/new"),
        &format!("/consignments/{consignment}/samples"),
        &sample_fields(seal),
    )
}

#[test]
fn an_exporter_applies_and_only_they_and_the_lab_see_it() {
    let app = spawn_app();
    let i = setup(&app);
    let exporter = app.signed_in("exporter");
    let res = exporter.post_from(
        "/applications/new",
        "/applications",
        &application(&i, "60.500"),
    );
    assert_eq!(res.status, 303, "{}", res.body);
    let id = id_in(&res);
    let page = exporter.get(&format!("/applications/{id}"));
    assert_eq!(page.status, 200);
    let year = UtcTime::now().0.year();
    assert!(
        page.body.contains(&format!("APP-{year}-000001")),
        "{}",
        page.body
    );
    assert!(page.body.contains("60.5"));

    let other = app.signed_in("exporter_b");
    assert_eq!(other.get(&format!("/applications/{id}")).status, 404);
    assert!(
        !other
            .get("/applications")
            .body
            .contains(&format!("APP-{year}-000001"))
    );
    assert!(
        app.signed_in("registrar_cn")
            .get("/applications")
            .body
            .contains(&format!("APP-{year}-000001"))
    );
    assert_eq!(app.signed_in("analyst_kz").get("/applications").status, 403);
}

#[test]
fn a_registrar_files_for_a_company_named_by_its_bin() {
    let app = spawn_app();
    let i = setup(&app);
    let registrar = app.signed_in("registrar_kz");
    let company = &app.exporters[0];
    let form = registrar.get("/applications/new");
    assert!(
        form.body
            .contains("id=\"exporter\" name=\"exporter\" value=\"\"")
    );
    assert!(
        !form.body.contains("<select id=\"exporter\""),
        "no list of every company"
    );
    let file = |exporter: &str| {
        let mut fields = application(&i, "12");
        fields.push(("exporter", exporter));
        registrar.post_from("/applications/new", "/applications", &fields)
    };
    // A BIN no company holds, and one that is not a BIN: the message beside the field, and
    // what was typed kept.
    let unknown = unregistered_bin(&app);
    for (typed, key) in [
        (unknown.as_str(), "field.no_company_with_bin"),
        ("12345", "field.bin_format"),
        ("", "field.required"),
    ] {
        let res = file(typed);
        assert_eq!(res.status, 422, "{typed:?}");
        assert!(res.body.contains(&en(key)), "{typed:?}: {key}");
        assert!(
            res.body
                .contains(&format!("name=\"exporter\" value=\"{typed}\""))
        );
        assert!(
            res.body.contains("value=\"Zhetysu Grain LLP\""),
            "the rest kept"
        );
    }
    // The company's BIN, spaced as printed on its papers.
    let spaced = format!("{} {}", &company.bin[..6], &company.bin[6..]);
    let res = file(&spaced);
    assert_eq!(res.status, 303, "{}", res.body);
    let id = id_in(&res);
    let page = registrar.get(&format!("/applications/{id}"));
    assert!(page.body.contains(&format!("({})", company.bin)));
    // A copy names the company by its BIN, with its name beside the field.
    let copy = registrar.get(&format!("/applications/new?copy={id}"));
    assert!(
        copy.body
            .contains(&format!("name=\"exporter\" value=\"{}\"", company.bin))
    );
    assert!(copy.body.contains(&format!(
        "<p class=\"hint\" id=\"exporter-hint\">{}</p>",
        company.name
    )));
}

#[test]
fn a_bad_application_comes_back_with_messages_and_values() {
    let app = spawn_app();
    let i = setup(&app);
    let exporter = app.signed_in("exporter");
    let mut fields = application(&i, "sixty");
    fields.retain(|(k, _)| *k != "commodity" && *k != "producer");
    fields.push(("planned_date_typo", "x"));
    let res = exporter.post_from("/applications/new", "/applications", &fields);
    assert_eq!(res.status, 422);
    for (field, key) in [
        ("quantity", "field.number"),
        ("commodity", "field.choose"),
        ("producer", "field.required"),
    ] {
        assert!(
            res.body
                .contains(&format!("id=\"{field}-error\">{}", en(key))),
            "{field}: {}",
            res.body
        );
    }
    assert!(res.body.contains("value=\"sixty\""), "typed quantity lost");
    assert!(
        res.body.contains("Xinjiang Grain Co., Urumqi"),
        "typed consignee lost"
    );
}

#[test]
fn a_registrar_returns_with_a_reason_the_exporter_reads_and_a_second_decision_is_stale() {
    let app = spawn_app();
    let i = setup(&app);
    let exporter = app.signed_in("exporter");
    let id =
        id_in(&exporter.post_from("/applications/new", "/applications", &application(&i, "20")));
    let registrar = app.signed_in("registrar_kz");
    let path = format!("/applications/{id}");
    let version = field_value(&registrar.get(&path).body, "version").unwrap();

    let res = registrar.post_from(
        &path,
        &format!("{path}/return"),
        &[("version", &version), ("reason", "  ")],
    );
    assert_eq!(res.status, 422);
    assert!(res.body.contains(&en("field.required")));

    let reason = "Phytosanitary import permit number missing";
    let res = registrar.post_from(
        &path,
        &format!("{path}/return"),
        &[("version", &version), ("reason", reason)],
    );
    assert_eq!(res.status, 303);
    assert!(exporter.get(&path).body.contains(reason));

    // Accepting with the version of the page loaded before the return is refused.
    let res = registrar.post_from(&path, &format!("{path}/accept"), &[("version", &version)]);
    assert_eq!(res.status, 409);
    assert!(res.body.contains(&en("form.stale")));
    // Only registrars decide.
    let analyst = app.signed_in("analyst_kz");
    assert_eq!(
        analyst
            .post(&format!("{path}/accept"), &[("version", "2")])
            .status,
        403
    );
    assert_eq!(
        exporter
            .post(&format!("{path}/accept"), &[("version", "2")])
            .status,
        403
    );
}

#[test]
fn an_accepted_application_becomes_a_consignment_scoped_to_its_exporter() {
    let app = spawn_app();
    let i = setup(&app);
    let consignment = consignment(&app, &i);
    let year = UtcTime::now().0.year();
    let page = app
        .signed_in("exporter")
        .get(&format!("/consignments/{consignment}"));
    assert_eq!(page.status, 200);
    assert!(page.body.contains(&format!("KC-{year}-000001")));
    assert_eq!(
        app.signed_in("exporter_b")
            .get(&format!("/consignments/{consignment}"))
            .status,
        404
    );
    assert!(
        !app.signed_in("exporter_b")
            .get("/consignments")
            .body
            .contains(&format!("KC-{year}-000001"))
    );
    assert_eq!(
        app.signed_in("certifier_cn")
            .get(&format!("/consignments/{consignment}"))
            .status,
        200
    );
    assert_eq!(app.signed_in("inspector").get("/consignments").status, 403);
}

#[test]
fn only_registrars_register_samples_and_codes_are_gapless() {
    let app = spawn_app();
    let i = setup(&app);
    let consignment = consignment(&app, &i);
    let analyst = app.signed_in("analyst_kz");
    assert_eq!(
        analyst
            .get(&format!("/consignments/{consignment}/samples/new"))
            .status,
        403
    );
    assert_eq!(
        analyst
            .post(
                &format!("/consignments/{consignment}/samples"),
                &sample_fields("KZ-000001")
            )
            .status,
        403
    );

    let registrar = app.signed_in("registrar_kz");
    let res = register_sample(&registrar, &consignment, "KZ 0042117");
    assert_eq!(res.status, 303, "{}", res.body);
    let sample = id_in(&res);
    let page = registrar.get(&format!("/samples/{sample}"));
    let year = UtcTime::now().0.year();
    assert!(page.body.contains(&format!("JL-{year}-000001")));
    let mut conn = app.conn();
    let portions: i64 = sample_portions::table
        .count()
        .get_result(&mut *conn)
        .unwrap();
    let events: Vec<String> = custody_events::table
        .order(custody_events::at)
        .select(custody_events::kind)
        .load(&mut *conn)
        .unwrap();
    assert_eq!(portions, 3);
    assert_eq!(events, ["drawn", "sealed"]);

    let res = register_sample(&registrar, &consignment, "");
    assert_eq!(res.status, 422);
    assert!(res.body.contains(&en("field.required")));
    assert!(res.body.contains("value=\"2,5\""), "typed mass lost");
}

#[test]
fn parallel_registrations_get_consecutive_codes() {
    let app = spawn_app();
    let i = setup(&app);
    let consignment = consignment(&app, &i);
    let (threads, each) = (6, 4);
    std::thread::scope(|scope| {
        for t in 0..threads {
            let (app, consignment) = (&app, &consignment);
            scope.spawn(move || {
                let registrar = app.signed_in(if t % 2 == 0 {
                    "registrar_kz"
                } else {
                    "registrar_cn"
                });
                for n in 0..each {
                    let res = register_sample(&registrar, consignment, &format!("S-{t}-{n}"));
                    assert_eq!(res.status, 303, "{}", res.body);
                }
            });
        }
    });
    let codes: Vec<String> = samples::table
        .order(samples::code)
        .select(samples::code)
        .load(&mut *app.conn())
        .unwrap();
    let year = UtcTime::now().0.year();
    let expected: Vec<String> = (1..=threads * each)
        .map(|n| format!("JL-{year}-{n:06}"))
        .collect();
    assert_eq!(codes, expected);
}

fn version_of(client: &Client, sample: &str) -> String {
    field_value(&client.get(&format!("/samples/{sample}")).body, "version").unwrap()
}

fn receipt<'a>(
    version: &'a str,
    portion: &'a str,
    decision: &'a str,
    reason: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("version", version),
        ("portion", portion),
        ("seal_intact", "yes"),
        ("temperature", "-18,5"),
        ("decision", decision),
        ("reason", reason),
    ]
}

#[test]
fn each_side_records_only_its_own_receipt_and_the_sample_is_received_when_both_have() {
    let app = spawn_app();
    let i = setup(&app);
    let consignment = consignment(&app, &i);
    let kz = app.signed_in("registrar_kz");
    let cn = app.signed_in("registrar_cn");
    let sample = id_in(&register_sample(&kz, &consignment, "KZ-77"));
    let path = format!("/samples/{sample}");

    // The Chinese registrar cannot record the Kazakh portion's receipt.
    let v = version_of(&cn, &sample);
    assert_eq!(
        cn.post_from(
            &path,
            &format!("{path}/receipt"),
            &receipt(&v, "kz", "accept", "")
        )
        .status,
        403
    );
    // An analyst records no custody at all.
    assert_eq!(
        app.signed_in("analyst_kz")
            .post(
                &format!("{path}/handover"),
                &[("version", &v), ("portion", "kz")]
            )
            .status,
        403
    );

    let v = version_of(&kz, &sample);
    assert_eq!(
        kz.post_from(
            &path,
            &format!("{path}/handover"),
            &[("version", &v), ("portion", "kz")]
        )
        .status,
        303
    );
    let v = version_of(&kz, &sample);
    assert_eq!(
        kz.post_from(
            &path,
            &format!("{path}/receipt"),
            &receipt(&v, "kz", "accept", "")
        )
        .status,
        303
    );
    assert!(
        kz.get(&path)
            .body
            .contains(&shown(Lang::En, "samples.status.registered"))
    );

    let v = version_of(&cn, &sample);
    let res = cn.post_from(
        &path,
        &format!("{path}/receipt"),
        &receipt(&v, "cn", "accept", ""),
    );
    assert_eq!(res.status, 303, "{}", res.body);
    let page = cn.get(&path);
    assert!(page.body.contains("-18.5 °C"));
    let status: String = samples::table
        .select(samples::status)
        .first(&mut *app.conn())
        .unwrap();
    assert_eq!(status, "received");
    // Receiving the same portion twice is refused with a message, not a crash.
    let v = version_of(&cn, &sample);
    let res = cn.post_from(
        &path,
        &format!("{path}/receipt"),
        &receipt(&v, "cn", "accept", ""),
    );
    assert_eq!(res.status, 422);
    assert!(res.body.contains(&en("custody.already_received")));
}

#[test]
fn a_rejected_portion_needs_a_reason_and_rejects_the_sample() {
    let app = spawn_app();
    let i = setup(&app);
    let consignment = consignment(&app, &i);
    let cn = app.signed_in("registrar_cn");
    let sample = id_in(&register_sample(
        &app.signed_in("registrar_kz"),
        &consignment,
        "KZ-78",
    ));
    let path = format!("/samples/{sample}");
    let v = version_of(&cn, &sample);
    let res = cn.post_from(
        &path,
        &format!("{path}/receipt"),
        &receipt(&v, "cn", "reject", ""),
    );
    assert_eq!(res.status, 422);
    assert!(res.body.contains(&en("custody.reason_required")));
    assert!(
        res.body.contains("value=\"-18,5\""),
        "typed temperature lost"
    );
    let res = cn.post_from(
        &path,
        &format!("{path}/receipt"),
        &receipt(&v, "cn", "reject", "Seal broken, sample thawed"),
    );
    assert_eq!(res.status, 303);
    let page = cn.get(&path);
    assert!(page.body.contains("Seal broken, sample thawed"));
    assert!(
        page.body
            .contains(&shown(Lang::En, "samples.status.rejected"))
    );
}

#[test]
fn a_finished_samples_portions_are_no_longer_awaited() {
    let app = spawn_app();
    let i = setup(&app);
    let consignment = consignment(&app, &i);
    let kz = app.signed_in("registrar_kz");
    let cn = app.signed_in("registrar_cn");
    let cancelled = id_in(&register_sample(&kz, &consignment, "AWAIT-CANCEL"));
    let rejected = id_in(&register_sample(&kz, &consignment, "AWAIT-REJECT"));
    let open = id_in(&register_sample(&kz, &consignment, "AWAIT-OPEN"));
    let awaited = |client: &Client, side: &str| {
        let list = client.get(&format!("/samples?receive={side}")).body;
        let tile = crate::lists::tiles(&client.get("/").body)
            .into_iter()
            .find(|(_, href)| *href == format!("/samples?receive={side}"))
            .map(|(n, _)| n);
        let listed: Vec<&str> = ["AWAIT-CANCEL", "AWAIT-REJECT", "AWAIT-OPEN"]
            .into_iter()
            .filter(|seal| list.contains(seal))
            .collect();
        (listed, tile)
    };
    assert_eq!(
        awaited(&kz, "kz"),
        (vec!["AWAIT-CANCEL", "AWAIT-REJECT", "AWAIT-OPEN"], Some(3))
    );
    // Cancelled: all three portions stay sealed where they are, but no lab awaits them.
    let path = format!("/samples/{cancelled}");
    let v = version_of(&kz, &cancelled);
    let res = kz.post_from(
        &path,
        &format!("{path}/cancel"),
        &[
            ("version", &v),
            ("reason", "Registered twice"),
            ("confirm", "yes"),
        ],
    );
    assert_eq!(res.status, 303, "{}", res.body);
    // Rejected by the CN lab: the KZ portion, still sealed, is not awaited either.
    let path = format!("/samples/{rejected}");
    let v = version_of(&cn, &rejected);
    let res = cn.post_from(
        &path,
        &format!("{path}/receipt"),
        &receipt(&v, "cn", "reject", "Seal broken"),
    );
    assert_eq!(res.status, 303, "{}", res.body);
    assert_eq!(awaited(&kz, "kz"), (vec!["AWAIT-OPEN"], Some(1)));
    assert_eq!(awaited(&cn, "cn"), (vec!["AWAIT-OPEN"], Some(1)));
    let finished = |sample: &str| -> Vec<(String, String, bool)> {
        let id: jointlab::models::sample::SampleId = sample.parse().unwrap();
        sample_portions::table
            .filter(sample_portions::sample_id.eq(id))
            .order(sample_portions::portion)
            .select((
                sample_portions::portion,
                sample_portions::status,
                sample_portions::sample_finished,
            ))
            .load(&mut *app.conn())
            .unwrap()
    };
    let row = |p: &str, s: &str, f| (p.to_owned(), s.to_owned(), f);
    assert_eq!(
        finished(&cancelled),
        [
            row("cn", "sealed", true),
            row("counter", "sealed", true),
            row("kz", "sealed", true)
        ]
    );
    assert_eq!(
        finished(&rejected),
        [
            row("cn", "rejected", true),
            row("counter", "sealed", true),
            row("kz", "sealed", true)
        ]
    );
    assert_eq!(
        finished(&open),
        [
            row("cn", "sealed", false),
            row("counter", "sealed", false),
            row("kz", "sealed", false)
        ]
    );
}

#[test]
fn a_custody_step_from_a_stale_page_is_refused() {
    let app = spawn_app();
    let i = setup(&app);
    let consignment = consignment(&app, &i);
    let kz = app.signed_in("registrar_kz");
    let sample = id_in(&register_sample(&kz, &consignment, "KZ-79"));
    let path = format!("/samples/{sample}");
    let old = version_of(&kz, &sample);
    assert_eq!(
        kz.post_from(
            &path,
            &format!("{path}/handover"),
            &[("version", &old), ("portion", "counter")]
        )
        .status,
        303
    );
    let res = kz.post_from(
        &path,
        &format!("{path}/cancel"),
        &[
            ("version", &old),
            ("reason", "Registered twice"),
            ("confirm", "yes"),
        ],
    );
    assert_eq!(res.status, 409);
    assert!(res.body.contains(&en("form.stale")));
    let status: String = samples::table
        .select(samples::status)
        .first(&mut *app.conn())
        .unwrap();
    assert_eq!(status, "registered");
}

#[test]
fn search_finds_by_code_seal_and_bin_within_scope() {
    let app = spawn_app();
    let i = setup(&app);
    let consignment = consignment(&app, &i);
    let registrar = app.signed_in("registrar_kz");
    register_sample(&registrar, &consignment, "SEAL-555-XY");
    let bin = app.exporters[0].bin.clone();
    let year = UtcTime::now().0.year();
    for q in [
        "SEAL-555",
        bin.as_str(),
        &format!("JL-{year}-000001"),
        "Test Grain",
    ] {
        let page = registrar.get(&format!("/samples?q={}", jointlab::web::url_encode(q)));
        assert!(page.body.contains("SEAL-555-XY"), "search {q:?} missed");
    }
    assert!(
        !registrar
            .get("/samples?q=NO-SUCH-SEAL")
            .body
            .contains("SEAL-555-XY")
    );
    assert!(
        app.signed_in("exporter")
            .get("/samples?q=SEAL-555")
            .body
            .contains("SEAL-555-XY")
    );
    assert!(
        !app.signed_in("exporter_b")
            .get("/samples?q=SEAL-555")
            .body
            .contains("SEAL-555-XY")
    );
    let page = registrar.get("/samples?from=24.11.2026");
    assert_eq!(page.status, 200);
    assert!(page.body.contains(&en("field.date_invalid")));
}

#[test]
fn the_label_sheet_has_a_qr_code_per_portion_that_decodes_to_its_identifier() {
    let app = spawn_app();
    let i = setup(&app);
    let consignment = consignment(&app, &i);
    let registrar = app.signed_in("registrar_kz");
    let sample = id_in(&register_sample(&registrar, &consignment, "KZ-80"));
    let page = registrar.get(&format!("/samples/{sample}/labels"));
    assert_eq!(page.status, 200);
    assert_eq!(page.body.matches("<svg ").count(), 3);
    assert!(
        page.body.contains("fill=\"#ffffff\""),
        "QR needs a white background"
    );
    assert_eq!(
        app.signed_in("exporter")
            .get(&format!("/samples/{sample}/labels"))
            .status,
        403
    );
    assert_eq!(
        app.signed_in("analyst_cn")
            .get(&format!("/samples/{sample}/labels"))
            .status,
        200
    );

    let year = UtcTime::now().0.year();
    let svg = &page.body[page.body.find("<svg ").unwrap()..];
    let svg = &svg[..svg.find("</svg>").unwrap() + 6];
    match decode_qr(svg) {
        Some(text) => assert_eq!(text, format!("JL-{year}-000001-KZ")),
        None => assert_ne!(
            std::env::var("CI").as_deref(),
            Ok("true"),
            "rsvg-convert and zbarimg are required in CI"
        ),
    }
}

/// Renders the SVG with rsvg-convert and decodes it with zbarimg; `None` when the tools are
/// not installed.
fn decode_qr(svg: &str) -> Option<String> {
    let dir = std::env::temp_dir().join(format!("jl-qr-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("qr.svg"), svg).unwrap();
    let png = dir.join("qr.png");
    let rendered = std::process::Command::new("rsvg-convert")
        .args(["-b", "white", "-w", "400", "-o"])
        .arg(&png)
        .arg(dir.join("qr.svg"))
        .status()
        .ok()?;
    assert!(rendered.success(), "rsvg-convert failed");
    let out = std::process::Command::new("zbarimg")
        .args(["--quiet", "--raw"])
        .arg(&png)
        .output()
        .ok()?;
    let _ = std::fs::remove_dir_all(&dir);
    Some(String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

#[test]
fn registrars_and_admins_keep_exporter_companies() {
    let app = spawn_app();
    let registrar = app.signed_in("registrar_cn");
    let res = registrar.post_from(
        "/exporters/new",
        "/exporters",
        &[
            ("name", "Dala Oil LLP"),
            ("bin", "123456789012"),
            ("contact_email", "not-an-email"),
        ],
    );
    assert_eq!(res.status, 422);
    assert!(
        res.body.contains(&en("field.bin_checksum")) || res.body.contains(&en("field.bin_format"))
    );
    assert!(res.body.contains(&en("field.email_invalid")));
    assert!(res.body.contains("value=\"Dala Oil LLP\""));
    let bin = jointlab::domain::Bin::complete("15031400777").unwrap();
    let res = registrar.post_from(
        "/exporters/new",
        "/exporters",
        &[("name", "Dala Oil LLP"), ("bin", bin.as_str())],
    );
    assert_eq!(res.status, 303, "{}", res.body);
    let res = registrar.post_from(
        "/exporters/new",
        "/exporters",
        &[("name", "Copy LLP"), ("bin", bin.as_str())],
    );
    assert_eq!(res.status, 422);
    assert!(res.body.contains(&en("exporters.bin_taken")));
    assert!(
        app.signed_in("admin")
            .get("/exporters?q=Dala")
            .body
            .contains("Dala Oil LLP")
    );
    assert_eq!(app.signed_in("analyst_kz").get("/exporters").status, 403);
    assert_eq!(
        app.signed_in("exporter")
            .post("/exporters", &[("name", "X"), ("bin", bin.as_str())])
            .status,
        403
    );
}

#[test]
fn sample_lists_page_by_keyset_in_both_orders() {
    let app = spawn_app();
    let i = setup(&app);
    let consignment: jointlab::models::consignment::ConsignmentId =
        consignment(&app, &i).parse().unwrap();
    let registrar = app.user("registrar_kz").clone();
    {
        let mut conn = app.conn();
        let registrar = jointlab::auth::policy::Staff::of(registrar.clone()).unwrap();
        for n in 0..53 {
            let new = jointlab::models::sample::NewSample {
                seal_number: format!("PAGE-{n:03}"),
                mass: jointlab::domain::DecimalText::parse("1").unwrap(),
                mass_unit: jointlab::models::sample::MassUnit::Kilograms,
                storage: jointlab::models::sample::Storage::Ambient,
                drawn_at: UtcTime::now(),
                drawn_by: "Test".into(),
            };
            jointlab::workflows::apply_on(&mut conn, |conn| {
                jointlab::workflows::intake::register_sample(
                    conn,
                    &registrar,
                    consignment,
                    &new,
                    None,
                )
            })
            .unwrap();
        }
    }
    let client = app.signed_in("registrar_kz");
    for (order, first, last_on_second) in [
        ("newest", "PAGE-052", "PAGE-000"),
        ("oldest", "PAGE-000", "PAGE-052"),
    ] {
        let page = client.get(&format!("/samples?sort={order}"));
        assert_eq!(
            page.body.matches("PAGE-").count(),
            50,
            "{order}: first page size"
        );
        assert!(
            page.body.find(first).unwrap()
                < page
                    .body
                    .find(if order == "newest" {
                        "PAGE-051"
                    } else {
                        "PAGE-001"
                    })
                    .unwrap()
        );
        let start = page.body.find("class=\"pager\"").expect("a next-page link");
        let href = &page.body[start..];
        let href = &href[href.find("href=\"").unwrap() + 6..];
        let href = href[..href.find('"').unwrap()]
            .replace("&#38;", "&")
            .replace("&amp;", "&");
        let second = client.get(&href);
        assert_eq!(
            second.body.matches("PAGE-").count(),
            3,
            "{order}: second page"
        );
        assert!(second.body.contains(last_on_second));
        assert!(!second.body.contains("class=\"pager\""));
    }
}

#[test]
fn a_stale_company_form_is_refused_and_the_first_save_stands() {
    let app = spawn_app();
    let registrar = app.signed_in("registrar_kz");
    let company = &app.exporters[0];
    let path = format!("/exporters/{}", company.id);
    let page = registrar.get(&path);
    let version = field_value(&page.body, "version").unwrap();
    let save = |name: &str| {
        registrar.post_from(
            &path,
            &path,
            &[
                ("name", name),
                ("bin", company.bin.as_str()),
                ("version", &version),
            ],
        )
    };
    assert_eq!(save("Renamed Grain LLP").status, 303);
    let res = save("Another Name LLP");
    assert_eq!(res.status, 409);
    assert!(res.body.contains(&en("form.stale")));
    assert!(
        res.body.contains("value=\"Another Name LLP\""),
        "typed name lost"
    );
    let stored = jointlab::models::Exporter::find(&mut app.conn(), company.id)
        .unwrap()
        .unwrap();
    assert_eq!(stored.name, "Renamed Grain LLP");
}

#[test]
fn a_planned_crossing_date_is_within_a_year_of_today() {
    let app = spawn_app();
    let i = setup(&app);
    let exporter = app.signed_in("exporter");
    let far = (chrono::Utc::now() + chrono::Duration::days(400))
        .format("%Y-%m-%d")
        .to_string();
    for date in [far.as_str(), "2020-01-01", "0000-01-01", "-0100-01-01"] {
        let mut fields = application(&i, "60");
        fields.retain(|(k, _)| *k != "planned_date");
        fields.push(("planned_date", date));
        let res = exporter.post_from("/applications/new", "/applications", &fields);
        assert_ne!(res.status, 303, "{date}");
        assert!(
            res.body.contains(&en("field.planned_date_range"))
                || res.body.contains(&en("field.date_invalid")),
            "{date}"
        );
    }
}
