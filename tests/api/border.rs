//! Border checks: an inspector records released / held / refused at his post; the warnings
//! that stop him (a second release, another post or transport mode, a revoked certificate);
//! one release per certificate, also under parallel requests; who sees the history; the post
//! page.
//!
//! Refusals, as designed: a form with a field error, unconfirmed warnings or a release the
//! rules forbid (a second release, a revoked, replaced or expired certificate, a notice) comes
//! back 422 with the message and what was typed; a form made stale by a check recorded since
//! it was loaded — among parallel identical releases, all but the first — is 409.

use diesel::prelude::*;
use jointlab::db::schema::{audit_events, border_checks, consignments};
use jointlab::domain::{DisplayName, Email, Role};
use jointlab::i18n::Lang;
use jointlab::models::user::Account;
use jointlab::models::{Actor, BorderPost, User};

use crate::certificates::{issued, row};
use crate::helpers::{ACCOUNTS, Client, Resp, TestApp, en, field_value, race, spawn_app};

/// Another inspector, at the post `code`, signed in.
fn inspector_at(app: &TestApp, key: &str, code: &str) -> Client {
    let mut conn = app.conn();
    let post = BorderPost::find_by_code(&mut conn, code).unwrap().unwrap();
    let change = jointlab::workflows::apply_on(&mut conn, |conn| {
        let account = Account::new(
            Email::parse(&format!("{key}@test.jointlab.local")).unwrap(),
            DisplayName::parse(&format!("Test {key}")).unwrap(),
            Role::Inspector,
            None,
            None,
            Some(post.id),
            Lang::En,
        )
        .unwrap();
        let hash = jointlab::auth::password::hash(crate::helpers::PASSWORD);
        jointlab::workflows::accounts::create(conn, &Actor::system("test"), &account, &hash, false)
    })
    .unwrap();
    let user: User = match change {
        jointlab::workflows::Change::Done(user) => user,
        other => panic!("{other:?}"),
    };
    drop(conn);
    let client = app.client();
    assert_eq!(
        client.login(&user.email, crate::helpers::PASSWORD).status,
        303
    );
    client
}

fn page(id: &str) -> String {
    format!("/certificates/{id}")
}

fn action(id: &str) -> String {
    format!("/certificates/{id}/border-checks")
}

/// Sends the border-check form of the certificate's page as `client` fills it: the page's
/// hidden fields, and `fields`.
fn check(client: &Client, id: &str, fields: &[(&str, &str)]) -> Resp {
    let form = client.get(&page(id));
    assert_eq!(form.status, 200, "{}", form.body);
    let seen = field_value(&form.body, "seen_checks").expect("the page offers the form");
    let shown = field_value(&form.body, "shown").unwrap_or_default();
    let mut all = vec![("seen_checks", seen.as_str()), ("shown", shown.as_str())];
    all.extend_from_slice(fields);
    client.post_from(&page(id), &action(id), &all)
}

fn checks(app: &TestApp, outcome: &str) -> i64 {
    border_checks::table
        .filter(border_checks::outcome.eq(outcome))
        .count()
        .get_result(&mut *app.conn())
        .unwrap()
}

fn events(app: &TestApp) -> i64 {
    audit_events::table
        .filter(audit_events::action.eq("border_check.recorded"))
        .count()
        .get_result(&mut *app.conn())
        .unwrap()
}

const RELEASE: &[(&str, &str)] = &[("outcome", "released"), ("observed_transport", "rail")];

#[test]
fn an_inspector_sees_the_results_and_records_a_release_at_his_post() {
    let app = spawn_app();
    let id = issued(&app);
    let inspector = app.signed_in("inspector");

    let form = inspector.get(&page(&id));
    let res = check(&inspector, &id, RELEASE);
    let after = inspector.get(&format!("{}?recorded=1", page(&id)));

    assert_eq!(form.status, 200);
    assert!(form.body.contains(&en("certification.results")));
    assert!(form.body.contains("value=\"released\""));
    assert!(
        !form.body.contains("name=\"post\""),
        "the post is never chosen"
    );
    assert!(
        !form.body.contains(&en("border.acknowledge")),
        "no warning, no box"
    );
    assert_eq!(res.status, 303, "{}", res.body);
    assert!(after.body.contains(&en("border.recorded")));
    assert!(after.body.contains(&en("border.outcome.released")));
    assert!(after.body.contains("Nur Zholy"));
    assert_eq!(checks(&app, "released"), 1);
    assert_eq!(events(&app), 1);
    let post: jointlab::db::ids::BorderPostId = border_checks::table
        .select(border_checks::post_id)
        .first(&mut *app.conn())
        .unwrap();
    assert_eq!(Some(post), app.user("inspector").border_post_id);
}

