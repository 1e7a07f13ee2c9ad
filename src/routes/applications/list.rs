//! `GET /applications`: the applications the reader may see, filtered, 50 at a time.

use actix_web::{HttpResponse, web};
use askama::Template;

use crate::auth::ApplicationReader;
use crate::domain::Role;
use crate::error::AppError;
use crate::models::application::{Application, ApplicationStatus};
use crate::models::catalog::Named;
use crate::routes::intake::{Errors, ListQuery, Lookups, error_of};
use crate::web::{AppState, Base, render};

const PAGE: i64 = 50;

#[derive(Template)]
#[template(path = "applications/list.html")]
struct ApplicationListPage {
    base: Base,
    rows: Vec<Application>,
    query: ListQuery,
    errors: Errors,
    lookups: Lookups,
    next_href: Option<String>,
    can_file: bool,
    all_companies: bool,
}

impl ApplicationListPage {
    fn error(&self, field: &str) -> Option<&'static str> {
        error_of(&self.errors, field)
    }

    fn statuses(&self) -> &'static [ApplicationStatus] {
        ApplicationStatus::ALL
    }
}

pub async fn show(
    state: web::Data<AppState>,
    base: Base,
    who: ApplicationReader,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let query = query.into_inner();
    let user = who.0;
    let (filter, errors) = query.to_filter(user.time_zone, ApplicationStatus::parse);
    let can_file = matches!(user.role, Role::Registrar | Role::Exporter);
    let all_companies = user.role != Role::Exporter;
    let (mut rows, lookups) = state
        .db
        .run(move |conn| {
            let rows = Application::list_for(conn, user.scope(), &filter, PAGE + 1)?;
            let lookups = Lookups::naming(conn, rows.iter().map(|a| a.exporter_id))?;
            Ok((rows, lookups))
        })
        .await?;
    let next_href = (rows.len() as i64 > PAGE).then(|| {
        rows.truncate(PAGE as usize);
        query.next_href(
            "/applications",
            &rows.last().map(|r| r.id.to_string()).unwrap_or_default(),
        )
    });
    render(&ApplicationListPage {
        base,
        rows,
        query,
        errors,
        lookups,
        next_href,
        can_file,
        all_companies,
    })
}
