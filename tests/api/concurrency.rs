//! Every state change, raced: N identical requests in parallel → exactly one done (303), the
//! rest 409, none 500, one audit event, no duplicate row — on SQLite and on PostgreSQL.

use diesel::prelude::*;
use jointlab::db::schema::{audit_events, consignments, sample_portions, samples, tests};

use crate::helpers::{
    Resp, TestApp, another_application, field_value, new_sample, race, received_samples, spawn_app,
};

/// Exactly one request did it; every other one was told someone else did first.
fn one_done_rest_conflict(answers: &[Resp]) {
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
}

fn events(app: &TestApp, action: &str) -> i64 {
    audit_events::table
        .filter(audit_events::action.eq(action))
        .count()
        .get_result(&mut *app.conn())
        .unwrap()
}

fn sample_version(app: &TestApp, sample: &str) -> String {
    field_value(
        &app.signed_in("registrar_kz")
            .get(&format!("/samples/{sample}"))
            .body,
        "version",
    )
    .unwrap()
}

#[test]
fn eight_registrars_accepting_one_application_make_one_consignment() {
    let app = spawn_app();
    received_samples(&app, 0);
    let before: i64 = consignments::table
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    let application = another_application(&app);
    let page = format!("/applications/{}", application.id);
    let statuses = race(
        &app,
        "registrar_kz",
        8,
        &page,
        &format!("{page}/accept"),
        &[("version", "1")],
    );
    one_done_rest_conflict(&statuses);
    let after: i64 = consignments::table
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(after, before + 1);
    assert_eq!(events(&app, "application.accepted"), 2);
}

#[test]
fn six_reviewers_invalidating_one_result_make_one_retest() {
    let app = spawn_app();
    let (samples, afb1) = received_samples(&app, 1);
    let analyst = app.signed_in("analyst_kz");
    let bench = analyst.get(&format!("/bench/{afb1}"));
    let test = bench
        .body
        .split("name=\"r_")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let v = field_value(&bench.body, &format!("v_{test}")).unwrap();
    let res = analyst.post_raw(
        &format!("/bench/{afb1}"),
        &[
            ("csrf_token", &bench.csrf_token()),
            (&format!("r_{test}"), "2.2"),
            (&format!("v_{test}"), &v),
        ],
    );
    assert_eq!(res.status, 303);
    let reviewer = app.signed_in("reviewer_kz");
    let review = reviewer.get("/review");
    let v = field_value(&review.body, &format!("v_{test}")).unwrap();
    let statuses = race(
        &app,
        "reviewer_kz",
        6,
        "/review",
        "/review",
        &[
            ("test", &test),
            (&format!("v_{test}"), &v),
            ("action", "verify"),
        ],
    );
    one_done_rest_conflict(&statuses);
    assert_eq!(events(&app, "test.verified"), 1);

    let manage = format!("/samples/{}/tests", samples[0]);
    let version = (v.parse::<i32>().unwrap() + 1).to_string();
    let statuses = race(
        &app,
        "reviewer_kz",
        6,
        &manage,
        &format!("/tests/{test}/invalidate"),
        &[
            ("version", &version),
            ("reason", "Calibration expired"),
            ("confirm", "yes"),
        ],
    );
    one_done_rest_conflict(&statuses);
    let id: jointlab::models::lab_test::LabTestId = test.parse().unwrap();
    let retests: i64 = tests::table
        .filter(tests::retest_of.eq(Some(id)))
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(retests, 1);
    assert_eq!(events(&app, "test.invalidated"), 1);
}

#[test]
fn eight_parallel_adds_of_one_method_make_one_test() {
    let app = spawn_app();
    let (samples, _) = received_samples(&app, 1);
    let method: jointlab::models::TestMethodId = jointlab::db::schema::test_methods::table
        .filter(jointlab::db::schema::test_methods::code.eq("PB"))
        .select(jointlab::db::schema::test_methods::id)
        .first(&mut *app.conn())
        .unwrap();
    let live = |app: &TestApp| -> i64 {
        tests::table
            .filter(tests::test_method_id.eq(method))
            .filter(tests::side.eq("kz"))
            .filter(tests::status.eq("pending"))
            .count()
            .get_result(&mut *app.conn())
            .unwrap()
    };
    let before = live(&app);
    // Take the method off the bench first if the panel holds it, so the adds have work to do.
    assert!(before <= 1);
    if before == 1 {
        diesel::update(
            tests::table
                .filter(tests::test_method_id.eq(method))
                .filter(tests::side.eq("kz")),
        )
        .set(tests::status.eq("removed"))
        .execute(&mut *app.conn())
        .unwrap();
    }
    let manage = format!("/samples/{}/tests", samples[0]);
    let method = method.to_string();
    let statuses = race(
        &app,
        "reviewer_kz",
        8,
        &manage,
        &manage,
        &[("method", &method), ("reason", "Exporter asked")],
    );
    one_done_rest_conflict(&statuses);
    let method: jointlab::models::TestMethodId = method.parse().unwrap();
    let _ = method;
    assert_eq!(events(&app, "test.added"), 1);
}

