//! Certificates and notices: drafting from the results, co-signing with the password typed
//! again, the gapless number under concurrency, replacement, revocation, and who sees what.

use diesel::prelude::*;
use jointlab::db::schema::{audit_events, certificates};
use jointlab::domain::{Role, Side};

use crate::helpers::{
    PASSWORD, Resp, TestApp, extra_account, field_value, race, registered_for_wheat, spawn_app,
};

/// A consignment tested through (see [`crate::helpers::tested_consignment`]) of an exporter
/// on the GACC register for wheat, which China requires before a certificate is drafted.
fn tested_consignment(
    app: &TestApp,
    samples: usize,
    readings: &[(&str, &str, &str)],
) -> (String, Vec<String>) {
    registered_for_wheat(app);
    crate::helpers::tested_consignment(app, samples, readings)
}

/// Both sides found AFB1 at 6 µg/kg against China's 5: the consignment fails.
pub const FAILING: &[(&str, &str, &str)] = &[("kz", "AFB1", "6"), ("cn", "AFB1", "6")];
/// The sides disagree on AFB1: a discrepancy opens.
const DISAGREEING: &[(&str, &str, &str)] = &[("kz", "AFB1", "4"), ("cn", "AFB1", "6")];

fn draft_path(consignment: &str) -> String {
    format!("/consignments/{consignment}/certificates")
}

pub fn draft(app: &TestApp, who: &str, consignment: &str) -> Resp {
    app.signed_in(who).post_from(
        &format!("{}/new", draft_path(consignment)),
        &draft_path(consignment),
        &[
            ("consignee", "Urumqi Grain Co."),
            ("transport_details", "Wagons 61234567, 61234568"),
        ],
    )
}

/// Drafts and returns the draft's id.
pub fn drafted(app: &TestApp, consignment: &str) -> String {
    let res = draft(app, "certifier_kz", consignment);
    assert_eq!(res.status, 303, "{}", res.body);
    res.location()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned()
}

/// Replaces issued certificate `id` with a replacement carrying `consignee` and
/// `transport_details`, for `reason`, co-signed by both sides; returns the replacement's id.
pub fn replace_certificate(
    app: &TestApp,
    id: &str,
    consignee: &str,
    transport_details: &str,
    reason: &str,
) -> String {
    let form = format!("/certificates/{id}/replace");
    let res = app.signed_in("certifier_kz").post_from(
        &form,
        &form,
        &[
            ("consignee", consignee),
            ("transport_details", transport_details),
            ("reason", reason),
        ],
    );
    assert_eq!(res.status, 303, "{}", res.body);
    let new = res
        .location()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned();
    assert_eq!(sign_as(app, "certifier_cn", &new, PASSWORD).status, 303);
    assert_eq!(sign_as(app, "certifier_kz", &new, PASSWORD).status, 303);
    new
}

pub fn sign_as(app: &TestApp, who: &str, id: &str, password: &str) -> Resp {
    let client = app.signed_in(who);
    let page = format!("/certificates/{id}");
    let version = field_value(&client.get(&page).body, "version").unwrap_or_default();
    client.post_from(
        &page,
        &format!("{page}/sign"),
        &[("version", &version), ("password", password)],
    )
}

pub fn row(app: &TestApp, id: &str) -> (String, Option<String>, Option<String>, Option<String>) {
    let id: jointlab::db::ids::CertificateId = id.parse().unwrap();
    certificates::table
        .find(id)
        .select((
            certificates::status,
            certificates::number,
            certificates::token,
            certificates::verification_code,
        ))
        .first(&mut *app.conn())
        .unwrap()
}

fn events(app: &TestApp, action: &str) -> i64 {
    audit_events::table
        .filter(audit_events::action.eq(action))
        .count()
        .get_result(&mut *app.conn())
        .unwrap()
}

fn year() -> i32 {
    use chrono::Datelike;
    chrono::Utc::now().year()
}

