//! `GET /samples/{id}`: a sample, its three portions, its chain of custody and its history;
//! a registrar records custody steps here.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;

use super::custody::ActionForm;
use crate::auth::IntakeReader;
use crate::domain::{Role, Side};
use crate::error::AppError;
use crate::models::User;
use crate::models::audit::{self, AuditEvent};
use crate::models::catalog::{Named, TestMethod};
use crate::models::consignment::Consignment;
use crate::models::custody::CustodyEvent;
use crate::models::discrepancy::Discrepancy;
use crate::models::lab_test::LabTest;
use crate::models::sample::{Portion, PortionKind, PortionStatus, Sample, SampleId};
use crate::routes::intake::{Errors, Lookups, error_of};
use crate::web::{AppState, Base, render, render_status};

#[derive(Template)]
#[template(path = "samples/show.html")]
pub struct SamplePage {
    pub base: Base,
    pub sample: Sample,
    pub consignment: Consignment,
    pub portions: Vec<Portion>,
    pub custody: Vec<CustodyEvent>,
    pub tests: Vec<(LabTest, TestMethod)>,
    pub discrepancies: Vec<Discrepancy>,
    pub events: Vec<AuditEvent>,
    pub lookups: Lookups,
    pub is_registrar: bool,
    pub my_side: Option<Side>,
    pub can_print: bool,
    pub notice: Option<&'static str>,
    pub errors: Errors,
    pub form: ActionForm,
    pub is_reviewer: bool,
    pub resolution: super::resolve::ResolutionState,
}

impl SamplePage {
    pub fn error(&self, field: &str) -> Option<&'static str> {
        error_of(&self.errors, field)
    }

    pub fn kinds(&self) -> &'static [PortionKind] {
        PortionKind::ALL
    }

    /// The portion this registrar's side receives, while it waits to be received.
    pub fn my_portion(&self) -> Option<PortionKind> {
        let mine = match self.my_side? {
            Side::Kz => PortionKind::Kz,
            Side::Cn => PortionKind::Cn,
        };
        let waiting = self.portions.iter().any(|p| {
            p.portion == mine
                && matches!(p.status, PortionStatus::Sealed | PortionStatus::HandedOver)
        });
        waiting.then_some(mine)
    }

    /// A custody party as people read it: a place of the lab in their language, or a
    /// person's name or seal number as recorded.
    pub fn party(&self, value: &str) -> String {
        match value {
            "reception" | "kz" | "cn" | "counter_store" => {
                self.base.tk("custody.party.", value).to_owned()
            }
            other => other.to_owned(),
        }
    }

    pub fn limit(&self, test: &LabTest) -> String {
        crate::routes::bench::limit_text(&self.base, test)
    }

    pub fn result(&self, test: &LabTest) -> String {
        crate::routes::bench::result_text(&self.base, test)
    }

    pub fn answer(&self, status: StatusCode) -> Result<HttpResponse, AppError> {
        render_status(status, self)
    }
}

/// Loads the page for `user`; 404 when the sample is not theirs to see.
pub async fn load(
    state: &AppState,
    base: Base,
    user: User,
    id: SampleId,
) -> Result<SamplePage, AppError> {
    let is_registrar = user.role == Role::Registrar;
    let is_reviewer = user.role == Role::Reviewer;
    let can_print = matches!(user.role, Role::Registrar | Role::Analyst | Role::Reviewer);
    let my_side = user.side;
    let (sample, consignment, portions, custody, tests, discrepancies, events, lookups) = state
        .db
        .run(move |conn| {
            let sample = Sample::find_for(conn, &user, id)?.ok_or(AppError::NotFound)?;
            let consignment = Consignment::find_for(conn, &user, sample.consignment_id)?
                .ok_or(AppError::NotFound)?;
            let portions = Sample::portions(conn, id)?;
            let custody = CustodyEvent::of_sample(conn, id)?;
            let tests = LabTest::of_sample_for(conn, &user, id)?;
            let discrepancies = Discrepancy::of_sample(conn, id)?;
            let events = audit::of_entity(conn, "sample", &id.to_string(), user.side)?;
            Ok((
                sample,
                consignment,
                portions,
                custody,
                tests,
                discrepancies,
                events,
                Lookups::load(conn)?,
            ))
        })
        .await?;
    Ok(SamplePage {
        base,
        sample,
        consignment,
        portions,
        custody,
        tests,
        discrepancies,
        events,
        lookups,
        is_registrar,
        my_side,
        can_print,
        notice: None,
        errors: Vec::new(),
        form: ActionForm::default(),
        is_reviewer,
        resolution: Default::default(),
    })
}

pub async fn show(
    state: web::Data<AppState>,
    base: Base,
    who: IntakeReader,
    id: web::Path<SampleId>,
) -> Result<HttpResponse, AppError> {
    render(&load(&state, base, who.0, id.into_inner()).await?)
}
