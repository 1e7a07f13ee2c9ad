//! `GET /samples/{id}/tests`, `POST /samples/{id}/tests`, `POST /tests/{id}/remove`,
//! `POST /tests/{id}/invalidate` (reviewers, their own side only).

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, web};
use askama::Template;
use diesel::prelude::*;
use serde::Deserialize;

use crate::auth::Reviewer;
use crate::db::schema::tests;
use crate::db::write_tx;
use crate::domain::intake::required_text;
use crate::error::AppError;
use crate::models::catalog::{Named, TestMethod, TestMethodId};
use crate::models::lab_test::{LabTest, LabTestId, Outcome};
use crate::models::sample::{Sample, SampleId};
use crate::models::{Actor, User};
use crate::web::{AppState, Base, render, render_status};

#[derive(Template)]
#[template(path = "lab_tests/manage.html")]
struct ManagePage {
    base: Base,
    sample: Sample,
    tests: Vec<(LabTest, TestMethod)>,
    methods: Vec<TestMethod>,
    notice: Option<&'static str>,
    /// The form that came back, and its typed reason and error.
    form_of: String,
    reason: String,
    reason_error: Option<&'static str>,
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
    reviewer: User,
    sample: SampleId,
) -> Result<ManagePage, AppError> {
    let side = reviewer.side.ok_or(AppError::Forbidden)?;
    let (sample, tests, methods) = state
        .db
        .run(move |conn| {
            let sample = Sample::find_for(conn, &reviewer, sample)?.ok_or(AppError::NotFound)?;
            let tests = LabTest::of_sample_side(conn, sample.id, side)?;
            let methods = TestMethod::all(conn)?
                .into_iter()
                .filter(|m| m.active)
                .collect();
            Ok((sample, tests, methods))
        })
        .await?;
    Ok(ManagePage {
        base,
        sample,
        tests,
        methods,
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
}

enum Change {
    Add(TestMethodId),
    Remove(LabTestId, i32),
    Invalidate(LabTestId, i32),
}

async fn change(
    state: &AppState,
    base: Base,
    reviewer: User,
    sample: SampleId,
    form: ChangeForm,
    change: Change,
    form_of: String,
) -> Result<HttpResponse, AppError> {
    let reason = match required_text(&form.reason, 1000) {
        Ok(r) => r,
        Err(e) => {
            let mut p = page(state, base, reviewer, sample).await?;
            (p.form_of, p.reason, p.reason_error) = (form_of, form.reason, Some(e));
            return render_status(StatusCode::UNPROCESSABLE_ENTITY, &p);
        }
    };
    let actor = Actor::user(reviewer.id, &reviewer.email);
    let by = reviewer.clone();
    let outcome = state
        .db
        .run(move |conn| {
            Sample::find_for(conn, &by, sample)?.ok_or(AppError::NotFound)?;
            let step = write_tx(conn, |conn| match change {
                Change::Add(method) => {
                    TestMethod::find(conn, method)?.ok_or(diesel::result::Error::NotFound)?;
                    LabTest::add(conn, &actor, &by, sample, method, &reason)
                }
                Change::Remove(id, v) => LabTest::remove(conn, &actor, &by, id, v, &reason),
                Change::Invalidate(id, v) => LabTest::invalidate(conn, &actor, &by, id, v, &reason),
            });
            match step {
                Err(diesel::result::Error::NotFound) => Err(AppError::NotFound),
                other => Ok(other?),
            }
        })
        .await?;
    let (key, status) = match outcome {
        Outcome::Done => {
            return Ok(HttpResponse::SeeOther()
                .insert_header((header::LOCATION, format!("/samples/{sample}/tests")))
                .finish());
        }
        Outcome::Stale => ("form.stale", StatusCode::CONFLICT),
        Outcome::Refused(key) => (key, StatusCode::UNPROCESSABLE_ENTITY),
    };
    let mut p = page(state, base, reviewer, sample).await?;
    (p.notice, p.form_of, p.reason) = (Some(key), form_of, form.reason);
    render_status(status, &p)
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
        Change::Add(method),
        "add".into(),
    )
    .await
}

/// The sample of a test of the reviewer's side (404 for another side's or an unknown test).
async fn sample_of(state: &AppState, reviewer: &User, id: LabTestId) -> Result<SampleId, AppError> {
    let side = reviewer.side.ok_or(AppError::Forbidden)?;
    state
        .db
        .run(move |conn| {
            let found: Option<SampleId> = tests::table
                .find(id)
                .filter(tests::side.eq(side))
                .select(tests::sample_id)
                .first(conn)
                .optional()?;
            found.ok_or(AppError::NotFound)
        })
        .await
}

pub async fn remove(
    state: web::Data<AppState>,
    base: Base,
    who: Reviewer,
    id: web::Path<LabTestId>,
    form: web::Form<ChangeForm>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let sample = sample_of(&state, &who, id).await?;
    let form = form.into_inner();
    let version = form.version.parse().map_err(|_| AppError::BadRequest)?;
    change(
        &state,
        base,
        who.0,
        sample,
        form,
        Change::Remove(id, version),
        id.to_string(),
    )
    .await
}

pub async fn invalidate(
    state: web::Data<AppState>,
    base: Base,
    who: Reviewer,
    id: web::Path<LabTestId>,
    form: web::Form<ChangeForm>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let sample = sample_of(&state, &who, id).await?;
    let form = form.into_inner();
    let version = form.version.parse().map_err(|_| AppError::BadRequest)?;
    change(
        &state,
        base,
        who.0,
        sample,
        form,
        Change::Invalidate(id, version),
        id.to_string(),
    )
    .await
}