#[test]
fn a_conforming_consignment_is_drafted_signed_by_each_side_and_issued() {
    let app = spawn_app();
    let (consignment, _) = tested_consignment(&app, 1, &[]);
    let kz = app.signed_in("certifier_kz");

    let queue = kz.get("/certificates");
    let form = kz.get(&format!("{}/new", draft_path(&consignment)));
    let id = drafted(&app, &consignment);
    let first = sign_as(&app, "certifier_kz", &id, PASSWORD);
    let after_first = row(&app, &id);
    let second = sign_as(&app, "certifier_cn", &id, PASSWORD);

    assert!(
        queue
            .body
            .contains(&format!("/consignments/{consignment}/certificates/new"))
    );
    assert_eq!(form.status, 200);
    assert!(form.body.contains("AFB1") && form.body.contains("Make the draft"));
    assert_eq!(first.status, 303, "{}", first.body);
    assert_eq!(after_first.0, "draft");
    assert_eq!(after_first.1, None, "one signature issues nothing");
    assert_eq!(second.status, 303, "{}", second.body);
    let (status, number, token, code) = row(&app, &id);
    let (number, token) = (number.unwrap(), token.unwrap());
    assert_eq!(status, "issued");
    assert_eq!(number, format!("KZCN-PC-{}-000001", year()));
    assert_eq!(code.unwrap().len(), 10);
    assert!(token.len() <= 400, "{} characters", token.len());
    // The token is what the QR code carries: a JOSE library that is not ours verifies it
    // against the JWKS the server publishes, and reads the certificate's claims.
    if crate::signing::independent_verifier_available() {
        let jwks = crate::signing::save_served_jwks(&app, "jwks-cert.json");
        let claims = crate::signing::jwcrypto(&jwks, &token).expect("the token verifies");
        assert_eq!(claims["sub"], number.as_str());
        assert_eq!(claims["kind"], "phyto");
        assert_eq!(claims["dest"], "CN");
        assert_eq!(claims["post"], "NZH");
        assert_eq!(claims["hs"], "100199");
        assert_eq!(claims["exporter"], app.exporters[0].bin.as_str());
        let exp = claims["exp"].as_i64().unwrap() - claims["iat"].as_i64().unwrap();
        assert_eq!(exp, 14 * 86_400, "valid for the configured 14 days");
    }
    let page = kz.get(&format!("/certificates/{id}"));
    assert!(page.body.contains("Test certifier_kz") && page.body.contains("Test certifier_cn"));
    assert!(page.body.contains("co-signed") && page.body.contains("UTC+8"));
    assert!(
        !page.body.contains("name=\"password\""),
        "an issued document offers no signing"
    );
    for action in [
        "certificate.drafted",
        "certificate.signed",
        "certificate.issued",
    ] {
        assert_eq!(events(&app, action), 1, "{action}");
    }
    // Issued, the consignment is closed and leaves the certifiers' queue; one signature did not.
    let status = |app: &TestApp| -> String {
        use diesel::prelude::*;
        use jointlab::db::schema::consignments;
        consignments::table
            .filter(
                consignments::id.eq(consignment
                    .parse::<jointlab::db::ids::ConsignmentId>()
                    .unwrap()),
            )
            .select(consignments::status)
            .first(&mut *app.conn())
            .unwrap()
    };
    assert_eq!(status(&app), "closed");
    assert!(
        !kz.get("/certificates")
            .body
            .contains(&format!("/consignments/{consignment}/certificates/new"))
    );
}