#[test]
fn a_second_release_at_another_post_is_warned_refused_and_only_a_hold_is_recorded() {
    let app = spawn_app();
    let id = issued(&app);
    assert_eq!(check(&app.signed_in("inspector"), &id, RELEASE).status, 303);
    let dostyk = inspector_at(&app, "inspector.dst", "DST");

    let form = dostyk.get(&page(&id));
    let unconfirmed_release = check(&dostyk, &id, RELEASE);
    let confirmed_release = check(
        &dostyk,
        &id,
        &[
            ("outcome", "released"),
            ("observed_transport", "rail"),
            ("acknowledged", "yes"),
        ],
    );
    let unconfirmed_hold = check(
        &dostyk,
        &id,
        &[
            ("outcome", "held"),
            ("observed_transport", "rail"),
            ("note", "Second presentation of the same paper"),
        ],
    );
    let hold = check(
        &dostyk,
        &id,
        &[
            ("outcome", "held"),
            ("observed_transport", "rail"),
            ("note", "Second presentation of the same paper"),
            ("acknowledged", "yes"),
        ],
    );

    assert!(
        form.body.contains("Already released at Nur Zholy"),
        "{}",
        form.body
    );
    assert!(form.body.contains("Border post declared: Nur Zholy"));
    assert!(
        !form.body.contains("value=\"released\""),
        "a second release is not offered"
    );
    assert!(form.body.contains(&en("border.acknowledge")));
    for res in [&unconfirmed_release, &confirmed_release] {
        assert_eq!(res.status, 422);
        assert!(res.body.contains(&en("border.already_released")));
    }
    assert_eq!(unconfirmed_hold.status, 422);
    assert!(
        unconfirmed_hold
            .body
            .contains(&en("border.acknowledge_required"))
    );
    assert!(unconfirmed_hold.body.contains("acknowledged-error"));
    assert!(
        unconfirmed_hold
            .body
            .contains("Second presentation of the same paper")
    );
    assert_eq!(hold.status, 303, "{}", hold.body);
    assert_eq!(checks(&app, "released"), 1);
    assert_eq!(checks(&app, "held"), 1);
    let warnings: String = border_checks::table
        .filter(border_checks::outcome.eq("held"))
        .select(border_checks::warnings)
        .first(&mut *app.conn())
        .unwrap();
    assert_eq!(warnings, "released_elsewhere,other_post");
}

#[test]
fn another_transport_mode_than_declared_must_be_confirmed() {
    let app = spawn_app();
    let id = issued(&app);
    let inspector = app.signed_in("inspector");

    let road = check(
        &inspector,
        &id,
        &[("outcome", "released"), ("observed_transport", "road")],
    );
    let shown = field_value(&road.body, "shown").unwrap();
    let seen = field_value(&road.body, "seen_checks").unwrap();
    let confirmed = inspector.post_from(
        &page(&id),
        &action(&id),
        &[
            ("outcome", "released"),
            ("observed_transport", "road"),
            ("acknowledged", "yes"),
            ("shown", &shown),
            ("seen_checks", &seen),
        ],
    );

    assert_eq!(road.status, 422);
    assert!(road.body.contains("Transport mode declared: Rail"));
    assert_eq!(shown, "other_transport");
    assert_eq!(confirmed.status, 303, "{}", confirmed.body);
}

