//! Password reset by e-mail: a link that works once, expires, ends every session; the same
//! answer for a known and an unknown address; CSRF on both forms; parallel uses of one link.

use std::time::{Duration, Instant};

use diesel::prelude::*;
use jointlab::db::schema::{audit_events, outbox, password_resets};

use crate::helpers::{Client, PASSWORD, TestApp, en, spawn_app_with};
use crate::mail::{MailServer, Received, mailing};

const NEW_PASSWORD: &str = "Fresh-apricot-orchard-71";

/// The reset link's path in a mail (quoted-printable soft breaks undone).
fn link_in(mail: &Received) -> String {
    let raw = mail.raw.replace("=\r\n", "");
    let start = raw.find("/password-reset/").expect("a reset link") + "/password-reset/".len();
    let token: String = raw[start..]
        .chars()
        .take_while(|c| c.is_ascii_hexdigit())
        .collect();
    assert_eq!(token.len(), 64, "{raw}");
    format!("/password-reset/{token}")
}

/// Asks for a link for `email`; the answer and how long the POST took.
fn ask(app: &TestApp, email: &str) -> (crate::helpers::Resp, Duration) {
    let client = app.client();
    let token = client.get("/password-reset").csrf_token();
    let started = Instant::now();
    let res = client.post_raw(
        "/password-reset",
        &[("csrf_token", &token), ("email", email)],
    );
    (res, started.elapsed())
}

/// Asks for a link for `who` and returns its path from the mail.
fn link_for(app: &TestApp, smtp: &MailServer, who: &str) -> String {
    let email = app.user(who).email.clone();
    let (res, _) = ask(app, &email);
    assert_eq!(res.status, 200, "{}", res.body);
    let mail = smtp.wait_until(
        |r| r.to.iter().any(|t| t.contains(&email)),
        Duration::from_secs(20),
    );
    assert_eq!(mail.len(), 1);
    link_in(&mail[0])
}

/// Posts a new password to `link` (the CSRF token from the request form, which every visitor
/// gets, so that a dead link can be posted to as well).
fn set(client: &Client, link: &str, password: &str) -> crate::helpers::Resp {
    let token = client.get("/password-reset").csrf_token();
    client.post_raw(
        link,
        &[
            ("csrf_token", &token),
            ("new", password),
            ("confirm", password),
        ],
    )
}

#[test]
fn a_reset_link_sets_a_new_password_once_and_ends_every_session() {
    let smtp = MailServer::up();
    let app = spawn_app_with(|s| mailing(s, &smtp));
    let before = app.signed_in("analyst_kz");
    assert!(
        app.client()
            .get("/login")
            .body
            .contains("href=\"/password-reset\"")
    );

    let link = link_for(&app, &smtp, "analyst_kz");
    let visitor = app.client();
    let form = visitor.get(&link);
    assert_eq!(form.status, 200);
    // The password policy of the account page holds.
    let weak = set(&visitor, &link, "short");
    assert_eq!(weak.status, 422, "{}", weak.body);
    let done = set(&visitor, &link, NEW_PASSWORD);
    assert_eq!(done.status, 303, "{}", done.body);
    assert_eq!(done.location(), Some("/login?reset=done"));

    // Every session ended; the old password is gone, the new one works.
    assert_ne!(before.get("/account").status, 200);
    let email = app.user("analyst_kz").email.clone();
    assert_ne!(app.client().login(&email, PASSWORD).status, 303);
    assert_eq!(app.client().login(&email, NEW_PASSWORD).status, 303);

    // Used: the link shows why and sets nothing.
    let again = app.client();
    assert_eq!(again.get(&link).status, 409);
    assert!(
        again
            .get(&link)
            .body
            .contains(&crate::helpers::html(&en("reset.invalid")))
    );
    assert_eq!(set(&again, &link, "Another-long-password-99").status, 409);
    assert_eq!(app.client().login(&email, NEW_PASSWORD).status, 303);

    let audited: i64 = audit_events::table
        .filter(audit_events::action.eq("user.password_reset_by_mail"))
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(audited, 1);
}

