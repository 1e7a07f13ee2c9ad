//! The exporter's desk: a consignment's timeline (in order, in the reader's language, with no
//! staff identity and no unverified value), the conformity summary, correcting and submitting
//! a returned application again, and a new application started as a copy.

use diesel::prelude::*;
use jointlab::db::schema::{applications, audit_events};
use jointlab::i18n::{Lang, tf, tn};

use crate::certificates::{drafted, sign_as};
use crate::helpers::{
    PASSWORD, TestApp, en, field_value, html, race, received_samples, registered_for_wheat,
    spawn_app, tested_consignment,
};

/// A timeline text as a page shows it.
fn said(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    html(&tf(lang, key, args))
}

fn sample_code(app: &TestApp, id: &str) -> String {
    jointlab::models::sample::Sample::code_of(&mut app.conn(), id.parse().unwrap()).unwrap()
}

/// The position of `text` on the page, which must show it.
fn at(body: &str, text: &str) -> usize {
    body.find(text)
        .unwrap_or_else(|| panic!("{text:?} is not on the page"))
}

/// Every e-mail address of the lab's staff (and the other company's exporter).
fn staff_emails(app: &TestApp) -> Vec<String> {
    app.users
        .iter()
        .filter(|(key, _)| **key != "exporter")
        .map(|(_, u)| u.email.to_string())
        .collect()
}

#[test]
fn the_exporter_reads_the_whole_path_in_order_with_the_certificate() {
    let app = spawn_app();
    registered_for_wheat(&app);
    let (consignment, samples) = tested_consignment(&app, 1, &[]);
    let certificate = drafted(&app, &consignment);
    assert_eq!(
        sign_as(&app, "certifier_kz", &certificate, PASSWORD).status,
        303
    );
    assert_eq!(
        sign_as(&app, "certifier_cn", &certificate, PASSWORD).status,
        303
    );
    let code = sample_code(&app, &samples[0]);
    let number: String = jointlab::db::schema::certificates::table
        .select(jointlab::db::schema::certificates::number.assume_not_null())
        .first(&mut *app.conn())
        .unwrap();
    let exporter = app.signed_in("exporter");

    let page = exporter.get(&format!("/consignments/{consignment}?lang=en"));

    assert_eq!(page.status, 200);
    let body = &page.body;
    let accepted = at(body, &en("timeline.application_accepted"));
    let steps = [
        at(body, "Testing application APP-"),
        accepted,
        at(
            body,
            said(
                Lang::En,
                "timeline.sample_drawn",
                &[("code", &code), ("drawn", "")],
            )
            .trim_end(),
        ),
        at(
            body,
            &said(
                Lang::En,
                "timeline.portion_received",
                &[("code", &code), ("lab", "Kazakh laboratory")],
            ),
        ),
        at(
            body,
            &said(
                Lang::En,
                "timeline.portion_received",
                &[("code", &code), ("lab", "Chinese laboratory")],
            ),
        ),
        at(
            body,
            &said(
                Lang::En,
                "timeline.certificate_issued",
                &[
                    ("document", "Phytosanitary certificate"),
                    ("number", &number),
                ],
            ),
        ),
    ];
    assert!(
        steps.windows(2).all(|w| w[0] < w[1]),
        "out of order: {steps:?}"
    );
    // Testing progress as counts, every test of each side verified.
    let panel = body.matches(" tests verified").count() + body.matches(" test verified").count();
    assert!(panel >= 2, "no testing progress on the page");
    assert!(body.contains(&format!("href=\"/certificates/{certificate}\"")));
    assert!(body.contains(&format!("href=\"/certificates/{certificate}.pdf\"")));
    // Parties, never people; the conformity summary with the limits.
    assert!(body.contains(&en("timeline.party.registry")));
    assert!(body.contains(&en("timeline.conformity_title")));
    assert!(body.contains(&en("timeline.sample_conforms")));
    assert!(body.contains(&en("conformity.conforms")));
    for email in staff_emails(&app) {
        assert!(!body.contains(&email), "{email} on the exporter's page");
    }
    assert!(!body.contains(&en("intake.history")));

    // Spot check in Chinese.
    let zh = exporter
        .get(&format!("/consignments/{consignment}?lang=zh"))
        .body;
    assert!(
        zh.contains(
            said(
                Lang::Zh,
                "timeline.sample_drawn",
                &[("code", &code), ("drawn", "")]
            )
            .split("于")
            .next()
            .unwrap()
        )
    );
    assert!(zh.contains(&html(jointlab::i18n::t(Lang::Zh, "timeline.title"))));
    assert!(zh.contains(&html(jointlab::i18n::t(Lang::Zh, "timeline.party.cn"))));

    // Staff keep their full history.
    let registrar = app
        .signed_in("registrar_kz")
        .get(&format!("/consignments/{consignment}?lang=en"));
    assert!(registrar.body.contains(&en("intake.history")));
    assert!(
        registrar
            .body
            .contains(&app.user("registrar_kz").email.to_string())
    );
}

