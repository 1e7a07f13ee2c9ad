//! The database: one connection enum over SQLite and PostgreSQL, chosen from the URL scheme,
//! an r2d2 pool, embedded migrations and the transaction helper every write goes through.

pub mod backup;
pub mod ids;
pub mod listing;
pub mod schema;
pub mod search;
pub mod types;

use std::path::PathBuf;
use std::time::Duration;

use diesel::Connection;
use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};
use diesel::pg::PgConnection;
use diesel::r2d2::{self, ManageConnection, PooledConnection};
use diesel::sqlite::SqliteConnection;
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

/// A connection to whichever backend the configured URL names.
#[derive(diesel::MultiConnection)]
pub enum DbConn {
    Pg(PgConnection),
    Sqlite(SqliteConnection),
}

pub const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
pub const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// Where the data lives, parsed from `database.url`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DbTarget {
    /// `sqlite://data/jointlab.db` (relative) or `sqlite:///abs/path.db` (absolute).
    Sqlite(PathBuf),
    /// `postgres://…` or `postgresql://…`, handed to libpq as is.
    Postgres(String),
}

impl DbTarget {
    pub fn parse(url: &str) -> Result<Self, String> {
        if let Some(path) = url.strip_prefix("sqlite://") {
            if path.is_empty() {
                return Err("database.url: sqlite:// needs a file path".into());
            }
            Ok(DbTarget::Sqlite(PathBuf::from(path)))
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(DbTarget::Postgres(url.to_owned()))
        } else {
            Err("database.url must start with sqlite:// or postgres://".into())
        }
    }
}

/// A statement at least this slow is logged as a warning (every statement is logged, with its
/// time, at debug level: `RUST_LOG=jointlab::db=debug`).
const SLOW_QUERY: Duration = Duration::from_millis(100);

/// Times each statement of a connection and logs it: its SQL only, never the bound values (they
/// carry people's names and results).
#[derive(Default)]
struct QueryTimer {
    started: Option<std::time::Instant>,
}

impl diesel::connection::Instrumentation for QueryTimer {
    fn on_connection_event(&mut self, event: diesel::connection::InstrumentationEvent<'_>) {
        use diesel::connection::InstrumentationEvent as Event;
        match event {
            Event::StartQuery { .. } => self.started = Some(std::time::Instant::now()),
            Event::FinishQuery { query, .. } => {
                let Some(started) = self.started.take() else {
                    return;
                };
                let elapsed = started.elapsed();
                let slow = elapsed >= SLOW_QUERY;
                if slow || tracing::enabled!(tracing::Level::DEBUG) {
                    let text = query.to_string();
                    let sql = brief(text.split(" -- binds:").next().unwrap_or_default());
                    let ms = elapsed.as_secs_f64() * 1000.0;
                    if slow {
                        tracing::warn!(ms, sql, "slow query");
                    } else {
                        tracing::debug!(ms, sql, "query");
                    }
                }
            }
            _ => {}
        }
    }
}

/// A statement as the log shows it: a query's column list elided (what it filters on and
/// how it orders is what matters), and at most 600 characters (a multi-row insert repeats its
/// placeholders thousands of times).
fn brief(sql: &str) -> String {
    let sql = match (sql.strip_prefix("SELECT "), sql.find(" FROM ")) {
        (Some(_), Some(from)) => format!("SELECT …{}", &sql[from..]),
        _ => sql.to_owned(),
    };
    match sql.char_indices().nth(600) {
        Some((end, _)) => format!("{}…", &sql[..end]),
        None => sql,
    }
}

/// r2d2 manager that opens the right variant and sets SQLite's pragmas on every connection.
#[derive(Debug, Clone)]
pub struct DbManager {
    target: DbTarget,
    /// Whether a missing SQLite file may be created (not for commands that only read).
    create: bool,
}

/// The SQLite URI that opens `path` read-write but never creates it (`mode=rw`).
fn sqlite_existing_uri(path: &std::path::Path) -> String {
    let mut uri = String::from("file:");
    for b in path.to_string_lossy().bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                uri.push(b as char)
            }
            _ => uri.push_str(&format!("%{b:02X}")),
        }
    }
    uri.push_str("?mode=rw");
    uri
}

#[derive(Debug)]
pub struct ConnectError(String);

impl std::fmt::Display for ConnectError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ConnectError {}

impl ManageConnection for DbManager {
    type Connection = DbConn;
    type Error = ConnectError;