#[test]
fn an_unknown_address_gets_the_same_page_after_the_same_time_and_no_mail() {
    let smtp = MailServer::up();
    let app = spawn_app_with(|s| mailing(s, &smtp));
    let known = app.user("exporter").email.clone();
    ask(&app, "warm-up@test.jointlab.local");
    let (a, known_time) = ask(&app, &known);
    let (b, unknown_time) = ask(&app, "nobody@test.jointlab.local");
    assert_eq!(a.status, 200);
    assert_eq!(b.status, 200);
    assert_eq!(a.body, b.body);
    assert!(a.body.contains(&crate::helpers::html(&en("reset.sent"))));
    for t in [known_time, unknown_time] {
        assert!(t >= Duration::from_millis(250), "{t:?}");
    }
    eprintln!(
        "FIGURE reset request answered in {known_time:?} (known) and {unknown_time:?} (unknown)"
    );
    let queued: i64 = outbox::table.count().get_result(&mut *app.conn()).unwrap();
    assert_eq!(queued, 1);
    // Not an address at all: the form again, with the message beside the field.
    let (bad, _) = ask(&app, "not-an-address");
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains("value=\"not-an-address\""));
}

#[test]
fn an_expired_or_unknown_link_is_refused() {
    let smtp = MailServer::up();
    let app = spawn_app_with(|s| mailing(s, &smtp));
    let link = link_for(&app, &smtp, "reviewer_cn");
    let past = jointlab::db::types::UtcTime::now().plus_minutes(-1);
    diesel::update(password_resets::table)
        .set(password_resets::expires_at.eq(past))
        .execute(&mut *app.conn())
        .unwrap();
    let client = app.client();
    let res = client.get(&link);
    assert_eq!(res.status, 404);
    assert!(
        res.body
            .contains(&crate::helpers::html(&en("reset.invalid")))
    );
    assert_eq!(set(&client, &link, NEW_PASSWORD).status, 404);
    let made_up = format!("/password-reset/{}", "ab".repeat(32));
    assert_eq!(client.get(&made_up).status, 404);
    assert_eq!(client.get("/password-reset/not-hex").status, 404);
    let email = app.user("reviewer_cn").email.clone();
    assert_eq!(app.client().login(&email, PASSWORD).status, 303);
}

#[test]
fn parallel_uses_of_one_link_set_the_password_once() {
    let smtp = MailServer::up();
    let app = spawn_app_with(|s| mailing(s, &smtp));
    let link = link_for(&app, &smtp, "certifier_kz");
    let n = 4;
    let clients: Vec<(Client, String)> = (0..n)
        .map(|_| {
            let c = app.client();
            let token = c.get(&link).csrf_token();
            (c, token)
        })
        .collect();
    let barrier = std::sync::Barrier::new(n);
    let mut statuses: Vec<u16> = std::thread::scope(|scope| {
        let handles: Vec<_> = clients
            .iter()
            .enumerate()
            .map(|(i, (client, token))| {
                let barrier = &barrier;
                let link = &link;
                scope.spawn(move || {
                    let password = format!("{NEW_PASSWORD}-{i}");
                    barrier.wait();
                    client
                        .post_raw(
                            link,
                            &[
                                ("csrf_token", token),
                                ("new", &password),
                                ("confirm", &password),
                            ],
                        )
                        .status
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    statuses.sort();
    assert_eq!(statuses, vec![303, 409, 409, 409]);
}

#[test]
fn both_reset_forms_refuse_a_request_without_the_csrf_token() {
    let smtp = MailServer::up();
    let app = spawn_app_with(|s| mailing(s, &smtp));
    let email = app.user("exporter").email.clone();
    let client = app.client();
    client.get("/password-reset");
    let res = client.post_raw("/password-reset", &[("email", &email)]);
    assert_eq!(res.status, 403);
    std::thread::sleep(Duration::from_millis(200));
    let queued: i64 = outbox::table.count().get_result(&mut *app.conn()).unwrap();
    assert_eq!(queued, 0);

    let link = link_for(&app, &smtp, "exporter");
    let res = client.post_raw(&link, &[("new", NEW_PASSWORD), ("confirm", NEW_PASSWORD)]);
    assert_eq!(res.status, 403);
    // The link still works.
    assert_eq!(set(&app.client(), &link, NEW_PASSWORD).status, 303);
}
