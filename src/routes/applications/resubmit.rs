//! `GET /applications/{id}/edit` and `POST /applications/{id}/resubmit`: the exporter corrects
//! a returned application and submits it again, back into the registry's queue.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use serde::Deserialize;

use super::form::{ApplicationFormPage, FormPurpose};
use crate::auth::{ExporterUser, policy};
use crate::error::AppError;
use crate::models::application::{Application, ApplicationId};
use crate::routes::intake::{Lookups, ShipmentForm};
use crate::web::{AppState, Base, render, render_status, see_other};
use crate::workflows::{Change, apply_on, intake};

#[derive(Deserialize)]
pub struct ResubmitForm {
    #[serde(default)]
    version: String,
    #[serde(flatten)]
    shipment: ShipmentForm,
}

fn purpose(application: &Application) -> FormPurpose {
    FormPurpose::Correct {
        id: application.id,
        code: application.code.clone(),
        version: application.version,
        reason: application.return_reason.clone(),
    }
}

pub async fn edit(
    state: web::Data<AppState>,
    base: Base,
    who: ExporterUser,
    id: web::Path<ApplicationId>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let user = who.0;
    let viewer = user.clone();
    let (application, lookups) = state
        .db
        .run(move |conn| {
            let application =
                Application::find_for(conn, user.scope(), id)?.ok_or(AppError::NotFound)?;
            let lookups = Lookups::naming(conn, [application.exporter_id])?;
            Ok((application, lookups))
        })
        .await?;
    if policy::may_resubmit(&viewer, &application).is_err() {
        // Already back in the queue, or accepted: the application's page says where it is.
        return Ok(see_other(&format!("/applications/{id}")));
    }
    render(&ApplicationFormPage {
        base,
        form: ShipmentForm::of_application(&application, true),
        errors: Vec::new(),
        lookups,
        choose_exporter: false,
        purpose: purpose(&application),
        notice: None,
    })
}

pub async fn resubmit(
    state: web::Data<AppState>,
    base: Base,
    who: ExporterUser,
    id: web::Path<ApplicationId>,
    form: web::Form<ResubmitForm>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let form = form.into_inner();
    let version: i32 = form.version.parse().map_err(|_| AppError::BadRequest)?;
    let user = who.0;
    let submitted = form.shipment.clone();
    let (outcome, lookups, application) = state
        .db
        .run(move |conn| {
            let lookups = Lookups::naming(conn, [])?;
            let outcome = match form.shipment.parse(&lookups) {
                Ok(shipment) => Ok(apply_on(conn, |conn| {
                    intake::resubmit(conn, &user, id, version, &shipment)
                })?),
                Err(errors) => Err(errors),
            };
            // The application as it stands now, for the form that comes back.
            let application =
                Application::find_for(conn, user.scope(), id)?.ok_or(AppError::NotFound)?;
            Ok((outcome, lookups, application))
        })
        .await?;
    let (status, errors, notice) = match outcome {
        Ok(Change::Done(_)) => return Ok(see_other(&format!("/applications/{id}"))),
        Ok(Change::Stale) => (StatusCode::CONFLICT, Vec::new(), Some("form.stale")),
        Ok(Change::Refused(key)) => (StatusCode::UNPROCESSABLE_ENTITY, Vec::new(), Some(key)),
        Err(errors) => (StatusCode::UNPROCESSABLE_ENTITY, errors, None),
    };
    let mut purpose = purpose(&application);
    if let FormPurpose::Correct { version: shown, .. } = &mut purpose {
        // The form keeps the version it was loaded at: a change made by someone else since is
        // never overwritten by sending it again; the user reloads and sees what changed.
        *shown = version;
    }
    render_status(
        status,
        &ApplicationFormPage {
            base,
            form: submitted,
            errors,
            lookups,
            choose_exporter: false,
            purpose,
            notice,
        },
    )
}
