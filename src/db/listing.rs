//! The filters every intake list shares (applications, consignments, samples), and the macro
//! that applies them to a table's boxed query, ordered by a whitelisted column.

use crate::db::ids::{BorderPostId, CommodityId, ExporterId};
use crate::db::types::UtcTime;
use crate::domain::Side;

diesel::define_sql_function! {
    /// SQL `lower(text)`: PostgreSQL's LIKE is case-sensitive, and a company's name is typed
    /// in any case.
    fn lower(x: diesel::sql_types::Text) -> diesel::sql_types::Text;
}

/// Which exporter a list is narrowed to: one company by id (a link), or the companies whose
/// name or BIN contains the typed text (the filter's search field).
#[derive(Debug, Clone)]
pub enum ExporterMatch {
    Id(ExporterId),
    Text(String),
}

impl ExporterMatch {
    /// An id when `value` is one, else the trimmed text; nothing when it is blank.
    pub fn parse(value: &str) -> Option<ExporterMatch> {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        Some(match value.parse() {
            Ok(id) => ExporterMatch::Id(id),
            Err(_) => ExporterMatch::Text(value.to_owned()),
        })
    }
}

/// Status, commodity, exporter, border post, date range and order; `after` is the keyset
/// cursor: the last id of the previous page (ids are UUIDv7, so id order is creation order).
#[derive(Debug, Clone)]
pub struct IntakeFilter<Id, Status> {
    /// Free text: codes, seal numbers, BIN, company name (each list says which).
    pub q: Option<String>,
    pub status: Option<Status>,
    pub commodity: Option<CommodityId>,
    pub exporter: Option<ExporterMatch>,
    pub border_post: Option<BorderPostId>,
    pub from: Option<UtcTime>,
    pub until: Option<UtcTime>,
    pub oldest_first: bool,
    /// A column key the list whitelists (`code`, `created`…); any other key is ignored and
    /// the list keeps its order by id.
    pub sort: Option<String>,
    /// With `sort`: ascending (else descending).
    pub ascending: bool,
    /// Samples only: those whose portion of this side waits to be received there.
    pub to_receive: Option<Side>,
    /// Samples only: those with an open discrepancy between the labs.
    pub open_discrepancy: bool,
    pub after: Option<Id>,
}

impl<Id, Status> Default for IntakeFilter<Id, Status> {
    fn default() -> Self {
        IntakeFilter {
            q: None,
            status: None,
            commodity: None,
            exporter: None,
            border_post: None,
            from: None,
            until: None,
            oldest_first: false,
            sort: None,
            ascending: true,
            to_receive: None,
            open_discrepancy: false,
            after: None,
        }
    }
}

impl<Id, Status> IntakeFilter<Id, Status> {
    /// The trimmed search text as a LIKE pattern, when there is one.
    pub fn pattern(&self) -> Option<String> {
        let q = self.q.as_deref().map(str::trim).filter(|q| !q.is_empty())?;
        Some(format!("%{}%", crate::db::escape_like(q)))
    }
}

/// The companies whose name (any case) or BIN contains `text` (the lists' exporter filter).
pub fn companies_matching(
    conn: &mut crate::db::DbConn,
    text: &str,
) -> diesel::QueryResult<Vec<crate::db::ids::ExporterId>> {
    use crate::db::schema::exporters as company;
    use diesel::prelude::*;
    let pattern = format!("%{}%", crate::db::escape_like(text));
    company::table
        .filter(
            company::name
                .like(pattern.clone())
                .escape('\\')
                .or(lower(company::name)
                    .like(pattern.to_lowercase())
                    .escape('\\'))
                .or(company::bin.like(pattern).escape('\\')),
        )
        .select(company::id)
        .load(conn)
}

