//! `GET /api/v1/samples` and `GET /api/v1/samples/{id}`: the sample list and page as JSON.
//! Results are shown as on the page: an exporter sees verified results only, a lab user their
//! own side's in any state and the other side's once verified.

use actix_web::{HttpResponse, web};
use serde::Serialize;
use utoipa::ToSchema;

use super::{IntakeParams, Problem, instant, paginate, refuse_filter};
use crate::auth::IntakeReader;
use crate::domain::Role;
use crate::error::AppError;
use crate::models::catalog::TestMethod;
use crate::models::lab_test::LabTest;
use crate::models::sample::{OfConsignment, Sample, SampleId, SampleStatus};
use crate::queries::testing;
use crate::web::AppState;

/// A sample drawn from a consignment.
#[derive(Serialize, ToSchema)]
pub struct SampleOut {
    pub id: String,
    /// `JL-2026-000123`.
    pub code: String,
    pub consignment_id: String,
    pub consignment_code: String,
    pub seal_number: String,
    pub mass: String,
    /// `g` or `kg`.
    pub mass_unit: String,
    /// `ambient`, `chilled` or `frozen`.
    pub storage: String,
    pub drawn_at: String,
    /// `registered`, `received`, `in_testing`, `tested`, `closed`, `rejected` or `cancelled`.
    pub status: String,
    pub created_at: String,
}

/// A sample with the results its reader may see.
#[derive(Serialize, ToSchema)]
pub struct SampleDetail {
    #[serde(flatten)]
    pub sample: SampleOut,
    pub tests: Vec<TestOut>,
}

/// One test of a sample.
#[derive(Serialize, ToSchema)]
pub struct TestOut {
    pub id: String,
    /// The test method's code.
    pub method: String,
    /// `kz` or `cn`: who performs it.
    pub side: String,
    /// `pending`, `entered`, `verified`… (exporters see `verified` only).
    pub status: String,
    pub value: Option<String>,
    pub unit: Option<String>,
    /// `conforms`, `does_not_conform` or `inconclusive`.
    pub conformity: Option<String>,
    pub verified_at: Option<String>,
}

/// One page of samples.
#[derive(Serialize, ToSchema)]
pub struct SamplePage {
    pub items: Vec<SampleOut>,
    /// The cursor of the next page (`?cursor=`), absent on the last.
    pub next: Option<String>,
}

impl SampleOut {
    fn of(s: &Sample, consignment_code: &str) -> Self {
        SampleOut {
            id: s.id.to_string(),
            code: s.code.clone(),
            consignment_id: s.consignment_id.to_string(),
            consignment_code: consignment_code.to_owned(),
            seal_number: s.seal_number.clone(),
            mass: s.mass.clone(),
            mass_unit: s.mass_unit.as_str().to_owned(),
            storage: s.storage.as_str().to_owned(),
            drawn_at: instant(&s.drawn_at),
            status: s.status.as_str().to_owned(),
            created_at: instant(&s.created_at),
        }
    }
}

impl TestOut {
    fn of(t: &LabTest, method: &TestMethod) -> Self {
        TestOut {
            id: t.id.to_string(),
            method: method.code.as_str().to_owned(),
            side: t.side.as_str().to_owned(),
            status: t.status.as_str().to_owned(),
            value: t.value.clone(),
            unit: t.unit.clone(),
            conformity: t.conformity.as_ref().map(|c| c.as_str().to_owned()),
            verified_at: t.verified_at.as_ref().map(instant),
        }
    }
}

/// List samples
///
/// The samples the token's owner may see (an exporter: their company's), newest first, with
/// the list page's filters.
#[utoipa::path(get, path = "/api/v1/samples", tag = "samples", operation_id = "list_samples",
    params(IntakeParams),
    responses(
        (status = 200, description = "One page", body = SamplePage),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not for this role", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn list(
    state: web::Data<AppState>,
    who: IntakeReader,
    params: web::Query<IntakeParams>,
) -> Result<HttpResponse, AppError> {
    let user = who.0;
    let (query, limit) = params.to_list()?;
    let (filter, errors) = query.to_filter(user.time_zone, SampleStatus::parse);
    refuse_filter(&errors)?;
    let rows: Vec<(Sample, OfConsignment)> = state
        .db
        .run(move |conn| Ok(Sample::list_for(conn, user.scope(), &filter, limit + 1)?))
        .await?;
    let (rows, next) = paginate(rows, limit, |(s, _)| s.id.to_string());
    Ok(HttpResponse::Ok().json(SamplePage {
        items: rows
            .iter()
            .map(|(s, c)| SampleOut::of(s, &c.code))
            .collect(),
        next,
    }))
}

/// Read a sample and its results
#[utoipa::path(get, path = "/api/v1/samples/{id}", tag = "samples", operation_id = "show_sample",
    params(("id" = String, Path, description = "Sample id")),
    responses(
        (status = 200, description = "The sample and the results its reader may see", body = SampleDetail),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such sample, or not yours", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn show(
    state: web::Data<AppState>,
    who: IntakeReader,
    id: web::Path<SampleId>,
) -> Result<HttpResponse, AppError> {
    let user = who.0;
    let id = id.into_inner();
    // As the sample page: exporters see verified results only.
    let own_side = user.side.filter(|_| user.role != Role::Exporter);
    let detail = state
        .db
        .run(move |conn| {
            let sample = Sample::find_for(conn, user.scope(), id)?.ok_or(AppError::NotFound)?;
            let code = crate::models::consignment::Consignment::find_for(
                conn,
                user.scope(),
                sample.consignment_id,
            )?
            .ok_or(AppError::NotFound)?
            .code;
            let tests = testing::of_sample_visible(conn, id, own_side)?;
            Ok(SampleDetail {
                sample: SampleOut::of(&sample, &code),
                tests: tests.iter().map(|(t, m)| TestOut::of(t, m)).collect(),
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(detail))
}
