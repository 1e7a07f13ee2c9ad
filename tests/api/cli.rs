//! The command line (a stable interface): `create-user`, `seed-demo` and `verify-audit`, run
//! against the test app's own database.

use jointlab::db::DbConn;
use jointlab::domain::{Bin, Role, Side};
use jointlab::i18n::{Lang, t};
use jointlab::models::user::UserFilter;
use jointlab::models::{BorderPost, Exporter, User};

use crate::helpers::*;

fn find(app: &TestApp, email: &str) -> Option<User> {
    User::find_by_email(&mut app.conn(), email).unwrap()
}

fn all_users(app: &TestApp) -> Vec<User> {
    User::list(&mut app.conn(), &UserFilter::default(), 1000).unwrap()
}

const DEMO_PASSWORD: &str = "Demo-pass-2026";

#[test]
fn create_user_makes_a_lab_account_with_a_one_time_password() {
    let app = spawn_app();

    let out = app.cli(&[
        "create-user",
        "--email",
        "new.analyst@example.kz",
        "--role",
        "analyst",
        "--side",
        "kz",
    ]);

    assert_eq!(out, Ok(()));
    let user = find(&app, "new.analyst@example.kz").expect("the account exists");
    assert_eq!((user.role, user.side), (Role::Analyst, Some(Side::Kz)));
    assert!(user.must_change_password && user.active);
    assert_eq!((user.exporter_id, user.border_post_id), (None, None));
}

#[test]
fn create_user_links_an_exporter_to_its_company_and_an_inspector_to_its_post() {
    let app = spawn_app();
    let company = &app.exporters[0];
    let dostyk = BorderPost::find_by_code(&mut app.conn(), "DST")
        .unwrap()
        .expect("Dostyk is seeded");

    let exporter = app.cli(&[
        "create-user",
        "--email",
        "new.exporter@example.kz",
        "--role",
        "exporter",
        "--exporter",
        &company.bin,
    ]);
    let inspector = app.cli(&[
        "create-user",
        "--email",
        "new.inspector@example.kz",
        "--role",
        "inspector",
        "--post",
        "DST",
    ]);

    assert_eq!(exporter, Ok(()));
    assert_eq!(inspector, Ok(()));
    let exporter = find(&app, "new.exporter@example.kz").unwrap();
    assert_eq!(
        (exporter.role, exporter.exporter_id, exporter.side),
        (Role::Exporter, Some(company.id), None)
    );
    let inspector = find(&app, "new.inspector@example.kz").unwrap();
    assert_eq!(
        (inspector.role, inspector.border_post_id, inspector.side),
        (Role::Inspector, Some(dostyk.id), None)
    );
}

#[test]
fn create_user_refuses_wrong_arguments_with_a_clear_message() {
    let app = spawn_app();
    // A well-formed BIN (right check digit) that no company has.
    let unknown_bin = (0..100u64)
        .find_map(|n| Bin::complete(&format!("{:011}", 50_000_000_000 + n)))
        .expect("some prefix has a check digit");
    assert!(app.exporters.iter().all(|e| e.bin != unknown_bin.as_str()));
    let taken = app.user("analyst_kz").email.clone();
    let side_required = t(Lang::En, "field.side_required");
    let bin = unknown_bin.as_str();
    // (arguments after create-user, a part of the expected message)
    let cases = [
        (
            "--email x1@example.kz --role chemist".to_owned(),
            "unknown role \"chemist\"",
        ),
        (
            "--email x2@example.kz --role analyst".to_owned(),
            side_required,
        ),
        (
            format!("--email x3@example.kz --role exporter --exporter {bin}"),
            "no exporter company with BIN",
        ),
        (
            format!("--email {taken} --role analyst --side cn"),
            "already exists",
        ),
        (
            "--email x5@example.kz --role inspector --post XYZ".to_owned(),
            "no border post \"XYZ\"",
        ),
    ];
    let before = User::count(&mut app.conn()).unwrap();

    for (args, expected) in cases {
        let mut command = vec!["create-user"];
        command.extend(args.split_whitespace());

        let out = app.cli(&command);

        let message = out.expect_err(&format!("{args:?} was accepted"));
        assert!(
            message.contains(expected),
            "{args:?}: {message:?} does not say {expected:?}"
        );
    }
    assert_eq!(User::count(&mut app.conn()).unwrap(), before);
    let still = find(&app, &taken).unwrap();
    assert_eq!(
        still.side,
        Some(Side::Kz),
        "the existing account was changed"
    );
}

#[test]
fn seed_demo_creates_every_role_and_side_once_and_its_users_can_sign_in() {
    let app = spawn_app();
    let before: Vec<String> = all_users(&app).into_iter().map(|u| u.email).collect();

    let first = app.cli(&["seed-demo", "--password", DEMO_PASSWORD]);
    let after_first = all_users(&app);
    let companies_after_first = Exporter::all(&mut app.conn()).unwrap().len();
    let second = app.cli(&["seed-demo", "--password", DEMO_PASSWORD]);
    let after_second = all_users(&app);

    assert_eq!(first, Ok(()));
    assert_eq!(second, Ok(()));
    let demo: Vec<&User> = after_first
        .iter()
        .filter(|u| !before.contains(&u.email))
        .collect();
    for role in Role::ALL {
        let sides: &[Option<Side>] = if role.has_side() {
            &[Some(Side::Kz), Some(Side::Cn)]
        } else {
            &[None]
        };
        for side in sides {
            assert!(
                demo.iter().any(|u| u.role == *role && u.side == *side),
                "no demo {role} {side:?} among {demo:?}"
            );
        }
    }
    assert!(demo.iter().all(|u| u.active && !u.must_change_password));
    let emails = |users: &[User]| users.iter().map(|u| u.email.clone()).collect::<Vec<_>>();
    assert_eq!(emails(&after_second), emails(&after_first), "duplicated");
    assert_eq!(
        Exporter::all(&mut app.conn()).unwrap().len(),
        companies_after_first
    );

    let analyst = demo
        .iter()
        .find(|u| u.role == Role::Analyst && u.side == Some(Side::Cn))
        .unwrap();
    let client = app.client();
    let res = client.login(&analyst.email, DEMO_PASSWORD);
    assert_eq!(
        (res.status, res.location()),
        (303, Some("/")),
        "{}",
        res.body
    );
    assert_eq!(client.get("/").status, 200);
}