    fn connect(&self) -> Result<DbConn, ConnectError> {
        match &self.target {
            DbTarget::Postgres(url) => {
                let mut conn =
                    PgConnection::establish(url).map_err(|e| ConnectError(e.to_string()))?;
                // No parallel workers: every statement of a page reads a few thousand rows at
                // most, and starting a worker cost more than the statement (a "to review"
                // count took 10 ms with one worker and 4.7 ms without, at a million samples).
                conn.batch_execute("SET max_parallel_workers_per_gather = 0")
                    .map_err(|e| ConnectError(e.to_string()))?;
                conn.set_instrumentation(QueryTimer::default());
                Ok(DbConn::Pg(conn))
            }
            DbTarget::Sqlite(path) => {
                let location = if self.create {
                    path.to_string_lossy().into_owned()
                } else {
                    sqlite_existing_uri(path)
                };
                let mut conn = SqliteConnection::establish(&location).map_err(|e| {
                    if !self.create && !path.exists() {
                        ConnectError(format!("no database at {}", path.display()))
                    } else {
                        ConnectError(e.to_string())
                    }
                })?;
                // `synchronous = FULL`: in WAL mode each commit is on disk before the request
                // is answered, so an acknowledged write survives a power cut too (NORMAL keeps
                // it only across a crash of the process). One fsync per commit is cheap at a
                // laboratory's write rate.
                conn.batch_execute(
                    "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; \
                     PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;",
                )
                .map_err(|e| ConnectError(e.to_string()))?;
                conn.set_instrumentation(QueryTimer::default());
                Ok(DbConn::Sqlite(conn))
            }
        }
    }

    fn is_valid(&self, conn: &mut DbConn) -> Result<(), ConnectError> {
        conn.batch_execute("SELECT 1")
            .map_err(|e| ConnectError(e.to_string()))
    }

    fn has_broken(&self, conn: &mut DbConn) -> bool {
        match conn {
            DbConn::Pg(c) => AnsiTransactionManager::is_broken_transaction_manager(c),
            DbConn::Sqlite(c) => AnsiTransactionManager::is_broken_transaction_manager(c),
        }
    }
}

pub type DbPool = r2d2::Pool<DbManager>;

/// The pool, and the only way handlers reach the database: off the async workers.
#[derive(Clone)]
pub struct Db {
    pool: DbPool,
}

impl Db {
    /// Opens the pool (creating the SQLite file's folder if needed, and the file on first
    /// connection).
    pub fn connect(url: &str, pool_size: u32, timeout: Duration) -> Result<Self, String> {
        let target = DbTarget::parse(url)?;
        if let DbTarget::Sqlite(path) = &target
            && let Some(dir) = path.parent()
            && !dir.as_os_str().is_empty()
        {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        Self::pool(target, true, pool_size, timeout)
    }

    /// Opens the pool of a database that must already exist: for commands that only read,
    /// which must never leave an empty SQLite file (or its folder) behind.
    pub fn open_existing(url: &str, pool_size: u32, timeout: Duration) -> Result<Self, String> {
        let target = DbTarget::parse(url)?;
        if let DbTarget::Sqlite(path) = &target
            && !path.is_file()
        {
            return Err(format!("no database at {}", path.display()));
        }
        Self::pool(target, false, pool_size, timeout)
    }

    fn pool(
        target: DbTarget,
        create: bool,
        pool_size: u32,
        timeout: Duration,
    ) -> Result<Self, String> {
        let pool = r2d2::Pool::builder()
            .max_size(pool_size.max(1))
            // Open connections as needed: eight at once on a brand-new SQLite file race to
            // switch it to WAL and log "database is locked".
            .min_idle(Some(1))
            .connection_timeout(timeout)
            .build(DbManager { target, create })
            .map_err(|e| format!("cannot open the database: {e}"))?;
        Ok(Db { pool })
    }

    /// How many connections are lent out right now.
    pub fn connections_in_use(&self) -> u32 {
        let state = self.pool.state();
        state.connections - state.idle_connections
    }

    /// A connection for synchronous callers (the command line, start-up).
    pub fn get(&self) -> Result<PooledConnection<DbManager>, r2d2::PoolError> {
        self.pool.get()
    }

    /// The pool, for the web layer's blocking runner (`web::db`).
    pub fn connections(&self) -> &DbPool {
        &self.pool
    }
}

/// One write transaction. On SQLite it begins `IMMEDIATE`, taking the write lock before the
/// first read, so that read-then-write transactions queue on the busy timeout instead of
/// failing with a stale snapshot; PostgreSQL uses an ordinary transaction (row and advisory
/// locks are taken where needed, e.g. the audit chain).
pub fn write_tx<T, E, F>(conn: &mut DbConn, f: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConn) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    if matches!(conn, DbConn::Pg(_)) {
        return conn.transaction(f);
    }
    if let DbConn::Sqlite(c) = conn {
        AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE")?;
    }
    let outcome = f(conn);
    let DbConn::Sqlite(c) = conn else {
        unreachable!("checked above")
    };
    match outcome {
        Ok(value) => {
            AnsiTransactionManager::commit_transaction(c)?;
            Ok(value)
        }
        Err(e) => {
            AnsiTransactionManager::rollback_transaction(c)?;
            Err(e)
        }
    }
}

