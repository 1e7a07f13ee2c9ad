//! One's own account: changing the password (its refusals, the sessions it ends) and the
//! language and time-zone preferences.

use jointlab::domain::TimeZone;
use jointlab::i18n::Lang;
use jointlab::models::User;

use crate::helpers::*;

fn stored(app: &TestApp, key: &str) -> User {
    User::find(&mut app.conn(), app.user(key).id)
        .unwrap()
        .expect("the account exists")
}

const NEW_PASSWORD: &str = "Altyn-Emel-2026-dunes";

#[test]
fn visitors_are_sent_to_the_login_page() {
    let app = spawn_app();

    let res = app.client().get("/account");

    assert_eq!(res.status, 303);
    assert_eq!(res.location(), Some("/login?next=/account"));
}

#[test]
fn a_wrong_short_common_reused_or_mismatched_password_change_is_refused_and_changes_nothing() {
    let app = spawn_app();
    let client = app.signed_in("reviewer_kz");
    let hash_before = stored(&app, "reviewer_kz").password_hash;
    let local = app.user("reviewer_kz").email.split('@').next().unwrap();
    let personal = format!("Steppe-{local}-2026");
    // (current, new, confirm, the wrong field, its message)
    let cases = [
        (
            "Wrong-password-2026",
            NEW_PASSWORD,
            NEW_PASSWORD,
            "current",
            "account.current_wrong",
        ),
        (
            PASSWORD,
            "Short-1",
            "Short-1",
            "new",
            "field.password_short",
        ),
        (
            PASSWORD,
            NEW_PASSWORD,
            "Altyn-Emel-2026-dune",
            "new",
            "field.password_mismatch",
        ),
        (
            PASSWORD,
            "password1234",
            "password1234",
            "new",
            "field.password_common",
        ),
        (
            PASSWORD,
            "1234567890ab",
            "1234567890ab",
            "new",
            "field.password_common",
        ),
        (PASSWORD, PASSWORD, PASSWORD, "new", "field.password_reused"),
        (
            PASSWORD,
            &personal,
            &personal,
            "new",
            "field.password_personal",
        ),
    ];

    for (current, new, confirm, field, key) in cases {
        let res = client.post(
            "/account/password",
            &[("current", current), ("new", new), ("confirm", confirm)],
        );

        assert_eq!(res.status, 422, "{key}: {}", res.body);
        let message = format!(r#"id="{field}-error">{}</p>"#, shown(Lang::En, key));
        assert!(
            res.body.contains(&message),
            "{key}: no {message} in {}",
            res.body
        );
    }
    assert_eq!(stored(&app, "reviewer_kz").password_hash, hash_before);
    assert_eq!(client.get("/").status, 200, "a refusal signed the user out");
    let email = &app.user("reviewer_kz").email;
    assert_eq!(app.client().login(email, PASSWORD).status, 303);
}

#[test]
fn a_password_change_ends_the_other_sessions_and_keeps_this_one() {
    let app = spawn_app();
    let changing = app.signed_in("analyst_cn");
    let other = app.signed_in("analyst_cn");
    assert_eq!(other.get("/").status, 200);

    let res = changing.post(
        "/account/password",
        &[
            ("current", PASSWORD),
            ("new", NEW_PASSWORD),
            ("confirm", NEW_PASSWORD),
        ],
    );

    assert_eq!(res.status, 303, "{}", res.body);
    assert_eq!(res.location(), Some("/account?saved=password"));
    let res = other.get("/");
    assert_eq!(res.status, 303, "the other session survived");
    assert!(
        res.location().unwrap_or("").starts_with("/login"),
        "{res:?}"
    );
    assert_eq!(changing.get("/").status, 200);
    let page = changing.get("/account?saved=password");
    assert!(
        page.body
            .contains(&shown(Lang::En, "account.password_changed"))
    );
}

#[test]
fn after_a_change_only_the_new_password_signs_in() {
    let app = spawn_app();
    let client = app.signed_in("auditor_kz");
    let email = app.user("auditor_kz").email.clone();

    let res = client.post(
        "/account/password",
        &[
            ("current", PASSWORD),
            ("new", NEW_PASSWORD),
            ("confirm", NEW_PASSWORD),
        ],
    );

    assert_eq!(res.status, 303, "{}", res.body);
    assert_eq!(app.client().login(&email, PASSWORD).status, 422);
    let fresh = app.client();
    let res = fresh.login(&email, NEW_PASSWORD);
    assert_eq!((res.status, res.location()), (303, Some("/")));
    assert_eq!(fresh.get("/").status, 200);
}

#[test]
fn preferences_store_language_and_time_zone_and_the_pages_follow() {
    let app = spawn_app();
    let client = app.signed_in("admin");

    let res = client.post(
        "/account/preferences",
        &[("language", "zh"), ("time_zone", "beijing")],
    );

    assert_eq!(res.status, 303, "{}", res.body);
    assert_eq!(res.location(), Some("/account?saved=preferences"));
    let user = stored(&app, "admin");
    assert_eq!(
        (user.language, user.time_zone),
        (Lang::Zh, TimeZone::Beijing)
    );
    let home = client.get("/");
    assert_eq!(home.status, 200);
    assert!(
        home.body.contains(r#"<html lang="zh-Hans""#),
        "{}",
        home.body
    );
    assert!(home.body.contains(&shown(Lang::Zh, "home.duties.admin")));
    // The admin's home lists recent events: their times are now in China time.
    assert!(home.body.contains("UTC+8") && !home.body.contains("UTC+5"));
    // The language follows the account, not the browser: a fresh sign-in is Chinese too.
    let fresh = app.signed_in("admin");
    assert!(fresh.get("/").body.contains(r#"<html lang="zh-Hans""#));
}

#[test]
fn preferences_outside_the_offered_choices_are_refused() {
    let app = spawn_app();
    let client = app.signed_in("certifier_cn");
    let before = stored(&app, "certifier_cn");

    let bad_language = client.post(
        "/account/preferences",
        &[("language", "de"), ("time_zone", "almaty")],
    );
    let bad_zone = client.post(
        "/account/preferences",
        &[("language", "ru"), ("time_zone", "moscow")],
    );

    assert_eq!(bad_language.status, 400, "{}", bad_language.body);
    assert_eq!(bad_zone.status, 400, "{}", bad_zone.body);
    let after = stored(&app, "certifier_cn");
    assert_eq!(
        (after.language, after.time_zone),
        (before.language, before.time_zone)
    );
}

#[test]
fn wrong_current_passwords_count_like_failed_sign_ins() {
    let app = spawn_app();
    let client = app.signed_in("reviewer_kz");
    let change = |current: &str| {
        client.post(
            "/account/password",
            &[
                ("current", current),
                ("new", NEW_PASSWORD),
                ("confirm", NEW_PASSWORD),
            ],
        )
    };
    for attempt in 1..=6 {
        assert_eq!(
            change("Wrong-password-2026").status,
            422,
            "attempt {attempt}"
        );
    }

    // The pair now waits: the right current password is not checked either.
    let res = change(PASSWORD);

    assert_eq!(res.status, 422);
    assert!(res.body.contains(&shown(Lang::En, "account.current_wrong")));
    let email = &app.user("reviewer_kz").email;
    assert_eq!(app.client().login(email, PASSWORD).status, 422);
}
