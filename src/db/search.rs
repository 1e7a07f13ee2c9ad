//! Indexed search, the same on both backends (see [`crate::domain::search`]): the free-text
//! lookups through each backend's trigram index (the one dialect difference, in one `match`),
//! and the start-up fill of the search columns of rows written before they existed.

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};

use super::DbConn;
use super::ids::{ApplicationId, ConsignmentId, ExporterId, SampleId};
use super::schema::{applications, consignments, exporters, samples};
use crate::domain::search::{SearchQuery, fold, search_text};

/// At most this many records answer one free-text term (newest first): a term found in
/// every company name ("тоо") still makes one short list, not a list of every sample.
pub const FREE_TEXT_LIMIT: i64 = 500;

/// The tables with a free-text index.
#[derive(Debug, Clone, Copy)]
enum Indexed {
    Exporters,
    Applications,
    Consignments,
}

impl Indexed {
    fn table(self) -> &'static str {
        match self {
            Indexed::Exporters => "exporters",
            Indexed::Applications => "applications",
            Indexed::Consignments => "consignments",
        }
    }
}

#[derive(QueryableByName)]
struct IdRow {
    #[diesel(sql_type = Text)]
    id: String,
}

/// Ids (as text) of the rows of `table` whose search text contains the free text, newest
/// first; none for a query shorter than the trigram index answers. On SQLite "newest" is the
/// index's own insertion order (its rowid), which FTS5 walks backwards and stops at the limit:
/// ordering by the `id` column would collect and sort every match of a term as common as
/// "тоо" first. A row whose search text was edited counts as written at the edit. On
/// PostgreSQL the order is the table's `id` (`{name}.id`: a bare `id` would name the text
/// column selected, which no index holds): for a common term the planner walks the primary
/// key backwards and stops at the limit (3.6 ms for a term in 12 % of a million samples'
/// consignments, against 557 ms sorting them all); for a rare one it takes the trigram index.
fn free_text_ids(conn: &mut DbConn, table: Indexed, q: &SearchQuery) -> QueryResult<Vec<String>> {
    if q.free_text().is_none() {
        return Ok(Vec::new());
    }
    let name = table.table();
    let rows: Vec<IdRow> = match conn {
        DbConn::Sqlite(_) => diesel::sql_query(format!(
            "SELECT id FROM {name}_fts WHERE {name}_fts MATCH ? ORDER BY rowid DESC LIMIT ?"
        ))
        .bind::<Text, _>(q.fts_phrase())
        .bind::<BigInt, _>(FREE_TEXT_LIMIT)
        .load(conn)?,
        DbConn::Pg(_) => diesel::sql_query(format!(
            "SELECT id::text AS id FROM {name} WHERE search_text LIKE $1 ESCAPE '\\' \
             ORDER BY {name}.id DESC LIMIT $2"
        ))
        .bind::<Text, _>(q.like_pattern())
        .bind::<BigInt, _>(FREE_TEXT_LIMIT)
        .load(conn)?,
    };
    Ok(rows.into_iter().map(|r| r.id).collect())
}

fn parse_ids<T: std::str::FromStr>(ids: Vec<String>) -> Vec<T> {
    ids.iter().filter_map(|id| id.parse().ok()).collect()
}

/// Companies whose BIN is the query, or whose name contains it.
pub fn exporters(conn: &mut DbConn, q: &SearchQuery) -> QueryResult<Vec<ExporterId>> {
    if let Some(bin) = q.bin() {
        return exporters::table
            .filter(exporters::bin.eq(bin))
            .select(exporters::id)
            .load(conn);
    }
    Ok(parse_ids(free_text_ids(conn, Indexed::Exporters, q)?))
}

/// Consignments found by free text: their own (producer, consignee, origin) or their
/// company's name, newest first, at most [`FREE_TEXT_LIMIT`].
pub fn consignments_by_text(conn: &mut DbConn, q: &SearchQuery) -> QueryResult<Vec<ConsignmentId>> {
    let mut ids: Vec<ConsignmentId> = parse_ids(free_text_ids(conn, Indexed::Consignments, q)?);
    let companies = exporters(conn, q)?;
    ids.extend(newest_of_companies(conn, &companies)?);
    ids.sort_unstable_by(|a, b| b.cmp(a));
    ids.dedup();
    ids.truncate(FREE_TEXT_LIMIT as usize);
    Ok(ids)
}

/// Up to this many companies are read one by one through their own index; a term that
/// matches more ("тоо", "llp") is common, and the newest consignments are read instead.
const FEW_COMPANIES: usize = 16;

