//! Every state-changing request needs the CSRF token of its own session.

use jointlab::i18n::{Lang, t};
use jointlab::models::User;

use crate::helpers::{PASSWORD, spawn_app};

#[test]
fn login_without_a_token_is_refused_with_a_clear_page() {
    let app = spawn_app();
    let client = app.client();
    client.get("/login");
    let res = client.post_raw(
        "/login",
        &[("email", &app.user("admin").email), ("password", PASSWORD)],
    );
    assert_eq!(res.status, 403);
    assert!(
        res.body.contains(t(Lang::En, "error.csrf.title")),
        "{}",
        res.body
    );
    assert!(
        client.cookie("jl_session").is_none(),
        "no session may be opened"
    );
}

#[test]
fn a_wrong_or_foreign_token_is_refused() {
    let app = spawn_app();
    let alice = app.client();
    let mallory = app.client();
    let mallorys_token = mallory.get("/login").csrf_token();
    alice.get("/login");
    let email = app.user("admin").email.clone();
    for token in ["", "00", mallorys_token.as_str()] {
        let res = alice.post_raw(
            "/login",
            &[
                ("csrf_token", token),
                ("email", &email),
                ("password", PASSWORD),
            ],
        );
        assert_eq!(res.status, 403, "token {token:?} accepted");
    }
}

#[test]
fn a_signed_in_post_without_the_sessions_token_changes_nothing() {
    let app = spawn_app();
    let analyst = app.signed_in("analyst_kz");
    let visitor_token = app.client().get("/login").csrf_token();
    for fields in [
        vec![("language", "zh"), ("time_zone", "beijing")],
        vec![
            ("csrf_token", visitor_token.as_str()),
            ("language", "zh"),
            ("time_zone", "beijing"),
        ],
    ] {
        let res = analyst.post_raw("/account/preferences", &fields);
        assert_eq!(res.status, 403);
    }
    let user = User::find(&mut app.conn(), app.user("analyst_kz").id)
        .unwrap()
        .unwrap();
    assert_eq!(user.language, Lang::En);
    // The same request with the session's token goes through.
    let res = analyst.post(
        "/account/preferences",
        &[("language", "zh"), ("time_zone", "beijing")],
    );
    assert_eq!(res.status, 303);
    let user = User::find(&mut app.conn(), app.user("analyst_kz").id)
        .unwrap()
        .unwrap();
    assert_eq!(user.language, Lang::Zh);
}

#[test]
fn logout_needs_the_token_too() {
    let app = spawn_app();
    let admin = app.signed_in("admin");
    assert_eq!(admin.post_raw("/logout", &[]).status, 403);
    assert_eq!(admin.get("/").status, 200, "still signed in");
    assert_eq!(admin.post("/logout", &[]).status, 303);
    assert_eq!(admin.get("/").status, 303);
}

#[test]
fn the_token_is_accepted_in_a_header_for_scripts() {
    let app = spawn_app();
    let admin = app.signed_in("admin");
    let token = admin.get("/account").csrf_token();
    let res = admin.post_with_header("/logout", &token);
    assert_eq!(res.status, 303);
    assert_eq!(admin.get("/").status, 303);
}
