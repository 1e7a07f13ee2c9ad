//! `POST /samples/{id}/discrepancies/{discrepancy}/resolve`: a reviewer records their side's
//! resolution of a discrepancy between the labs (the arbitration result on the
//! counter-sample, or acceptance of one side's result, with a reason). The sample page lists
//! the discrepancies and offers the form.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use serde::Deserialize;

use super::show::{SamplePage, load};
use crate::auth::Reviewer;
use crate::auth::policy::Staff;
use crate::domain::Side;
use crate::domain::intake::required_paragraph;
use crate::error::AppError;
use crate::models::catalog::Named;
use crate::models::discrepancy::{Discrepancy, DiscrepancyId, ResolutionOutcome};
use crate::models::lab_test::{LabTest, TestStatus};
use crate::models::sample::SampleId;
use crate::routes::intake::{Errors, error_of};
use crate::web::{AppState, Base, see_other};
use crate::workflows::discrepancy as discrepancies;
use crate::workflows::{Change, apply};

/// The resolution form as typed.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct ResolutionForm {
    pub version: String,
    pub outcome: String,
    pub reason: String,
}

/// The resolution form of the sample page sent back: which discrepancy it was for, what was
/// typed, and what was wrong with it.
#[derive(Debug, Default)]
pub struct ResolutionState {
    pub target: Option<DiscrepancyId>,
    pub form: ResolutionForm,
    pub errors: Errors,
    pub notice: Option<&'static str>,
}

/// What the discrepancy panel of the sample page reads.
impl SamplePage {
    /// A reviewer is offered the form while the discrepancy is open and their side has not
    /// recorded its resolution (the model refuses anything else anyway).
    pub fn can_resolve(&self, d: &Discrepancy) -> bool {
        // A side records once, and may change its record while the two contradict each other.
        self.is_reviewer
            && d.is_open()
            && self
                .my_side
                .is_some_and(|s| d.outcome_of(s).is_none() || self.contradicted(d))
    }

    /// Both sides recorded resolutions that name different outcomes: it stays open.
    pub fn contradicted(&self, d: &Discrepancy) -> bool {
        d.is_open() && d.outcome_kz.is_some() && d.outcome_cn.is_some()
    }

    /// The viewer's side has recorded its resolution and waits for the other side's.
    pub fn awaits_other_side(&self, d: &Discrepancy) -> bool {
        d.is_open()
            && self
                .my_side
                .is_some_and(|s| d.outcome_of(s).is_some() && d.outcome_of(s.other()).is_none())
    }

    pub fn sides(&self) -> &'static [Side] {
        Side::ALL
    }

    pub fn outcomes(&self) -> &'static [ResolutionOutcome] {
        ResolutionOutcome::ALL
    }

    /// The method's name and code, from the sample's tests.
    pub fn method_of(&self, d: &Discrepancy) -> String {
        self.tests
            .iter()
            .find(|(_, m)| m.id == d.test_method_id)
            .map(|(_, m)| format!("{} ({})", m.name(&self.base.lang), m.code))
            .unwrap_or_default()
    }

    /// `side`'s latest verified result of the discrepancy's method.
    pub fn side_result(&self, d: &Discrepancy, side: &Side) -> Option<&LabTest> {
        self.tests
            .iter()
            .map(|(t, _)| t)
            .filter(|t| {
                t.side == *side
                    && t.test_method_id == d.test_method_id
                    && t.status == TestStatus::Verified
            })
            .max_by_key(|t| (t.created_at.0, t.id))
    }

    /// What `side` recorded: its outcome and its reason.
    pub fn recorded(&self, d: &Discrepancy, side: &Side) -> Option<(ResolutionOutcome, String)> {
        let outcome = d.outcome_of(*side)?;
        Some((outcome, d.reason_of(*side).unwrap_or_default().to_owned()))
    }

    fn sent_back(&self, d: &Discrepancy) -> Option<&ResolutionState> {
        Some(&self.resolution).filter(|r| r.target == Some(d.id))
    }

    pub fn resolution_error(&self, d: &Discrepancy, field: &str) -> Option<&'static str> {
        self.sent_back(d).and_then(|r| error_of(&r.errors, field))
    }

    pub fn resolution_notice(&self, d: &Discrepancy) -> Option<&'static str> {
        self.sent_back(d).and_then(|r| r.notice)
    }

    pub fn typed_outcome(&self, d: &Discrepancy) -> &str {
        self.sent_back(d).map_or("", |r| r.form.outcome.as_str())
    }

    pub fn typed_reason(&self, d: &Discrepancy) -> &str {
        self.sent_back(d).map_or("", |r| r.form.reason.as_str())
    }
}

pub async fn submit(
    state: web::Data<AppState>,
    base: Base,
    who: Reviewer,
    path: web::Path<(SampleId, DiscrepancyId)>,
    form: web::Form<ResolutionForm>,
) -> Result<HttpResponse, AppError> {
    let (id, discrepancy) = path.into_inner();
    let form = form.into_inner();
    let reviewer = who.0;
    let version: i32 = form
        .version
        .trim()
        .parse()
        .map_err(|_| AppError::BadRequest)?;
    let mut errors = Errors::new();
    let outcome = ResolutionOutcome::parse(&form.outcome);
    if outcome.is_none() {
        errors.push(("outcome", "field.choose"));
    }
    let reason = required_paragraph(&form.reason, 1000)
        .map_err(|e| errors.push(("reason", e)))
        .ok();
    let (Some(outcome), Some(reason)) = (outcome, reason) else {
        let back = (form, errors, None);
        return refuse(
            &state,
            base,
            reviewer,
            id,
            discrepancy,
            back,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let by = reviewer.clone();
    let change = apply(&state.db, move |conn| {
        discrepancies::resolve(conn, &by, id, discrepancy, version, outcome, &reason)
    })
    .await?;
    // Recorded, closed or contradicted: the sample page states which, from the record.
    let (notice, status) = match change {
        Change::Done(_) => return Ok(see_other(&format!("/samples/{id}#discrepancies"))),
        Change::Stale => ("form.stale", StatusCode::CONFLICT),
        Change::Refused(key) => (key, StatusCode::UNPROCESSABLE_ENTITY),
    };
    let back = (form, Errors::new(), Some(notice));
    refuse(&state, base, reviewer, id, discrepancy, back, status).await
}

/// The sample page again, with the form of `discrepancy` as typed and what was wrong.
async fn refuse(
    state: &AppState,
    base: Base,
    reviewer: Staff,
    id: SampleId,
    discrepancy: DiscrepancyId,
    (form, errors, notice): (ResolutionForm, Errors, Option<&'static str>),
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let mut page = load(state, base, reviewer.user, id).await?;
    if !page.discrepancies.iter().any(|d| d.id == discrepancy) {
        return Err(AppError::NotFound);
    }
    page.resolution = ResolutionState {
        target: Some(discrepancy),
        form,
        errors,
        notice,
    };
    page.answer(status)
}
