//! `GET /consignments`

use actix_web::{HttpResponse, web};
use askama::Template;

use crate::auth::IntakeReader;
use crate::domain::Role;
use crate::error::AppError;
use crate::models::catalog::Named;
use crate::models::consignment::{Consignment, ConsignmentStatus};
use crate::routes::intake::{Errors, ListQuery, Lookups, error_of};
use crate::web::{AppState, Base, render};

const PAGE: i64 = 50;

#[derive(Template)]
#[template(path = "consignments/list.html")]
struct ConsignmentListPage {
    base: Base,
    rows: Vec<Consignment>,
    query: ListQuery,
    errors: Errors,
    lookups: Lookups,
    next_href: Option<String>,
    all_companies: bool,
}

impl ConsignmentListPage {
    fn error(&self, field: &str) -> Option<&'static str> {
        error_of(&self.errors, field)
    }

    fn statuses(&self) -> &'static [ConsignmentStatus] {
        ConsignmentStatus::ALL
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
    let (filter, errors) = query.to_filter(user.time_zone, ConsignmentStatus::parse);
    let all_companies = user.role != Role::Exporter;
    let (mut rows, lookups) = state
        .db
        .run(move |conn| {
            let rows = Consignment::list_for(conn, user.scope(), &filter, PAGE + 1)?;
            let lookups = Lookups::naming(conn, rows.iter().map(|c| c.exporter_id))?;
            Ok((rows, lookups))
        })
        .await?;
    let next_href = (rows.len() as i64 > PAGE).then(|| {
        rows.truncate(PAGE as usize);
        query.next_href(
            "/consignments",
            &rows.last().map(|r| r.id.to_string()).unwrap_or_default(),
        )
    });
    render(&ConsignmentListPage {
        base,
        rows,
        query,
        errors,
        lookups,
        next_href,
        all_companies,
    })
}
