//! Gapless yearly numbers (`JL-2026-000123`): one row per scope and year, incremented inside
//! the transaction that uses the number. The row lock (PostgreSQL) or the write lock
//! (SQLite's `BEGIN IMMEDIATE`) makes concurrent registrations queue; a rolled-back
//! transaction gives its number back.

use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::code_counters;

/// The next number of `scope` in `year`. Call it inside a write transaction.
pub fn next(conn: &mut DbConn, scope: &str, year: i32) -> QueryResult<i64> {
    let row = (
        code_counters::scope.eq(scope),
        code_counters::year.eq(year),
        code_counters::last.eq(0_i64),
    );
    // The one dialect difference: inserting the year's row only if it is not there yet.
    match conn {
        DbConn::Pg(c) => diesel::insert_into(code_counters::table)
            .values(row)
            .on_conflict_do_nothing()
            .execute(c)?,
        DbConn::Sqlite(c) => diesel::insert_into(code_counters::table)
            .values(row)
            .on_conflict_do_nothing()
            .execute(c)?,
    };
    diesel::update(code_counters::table.find((scope, year)))
        .set(code_counters::last.eq(code_counters::last + 1))
        .returning(code_counters::last)
        .get_result(conn)
}

/// `PREFIX-YYYY-NNNNNN`, the form of every human code in jointlab.
pub fn format(prefix: &str, year: i32, number: i64) -> String {
    format!("{prefix}-{year}-{number:06}")
}
