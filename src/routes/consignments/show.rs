//! `GET /consignments/{id}`: the consignment, its samples and its history.

use actix_web::{HttpResponse, web};
use askama::Template;

use crate::auth::IntakeReader;
use crate::auth::policy::{self, Page};
use crate::db::types::UtcTime;
use crate::domain::Role;
use crate::error::AppError;
use crate::models::audit::{self, AuditEvent};
use crate::models::certificate::{Certificate, Standing};
use crate::models::consignment::{Consignment, ConsignmentId};
use crate::models::sample::Sample;
use crate::queries::certification::{self, Readiness};
use crate::routes::intake::Lookups;
use crate::web::{AppState, Base, render};

#[derive(Template)]
#[template(path = "consignments/show.html")]
struct ConsignmentPage {
    base: Base,
    consignment: Consignment,
    samples: Vec<Sample>,
    events: Vec<AuditEvent>,
    lookups: Lookups,
    can_register: bool,
    /// Whether the application link leads anywhere this role may open.
    opens_application: bool,
    certification: Certification,
    /// The GACC warning (see `applications::show::eligibility_warning`), if it applies.
    gacc_warning: Option<&'static str>,
}

/// The certificates panel: the documents this user may see, and for a certifier what the
/// results allow now.
#[derive(Default)]
struct Certification {
    documents: Vec<(Certificate, Standing)>,
    opens_documents: bool,
    /// For a certifier, when no document exists: the kind the results call for, or why not.
    offer: Option<Result<&'static str, &'static str>>,
}

pub async fn show(
    state: web::Data<AppState>,
    base: Base,
    who: IntakeReader,
    id: web::Path<ConsignmentId>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let user = who.0;
    let can_register = user.role == Role::Registrar;
    let opens_application = policy::may_open(user.role, Page::Applications);
    let side = user.side;
    let scope = user.scope();
    let is_certifier = user.role == Role::Certifier;
    let opens_documents = policy::may_open(user.role, Page::Certificates);
    let warning = crate::routes::applications::show::eligibility_warning(user.role);
    let (consignment, samples, events, lookups, certification, unregistered) = state
        .db
        .run(move |conn| {
            let consignment =
                Consignment::find_for(conn, user.scope(), id)?.ok_or(AppError::NotFound)?;
            let samples = Sample::of_consignment(conn, id)?;
            let events = audit::of_entity(conn, "consignment", &id.to_string(), side)?;
            let now = UtcTime::now();
            let documents: Vec<(Certificate, Standing)> =
                Certificate::of_consignment(conn, scope, id)?
                    .into_iter()
                    .map(|c| {
                        let standing = c.standing(now);
                        (c, standing)
                    })
                    .collect();
            let offer = match (is_certifier && documents.is_empty()).then_some(()) {
                None => None,
                Some(()) => Some(match certification::assess(conn, &consignment)?.readiness {
                    Readiness::Ready => Ok("certification.ready_lead"),
                    Readiness::Failed => Ok("certification.failed_lead"),
                    Readiness::Waiting(key) => Err(key),
                }),
            };
            let certification = Certification {
                documents,
                opens_documents,
                offer,
            };
            let unregistered = crate::queries::eligibility::lacks_registration(
                conn,
                consignment.exporter_id,
                consignment.commodity_id,
                consignment.limit_set_id,
                now.0.date_naive(),
            )?;
            Ok((
                consignment,
                samples,
                events,
                Lookups::load(conn)?,
                certification,
                unregistered,
            ))
        })
        .await?;
    render(&ConsignmentPage {
        base,
        consignment,
        samples,
        events,
        lookups,
        can_register,
        opens_application,
        certification,
        gacc_warning: unregistered.then_some(warning),
    })
}
