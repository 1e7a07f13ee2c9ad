use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::CompanyManager;
use crate::error::AppError;
use crate::models::Exporter;
use crate::web::{AppState, Base, render, url_encode};

const PAGE: i64 = 50;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    q: String,
    after: String,
}

#[derive(Template)]
#[template(path = "exporters/list.html")]
struct CompanyListPage {
    base: Base,
    companies: Vec<Exporter>,
    q: String,
    next_href: Option<String>,
}

/// `GET /exporters`: companies by name, searched by name or BIN.
pub async fn show(
    state: web::Data<AppState>,
    base: Base,
    _who: CompanyManager,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let ListQuery { q, after } = query.into_inner();
    let (q2, after2) = (q.clone(), after.clone());
    let mut companies = state
        .db
        .run(move |conn| {
            Ok(Exporter::search(
                conn,
                &q2,
                Some(after2.as_str()).filter(|a| !a.is_empty()),
                PAGE + 1,
            )?)
        })
        .await?;
    let next_href = (companies.len() as i64 > PAGE).then(|| {
        companies.truncate(PAGE as usize);
        let last = companies
            .last()
            .map(|c| c.name.as_str())
            .unwrap_or_default();
        format!("/exporters?q={}&after={}", url_encode(&q), url_encode(last))
    });
    render(&CompanyListPage {
        base,
        companies,
        q,
        next_href,
    })
}