#[test]
fn holding_needs_a_note_and_refusing_without_one_comes_back_with_the_message() {
    let app = spawn_app();
    let id = issued(&app);
    let inspector = app.signed_in("inspector");

    let refused = check(
        &inspector,
        &id,
        &[("outcome", "refused"), ("observed_transport", "rail")],
    );
    let held = check(
        &inspector,
        &id,
        &[
            ("outcome", "held"),
            ("observed_transport", "rail"),
            ("note", "Seal of wagon 3 damaged; waiting for the lab."),
        ],
    );

    assert_eq!(refused.status, 422);
    assert!(refused.body.contains(&en("border.note_required")));
    assert!(refused.body.contains("note-error"));
    assert!(refused.body.contains("value=\"refused\" checked"));
    assert_eq!(held.status, 303, "{}", held.body);
    assert_eq!(checks(&app, "refused"), 0);
    assert_eq!(checks(&app, "held"), 1);
}

#[test]
fn only_inspectors_record_checks_and_open_the_post_page() {
    let app = spawn_app();
    let id = issued(&app);

    for (key, role, _) in ACCOUNTS {
        if *role == Role::Inspector {
            continue;
        }
        let client = app.signed_in(key);
        let token = client.get("/account").csrf_token();
        let res = client.post_raw(
            &action(&id),
            &[
                ("csrf_token", &token),
                ("outcome", "released"),
                ("observed_transport", "rail"),
                ("seen_checks", "0"),
            ],
        );
        assert_eq!(res.status, 403, "{key}");
        assert_eq!(client.get("/post").status, 403, "{key}");
    }
    assert_eq!(checks(&app, "released"), 0);
}

#[test]
fn the_exporter_sees_his_certificates_checks_and_another_exporter_gets_404() {
    let app = spawn_app();
    let id = issued(&app);
    let note = "Held for a phytosanitary inspection of wagon 7.";
    let res = check(
        &app.signed_in("inspector"),
        &id,
        &[
            ("outcome", "held"),
            ("observed_transport", "rail"),
            ("note", note),
        ],
    );
    assert_eq!(res.status, 303);

    let own = app.signed_in("exporter").get(&page(&id));
    let other = app.signed_in("exporter_b").get(&page(&id));
    let certifier = app.signed_in("certifier_kz").get(&page(&id));

    assert_eq!(own.status, 200);
    assert!(own.body.contains(&en("border.history")));
    assert!(own.body.contains(&en("border.outcome.held")) && own.body.contains(note));
    assert!(
        !own.body.contains("Test inspector"),
        "exporters do not see inspectors' names"
    );
    assert!(
        !own.body.contains("border-checks\" class=\"form"),
        "no form for the exporter"
    );
    assert_eq!(other.status, 404);
    assert!(certifier.body.contains(note) && certifier.body.contains("Test inspector"));
    // The consignment's timeline tells the exporter too, naming the post, never the inspector.
    let consignment: String = {
        use diesel::prelude::*;
        use jointlab::db::schema::certificates;
        let cid: jointlab::db::ids::CertificateId = id.parse().unwrap();
        certificates::table
            .find(cid)
            .select(certificates::consignment_id)
            .first::<jointlab::db::ids::ConsignmentId>(&mut *app.conn())
            .unwrap()
            .to_string()
    };
    let desk = app
        .signed_in("exporter")
        .get(&format!("/consignments/{consignment}"));
    assert!(
        desk.body.contains(&en("timeline.party.border")),
        "{}",
        desk.body
    );
    assert!(desk.body.contains("border post: certificate KZCN-PC-"));
    assert!(desk.body.contains(&en("border.outcome.held")));
    assert!(!desk.body.contains("Test inspector"));
}

