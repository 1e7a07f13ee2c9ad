//! Public verification: every verdict by QR token and by number and code, the JSON answer, the
//! throttle on guessing codes, the signed revocation list, and `jointlab verify-token` offline.

use diesel::prelude::*;
use jointlab::db::schema::certificates;
use jointlab::signing::{Claims, b64, jws};
use serde_json::Value;

use crate::certificates::{FAILING, drafted, issued, replace_certificate, row, sign_as};
use crate::helpers::{PASSWORD, TestApp, spawn_app, spawn_app_with, tested_consignment};
use crate::signing::{flipped, save_served_jwks, served_jwks};

fn token_of(app: &TestApp, id: &str) -> String {
    row(app, id).2.expect("an issued certificate has a token")
}

fn number_and_code(app: &TestApp, id: &str) -> (String, String) {
    let (_, number, _, code) = row(app, id);
    (number.unwrap(), code.unwrap())
}

fn api(app: &TestApp, token: &str) -> Value {
    let res = app.client().get(&format!("/api/v1/verify/{token}"));
    assert_eq!(res.status, 200, "{}", res.body);
    serde_json::from_str(&res.body).unwrap()
}

fn revoke(app: &TestApp, id: &str, reason: &str) {
    crate::helpers::revoke_certificate(app, id, reason);
}

#[test]
fn a_valid_certificate_reads_valid_by_its_qr_code_and_by_number_and_code_in_four_languages() {
    let app = spawn_app();
    let id = issued(&app);
    let token = token_of(&app, &id);
    let (number, code) = number_and_code(&app, &id);
    let visitor = app.client();

    let page = visitor.get(&format!("/v/{token}"));
    let printed = format!("{}-{}", &code[..5], &code[5..]);
    let typed = visitor.get(&format!(
        "/verify/{}?code={}",
        number.to_lowercase(),
        printed.to_lowercase()
    ));
    let form = visitor.get(&format!("/verify?number={number}&code={printed}"));
    let zh = visitor.get(&format!("/v/{token}?lang=zh"));
    let kk = visitor.get(&format!("/v/{token}?lang=kk"));
    let json = api(&app, &token);

    assert_eq!(page.status, 200);
    assert!(page.body.contains("verdict-valid") && page.body.contains(">Valid<"));
    // The verdict holds no form: a scanning phone is given no cookie (a fresh visitor's
    // first page is the QR link).
    assert_eq!(page.header("set-cookie"), None);
    assert!(page.body.contains(&number) && page.body.contains("Urumqi Grain Co."));
    assert_eq!(page.header("cache-control"), Some("no-store"));
    assert!(
        page.body.len() <= 20 * 1024,
        "{} bytes: the page must stay light for a phone on a weak link",
        page.body.len()
    );
    // Only what the certificate prints: no staff links, no internal records.
    assert!(!page.body.contains("/consignments/") && !page.body.contains("/certificates/"));
    assert!(
        !page.body.contains("<script>"),
        "works without inline script"
    );
    assert_eq!(typed.status, 200);
    assert!(typed.body.contains("verdict-valid"));
    assert_eq!(form.status, 303);
    assert_eq!(
        form.location(),
        Some(format!("/verify/{number}?code={printed}").as_str())
    );
    assert!(zh.body.contains("有效") && zh.body.contains("verdict-valid"));
    assert!(kk.body.contains("Жарамды"));
    assert_eq!(json["verdict"], "valid");
    assert_eq!(json["valid"], true);
    assert_eq!(json["certificate"]["number"], number.as_str());
    assert_eq!(json["certificate"]["destination_code"], "CN");
}

