//! Discrepancies between the labs: flagged when both sides' verified results of a method
//! disagree on conformity, shown on the sample page to both sides, resolved once a reviewer
//! of each side has recorded a resolution.

use diesel::prelude::*;
use jointlab::db::schema::{audit_events, discrepancies, limit_sets, limits, test_methods, tests};
use jointlab::models::discrepancy::{self, DiscrepancyId};
use jointlab::models::lab_test::LabTestId;
use jointlab::models::sample::SampleId;

use crate::helpers::received_samples;
use crate::helpers::*;
use crate::testing::{enter, rows, stored};

/// The id of `side`'s AFB1 test of a sample.
fn afb1_test(app: &TestApp, sample: &str, side: &str) -> String {
    afb1_in(app, sample, side, None)
}

/// The id of `side`'s AFB1 test of a sample in `status` (any, when `status` is `None`).
fn afb1_in(app: &TestApp, sample: &str, side: &str, status: Option<&str>) -> String {
    let sample: SampleId = sample.parse().unwrap();
    let mut query = tests::table
        .inner_join(test_methods::table)
        .filter(tests::sample_id.eq(sample))
        .filter(tests::side.eq(side))
        .filter(test_methods::code.eq("AFB1"))
        .select(tests::id)
        .into_boxed();
    if let Some(status) = status {
        query = query.filter(tests::status.eq(status.to_owned()));
    }
    let id: LabTestId = query.first(&mut *app.conn()).unwrap();
    id.to_string()
}

/// A `side` analyst enters `value` for a sample's AFB1 test; nobody verifies it yet.
fn enter_afb1(app: &TestApp, afb1: &str, sample: &str, side: &str, value: &str) -> String {
    let analyst = app.signed_in(&format!("analyst_{side}"));
    let id = afb1_test(app, sample, side);
    let bench = analyst.get(&format!("/bench/{afb1}"));
    let version = field_value(&bench.body, &format!("v_{id}")).unwrap();
    let res = enter(&analyst, afb1, &[(&(id.clone(), version), value)]);
    assert_eq!(res.status, 303, "{}", res.body);
    id
}

/// A `side` reviewer verifies the test `id`.
fn verify(app: &TestApp, side: &str, id: &str) {
    let reviewer = app.signed_in(&format!("reviewer_{side}"));
    let review = reviewer.get("/review");
    let v_field = format!("v_{id}");
    let version = field_value(&review.body, &v_field).unwrap();
    let res = reviewer.post_raw(
        "/review",
        &[
            ("csrf_token", &review.csrf_token()),
            ("test", id),
            (&v_field, &version),
            ("action", "verify"),
        ],
    );
    assert_eq!(res.status, 303, "{}", res.body);
}

/// Enters and verifies `side`'s AFB1 result of a sample.
fn verified_afb1(app: &TestApp, afb1: &str, sample: &str, side: &str, value: &str) {
    let id = enter_afb1(app, afb1, sample, side, value);
    verify(app, side, &id);
}

