//! What the intake pages share: the catalog and company names rows refer to, the list
//! filters (text, status, commodity, exporter, border post, date range, order, cursor) and
//! the shipment form of applications.

use chrono::{NaiveDate, TimeZone as _};
use serde::Deserialize;

use crate::db::DbConn;
use crate::db::listing::{ExporterMatch, IntakeFilter};
use crate::db::types::UtcTime;
use crate::domain::intake::{date, required_text};
use crate::domain::{DecimalText, Side, TimeZone};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::models::catalog::Named;
use crate::models::consignment::{QuantityUnit, Shipment, Transport};
use crate::models::{
    BorderPost, BorderPostId, Commodity, CommodityId, Exporter, ExporterId, LimitSet, LimitSetId,
};
use crate::web::url_encode;

pub type Errors = Vec<(&'static str, &'static str)>;

/// A model's list query: one page of the rows a filter selects in a scope.
pub type ListFn<Id, Status, Row> = fn(
    &mut DbConn,
    crate::domain::Scope,
    &IntakeFilter<Id, Status>,
    i64,
) -> diesel::QueryResult<Vec<Row>>;

/// The rows of an intake list's CSV download: every row the list's filters select (from the
/// first, not the page's cursor) in `user`'s scope, up to one more than a download holds, and
/// the names to show them with.
pub async fn csv_rows<Id, Status, Row>(
    state: &crate::web::AppState,
    query: &ListQuery,
    user: crate::models::User,
    status: fn(&str) -> Option<Status>,
    list: ListFn<Id, Status, Row>,
    exporter_of: fn(&Row) -> ExporterId,
) -> Result<(Vec<Row>, Lookups), AppError>
where
    Id: std::str::FromStr + Send + 'static,
    Status: Send + 'static,
    Row: Send + 'static,
{
    let (mut filter, _) = query.to_filter(user.time_zone, status);
    filter.after = None;
    let limit = crate::web::csv::MAX_ROWS as i64 + 1;
    state
        .db
        .run(move |conn| {
            let rows = list(conn, user.scope(), &filter, limit)?;
            let lookups = Lookups::naming(conn, rows.iter().map(exporter_of))?;
            Ok((rows, lookups))
        })
        .await
}

/// The names intake rows refer to by id.
pub struct Lookups {
    pub commodities: Vec<Commodity>,
    pub posts: Vec<BorderPost>,
    pub exporters: Vec<Exporter>,
    pub limit_sets: Vec<LimitSet>,
}

impl Lookups {
    /// The catalogs and the companies `exporters` name: for pages that show records. A decade
    /// holds some 1 400 companies, and a page names at most a few dozen.
    pub fn naming(
        conn: &mut DbConn,
        exporters: impl IntoIterator<Item = ExporterId>,
    ) -> Result<Lookups, AppError> {
        let mut ids: Vec<ExporterId> = exporters.into_iter().collect();
        ids.sort_unstable();
        ids.dedup();
        let exporters = Exporter::many(conn, &ids)?;
        Lookups::with(conn, exporters)
    }

    fn with(conn: &mut DbConn, exporters: Vec<Exporter>) -> Result<Lookups, AppError> {
        Ok(Lookups {
            commodities: Commodity::all(conn)?,
            posts: BorderPost::all(conn)?,
            exporters,
            limit_sets: LimitSet::all(conn)?,
        })
    }

    pub fn commodity(&self, id: &CommodityId, lang: &Lang) -> String {
        self.commodities
            .iter()
            .find(|c| c.id == *id)
            .map_or_else(String::new, |c| c.name(lang).to_owned())
    }

    pub fn hs_code(&self, id: &CommodityId) -> String {
        self.commodities
            .iter()
            .find(|c| c.id == *id)
            .map_or_else(String::new, |c| c.hs_code.clone())
    }

    pub fn post(&self, id: &BorderPostId, lang: &Lang) -> String {
        self.posts
            .iter()
            .find(|p| p.id == *id)
            .map_or_else(String::new, |p| format!("{} · {}", p.code, p.name(lang)))
    }

    pub fn exporter(&self, id: &ExporterId) -> String {
        self.exporters
            .iter()
            .find(|e| e.id == *id)
            .map_or_else(String::new, |e| format!("{} ({})", e.name, e.bin))
    }

    pub fn limit_set(&self, id: &LimitSetId, lang: &Lang) -> String {
        self.limit_sets
            .iter()
            .find(|s| s.id == *id)
            .map_or_else(String::new, |s| s.name(lang).to_owned())
    }
}

/// The query string of every intake list.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    pub q: String,
    pub status: String,
    pub commodity: String,
    pub exporter: String,
    pub post: String,
    pub from: String,
    pub to: String,
    pub sort: String,
    /// With a column `sort`: `asc` (the default) or `desc`.
    pub dir: String,
    /// Samples only: `kz` or `cn`, the side whose portion waits to be received (a home tile).
    pub receive: String,
    /// Samples only: `open`, those with an open discrepancy (a home tile).
    pub discrepancy: String,
    pub after: String,
}

