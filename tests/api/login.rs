//! Signing in and out: success, failure, throttling, session renewal, idle timeout.

use diesel::prelude::*;
use jointlab::db::schema::{audit_events, login_throttles, users};
use jointlab::db::types::UtcTime;
use jointlab::i18n::{Lang, t};
use jointlab::models::session;

use crate::helpers::{PASSWORD, Resp, TestApp, html, spawn_app, spawn_app_with};

#[test]
fn a_user_signs_in_and_lands_on_their_home_page() {
    let app = spawn_app();
    let client = app.client();
    assert_eq!(client.get("/").location(), Some("/login?next=/"));
    let res = client.post_from(
        "/login",
        "/login",
        &[
            ("email", "  Analyst.KZ@test.jointlab.local "),
            ("password", PASSWORD),
            ("next", "/account"),
        ],
    );
    assert_eq!(res.status, 303);
    assert_eq!(res.location(), Some("/account"));
    let cookie = res.header("set-cookie").unwrap();
    assert!(
        cookie.contains("jl_session=")
            && cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert!(
        !cookie.contains("Secure"),
        "plain http must not set Secure: {cookie}"
    );
    let home = client.get("/");
    assert_eq!(home.status, 200);
    assert!(home.body.contains(&app.user("analyst_kz").display_name));
    assert!(
        home.body
            .contains(&html(t(Lang::En, "home.duties.analyst")))
    );
}

#[test]
fn secure_cookies_when_the_public_url_is_https() {
    let app = spawn_app_with(|s| s.server.public_url = "https://lab.example.kz".into());
    let res = app.client().login(&app.user("admin").email, PASSWORD);
    assert!(res.header("set-cookie").unwrap().contains("Secure"));
}

#[test]
fn the_next_parameter_never_leaves_the_site() {
    let app = spawn_app();
    let res = app.client().post_from(
        "/login",
        "/login",
        &[
            ("email", &app.user("admin").email),
            ("password", PASSWORD),
            ("next", "//evil.example/x"),
        ],
    );
    assert_eq!(res.location(), Some("/"));
}

#[test]
fn a_wrong_password_or_unknown_email_gets_the_same_answer() {
    let app = spawn_app();
    let client = app.client();
    let wrong = client.login(&app.user("admin").email, "not-the-password");
    let unknown = client.login("nobody@test.jointlab.local", PASSWORD);
    for res in [&wrong, &unknown] {
        assert_eq!(res.status, 422);
        assert!(res.body.contains(t(Lang::En, "login.invalid")));
        assert!(client.cookie("jl_session").is_none());
    }
    assert!(
        wrong
            .body
            .contains(&format!("value=\"{}\"", app.user("admin").email)),
        "the e-mail is kept"
    );
}

#[test]
fn login_renews_the_session_and_logout_ends_it() {
    let app = spawn_app();
    let client = app.client();
    let user = app.user("certifier_kz");
    assert_eq!(client.login(&user.email, PASSWORD).status, 303);
    let first = client.cookie("jl_session").unwrap();
    // Signing in again from the same browser replaces the session.
    let res = client.post_from(
        "/account",
        "/login",
        &[("email", &user.email), ("password", PASSWORD)],
    );
    assert_eq!(res.status, 303);
    let second = client.cookie("jl_session").unwrap();
    assert_ne!(first, second);
    assert_eq!(session::count_for(&mut app.conn(), user.id).unwrap(), 1);
    assert_eq!(
        client
            .get_with_cookie("/", &format!("jl_session={first}"))
            .status,
        303,
        "the old token is dead"
    );

    let res = client.post("/logout", &[]);
    assert_eq!(res.location(), Some("/login?signed_out=1"));
    assert_eq!(session::count_for(&mut app.conn(), user.id).unwrap(), 0);
    assert_eq!(
        client
            .get_with_cookie("/", &format!("jl_session={second}"))
            .status,
        303,
        "a replayed token is dead"
    );
    assert!(
        client
            .get("/login?signed_out=1")
            .body
            .contains(t(Lang::En, "login.signed_out"))
    );
}

#[test]
fn an_idle_session_ends() {
    let app = spawn_app_with(|s| s.session.idle_timeout_minutes = 0);
    let client = app.signed_in("registrar_kz");
    let res = client.get("/");
    assert_eq!(res.status, 303);
    assert!(res.location().unwrap().starts_with("/login"));
    assert_eq!(
        session::count_for(&mut app.conn(), app.user("registrar_kz").id).unwrap(),
        0
    );
}

#[test]
fn a_deactivated_user_cannot_sign_in() {
    let app = spawn_app();
    let user = app.user("inspector");
    diesel::update(users::table.find(user.id))
        .set(users::active.eq(false))
        .execute(&mut *app.conn())
        .unwrap();
    let res = app.client().login(&user.email, PASSWORD);
    assert_eq!(res.status, 422);
    assert!(res.body.contains(t(Lang::En, "login.invalid")));
}

/// Lets every wait run out, as time would.
fn expire_waits(app: &TestApp) {
    diesel::update(login_throttles::table)
        .set(login_throttles::blocked_until.eq(Some(UtcTime::now().plus_minutes(-1))))
        .execute(&mut *app.conn())
        .unwrap();
}

/// The answer to a wrong password, an unknown e-mail and a throttled attempt alike.
fn is_refused(res: &Resp, lang: Lang) -> bool {
    res.status == 422 && res.body.contains(t(lang, "login.invalid"))
}

/// An app behind a trusted proxy, and a client per forwarded address.
fn behind_proxy() -> TestApp {
    spawn_app_with(|s| s.server.trusted_proxies = vec!["127.0.0.1".parse().unwrap()])
}

fn from(app: &TestApp, address: &str) -> crate::helpers::Client {
    let mut client = app.client();
    client.headers = vec![("X-Forwarded-For".into(), address.into())];
    client
}

fn wait_of(app: &TestApp, key: &str) -> Option<UtcTime> {
    login_throttles::table
        .find(key)
        .select(login_throttles::blocked_until)
        .first::<Option<UtcTime>>(&mut *app.conn())
        .optional()
        .unwrap()
        .flatten()
}

#[test]
fn past_five_failures_one_address_waits_for_that_account_but_never_locks_it() {
    let app = behind_proxy();
    let email = app.user("reviewer_cn").email.clone();
    let guesser = from(&app, "203.0.113.7");
    for attempt in 1..=6 {
        let res = guesser.login(&email, "wrong-password");
        assert!(is_refused(&res, Lang::En), "attempt {attempt}");
    }
    // The sixth failure started a wait for this pair: even the right password is refused,
    // with the same answer as a wrong one.
    let pair = jointlab::models::login_throttle::pair_key(&email, "203.0.113.7");
    assert!(wait_of(&app, &pair).is_some_and(|u| u > UtcTime::now()));
    assert!(is_refused(&guesser.login(&email, PASSWORD), Lang::En));
    // No lock on the account, and the owner's own address is not held back.
    assert_eq!(
        users::table
            .filter(users::email.eq(&email))
            .select(users::locked_until)
            .first::<Option<UtcTime>>(&mut *app.conn())
            .unwrap(),
        None
    );
    assert_eq!(
        from(&app, "198.51.100.2").login(&email, PASSWORD).status,
        303
    );
    let failed: i64 = audit_events::table
        .filter(audit_events::action.eq("user.login_failed"))
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(failed, 7);
    // Once the wait has passed, the right password works from the guesser's address too.
    expire_waits(&app);
    assert_eq!(guesser.login(&email, PASSWORD).status, 303);
}

#[test]
fn a_strangers_twenty_failures_from_one_address_do_not_stop_the_owner_from_another() {
    let app = behind_proxy();
    let admin = app.user("admin").email.clone();
    let stranger = from(&app, "203.0.113.7");
    for attempt in 1..=20 {
        let res = stranger.login(&admin, &format!("guess-{attempt}"));
        assert!(is_refused(&res, Lang::En), "attempt {attempt}");
    }
    assert!(is_refused(&stranger.login(&admin, PASSWORD), Lang::En));

    let owner = from(&app, "198.51.100.2");
    let res = owner.login(&admin, PASSWORD);

    assert_eq!(res.status, 303, "{}", res.body);
    assert!(owner.cookie("jl_session").is_some());
}

#[test]
fn many_emails_from_one_address_make_the_address_wait_and_others_are_untouched() {
    let app = behind_proxy();
    let admin = app.user("admin").email.clone();
    let guesser = from(&app, "203.0.113.7");
    for i in 1..=21 {
        guesser.login(&format!("nobody{i}@test.jointlab.local"), PASSWORD);
    }
    assert!(wait_of(&app, "203.0.113.7").is_some_and(|u| u > UtcTime::now()));
    assert!(is_refused(&guesser.login(&admin, PASSWORD), Lang::En));
    assert_eq!(
        from(&app, "198.51.100.2").login(&admin, PASSWORD).status,
        303
    );
    expire_waits(&app);
    assert_eq!(guesser.login(&admin, PASSWORD).status, 303);
}

#[test]
fn unknown_and_known_emails_get_the_same_status_and_page_throttled_or_not() {
    let app = spawn_app();
    let client = app.client();
    client.get("/login?lang=ru");
    let known = app.user("exporter").email.clone();
    let unknown = "someone.else@test.jointlab.local";
    let same = |a: &Resp, b: &Resp| {
        assert_eq!(a.status, b.status);
        // The same page, but for the e-mail the form keeps.
        assert_eq!(a.body.replace(&known, "E"), b.body.replace(unknown, "E"));
    };

    same(
        &client.login(&known, "guess"),
        &client.login(unknown, "guess"),
    );
    for _ in 1..=8 {
        client.login(&known, "guess");
        client.login(unknown, "guess");
    }
    // Both pairs wait now; the answers still do not differ.
    let for_known = client.login(&known, "guess");
    let for_unknown = client.login(unknown, "guess");

    assert!(is_refused(&for_known, Lang::Ru), "{}", for_known.body);
    same(&for_known, &for_unknown);
}

#[test]
fn a_forged_forwarded_for_header_does_not_escape_the_throttle() {
    let app = spawn_app();
    let mut client = app.client();
    for i in 1..=21 {
        client.headers = vec![("X-Forwarded-For".into(), format!("198.51.100.{i}"))];
        client.login(&format!("nobody{i}@test.jointlab.local"), "guess");
    }

    let res = client.login(&app.user("admin").email, PASSWORD);

    assert!(is_refused(&res, Lang::En), "{}", res.body);
}

#[test]
fn an_administrator_sees_and_clears_an_accounts_throttle() {
    let app = behind_proxy();
    let target = app.user("analyst_kz").clone();
    let guesser = from(&app, "203.0.113.7");
    for _ in 1..=6 {
        guesser.login(&target.email, "wrong-password");
    }
    assert!(is_refused(
        &guesser.login(&target.email, PASSWORD),
        Lang::En
    ));
    let admin = app.signed_in("admin");
    let page = admin.get(&format!("/admin/users/{}", target.id));
    assert!(page.body.contains("203.0.113.7"), "{}", page.body);
    assert!(
        page.body
            .contains(&html(t(Lang::En, "users.throttled_until")))
    );

    let res = admin.post(&format!("/admin/users/{}/clear-throttles", target.id), &[]);

    assert_eq!(res.status, 303, "{}", res.body);
    let page = admin.get(res.location().unwrap());
    assert!(
        page.body
            .contains(&html(t(Lang::En, "users.throttles_cleared")))
    );
    assert!(page.body.contains(&html(t(Lang::En, "users.no_throttles"))));
    assert_eq!(guesser.login(&target.email, PASSWORD).status, 303);
    let cleared: i64 = audit_events::table
        .filter(audit_events::action.eq("user.throttles_cleared"))
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(cleared, 1);
}

#[test]
fn the_account_ceiling_holds_back_addresses_that_failed_but_not_a_clean_one() {
    let app = behind_proxy();
    let email = app.user("certifier_cn").email.clone();
    // 56 failures, one from each address: no pair waits, but the account count does — past
    // its 50 free failures the wait doubles to 32 s, long enough to outlast a loaded machine
    // (a new address's attempt is still checked, so each one counts).
    for i in 1..=56 {
        from(&app, &format!("203.0.113.{i}")).login(&email, "wrong-password");
    }
    let account = jointlab::models::login_throttle::account_key(&email);
    assert!(wait_of(&app, &account).is_some_and(|u| u > UtcTime::now()));

    let failed_before = from(&app, "203.0.113.1").login(&email, PASSWORD);
    let clean = from(&app, "198.51.100.2").login(&email, PASSWORD);

    assert!(
        is_refused(&failed_before, Lang::En),
        "{}",
        failed_before.body
    );
    assert_eq!(clean.status, 303, "{}", clean.body);
}
