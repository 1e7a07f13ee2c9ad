//! Backups: `jointlab backup` taken while the server writes is consistent, `jointlab restore`
//! puts it in place and the audit chain verifies; restore refuses what is not a sound jointlab
//! database and a database in use. On PostgreSQL: `pg_dump -Fc` / `pg_restore` into a fresh
//! database.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sqlite::SqliteConnection;
use jointlab::config::Settings;
use jointlab::db::schema::{audit_events, consignments, samples};
use jointlab::db::{Db, DbConn};

use crate::helpers::*;

fn scratch() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("jointlab-backup-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The app's settings over another database.
fn over(app: &TestApp, url: String) -> Settings {
    let mut settings = app.settings.clone();
    settings.database.url = url;
    settings
}

fn sqlite_url(path: &Path) -> String {
    format!("sqlite://{}", path.display())
}

fn run(settings: &Settings, args: &[&str]) -> Result<(), String> {
    let command = jointlab::cli::Command::parse_args(args).map_err(|e| e.to_string())?;
    jointlab::cli::run(command, settings.clone())
}

/// The sample codes' numbers and the count of `sample.registered` events in a database.
fn contents(url: &str) -> (Vec<i64>, i64) {
    let db = Db::open_existing(url, 1, std::time::Duration::from_secs(5)).unwrap();
    let mut conn = db.get().unwrap();
    let codes: Vec<String> = samples::table
        .select(samples::code)
        .load(&mut *conn)
        .unwrap();
    let mut numbers: Vec<i64> = codes
        .iter()
        .map(|c| c.rsplit('-').next().unwrap().parse().unwrap())
        .collect();
    numbers.sort_unstable();
    let events: i64 = audit_events::table
        .filter(audit_events::action.eq("sample.registered"))
        .count()
        .get_result(&mut *conn)
        .unwrap();
    (numbers, events)
}

/// The consignment registered first (ids are UUIDv7: ordered by time).
pub(crate) fn first_consignment(app: &TestApp) -> String {
    consignments::table
        .order(consignments::id)
        .select(consignments::id)
        .first::<jointlab::models::consignment::ConsignmentId>(&mut *app.conn())
        .unwrap()
        .to_string()
}

/// Registers a sample; its id when the server acknowledged it (303), `None` when it refused
/// or did not answer.
pub(crate) fn register(
    client: &Client,
    consignment: &str,
    token: &str,
    seal: &str,
) -> Option<String> {
    let res = client.try_post_raw(
        &format!("/consignments/{consignment}/samples"),
        &[
            ("csrf_token", token),
            ("seal_number", seal),
            ("mass", "2"),
            ("mass_unit", "kg"),
            ("storage", "ambient"),
            ("drawn_at", drawn_at()),
            ("drawn_by", "Test"),
        ],
    )?;
    (res.status == 303).then(|| res.location()?.rsplit('/').next().map(str::to_owned))?
}

#[test]
fn a_backup_taken_while_samples_are_registered_is_consistent_and_restores() {
    let app = spawn_app();
    if app.is_postgres() {
        return;
    }
    received_samples(&app, 0);
    let consignment = first_consignment(&app);
    let dir = scratch();
    let acked = Mutex::new(Vec::<String>::new());
    let stop = AtomicBool::new(false);
    let mut windows = Vec::new();

    std::thread::scope(|scope| {
        for writer in 0..2 {
            let (client, acked, stop, consignment) =
                (app.signed_in("registrar_kz"), &acked, &stop, &consignment);
            scope.spawn(move || {
                let token = client
                    .get(&format!("/consignments/{consignment}/samples/new"))
                    .csrf_token();
                let mut i = 0;
                while !stop.load(Ordering::Relaxed) {
                    i += 1;
                    let seal = format!("W{writer}-{i}");
                    let id = register(&client, consignment, &token, &seal).expect("registered");
                    acked.lock().unwrap().push(id);
                }
            });
        }
        for round in 0..3 {
            while acked.lock().unwrap().len() < 4 * (round + 1) {
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            let file = dir.join(format!("backup-{round}.db"));
            let before = acked.lock().unwrap().len();
            let out = app.cli(&["backup", file.to_str().unwrap()]);
            let after = acked.lock().unwrap().clone();
            assert_eq!(out, Ok(()), "backup {round}");
            windows.push((file, before, after));
        }
        stop.store(true, Ordering::Relaxed);
    });

    let all = acked.into_inner().unwrap();
    let (live, live_events) = contents(&app.settings.database.url);
    assert_eq!(live.len(), all.len(), "every acknowledged sample is stored");
    assert_eq!(live_events as usize, all.len());
    for (file, before, after) in windows {
        let target = dir.join(format!(
            "restored-{}",
            file.file_name().unwrap().to_string_lossy()
        ));
        let restored = over(&app, sqlite_url(&target));

        assert_eq!(run(&restored, &["restore", file.to_str().unwrap()]), Ok(()));

        assert_eq!(run(&restored, &["verify-audit"]), Ok(()));
        let (numbers, events) = contents(&restored.database.url);
        let n = numbers.len();
        // Two writers: at most two registrations were committed but not yet acknowledged.
        assert!(
            n >= before && n <= after.len() + 2,
            "{n} samples in a backup taken between {before} and {} acknowledgements",
            after.len()
        );
        assert_eq!(numbers, (1..=n as i64).collect::<Vec<_>>(), "gapless codes");
        assert_eq!(
            events as usize, n,
            "each sample with its audit event, no more"
        );
    }
    // The restored database serves.
    let restored = over(&app, sqlite_url(&dir.join("restored-backup-2.db")));
    let instance = app.another_instance(|s| *s = restored);
    let ready = Client::new(&instance.address).get("/readyz");
    assert_eq!(ready.status, 200, "{}", ready.body);
    drop(instance);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn restore_replaces_an_idle_database_and_keeps_the_old_one_beside_it() {
    let app = spawn_app();
    if app.is_postgres() {
        return;
    }
    received_samples(&app, 1);
    let dir = scratch();
    let backup = dir.join("one-sample.db");
    app.cli(&["backup", backup.to_str().unwrap()]).unwrap();
    let target = dir.join("live.db");
    let settings = over(&app, sqlite_url(&target));
    run(&settings, &["restore", backup.to_str().unwrap()]).unwrap();
    // The restored database moves on (a second registration) before the same backup comes back.
    {
        let db = Db::open_existing(&settings.database.url, 1, std::time::Duration::from_secs(5))
            .unwrap();
        db.get()
            .unwrap()
            .batch_execute("DELETE FROM code_counters")
            .unwrap();
    }

    let out = run(&settings, &["restore", backup.to_str().unwrap()]);

    assert_eq!(out, Ok(()));
    let kept: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("live.db.before-restore-"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(contents(&settings.database.url).0, vec![1]);
    let counters: i64 = {
        let db = Db::open_existing(&settings.database.url, 1, std::time::Duration::from_secs(5))
            .unwrap();
        jointlab::db::schema::code_counters::table
            .count()
            .get_result(&mut *db.get().unwrap())
            .unwrap()
    };
    assert!(counters > 0, "the backup's counters are back");
    assert_eq!(run(&settings, &["verify-audit"]), Ok(()));
    let _ = std::fs::remove_dir_all(&dir);
}

/// A copy of `backup` changed by `sql`.
fn altered(backup: &Path, name: &str, sql: &str) -> PathBuf {
    let copy = backup.with_file_name(name);
    std::fs::copy(backup, &copy).unwrap();
    let mut conn = SqliteConnection::establish(copy.to_str().unwrap()).unwrap();
    conn.batch_execute(sql).unwrap();
    copy
}

#[test]
fn restore_refuses_what_is_not_a_sound_jointlab_database_and_a_database_in_use() {
    let app = spawn_app();
    if app.is_postgres() {
        return;
    }
    received_samples(&app, 1);
    let dir = scratch();
    let backup = dir.join("good.db");
    app.cli(&["backup", backup.to_str().unwrap()]).unwrap();
    let text = dir.join("notes.txt");
    std::fs::write(&text, "not a database\n".repeat(300)).unwrap();
    let foreign = dir.join("foreign.db");
    SqliteConnection::establish(foreign.to_str().unwrap())
        .unwrap()
        .batch_execute("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);")
        .unwrap();
    let newer = altered(
        &backup,
        "newer.db",
        "INSERT INTO __diesel_schema_migrations (version) VALUES ('99991231000001')",
    );
    let tampered = altered(
        &backup,
        "tampered.db",
        "DROP TRIGGER audit_events_no_update; \
         UPDATE audit_events SET actor_label = 'someone else' WHERE seq = 2",
    );
    let corrupt = dir.join("corrupt.db");
    let mut bytes = std::fs::read(&backup).unwrap();
    let page = 4096;
    assert!(bytes.len() > 6 * page);
    for b in &mut bytes[3 * page..5 * page] {
        *b = 0x5a;
    }
    std::fs::write(&corrupt, bytes).unwrap();
    let target = dir.join("target.db");
    let settings = over(&app, sqlite_url(&target));
    run(&settings, &["restore", backup.to_str().unwrap()]).unwrap();
    let before = std::fs::read(&target).unwrap();
    let cases = [
        (&text, "is not a jointlab backup"),
        (&foreign, "has no jointlab migrations"),
        (&newer, "made by a newer jointlab"),
        (&tampered, "audit chain broken at event #2"),
        (&corrupt, "jointlab backup"),
        (&dir.join("missing.db"), "no backup at"),
    ];

    for (file, expected) in cases {
        let out = run(&settings, &["restore", file.to_str().unwrap()]);

        let message = out.expect_err(&format!("{} was restored", file.display()));
        assert!(message.contains(expected), "{}: {message}", file.display());
    }
    assert_eq!(
        std::fs::read(&target).unwrap(),
        before,
        "the database was changed"
    );
    assert_eq!(run(&settings, &["verify-audit"]), Ok(()));

    // The running server's own database.
    let busy = app.cli(&["restore", backup.to_str().unwrap()]);
    let message = busy.expect_err("restored under a running server");
    assert!(message.contains("stop the jointlab server"), "{message}");
    assert!(message.contains("nothing was changed"), "{message}");
    assert_eq!(contents(&app.settings.database.url).0, vec![1]);
    let leftovers: Vec<_> = std::fs::read_dir(app.settings.data.dir.parent().unwrap())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".restore-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn backup_never_overwrites_and_never_creates_a_database() {
    let app = spawn_app();
    if app.is_postgres() {
        return;
    }
    let dir = scratch();
    let existing = dir.join("existing.db");
    std::fs::write(&existing, "keep me").unwrap();
    let missing = over(&app, sqlite_url(&dir.join("nothing-here.db")));

    let overwrite = app.cli(&["backup", existing.to_str().unwrap()]);
    let of_nothing = run(&missing, &["backup", dir.join("b.db").to_str().unwrap()]);

    assert!(overwrite.unwrap_err().contains("never overwrites"));
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "keep me");
    assert!(of_nothing.unwrap_err().contains("no database at"));
    assert!(!dir.join("nothing-here.db").exists() && !dir.join("b.db").exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn on_postgresql_backup_and_restore_point_to_pg_dump() {
    let app = spawn_app();
    if !app.is_postgres() {
        return;
    }
    for command in ["backup", "restore"] {
        let out = app.cli(&[command, "/tmp/jl-never-written.db"]);

        let message = out.expect_err(command);
        assert!(
            message.contains("pg_dump -Fc") && message.contains("pg_restore"),
            "{message}"
        );
    }
    assert!(!Path::new("/tmp/jl-never-written.db").exists());
}

/// Runs a PostgreSQL client tool; `None` when it is not installed (outside CI).
fn pg_tool(program: &str, args: &[&str]) -> Option<std::process::Output> {
    match std::process::Command::new(program).args(args).output() {
        Ok(out) => Some(out),
        Err(e) if std::env::var("CI").as_deref() != Ok("true") => {
            eprintln!("skipped: {program} is not installed ({e})");
            None
        }
        Err(e) => panic!("{program} is required in CI (postgresql-client): {e}"),
    }
}

#[test]
fn pg_dump_and_pg_restore_carry_the_data_and_the_audit_chain() {
    let app = spawn_app();
    if !app.is_postgres() {
        return;
    }
    received_samples(&app, 2);
    let dir = scratch();
    let dump = dir.join("jointlab.dump");
    let url = app.settings.database.url.clone();
    let Some(dumped) = pg_tool("pg_dump", &["-Fc", "-f", dump.to_str().unwrap(), &url]) else {
        return;
    };
    assert!(
        dumped.status.success(),
        "{}",
        String::from_utf8_lossy(&dumped.stderr)
    );
    let admin = postgres_url().unwrap();
    let name = format!("jl_test_{}", uuid::Uuid::now_v7().simple());
    let mut admin_conn = diesel::pg::PgConnection::establish(&admin).unwrap();
    diesel::sql_query(format!("CREATE DATABASE {name}"))
        .execute(&mut admin_conn)
        .unwrap();
    let copy = with_database(&admin, &name);

    let restored = pg_tool(
        "pg_restore",
        &[
            "--no-owner",
            "--exit-on-error",
            "-d",
            &copy,
            dump.to_str().unwrap(),
        ],
    )
    .unwrap();

    assert!(
        restored.status.success(),
        "{}",
        String::from_utf8_lossy(&restored.stderr)
    );
    let settings = over(&app, copy.clone());
    assert_eq!(run(&settings, &["verify-audit"]), Ok(()));
    let count = |url: &str| -> (i64, i64) {
        let db = Db::open_existing(url, 1, std::time::Duration::from_secs(5)).unwrap();
        let mut conn = db.get().unwrap();
        let conn: &mut DbConn = &mut conn;
        (
            samples::table.count().get_result(conn).unwrap(),
            audit_events::table.count().get_result(conn).unwrap(),
        )
    };
    let (samples_copied, events_copied) = count(&copy);
    assert_eq!((samples_copied, events_copied), count(&url));
    assert_eq!(samples_copied, 2);
    let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .execute(&mut admin_conn);
    let _ = std::fs::remove_dir_all(&dir);
}