fn day_start(day: NaiveDate, zone: TimeZone) -> Option<UtcTime> {
    let local = zone
        .offset()
        .from_local_datetime(&day.and_hms_opt(0, 0, 0)?)
        .single()?;
    Some(UtcTime(local.with_timezone(&chrono::Utc)))
}

impl ListQuery {
    /// The list filter this query asks for, and the errors of its date fields (shown beside
    /// them; the list then ignores that bound).
    pub fn to_filter<Id: std::str::FromStr, Status>(
        &self,
        zone: TimeZone,
        status: fn(&str) -> Option<Status>,
    ) -> (IntakeFilter<Id, Status>, Errors) {
        let mut errors = Errors::new();
        let mut day = |field: &'static str, value: &str| -> Option<UtcTime> {
            if value.trim().is_empty() {
                return None;
            }
            match date(value) {
                Ok(d) => day_start(d, zone),
                Err(e) => {
                    errors.push((field, e));
                    None
                }
            }
        };
        let from = day("from", &self.from);
        let until = day("to", &self.to).map(|t| t.plus_minutes(24 * 60));
        let filter = IntakeFilter {
            q: Some(self.q.clone()),
            status: status(&self.status),
            commodity: self.commodity.parse().ok(),
            exporter: ExporterMatch::parse(&self.exporter),
            border_post: self.post.parse().ok(),
            from,
            until,
            oldest_first: self.sort == "oldest",
            sort: self.column_sort().map(str::to_owned),
            ascending: self.dir != "desc",
            to_receive: Side::parse(&self.receive),
            open_discrepancy: self.discrepancy == "open",
            after: self.after.parse().ok(),
        };
        (filter, errors)
    }

    /// The column the list is sorted by, unless it is in its default order by date.
    pub fn column_sort(&self) -> Option<&str> {
        Some(self.sort.as_str()).filter(|s| !matches!(*s, "" | "newest" | "oldest"))
    }

    /// The filters as a query string (without `?`), with `sort`, `dir` and `after` as given.
    fn with(&self, sort: &str, dir: &str, after: &str) -> String {
        let mut pairs = format!(
            "q={}&status={}&commodity={}&exporter={}&post={}&from={}&to={}&sort={}&dir={}",
            url_encode(&self.q),
            url_encode(&self.status),
            url_encode(&self.commodity),
            url_encode(&self.exporter),
            url_encode(&self.post),
            url_encode(&self.from),
            url_encode(&self.to),
            url_encode(sort),
            url_encode(dir),
        );
        for (name, value) in [
            ("receive", &self.receive),
            ("discrepancy", &self.discrepancy),
            ("after", &after.to_owned()),
        ] {
            if !value.is_empty() {
                pairs.push_str(&format!("&{name}={}", url_encode(value)));
            }
        }
        pairs
    }

    /// The next page's address: the same filters and order, after `last`.
    pub fn next_href(&self, path: &str, last: &str) -> String {
        format!("{path}?{}", self.with(&self.sort, &self.dir, last))
    }

    /// The address of a column header: the same filters, sorted by `key` ascending, or
    /// descending when the list is already sorted by it ascending. `created` stands for the
    /// default order (newest first), so its first click sorts oldest first.
    pub fn sort_href(&self, path: &str, key: &str) -> String {
        let dir = match self.aria_sort_of(key) {
            Some("ascending") => "desc",
            _ => "asc",
        };
        format!("{path}?{}", self.with(key, dir, ""))
    }

    /// `ascending` or `descending` when the list is sorted by `key`.
    fn aria_sort_of(&self, key: &str) -> Option<&'static str> {
        let descending = match self.column_sort() {
            Some(sort) if sort == key => self.dir == "desc",
            None if key == "created" => self.sort != "oldest",
            _ => return None,
        };
        Some(if descending {
            "descending"
        } else {
            "ascending"
        })
    }

    /// The ` aria-sort="…"` attribute of the `<th>` of `key` (empty when not sorted by it).
    pub fn aria_sort(&self, key: &str) -> String {
        self.aria_sort_of(key)
            .map(|v| format!(" aria-sort=\"{v}\""))
            .unwrap_or_default()
    }

    /// This list's address with the same filters and order, from its first page.
    pub fn list_href(&self, path: &str) -> String {
        format!("{path}?{}", self.with(&self.sort, &self.dir, ""))
    }

    /// The CSV of this list: `{path}.csv` with the same filters and order.
    pub fn csv_href(&self, path: &str) -> String {
        format!("{path}.csv?{}", self.with(&self.sort, &self.dir, ""))
    }
}

/// The shipment part of an application form, as typed.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct ShipmentForm {
    pub exporter: String,
    pub commodity: String,
    pub quantity: String,
    pub unit: String,
    pub lots: String,
    pub origin_region: String,
    pub origin_district: String,
    pub producer: String,
    pub consignee: String,
    pub border_post: String,
    pub transport: String,
    pub planned_date: String,
    pub destination: String,
    /// The past planned date the user was warned about and submits again as it is.
    pub confirm_past_date: String,
}

