//! `GET /samples/{id}/tests`, `POST /samples/{id}/tests`, `POST /tests/{id}/remove`,
//! `POST /tests/{id}/invalidate` (reviewers, their own side only).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::Reviewer;
use crate::auth::policy::{self, Staff};
use crate::domain::intake::required_paragraph;
use crate::error::AppError;
use crate::models::catalog::{Named, TestMethod, TestMethodId};
use crate::models::lab_test::{LabTest, LabTestId};
use crate::models::sample::{PortionStatus, Sample, SampleId};
use crate::queries;
use crate::web::page::ConfirmPage;
use crate::web::{AppState, Base, answer, render, render_status};
use crate::workflows::{apply, testing};

#[derive(Template)]
#[template(path = "lab_tests/manage.html")]
struct ManagePage {
    base: Base,
    sample: Sample,
    tests: Vec<(LabTest, TestMethod, Offer)>,
    methods: Vec<TestMethod>,
    /// Whether a test may be added (the side received its portion, the sample is open).
    can_add: bool,
    notice: Option<&'static str>,
    /// The form that came back, and its typed reason and error.
    form_of: String,
    reason: String,
    reason_error: Option<&'static str>,
}

/// What the page offers on one test, as the policy answers it.
struct Offer {
    remove: bool,
    invalidate: bool,
}

impl ManagePage {
    fn result(&self, test: &LabTest) -> String {
        crate::routes::bench::result_text(&self.base, test)
    }

    fn reason_for(&self, form: &str) -> &str {
        if self.form_of == form {
            &self.reason
        } else {
            ""
        }
    }

    fn error_for(&self, form: &str) -> Option<&'static str> {
        self.reason_error.filter(|_| self.form_of == form)
    }
}

async fn page(
    state: &AppState,
    base: Base,
    reviewer: Staff,
    sample: SampleId,
) -> Result<ManagePage, AppError> {
    let side = reviewer.side;
    let (sample, tests, methods, can_add) = state
        .db
        .run(move |conn| {
            let sample =
                Sample::find_for(conn, reviewer.scope(), sample)?.ok_or(AppError::NotFound)?;
            let tests = queries::testing::of_sample_side(conn, sample.id, side)?;
            let received = Sample::portions(conn, sample.id)?
                .iter()
                .any(|p| p.portion.side() == Some(side) && p.status == PortionStatus::Received);
            let can_add = policy::may_add_test(&reviewer, &sample, received).is_ok();
            // Only methods the side does not already run on this sample: the rest would be
            // refused.
            let live = LabTest::live_methods(conn, sample.id, side)?;
            let methods = TestMethod::all(conn)?
                .into_iter()
                .filter(|m| m.active && !live.contains(&m.id))
                .collect();
            let tests = tests
                .into_iter()
                .map(|(t, m)| {
                    let offer = Offer {
                        remove: policy::may_remove(&reviewer, &sample, &t).is_ok(),
                        invalidate: policy::may_invalidate(&reviewer, &sample, &t).is_ok(),
                    };
                    (t, m, offer)
                })
                .collect();
            Ok((sample, tests, methods, can_add))
        })
        .await?;
    Ok(ManagePage {
        base,
        sample,
        tests,
        methods,
        can_add,
        notice: None,
        form_of: String::new(),
        reason: String::new(),
        reason_error: None,
    })
}

pub async fn show(
    state: web::Data<AppState>,
    base: Base,
    who: Reviewer,
    id: web::Path<SampleId>,
) -> Result<HttpResponse, AppError> {
    render(&page(&state, base, who.0, id.into_inner()).await?)
}

#[derive(Deserialize)]
pub struct ChangeForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    method: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    confirm: String,
}

#[derive(Clone, Copy)]
enum Action {
    Add(TestMethodId),
    Remove(LabTestId, i32),
    Invalidate(LabTestId, i32),
}

