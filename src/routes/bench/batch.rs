//! `GET /bench/{method}` and `POST /bench/{method}`: one method's results for many samples on
//! one page (analysts of the side). All rows are saved together or none: a bad value comes
//! back beside its row, a row someone else saved first comes back as a conflict.

use std::collections::HashMap;

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, web};
use askama::Template;

use super::forms::{BatchForm, Posted};
use crate::auth::Analyst;
use crate::auth::policy::Staff;
use crate::domain::Side;
use crate::domain::measure::{Unit, parse_typed_reading};
use crate::error::AppError;
use crate::models::catalog::{Named, ResultKind, TestMethod, TestMethodId};
use crate::models::lab_test::{LabTest, LabTestId, TestStatus};
use crate::models::sample::Sample;
use crate::queries;
use crate::queries::testing::Shown;
use crate::web::{AppState, Base, render, render_status};
use crate::workflows::{Change, apply, testing};

#[derive(Template)]
#[template(path = "bench/batch.html")]
struct BatchPage {
    base: Base,
    method: TestMethod,
    rows: Vec<(LabTest, Sample)>,
    /// How many of the method's tests are pending (the page shows the oldest).
    total: i64,
    /// What was typed, by test id.
    typed: HashMap<String, String>,
    errors: HashMap<String, &'static str>,
    notice: Option<&'static str>,
}

impl BatchPage {
    fn typed(&self, id: &LabTestId) -> &str {
        self.typed
            .get(&format!("r_{id}"))
            .map_or("", String::as_str)
    }

    fn error(&self, id: &LabTestId) -> Option<&'static str> {
        self.errors.get(&id.to_string()).copied()
    }

    fn chosen(&self, id: &LabTestId, value: &str) -> bool {
        self.typed(id) == value
    }

    fn qualitative(&self) -> bool {
        self.method.result_kind == ResultKind::Qualitative
    }

    fn waiting(&self, test: &LabTest) -> String {
        super::queue::waiting_text(&self.base, &test.created_at)
    }
}

/// The method and the pending tests of it that `shown` selects, with how many there are.
async fn load(
    state: &AppState,
    side: Side,
    method: TestMethodId,
    shown: Option<Vec<LabTestId>>,
) -> Result<(TestMethod, Vec<(LabTest, Sample)>, i64), AppError> {
    state
        .db
        .run(move |conn| {
            let method = TestMethod::find(conn, method)?.ok_or(AppError::NotFound)?;
            let shown = match &shown {
                Some(ids) => Shown::Among(ids),
                None => Shown::Oldest(queries::testing::BATCH_SHOWN),
            };
            let (rows, total) =
                queries::testing::of_method(conn, side, method.id, TestStatus::Pending, shown)?;
            Ok((method, rows, total))
        })
        .await
}

/// The tests a posted batch page showed (each row posts its version as `v_{id}`).
fn shown_ids(typed: &HashMap<String, String>) -> Vec<LabTestId> {
    typed
        .keys()
        .filter_map(|name| name.strip_prefix("v_")?.parse().ok())
        .take(queries::testing::BATCH_SHOWN as usize)
        .collect()
}

pub async fn show(
    state: web::Data<AppState>,
    base: Base,
    who: Analyst,
    method: web::Path<TestMethodId>,
) -> Result<HttpResponse, AppError> {
    let side = who.side;
    let (method, rows, total) = load(&state, side, method.into_inner(), None).await?;
    render(&BatchPage {
        base,
        method,
        rows,
        total,
        typed: HashMap::new(),
        errors: HashMap::new(),
        notice: None,
    })
}

pub async fn save(
    state: web::Data<AppState>,
    base: Base,
    who: Analyst,
    method: web::Path<TestMethodId>,
    form: web::Form<Posted>,
) -> Result<HttpResponse, AppError> {
    let analyst: Staff = who.0;
    let side = analyst.side;
    let method_id = method.into_inner();
    let BatchForm {
        typed,
        entries: posted,
    } = form.into_inner().try_into()?;
    let (method, rows, total) = load(&state, side, method_id, Some(shown_ids(&typed))).await?;
    let qualitative = method.result_kind == ResultKind::Qualitative;
    let unit = method.unit.as_deref().and_then(Unit::parse);
    let mut errors = HashMap::new();
    let mut entries = Vec::new();
    // A value typed for a test that is no longer pending: someone saved it first.
    let mut gone = false;
    for (id, version, input) in posted {
        if !rows.iter().any(|(t, _)| t.id == id) {
            gone = true;
            continue;
        }
        match parse_typed_reading(qualitative, &input) {
            Ok(typed) => entries.push((id, version, typed)),
            Err(e) => {
                errors.insert(id.to_string(), e);
            }
        }
    }
    if gone {
        return render_status(
            StatusCode::CONFLICT,
            &BatchPage {
                base,
                method,
                rows,
                total,
                typed,
                errors,
                notice: Some("bench.conflict"),
            },
        );
    }
    if entries.is_empty() && errors.is_empty() {
        let page = BatchPage {
            base,
            method,
            rows,
            total,
            typed,
            errors,
            notice: Some("bench.nothing_entered"),
        };
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    if !errors.is_empty() {
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &BatchPage {
                base,
                method,
                rows,
                total,
                typed,
                errors,
                notice: Some("form.has_errors"),
            },
        );
    }
    // All rows or none: any row someone else changed first, or that a rule now refuses,
    // stops the whole batch.
    let change = apply(&state.db, move |conn| {
        for (id, version, typed) in &entries {
            let details = testing::ResultDetails {
                as_entered: typed.as_entered.clone(),
                ..Default::default()
            };
            testing::enter_with(
                conn,
                &analyst,
                *id,
                *version,
                &typed.reading,
                unit,
                &details,
            )?;
        }
        Ok(entries.len())
    })
    .await?;
    let notice = match change {
        Change::Done(_) => {
            return Ok(HttpResponse::SeeOther()
                .insert_header((header::LOCATION, "/bench?saved=1"))
                .finish());
        }
        Change::Stale => "bench.conflict",
        Change::Refused(key) => key,
    };
    // Show the rows as they are now, with what was typed.
    let (method, rows, total) = load(&state, side, method_id, Some(shown_ids(&typed))).await?;
    render_status(
        StatusCode::CONFLICT,
        &BatchPage {
            base,
            method,
            rows,
            total,
            typed,
            errors: HashMap::new(),
            notice: Some(notice),
        },
    )
}