/// Applies an [`IntakeFilter`] to the boxed query `$query`, given the columns that hold each
/// filtered value, then orders it: by the column `filter.sort` names among the `sort:` list
/// (then by id, so that pages never overlap), or by date when a date range is given, or by id
/// (newest or oldest first), after the cursor. The query must join `exporters` (the exporter search matches its name or BIN).
/// `$conn` reads the cursor row's sort value; the macro's block returns early with
/// the error of that read.
#[macro_export]
macro_rules! apply_intake_filter {
    ($query:ident, $conn:ident, $filter:expr, table: $table:expr, status: $status:expr, commodity: $commodity:expr,
     exporter: $exporter:expr, post: $post:expr, created: $created:expr, id: $id:expr,
     sort: { $($key:literal => $col:expr, $ty:ty);* $(;)? }) => {{
        let filter = $filter;
        if let Some(v) = filter.status {
            $query = $query.filter($status.eq(v));
        }
        if let Some(v) = filter.commodity {
            $query = $query.filter($commodity.eq(v));
        }
        match &filter.exporter {
            Some($crate::db::listing::ExporterMatch::Id(v)) => {
                $query = $query.filter($exporter.eq(*v));
            }
            Some($crate::db::listing::ExporterMatch::Text(text)) => {
                // The companies first (a small table), then their rows: a join with the
                // companies would let the planner start from them and sort every row they own.
                let companies = $crate::db::listing::companies_matching($conn, text)?;
                $query = $query.filter($exporter.eq_any(companies));
            }
            None => {}
        }
        if let Some(v) = filter.border_post {
            $query = $query.filter($post.eq(v));
        }
        if let Some(v) = filter.from {
            $query = $query.filter($created.ge(v));
        }
        if let Some(v) = filter.until {
            $query = $query.filter($created.lt(v));
        }
        match filter.sort.as_deref() {
            $(Some($key) => {
                $crate::order_by_column!($query, $conn, $table, $col, $ty, $id, filter.after, filter.ascending);
            })*
            // A date range walks the (status, date) or date index in date order, newest first
            // as by id, instead of sorting every row of a range that may span years.
            _ if filter.from.is_some() || filter.until.is_some() => {
                $crate::order_by_column!($query, $conn, $table, $created, $crate::db::types::UtcTime, $id,
                    filter.after, filter.oldest_first);
            }
            _ => {
                $query = match (filter.after, filter.oldest_first) {
                    (Some(after), false) => $query.filter($id.lt(after)),
                    (Some(after), true) => $query.filter($id.gt(after)),
                    (None, _) => $query,
                };
                $query = if filter.oldest_first {
                    $query.order($id.asc())
                } else {
                    $query.order($id.desc())
                };
            }
        }
    }};
}

/// Orders the boxed `$query` by `$col` (of Rust type `$ty`) then `$id`, both ascending or both
/// descending, after the cursor row `$after`: rows past its `$col` value, or level with it
/// and past its id.
#[macro_export]
macro_rules! order_by_column {
    ($query:ident, $conn:ident, $table:expr, $col:expr, $ty:ty, $id:expr, $after:expr, $ascending:expr) => {{
        if let Some(after) = $after {
            let pivot: Option<$ty> = $table
                .filter($id.eq(after))
                .select($col)
                .first($conn)
                .optional()?;
            if let Some(pivot) = pivot {
                $query = if $ascending {
                    $query.filter($col.gt(pivot.clone()).or($col.eq(pivot).and($id.gt(after))))
                } else {
                    $query.filter($col.lt(pivot.clone()).or($col.eq(pivot).and($id.lt(after))))
                };
            }
        }
        $query = if $ascending {
            $query.order(($col.asc(), $id.asc()))
        } else {
            $query.order(($col.desc(), $id.desc()))
        };
    }};
}

/// A constant naming some of `$table`'s columns, typed as that column list (written once): for
/// `.returning(…)` where a table has columns its model leaves out (the search columns), since
/// `.returning(X::as_returning())` does not build for the multi-backend connection.
#[macro_export]
macro_rules! column_list {
    ($(#[$meta:meta])* $name:ident = $table:ident ($($column:ident),+ $(,)?)) => {
        $(#[$meta])*
        #[allow(clippy::type_complexity)]
        const $name: ($($table::$column,)+) = ($($table::$column,)+);
    };
}