#[test]
fn custody_steps_raced_are_done_once() {
    let app = spawn_app();
    let (_, _) = received_samples(&app, 0);
    let register = |seal: &str| new_sample(&app, seal);
    // Hand-over of the counter-sample.
    let sample = register("RACE-1");
    let page = format!("/samples/{sample}");
    let v = sample_version(&app, &sample);
    one_done_rest_conflict(&race(
        &app,
        "registrar_kz",
        8,
        &page,
        &format!("{page}/handover"),
        &[("version", &v), ("portion", "counter")],
    ));
    assert_eq!(events(&app, "sample.handed_over"), 1);
    // Receipt of the Kazakh portion.
    let v = sample_version(&app, &sample);
    one_done_rest_conflict(&race(
        &app,
        "registrar_kz",
        8,
        &page,
        &format!("{page}/receipt"),
        &[
            ("version", &v),
            ("portion", "kz"),
            ("seal_intact", "yes"),
            ("decision", "accept"),
        ],
    ));
    assert_eq!(events(&app, "sample.portion_received"), 1);
    // Disposal of the counter-sample (no discrepancy is open).
    let v = sample_version(&app, &sample);
    one_done_rest_conflict(&race(
        &app,
        "registrar_kz",
        8,
        &page,
        &format!("{page}/dispose"),
        &[
            ("version", &v),
            ("portion", "counter"),
            ("reason", "Not needed"),
            ("confirm", "yes"),
        ],
    ));
    assert_eq!(events(&app, "sample.portion_disposed"), 1);
    // Cancellation of a fresh sample.
    let fresh = register("RACE-2");
    let page = format!("/samples/{fresh}");
    let v = sample_version(&app, &fresh);
    one_done_rest_conflict(&race(
        &app,
        "registrar_cn",
        8,
        &page,
        &format!("{page}/cancel"),
        &[("version", &v), ("reason", "Twice"), ("confirm", "yes")],
    ));
    assert_eq!(events(&app, "sample.cancelled"), 1);
    let disposed: i64 = sample_portions::table
        .filter(sample_portions::status.eq("disposed"))
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(disposed, 1);
    let cancelled: i64 = samples::table
        .filter(samples::status.eq("cancelled"))
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(cancelled, 1);
}

#[test]
fn eight_administrators_deactivating_one_account_deactivate_it_once() {
    let app = spawn_app();
    let target = app.user("auditor_cn").id;
    let page = format!("/admin/users/{target}");
    let statuses = race(&app, "admin", 8, &page, &format!("{page}/deactivate"), &[]);
    one_done_rest_conflict(&statuses);
    assert_eq!(events(&app, "user.deactivated"), 1);
}

/// The first pending AFB1 row of `side`'s bench: (test id, version).
fn afb1_row(app: &TestApp, side: &str, afb1: &str) -> (String, String) {
    let bench = app
        .signed_in(&format!("analyst_{side}"))
        .get(&format!("/bench/{afb1}"));
    let test = bench
        .body
        .split("name=\"r_")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let version = field_value(&bench.body, &format!("v_{test}")).unwrap();
    (test, version)
}

