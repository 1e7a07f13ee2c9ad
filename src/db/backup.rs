//! `jointlab backup FILE` and `jointlab restore FILE` for the SQLite backend.
//!
//! A backup is `VACUUM INTO` a temporary file beside FILE: it reads one snapshot (a WAL read
//! transaction), so it is consistent while the server keeps writing, and never blocks it. The
//! file appears under its name only once it is complete.
//!
//! A restore first checks a private copy of FILE (integrity, a jointlab database of a
//! migration level this binary knows, an intact audit chain) and brings it to the current
//! migration level; then it takes the live database's exclusive lock (refused while a server
//! or another command has it open), keeps the old file beside it and renames the copy into
//! place: an atomic replace. PostgreSQL is backed up with `pg_dump -Fc` / `pg_restore`.

use std::path::{Path, PathBuf};

use diesel::connection::SimpleConnection;
use diesel::migration::MigrationSource;
use diesel::prelude::*;
use diesel::sql_types::Text;
use diesel::sqlite::{Sqlite, SqliteConnection};

use super::{DbConn, DbTarget, SQLITE_MIGRATIONS, run_migrations, sqlite_existing_uri};
use crate::models::audit::{self, ChainReport};

/// What to do on PostgreSQL instead.
pub const POSTGRES_HINT: &str = "backup and restore are for the SQLite backend; on PostgreSQL \
use pg_dump and pg_restore: `pg_dump -Fc -f jointlab.dump \"$URL\"`, then into an empty \
database `pg_restore --no-owner -d \"$NEW_URL\" jointlab.dump` (see README.md, Backups)";

/// What a backup wrote or a restore put in place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub bytes: u64,
    pub migration: String,
    pub samples: i64,
    pub audit_events: i64,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} bytes, migration {}, {} sample(s), {} audit event(s)",
            self.bytes, self.migration, self.samples, self.audit_events
        )
    }
}

fn sqlite_path(url: &str) -> Result<PathBuf, String> {
    match DbTarget::parse(url)? {
        DbTarget::Sqlite(path) => Ok(path),
        DbTarget::Postgres(_) => Err(POSTGRES_HINT.to_owned()),
    }
}

/// A file name beside `path`, hidden, unique: where a file is prepared before its rename.
fn beside(path: &Path, what: &str) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.{what}-{}", uuid::Uuid::now_v7().simple()))
}

fn open(location: &str) -> Result<SqliteConnection, String> {
    let mut conn = SqliteConnection::establish(location).map_err(|e| e.to_string())?;
    conn.batch_execute("PRAGMA busy_timeout = 10000;")
        .map_err(|e| e.to_string())?;
    Ok(conn)
}

/// Writes a consistent copy of the configured SQLite database to `dest`, which must not exist.
pub fn backup(url: &str, dest: &Path) -> Result<Summary, String> {
    let path = sqlite_path(url)?;
    if !path.is_file() {
        return Err(format!("no database at {}", path.display()));
    }
    if dest.exists() {
        return Err(format!(
            "{} exists: a backup never overwrites a file; choose a new name",
            dest.display()
        ));
    }
    if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let partial = beside(dest, "partial");
    let written = (|| -> Result<Summary, String> {
        let mut conn = open(&sqlite_existing_uri(&path))?;
        diesel::sql_query("VACUUM INTO ?")
            .bind::<Text, _>(partial.to_string_lossy())
            .execute(&mut conn)
            .map_err(|e| format!("cannot write the backup: {e}"))?;
        drop(conn);
        sync_file(&partial)?;
        let summary = summarise(&partial)?;
        // A hard link, not a rename: it refuses to replace a file made meanwhile.
        std::fs::hard_link(&partial, dest)
            .map_err(|e| format!("cannot create {}: {e}", dest.display()))?;
        Ok(summary)
    })();
    let _ = std::fs::remove_file(&partial);
    let summary = written?;
    sync_dir(dest)?;
    Ok(summary)
}

/// Replaces the configured SQLite database by the backup `source`, after checking it.
pub fn restore(url: &str, source: &Path) -> Result<(Summary, Option<PathBuf>), String> {
    let path = sqlite_path(url)?;
    if !source.is_file() {
        return Err(format!("no backup at {}", source.display()));
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let staged = beside(&path, "restore");
    let outcome = stage(source, &staged).and_then(|summary| {
        let kept = swap_in(&path, &staged)?;
        Ok((summary, kept))
    });
    if outcome.is_err() {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", staged.display()));
        }
    }
    outcome
}

