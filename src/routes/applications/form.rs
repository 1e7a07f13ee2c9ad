//! `GET /applications/new` (also `?copy={id}`: a new application started as a copy of an
//! earlier one) and `POST /applications`.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::Applicant;
use crate::db::DbConn;
use crate::domain::Role;
use crate::error::AppError;
use crate::models::application::{Application, ApplicationId};
use crate::models::catalog::Named;
use crate::models::consignment::{QuantityUnit, Transport};
use crate::models::{Exporter, ExporterId, User};
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
    pub purpose: FormPurpose,
    /// A message over the form (a stale or refused resubmission).
    pub notice: Option<&'static str>,
}

/// What the application form is for.
#[derive(Debug, Clone, Default)]
pub enum FormPurpose {
    #[default]
    New,
    /// A new application prefilled from an earlier one (its code).
    Copy(String),
    /// Correcting a returned application and submitting it again.
    Correct {
        id: ApplicationId,
        code: String,
        version: i32,
        reason: Option<String>,
    },
}

impl ApplicationFormPage {
    pub fn error(&self, field: &str) -> Option<&'static str> {
        error_of(&self.errors, field)
    }

    /// The exporter field's value: the BIN of a company named by its id (a copied
    /// application), else what was typed.
    pub fn exporter_typed(&self) -> String {
        self.named_exporter()
            .map_or_else(|| self.form.exporter.clone(), |e| e.bin.clone())
    }

    /// The company the exporter field names, shown beside it.
    pub fn named_exporter(&self) -> Option<&Exporter> {
        let typed: String = self.form.exporter.split_whitespace().collect();
        self.lookups
            .exporters
            .iter()
            .find(|e| e.id.to_string() == typed || e.bin == typed)
    }

    pub fn units(&self) -> &'static [QuantityUnit] {
        QuantityUnit::ALL
    }

    pub fn transports(&self) -> &'static [Transport] {
        Transport::ALL
    }

    /// Where the form is sent.
    pub fn action(&self) -> String {
        match &self.purpose {
            FormPurpose::Correct { id, .. } => format!("/applications/{id}/resubmit"),
            _ => "/applications".into(),
        }
    }

    pub fn heading(&self) -> &'static str {
        match &self.purpose {
            FormPurpose::Correct { .. } => self.base.t("timeline.correct_title"),
            _ => self.base.t("applications.new"),
        }
    }

    pub fn lead(&self) -> String {
        match &self.purpose {
            FormPurpose::New => self.base.t("applications.lead").into(),
            FormPurpose::Copy(code) => self.base.tf("timeline.copy_lead", &[("code", code)]),
            FormPurpose::Correct { .. } => self.base.t("timeline.correct_lead").into(),
        }
    }

    pub fn submit_label(&self) -> &'static str {
        match &self.purpose {
            FormPurpose::Correct { .. } => self.base.t("timeline.resubmit"),
            _ => self.base.t("applications.submit"),
        }
    }

    /// The version a correction was loaded at (the optimistic check).
    pub fn version(&self) -> Option<i32> {
        match &self.purpose {
            FormPurpose::Correct { version, .. } => Some(*version),
            _ => None,
        }
    }

    /// Why the registry returned the application being corrected.
    pub fn return_reason(&self) -> Option<&str> {
        match &self.purpose {
            FormPurpose::Correct { reason, .. } => reason.as_deref(),
            _ => None,
        }
    }
}

/// `?copy={id}` on the new-application form.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct NewQuery {
    copy: String,
}

/// The company an application is filed for: the exporter's own, or the one the registrar
/// names ([`Exporter::named`]).
pub(crate) fn company_of(
    conn: &mut DbConn,
    user: &User,
    form: &ShipmentForm,
) -> diesel::QueryResult<Result<ExporterId, Errors>> {
    if user.role == Role::Exporter {
        return Ok(user
            .exporter_id
            .ok_or_else(|| vec![("exporter", "field.choose")]));
    }
    Ok(match Exporter::named(conn, &form.exporter)? {
        Ok(Some(company)) => Ok(company.id),
        Ok(None) => Err(vec![("exporter", "field.required")]),
        Err(key) => Err(vec![("exporter", key)]),
    })
}

pub async fn new(
    state: web::Data<AppState>,
    base: Base,
    who: Applicant,
    query: web::Query<NewQuery>,
) -> Result<HttpResponse, AppError> {
    let user = who.0;
    let choose_exporter = user.role != Role::Exporter;
    // A copy of an application the user may see (not theirs = not found).
    let copy = match query.copy.as_str() {
        "" => None,
        id => Some(
            id.parse::<ApplicationId>()
                .map_err(|_| AppError::NotFound)?,
        ),
    };
    let (lookups, earlier) = state
        .db
        .run(move |conn| {
            let earlier = match copy {
                Some(id) => {
                    Some(Application::find_for(conn, user.scope(), id)?.ok_or(AppError::NotFound)?)
                }
                None => None,
            };
            let named = earlier.as_ref().map(|a| a.exporter_id);
            Ok((Lookups::naming(conn, named)?, earlier))
        })
        .await?;
    let (form, purpose) = match earlier {
        Some(earlier) => (
            ShipmentForm::of_application(&earlier, false),
            FormPurpose::Copy(earlier.code),
        ),
        None => (
            ShipmentForm {
                destination: lookups
                    .limit_sets
                    .iter()
                    .find(|s| s.code == "CN")
                    .map(|s| s.id.to_string())
                    .unwrap_or_default(),
                ..ShipmentForm::default()
            },
            FormPurpose::New,
        ),
    };
    render(&ApplicationFormPage {
        base,
        form,
        errors: Vec::new(),
        lookups,
        choose_exporter,
        purpose,
        notice: None,
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
            let company = company_of(conn, &user, &form)?;
            let lookups = Lookups::naming(conn, company.as_ref().ok().copied())?;
            let shipment = form.parse(&lookups);
            let outcome = match (company, shipment) {
                // A past planned date comes back once with a warning beside it; submitted
                // again unchanged, it stands.
                (Ok(_), Ok(_)) if form.unconfirmed_past_date() => Err(Vec::new()),
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
                purpose: FormPurpose::New,
                notice: None,
            },
        ),
    }
}