#[test]
fn results_entered_rejected_and_removed_in_parallel_are_done_once() {
    let app = spawn_app();
    let (samples, afb1) = received_samples(&app, 1);
    // Eight analysts' tabs save the same value for one test: one saves, seven conflict.
    let (test, v) = afb1_row(&app, "kz", &afb1);
    let bench = format!("/bench/{afb1}");
    let statuses = race(
        &app,
        "analyst_kz",
        8,
        &bench,
        &bench,
        &[(&format!("r_{test}"), "2.5"), (&format!("v_{test}"), &v)],
    );
    one_done_rest_conflict(&statuses);
    assert_eq!(events(&app, "test.entered"), 1);
    // Six reviewers' tabs send it back at once: one rejection.
    let review = app.signed_in("reviewer_kz").get("/review");
    let v = field_value(&review.body, &format!("v_{test}")).unwrap();
    let statuses = race(
        &app,
        "reviewer_kz",
        6,
        "/review",
        "/review",
        &[
            ("test", &test),
            (&format!("v_{test}"), &v),
            ("action", "reject"),
            ("reason", "Recalculate"),
        ],
    );
    one_done_rest_conflict(&statuses);
    assert_eq!(events(&app, "test.rejected"), 1);
    // Six reviewers remove the same pending test: one removal.
    let manage = format!("/samples/{}/tests", samples[0]);
    let page = app.signed_in("reviewer_kz").get(&manage);
    let at = page
        .body
        .find(&format!("/tests/{test}/remove"))
        .expect("removal offered");
    let v = field_value(&page.body[at..], "version").unwrap();
    let statuses = race(
        &app,
        "reviewer_kz",
        6,
        &manage,
        &format!("/tests/{test}/remove"),
        &[("version", &v), ("reason", "Not needed")],
    );
    one_done_rest_conflict(&statuses);
    assert_eq!(events(&app, "test.removed"), 1);
}

#[test]
fn parallel_returns_of_one_application_return_it_once() {
    let app = spawn_app();
    received_samples(&app, 0);
    let application = another_application(&app);
    let page = format!("/applications/{}", application.id);
    let statuses = race(
        &app,
        "registrar_cn",
        8,
        &page,
        &format!("{page}/return"),
        &[
            ("version", "1"),
            ("reason", "Missing veterinary certificate"),
        ],
    );
    one_done_rest_conflict(&statuses);
    assert_eq!(events(&app, "application.returned"), 1);
}

#[test]
fn parallel_resolutions_of_one_side_are_recorded_once() {
    let app = spawn_app();
    let (samples, afb1) = received_samples(&app, 1);
    for (side, value) in [("kz", "4"), ("cn", "6")] {
        let (test, v) = afb1_row(&app, side, &afb1);
        let analyst = app.signed_in(&format!("analyst_{side}"));
        let bench = format!("/bench/{afb1}");
        let res = analyst.post_from(
            &bench,
            &bench,
            &[(&format!("r_{test}"), value), (&format!("v_{test}"), &v)],
        );
        assert_eq!(res.status, 303);
        let reviewer = app.signed_in(&format!("reviewer_{side}"));
        let review = reviewer.get("/review");
        let v = field_value(&review.body, &format!("v_{test}")).unwrap();
        let res = reviewer.post_from(
            "/review",
            "/review",
            &[
                ("test", &test),
                (&format!("v_{test}"), &v),
                ("action", "verify"),
            ],
        );
        assert_eq!(res.status, 303);
    }
    let sample = &samples[0];
    let page = format!("/samples/{sample}");
    let body = app.signed_in("reviewer_kz").get(&page).body;
    let action = body
        .split("action=\"")
        .find(|a| a.contains("/resolve\""))
        .and_then(|a| a.split('"').next())
        .expect("resolution form")
        .to_owned();
    let v = field_value(&body[body.find(&action).unwrap()..], "version").unwrap();
    let statuses = race(
        &app,
        "reviewer_kz",
        6,
        &page,
        &action,
        &[
            ("version", &v),
            ("outcome", "accept_kz"),
            ("reason", "Ours stands"),
        ],
    );
    one_done_rest_conflict(&statuses);
    assert_eq!(events(&app, "discrepancy.resolution_recorded"), 1);
}

#[test]
fn eight_parallel_revocations_of_one_api_token_revoke_it_once() {
    let app = spawn_app();
    let secret = crate::api_v1::create_token(&app, "registrar_kz", "read");
    let page = app.signed_in("registrar_kz").get("/account").body;
    let action = page
        .split("action=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .find(|a| a.starts_with("/account/tokens/") && a.ends_with("/revoke"))
        .expect("a revoke button")
        .to_owned();
    let answers = race(&app, "registrar_kz", 8, "/account", &action, &[]);
    // Revoking is idempotent for its owner: each request ends on the account page, none fails.
    let statuses: Vec<u16> = answers.iter().map(|r| r.status).collect();
    assert!(statuses.iter().all(|s| *s == 303), "{statuses:?}");
    assert_eq!(events(&app, "api_token.revoked"), 1);
    let revoked: i64 = jointlab::db::schema::api_tokens::table
        .filter(jointlab::db::schema::api_tokens::revoked_at.is_not_null())
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(revoked, 1);
    let api = app.client().get_with_header(
        "/api/v1/consignments",
        "authorization",
        &format!("Bearer {secret}"),
    );
    assert_eq!(api.status, 401);
}