/// Applies pending migrations of the connection's backend; returns the versions applied.
/// On PostgreSQL an advisory lock keeps instances starting together from racing.
pub fn run_migrations(conn: &mut DbConn) -> Result<Vec<String>, String> {
    const MIGRATION_LOCK: i64 = 0x4a4c_4d49_4752; // "JLMIGR"
    let applied = match conn {
        DbConn::Pg(c) => {
            c.batch_execute(&format!("SELECT pg_advisory_lock({MIGRATION_LOCK})"))
                .map_err(|e| e.to_string())?;
            let result = versions(c.run_pending_migrations(POSTGRES_MIGRATIONS));
            c.batch_execute(&format!("SELECT pg_advisory_unlock({MIGRATION_LOCK})"))
                .map_err(|e| e.to_string())?;
            result
        }
        DbConn::Sqlite(c) => versions(c.run_pending_migrations(SQLITE_MIGRATIONS)),
    };
    applied.map_err(|e| format!("migration failed: {e}"))
}

fn versions<E: std::fmt::Display>(
    result: Result<Vec<diesel::migration::MigrationVersion<'_>>, E>,
) -> Result<Vec<String>, String> {
    result
        .map(|applied| applied.iter().map(|v| v.to_string()).collect())
        .map_err(|e| e.to_string())
}

/// True when every embedded migration has been applied.
pub fn migrations_current(conn: &mut DbConn) -> Result<bool, String> {
    let pending = match conn {
        DbConn::Pg(c) => c.has_pending_migration(POSTGRES_MIGRATIONS),
        DbConn::Sqlite(c) => c.has_pending_migration(SQLITE_MIGRATIONS),
    }
    .map_err(|e| format!("cannot read migrations: {e}"))?;
    Ok(!pending)
}

/// Keeps the planner's statistics current: SQLite's `PRAGMA optimize` (analyses only the
/// tables whose statistics are missing or stale), PostgreSQL's autovacuum does it there. The
/// analysis samples each index: left to itself it read whole indexes, and at a million samples
/// on a cold page cache that took 229 s of every server start.
pub fn optimize(conn: &mut DbConn) -> Result<(), diesel::result::Error> {
    if let DbConn::Sqlite(c) = conn {
        c.batch_execute(&format!(
            "PRAGMA analysis_limit = {ANALYSIS_LIMIT}; PRAGMA optimize = 0x10002"
        ))?;
    }
    Ok(())
}

/// Rows of each index that SQLite's `ANALYZE` reads: the planner needs proportions.
const ANALYSIS_LIMIT: u32 = 10_000;

/// Analyses every table now (after a bulk load): `ANALYZE` on both backends. SQLite samples
/// each index (as PostgreSQL always does) instead of reading tens of gigabytes at a million
/// samples: the planner needs proportions, not exact counts.
pub fn analyze(conn: &mut DbConn) -> Result<(), diesel::result::Error> {
    match conn {
        DbConn::Sqlite(c) => c.batch_execute(&format!(
            "PRAGMA analysis_limit = {ANALYSIS_LIMIT}; ANALYZE"
        )),
        DbConn::Pg(c) => c.batch_execute("ANALYZE"),
    }
}

/// Takes PostgreSQL's transaction-scoped advisory lock `key`; SQLite's `BEGIN IMMEDIATE`
/// already serialises writers, so there it does nothing.
pub fn lock_for_transaction(conn: &mut DbConn, key: i64) -> Result<(), diesel::result::Error> {
    if let DbConn::Pg(c) = conn {
        c.batch_execute(&format!("SELECT pg_advisory_xact_lock({key})"))?;
    }
    Ok(())
}

/// The longest search text used: no code, seal, BIN or name is longer, and SQLite refuses a
/// LIKE pattern over 50 000 bytes (a 500, not an empty list).
pub const SEARCH_MAX_CHARS: usize = 200;

/// Escapes `%`, `_` and `\` for a LIKE pattern with `ESCAPE '\'`, keeping the first
/// [`SEARCH_MAX_CHARS`] characters.
pub fn escape_like(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().take(SEARCH_MAX_CHARS) {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::brief;

    #[test]
    fn the_log_shows_what_a_query_filters_on_and_no_more_than_600_characters() {
        assert_eq!(
            brief("SELECT `a`, `b` FROM `samples` WHERE `samples`.`status` = ? LIMIT ?"),
            "SELECT … FROM `samples` WHERE `samples`.`status` = ? LIMIT ?"
        );
        let insert = format!("INSERT INTO t (a) VALUES {}", vec!["(?)"; 1000].join(", "));
        let shown = brief(&insert);
        assert_eq!(shown.chars().count(), 601);
        assert!(shown.starts_with("INSERT INTO t (a) VALUES (?), (?)") && shown.ends_with('…'));
        assert_eq!(brief("PRAGMA optimize"), "PRAGMA optimize");
    }
}
