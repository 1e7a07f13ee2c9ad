//! `GET /consignments/{id}`: the consignment, its samples and its history.

use actix_web::{HttpResponse, web};
use askama::Template;

use crate::auth::IntakeReader;
use crate::auth::policy::{self, Page};
use crate::db::types::UtcTime;
use crate::domain::Role;
use crate::domain::Side;
use crate::error::AppError;
use crate::models::audit;
use crate::models::catalog::Named;
use crate::models::certificate::{Certificate, Standing};
use crate::models::consignment::{Consignment, ConsignmentId};
use crate::models::lab_test::LabTest;
use crate::models::sample::Sample;
use crate::queries::certification::{self, Readiness};
use crate::queries::history::RecordNames;
use crate::queries::timeline::{self, Party, SampleConformity, TimelineEvent};
use crate::routes::intake::Lookups;
use crate::web::history::{self, HistoryLine};
use crate::web::{AppState, Base, render};

#[derive(Template)]
#[template(path = "consignments/show.html")]
struct ConsignmentPage {
    base: Base,
    consignment: Consignment,
    samples: Vec<Sample>,
    events: Vec<HistoryLine>,
    lookups: Lookups,
    can_register: bool,
    /// Whether the application link leads anywhere this role may open.
    opens_application: bool,
    certification: Certification,
    /// The GACC warning (see `applications::show::eligibility_warning`), if it applies.
    gacc_warning: Option<&'static str>,
    /// The exporter's desk: the timeline and the conformity summary in place of the staff's
    /// history (which names staff and carries internal notes).
    desk: Option<Desk>,
}

/// What an exporter reads instead of the audit history.
struct Desk {
    timeline: Vec<TimelineEvent>,
    conformity: Vec<SampleConformity>,
}

impl ConsignmentPage {
    fn describe(&self, event: &TimelineEvent) -> String {
        super::timeline::describe(&self.base, event)
    }

    fn result(&self, test: &LabTest) -> String {
        crate::routes::bench::result_text(&self.base, test)
    }

    fn limit(&self, test: &LabTest) -> String {
        crate::routes::bench::limit_text(&self.base, test)
    }

    /// The laboratory of a side, by name.
    fn lab(&self, side: &Side) -> &'static str {
        self.base.t(Party::of_side(*side).key())
    }

    fn progress(&self, side: &Side, verified: &i64, total: &i64) -> String {
        self.base.tn(
            "timeline.testing_progress",
            total,
            &[("lab", self.lab(side)), ("verified", &verified.to_string())],
        )
    }
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
    let is_exporter = user.role == Role::Exporter;
    let (lang, role) = (base.lang, user.role);
    let (consignment, samples, events, lookups, certification, unregistered, desk) = state
        .db
        .run(move |conn| {
            let consignment =
                Consignment::find_for(conn, user.scope(), id)?.ok_or(AppError::NotFound)?;
            let samples = Sample::of_consignment(conn, id)?;
            let (events, desk) = if is_exporter {
                let timeline = timeline::of_consignment(conn, scope, id)?;
                let conformity = timeline::conformity(conn, scope, id)?;
                let desk = timeline.zip(conformity).map(|(timeline, conformity)| Desk {
                    timeline,
                    conformity,
                });
                (
                    (Vec::new(), RecordNames::default()),
                    Some(desk.ok_or(AppError::NotFound)?),
                )
            } else {
                let events = audit::of_entity(conn, "consignment", &id.to_string(), side)?;
                let names = RecordNames::load(conn, &events, &[], lang, role)?;
                ((events, names), None)
            };
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
            let lookups = Lookups::naming(conn, [consignment.exporter_id])?;
            Ok((
                consignment,
                samples,
                events,
                lookups,
                certification,
                unregistered,
                desk,
            ))
        })
        .await?;
    let events = history::lines(&base, role, events.0, &events.1);
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
        desk,
    })
}
