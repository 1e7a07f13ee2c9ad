//! `GET /applications/new` and `POST /applications`.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, web};
use askama::Template;

use crate::auth::Applicant;
use crate::domain::Role;
use crate::error::AppError;
use crate::models::catalog::Named;
use crate::models::consignment::{QuantityUnit, Transport};
use crate::models::{ExporterId, User};
use crate::routes::intake::{Errors, Lookups, ShipmentForm, error_of};
use crate::web::{AppState, Base, render, render_status};
use crate::workflows::{Change, apply_on, intake};

#[derive(Template)]
#[template(path = "applications/form.html")]
pub struct ApplicationFormPage {
    pub base: Base,
    pub form: ShipmentForm,
    pub errors: Errors,
    pub lookups: Lookups,
    /// Registrars choose the exporter; an exporter files for their own company.
    pub choose_exporter: bool,
}

impl ApplicationFormPage {
    pub fn error(&self, field: &str) -> Option<&'static str> {
        error_of(&self.errors, field)
    }

    pub fn units(&self) -> &'static [QuantityUnit] {
        QuantityUnit::ALL
    }

    pub fn transports(&self) -> &'static [Transport] {
        Transport::ALL
    }
}

/// The company an application is filed for: the exporter's own, or the registrar's choice.
fn company_of(user: &User, form: &ShipmentForm, lookups: &Lookups) -> Result<ExporterId, Errors> {
    if user.role == Role::Exporter {
        return user
            .exporter_id
            .ok_or_else(|| vec![("exporter", "field.choose")]);
    }
    lookups
        .exporters
        .iter()
        .find(|e| e.id.to_string() == form.exporter)
        .map(|e| e.id)
        .ok_or_else(|| vec![("exporter", "field.choose")])
}

pub async fn new(
    state: web::Data<AppState>,
    base: Base,
    who: Applicant,
) -> Result<HttpResponse, AppError> {
    let lookups = state.db.run(Lookups::load).await?;
    let form = ShipmentForm {
        destination: lookups
            .limit_sets
            .iter()
            .find(|s| s.code == "CN")
            .map(|s| s.id.to_string())
            .unwrap_or_default(),
        ..ShipmentForm::default()
    };
    let choose_exporter = who.role != Role::Exporter;
    render(&ApplicationFormPage {
        base,
        form,
        errors: Vec::new(),
        lookups,
        choose_exporter,
    })
}

pub async fn create(
    state: web::Data<AppState>,
    base: Base,
    who: Applicant,
    form: web::Form<ShipmentForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let user = who.0;
    let choose_exporter = user.role != Role::Exporter;
    let submitted = form.clone();
    let (outcome, lookups) = state
        .db
        .run(move |conn| {
            let lookups = Lookups::load(conn)?;
            let company = company_of(&user, &form, &lookups);
            let shipment = form.parse(&lookups);
            let outcome = match (company, shipment) {
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
            };
            Ok((outcome, lookups))
        })
        .await?;
    match outcome {
        Ok(application) => Ok(HttpResponse::SeeOther()
            .insert_header((
                header::LOCATION,
                format!("/applications/{}", application.id),
            ))
            .finish()),
        Err(errors) => render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &ApplicationFormPage {
                base,
                form: submitted,
                errors,
                lookups,
                choose_exporter,
            },
        ),
    }
}
