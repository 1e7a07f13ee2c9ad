use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::CompanyManager;
use crate::error::AppError;
use crate::models::Exporter;
use crate::models::exporter::CompanyOrder;
use crate::web::csv::{MAX_ROWS, download};
use crate::web::{AppState, Base, render, url_encode};

const PAGE: i64 = 50;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    q: String,
    /// `name` (the default) or `bin`; anything else is by name.
    sort: String,
    /// `asc` (the default) or `desc`.
    dir: String,
    after: String,
}

impl ListQuery {
    fn order(&self) -> CompanyOrder {
        CompanyOrder {
            by_bin: self.sort == "bin",
            descending: self.dir == "desc",
        }
    }

    fn with(&self, sort: &str, dir: &str) -> String {
        format!(
            "q={}&sort={}&dir={}",
            url_encode(&self.q),
            url_encode(sort),
            url_encode(dir)
        )
    }

    /// The header link of column `key`: sorted by it, the other way when it is already.
    pub fn sort_href(&self, key: &str) -> String {
        let dir = if self.aria_sort(key).contains("ascending") {
            "desc"
        } else {
            "asc"
        };
        format!("/exporters?{}", self.with(key, dir))
    }

    /// The ` aria-sort="…"` attribute of the header of `key`, if the list is sorted by it.
    pub fn aria_sort(&self, key: &str) -> String {
        let order = self.order();
        if (key == "bin") != order.by_bin {
            return String::new();
        }
        let value = if order.descending {
            "descending"
        } else {
            "ascending"
        };
        format!(" aria-sort=\"{value}\"")
    }

    pub fn csv_href(&self) -> String {
        format!("/exporters.csv?{}", self.with(&self.sort, &self.dir))
    }
}

#[derive(Template)]
#[template(path = "exporters/list.html")]
struct CompanyListPage {
    base: Base,
    companies: Vec<Exporter>,
    q: String,
    query: ListQuery,
    next_href: Option<String>,
}

/// `GET /exporters`: companies by name or BIN, searched by name or BIN.
pub async fn show(
    state: web::Data<AppState>,
    base: Base,
    _who: CompanyManager,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let query = query.into_inner();
    let (q, order, after) = (query.q.clone(), query.order(), query.after.clone());
    let mut companies = state
        .db
        .run(move |conn| {
            Ok(Exporter::search(
                conn,
                &q,
                order,
                Some(after.as_str()).filter(|a| !a.is_empty()),
                PAGE + 1,
            )?)
        })
        .await?;
    let next_href = (companies.len() as i64 > PAGE).then(|| {
        companies.truncate(PAGE as usize);
        let last = companies
            .last()
            .map(|c| c.id.to_string())
            .unwrap_or_default();
        format!(
            "/exporters?{}&after={}",
            query.with(&query.sort, &query.dir),
            url_encode(&last)
        )
    });
    render(&CompanyListPage {
        base,
        companies,
        q: query.q.clone(),
        query,
        next_href,
    })
}

/// `GET /exporters.csv`: every company the search selects, in the list's order.
pub async fn csv(
    state: web::Data<AppState>,
    base: Base,
    _who: CompanyManager,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let query = query.into_inner();
    let (q, order) = (query.q.clone(), query.order());
    let companies = state
        .db
        .run(move |conn| {
            Ok(Exporter::search(
                conn,
                &q,
                order,
                None,
                MAX_ROWS as i64 + 1,
            )?)
        })
        .await?;
    download(
        base,
        "exporters",
        format!("/exporters?{}", query.with(&query.sort, &query.dir)),
        &[
            "exporters.name",
            "field.bin",
            "exporters.address",
            "exporters.contact_email",
        ],
        &companies,
        |_, c| {
            vec![
                c.name.clone(),
                c.bin.clone(),
                c.address.clone(),
                c.contact_email.clone(),
            ]
        },
    )
}