#[test]
fn revoked_replaced_expired_and_notice_each_read_as_such_and_never_valid() {
    let app = spawn_app();
    let revoked = issued(&app);
    revoke(&app, &revoked, "Seal found broken at the border");
    let old = issued(&app);
    let new = replace_certificate(
        &app,
        &old,
        "Kashgar Trading Co.",
        "Wagon 61234599",
        "Consignee corrected",
    );
    let expired = issued(&app);
    let yesterday = jointlab::db::types::UtcTime::now().plus_minutes(-24 * 60);
    let expired_id: jointlab::db::ids::CertificateId = expired.parse().unwrap();
    diesel::update(certificates::table.find(expired_id))
        .set(certificates::valid_until.eq(Some(yesterday)))
        .execute(&mut *app.conn())
        .unwrap();
    let (failing, _) = tested_consignment(&app, 1, FAILING);
    let notice = drafted(&app, &failing);
    assert_eq!(sign_as(&app, "certifier_kz", &notice, PASSWORD).status, 303);
    assert_eq!(sign_as(&app, "certifier_cn", &notice, PASSWORD).status, 303);
    let visitor = app.client();

    let r = visitor.get(&format!("/v/{}", token_of(&app, &revoked)));
    assert!(r.body.contains("verdict-revoked") && r.body.contains(">Revoked<"));
    assert!(
        r.body.contains("Seal found broken at the border"),
        "the reason"
    );
    assert_eq!(api(&app, &token_of(&app, &revoked))["verdict"], "revoked");

    let p = visitor.get(&format!("/v/{}", token_of(&app, &old)));
    let (new_number, _) = number_and_code(&app, &new);
    assert!(p.body.contains("verdict-replaced") && p.body.contains(">Replaced<"));
    assert!(
        p.body
            .contains(&format!("href=\"/v/{}\"", token_of(&app, &new))),
        "links to the replacement"
    );
    assert!(p.body.contains(&new_number));
    let n = visitor.get(&format!("/v/{}", token_of(&app, &new)));
    assert!(n.body.contains("verdict-valid"));
    assert!(
        n.body.contains(&number_and_code(&app, &old).0),
        "names what it replaces"
    );
    assert_eq!(api(&app, &token_of(&app, &old))["verdict"], "replaced");

    let e = visitor.get(&format!("/v/{}", token_of(&app, &expired)));
    assert!(e.body.contains("verdict-expired") && e.body.contains(">Expired<"));
    assert_eq!(api(&app, &token_of(&app, &expired))["valid"], false);

    // A notice has no token: its number and code say what it is.
    let (number, code) = number_and_code(&app, &notice);
    assert!(number.contains("-NC-"));
    let nc = visitor.get(&format!("/verify/{number}?code={code}"));
    assert_eq!(nc.status, 200);
    assert!(nc.body.contains("verdict-notice") && !nc.body.contains("verdict-valid"));
}

/// A token with the same claims signed by a key that is not the lab's.
fn signed_by_a_stranger(token: &str) -> String {
    let claims: Claims =
        serde_json::from_slice(&b64::decode(token.split('.').nth(1).unwrap()).unwrap()).unwrap();
    let key = ed25519_dalek::SigningKey::from_bytes(&[7u8; 32]);
    let kid = token_of_kid(token);
    jws::sign(&key, &kid, &claims)
}

fn token_of_kid(token: &str) -> String {
    let header: Value =
        serde_json::from_slice(&b64::decode(token.split('.').next().unwrap()).unwrap()).unwrap();
    header["kid"].as_str().unwrap().to_owned()
}

#[test]
fn a_flipped_byte_a_stranger_s_key_or_garbage_is_forged_and_an_unknown_number_not_found() {
    let app = spawn_app();
    let id = issued(&app);
    let token = token_of(&app, &id);
    let (number, code) = number_and_code(&app, &id);
    let visitor = app.client();

    for i in [0, token.len() / 2, token.len() - 1] {
        let forged = flipped(&token, i);
        let page = visitor.get(&format!("/v/{forged}"));
        assert_eq!(page.status, 200);
        assert!(
            page.body.contains("verdict-forged") && page.body.contains(">Forged<"),
            "byte {i}"
        );
        assert!(
            !page.body.contains(&number),
            "a forged token's claims are not shown"
        );
        assert_eq!(api(&app, &forged)["verdict"], "forged");
    }
    let stranger = signed_by_a_stranger(&token);
    assert!(
        visitor
            .get(&format!("/v/{stranger}"))
            .body
            .contains("verdict-forged")
    );
    assert_eq!(api(&app, "not-a-token")["verdict"], "forged");
    let wrong_code = visitor.get(&format!("/verify/{number}?code=AAAAA-AAAAA"));
    let wrong_number = visitor.get(&format!("/verify/KZCN-PC-1999-000001?code={code}"));
    for res in [&wrong_code, &wrong_number] {
        assert_eq!(res.status, 404);
        assert!(res.body.contains("verdict-not_found") && res.body.contains(">Not found<"));
        assert!(!res.body.contains("Urumqi"));
    }
    let empty = visitor.get("/verify?number=&code=");
    assert_eq!(empty.status, 422);
    assert!(empty.body.contains("Enter the certificate number."));
    let blank_code = visitor.get(&format!("/verify?number={number}&code="));
    assert!(blank_code.body.contains(&number), "what was typed is kept");
}

