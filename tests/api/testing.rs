//! Testing on both sides: panels on receipt, batch entry with conformity at the limit, review
//! with four eyes, blind sides, conflicts.

use diesel::prelude::*;
use jointlab::db::schema::{tests, users};
use jointlab::i18n::{Lang, tn};

use crate::helpers::*;

/// The batch form of a method: (test id, version) per row, in page order.
pub(crate) fn rows(page: &Resp) -> Vec<(String, String)> {
    page.body
        .match_indices("name=\"v_")
        .map(|(i, _)| {
            let rest = &page.body[i + 8..];
            let id = rest[..36].to_owned();
            (
                id.clone(),
                field_value(&page.body, &format!("v_{id}")).unwrap(),
            )
        })
        .collect()
}

pub(crate) fn enter(client: &Client, method: &str, values: &[(&(String, String), &str)]) -> Resp {
    let path = format!("/bench/{method}");
    let token = client.get(&path).csrf_token();
    let mut fields: Vec<(String, String)> = vec![("csrf_token".into(), token)];
    for ((id, version), value) in values {
        fields.push((format!("v_{id}"), version.clone()));
        fields.push((format!("r_{id}"), (*value).to_owned()));
    }
    let borrowed: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    client.post_raw(&path, &borrowed)
}

pub(crate) fn stored(app: &TestApp, id: &str) -> (String, Option<String>, Option<String>) {
    let id: jointlab::models::lab_test::LabTestId = id.parse().unwrap();
    tests::table
        .find(id)
        .select((tests::status, tests::value, tests::conformity))
        .first(&mut *app.conn())
        .unwrap()
}

#[test]
fn receipt_puts_the_panel_on_that_sides_bench_and_values_are_judged_at_the_limit() {
    let app = spawn_app();
    let (_, afb1) = received_samples(&app, 3);
    let analyst = app.signed_in("analyst_kz");
    let bench = analyst.get("/bench");
    assert!(bench.body.contains("AFB1"), "{}", bench.body);
    let page = analyst.get(&format!("/bench/{afb1}"));
    let rows = rows(&page);
    assert_eq!(rows.len(), 3);
    // The China limit for aflatoxin B1 in cereals is 5 µg/kg: exactly 5 conforms.
    let res = enter(
        &analyst,
        &afb1,
        &[(&rows[0], "5"), (&rows[1], "5,001"), (&rows[2], "< LOQ")],
    );
    assert_eq!(res.status, 303, "{}", res.body);
    assert_eq!(
        stored(&app, &rows[0].0),
        ("entered".into(), Some("5".into()), Some("conforms".into()))
    );
    assert_eq!(
        stored(&app, &rows[1].0),
        (
            "entered".into(),
            Some("5.001".into()),
            Some("does_not_conform".into())
        )
    );
    assert_eq!(stored(&app, &rows[2].0).2.as_deref(), Some("conforms"));
    // The Chinese side has its own tests, untouched.
    assert_eq!(rows_of(&app, "cn", "entered"), 0);
}

fn rows_of(app: &TestApp, side: &str, status: &str) -> i64 {
    tests::table
        .filter(tests::side.eq(side))
        .filter(tests::status.eq(status))
        .count()
        .get_result(&mut *app.conn())
        .unwrap()
}

#[test]
fn a_bad_value_comes_back_beside_its_row_and_nothing_is_saved() {
    let app = spawn_app();
    let (_, afb1) = received_samples(&app, 2);
    let analyst = app.signed_in("analyst_kz");
    let rows = rows(&analyst.get(&format!("/bench/{afb1}")));
    let res = enter(&analyst, &afb1, &[(&rows[0], "4.2"), (&rows[1], "four")]);
    assert_eq!(res.status, 422);
    assert!(res.body.contains(&format!("id=\"e_{}\"", rows[1].0)));
    assert!(res.body.contains("value=\"four\"") && res.body.contains("value=\"4.2\""));
    assert_eq!(rows_of(&app, "kz", "entered"), 0);
}