#[test]
fn signing_is_refused_for_a_wrong_password_the_same_side_twice_the_same_person_and_a_stale_draft() {
    let app = spawn_app();
    extra_account(&app, "certifier_kz2", Role::Certifier, Some(Side::Kz));
    let (consignment, _) = tested_consignment(&app, 1, &[]);
    let id = drafted(&app, &consignment);
    let kz = app.signed_in("certifier_kz");
    let stale = field_value(&kz.get(&format!("/certificates/{id}")).body, "version").unwrap();

    let wrong = sign_as(&app, "certifier_kz", &id, "not-my-password");
    assert_eq!(sign_as(&app, "certifier_kz", &id, PASSWORD).status, 303);
    let again = sign_as(&app, "certifier_kz", &id, PASSWORD);
    let same_side = {
        let client = app.client();
        assert_eq!(
            client
                .login("certifier.kz2@test.jointlab.local", PASSWORD)
                .status,
            303
        );
        let page = format!("/certificates/{id}");
        let version = field_value(&client.get(&page).body, "version").unwrap_or_default();
        client.post_from(
            &page,
            &format!("{page}/sign"),
            &[("version", &version), ("password", PASSWORD)],
        )
    };
    let stale_post = app.signed_in("certifier_cn").post_from(
        &format!("/certificates/{id}"),
        &format!("/certificates/{id}/sign"),
        &[("version", &stale), ("password", PASSWORD)],
    );
    let analyst = app.signed_in("analyst_kz").post_from(
        "/",
        &format!("/certificates/{id}/sign"),
        &[("version", &stale), ("password", PASSWORD)],
    );

    assert_eq!(wrong.status, 422);
    assert!(wrong.body.contains("The password is not right"));
    assert_eq!(again.status, 422);
    assert!(
        again.body.contains("You have already signed"),
        "{}",
        again.body
    );
    assert_eq!(same_side.status, 422);
    assert!(same_side.body.contains("Your side has already signed"));
    assert_eq!(stale_post.status, 409);
    assert_eq!(analyst.status, 403);
    assert_eq!(row(&app, &id).0, "draft");
    assert_eq!(events(&app, "certificate.signed"), 1);
}

#[test]
fn a_draft_is_refused_while_testing_runs_or_a_discrepancy_is_open_and_a_failure_gets_a_notice() {
    let app = spawn_app();
    let (untested, _) = crate::helpers::received_samples(&app, 1);
    let untested_consignment = {
        use jointlab::models::sample::Sample;
        Sample::find_for(
            &mut app.conn(),
            jointlab::domain::Scope::All,
            untested[0].parse().unwrap(),
        )
        .unwrap()
        .unwrap()
        .consignment_id
        .to_string()
    };
    let (disputed, _) = tested_consignment(&app, 1, DISAGREEING);
    let (failed, _) = tested_consignment(&app, 1, FAILING);

    let running = draft(&app, "certifier_kz", &untested_consignment);
    let open = draft(&app, "certifier_kz", &disputed);
    let notice = draft(&app, "certifier_cn", &failed);
    let registrar = draft(&app, "registrar_kz", &failed);

    assert_eq!(running.status, 422);
    assert!(running.body.contains("Testing of a sample is not complete"));
    assert_eq!(open.status, 422);
    assert!(
        open.body
            .contains("discrepancy between the labs is still open")
    );
    assert_eq!(registrar.status, 403);
    assert_eq!(notice.status, 303, "{}", notice.body);
    let id = notice
        .location()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned();
    assert_eq!(sign_as(&app, "certifier_cn", &id, PASSWORD).status, 303);
    assert_eq!(sign_as(&app, "certifier_kz", &id, PASSWORD).status, 303);
    let (status, number, token, _) = row(&app, &id);
    assert_eq!(status, "issued");
    assert_eq!(number.unwrap(), format!("KZCN-NC-{}-000001", year()));
    assert_eq!(token, None, "a notice carries no token");
    let page = app
        .signed_in("exporter")
        .get(&format!("/certificates/{id}"));
    assert!(page.body.contains("Non-conformity notice") && page.body.contains("AFB1"));
}

