//! The audit chain: written with every change, never forked under parallel writes, and
//! `verify-audit` finds a hand-edited event.

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use jointlab::db::schema::audit_events;
use jointlab::db::{DbConn, write_tx};
use jointlab::models::audit::{self, Actor, AuditEntry, ChainReport};
use serde_json::json;

use crate::helpers::{PASSWORD, TestApp, spawn_app};

fn seqs(app: &TestApp) -> Vec<i64> {
    audit_events::table
        .order(audit_events::seq)
        .select(audit_events::seq)
        .load(&mut *app.conn())
        .unwrap()
}

#[test]
fn parallel_writers_never_fork_the_chain() {
    let app = spawn_app();
    let before = seqs(&app).len();
    let (threads, per_thread) = (8, 25);
    std::thread::scope(|scope| {
        for t in 0..threads {
            let db = app.db().clone();
            scope.spawn(move || {
                let mut conn = db.get().unwrap();
                for i in 0..per_thread {
                    write_tx(&mut conn, |conn: &mut DbConn| {
                        audit::record(
                            conn,
                            AuditEntry::new(
                                &Actor::system("test"),
                                "test.parallel",
                                "test",
                                format!("{t}-{i}"),
                            )
                            .after(json!({ "t": t, "i": i })),
                        )
                    })
                    .expect("every append commits");
                }
            });
        }
    });
    let seqs = seqs(&app);
    assert_eq!(seqs.len(), before + threads * per_thread);
    assert!(
        seqs.iter().enumerate().all(|(i, s)| *s == i as i64 + 1),
        "sequence has gaps or duplicates"
    );
    let report = audit::verify(&mut app.conn()).unwrap();
    assert_eq!(
        report,
        ChainReport::Intact {
            events: seqs.len() as i64
        }
    );
}

#[test]
fn parallel_requests_keep_the_chain_whole() {
    let app = spawn_app();
    let keys = [
        "registrar_kz",
        "registrar_cn",
        "analyst_kz",
        "analyst_cn",
        "reviewer_kz",
        "reviewer_cn",
    ];
    std::thread::scope(|scope| {
        for key in keys {
            let app = &app;
            scope.spawn(move || {
                for lang in ["ru", "kk", "zh", "en"] {
                    let client = app.client();
                    assert_eq!(client.login(&app.user(key).email, PASSWORD).status, 303);
                    assert_eq!(client.get(&format!("/?lang={lang}")).status, 200);
                }
            });
        }
    });
    // Per user: 4 logins, 4 language changes (the first "en" is no change: 3) .
    let logins: i64 = audit_events::table
        .filter(audit_events::action.eq("user.login"))
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(logins, 4 * keys.len() as i64);
    assert!(matches!(
        audit::verify(&mut app.conn()).unwrap(),
        ChainReport::Intact { .. }
    ));
}

#[test]
fn the_log_refuses_updates_and_deletes() {
    let app = spawn_app();
    let mut conn = app.conn();
    assert!(
        diesel::update(audit_events::table)
            .set(audit_events::action.eq("forged"))
            .execute(&mut *conn)
            .is_err()
    );
    assert!(
        diesel::delete(audit_events::table)
            .execute(&mut *conn)
            .is_err()
    );
}

#[test]
fn verify_audit_names_the_first_hand_edited_event() {
    let app = spawn_app();
    // A session of changes through the interface.
    let admin = app.signed_in("admin");
    admin.post(
        "/account/preferences",
        &[("language", "ru"), ("time_zone", "beijing")],
    );
    admin.post(
        &format!("/admin/users/{}/reset-password", app.user("analyst_cn").id),
        &[],
    );
    assert_eq!(app.cli(&["verify-audit"]), Ok(()));

    // Someone with database access rewrites event #3.
    let mut conn = app.conn();
    let disable = if app.is_postgres() {
        "ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update"
    } else {
        "DROP TRIGGER audit_events_no_update"
    };
    conn.batch_execute(disable).unwrap();
    diesel::update(audit_events::table.filter(audit_events::seq.eq(3)))
        .set(audit_events::actor_label.eq("someone-else@test.jointlab.local"))
        .execute(&mut *conn)
        .unwrap();
    drop(conn);

    match audit::verify(&mut app.conn()).unwrap() {
        ChainReport::Broken { seq, reason, .. } => {
            assert_eq!(seq, 3);
            assert!(reason.contains("hash"), "{reason}");
        }
        other => panic!("a forged event went unnoticed: {other:?}"),
    }
    let err = app.cli(&["verify-audit"]).unwrap_err();
    assert!(err.contains("#3"), "{err}");
}