#[test]
fn verify_audit_holds_after_command_line_and_web_changes() {
    let app = spawn_app();
    let admin = app.signed_in("admin");
    let created = app.cli(&[
        "create-user",
        "--email",
        "audit.me@example.kz",
        "--role",
        "auditor",
        "--side",
        "cn",
    ]);
    assert_eq!(created, Ok(()));
    let id = find(&app, "audit.me@example.kz").unwrap().id;
    let res = admin.post(&format!("/admin/users/{id}/deactivate"), &[]);
    assert_eq!(res.status, 303);
    assert_eq!(app.cli(&["seed-demo", "--password", DEMO_PASSWORD]), Ok(()));

    let intact = app.cli(&["verify-audit"]);
    tamper_with_event(&app, 2);
    let tampered = app.cli(&["verify-audit"]);

    assert_eq!(intact, Ok(()));
    let message = tampered.expect_err("an edited event went unnoticed");
    assert!(message.contains("#2"), "{message}");
}

/// Edits one audit event behind the application's back, as someone with database access
/// could after dropping the append-only guard.
fn tamper_with_event(app: &TestApp, seq: i64) {
    use diesel::connection::SimpleConnection;
    let sql = format!("UPDATE audit_events SET actor_label = 'someone else' WHERE seq = {seq}");
    let mut conn = app.conn();
    match &mut *conn {
        DbConn::Pg(c) => c.batch_execute(&format!(
            "ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update; {sql}"
        )),
        DbConn::Sqlite(c) => {
            c.batch_execute(&format!("DROP TRIGGER audit_events_no_update; {sql}"))
        }
    }
    .expect("the event is edited");
}

/// Runs the `jointlab` binary in `dir` (no config files there: the built-in defaults) over the
/// SQLite file `db`.
fn binary(dir: &std::path::Path, db: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_jointlab"))
        .args(args)
        .current_dir(dir)
        .env_remove("JOINTLAB_ENV")
        .env_remove("RUST_LOG")
        .env(
            "JOINTLAB__DATABASE__URL",
            format!("sqlite://{}", db.display()),
        )
        .env("JOINTLAB__DATA__DIR", dir.join("data"))
        .stdin(std::process::Stdio::null())
        .output()
        .expect("the jointlab binary runs")
}

fn scratch_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("jointlab-cli-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn verify_audit_refuses_a_missing_database_and_creates_nothing() {
    let dir = scratch_dir();
    let in_dir = dir.join("jointlab.db");
    let nested = dir.join("no-such-folder").join("jointlab.db");

    for db in [&in_dir, &nested] {
        let out = binary(&dir, db, &["verify-audit"]);

        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.contains(&format!("no database at {}", db.display())),
            "{stderr}"
        );
        assert!(!db.exists(), "{} was created", db.display());
    }
    assert!(
        !dir.join("no-such-folder").exists(),
        "its folder was created"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn migrate_creates_the_database_that_verify_audit_then_reads() {
    let dir = scratch_dir();
    let db = dir.join("db").join("jointlab.db");

    let migrated = binary(&dir, &db, &["migrate"]);
    let verified = binary(&dir, &db, &["verify-audit"]);

    let stderr = String::from_utf8_lossy(&migrated.stderr);
    assert!(migrated.status.success(), "{stderr}");
    assert!(db.is_file());
    // Logs written to a pipe carry no terminal colour codes.
    assert!(stderr.contains("applied migration"), "{stderr}");
    assert!(!stderr.contains('\u{1b}'), "ANSI codes in {stderr:?}");
    assert!(
        verified.status.success(),
        "{}",
        String::from_utf8_lossy(&verified.stderr)
    );
    assert!(String::from_utf8_lossy(&verified.stdout).contains("audit chain intact"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn usage_errors_go_to_stderr_with_exit_2_and_help_to_stdout_with_exit_0() {
    let dir = scratch_dir();
    let db = dir.join("jointlab.db");

    let missing = binary(&dir, &db, &["create-user", "--role", "admin"]);
    let unknown = binary(&dir, &db, &["launch"]);
    let help = binary(&dir, &db, &["help"]);

    for out in [&missing, &unknown] {
        assert_eq!(out.status.code(), Some(2));
        assert!(out.stdout.is_empty());
    }
    let stderr = String::from_utf8_lossy(&missing.stderr);
    assert!(
        stderr.contains("--email") && stderr.contains("Usage:"),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("launch"));
    assert_eq!(help.status.code(), Some(0));
    let text = String::from_utf8_lossy(&help.stdout);
    for command in [
        "serve",
        "migrate",
        "create-user",
        "seed-demo",
        "verify-audit",
    ] {
        assert!(text.contains(command), "{command} missing from {text}");
    }
    assert!(!db.exists(), "a usage error touched the database");
    std::fs::remove_dir_all(&dir).unwrap();
}