async fn change(
    state: &AppState,
    base: Base,
    reviewer: Staff,
    sample: SampleId,
    form: ChangeForm,
    action: Action,
    form_of: String,
) -> Result<HttpResponse, AppError> {
    let reason = match required_paragraph(&form.reason, 1000) {
        Ok(r) => r,
        Err(e) => {
            let mut p = page(state, base, reviewer, sample).await?;
            (p.form_of, p.reason, p.reason_error) = (form_of, form.reason, Some(e));
            return render_status(StatusCode::UNPROCESSABLE_ENTITY, &p);
        }
    };
    // Invalidation cannot be undone: ask first (works without JavaScript).
    if let Action::Invalidate(id, version) = action
        && form.confirm != "yes"
    {
        let message = base.tf("tests.confirm_invalidate", &[("reason", &reason)]);
        let scope = reviewer.scope();
        let code = state
            .db
            .run(move |conn| {
                let found = Sample::find_for(conn, scope, sample)?;
                Ok(found.ok_or(AppError::NotFound)?.code)
            })
            .await?;
        return render(&ConfirmPage {
            base,
            title: code,
            message,
            action: format!("/tests/{id}/invalidate"),
            back: format!("/samples/{sample}/tests"),
            fields: vec![
                ("version".into(), version.to_string()),
                ("reason".into(), form.reason.clone()),
            ],
        });
    }
    let by = reviewer.clone();
    let outcome = apply(&state.db, move |conn| match action {
        Action::Add(method) => testing::add(conn, &by, sample, method, &reason).map(|_| ()),
        Action::Remove(id, v) => testing::remove(conn, &by, id, v, &reason),
        Action::Invalidate(id, v) => testing::invalidate(conn, &by, id, v, &reason).map(|_| ()),
    })
    .await?;
    answer(
        outcome,
        |()| format!("/samples/{sample}/tests"),
        async |notice| {
            let mut p = page(state, base, reviewer, sample).await?;
            (p.notice, p.form_of, p.reason) = (Some(notice), form_of, form.reason);
            Ok(p)
        },
    )
    .await
}

pub async fn add(
    state: web::Data<AppState>,
    base: Base,
    who: Reviewer,
    id: web::Path<SampleId>,
    form: web::Form<ChangeForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let method: TestMethodId = form.method.parse().map_err(|_| AppError::BadRequest)?;
    change(
        &state,
        base,
        who.0,
        id.into_inner(),
        form,
        Action::Add(method),
        "add".into(),
    )
    .await
}

/// The sample of a test of the reviewer's side (404 for another side's or an unknown test).
async fn sample_of(
    state: &AppState,
    reviewer: &Staff,
    id: LabTestId,
) -> Result<SampleId, AppError> {
    let side = reviewer.side;
    state
        .db
        .run(move |conn| {
            let test = LabTest::find_of_side(conn, side, id)?.ok_or(AppError::NotFound)?;
            Ok(test.sample_id)
        })
        .await
}

/// A change of one test (remove or invalidate), as its form on the page sends it.
async fn change_test(
    state: &AppState,
    base: Base,
    who: Reviewer,
    id: LabTestId,
    form: ChangeForm,
    action: fn(LabTestId, i32) -> Action,
) -> Result<HttpResponse, AppError> {
    let sample = sample_of(state, &who, id).await?;
    let version = form.version.parse().map_err(|_| AppError::BadRequest)?;
    let form_of = id.to_string();
    change(
        state,
        base,
        who.0,
        sample,
        form,
        action(id, version),
        form_of,
    )
    .await
}

pub async fn remove(
    state: web::Data<AppState>,
    base: Base,
    who: Reviewer,
    id: web::Path<LabTestId>,
    form: web::Form<ChangeForm>,
) -> Result<HttpResponse, AppError> {
    let (id, form) = (id.into_inner(), form.into_inner());
    change_test(&state, base, who, id, form, Action::Remove).await
}

pub async fn invalidate(
    state: web::Data<AppState>,
    base: Base,
    who: Reviewer,
    id: web::Path<LabTestId>,
    form: web::Form<ChangeForm>,
) -> Result<HttpResponse, AppError> {
    let (id, form) = (id.into_inner(), form.into_inner());
    change_test(&state, base, who, id, form, Action::Invalidate).await
}