#[test]
fn a_revoked_certificate_is_never_released_but_may_be_refused() {
    let app = spawn_app();
    let id = issued(&app);
    let cn = app.signed_in("certifier_cn");
    let version = field_value(&cn.get(&page(&id)).body, "version").unwrap();
    let res = cn.post_from(
        &page(&id),
        &format!("{}/revoke", page(&id)),
        &[
            ("version", &version),
            ("reason", "Seal broken"),
            ("confirm", "yes"),
        ],
    );
    assert_eq!(res.status, 303);
    let inspector = app.signed_in("inspector");

    let form = inspector.get(&page(&id));
    let release = check(
        &inspector,
        &id,
        &[
            ("outcome", "released"),
            ("observed_transport", "rail"),
            ("acknowledged", "yes"),
        ],
    );
    let refuse = check(
        &inspector,
        &id,
        &[
            ("outcome", "refused"),
            ("observed_transport", "rail"),
            ("note", "Certificate revoked"),
            ("acknowledged", "yes"),
        ],
    );

    assert!(form.body.contains("REVOKED: this certificate was revoked"));
    assert!(!form.body.contains("value=\"released\""));
    assert_eq!(release.status, 422);
    assert!(release.body.contains(&en("border.not_releasable")));
    assert_eq!(refuse.status, 303, "{}", refuse.body);
    assert_eq!(checks(&app, "released"), 0);
    assert_eq!(checks(&app, "refused"), 1);
}

#[test]
fn parallel_identical_releases_record_one_and_the_rest_are_stale() {
    let app = spawn_app();
    let id = issued(&app);

    let answers = race(
        &app,
        "inspector",
        6,
        &page(&id),
        &action(&id),
        &[
            ("outcome", "released"),
            ("observed_transport", "rail"),
            ("seen_checks", "0"),
            ("shown", ""),
        ],
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
    assert_eq!(checks(&app, "released"), 1);
    assert_eq!(events(&app), 1);
}

#[test]
fn the_post_page_lists_the_consignment_expected_and_what_was_checked_today() {
    let app = spawn_app();
    let id = issued(&app);
    let today = chrono::Utc::now().format("%Y-%m-%d").to_string();
    diesel::update(consignments::table)
        .set(consignments::planned_date.eq(&today))
        .execute(&mut *app.conn())
        .unwrap();
    let (_, number, _, _) = row(&app, &id);
    let number = number.unwrap();
    let inspector = app.signed_in("inspector");

    let before = inspector.get("/post");
    let home = inspector.get("/");
    assert_eq!(check(&inspector, &id, RELEASE).status, 303);
    let after = inspector.get("/post");

    assert_eq!(before.status, 200);
    assert!(before.body.contains("Test Grain LLP") && before.body.contains(&number));
    assert!(
        before
            .body
            .contains(&format!("/certificates/{id}#border-check"))
    );
    assert!(before.body.contains(&en("border.none_today")));
    assert!(home.body.contains("href=\"/post#expected\""));
    assert!(after.body.contains(&en("border.outcome.released")));
    assert!(after.body.contains("Released at Nur Zholy"));
    assert!(!after.body.contains(&en("border.none_today")));
}

#[test]
fn the_verdict_page_leads_a_signed_in_inspector_to_the_border_check() {
    let app = spawn_app();
    let id = issued(&app);
    let (_, _, token, _) = row(&app, &id);
    let path = format!("/v/{}", token.unwrap());

    let inspector = app.signed_in("inspector").get(&path);
    let visitor = app.client().get(&path);
    let exporter = app.signed_in("exporter").get(&path);

    assert!(
        inspector
            .body
            .contains(&format!("/certificates/{id}#border-check"))
    );
    assert!(!visitor.body.contains("/certificates/"));
    assert!(!exporter.body.contains(&en("border.check_link")));
}

#[test]
fn the_demo_has_checks_in_every_outcome_and_a_released_certificate_warns_at_another_post() {
    let app = spawn_app();
    app.cli(&["seed-demo", "--password", "border-demo-password-1"])
        .unwrap();
    app.cli(&["seed-demo", "--password", "border-demo-password-1"])
        .unwrap();

    let released: jointlab::db::ids::CertificateId = border_checks::table
        .filter(border_checks::outcome.eq("released"))
        .select(border_checks::certificate_id)
        .first(&mut *app.conn())
        .unwrap();
    let scan = app.signed_in("inspector").get(&page(&released.to_string()));

    assert_eq!(
        (
            checks(&app, "released"),
            checks(&app, "held"),
            checks(&app, "refused")
        ),
        (1, 2, 1),
        "seeded once, in every outcome"
    );
    assert!(
        scan.body.contains("Already released at Altynkol"),
        "{}",
        scan.body
    );
    assert!(!scan.body.contains("value=\"released\""));
}
