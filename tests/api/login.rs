//! Signing in and out: success, failure, lockout, session renewal, idle timeout.

use diesel::prelude::*;
use jointlab::db::schema::{audit_events, login_throttles, users};
use jointlab::db::types::UtcTime;
use jointlab::i18n::{Lang, t, tn};
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
fn five_failures_lock_the_account_for_fifteen_minutes() {
    let app = spawn_app();
    let client = app.client();
    let email = app.user("reviewer_cn").email.clone();
    for attempt in 1..=4 {
        assert_eq!(
            client.login(&email, "wrong-password").status,
            422,
            "attempt {attempt}"
        );
    }
    let fifth = client.login(&email, "wrong-password");
    assert_eq!(fifth.status, 429);
    // Five failures from one address block the address too; once that block has passed,
    // the account is still locked.
    expire_address_blocks(&app);
    // The sixth attempt, even with the right password, is refused with the lockout message.
    let sixth = client.login(&email, PASSWORD);
    assert_eq!(sixth.status, 429);
    // The notice up to its "until" time: "… locked for 15 minutes (until ".
    let notice = tn(Lang::En, "login.locked", 15, &[("until", "\u{0}")]);
    let expected = html(notice.split('\u{0}').next().unwrap());
    assert!(expected.contains("15 minutes"), "{expected}");
    assert!(sixth.body.contains(&expected), "{}", sixth.body);
    assert!(client.cookie("jl_session").is_none());

    let mut conn = app.conn();
    let locked: Option<UtcTime> = users::table
        .filter(users::email.eq(&email))
        .select(users::locked_until)
        .first(&mut *conn)
        .unwrap();
    let minutes = (locked.unwrap().0 - UtcTime::now().0).num_minutes();
    assert!((14..=15).contains(&minutes), "{minutes}");
    let actions: Vec<String> = audit_events::table
        .order(audit_events::seq)
        .select(audit_events::action)
        .load(&mut *conn)
        .unwrap();
    assert_eq!(
        actions.iter().filter(|a| *a == "user.login_failed").count(),
        5
    );
    assert_eq!(actions.iter().filter(|a| *a == "user.locked").count(), 1);

    // Once the lock has passed, the right password works again.
    diesel::update(users::table.filter(users::email.eq(&email)))
        .set(users::locked_until.eq(Some(UtcTime::now().plus_minutes(-1))))
        .execute(&mut *conn)
        .unwrap();
    drop(conn);
    assert_eq!(client.login(&email, PASSWORD).status, 303);
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

/// Lets every client-address block run out, as 15 minutes would.
fn expire_address_blocks(app: &TestApp) {
    diesel::update(login_throttles::table)
        .set(login_throttles::blocked_until.eq(Some(UtcTime::now().plus_minutes(-1))))
        .execute(&mut *app.conn())
        .unwrap();
}

fn failed_logins(app: &TestApp, email: &str) -> (i32, Option<UtcTime>) {
    users::table
        .filter(users::email.eq(email))
        .select((users::failed_logins, users::locked_until))
        .first(&mut *app.conn())
        .unwrap()
}

fn is_throttled(res: &Resp, lang: Lang) -> bool {
    let text = t(lang, "login.throttled").split('{').next().unwrap();
    res.status == 429 && res.body.contains(&html(text))
}

#[test]
fn unknown_emails_from_one_address_are_throttled_and_so_is_everyone_there() {
    let app = spawn_app();
    let client = app.client();
    let admin = app.user("admin").email.clone();
    let before = failed_logins(&app, &admin);

    let answers: Vec<Resp> = (1..=5)
        .map(|i| client.login(&format!("nobody{i}@test.jointlab.local"), PASSWORD))
        .collect();
    let next_unknown = client.login("nobody6@test.jointlab.local", PASSWORD);
    let right_password = client.login(&admin, PASSWORD);

    for (i, res) in answers[..4].iter().enumerate() {
        assert_eq!(res.status, 422, "attempt {}", i + 1);
    }
    assert!(is_throttled(&answers[4], Lang::En), "{}", answers[4].body);
    assert!(
        is_throttled(&next_unknown, Lang::En),
        "{}",
        next_unknown.body
    );
    assert!(
        is_throttled(&right_password, Lang::En),
        "{}",
        right_password.body
    );
    assert!(
        next_unknown.body.contains("15 min"),
        "{}",
        next_unknown.body
    );
    assert!(client.cookie("jl_session").is_none());
    // The credential was not checked: the account counted nothing and is not locked.
    assert_eq!(failed_logins(&app, &admin), before);

    // Once the block has passed, the right password works again.
    expire_address_blocks(&app);
    assert_eq!(client.login(&admin, PASSWORD).status, 303);
}

#[test]
fn a_throttled_answer_does_not_tell_whether_the_email_exists() {
    let app = spawn_app();
    let client = app.client();
    client.get("/login?lang=ru");
    for i in 1..=5 {
        client.login(&format!("guess{i}@test.jointlab.local"), "guess");
    }
    let known = app.user("exporter").email.clone();
    let unknown = "someone.else@test.jointlab.local";

    let for_known = client.login(&known, "guess");
    let for_unknown = client.login(unknown, "guess");

    assert!(is_throttled(&for_known, Lang::Ru), "{}", for_known.body);
    // The same page, but for the e-mail the form keeps.
    assert_eq!(
        for_known.body.replace(&known, "E"),
        for_unknown.body.replace(unknown, "E")
    );
    assert_eq!(failed_logins(&app, &known).0, 0);
}

#[test]
fn behind_a_trusted_proxy_each_forwarded_client_has_its_own_count() {
    let app = spawn_app_with(|s| s.server.trusted_proxies = vec!["127.0.0.1".parse().unwrap()]);
    let mut guesser = app.client();
    guesser.headers = vec![("X-Forwarded-For".into(), "203.0.113.7".into())];
    let mut colleague = app.client();
    colleague.headers = vec![("X-Forwarded-For".into(), "198.51.100.2".into())];

    for i in 1..=5 {
        guesser.login(&format!("nobody{i}@test.jointlab.local"), "guess");
    }
    let guesser_again = guesser.login(&app.user("admin").email, PASSWORD);
    let colleague_signs_in = colleague.login(&app.user("admin").email, PASSWORD);

    assert!(
        is_throttled(&guesser_again, Lang::En),
        "{}",
        guesser_again.body
    );
    assert_eq!(
        colleague_signs_in.status, 303,
        "{}",
        colleague_signs_in.body
    );
}

#[test]
fn a_forged_forwarded_for_header_does_not_escape_the_throttle() {
    let app = spawn_app();
    let mut client = app.client();
    for i in 1..=5 {
        client.headers = vec![("X-Forwarded-For".into(), format!("198.51.100.{i}"))];
        client.login(&format!("nobody{i}@test.jointlab.local"), "guess");
    }

    let res = client.login(&app.user("admin").email, PASSWORD);

    assert!(is_throttled(&res, Lang::En), "{}", res.body);
}
