//! Verification on a phone whose link drops: online the verdict page saves the keys and the
//! revocation list; with the server gone, the QR link is checked in the browser (WebCrypto
//! Ed25519) and never reads VALID for a token whose signature fails.

use std::time::{Duration, Instant};

use diesel::prelude::*;
use jointlab::db::schema::certificates;
use jointlab::i18n::{Lang, t};

use crate::helpers::{PASSWORD, TestApp, issue_certificate, revoke_certificate, spawn_app};
use crate::screenshots;
use crate::webdriver::Browser;

/// Issues a certificate for a fresh tested consignment through the pages; returns its id
/// and token.
pub fn issue(app: &TestApp) -> (String, String) {
    let id = issue_certificate(app, "Urumqi Grain Co.", "Wagons 61234567");
    let cid: jointlab::db::ids::CertificateId = id.parse().unwrap();
    let token: Option<String> = certificates::table
        .find(cid)
        .select(certificates::token)
        .first(&mut *app.conn())
        .unwrap();
    (id, token.unwrap())
}

fn revoke(app: &TestApp, id: &str) {
    revoke_certificate(app, id, "Seal broken");
}

/// The URL the QR code on the first page of certificate `id`'s PDF carries (pdftoppm + zbarimg).
fn scanned_url(app: &TestApp, id: &str) -> String {
    let (status, _, pdf) = app
        .signed_in("certifier_kz")
        .get_bytes(&format!("/certificates/{id}.pdf"));
    assert_eq!(status, 200);
    let dir = app.settings.data.dir.join("scan");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("certificate.pdf");
    std::fs::write(&file, pdf).unwrap();
    let page = dir.join("page");
    crate::tool(
        "pdftoppm",
        &[
            "-r",
            "150",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            file.to_str().unwrap(),
            page.to_str().unwrap(),
        ],
    );
    crate::tool(
        "zbarimg",
        &["--quiet", "--raw", dir.join("page.png").to_str().unwrap()],
    )
    .trim()
    .to_owned()
}

/// Waits until the page's script says which verdict section it shows.
fn shown_verdict(browser: &Browser) -> String {
    let started = Instant::now();
    loop {
        // The sections a person sees: exactly one, once the check is done.
        let v = browser.execute(
            "var seen = Array.prototype.filter.call(\
               document.querySelectorAll('[data-offline-verify] [data-verdict]'),\
               function (s) { return getComputedStyle(s).display !== 'none'; });\
             return seen.length === 1 ? seen[0].getAttribute('data-verdict') : null;",
        );
        if let Some(v) = v.as_str().filter(|v| *v != "checking") {
            return v.to_owned();
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "no offline verdict: {}",
            browser.source()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
#[ignore = "needs chromium and chromedriver: cargo test --test browser -- --ignored"]
fn a_qr_link_is_verified_in_the_browser_when_the_server_cannot_be_reached() {
    let app = spawn_app();
    let (first_id, first) = issue(&app);
    let (_, second) = issue(&app);
    let (revoked_id, revoked) = issue(&app);
    revoke(&app, &revoked_id);
    let profile = std::env::temp_dir().join(format!("jl-chromium-{}", uuid::Uuid::now_v7()));
    let browser = Browser::start(&profile);
    browser.resize(390, 844);

    // Online: the server's verdict, and the worker saves what an offline check needs.
    browser.goto(&format!("{}/v/{first}?lang=kk", app.address));
    let online = browser.wait_for_text("verdict-valid");
    assert!(online.contains(t(Lang::Kk, "verify.verdict.valid")));
    browser.screenshot(&screenshots().join("verify-online-kk-390.png"));
    let overflow = browser.execute(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;",
    );
    assert_eq!(
        overflow,
        serde_json::json!(0),
        "the verdict page scrolls sideways"
    );
    let saved = browser.execute(
        "return navigator.serviceWorker.ready.then(function () {\
           return caches.match('/.well-known/revocations.json'); })\
         .then(function (r) { return r ? r.text() : null; });",
    );
    assert!(
        saved.as_str().is_some_and(|s| s.split('.').count() == 3),
        "the signed revocation list is saved: {saved}"
    );
    let offline_page =
        browser.execute("return caches.match('/v/offline').then(function (r) { return !!r; });");
    assert_eq!(offline_page, serde_json::json!(true));

    // An inspector scans the printed certificate: the QR code on the PDF's first page opens
    // the verdict, and he records the release at his post.
    let first_id = first_id.clone();
    let url = scanned_url(&app, &first_id);
    let path = &url[url.find("/v/").expect("a /v/ link")..];
    assert_eq!(path, format!("/v/{first}"));
    browser.goto(&format!("{}/login", app.address));
    browser.type_into("#email", &app.user("inspector").email);
    browser.type_into("#password", PASSWORD);
    browser.click("button[type=submit].primary");
    browser.wait_for_url("the home page", |u| !u.contains("/login"));
    browser.goto(&format!("{}{path}?lang=kk", app.address));
    browser.wait_for_text("verdict-valid");
    browser.click("a[href$='#border-check']");
    browser.wait_for_text("/border-checks");
    browser.click("input[name=outcome][value=released]");
    browser.click("form[action$='/border-checks'] button.primary");
    let recorded = browser.wait_for_text(t(Lang::Kk, "border.outcome.released"));
    assert!(
        recorded.contains(&app.user("inspector").display_name),
        "the check history names the inspector"
    );
    browser.screenshot(&screenshots().join("border-released-kk-390.png"));

    // The link drops: the server is gone.
    app.stop_server();
    let address = app.address.clone();
    assert!(
        std::net::TcpStream::connect(address.trim_start_matches("http://")).is_err(),
        "the server still answers"
    );

    browser.goto(&format!("{address}/v/{second}"));
    assert_eq!(shown_verdict(&browser), "valid");
    let page = browser.source();
    assert!(page.contains(t(Lang::Kk, "verify.offline_valid")));
    let fresh = browser.execute("return document.querySelector('[data-fresh]').textContent;");
    let fresh = fresh.as_str().unwrap_or_default().to_owned();
    assert!(
        fresh.contains("UTC") && !fresh.contains("{date}"),
        "says how old the revocation list is: {fresh}"
    );
    let number = browser.execute("return document.querySelector('[data-claim=sub]').textContent;");
    assert!(number.as_str().unwrap_or_default().starts_with("KZCN-PC-"));
    browser.screenshot(&screenshots().join("verify-offline-valid-kk-390.png"));

    // One byte changed in the signature: FORGED, loud.
    let mut forged = second.clone().into_bytes();
    let last = forged.len() - 5;
    forged[last] = if forged[last] == b'A' { b'B' } else { b'A' };
    let forged = String::from_utf8(forged).unwrap();
    browser.goto(&format!("{address}/v/{forged}"));
    assert_eq!(shown_verdict(&browser), "forged");
    browser.screenshot(&screenshots().join("verify-offline-forged-kk-390.png"));

    // Revoked before the list was saved: REVOKED from the saved list.
    browser.goto(&format!("{address}/v/{revoked}"));
    assert_eq!(shown_verdict(&browser), "revoked");

    // A token signed by no key of the lab's.
    let header = second.split('.').next().unwrap();
    let stranger = format!(
        "{header}.eyJzdWIiOiJLWkNOLVBDLTIwMjYtOTk5OTk5In0.{}",
        "A".repeat(86)
    );
    browser.goto(&format!("{address}/v/{stranger}"));
    assert_eq!(shown_verdict(&browser), "forged");
    drop(browser);
    let _ = std::fs::remove_dir_all(profile);
}
