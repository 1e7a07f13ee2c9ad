//! `GET /api/v1/consignments` and `GET /api/v1/consignments/{id}`: the consignment list and
//! page as JSON, in the caller's scope (another company's consignment is 404).

use actix_web::{HttpResponse, web};
use serde::Serialize;
use utoipa::ToSchema;

use super::{IntakeParams, Problem, instant, paginate, refuse_filter};
use crate::auth::IntakeReader;
use crate::error::AppError;
use crate::models::consignment::{Consignment, ConsignmentId, ConsignmentStatus};
use crate::routes::intake::Lookups;
use crate::web::AppState;

/// A consignment: what crosses the border and is certified.
#[derive(Serialize, ToSchema)]
pub struct ConsignmentOut {
    pub id: String,
    /// Human code.
    pub code: String,
    /// The application it was made from, if any.
    pub application_id: Option<String>,
    pub exporter_id: String,
    pub commodity_id: String,
    pub hs_code: String,
    pub quantity: String,
    pub unit: String,
    pub lots: String,
    pub origin_region: String,
    pub origin_district: String,
    pub producer: String,
    pub consignee: String,
    pub border_post_id: String,
    /// The border post's code (`NZH`, `ALT`, `DST`, `ALK`, `KLZ`).
    pub border_post: String,
    /// `rail` or `road`.
    pub transport: String,
    pub planned_date: String,
    /// The destination market's limit set code (`CN`, `EAEU`…).
    pub destination: String,
    /// `registered`, `sampled`, `in_testing`, `tested` or `closed`.
    pub status: String,
    pub created_at: String,
}

/// One page of consignments.
#[derive(Serialize, ToSchema)]
pub struct ConsignmentPage {
    pub items: Vec<ConsignmentOut>,
    /// The cursor of the next page (`?cursor=`), absent on the last.
    pub next: Option<String>,
}

impl ConsignmentOut {
    pub fn of(c: &Consignment, lookups: &Lookups) -> Self {
        let post = lookups.posts.iter().find(|p| p.id == c.border_post_id);
        let destination = lookups.limit_sets.iter().find(|s| s.id == c.limit_set_id);
        ConsignmentOut {
            id: c.id.to_string(),
            code: c.code.clone(),
            application_id: c.application_id.map(|a| a.to_string()),
            exporter_id: c.exporter_id.to_string(),
            commodity_id: c.commodity_id.to_string(),
            hs_code: lookups.hs_code(&c.commodity_id),
            quantity: c.quantity.clone(),
            unit: c.unit.as_str().to_owned(),
            lots: c.lots.clone(),
            origin_region: c.origin_region.clone(),
            origin_district: c.origin_district.clone(),
            producer: c.producer.clone(),
            consignee: c.consignee.clone(),
            border_post_id: c.border_post_id.to_string(),
            border_post: post.map(|p| p.code.clone()).unwrap_or_default(),
            transport: c.transport.as_str().to_owned(),
            planned_date: c.planned_date.clone(),
            destination: destination.map(|s| s.code.clone()).unwrap_or_default(),
            status: c.status.as_str().to_owned(),
            created_at: instant(&c.created_at),
        }
    }
}

/// List consignments
///
/// The consignments the token's owner may see (an exporter: their company's), newest first,
/// with the list page's filters.
#[utoipa::path(get, path = "/api/v1/consignments", tag = "consignments",
    operation_id = "list_consignments", params(IntakeParams),
    responses(
        (status = 200, description = "One page", body = ConsignmentPage),
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
    let (filter, errors) = query.to_filter(user.time_zone, ConsignmentStatus::parse);
    refuse_filter(&errors)?;
    let (rows, lookups) = state
        .db
        .run(move |conn| {
            let rows = Consignment::list_for(conn, user.scope(), &filter, limit + 1)?;
            let lookups = Lookups::naming(conn, rows.iter().map(|c| c.exporter_id))?;
            Ok((rows, lookups))
        })
        .await?;
    let (rows, next) = paginate(rows, limit, |c| c.id.to_string());
    Ok(HttpResponse::Ok().json(ConsignmentPage {
        items: rows
            .iter()
            .map(|c| ConsignmentOut::of(c, &lookups))
            .collect(),
        next,
    }))
}

/// Read a consignment
#[utoipa::path(get, path = "/api/v1/consignments/{id}", tag = "consignments",
    operation_id = "show_consignment",
    params(("id" = String, Path, description = "Consignment id")),
    responses(
        (status = 200, description = "The consignment", body = ConsignmentOut),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such consignment, or not yours", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn show(
    state: web::Data<AppState>,
    who: IntakeReader,
    id: web::Path<ConsignmentId>,
) -> Result<HttpResponse, AppError> {
    let user = who.0;
    let id = id.into_inner();
    let (consignment, lookups) = state
        .db
        .run(move |conn| {
            let found = Consignment::find_for(conn, user.scope(), id)?.ok_or(AppError::NotFound)?;
            let lookups = Lookups::naming(conn, [found.exporter_id])?;
            Ok((found, lookups))
        })
        .await?;
    Ok(HttpResponse::Ok().json(ConsignmentOut::of(&consignment, &lookups)))
}