#[test]
fn parallel_second_signatures_on_eight_drafts_take_eight_consecutive_numbers() {
    let app = spawn_app();
    let drafts: Vec<String> = (0..8)
        .map(|_| {
            let (consignment, _) = tested_consignment(&app, 1, &[]);
            let id = drafted(&app, &consignment);
            assert_eq!(sign_as(&app, "certifier_kz", &id, PASSWORD).status, 303);
            id
        })
        .collect();
    let clients: Vec<_> = drafts
        .iter()
        .map(|id| {
            let client = app.signed_in("certifier_cn");
            let page = client.get(&format!("/certificates/{id}"));
            let version = field_value(&page.body, "version").unwrap();
            (client, page.csrf_token(), version, id)
        })
        .collect();
    let barrier = std::sync::Barrier::new(8);

    let answers: Vec<u16> = std::thread::scope(|s| {
        let handles: Vec<_> = clients
            .iter()
            .map(|(client, token, version, id)| {
                let barrier = &barrier;
                s.spawn(move || {
                    barrier.wait();
                    client
                        .post_raw(
                            &format!("/certificates/{id}/sign"),
                            &[
                                ("csrf_token", token),
                                ("version", version),
                                ("password", PASSWORD),
                            ],
                        )
                        .status
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });

    assert!(answers.iter().all(|s| *s == 303), "{answers:?}");
    let mut numbers: Vec<String> = drafts.iter().map(|id| row(&app, id).1.unwrap()).collect();
    numbers.sort();
    let expected: Vec<String> = (1..=8)
        .map(|n| format!("KZCN-PC-{}-{n:06}", year()))
        .collect();
    assert_eq!(numbers, expected);
}

#[test]
fn identical_parallel_signatures_issue_once_and_answer_the_rest_409() {
    let app = spawn_app();
    let (consignment, _) = tested_consignment(&app, 1, &[]);
    let id = drafted(&app, &consignment);
    assert_eq!(sign_as(&app, "certifier_kz", &id, PASSWORD).status, 303);
    let page = format!("/certificates/{id}");
    let version = field_value(&app.signed_in("certifier_cn").get(&page).body, "version").unwrap();

    let answers = race(
        &app,
        "certifier_cn",
        6,
        &page,
        &format!("{page}/sign"),
        &[("version", &version), ("password", PASSWORD)],
    );

    let done = answers.iter().filter(|r| r.status == 303).count();
    assert_eq!(
        done,
        1,
        "{:?}",
        answers.iter().map(|r| r.status).collect::<Vec<_>>()
    );
    assert!(answers.iter().all(|r| matches!(r.status, 303 | 409 | 422)));
    assert_eq!(events(&app, "certificate.issued"), 1);
    assert_eq!(
        row(&app, &id).1.unwrap(),
        format!("KZCN-PC-{}-000001", year())
    );
}

#[test]
fn parallel_drafts_of_one_consignment_make_one_draft() {
    let app = spawn_app();
    let (consignment, _) = tested_consignment(&app, 1, &[]);
    let page = format!("{}/new", draft_path(&consignment));

    let answers = race(
        &app,
        "certifier_kz",
        6,
        &page,
        &draft_path(&consignment),
        &[
            ("consignee", "Urumqi Grain Co."),
            ("transport_details", "W 1"),
        ],
    );

    let statuses: Vec<u16> = answers.iter().map(|r| r.status).collect();
    assert_eq!(
        statuses.iter().filter(|s| **s == 303).count(),
        1,
        "{statuses:?}"
    );
    assert!(
        statuses.iter().all(|s| matches!(s, 303 | 409 | 422)),
        "{statuses:?}"
    );
    let drafts: i64 = certificates::table
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(drafts, 1);
}

/// Issues a certificate for a fresh tested consignment; returns its id.
pub fn issued(app: &TestApp) -> String {
    let (consignment, _) = tested_consignment(app, 1, &[]);
    let id = drafted(app, &consignment);
    assert_eq!(sign_as(app, "certifier_kz", &id, PASSWORD).status, 303);
    assert_eq!(sign_as(app, "certifier_cn", &id, PASSWORD).status, 303);
    id
}

#[test]
fn contents_are_stored_deflated_and_those_stored_as_plain_json_before_still_read() {
    let app = spawn_app();
    let id = issued(&app);
    let cid: jointlab::db::ids::CertificateId = id.parse().unwrap();
    let stored: Vec<u8> = certificates::table
        .find(cid)
        .select(certificates::contents)
        .first(&mut *app.conn())
        .unwrap();
    let contents = jointlab::domain::certificate::Contents::from_stored(&stored).unwrap();
    let json = contents.to_json();
    assert_ne!(stored.first(), Some(&b'{'), "stored deflated");
    assert!(
        stored.len() * 2 < json.len(),
        "{} bytes deflated, {} as JSON",
        stored.len(),
        json.len()
    );
    let kz = app.signed_in("certifier_kz");
    let shown = |app: &TestApp| {
        let page = kz.get(&format!("/certificates/{id}"));
        assert_eq!(page.status, 200);
        let (_, number, token, _) = row(app, &id);
        let verify = app.client().get(&format!("/v/{}", token.unwrap()));
        assert_eq!(verify.status, 200);
        let pdf = kz.get(&format!("/certificates/{id}.pdf"));
        assert_eq!(pdf.status, 200);
        let number = number.unwrap();
        assert!(page.body.contains(&number) && verify.body.contains(&number));
        (
            page.body.contains("AFB1"),
            verify.body.contains(&contents.exporter_bin),
        )
    };
    let deflated = shown(&app);
    // A certificate stored before: plain JSON, as text on SQLite and as the migration's
    // bytes on PostgreSQL.
    let update = if app.is_postgres() {
        diesel::sql_query("UPDATE certificates SET contents = convert_to($1, 'UTF8') WHERE id = $2")
    } else {
        diesel::sql_query("UPDATE certificates SET contents = $1 WHERE id = $2")
    };
    update
        .bind::<diesel::sql_types::Text, _>(&json)
        .bind::<jointlab::db::types::DbUuid, _>(cid)
        .execute(&mut *app.conn())
        .unwrap();
    assert_eq!(shown(&app), deflated);
    assert_eq!(deflated, (true, true));
}

#[test]
fn a_replacement_is_drafted_co_signed_again_and_takes_a_new_number_the_old_one_linked_and_replaced()
{
    let app = spawn_app();
    let old = issued(&app);
    let kz = app.signed_in("certifier_kz");
    let form = format!("/certificates/{old}/replace");

    let no_reason = kz.post_from(
        &form,
        &form,
        &[
            ("consignee", "Kashgar Trading Co."),
            ("transport_details", "W 2"),
        ],
    );
    let res = kz.post_from(
        &form,
        &form,
        &[
            ("consignee", "Kashgar Trading Co."),
            ("transport_details", "W 2"),
            ("reason", "Consignee corrected at the exporter's request"),
        ],
    );
    let second_replacement = kz.post_from(
        &form,
        &form,
        &[
            ("consignee", "X"),
            ("transport_details", "W 3"),
            ("reason", "Again"),
        ],
    );
    assert_eq!(no_reason.status, 422);
    assert!(
        no_reason.body.contains("Kashgar Trading Co."),
        "the typed value is kept"
    );
    assert_eq!(res.status, 303, "{}", res.body);
    assert_eq!(second_replacement.status, 422);
    let new = res
        .location()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned();
    assert_eq!(
        row(&app, &old).0,
        "issued",
        "valid until the replacement is issued"
    );
    let r = sign_as(&app, "certifier_cn", &new, PASSWORD);
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(sign_as(&app, "certifier_kz", &new, PASSWORD).status, 303);

    assert_eq!(row(&app, &old).0, "replaced");
    assert_eq!(row(&app, &new).0, "issued");
    assert_eq!(
        row(&app, &new).1.unwrap(),
        format!("KZCN-PC-{}-000002", year())
    );
    let old_page = kz.get(&format!("/certificates/{old}"));
    assert!(old_page.body.contains(&format!("/certificates/{new}")));
    assert!(old_page.body.contains("REPLACED"));
    let new_page = kz.get(&format!("/certificates/{new}"));
    assert!(new_page.body.contains(&format!("/certificates/{old}")));
    assert!(new_page.body.contains("Kashgar Trading Co."));
    assert_eq!(events(&app, "certificate.replaced"), 1);
}

#[test]
fn a_revocation_needs_a_reason_and_a_confirmation_and_both_sides_see_it() {
    let app = spawn_app();
    let id = issued(&app);
    let cn = app.signed_in("certifier_cn");
    let page = format!("/certificates/{id}");
    let version = field_value(&cn.get(&page).body, "version").unwrap();
    let revoke = format!("{page}/revoke");

    let empty = cn.post_from(&page, &revoke, &[("version", &version), ("reason", " ")]);
    let asked = cn.post_from(
        &page,
        &revoke,
        &[
            ("version", &version),
            ("reason", "Seal found broken at the border"),
        ],
    );
    let still = row(&app, &id).0;
    let done = cn.post_from(
        &page,
        &revoke,
        &[
            ("version", &version),
            ("reason", "Seal found broken at the border"),
            ("confirm", "yes"),
        ],
    );
    let again = cn.post_from(
        &page,
        &revoke,
        &[("version", &version), ("reason", "x"), ("confirm", "yes")],
    );

    assert_eq!(empty.status, 422);
    assert_eq!(asked.status, 200);
    assert!(asked.body.contains("Seal found broken at the border"));
    assert_eq!(still, "issued");
    assert_eq!(done.status, 303, "{}", done.body);
    assert_eq!(row(&app, &id).0, "revoked");
    assert!(matches!(again.status, 409 | 422));
    let kz_view = app.signed_in("certifier_kz").get(&page);
    assert!(kz_view.body.contains("REVOKED") && kz_view.body.contains("Seal found broken"));
    let exporter_view = app.signed_in("exporter").get(&page);
    assert!(exporter_view.body.contains("REVOKED"));
    assert_eq!(events(&app, "certificate.revoked"), 1);
}

#[test]
fn exporters_see_their_own_issued_documents_never_a_draft_and_others_see_per_role() {
    let app = spawn_app();
    let id = issued(&app);
    let (consignment, _) = tested_consignment(&app, 1, &[]);
    let draft = drafted(&app, &consignment);

    let own = app
        .signed_in("exporter")
        .get(&format!("/certificates/{id}"));
    let own_draft = app
        .signed_in("exporter")
        .get(&format!("/certificates/{draft}"));
    let other = app
        .signed_in("exporter_b")
        .get(&format!("/certificates/{id}"));
    let list = app.signed_in("exporter").get("/certificates");
    let other_list = app.signed_in("exporter_b").get("/certificates");
    let auditor = app
        .signed_in("auditor_cn")
        .get(&format!("/certificates/{draft}"));
    let analyst = app.signed_in("analyst_kz").get("/certificates");
    let inspector = app
        .signed_in("inspector")
        .get(&format!("/certificates/{id}"));
    let inspector_draft = app
        .signed_in("inspector")
        .get(&format!("/certificates/{draft}"));
    let inspector_list = app.signed_in("inspector").get("/certificates");

    assert_eq!(own.status, 200);
    assert!(own.body.contains("Download PDF"));
    assert_eq!(own_draft.status, 404);
    assert_eq!(other.status, 404);
    assert!(list.body.contains(&format!("/certificates/{id}")));
    assert!(!list.body.contains(&format!("/certificates/{draft}")));
    assert!(!other_list.body.contains(&format!("/certificates/{id}")));
    assert_eq!(auditor.status, 200);
    assert!(
        !auditor.body.contains("name=\"password\""),
        "auditors change nothing"
    );
    assert_eq!(analyst.status, 403);
    // Inspectors read a certificate they check at the border, never a draft, and no list.
    assert_eq!(inspector.status, 200);
    assert!(!inspector.body.contains("Download PDF"));
    assert_eq!(inspector_draft.status, 404);
    assert_eq!(inspector_list.status, 403);
}