#[test]
fn guessing_codes_is_throttled_with_a_clear_page_and_a_retry_after() {
    let app = spawn_app_with(|s| s.certificates.lookup_free_failures = 3);
    let id = issued(&app);
    let (number, code) = number_and_code(&app, &id);
    let visitor = app.client();

    let misses: Vec<u16> = (0..3)
        .map(|i| {
            visitor
                .get(&format!("/verify/{number}?code=AAAAA-AAAA{i}"))
                .status
        })
        .collect();
    let fourth = visitor.get(&format!("/verify/{number}?code=AAAAA-BBBBB"));
    let right_while_waiting = visitor.get(&format!("/verify/{number}?code={code}"));
    let by_token = visitor.get(&format!("/v/{}", token_of(&app, &id)));

    assert_eq!(misses, [404, 404, 404]);
    assert_eq!(
        fourth.status, 404,
        "the fourth miss is counted, then the wait starts"
    );
    assert_eq!(right_while_waiting.status, 429);
    assert!(right_while_waiting.header("retry-after").is_some());
    assert!(right_while_waiting.body.contains("Too many checks"));
    assert!(
        right_while_waiting.body.contains(&number),
        "the typed number is kept"
    );
    assert!(
        by_token.body.contains("verdict-valid"),
        "the QR code is never throttled"
    );
}

/// The revocation list's payload, verified with the served JWK Set.
fn revocation_list(app: &TestApp) -> (String, Value) {
    let res = app.client().get("/.well-known/revocations.json");
    assert_eq!(res.status, 200);
    assert_eq!(res.header("content-type"), Some("application/jose"));
    assert!(res.header("cache-control").unwrap().starts_with("public"));
    let payload = jws::payload_with_jwks(&res.body, &served_jwks(app)).expect("it verifies");
    (res.body.clone(), serde_json::from_slice(&payload).unwrap())
}

#[test]
fn the_revocation_list_is_signed_and_names_revoked_and_replaced_certificates_with_dates() {
    let app = spawn_app();
    let (_, empty) = revocation_list(&app);
    let revoked = issued(&app);
    revoke(&app, &revoked, "Wrong wagon numbers");
    let old = issued(&app);
    let new = replace_certificate(
        &app,
        &old,
        "Kashgar Trading Co.",
        "Wagon 61234599",
        "Consignee corrected",
    );
    let valid = issued(&app);

    let (jws_text, list) = revocation_list(&app);
    let entries = list["revoked"].as_array().unwrap();
    let find = |id: &str| {
        let number = number_and_code(&app, id).0;
        entries
            .iter()
            .find(|e| e["sub"] == number.as_str())
            .cloned()
    };

    assert_eq!(empty["revoked"].as_array().unwrap().len(), 0);
    assert!(empty["issued_at"].as_str().unwrap().ends_with('Z'));
    assert_eq!(entries.len(), 2);
    let r = find(&revoked).expect("the revoked one is listed");
    assert_eq!(r["status"], "revoked");
    assert!(r["at"].as_str().unwrap().starts_with("20"));
    let p = find(&old).expect("the replaced one is listed");
    assert_eq!(p["status"], "replaced");
    assert_eq!(p["by"], number_and_code(&app, &new).0.as_str());
    assert!(find(&valid).is_none() && find(&new).is_none());
    if crate::signing::independent_verifier_available() {
        let jwks = save_served_jwks(&app, "jwks-revocations.json");
        let checked = crate::signing::jwcrypto(&jwks, &jws_text).expect("jwcrypto verifies it");
        assert_eq!(checked["revoked"].as_array().unwrap().len(), 2);
        let tampered = flipped(&jws_text, jws_text.len() / 2);
        assert!(crate::signing::jwcrypto(&jwks, &tampered).is_err());
    }
}