/// The newest consignments (at most [`FREE_TEXT_LIMIT`]) of `companies`, newest first. A
/// few companies are read each through the (company, date) index; many through the newest
/// consignments, keeping theirs, until the limit or a bounded number of rows — a plan chosen
/// here, not left to a planner that may sort every consignment the companies ever had.
fn newest_of_companies(
    conn: &mut DbConn,
    companies: &[ExporterId],
) -> QueryResult<Vec<ConsignmentId>> {
    const BATCH: i64 = 4000;
    const MOST_READ: usize = 100_000;
    if companies.is_empty() {
        return Ok(Vec::new());
    }
    let mut found: Vec<ConsignmentId> = Vec::new();
    if companies.len() <= FEW_COMPANIES {
        for company in companies {
            found.extend(
                consignments::table
                    .filter(consignments::exporter_id.eq(company))
                    .order(consignments::created_at.desc())
                    .limit(FREE_TEXT_LIMIT)
                    .select(consignments::id)
                    .load::<ConsignmentId>(conn)?,
            );
        }
        found.sort_unstable_by(|a, b| b.cmp(a));
        found.truncate(FREE_TEXT_LIMIT as usize);
        return Ok(found);
    }
    let wanted: std::collections::HashSet<ExporterId> = companies.iter().copied().collect();
    let mut before: Option<ConsignmentId> = None;
    let mut read = 0;
    loop {
        let mut query = consignments::table
            .select((consignments::id, consignments::exporter_id))
            .order(consignments::id.desc())
            .limit(BATCH)
            .into_boxed();
        if let Some(before) = before {
            query = query.filter(consignments::id.lt(before));
        }
        let rows: Vec<(ConsignmentId, ExporterId)> = query.load(conn)?;
        read += rows.len();
        before = rows.last().map(|(id, _)| *id);
        let full = rows.len() as i64 == BATCH;
        found.extend(
            rows.into_iter()
                .filter(|(_, company)| wanted.contains(company))
                .map(|(id, _)| id),
        );
        if found.len() >= FREE_TEXT_LIMIT as usize || !full || read >= MOST_READ {
            break;
        }
    }
    found.truncate(FREE_TEXT_LIMIT as usize);
    Ok(found)
}

/// Applications found by free text (their own fields), newest first.
pub fn applications_by_text(conn: &mut DbConn, q: &SearchQuery) -> QueryResult<Vec<ApplicationId>> {
    Ok(parse_ids(free_text_ids(conn, Indexed::Applications, q)?))
}

/// The search text of a company.
pub fn exporter_text(name: &str, bin: &str) -> String {
    search_text(&[name, bin])
}

/// The search text of an application or consignment (the shipment's free-text fields).
pub fn shipment_text(producer: &str, consignee: &str, region: &str, district: &str) -> String {
    search_text(&[producer, consignee, region, district])
}

/// The seal number as searched.
pub fn seal_key(seal_number: &str) -> String {
    fold(seal_number)
}

/// `column = ''` as a literal, not a bound value: SQLite uses the partial `…_unsearchable_idx`
/// indexes only for a literal.
fn unfilled(column: &'static str) -> diesel::expression::SqlLiteral<diesel::sql_types::Bool> {
    diesel::dsl::sql(match column {
        "seal_key" => "seal_key = ''",
        _ => "search_text = ''",
    })
}

/// Fills the search columns of rows written before they existed (marked by `''`), in
/// batches; returns how many rows were filled. Run at start-up, after the migrations.
pub fn backfill(conn: &mut DbConn) -> QueryResult<usize> {
    const BATCH: i64 = 500;
    let mut filled = 0;
    loop {
        let rows: Vec<(ExporterId, String, String)> = exporters::table
            .filter(unfilled("search_text"))
            .select((exporters::id, exporters::name, exporters::bin))
            .limit(BATCH)
            .load(conn)?;
        let rows_len = rows.len();
        for (id, name, bin) in rows {
            diesel::update(exporters::table.find(id))
                .set(exporters::search_text.eq(exporter_text(&name, &bin)))
                .execute(conn)?;
        }
        filled += rows_len;
        if (rows_len as i64) < BATCH {
            break;
        }
    }
    loop {
        type Shipment = (ApplicationId, String, String, String, String);
        let rows: Vec<Shipment> = applications::table
            .filter(unfilled("search_text"))
            .select((
                applications::id,
                applications::producer,
                applications::consignee,
                applications::origin_region,
                applications::origin_district,
            ))
            .limit(BATCH)
            .load(conn)?;
        let rows_len = rows.len();
        for (id, producer, consignee, region, district) in rows {
            let text = shipment_text(&producer, &consignee, &region, &district);
            diesel::update(applications::table.find(id))
                .set(applications::search_text.eq(text))
                .execute(conn)?;
        }
        filled += rows_len;
        if (rows_len as i64) < BATCH {
            break;
        }
    }
    loop {
        type Shipment = (ConsignmentId, String, String, String, String);
        let rows: Vec<Shipment> = consignments::table
            .filter(unfilled("search_text"))
            .select((
                consignments::id,
                consignments::producer,
                consignments::consignee,
                consignments::origin_region,
                consignments::origin_district,
            ))
            .limit(BATCH)
            .load(conn)?;
        let rows_len = rows.len();
        for (id, producer, consignee, region, district) in rows {
            let text = shipment_text(&producer, &consignee, &region, &district);
            diesel::update(consignments::table.find(id))
                .set(consignments::search_text.eq(text))
                .execute(conn)?;
        }
        filled += rows_len;
        if (rows_len as i64) < BATCH {
            break;
        }
    }
    loop {
        let rows: Vec<(SampleId, String)> = samples::table
            .filter(unfilled("seal_key"))
            .select((samples::id, samples::seal_number))
            .limit(BATCH)
            .load(conn)?;
        let rows_len = rows.len();
        for (id, seal) in rows {
            diesel::update(samples::table.find(id))
                .set(samples::seal_key.eq(seal_key(&seal)))
                .execute(conn)?;
        }
        filled += rows_len;
        if (rows_len as i64) < BATCH {
            break;
        }
    }
    Ok(filled)
}