#[test]
fn an_entered_but_unverified_result_and_staff_emails_never_reach_the_exporter() {
    use jointlab::auth::policy::Staff;
    use jointlab::domain::measure::{Unit, parse_reading};
    use jointlab::models::lab_test::TestStatus;

    let app = spawn_app();
    let (samples, _) = received_samples(&app, 1);
    let sample: jointlab::models::sample::SampleId = samples[0].parse().unwrap();
    let analyst = Staff::of(app.user("analyst_kz").clone()).unwrap();
    // The Kazakh analyst enters AFB1 = 4.321 µg/kg; nobody verifies it.
    jointlab::db::write_tx(&mut app.conn(), |conn| {
        let (test, method) =
            jointlab::queries::testing::of_sample_side(conn, sample, analyst.side)?
                .into_iter()
                .find(|(t, m)| m.code == "AFB1" && t.status == TestStatus::Pending)
                .unwrap();
        let reading = parse_reading(false, "4.321").unwrap();
        let unit = method.unit.as_deref().and_then(Unit::parse);
        jointlab::workflows::testing::enter(conn, &analyst, test.id, test.version, &reading, unit)
            .unwrap();
        Ok::<_, diesel::result::Error>(())
    })
    .unwrap();
    let consignment: String = jointlab::db::schema::consignments::table
        .select(jointlab::db::schema::consignments::id)
        .first::<jointlab::models::consignment::ConsignmentId>(&mut *app.conn())
        .unwrap()
        .to_string();
    let exporter = app.signed_in("exporter");

    let pages = [
        exporter.get(&format!("/consignments/{consignment}?lang=en")),
        exporter.get(&format!("/samples/{}?lang=en", samples[0])),
    ];

    for page in &pages {
        assert_eq!(page.status, 200);
        assert!(!page.body.contains("4.321"), "an unverified value shown");
        assert!(!page.body.contains("4,321"), "an unverified value shown");
        for email in staff_emails(&app) {
            assert!(!page.body.contains(&email), "{email} shown to the exporter");
        }
    }
    // The Kazakh side's progress is a count: none of its tests verified yet.
    let total = jointlab::db::schema::tests::table
        .filter(jointlab::db::schema::tests::side.eq("kz"))
        .count()
        .get_result::<i64>(&mut *app.conn())
        .unwrap();
    let progress = html(&tn(
        Lang::En,
        "timeline.testing_progress",
        total,
        &[("lab", "Kazakh laboratory"), ("verified", "0")],
    ));
    assert!(pages[0].body.contains(&progress), "{progress}");
    assert!(pages[0].body.contains(&en("timeline.no_verified_results")));
    // The lab side sees its own entry.
    let own = app
        .signed_in("reviewer_kz")
        .get(&format!("/samples/{}", samples[0]));
    assert!(own.body.contains("4.321"));
}

/// Files an application as the exporter through the form; returns its id.
fn filed(app: &TestApp) -> String {
    // The fixture files one application and accepts it; file a second one like it.
    received_samples(app, 0);
    crate::helpers::another_application(app).id.to_string()
}

fn returned(app: &TestApp, id: &str, reason: &str) {
    let kz = app.signed_in("registrar_kz");
    let path = format!("/applications/{id}");
    let version = field_value(&kz.get(&path).body, "version").unwrap();
    let res = kz.post_from(
        &path,
        &format!("{path}/return"),
        &[("version", &version), ("reason", reason)],
    );
    assert_eq!(res.status, 303, "{}", res.body);
}

