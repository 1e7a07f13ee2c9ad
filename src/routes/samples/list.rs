//! `GET /samples`

use actix_web::{HttpResponse, web};
use askama::Template;

use crate::auth::IntakeReader;
use crate::domain::Role;
use crate::domain::intake::parse_portion_identifier;
use crate::error::AppError;
use crate::models::catalog::Named;
use crate::models::sample::OfConsignment;
use crate::models::sample::{Sample, SampleStatus};
use crate::routes::intake::{Errors, ListQuery, Lookups, error_of};
use crate::web::{AppState, Base, render, see_other};

const PAGE: i64 = 50;

#[derive(Template)]
#[template(path = "samples/list.html")]
struct SampleListPage {
    base: Base,
    rows: Vec<(Sample, OfConsignment)>,
    query: ListQuery,
    errors: Errors,
    lookups: Lookups,
    next_href: Option<String>,
    all_companies: bool,
}

impl SampleListPage {
    fn error(&self, field: &str) -> Option<&'static str> {
        error_of(&self.errors, field)
    }

    fn statuses(&self) -> &'static [SampleStatus] {
        SampleStatus::ALL
    }
}

pub async fn show(
    state: web::Data<AppState>,
    base: Base,
    who: IntakeReader,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let query = query.into_inner();
    let user = who.0;
    let (mut filter, errors) = query.to_filter(user.time_zone, SampleStatus::parse);
    // A portion's identifier from its label (`JL-2026-000007-KZ`) searches for the sample's code.
    let scanned = filter
        .q
        .as_deref()
        .and_then(parse_portion_identifier)
        .map(|(code, _)| code);
    if let Some(code) = &scanned {
        filter.q = Some(code.clone());
    }
    let all_companies = user.role != Role::Exporter;
    let (mut rows, lookups) = state
        .db
        .run(move |conn| {
            let rows = Sample::list_for(conn, user.scope(), &filter, PAGE + 1)?;
            let lookups = Lookups::naming(conn, rows.iter().map(|(_, c)| c.exporter_id))?;
            Ok((rows, lookups))
        })
        .await?;
    if let (Some(code), [(sample, _)]) = (&scanned, rows.as_slice())
        && sample.code == *code
    {
        return Ok(see_other(&format!("/samples/{}", sample.id)));
    }
    let next_href = (rows.len() as i64 > PAGE).then(|| {
        rows.truncate(PAGE as usize);
        query.next_href(
            "/samples",
            &rows
                .last()
                .map(|(s, _)| s.id.to_string())
                .unwrap_or_default(),
        )
    });
    render(&SampleListPage {
        base,
        rows,
        query,
        errors,
        lookups,
        next_href,
        all_companies,
    })
}
