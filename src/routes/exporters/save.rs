use actix_web::http::header;
use actix_web::{HttpResponse, web};

use super::form::{CompanyForm, CompanyPage};
use crate::auth::CompanyManager;
use crate::db::write_tx;
use crate::error::AppError;
use crate::models::exporter::{NewExporter, Saved};
use crate::models::{Actor, Exporter, ExporterId, User};
use crate::routes::admin::users::form::is_unique_violation;
use crate::web::{AppState, Base};

fn saved(id: ExporterId) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, format!("/exporters/{id}?saved=1")))
        .finish()
}

/// `POST /exporters`: registers a company (BIN unique and checksum-valid).
pub async fn create(
    state: web::Data<AppState>,
    base: Base,
    who: CompanyManager,
    form: web::Form<CompanyForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let page = CompanyPage {
        base,
        form: form.clone(),
        errors: Vec::new(),
        notice: None,
        company: None,
        users: Vec::new(),
    };
    let details = match form.parse() {
        Ok(d) => d,
        Err(errors) => return page.refused(errors, false),
    };
    let actor = Actor::user(who.id, &who.email);
    let created = state
        .db
        .run(move |conn| {
            let new = NewExporter::new(
                &details.name,
                &details.bin,
                &details.address,
                &details.contact_email,
            );
            match write_tx(conn, |conn| Exporter::create(conn, &actor, &new)) {
                Ok(company) => Ok(Some(company.id)),
                Err(e) if is_unique_violation(&e) => Ok(None),
                Err(e) => Err(e.into()),
            }
        })
        .await?;
    match created {
        Some(id) => Ok(saved(id)),
        None => page.refused(vec![("bin", "exporters.bin_taken")], false),
    }
}

/// `POST /exporters/{id}`: saves the company unless someone changed it since the form loaded.
pub async fn update(
    state: web::Data<AppState>,
    base: Base,
    who: CompanyManager,
    id: web::Path<ExporterId>,
    form: web::Form<CompanyForm>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let form = form.into_inner();
    let actor = Actor::user(who.id, &who.email);
    let parsed = form.parse();
    let version: i32 = form.version.parse().map_err(|_| AppError::BadRequest)?;
    let (outcome, company, users) = state
        .db
        .run(move |conn| {
            let outcome = match parsed {
                Err(errors) => Err((errors, false)),
                Ok(details) => match write_tx(conn, |conn| {
                    Exporter::update(conn, &actor, id, version, &details)
                }) {
                    Ok(Saved::Done(_)) => Ok(()),
                    Ok(Saved::Stale) => Err((Vec::new(), true)),
                    Err(e) if is_unique_violation(&e) => {
                        Err((vec![("bin", "exporters.bin_taken")], false))
                    }
                    Err(e) => return Err(e.into()),
                },
            };
            let company = Exporter::find(conn, id)?.ok_or(AppError::NotFound)?;
            Ok((outcome, company, User::of_exporter(conn, id)?))
        })
        .await?;
    let (errors, stale) = match outcome {
        Ok(()) => return Ok(saved(id)),
        Err(refusal) => refusal,
    };
    let mut form = form;
    if stale {
        form.version = company.version.to_string();
    }
    let page = CompanyPage {
        base,
        form,
        errors: Vec::new(),
        notice: None,
        company: Some(company),
        users,
    };
    page.refused(errors, stale)
}