#[test]
fn a_removed_event_breaks_the_chain() {
    let app = spawn_app();
    let mut conn = app.conn();
    let disable = if app.is_postgres() {
        "ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update"
    } else {
        "DROP TRIGGER audit_events_no_delete"
    };
    conn.batch_execute(disable).unwrap();
    diesel::delete(audit_events::table.filter(audit_events::seq.eq(2)))
        .execute(&mut *conn)
        .unwrap();
    match audit::verify(&mut conn).unwrap() {
        ChainReport::Broken { seq, reason, .. } => {
            assert_eq!((seq, reason.contains("missing")), (2, true), "{reason}")
        }
        other => panic!("a removed event went unnoticed: {other:?}"),
    }
}

#[test]
fn admins_and_auditors_browse_and_filter_the_log() {
    let app = spawn_app();
    let admin = app.signed_in("admin");
    app.client()
        .login(&app.user("exporter").email, "wrong-password");
    let page = admin.get("/admin/audit?action=user.login_failed");
    assert_eq!(page.status, 200);
    let table = page.body.split("<tbody>").nth(1).unwrap_or_default();
    assert!(table.contains(&crate::helpers::en("history.action.user.login_failed")));
    assert!(
        !table.contains(&crate::helpers::en("history.action.user.created")),
        "filter ignored"
    );
    let auditor = app.signed_in("auditor_cn");
    let page = auditor.get(&format!(
        "/admin/audit?actor={}",
        app.user("exporter").email
    ));
    assert_eq!(page.status, 200);
    let table = page.body.split("<tbody>").nth(1).unwrap_or_default();
    assert!(table.contains(&crate::helpers::en("history.action.user.login_failed")));
    // A malformed date is answered beside the field, not with an error page.
    let page = auditor.get("/admin/audit?from=31.12.2026");
    assert_eq!(page.status, 200);
    assert!(page.body.contains(jointlab::i18n::t(
        jointlab::i18n::Lang::En,
        "field.date_invalid"
    )));
    assert!(page.body.contains("value=\"31.12.2026\""));
}

#[test]
fn blind_events_show_their_values_only_to_their_side() {
    let app = spawn_app();
    let mut conn = app.conn();
    write_tx(&mut conn, |conn: &mut DbConn| {
        audit::record(
            conn,
            AuditEntry::new(&Actor::system("test"), "test.result_entered", "test", "t-1")
                .after(json!({ "value": "SECRET-KZ-VALUE-0.0042" }))
                .blind_to_other_side(jointlab::domain::Side::Kz),
        )
    })
    .unwrap();
    drop(conn);
    let kz = app.signed_in("auditor_kz").get("/admin/audit?action=test.");
    let cn = app.signed_in("auditor_cn").get("/admin/audit?action=test.");
    let admin = app.signed_in("admin").get("/admin/audit?action=test.");
    for page in [&kz, &cn, &admin] {
        assert_eq!(
            page.status, 200,
            "a refused page proves nothing about blindness"
        );
    }
    assert!(kz.body.contains("SECRET-KZ-VALUE-0.0042"));
    for page in [&cn, &admin] {
        assert!(page.body.contains(&crate::helpers::en("history.hidden")));
        assert!(!page.body.contains("SECRET-KZ-VALUE"), "blind value leaked");
    }
}
