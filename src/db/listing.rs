//! The filters every intake list shares (applications, consignments, samples), and the macro
//! that applies them to a table's boxed query.

use crate::db::ids::{BorderPostId, CommodityId, ExporterId};
use crate::db::types::UtcTime;

/// Status, commodity, exporter, border post, date range and order; `after` is the keyset
/// cursor: the last id of the previous page (ids are UUIDv7, so id order is creation order).
#[derive(Debug, Clone)]
pub struct IntakeFilter<Id, Status> {
    /// Free text: codes, seal numbers, BIN, company name (each list says which).
    pub q: Option<String>,
    pub status: Option<Status>,
    pub commodity: Option<CommodityId>,
    pub exporter: Option<ExporterId>,
    pub border_post: Option<BorderPostId>,
    pub from: Option<UtcTime>,
    pub until: Option<UtcTime>,
    pub oldest_first: bool,
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

/// Applies an [`IntakeFilter`] to the boxed query `$query`, given the columns that hold each
/// filtered value, then orders by id (newest or oldest first) after the cursor.
#[macro_export]
macro_rules! apply_intake_filter {
    ($query:ident, $filter:expr, status: $status:expr, commodity: $commodity:expr, exporter: $exporter:expr,
     post: $post:expr, created: $created:expr, id: $id:expr) => {{
        let filter = $filter;
        if let Some(v) = filter.status {
            $query = $query.filter($status.eq(v));
        }
        if let Some(v) = filter.commodity {
            $query = $query.filter($commodity.eq(v));
        }
        if let Some(v) = filter.exporter {
            $query = $query.filter($exporter.eq(v));
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
    }};
}
