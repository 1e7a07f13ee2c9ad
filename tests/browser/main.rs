//! Browser tests in headless Chromium. They need `chromium` and `chromium-driver` (Debian),
//! so they are ignored by a plain `cargo test`; `.ci/run` runs them with
//! `cargo test --test browser -- --ignored`, where a missing browser fails the run.

#[allow(dead_code)]
#[path = "../api/helpers.rs"]
mod helpers;
mod webdriver;

use helpers::{PASSWORD, spawn_app};
use jointlab::i18n::{Lang, t};
use webdriver::Browser;

fn screenshots() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots")
}

#[test]
#[ignore = "needs chromium and chromedriver: cargo test --test browser -- --ignored"]
fn sign_in_switch_to_chinese_and_sign_out() {
    let app = spawn_app();
    let profile = std::env::temp_dir().join(format!("jl-chromium-{}", uuid::Uuid::now_v7()));
    let browser = Browser::start(&profile);

    browser.goto(&format!("{}/", app.address));
    assert!(browser.url().contains("/login?next=/"), "{}", browser.url());
    browser.type_into("#email", &app.user("reviewer_kz").email);
    browser.type_into("#password", PASSWORD);
    browser.click("button[type=submit].primary");
    browser.wait_for_url("the home page", |u| {
        u.ends_with('/') && !u.contains("/login")
    });
    assert!(browser.source().contains(t(Lang::En, "nav.home")));

    browser.click("a[hreflang=zh-Hans]");
    browser.wait_for_url("the Chinese page", |u| u.contains("lang=zh"));
    let page = browser.wait_for_text("lang=\"zh-Hans\"");
    assert!(page.contains("lang=\"zh-Hans\""), "not Chinese: {page}");
    assert_eq!(
        browser.text("h1"),
        t(Lang::Zh, "home.greeting").replace("{name}", &app.user("reviewer_kz").display_name)
    );
    assert!(page.contains(t(Lang::Zh, "role.reviewer")) && page.contains(t(Lang::Zh, "side.kz")));
    browser.screenshot(&screenshots().join("home-zh.png"));

    browser.click("form[action='/logout'] button");
    browser.wait_for_url("the login page", |u| u.contains("/login?signed_out=1"));
    let login = browser.wait_for_text(t(Lang::Zh, "login.signed_out"));
    assert!(
        login.contains(t(Lang::Zh, "login.signed_out")),
        "sign-out notice not in Chinese: {login}"
    );
    browser.goto(&format!("{}/", app.address));
    assert!(
        browser.url().contains("/login"),
        "still signed in after logout"
    );
    browser.screenshot(&screenshots().join("login-zh.png"));
    drop(browser);
    let _ = std::fs::remove_dir_all(profile);
}