/// The correction form's fields as the page offers them, with `lots` changed.
fn corrected(body: &str, lots: &str) -> Vec<(String, String)> {
    let (_, fields) = crate::helpers::post_forms(body)
        .into_iter()
        .find(|(a, _)| a.ends_with("/resubmit"))
        .expect("a resubmission form");
    fields
        .into_iter()
        .filter(|(k, _)| k != "csrf_token")
        .map(|(k, v)| {
            if k == "lots" {
                (k, lots.to_owned())
            } else {
                (k, v)
            }
        })
        .collect()
}

fn status_of(app: &TestApp, id: &str) -> (String, i32, String) {
    applications::table
        .filter(
            applications::id.eq(id
                .parse::<jointlab::models::application::ApplicationId>()
                .unwrap()),
        )
        .select((
            applications::status,
            applications::version,
            applications::lots,
        ))
        .first(&mut *app.conn())
        .unwrap()
}

#[test]
fn a_returned_application_is_corrected_and_submitted_again_and_a_stale_form_is_409() {
    let app = spawn_app();
    let id = filed(&app);
    returned(&app, &id, "Give the wagon numbers");
    let exporter = app.signed_in("exporter");
    let page = exporter.get(&format!("/applications/{id}"));
    assert!(
        page.body
            .contains(&format!("href=\"/applications/{id}/edit\""))
    );
    let edit = format!("/applications/{id}/edit");

    let form = exporter.get(&edit);
    assert_eq!(form.status, 200);
    assert!(form.body.contains("Give the wagon numbers"));
    assert_eq!(
        field_value(&form.body, "lots").as_deref(),
        Some("Wagons 1-10")
    );
    let fields = corrected(&form.body, "Wagons 61234567-61234576");
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let done = exporter.post_from(
        &format!("/applications/{id}"),
        &format!("/applications/{id}/resubmit"),
        &pairs,
    );
    let again = exporter.post_from(
        &format!("/applications/{id}"),
        &format!("/applications/{id}/resubmit"),
        &pairs,
    );

    assert_eq!(done.status, 303, "{}", done.body);
    assert_eq!(
        done.location(),
        Some(format!("/applications/{id}").as_str())
    );
    let (status, _, lots) = status_of(&app, &id);
    assert_eq!(status, "submitted");
    assert_eq!(lots, "Wagons 61234567-61234576");
    assert_eq!(again.status, 409, "a stale resubmission");
    assert!(again.body.contains(&en("form.stale")));
    assert!(
        again.body.contains("Wagons 61234567-61234576"),
        "the user's input is kept"
    );
    let resubmitted: i64 = audit_events::table
        .filter(audit_events::action.eq("application.resubmitted"))
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(resubmitted, 1);
    // The registrar sees it waiting again, and may decide it.
    let registrar = app.signed_in("registrar_kz");
    let queue = registrar.get("/applications?status=submitted");
    assert!(queue.body.contains(&format!("/applications/{id}\"")));
    let shown = registrar.get(&format!("/applications/{id}"));
    assert!(shown.body.contains(&format!("/applications/{id}/accept")));
    // The old reason is history now: told only in the application's history, not as its state.
    let state = shown
        .body
        .split("<ol class=\"timeline history\">")
        .next()
        .unwrap_or_default();
    assert!(!state.contains("Give the wagon numbers"));
    // A submitted application is not corrected: the edit page sends to the application.
    let not_now = exporter.get(&edit);
    assert_eq!(not_now.status, 303);
    // Validation errors come back with the input, 422.
    returned(&app, &id, "Quantity is wrong");
    let form = exporter.get(&edit);
    let mut fields = corrected(&form.body, "Wagons 1-10");
    for (k, v) in fields.iter_mut() {
        if k == "quantity" {
            *v = "lots".into();
        }
    }
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let bad = exporter.post_from(
        &format!("/applications/{id}"),
        &format!("/applications/{id}/resubmit"),
        &pairs,
    );
    assert_eq!(bad.status, 422);
    assert_eq!(status_of(&app, &id).0, "returned");
}

