//! `GET /applications.csv`: every application the list's filters select (in the reader's
//! scope), in the list's order, as CSV.

use actix_web::{HttpResponse, web};

use crate::auth::ApplicationReader;
use crate::error::AppError;
use crate::models::application::{Application, ApplicationStatus};
use crate::routes::intake::{ListQuery, csv_rows};
use crate::web::csv::download;
use crate::web::{AppState, Base};

pub async fn csv(
    state: web::Data<AppState>,
    base: Base,
    who: ApplicationReader,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let query = query.into_inner();
    let (rows, lookups) = csv_rows(
        &state,
        &query,
        who.0,
        ApplicationStatus::parse,
        Application::list_for,
        |a| a.exporter_id,
    )
    .await?;
    let headers = [
        "intake.code",
        "intake.submitted_at",
        "intake.exporter",
        "intake.commodity",
        "intake.quantity",
        "field.border_post",
        "intake.planned_date",
        "intake.status",
    ];
    download(
        base,
        "applications",
        query.list_href("/applications"),
        &headers,
        &rows,
        |base, c| {
            vec![
                c.code.clone(),
                base.time(&c.submitted_at),
                lookups.exporter(&c.exporter_id),
                lookups.commodity(&c.commodity_id, &base.lang),
                format!("{} {}", c.quantity, base.tk("unit.", c.unit.as_str())),
                lookups.post(&c.border_post_id, &base.lang),
                c.planned_date.clone(),
                base.tk("applications.status.", c.status.as_str())
                    .to_owned(),
            ]
        },
    )
}