#[test]
fn the_other_side_and_the_exporter_see_nothing_before_verification() {
    let app = spawn_app();
    let (samples, afb1) = received_samples(&app, 1);
    let analyst = app.signed_in("analyst_kz");
    let rows = rows(&analyst.get(&format!("/bench/{afb1}")));
    assert_eq!(enter(&analyst, &afb1, &[(&rows[0], "3.1415")]).status, 303);
    let sample = format!("/samples/{}", samples[0]);
    assert!(
        app.signed_in("reviewer_kz")
            .get(&sample)
            .body
            .contains("3.1415")
    );
    for key in [
        "analyst_cn",
        "reviewer_cn",
        "registrar_cn",
        "auditor_cn",
        "exporter",
    ] {
        let role = app.user(key).role;
        let client = app.signed_in(key);
        for page in [
            sample.clone(),
            format!("{sample}/tests"),
            format!("{sample}/labels"),
            "/".into(),
            "/samples".into(),
            "/consignments".into(),
            "/review".into(),
            "/bench".into(),
            "/admin/audit".into(),
            "/admin/audit?action=test.".into(),
            format!("/bench/{afb1}"),
        ] {
            // The status first: a refused or broken page proves nothing about blindness.
            let res = client.get(&page);
            let expected = if crate::authz::may_get(role, &page) {
                200
            } else {
                403
            };
            assert_eq!(res.status, expected, "{key} GET {page}");
            assert!(
                !res.body.contains("3.1415"),
                "{key} sees the unverified value on {page}"
            );
        }
    }
    // Once a Kazakh reviewer verifies it, everybody who sees the sample sees the value.
    let reviewer = app.signed_in("reviewer_kz");
    let review = reviewer.get("/review");
    let version = field_value(&review.body, &format!("v_{}", rows[0].0)).unwrap();
    let res = reviewer.post_raw(
        "/review",
        &[
            ("csrf_token", &review.csrf_token()),
            ("test", &rows[0].0),
            (&format!("v_{}", rows[0].0), &version),
            ("action", "verify"),
        ],
    );
    assert_eq!(res.status, 303, "{}", res.body);
    assert!(
        app.signed_in("exporter")
            .get(&sample)
            .body
            .contains("3.1415")
    );
    assert!(
        app.signed_in("analyst_cn")
            .get(&sample)
            .body
            .contains("3.1415")
    );
}

#[test]
fn nobody_verifies_their_own_entry_even_by_a_direct_request() {
    let app = spawn_app();
    let (_, afb1) = received_samples(&app, 1);
    let analyst = app.signed_in("analyst_kz");
    let rows = rows(&analyst.get(&format!("/bench/{afb1}")));
    assert_eq!(enter(&analyst, &afb1, &[(&rows[0], "1.2")]).status, 303);
    // The analyst becomes a reviewer and tries to verify what they entered.
    let id = app.user("analyst_kz").id;
    diesel::update(users::table.find(id))
        .set(users::role.eq("reviewer"))
        .execute(&mut *app.conn())
        .unwrap();
    let me = app.signed_in("analyst_kz");
    let review = me.get("/review");
    assert!(
        !review.body.contains(&format!("value=\"{}\"", rows[0].0)),
        "own entry offered for verification"
    );
    let version = field_value(&review.body, &format!("v_{}", rows[0].0)).unwrap();
    let res = me.post_raw(
        "/review",
        &[
            ("csrf_token", &review.csrf_token()),
            ("test", &rows[0].0),
            (&format!("v_{}", rows[0].0), &version),
            ("action", "verify"),
        ],
    );
    assert_eq!(res.status, 422);
    assert!(res.body.contains(&en("review.own_entry")));
    assert_eq!(stored(&app, &rows[0].0).0, "entered");
    // The other side's reviewer cannot touch it either.
    let cn = app.signed_in("reviewer_cn");
    let token = cn.get("/review").csrf_token();
    let res = cn.post_raw(
        "/review",
        &[
            ("csrf_token", &token),
            ("test", &rows[0].0),
            (&format!("v_{}", rows[0].0), &version),
            ("action", "verify"),
        ],
    );
    assert_eq!(res.status, 404);
    assert_eq!(stored(&app, &rows[0].0).0, "entered");
}

