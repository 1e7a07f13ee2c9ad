//! The notification inbox (unread count in the header, mark as read) and the per-user mail
//! settings on the account page.

use diesel::prelude::*;
use jointlab::db::schema::{notifications, outbox};
use jointlab::db::write_tx;
use jointlab::domain::notice::NoticeKind;
use jointlab::mail::{Notice, Site};

use crate::helpers::{TestApp, race, spawn_app};

/// Tells `who` of a returned application (through the same call the workflows use).
fn tell(app: &TestApp, who: &str, code: &str) {
    let site = Site::from_settings(&app.settings);
    let user = app.user(who).clone();
    write_tx(&mut app.conn(), |conn| {
        let notice = Notice::new(NoticeKind::ApplicationReturned, "/applications".into())
            .with("code", code)
            .with("reason", "Seal number missing");
        jointlab::mail::notify(conn, &site, &[user], &notice)
    })
    .unwrap();
}

fn notification_of(app: &TestApp, who: &str) -> String {
    notifications::table
        .filter(notifications::user_id.eq(app.user(who).id))
        .select(notifications::id)
        .first::<jointlab::models::notification::NotificationId>(&mut *app.conn())
        .unwrap()
        .to_string()
}

#[test]
fn the_header_counts_unread_notifications_and_parallel_mark_reads_do_it_once() {
    let app = spawn_app();
    tell(&app, "exporter", "AP-2026-000007");
    let client = app.signed_in("exporter");
    let home = client.get("/");
    assert!(home.body.contains("class=\"badge\">1<"), "{}", home.body);
    let inbox = client.get("/notifications");
    assert!(
        inbox
            .body
            .contains("Testing application AP-2026-000007 returned")
    );

    let id = notification_of(&app, "exporter");
    let path = format!("/notifications/{id}/read");
    let answers = race(&app, "exporter", 4, "/notifications", &path, &[]);
    let mut statuses: Vec<u16> = answers.iter().map(|r| r.status).collect();
    statuses.sort();
    assert_eq!(statuses, vec![303, 409, 409, 409]);
    assert!(!client.get("/").body.contains("class=\"badge\""));
}

#[test]
fn another_users_notification_is_not_found_and_forms_need_the_csrf_token() {
    let app = spawn_app();
    tell(&app, "exporter", "AP-2026-000008");
    let id = notification_of(&app, "exporter");
    let other = app.signed_in("exporter_b");
    let res = other.post_from("/notifications", &format!("/notifications/{id}/read"), &[]);
    assert_eq!(res.status, 404);
    assert!(!other.get("/notifications").body.contains("AP-2026-000008"));

    let owner = app.signed_in("exporter");
    assert_eq!(
        owner
            .post_raw(&format!("/notifications/{id}/read"), &[])
            .status,
        403
    );
    assert_eq!(owner.post_raw("/notifications/read-all", &[]).status, 403);
    assert_eq!(owner.post_raw("/account/mail", &[]).status, 403);
    assert!(owner.get("/").body.contains("class=\"badge\">1<"));
    let res = owner.post_from("/notifications", "/notifications/read-all", &[]);
    assert_eq!(res.status, 303);
    assert!(!owner.get("/").body.contains("class=\"badge\""));
}

#[test]
fn a_user_who_opts_out_of_an_event_gets_no_mail_for_it_but_still_the_notification() {
    let app = spawn_app();
    let client = app.signed_in("exporter");
    let account = client.get("/account");
    assert!(
        account
            .body
            .contains("value=\"application_returned\" checked")
    );
    let res = client.post_from(
        "/account",
        "/account/mail",
        &[
            ("receive", "certificate_issued"),
            ("receive", "certificate_revoked"),
        ],
    );
    assert_eq!(res.status, 303);
    let account = client.get("/account");
    assert!(
        !account
            .body
            .contains("value=\"application_returned\" checked")
    );
    assert!(
        account
            .body
            .contains("value=\"certificate_issued\" checked")
    );
    // A forged kind is refused, not stored.
    let res = client.post_from(
        "/account",
        "/account/mail",
        &[("receive", "password_reset")],
    );
    assert_eq!(res.status, 400);

    tell(&app, "exporter", "AP-2026-000009");
    tell(&app, "exporter_b", "AP-2026-000010");
    let queued: Vec<String> = outbox::table
        .select(outbox::to_address)
        .load(&mut *app.conn())
        .unwrap();
    assert_eq!(queued, vec![app.user("exporter_b").email.clone()]);
    assert!(client.get("/notifications").body.contains("AP-2026-000009"));
}
