//! `POST /api/v1/applications`: an exporter (or a registrar, naming the company) files a
//! testing application through the same workflow as the application form, so the rules, the
//! audit (the token's owner as actor) and the change protocol are the page's.
//! `GET /api/v1/applications/{id}` reads one back.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::gate::language;
use super::{Problem, instant};
use crate::auth::{Applicant, ApplicationReader};
use crate::error::AppError;
use crate::models::application::{Application, ApplicationId};
use crate::routes::applications::form::company_of;
use crate::routes::intake::{Lookups, ShipmentForm};
use crate::web::AppState;
use crate::workflows::{Change, apply_on, intake};

/// A testing application as filed. Catalog references take an id or a code.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ApplicationIn {
    /// The exporter company's id: registrars only (an exporter files for their own company).
    pub exporter: Option<String>,
    /// Commodity id, or its HS code (`100199`).
    pub commodity: String,
    /// A positive decimal (`120.5`).
    pub quantity: String,
    /// `t`, `kg`, `head` … as the form offers.
    pub unit: String,
    /// Lots, wagons or vehicles.
    pub lots: String,
    pub origin_region: String,
    pub origin_district: String,
    pub producer: String,
    /// The consignee in the destination country.
    pub consignee: String,
    /// Border post id, or its code (`NZH`, `ALT`, `DST`, `ALK`, `KLZ`).
    pub border_post: String,
    /// `rail` or `road`.
    pub transport: String,
    /// Planned crossing date, `YYYY-MM-DD`.
    pub planned_date: String,
    /// Destination market: limit set id, or its code (`CN`).
    pub destination: String,
}

/// A testing application.
#[derive(Serialize, ToSchema)]
pub struct ApplicationOut {
    pub id: String,
    /// Human code (`APP-2026-000012`).
    pub code: String,
    /// `submitted`, `accepted` or `returned`.
    pub status: String,
    pub exporter_id: String,
    pub commodity_id: String,
    pub quantity: String,
    pub unit: String,
    pub lots: String,
    pub origin_region: String,
    pub origin_district: String,
    pub producer: String,
    pub consignee: String,
    pub border_post_id: String,
    pub transport: String,
    pub planned_date: String,
    pub destination_id: String,
    /// Why the registry returned it, when it did.
    pub return_reason: Option<String>,
    pub submitted_at: String,
}

impl ApplicationOut {
    fn of(a: &Application) -> Self {
        ApplicationOut {
            id: a.id.to_string(),
            code: a.code.clone(),
            status: a.status.as_str().to_owned(),
            exporter_id: a.exporter_id.to_string(),
            commodity_id: a.commodity_id.to_string(),
            quantity: a.quantity.clone(),
            unit: a.unit.as_str().to_owned(),
            lots: a.lots.clone(),
            origin_region: a.origin_region.clone(),
            origin_district: a.origin_district.clone(),
            producer: a.producer.clone(),
            consignee: a.consignee.clone(),
            border_post_id: a.border_post_id.to_string(),
            transport: a.transport.as_str().to_owned(),
            planned_date: a.planned_date.clone(),
            destination_id: a.limit_set_id.to_string(),
            return_reason: a.return_reason.clone(),
            submitted_at: instant(&a.submitted_at),
        }
    }
}

impl ApplicationIn {
    /// The application form as if typed on the page: codes become the ids the form sends.
    fn to_form(&self, lookups: &Lookups) -> ShipmentForm {
        let commodity = lookups
            .commodities
            .iter()
            .find(|c| c.active && c.hs_code == self.commodity.trim())
            .map_or_else(|| self.commodity.clone(), |c| c.id.to_string());
        let border_post = lookups
            .posts
            .iter()
            .find(|p| p.code.eq_ignore_ascii_case(self.border_post.trim()))
            .map_or_else(|| self.border_post.clone(), |p| p.id.to_string());
        let destination = lookups
            .limit_sets
            .iter()
            .find(|s| s.code.eq_ignore_ascii_case(self.destination.trim()))
            .map_or_else(|| self.destination.clone(), |s| s.id.to_string());
        ShipmentForm {
            exporter: self.exporter.clone().unwrap_or_default(),
            commodity,
            quantity: self.quantity.clone(),
            unit: self.unit.clone(),
            lots: self.lots.clone(),
            origin_region: self.origin_region.clone(),
            origin_district: self.origin_district.clone(),
            producer: self.producer.clone(),
            consignee: self.consignee.clone(),
            border_post,
            transport: self.transport.clone(),
            planned_date: self.planned_date.clone(),
            destination,
            // A program is not warned twice: the page's past-date warning is for people.
            confirm_past_date: self.planned_date.clone(),
        }
    }
}

/// File a testing application
///
/// Needs a write token of an exporter (their own company) or a registrar (naming
/// `exporter`). The application is audited with the token's owner as actor and appears in the
/// registrars' list of applications.
#[utoipa::path(post, path = "/api/v1/applications", tag = "applications",
    operation_id = "file_application", request_body = ApplicationIn,
    responses(
        (status = 201, description = "Filed", body = ApplicationOut,
         headers(("Location" = String, description = "The application's API address"))),
        (status = 400, description = "Not a JSON application", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "A read token, or not an applicant", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Wrong fields (`errors`)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn create(
    req: HttpRequest,
    state: web::Data<AppState>,
    who: Applicant,
    body: web::Json<ApplicationIn>,
) -> Result<HttpResponse, AppError> {
    let user = who.0;
    let lang = language(&req);
    let input = body.into_inner();
    let outcome = state
        .db
        .run(move |conn| {
            let lookups = Lookups::naming(conn, [])?;
            let form = input.to_form(&lookups);
            let company = company_of(conn, &user, &form)?;
            let shipment = form.parse(&lookups);
            Ok(match (company, shipment) {
                (Ok(company), Ok(shipment)) => match apply_on(conn, |conn| {
                    intake::submit_application(conn, &user, company, &shipment)
                })? {
                    Change::Done(application) => Ok(application),
                    Change::Stale => Err(vec![("exporter", "form.stale")]),
                    Change::Refused(key) => Err(vec![("exporter", key)]),
                },
                (company, shipment) => Err([
                    company.err().unwrap_or_default(),
                    shipment.err().unwrap_or_default(),
                ]
                .concat()),
            })
        })
        .await?;
    match outcome {
        Ok(application) => Ok(HttpResponse::Created()
            .insert_header((
                header::LOCATION,
                format!("/api/v1/applications/{}", application.id),
            ))
            .json(ApplicationOut::of(&application))),
        Err(errors) => Ok(super::certificates::fields(&errors, lang)),
    }
}

/// Read an application
#[utoipa::path(get, path = "/api/v1/applications/{id}", tag = "applications",
    operation_id = "show_application",
    params(("id" = String, Path, description = "Application id")),
    responses(
        (status = 200, description = "The application", body = ApplicationOut),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such application, or not yours", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn show(
    state: web::Data<AppState>,
    who: ApplicationReader,
    id: web::Path<ApplicationId>,
) -> Result<HttpResponse, AppError> {
    let user = who.0;
    let id = id.into_inner();
    let application = state
        .db
        .run(move |conn| Application::find_for(conn, user.scope(), id)?.ok_or(AppError::NotFound))
        .await?;
    Ok(HttpResponse::Ok().json(ApplicationOut::of(&application)))
}
