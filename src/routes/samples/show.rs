//! `GET /samples/{id}`: a sample, its three portions, its chain of custody and its history;
//! a registrar records custody steps here.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;

use super::custody::ActionForm;
use crate::auth::IntakeReader;
use crate::auth::policy::{self, Staff};
use crate::domain::{Role, Side};
use crate::error::AppError;
use crate::models::User;
use crate::models::audit;
use crate::models::catalog::{Named, TestMethod};
use crate::models::consignment::Consignment;
use crate::models::custody::CustodyEvent;
use crate::models::discrepancy::Discrepancy;
use crate::models::lab_test::LabTest;
use crate::models::sample::{Portion, PortionKind, Sample, SampleId};
use crate::queries;
use crate::queries::history::RecordNames;
use crate::routes::intake::{Errors, Lookups, error_of};
use crate::web::history::{self, HistoryLine};
use crate::web::{AppState, Base, render, render_status};
use crate::workflows::custody;

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
    /// The audit history, for the lab's staff only (it names staff and carries their notes);
    /// `None` for an exporter.
    pub events: Option<Vec<HistoryLine>>,
    pub lookups: Lookups,
    pub is_registrar: bool,
    pub my_side: Option<Side>,
    pub can_print: bool,
    pub notice: Option<&'static str>,
    pub errors: Errors,
    pub form: ActionForm,
    pub is_reviewer: bool,
    pub resolution: super::resolve::ResolutionState,
    /// What this user may do here, as the workflows' policy answers it: only these are
    /// offered.
    pub offers: Offers,
    /// The sample drawn to replace this one, and the one this one replaces.
    pub replaced_by: Option<(SampleId, String)>,
    pub replaces: Option<(SampleId, String)>,
}

/// The custody actions the page offers a registrar.
#[derive(Debug, Default)]
pub struct Offers {
    pub hand_over: Vec<PortionKind>,
    pub receive: Option<PortionKind>,
    pub dispose: Vec<PortionKind>,
    pub cancel: bool,
    pub draw_replacement: bool,
}

impl Offers {
    fn any_custody(&self) -> bool {
        !self.hand_over.is_empty()
            || self.receive.is_some()
            || !self.dispose.is_empty()
            || self.cancel
    }

    fn load(
        conn: &mut crate::db::DbConn,
        staff: &Staff,
        sample: &Sample,
        portions: &[Portion],
        replaced: bool,
    ) -> Result<Offers, AppError> {
        let mut offers = Offers::default();
        for p in portions {
            if policy::may_hand_over(staff, sample, p).is_ok() {
                offers.hand_over.push(p.portion);
            }
            if policy::may_receive(staff, sample, p).is_ok() {
                offers.receive = Some(p.portion);
            }
            let context = custody::disposal_context(conn, sample.id, p.portion)?;
            if policy::may_dispose(staff, p, context).is_ok() {
                offers.dispose.push(p.portion);
            }
        }
        offers.cancel = policy::may_cancel(staff, sample, portions).is_ok();
        offers.draw_replacement = policy::may_draw_replacement(staff, sample, replaced).is_ok();
        Ok(offers)
    }
}

impl SamplePage {
    pub fn error(&self, field: &str) -> Option<&'static str> {
        error_of(&self.errors, field)
    }

    /// The portion this registrar's side may record the receipt of now.
    pub fn my_portion(&self) -> Option<PortionKind> {
        self.offers.receive
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

    /// An analyst of a side with pending tests here is offered the worksheet.
    pub fn worksheet_open(&self) -> bool {
        let analyst = self
            .base
            .user
            .as_ref()
            .is_some_and(|u| u.role == Role::Analyst);
        let tests = self.tests.iter().map(|(t, _)| t);
        analyst
            && self
                .my_side
                .is_some_and(|side| crate::routes::bench::worksheet::has_pending(tests, side))
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
    let staff = Staff::of(user.clone());
    let is_reviewer = user.role == Role::Reviewer;
    let can_print = matches!(user.role, Role::Registrar | Role::Analyst | Role::Reviewer);
    let my_side = user.side;
    let own_side = user.side.filter(|_| user.role != Role::Exporter);
    let (lang, role) = (base.lang, user.role);
    let (sample, consignment, portions, custody, tests, discrepancies, events, lookups, links) =
        state
            .db
            .run(move |conn| {
                let sample = Sample::find_for(conn, user.scope(), id)?.ok_or(AppError::NotFound)?;
                let consignment = Consignment::find_for(conn, user.scope(), sample.consignment_id)?
                    .ok_or(AppError::NotFound)?;
                let portions = Sample::portions(conn, id)?;
                let custody = CustodyEvent::of_sample(conn, id)?;
                let tests = queries::testing::of_sample_visible(conn, id, own_side)?;
                let discrepancies = Discrepancy::of_sample(conn, id)?;
                let events = match user.role {
                    Role::Exporter => None,
                    _ => {
                        let events = audit::of_entity(conn, "sample", &id.to_string(), user.side)?;
                        let names = RecordNames::load(conn, &events, &[], lang, role)?;
                        Some((events, names))
                    }
                };
                let replaced_by = Sample::replacement_of(conn, id)?.map(|s| (s.id, s.code));
                let replaces = match sample.replaces_sample_id {
                    Some(old) => Some((old, Sample::code_of(conn, old)?)),
                    None => None,
                };
                let offers = match (&staff, is_registrar) {
                    (Some(staff), true) => {
                        Offers::load(conn, staff, &sample, &portions, replaced_by.is_some())?
                    }
                    _ => Offers::default(),
                };
                let lookups = Lookups::naming(conn, [consignment.exporter_id])?;
                Ok((
                    sample,
                    consignment,
                    portions,
                    custody,
                    tests,
                    discrepancies,
                    events,
                    lookups,
                    (offers, replaced_by, replaces),
                ))
            })
            .await?;
    let events = events.map(|(events, names)| history::lines(&base, role, events, &names));
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
        offers: links.0,
        replaced_by: links.1,
        replaces: links.2,
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