/// Copies `source` to `staged` and makes it a checked, current, self-contained database.
fn stage(source: &Path, staged: &Path) -> Result<Summary, String> {
    let not_ours = |why: String| format!("{} is not a jointlab backup: {why}", source.display());
    std::fs::copy(source, staged).map_err(|e| format!("cannot read {}: {e}", source.display()))?;
    let mut conn = open(&sqlite_existing_uri(staged)).map_err(not_ours)?;
    let checks: Vec<String> = diesel::sql_query("PRAGMA integrity_check")
        .load::<Check>(&mut conn)
        .map_err(|e| not_ours(e.to_string()))?
        .into_iter()
        .map(|c| c.integrity_check)
        .collect();
    if checks != ["ok"] {
        return Err(format!(
            "{} fails the integrity check: {}",
            source.display(),
            checks.join("; ")
        ));
    }
    let applied: Vec<String> = diesel::sql_query("SELECT version FROM __diesel_schema_migrations")
        .load::<Version>(&mut conn)
        .map_err(|_| not_ours("it has no jointlab migrations".into()))?
        .into_iter()
        .map(|v| v.version)
        .collect();
    let known = known_migrations()?;
    if let Some(unknown) = applied.iter().find(|v| !known.contains(v)) {
        return Err(format!(
            "{} was made by a newer jointlab (migration {unknown} is unknown to this one); \
             restore it with that version",
            source.display()
        ));
    }
    if !applied.contains(&known[0]) {
        return Err(not_ours("its migrations are not jointlab's".into()));
    }
    let mut db = DbConn::Sqlite(conn);
    run_migrations(&mut db)?;
    match audit::verify(&mut db).map_err(|e| not_ours(e.to_string()))? {
        ChainReport::Intact { .. } => {}
        ChainReport::Broken { seq, id, reason } => {
            return Err(format!(
                "{}: audit chain broken at event #{seq} ({id}): {reason}; not restored",
                source.display()
            ));
        }
    }
    // One file, no journal beside it: what is renamed into place is the whole database.
    db.batch_execute("PRAGMA journal_mode = DELETE;")
        .map_err(|e| e.to_string())?;
    drop(db);
    sync_file(staged)?;
    summarise(staged)
}

/// Renames `staged` over `path` while holding `path`'s exclusive lock; the old file is kept
/// beside it (returned).
fn swap_in(path: &Path, staged: &Path) -> Result<Option<PathBuf>, String> {
    if !path.exists() {
        std::fs::rename(staged, path).map_err(|e| e.to_string())?;
        sync_dir(path)?;
        return Ok(None);
    }
    let mut lock = SqliteConnection::establish(&sqlite_existing_uri(path))
        .map_err(|e| format!("cannot open {}: {e}", path.display()))?;
    let in_use = |e: diesel::result::Error| {
        let reason = e.to_string();
        if reason.contains("locked") || reason.contains("busy") {
            format!(
                "the database {} is in use: stop the jointlab server (and any other jointlab \
                 command on it) before a restore; nothing was changed",
                path.display()
            )
        } else {
            format!(
                "cannot lock {}: {reason}; nothing was changed",
                path.display()
            )
        }
    };
    // In exclusive locking mode the lock stays after COMMIT, so no server can open the
    // database between the check and the rename; with WAL it needs every other connection
    // closed, so an idle server is refused too.
    lock.batch_execute(
        "PRAGMA busy_timeout = 2000; PRAGMA locking_mode = EXCLUSIVE; \
         BEGIN EXCLUSIVE; COMMIT;",
    )
    .map_err(in_use)?;
    // Folds the WAL into the old file and removes it, so nothing stale lies beside the new one.
    lock.batch_execute("PRAGMA journal_mode = DELETE;")
        .map_err(in_use)?;
    let kept = path.with_file_name(format!(
        "{}.before-restore-{}",
        path.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        chrono::Utc::now().format("%Y%m%dT%H%M%SZ")
    ));
    std::fs::hard_link(path, &kept)
        .map_err(|e| format!("cannot keep the old database as {}: {e}", kept.display()))?;
    std::fs::rename(staged, path).map_err(|e| e.to_string())?;
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    sync_dir(path)?;
    drop(lock);
    Ok(Some(kept))
}

fn known_migrations() -> Result<Vec<String>, String> {
    let mut known: Vec<String> = MigrationSource::<Sqlite>::migrations(&SQLITE_MIGRATIONS)
        .map_err(|e| e.to_string())?
        .iter()
        .map(|m| m.name().version().to_string())
        .collect();
    known.sort();
    Ok(known)
}

fn summarise(file: &Path) -> Result<Summary, String> {
    let bytes = std::fs::metadata(file).map_err(|e| e.to_string())?.len();
    let mut conn = open(&sqlite_existing_uri(file))?;
    let count = |conn: &mut SqliteConnection, sql: &str| {
        diesel::sql_query(sql)
            .get_result::<Count>(conn)
            .map(|c| c.n)
            .map_err(|e| e.to_string())
    };
    let samples = count(&mut conn, "SELECT COUNT(*) AS n FROM samples")?;
    let audit_events = count(
        &mut conn,
        "SELECT COALESCE(MAX(seq), 0) AS n FROM audit_events",
    )?;
    let migration =
        diesel::sql_query("SELECT MAX(version) AS version FROM __diesel_schema_migrations")
            .get_result::<Version>(&mut conn)
            .map(|v| v.version)
            .map_err(|e| e.to_string())?;
    Ok(Summary {
        bytes,
        migration,
        samples,
        audit_events,
    })
}

fn sync_file(path: &Path) -> Result<(), String> {
    std::fs::File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(|e| format!("cannot sync {}: {e}", path.display()))
}

/// Makes a rename in `path`'s folder durable.
fn sync_dir(path: &Path) -> Result<(), String> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    std::fs::File::open(dir)
        .and_then(|f| f.sync_all())
        .map_err(|e| format!("cannot sync {}: {e}", dir.display()))
}

#[derive(QueryableByName)]
struct Check {
    #[diesel(sql_type = Text)]
    integrity_check: String,
}

#[derive(QueryableByName)]
struct Version {
    #[diesel(sql_type = Text)]
    version: String,
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}