/// Runs `jointlab verify-token` with files only: no data folder, no database.
fn verify_token(app: &TestApp, args: &[&str]) -> (i32, String, String) {
    let dir = app.settings.data.dir.join("offline");
    std::fs::create_dir_all(&dir).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_jointlab"))
        .arg("verify-token")
        .args(args)
        .current_dir(&dir)
        .env_remove("JOINTLAB_ENV")
        .env(
            "JOINTLAB__DATABASE__URL",
            "sqlite://absent/never-created.db",
        )
        .env("JOINTLAB__DATA__DIR", dir.join("absent"))
        .output()
        .unwrap();
    assert!(
        !dir.join("absent").exists(),
        "verify-token made no data folder"
    );
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn verify_token_checks_offline_with_the_saved_keys_and_list_and_says_how_fresh_the_list_is() {
    let app = spawn_app();
    let valid = issued(&app);
    let revoked = issued(&app);
    revoke(&app, &revoked, "Seal broken");
    let jwks = save_served_jwks(&app, "offline-jwks.json");
    let list = app.settings.data.dir.join("offline-revocations.json");
    std::fs::write(
        &list,
        app.client().get("/.well-known/revocations.json").body,
    )
    .unwrap();
    let (jwks, list) = (jwks.to_str().unwrap(), list.to_str().unwrap());
    let good = token_of(&app, &valid);
    let url = format!("{}/v/{good}", app.settings.server.public_url);

    let (ok, out, _) = verify_token(&app, &[&good, "--jwks", jwks, "--revocations", list]);
    let (by_url, _, _) = verify_token(&app, &[&url, "--jwks", jwks]);
    let (no_list, no_list_out, _) =
        verify_token(&app, &[&token_of(&app, &revoked), "--jwks", jwks]);
    let (listed, listed_out, listed_err) = verify_token(
        &app,
        &[
            &token_of(&app, &revoked),
            "--jwks",
            jwks,
            "--revocations",
            list,
        ],
    );
    let (forged, forged_out, _) = verify_token(
        &app,
        &[&flipped(&good, 30), "--jwks", jwks, "--revocations", list],
    );
    let (bad_list, _, bad_list_err) =
        verify_token(&app, &[&good, "--jwks", jwks, "--revocations", jwks]);

    assert_eq!(ok, 0, "{out}");
    assert!(out.starts_with("VALID "), "{out}");
    assert!(out.contains("revocation is only as fresh as the list"));
    assert_eq!(by_url, 0, "the whole scanned URL is accepted");
    assert_eq!(
        no_list, 0,
        "without the list a revoked certificate cannot be known"
    );
    assert!(no_list_out.contains("no revocation list given"));
    assert_ne!(listed, 0);
    assert!(listed_out.starts_with("REVOKED "), "{listed_out}");
    assert!(listed_err.contains("not valid"));
    assert_ne!(forged, 0);
    assert!(forged_out.starts_with("FORGED"));
    assert_ne!(bad_list, 0);
    assert!(bad_list_err.contains("revocation list"));
}

#[test]
fn a_qr_verdict_is_answered_from_memory_for_an_instant_and_a_revocation_shows_after_it() {
    let app = spawn_app_with(|s| s.certificates.verdict_cache_seconds = 4);
    let id = issued(&app);
    let token = token_of(&app, &id);
    let visitor = app.client();

    let kept_from = std::time::Instant::now();
    let first = visitor.get(&format!("/v/{token}"));
    revoke(&app, &id, "Seal broken");
    let at_once = visitor.get(&format!("/v/{token}"));
    let signed_in = app.signed_in("certifier_kz").get(&format!("/v/{token}"));
    let within = kept_from.elapsed();
    std::thread::sleep(std::time::Duration::from_millis(4100).saturating_sub(within));
    let later = visitor.get(&format!("/v/{token}"));

    assert!(first.body.contains("verdict-valid"));
    if within < std::time::Duration::from_secs(4) {
        assert!(
            at_once.body.contains("verdict-valid"),
            "the kept page, for an instant: {}",
            &at_once.body[at_once.body.find("<main").unwrap_or(0)..][..300]
        );
    }
    assert_eq!(at_once.header("cache-control"), Some("no-store"));
    assert!(
        signed_in.body.contains("verdict-revoked"),
        "pages for accounts are not kept"
    );
    assert!(later.body.contains("verdict-revoked"));
}