type Row = (
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// The discrepancies of a sample: (status, outcome KZ, reason KZ, outcome CN, reason CN).
fn discrepancies_of(app: &TestApp, sample: &str) -> Vec<(DiscrepancyId, Row)> {
    let sample: SampleId = sample.parse().unwrap();
    discrepancies::table
        .filter(discrepancies::sample_id.eq(sample))
        .select((
            discrepancies::id,
            (
                discrepancies::status,
                discrepancies::outcome_kz,
                discrepancies::reason_kz,
                discrepancies::outcome_cn,
                discrepancies::reason_cn,
            ),
        ))
        .load(&mut *app.conn())
        .unwrap()
}

fn events(app: &TestApp, action: &str) -> i64 {
    audit_events::table
        .filter(audit_events::action.eq(action))
        .count()
        .get_result(&mut *app.conn())
        .unwrap()
}

fn open_for_sample(app: &TestApp, sample: &str) -> bool {
    discrepancy::open_for_sample(&mut app.conn(), sample.parse().unwrap()).unwrap()
}

/// One received sample whose verified AFB1 results disagree: KZ 4 µg/kg (conforms to the
/// China limit of 5), CN 6 µg/kg (does not). Returns the sample and its discrepancy.
fn disagreeing_sample(app: &TestApp, n: usize) -> (Vec<String>, DiscrepancyId) {
    let (samples, afb1) = received_samples(app, n);
    verified_afb1(app, &afb1, &samples[0], "kz", "4");
    verified_afb1(app, &afb1, &samples[0], "cn", "6");
    let found = discrepancies_of(app, &samples[0]);
    assert_eq!(found.len(), 1);
    (samples, found[0].0)
}

fn resolve_path(sample: &str, discrepancy: DiscrepancyId) -> String {
    format!("/samples/{sample}/discrepancies/{discrepancy}/resolve")
}

/// The version the resolution form of `discrepancy` carries on a sample page.
fn form_version(page: &Resp, discrepancy: DiscrepancyId) -> String {
    let start = page
        .body
        .find(&format!("/discrepancies/{discrepancy}/resolve"))
        .unwrap_or_else(|| panic!("no resolution form on the page: {}", page.body));
    field_value(&page.body[start..], "version").unwrap()
}

/// A reviewer sends the resolution form as the page offers it, with `outcome` and `reason`.
fn resolve(
    client: &Client,
    sample: &str,
    discrepancy: DiscrepancyId,
    outcome: &str,
    reason: &str,
) -> Resp {
    let page = client.get(&format!("/samples/{sample}"));
    let version = form_version(&page, discrepancy);
    resolve_with(
        client,
        &page,
        sample,
        discrepancy,
        &version,
        outcome,
        reason,
    )
}

fn resolve_with(
    client: &Client,
    page: &Resp,
    sample: &str,
    discrepancy: DiscrepancyId,
    version: &str,
    outcome: &str,
    reason: &str,
) -> Resp {
    client.post_raw(
        &resolve_path(sample, discrepancy),
        &[
            ("csrf_token", &page.csrf_token()),
            ("version", version),
            ("outcome", outcome),
            ("reason", reason),
        ],
    )
}

#[test]
fn disagreeing_verified_results_flag_a_discrepancy_both_sides_see() {
    let app = spawn_app();
    let (samples, afb1) = received_samples(&app, 1);
    let sample = &samples[0];

    verified_afb1(&app, &afb1, sample, "kz", "4");
    // One side's verified result alone flags nothing, whatever the other side has entered.
    let cn_test = enter_afb1(&app, &afb1, sample, "cn", "6");
    assert!(discrepancies_of(&app, sample).is_empty());
    verify(&app, "cn", &cn_test);

    let found = discrepancies_of(&app, sample);
    assert_eq!(found.len(), 1);
    let (id, (status, kz, _, cn, _)) = &found[0];
    assert_eq!((status.as_str(), kz, cn), ("open", &None, &None));
    assert!(open_for_sample(&app, sample));
    assert_eq!(events(&app, "discrepancy.flagged"), 1);
    // The reviewers of both sides are told, in their inbox (and by mail).
    for key in ["reviewer_kz", "reviewer_cn"] {
        let inbox = app.signed_in(key).get("/notifications");
        assert!(
            inbox.body.contains("discrepancy between the two labs"),
            "{key}"
        );
    }
    // Checking again (e.g. a retest verified later) flags nothing new.
    let sample_id: SampleId = sample.parse().unwrap();
    let method = afb1.parse().unwrap();
    jointlab::workflows::apply_on(&mut app.conn(), |conn| {
        jointlab::workflows::discrepancy::compare_sides(conn, sample_id, method)
    })
    .unwrap();
    assert_eq!(discrepancies_of(&app, sample).len(), 1);
    assert_eq!(events(&app, "discrepancy.flagged"), 1);

    let form = format!("action=\"{}\"", resolve_path(sample, *id));
    for key in ["reviewer_kz", "reviewer_cn", "analyst_kz", "analyst_cn"] {
        let page = app.signed_in(key).get(&format!("/samples/{sample}"));
        assert_eq!(page.status, 200);
        assert!(page.body.contains(&en("discrepancy.title")), "{key}");
        assert!(
            page.body.contains(&format!("id=\"discrepancy-{id}\"")),
            "{key}"
        );
        assert!(page.body.contains("Aflatoxin B1 (AFB1)"), "{key}");
        assert!(page.body.contains(&en("discrepancy.status.open")), "{key}");
        // Only reviewers are offered the resolution form.
        assert_eq!(
            page.body.contains(&form),
            key.starts_with("reviewer"),
            "{key}"
        );
    }
}

#[test]
fn agreeing_results_flag_nothing() {
    let app = spawn_app();
    let (samples, afb1) = received_samples(&app, 1);

    verified_afb1(&app, &afb1, &samples[0], "kz", "4");
    verified_afb1(&app, &afb1, &samples[0], "cn", "3");

    assert!(discrepancies_of(&app, &samples[0]).is_empty());
    assert!(!open_for_sample(&app, &samples[0]));
    let page = app
        .signed_in("reviewer_kz")
        .get(&format!("/samples/{}", samples[0]));
    assert!(!page.body.contains(&en("discrepancy.title")));
}

#[test]
fn an_inconclusive_result_is_no_discrepancy() {
    let app = spawn_app();
    let (samples, afb1) = received_samples(&app, 1);
    verified_afb1(&app, &afb1, &samples[0], "kz", "4");
    // Without a limit to judge it by, the Chinese result of 6 µg/kg is inconclusive.
    let china: jointlab::models::LimitSetId = limit_sets::table
        .filter(limit_sets::code.eq("CN"))
        .select(limit_sets::id)
        .first(&mut *app.conn())
        .unwrap();
    let method: jointlab::models::TestMethodId = afb1.parse().unwrap();
    diesel::delete(
        limits::table
            .filter(limits::limit_set_id.eq(china))
            .filter(limits::test_method_id.eq(method)),
    )
    .execute(&mut *app.conn())
    .unwrap();

    let cn_test = enter_afb1(&app, &afb1, &samples[0], "cn", "6");
    assert_eq!(stored(&app, &cn_test).2.as_deref(), Some("inconclusive"));
    verify(&app, "cn", &cn_test);

    assert!(discrepancies_of(&app, &samples[0]).is_empty());
    assert_eq!(events(&app, "discrepancy.flagged"), 0);
}

#[test]
fn a_discrepancy_is_resolved_once_a_reviewer_of_each_side_records_a_resolution() {
    let app = spawn_app();
    let (samples, id) = disagreeing_sample(&app, 1);
    let sample = &samples[0];
    let kz = app.signed_in("reviewer_kz");
    let cn = app.signed_in("reviewer_cn");

    let res = resolve(
        &kz,
        sample,
        id,
        "arbitration_does_not_conform",
        "Arbitration on the counter-sample: 5.8 µg/kg",
    );

    assert_eq!(res.status, 303, "{}", res.body);
    let (_, (status, kz_outcome, kz_reason, cn_outcome, _)) =
        discrepancies_of(&app, sample).remove(0);
    assert_eq!(status, "open");
    assert_eq!(kz_outcome.as_deref(), Some("arbitration_does_not_conform"));
    assert_eq!(
        kz_reason.as_deref(),
        Some("Arbitration on the counter-sample: 5.8 µg/kg")
    );
    assert_eq!(cn_outcome, None);
    assert!(open_for_sample(&app, sample));
    let page = kz.get(&format!("/samples/{sample}"));
    assert!(
        page.body
            .contains("Arbitration on the counter-sample: 5.8 µg/kg")
    );
    assert!(
        page.body
            .contains(&en("discrepancy.outcome.arbitration_does_not_conform"))
    );
    assert!(page.body.contains(&en("discrepancy.resolution_recorded")));
    assert!(
        !page.body.contains(&resolve_path(sample, id)),
        "the form is offered again to the side that recorded"
    );

    let res = resolve(
        &cn,
        sample,
        id,
        "accept_cn",
        "Our result confirmed by arbitration",
    );

    assert_eq!(res.status, 303, "{}", res.body);
    let resolved_by: (String, Option<jointlab::models::UserId>, bool) = discrepancies::table
        .find(id)
        .select((
            discrepancies::status,
            discrepancies::resolved_cn_by,
            discrepancies::resolved_at.is_not_null(),
        ))
        .first(&mut *app.conn())
        .unwrap();
    assert_eq!(
        resolved_by,
        ("resolved".into(), Some(app.user("reviewer_cn").id), true)
    );
    assert!(!open_for_sample(&app, sample));
    assert_eq!(events(&app, "discrepancy.resolution_recorded"), 2);
    assert_eq!(events(&app, "discrepancy.resolved"), 1);
    let page = app
        .signed_in("analyst_kz")
        .get(&format!("/samples/{sample}"));
    assert!(page.body.contains(&en("discrepancy.status.resolved")));
    assert!(page.body.contains("Our result confirmed by arbitration"));
}

#[test]
fn resolutions_are_refused_to_other_roles_bad_forms_stale_forms_and_a_second_record() {
    let app = spawn_app();
    let (samples, id) = disagreeing_sample(&app, 2);
    let sample = &samples[0];
    let before = discrepancies_of(&app, sample);

    // Only reviewers resolve.
    for key in ["analyst_kz", "exporter"] {
        let client = app.signed_in(key);
        let page = client.get(&format!("/samples/{sample}"));
        let res = resolve_with(&client, &page, sample, id, "1", "accept_kz", "Because");
        assert_eq!(res.status, 403, "{key}");
    }

    // Unknown discrepancies, and one posted under another sample, are not found.
    let kz = app.signed_in("reviewer_kz");
    let page = kz.get(&format!("/samples/{sample}"));
    let version = form_version(&page, id);
    let unknown = DiscrepancyId::new();
    let res = resolve_with(&kz, &page, sample, unknown, &version, "accept_kz", "x");
    assert_eq!(res.status, 404);
    let res = resolve_with(&kz, &page, &samples[1], id, &version, "accept_kz", "x");
    assert_eq!(res.status, 404);

    // No reason: the form comes back with the message beside the field and the choice kept.
    let res = resolve_with(&kz, &page, sample, id, &version, "accept_cn", "  ");
    assert_eq!(res.status, 422);
    assert!(
        res.body.contains(&format!("id=\"reason-{id}-error\"")),
        "{}",
        res.body
    );
    assert!(res.body.contains(&en("field.required")));
    assert!(res.body.contains("<option value=\"accept_cn\" selected>"));
    // An outcome the form does not offer: the same, with the reason kept.
    let res = resolve_with(
        &kz,
        &page,
        sample,
        id,
        &version,
        "ignore_it",
        "Typed reason",
    );
    assert_eq!(res.status, 422);
    assert!(res.body.contains(&format!("id=\"outcome-{id}-error\"")));
    assert!(res.body.contains(&en("field.choose")));
    assert!(res.body.contains(">Typed reason</textarea>"));
    assert_eq!(discrepancies_of(&app, sample), before);

    // The Chinese reviewer opened the form before the Kazakh side recorded: stale.
    let cn = app.signed_in("reviewer_cn");
    let cn_page = cn.get(&format!("/samples/{sample}"));
    let cn_version = form_version(&cn_page, id);
    let res = resolve_with(
        &kz,
        &page,
        sample,
        id,
        &version,
        "accept_cn",
        "CN lab re-ran it",
    );
    assert_eq!(res.status, 303, "{}", res.body);
    let res = resolve_with(
        &cn,
        &cn_page,
        sample,
        id,
        &cn_version,
        "accept_cn",
        "Ours stands",
    );
    assert_eq!(res.status, 409);
    assert!(res.body.contains(&en("form.stale")));
    assert!(res.body.contains(">Ours stands</textarea>"));
    assert_eq!(discrepancies_of(&app, sample)[0].1.3, None);

    // The Kazakh side cannot record a second time, whatever version it sends.
    let recorded = discrepancies_of(&app, sample);
    let current = form_version(&cn.get(&format!("/samples/{sample}")), id);
    let res = resolve_with(
        &kz,
        &page,
        sample,
        id,
        &current,
        "accept_kz",
        "Changed our mind",
    );
    assert_eq!(res.status, 422);
    assert!(res.body.contains(&en("discrepancy.already_recorded")));
    assert_eq!(discrepancies_of(&app, sample), recorded);
    assert_eq!(events(&app, "discrepancy.resolution_recorded"), 1);
}

/// The two sides' reviewers verify at the same instant: whoever commits second still sees
/// the first side's result and flags the discrepancy (PostgreSQL runs read committed).
#[test]
fn verifying_both_sides_at_once_still_flags_the_discrepancy() {
    const SAMPLES: usize = 6;
    let app = spawn_app();
    let (samples, afb1) = received_samples(&app, SAMPLES);
    for (side, value) in [("kz", "4"), ("cn", "6")] {
        let analyst = app.signed_in(&format!("analyst_{side}"));
        let rows = rows(&analyst.get(&format!("/bench/{afb1}")));
        assert_eq!(rows.len(), SAMPLES);
        let values: Vec<_> = rows.iter().map(|row| (row, value)).collect();
        assert_eq!(enter(&analyst, &afb1, &values).status, 303);
    }

    for sample in &samples {
        let barrier = std::sync::Barrier::new(2);
        std::thread::scope(|scope| {
            for side in ["kz", "cn"] {
                let (app, barrier) = (&app, &barrier);
                let test: LabTestId = afb1_test(app, sample, side).parse().unwrap();
                scope.spawn(move || {
                    let reviewer = jointlab::auth::policy::Staff::of(
                        app.user(&format!("reviewer_{side}")).clone(),
                    )
                    .unwrap();
                    let mut conn = app.conn();
                    barrier.wait();
                    let outcome = jointlab::workflows::apply_on(&mut conn, |conn| {
                        jointlab::workflows::testing::verify(
                            conn,
                            &reviewer,
                            test,
                            2,
                            &jointlab::mail::Site::from_settings(&app.settings),
                        )
                    })
                    .unwrap();
                    assert_eq!(outcome, jointlab::workflows::Change::Done(()));
                });
            }
        });
        assert_eq!(discrepancies_of(&app, sample).len(), 1, "sample {sample}");
    }
}

fn status_of(app: &TestApp, id: DiscrepancyId) -> (String, Option<String>, Option<String>) {
    discrepancies::table
        .find(id)
        .select((
            discrepancies::status,
            discrepancies::agreed,
            discrepancies::closed_by,
        ))
        .first(&mut *app.conn())
        .unwrap()
}

#[test]
fn contradictory_resolutions_leave_it_open_until_the_sides_agree() {
    let app = spawn_app();
    let (samples, id) = disagreeing_sample(&app, 1);
    let sample = &samples[0];
    let kz = app.signed_in("reviewer_kz");
    let cn = app.signed_in("reviewer_cn");
    // KZ stands by its result (conforms), CN by its own (does not conform).
    assert_eq!(
        resolve(&kz, sample, id, "accept_kz", "Our result").status,
        303
    );
    assert_eq!(
        resolve(&cn, sample, id, "accept_cn", "Our result").status,
        303
    );
    assert_eq!(status_of(&app, id), ("open".into(), None, None));
    assert!(open_for_sample(&app, sample));
    assert_eq!(events(&app, "discrepancy.resolved"), 0);
    let page = kz.get(&format!("/samples/{sample}"));
    assert!(page.body.contains(&en("discrepancy.contradicted")));
    // Either side may now change its own resolution; naming the same outcome closes it.
    let res = resolve(
        &kz,
        sample,
        id,
        "arbitration_does_not_conform",
        "Arbitration on the counter-sample: 5.8 µg/kg",
    );
    assert_eq!(res.status, 303, "{}", res.body);
    assert_eq!(
        status_of(&app, id),
        (
            "resolved".into(),
            Some("does_not_conform".into()),
            Some("reviewers".into())
        )
    );
    assert_eq!(events(&app, "discrepancy.resolved"), 1);
    let page = app
        .signed_in("analyst_cn")
        .get(&format!("/samples/{sample}"));
    assert!(
        page.body
            .contains(&en("discrepancy.agreed.does_not_conform"))
    );
}

/// A `side` reviewer invalidates the side's verified AFB1 test of a sample (confirmed).
fn invalidate(app: &TestApp, side: &str, sample: &str, test: &str) {
    let reviewer = app.signed_in(&format!("reviewer_{side}"));
    let manage = format!("/samples/{sample}/tests");
    let page = reviewer.get(&manage);
    let at = page
        .body
        .find(&format!("/tests/{test}/invalidate"))
        .expect("invalidation offered");
    let version = field_value(&page.body[at..], "version").unwrap();
    let res = reviewer.post_from(
        &manage,
        &format!("/tests/{test}/invalidate"),
        &[
            ("version", &version),
            ("reason", "Recheck"),
            ("confirm", "yes"),
        ],
    );
    assert_eq!(res.status, 303, "{}", res.body);
}

/// Retests `side`'s AFB1 on a sample: invalidate, enter `value`, verify.
fn retest(app: &TestApp, afb1: &str, sample: &str, side: &str, value: &str) {
    invalidate(
        app,
        side,
        sample,
        &afb1_in(app, sample, side, Some("verified")),
    );
    let id = afb1_in(app, sample, side, Some("pending"));
    let analyst = app.signed_in(&format!("analyst_{side}"));
    let bench = analyst.get(&format!("/bench/{afb1}"));
    let version = field_value(&bench.body, &format!("v_{id}")).unwrap();
    assert_eq!(
        enter(&analyst, afb1, &[(&(id.clone(), version), value)]).status,
        303
    );
    verify(app, side, &id);
}

#[test]
fn an_agreeing_retest_closes_it_and_a_disagreeing_retest_reopens_it() {
    let app = spawn_app();
    let (samples, afb1) = received_samples(&app, 1);
    let sample = &samples[0];
    verified_afb1(&app, &afb1, sample, "kz", "4");
    verified_afb1(&app, &afb1, sample, "cn", "6");
    let id = discrepancies_of(&app, sample)[0].0;
    // The Chinese lab retests and now finds 4 µg/kg: both conform.
    retest(&app, &afb1, sample, "cn", "4");
    assert_eq!(
        status_of(&app, id),
        (
            "resolved".into(),
            Some("conforms".into()),
            Some("retest".into())
        )
    );
    assert!(!open_for_sample(&app, sample));
    let closed: Option<String> = audit_events::table
        .filter(audit_events::action.eq("discrepancy.closed_by_retest"))
        .select(audit_events::actor_label)
        .first(&mut *app.conn())
        .optional()
        .unwrap();
    assert_eq!(closed.as_deref(), Some("system:discrepancy-check"));
    let page = app
        .signed_in("reviewer_kz")
        .get(&format!("/samples/{sample}"));
    assert!(page.body.contains(&en("discrepancy.agreed.conforms")));
    assert!(page.body.contains(&en("discrepancy.closed_by.retest")));
    // The Kazakh lab retests and finds 7 µg/kg: they disagree again, and it reopens.
    retest(&app, &afb1, sample, "kz", "7");
    assert_eq!(status_of(&app, id), ("open".into(), None, None));
    assert!(open_for_sample(&app, sample));
    assert_eq!(events(&app, "discrepancy.reopened"), 1);
    assert_eq!(discrepancies_of(&app, sample).len(), 1);
}
