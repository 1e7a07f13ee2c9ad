//! `GET /applications/{id}`: one application; a registrar accepts or returns it here.

use actix_web::{HttpResponse, web};
use askama::Template;

use crate::auth::ApplicationReader;
use crate::auth::policy;
use crate::error::AppError;
use crate::models::application::{Application, ApplicationId, ApplicationStatus};
use crate::models::audit;
use crate::models::consignment::Consignment;
use crate::queries::eligibility;
use crate::queries::history::RecordNames;
use crate::routes::intake::Lookups;
use crate::web::history::{self, HistoryLine};
use crate::web::{AppState, Base, render, render_status};

#[derive(Template)]
#[template(path = "applications/show.html")]
pub struct ApplicationPage {
    pub base: Base,
    pub application: Application,
    pub lookups: Lookups,
    pub consignment: Option<Consignment>,
    pub can_decide: bool,
    /// The owning exporter may correct a returned application and submit it again.
    pub can_resubmit: bool,
    /// Those who file applications may start a new one as a copy of this one.
    pub can_copy: bool,
    /// A reason typed for returning, kept when it comes back with an error.
    pub reason: String,
    pub reason_error: Option<&'static str>,
    pub notice: Option<&'static str>,
    /// Catalog key of the warning that the destination requires a GACC registration the
    /// exporter does not hold today (worded for the exporter or for the lab).
    pub gacc_warning: Option<&'static str>,
    /// The application's history in words, for the lab's readers (it names staff); `None`
    /// for an exporter, who reads the consignment's timeline instead.
    pub events: Option<Vec<HistoryLine>>,
}

impl ApplicationPage {
    pub fn submitted(&self) -> bool {
        self.application.status == ApplicationStatus::Submitted
    }
}

/// Loads the page for `user`; `None` when the application is not theirs to see.
pub async fn load(
    state: &AppState,
    base: Base,
    user: crate::models::User,
    id: ApplicationId,
) -> Result<ApplicationPage, AppError> {
    let viewer = user.clone();
    let (lang, role) = (base.lang, user.role);
    let (application, lookups, consignment, unregistered, events) = state
        .db
        .run(move |conn| {
            let application =
                Application::find_for(conn, user.scope(), id)?.ok_or(AppError::NotFound)?;
            let consignment = Consignment::of_application(conn, user.scope(), id)?;
            let unregistered = eligibility::lacks_registration(
                conn,
                application.exporter_id,
                application.commodity_id,
                application.limit_set_id,
                chrono::Utc::now().date_naive(),
            )?;
            let events = match role {
                crate::domain::Role::Exporter => None,
                _ => {
                    let events = audit::of_entity(conn, "application", &id.to_string(), user.side)?;
                    let names = RecordNames::load(conn, &events, &[], lang, role)?;
                    Some((events, names))
                }
            };
            let lookups = Lookups::naming(conn, [application.exporter_id])?;
            Ok((application, lookups, consignment, unregistered, events))
        })
        .await?;
    let gacc_warning = unregistered.then(|| eligibility_warning(viewer.role));
    let can_decide = policy::may_decide(&viewer, &application).is_ok();
    let can_resubmit = policy::may_resubmit(&viewer, &application).is_ok();
    let can_copy = policy::may_file(viewer.role);
    let events = events.map(|(events, names)| history::lines(&base, role, events, &names));
    Ok(ApplicationPage {
        events,
        base,
        application,
        lookups,
        consignment,
        can_decide,
        can_resubmit,
        can_copy,
        reason: String::new(),
        reason_error: None,
        notice: None,
        gacc_warning,
    })
}

pub async fn show(
    state: web::Data<AppState>,
    base: Base,
    who: ApplicationReader,
    id: web::Path<ApplicationId>,
) -> Result<HttpResponse, AppError> {
    render(&load(&state, base, who.0, id.into_inner()).await?)
}

impl ApplicationPage {
    /// The page answered with a status (422 for a missing reason, 409 for a stale decision).
    pub fn answer(&self, status: actix_web::http::StatusCode) -> Result<HttpResponse, AppError> {
        render_status(status, self)
    }
}

/// The GACC warning as `role` reads it: the exporter what it means for his company, the lab
/// what to do about it.
pub fn eligibility_warning(role: crate::domain::Role) -> &'static str {
    if role == crate::domain::Role::Exporter {
        "eligibility.gacc_warning_exporter"
    } else {
        "eligibility.gacc_warning"
    }
}
