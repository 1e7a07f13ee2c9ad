//! `GET /samples.csv`: every sample the list's filters select (in the reader's scope), in
//! the list's order, as CSV.

use actix_web::{HttpResponse, web};

use crate::auth::IntakeReader;
use crate::error::AppError;
use crate::models::sample::{Sample, SampleStatus};
use crate::routes::intake::{ListQuery, csv_rows};
use crate::web::csv::download;
use crate::web::{AppState, Base};

pub async fn csv(
    state: web::Data<AppState>,
    base: Base,
    who: IntakeReader,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let query = query.into_inner();
    let (rows, lookups) = csv_rows(
        &state,
        &query,
        who.0,
        SampleStatus::parse,
        Sample::list_for,
        |(_, c)| c.exporter_id,
    )
    .await?;
    let headers = [
        "intake.code",
        "samples.seal",
        "consignments.one",
        "intake.exporter",
        "intake.commodity",
        "intake.created_at",
        "intake.status",
    ];
    download(
        base,
        "samples",
        query.list_href("/samples"),
        &headers,
        &rows,
        |base, (s, c)| {
            vec![
                s.code.clone(),
                s.seal_number.clone(),
                c.code.clone(),
                lookups.exporter(&c.exporter_id),
                lookups.commodity(&c.commodity_id, &base.lang),
                base.time(&s.created_at),
                base.tk("samples.status.", s.status.as_str()).to_owned(),
            ]
        },
    )
}