impl ShipmentForm {
    /// Whether the planned crossing date is a real date before today (UTC): the form warns.
    pub fn planned_date_past(&self) -> bool {
        crate::domain::intake::date(&self.planned_date)
            .is_ok_and(|d| d < chrono::Utc::now().date_naive())
    }

    /// A past planned date the user has not yet been warned about.
    pub fn unconfirmed_past_date(&self) -> bool {
        self.planned_date_past() && self.confirm_past_date.trim() != self.planned_date.trim()
    }

    /// The form as `application` was filed: for correcting it, or (with `keep_date` false, the
    /// planned crossing date cleared) as the start of a new one.
    pub fn of_application(
        application: &crate::models::application::Application,
        keep_date: bool,
    ) -> Self {
        ShipmentForm {
            exporter: application.exporter_id.to_string(),
            commodity: application.commodity_id.to_string(),
            quantity: application.quantity.clone(),
            unit: application.unit.as_str().to_owned(),
            lots: application.lots.clone(),
            origin_region: application.origin_region.clone(),
            origin_district: application.origin_district.clone(),
            producer: application.producer.clone(),
            consignee: application.consignee.clone(),
            border_post: application.border_post_id.to_string(),
            transport: application.transport.as_str().to_owned(),
            planned_date: if keep_date {
                application.planned_date.clone()
            } else {
                String::new()
            },
            destination: application.limit_set_id.to_string(),
            confirm_past_date: String::new(),
        }
    }

    /// Parses every field, collecting every error; ids must name active catalog entries.
    pub fn parse(&self, lookups: &Lookups) -> Result<Shipment, Errors> {
        let mut errors = Errors::new();
        let mut text = |field: &'static str, value: &str, max: usize| {
            required_text(value, max)
                .map_err(|e| errors.push((field, e)))
                .ok()
        };
        let lots = text("lots", &self.lots, 1000);
        let origin_region = text("origin_region", &self.origin_region, 200);
        let origin_district = text("origin_district", &self.origin_district, 200);
        let producer = text("producer", &self.producer, 300);
        let consignee = text("consignee", &self.consignee, 500);
        let commodity = lookups
            .commodities
            .iter()
            .find(|c| c.active && c.id.to_string() == self.commodity)
            .map(|c| c.id);
        if commodity.is_none() {
            errors.push(("commodity", "field.choose"));
        }
        let quantity = DecimalText::parse_positive(&self.quantity)
            .map_err(|e| errors.push(("quantity", e)))
            .ok();
        let unit = QuantityUnit::parse(&self.unit);
        if unit.is_none() {
            errors.push(("unit", "field.choose"));
        }
        let post = lookups
            .posts
            .iter()
            .find(|p| p.active && p.id.to_string() == self.border_post)
            .map(|p| p.id);
        if post.is_none() {
            errors.push(("border_post", "field.choose"));
        }
        let transport = Transport::parse(&self.transport);
        if transport.is_none() {
            errors.push(("transport", "field.choose"));
        }
        let planned = date(&self.planned_date)
            .and_then(within_a_year)
            .map_err(|e| errors.push(("planned_date", e)))
            .ok();
        let destination = lookups
            .limit_sets
            .iter()
            .find(|s| s.id.to_string() == self.destination)
            .map(|s| s.id);
        if destination.is_none() {
            errors.push(("destination", "field.choose"));
        }
        match (
            commodity,
            quantity,
            unit,
            lots,
            origin_region,
            origin_district,
            producer,
            consignee,
            post,
            transport,
            planned,
            destination,
        ) {
            (
                Some(commodity_id),
                Some(quantity),
                Some(unit),
                Some(lots),
                Some(origin_region),
                Some(origin_district),
                Some(producer),
                Some(consignee),
                Some(border_post_id),
                Some(transport),
                Some(planned_date),
                Some(limit_set_id),
            ) if errors.is_empty() => Ok(Shipment {
                commodity_id,
                quantity,
                unit,
                lots,
                origin_region,
                origin_district,
                producer,
                consignee,
                border_post_id,
                transport,
                planned_date,
                limit_set_id,
            }),
            _ => Err(errors),
        }
    }
}

/// The error of `field` in `errors`, for templates.
pub fn error_of(errors: &Errors, field: &str) -> Option<&'static str> {
    errors.iter().find(|(f, _)| *f == field).map(|(_, e)| *e)
}

/// A planned crossing date within a year of today, either way.
fn within_a_year(planned: NaiveDate) -> Result<NaiveDate, crate::domain::FieldError> {
    let today = chrono::Utc::now().date_naive();
    let year = chrono::Months::new(12);
    match (
        today.checked_sub_months(year),
        today.checked_add_months(year),
    ) {
        (Some(from), Some(to)) if (from..=to).contains(&planned) => Ok(planned),
        _ => Err("field.planned_date_range"),
    }
}