#[test]
fn a_rejected_result_goes_back_to_the_bench_with_its_reason() {
    let app = spawn_app();
    let (_, afb1) = received_samples(&app, 1);
    let analyst = app.signed_in("analyst_kz");
    let rows = rows(&analyst.get(&format!("/bench/{afb1}")));
    assert_eq!(enter(&analyst, &afb1, &[(&rows[0], "2.5")]).status, 303);
    let reviewer = app.signed_in("reviewer_kz");
    let review = reviewer.get("/review");
    let version = field_value(&review.body, &format!("v_{}", rows[0].0)).unwrap();
    let v_field = format!("v_{}", rows[0].0);
    let base = [
        ("csrf_token", review.csrf_token()),
        ("test", rows[0].0.clone()),
        (v_field.as_str(), version.clone()),
        ("action", "reject".into()),
    ];
    let without_reason: Vec<(&str, &str)> = base.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(reviewer.post_raw("/review", &without_reason).status, 422);
    let mut with_reason = without_reason.clone();
    with_reason.push(("reason", "Recovery of the spiked control out of range"));
    assert_eq!(reviewer.post_raw("/review", &with_reason).status, 303);
    assert_eq!(stored(&app, &rows[0].0).0, "pending");
    assert!(
        analyst
            .get(&format!("/bench/{afb1}"))
            .body
            .contains("Recovery of the spiked control out of range")
    );
}

#[test]
fn the_second_of_two_analysts_saving_the_same_test_gets_a_conflict() {
    let app = spawn_app();
    let (_, afb1) = received_samples(&app, 1);
    let first = app.signed_in("analyst_kz");
    let rows = rows(&first.get(&format!("/bench/{afb1}")));
    assert_eq!(enter(&first, &afb1, &[(&rows[0], "1.1")]).status, 303);
    // A second analyst with the same (now stale) row.
    let second = app.signed_in("analyst_kz");
    let res = enter(&second, &afb1, &[(&rows[0], "9.9")]);
    assert_eq!(res.status, 409);
    assert!(res.body.contains(&en("bench.conflict")));
    assert_eq!(stored(&app, &rows[0].0).1.as_deref(), Some("1.1"));
}

/// Enters `value` for the first AFB1 row as analyst_kz and verifies it as reviewer_kz.
fn entered_and_verified(app: &TestApp, afb1: &str, value: &str) -> String {
    let analyst = app.signed_in("analyst_kz");
    let rows = rows(&analyst.get(&format!("/bench/{afb1}")));
    assert_eq!(enter(&analyst, afb1, &[(&rows[0], value)]).status, 303);
    let reviewer = app.signed_in("reviewer_kz");
    let review = reviewer.get("/review");
    let v = field_value(&review.body, &format!("v_{}", rows[0].0)).unwrap();
    let res = reviewer.post_raw(
        "/review",
        &[
            ("csrf_token", &review.csrf_token()),
            ("test", &rows[0].0),
            (&format!("v_{}", rows[0].0), &v),
            ("action", "verify"),
        ],
    );
    assert_eq!(res.status, 303);
    rows[0].0.clone()
}