#[test]
fn parallel_identical_resubmissions_apply_once_and_answer_the_rest_409() {
    let app = spawn_app();
    let id = filed(&app);
    returned(&app, &id, "Give the wagon numbers");
    let edit = format!("/applications/{id}/edit");
    let form = app.signed_in("exporter").get(&edit);
    let fields = corrected(&form.body, "Wagons 7-9");
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let version_before = status_of(&app, &id).1;

    let answers = race(
        &app,
        "exporter",
        6,
        &edit,
        &format!("/applications/{id}/resubmit"),
        &pairs,
    );

    let statuses: Vec<u16> = answers.iter().map(|r| r.status).collect();
    assert_eq!(
        statuses.iter().filter(|s| **s == 303).count(),
        1,
        "{statuses:?}"
    );
    assert!(
        statuses.iter().all(|s| matches!(s, 303 | 409)),
        "{statuses:?}"
    );
    let (status, version, lots) = status_of(&app, &id);
    assert_eq!(
        (status.as_str(), version, lots.as_str()),
        ("submitted", version_before + 1, "Wagons 7-9")
    );
    let resubmitted: i64 = audit_events::table
        .filter(audit_events::action.eq("application.resubmitted"))
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(resubmitted, 1);
}

#[test]
fn a_new_application_starts_as_a_copy_with_the_planned_date_cleared() {
    let app = spawn_app();
    let id = filed(&app);
    let exporter = app.signed_in("exporter");
    let page = exporter.get(&format!("/applications/{id}"));
    let copy = format!("/applications/new?copy={id}");
    assert!(page.body.contains(&html(&copy)));

    let form = exporter.get(&copy);

    assert_eq!(form.status, 200);
    assert_eq!(
        field_value(&form.body, "lots").as_deref(),
        Some("Wagons 1-10")
    );
    assert_eq!(
        field_value(&form.body, "producer").as_deref(),
        Some("Test Grain LLP")
    );
    assert!(
        form.body
            .contains(r#"name="planned_date" type="date" value="""#),
        "the planned date is cleared"
    );
    assert!(form.body.contains("action=\"/applications\""));
    // Filing the copy with a date makes a new application.
    let (_, fields) = crate::helpers::post_forms(&form.body)
        .into_iter()
        .find(|(a, _)| a == "/applications")
        .unwrap();
    let fields: Vec<(String, String)> = fields
        .into_iter()
        .filter(|(k, _)| k != "csrf_token")
        .map(|(k, v)| {
            if k == "planned_date" {
                (k, crate::helpers::planned_date().to_owned())
            } else {
                (k, v)
            }
        })
        .collect();
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let res = exporter.post_from(&copy, "/applications", &pairs);
    assert_eq!(res.status, 303, "{}", res.body);
    assert_ne!(res.location(), Some(format!("/applications/{id}").as_str()));
    // A registrar copies too; an auditor is offered no copy.
    assert_eq!(app.signed_in("registrar_cn").get(&copy).status, 200);
    let auditor = app
        .signed_in("auditor_kz")
        .get(&format!("/applications/{id}"));
    assert!(!auditor.body.contains("copy="));
}

#[test]
fn another_exporter_gets_404_on_every_part_of_the_desk() {
    let app = spawn_app();
    let (consignment, samples) = tested_consignment(&app, 1, &[]);
    let id = filed(&app);
    returned(&app, &id, "Give the wagon numbers");
    let other = app.signed_in("exporter_b");
    let token = other.get("/applications").csrf_token();

    let answers = [
        other.get(&format!("/consignments/{consignment}")).status,
        other.get(&format!("/samples/{}", samples[0])).status,
        other.get(&format!("/applications/{id}")).status,
        other.get(&format!("/applications/{id}/edit")).status,
        other.get(&format!("/applications/new?copy={id}")).status,
        other
            .post_raw(
                &format!("/applications/{id}/resubmit"),
                &[("csrf_token", &token), ("version", "2")],
            )
            .status,
    ];

    assert_eq!(answers, [404; 6]);
    assert_eq!(status_of(&app, &id).0, "returned");
    // Staff are unaffected; the owner still may.
    assert_eq!(
        app.signed_in("auditor_cn")
            .get(&format!("/consignments/{consignment}"))
            .status,
        200
    );
    assert_eq!(
        app.signed_in("exporter")
            .get(&format!("/applications/{id}/edit"))
            .status,
        200
    );
    // A registrar may not correct an exporter's application.
    assert_eq!(
        app.signed_in("registrar_kz")
            .get(&format!("/applications/{id}/edit"))
            .status,
        403
    );
}