#[test]
fn invalidating_a_verified_result_puts_a_linked_retest_on_the_bench() {
    let app = spawn_app();
    let (samples, afb1) = received_samples(&app, 1);
    let verified = entered_and_verified(&app, &afb1, "2.2");
    let reviewer = app.signed_in("reviewer_kz");
    let manage = format!("/samples/{}/tests", samples[0]);
    let page = reviewer.get(&manage);
    assert_eq!(page.status, 200);
    let version = field_value(
        &page.body[page
            .body
            .find(&format!("/tests/{verified}/invalidate"))
            .unwrap()..],
        "version",
    )
    .unwrap();
    // A reason is required, and the form keeps what was typed.
    let res = reviewer.post_from(
        &manage,
        &format!("/tests/{verified}/invalidate"),
        &[("version", &version), ("reason", " ")],
    );
    assert_eq!(res.status, 422);
    // Invalidation cannot be undone: the first post asks for confirmation and changes nothing.
    let ask = reviewer.post_from(
        &manage,
        &format!("/tests/{verified}/invalidate"),
        &[
            ("version", &version),
            ("reason", "Calibration standard expired"),
        ],
    );
    assert_eq!(ask.status, 200);
    assert!(ask.body.contains(r#"name="confirm" value="yes""#));
    assert!(ask.body.contains("Calibration standard expired"));
    assert_eq!(stored(&app, &verified).0, "verified");
    let res = reviewer.post_from(
        &manage,
        &format!("/tests/{verified}/invalidate"),
        &[
            ("version", &version),
            ("reason", "Calibration standard expired"),
            ("confirm", "yes"),
        ],
    );
    assert_eq!(res.status, 303);
    assert_eq!(stored(&app, &verified).0, "invalidated");
    let id: jointlab::models::lab_test::LabTestId = verified.parse().unwrap();
    let retest: (String, Option<String>) = tests::table
        .filter(tests::retest_of.eq(Some(id)))
        .select((tests::status, tests::value))
        .first(&mut *app.conn())
        .unwrap();
    assert_eq!(retest, ("pending".into(), None));
    // The verified value itself was never edited.
    assert_eq!(stored(&app, &verified).1.as_deref(), Some("2.2"));
    // Invalidating twice is refused.
    let res = reviewer.post_from(
        &manage,
        &format!("/tests/{verified}/invalidate"),
        &[
            ("version", &version),
            ("reason", "again"),
            ("confirm", "yes"),
        ],
    );
    assert!(matches!(res.status, 409 | 422), "{}", res.status);
}

#[test]
fn reviewers_add_and_remove_their_sides_tests_with_a_reason() {
    let app = spawn_app();
    let (samples, afb1) = received_samples(&app, 1);
    let reviewer = app.signed_in("reviewer_kz");
    let manage = format!("/samples/{}/tests", samples[0]);
    // Adding a test the side already runs is refused; removing a pending one works.
    let res = reviewer.post_from(
        &manage,
        &manage,
        &[("method", &afb1), ("reason", "Exporter asked")],
    );
    // A method already on the bench: the same answer as losing a race to add it (409).
    assert_eq!(res.status, 409);
    assert!(res.body.contains(&en("form.stale")));
    let analyst = app.signed_in("analyst_kz");
    let rows = rows(&analyst.get(&format!("/bench/{afb1}")));
    let res = reviewer.post_from(
        &manage,
        &format!("/tests/{}/remove", rows[0].0),
        &[
            ("version", &rows[0].1),
            ("reason", "Not required by the importer"),
        ],
    );
    assert_eq!(res.status, 303);
    assert_eq!(stored(&app, &rows[0].0).0, "removed");
    let res = reviewer.post_from(
        &manage,
        &manage,
        &[("method", &afb1), ("reason", "Importer asked again")],
    );
    assert_eq!(res.status, 303);
    assert!(rows_of(&app, "kz", "pending") > 0);
    // The other side's reviewer cannot touch these tests; analysts cannot manage tests.
    let cn = app.signed_in("reviewer_cn");
    assert_eq!(
        cn.post_from(
            &manage,
            &format!("/tests/{}/remove", rows[0].0),
            &[("version", "2"), ("reason", "x")]
        )
        .status,
        404
    );
    assert_eq!(analyst.get(&manage).status, 403);
}

#[test]
fn each_side_sees_its_own_dashboard_on_its_home_page() {
    let app = spawn_app();
    let (_, afb1) = received_samples(&app, 2);
    let analyst = app.signed_in("analyst_kz");
    let rows = rows(&analyst.get(&format!("/bench/{afb1}")));
    assert_eq!(enter(&analyst, &afb1, &[(&rows[0], "1")]).status, 303);
    let tile = |n: i64, key: &str| {
        let words = tn(Lang::En, key, n, &[]);
        format!("<span class=\"n\">{n}</span> {}", html(&words))
    };
    let kz_pending = rows_of(&app, "kz", "pending");
    let cn_pending = rows_of(&app, "cn", "pending");
    let kz = app.signed_in("reviewer_kz").get("/").body;
    assert!(kz.contains(&tile(kz_pending, "dashboard.on_bench")), "{kz}");
    assert!(kz.contains(&tile(1, "dashboard.to_review")));
    assert!(
        kz.contains("<span class=\"n\">1</span> result to review"),
        "{kz}"
    );
    let russian = app.signed_in("reviewer_kz").get("/?lang=ru").body;
    assert!(
        russian.contains("<span class=\"n\">1</span> результат на проверке"),
        "{russian}"
    );
    let cn = app.signed_in("analyst_cn").get("/").body;
    assert!(cn.contains(&tile(cn_pending, "dashboard.on_bench")));
    assert!(
        cn.contains(&tile(0, "dashboard.to_review")),
        "the other side's entry leaks into the count"
    );
    assert!(
        !app.signed_in("exporter")
            .get("/")
            .body
            .contains(&en("dashboard.title"))
    );
}

#[test]
fn sample_and_consignment_are_tested_when_every_test_of_both_sides_is_verified() {
    use jointlab::db::schema::{consignments, samples};
    let app = spawn_app();
    let (samples_, _) = received_samples(&app, 1);
    let sample: jointlab::models::sample::SampleId = samples_[0].parse().unwrap();
    let status = |app: &TestApp| -> (String, String) {
        let s: String = samples::table
            .find(sample)
            .select(samples::status)
            .first(&mut *app.conn())
            .unwrap();
        let c: String = consignments::table
            .select(consignments::status)
            .first(&mut *app.conn())
            .unwrap();
        (s, c)
    };
    assert_eq!(status(&app), ("received".into(), "sampled".into()));
    // Enter and verify every test of both sides, method by method.
    for side in ["kz", "cn"] {
        let analyst = app.signed_in(&format!("analyst_{side}"));
        let reviewer = app.signed_in(&format!("reviewer_{side}"));
        let methods: Vec<jointlab::models::TestMethodId> = tests::table
            .filter(tests::side.eq(side))
            .select(tests::test_method_id)
            .load(&mut *app.conn())
            .unwrap();
        for method in methods {
            let path = format!("/bench/{method}");
            let page = analyst.get(&path);
            let qualitative = page.body.contains("<select id=\"r_");
            let rows = rows(&page);
            let value = if qualitative { "not_detected" } else { "nd" };
            assert_eq!(
                enter(&analyst, &method.to_string(), &[(&rows[0], value)]).status,
                303
            );
            let review = reviewer.get("/review");
            let v = field_value(&review.body, &format!("v_{}", rows[0].0)).unwrap();
            let res = reviewer.post_raw(
                "/review",
                &[
                    ("csrf_token", &review.csrf_token()),
                    ("test", &rows[0].0),
                    (&format!("v_{}", rows[0].0), &v),
                    ("action", "verify"),
                ],
            );
            assert_eq!(res.status, 303);
        }
        if side == "kz" {
            assert_eq!(status(&app), ("in_testing".into(), "in_testing".into()));
        }
    }
    assert_eq!(status(&app), ("tested".into(), "tested".into()));
}
