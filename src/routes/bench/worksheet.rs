//! `GET /samples/{id}/worksheet` and `POST /samples/{id}/worksheet`: every pending test of the
//! analyst's side on one sample on one page, with unit, LOD/LOQ and limit beside each input,
//! and per result the instrument, the day of analysis and a comment. All rows are saved
//! together or none, through the same workflow as the per-method batch.

use std::collections::HashMap;

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, web};
use askama::Template;

use super::forms::{Posted, WorksheetForm, WorksheetRow};
use crate::auth::Analyst;
use crate::auth::policy::Staff;
use crate::domain::Side;
use crate::domain::measure::{Unit, parse_typed_reading};
use crate::error::AppError;
use crate::models::catalog::{Limit, LimitRule, Named, ResultKind, TestMethod};
use crate::models::consignment::Consignment;
use crate::models::lab_test::{LabTest, LabTestId, TestStatus};
use crate::models::sample::{Sample, SampleId};
use crate::web::{AppState, Base, render, render_status};
use crate::workflows::testing::ResultDetails;
use crate::workflows::{Change, apply, testing};

/// One pending test with what the analyst needs beside its input.
pub struct Line {
    pub test: LabTest,
    pub method: TestMethod,
    pub limit: Option<Limit>,
}

#[derive(Template)]
#[template(path = "bench/worksheet.html")]
struct WorksheetPage {
    base: Base,
    sample: Sample,
    lines: Vec<Line>,
    /// What was typed, by field name.
    typed: HashMap<String, String>,
    /// Message keys by field name (`r_<test>`, `d_<test>` …), in page order.
    errors: Vec<(String, &'static str)>,
    notice: Option<&'static str>,
}

impl WorksheetPage {
    fn typed(&self, prefix: &str, id: &LabTestId) -> &str {
        self.typed
            .get(&format!("{prefix}_{id}"))
            .map_or("", String::as_str)
    }

    fn error(&self, prefix: &str, id: &LabTestId) -> Option<&'static str> {
        let field = format!("{prefix}_{id}");
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, e)| *e)
    }

    fn qualitative(&self, line: &Line) -> bool {
        line.method.result_kind == ResultKind::Qualitative
    }

    fn chosen(&self, id: &LabTestId, value: &str) -> bool {
        self.typed("r", id) == value
    }

    /// The label of the field an error is about, for the summary at the top.
    fn field_label(&self, field: &str) -> String {
        let (prefix, id) = field.split_once('_').unwrap_or(("", ""));
        let method = self
            .lines
            .iter()
            .find(|l| l.test.id.to_string() == id)
            .map_or("", |l| l.method.name(&self.base.lang));
        let what = match prefix {
            "r" => self.base.t("bench.result"),
            "i" => self.base.t("worksheet.instrument"),
            "d" => self.base.t("worksheet.analysed_on"),
            _ => self.base.t("worksheet.comment"),
        };
        format!("{method}: {what}")
    }

    /// The limit in words: "≤ 0.01 mg/kg", "≥ 12 %", "not detected", or "no limit".
    fn limit_text(&self, line: &Line) -> String {
        let Some(limit) = &line.limit else {
            return self.base.t("worksheet.no_limit").to_owned();
        };
        let value = format!(
            "{} {}",
            limit.value.as_deref().unwrap_or(""),
            limit.unit.as_deref().unwrap_or("")
        )
        .trim()
        .to_owned();
        match limit.rule {
            LimitRule::Max => format!("≤ {value}"),
            LimitRule::Min => format!("≥ {value}"),
            LimitRule::NotDetected => self.base.t("rule.not_detected").to_owned(),
        }
    }
}

/// The sample, its pending tests of the side, and the ids of all its tests of the side.
type Sheet = (Sample, Vec<Line>, Vec<LabTestId>);

async fn load(state: &AppState, staff: &Staff, id: SampleId) -> Result<Sheet, AppError> {
    let (scope, side) = (staff.scope(), staff.side);
    state
        .db
        .run(move |conn| {
            let sample = Sample::find_for(conn, scope, id)?.ok_or(AppError::NotFound)?;
            let consignment = Consignment::find_for(conn, scope, sample.consignment_id)?
                .ok_or(AppError::NotFound)?;
            let (mut lines, mut own) = (Vec::new(), Vec::new());
            for test in LabTest::of_sample(conn, id)? {
                if test.side == side {
                    own.push(test.id);
                }
                if test.side != side || test.status != TestStatus::Pending {
                    continue;
                }
                let method =
                    TestMethod::find(conn, test.test_method_id)?.ok_or(AppError::NotFound)?;
                let limit = Limit::find_for(
                    conn,
                    consignment.limit_set_id,
                    consignment.commodity_id,
                    method.id,
                )?;
                lines.push(Line {
                    test,
                    method,
                    limit,
                });
            }
            Ok((sample, lines, own))
        })
        .await
}

pub async fn show(
    state: web::Data<AppState>,
    base: Base,
    who: Analyst,
    id: web::Path<SampleId>,
) -> Result<HttpResponse, AppError> {
    let (sample, lines, _) = load(&state, &who, id.into_inner()).await?;
    render(&WorksheetPage {
        base,
        sample,
        lines,
        typed: HashMap::new(),
        errors: Vec::new(),
        notice: None,
    })
}

/// A row parsed into what the workflow takes, or the errors by field.
fn parse_row(
    row: &WorksheetRow,
    line: &Line,
    errors: &mut Vec<(String, &'static str)>,
) -> Option<(
    LabTestId,
    i32,
    crate::domain::measure::Reading,
    ResultDetails,
)> {
    let id = row.id;
    let qualitative = line.method.result_kind == ResultKind::Qualitative;
    let mut fail = |prefix: &str, key| errors.push((format!("{prefix}_{id}"), key));
    let typed = match parse_typed_reading(qualitative, &row.reading) {
        Ok(t) => Some(t),
        Err(e) => {
            fail("r", e);
            None
        }
    };
    let instrument = optional(&row.instrument, 120, false).map_err(|e| fail("i", e));
    let analysed_on = analysis_date(&row.analysed_on).map_err(|e| fail("d", e));
    let comment = optional(&row.comment, 1000, true).map_err(|e| fail("c", e));
    let (typed, instrument, analysed_on, comment) =
        (typed?, instrument.ok()?, analysed_on.ok()?, comment.ok()?);
    let details = ResultDetails {
        as_entered: typed.as_entered,
        instrument,
        analysed_on,
        comment,
    };
    Some((id, row.version, typed.reading, details))
}

/// An optional free text: `None` when empty.
fn optional(input: &str, max: usize, multiline: bool) -> Result<Option<String>, &'static str> {
    if input.trim().is_empty() {
        return Ok(None);
    }
    let text = if multiline {
        crate::domain::intake::required_paragraph(input, max)?
    } else {
        crate::domain::intake::required_text(input, max)?
    };
    Ok(Some(text))
}

/// The day of analysis: optional, a real date, not after tomorrow (the other side's today).
fn analysis_date(input: &str) -> Result<Option<String>, &'static str> {
    if input.trim().is_empty() {
        return Ok(None);
    }
    let date = crate::domain::intake::date(input)?;
    let tomorrow = chrono::Utc::now().date_naive() + chrono::Days::new(1);
    if date > tomorrow {
        return Err("worksheet.date_future");
    }
    Ok(Some(date.format("%Y-%m-%d").to_string()))
}

pub async fn save(
    state: web::Data<AppState>,
    base: Base,
    who: Analyst,
    id: web::Path<SampleId>,
    form: web::Form<Posted>,
) -> Result<HttpResponse, AppError> {
    let analyst: Staff = who.0;
    let sample_id = id.into_inner();
    let WorksheetForm { typed, rows } = form.into_inner().try_into()?;
    let (sample, lines, own) = load(&state, &analyst, sample_id).await?;
    // Another side's test, or one of another sample: not found, as the workflow answers.
    if rows.iter().any(|r| !own.contains(&r.id)) {
        return Err(AppError::NotFound);
    }
    let page = |sample, lines, errors, notice| WorksheetPage {
        base,
        sample,
        lines,
        typed,
        errors,
        notice: Some(notice),
    };
    let mut errors = Vec::new();
    let mut entries = Vec::new();
    // A row for a test that is no longer pending: someone saved it first.
    let mut gone = false;
    for row in &rows {
        match lines.iter().find(|l| l.test.id == row.id) {
            None => gone = true,
            Some(line) => entries.extend(parse_row(row, line, &mut errors)),
        }
    }
    if gone {
        let page = page(sample, lines, errors, "bench.conflict");
        return render_status(StatusCode::CONFLICT, &page);
    }
    if !errors.is_empty() {
        let page = page(sample, lines, errors, "form.has_errors");
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    if entries.is_empty() {
        let page = page(sample, lines, errors, "bench.nothing_entered");
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    let units: HashMap<LabTestId, Option<Unit>> = lines
        .iter()
        .map(|l| (l.test.id, l.method.unit.as_deref().and_then(Unit::parse)))
        .collect();
    let by = analyst.clone();
    let change = apply(&state.db, move |conn| {
        for (id, version, reading, details) in &entries {
            let unit = units.get(id).copied().flatten();
            testing::enter_with(conn, &by, *id, *version, reading, unit, details)?;
        }
        Ok(())
    })
    .await?;
    let notice = match change {
        Change::Done(()) => {
            return Ok(HttpResponse::SeeOther()
                .insert_header((header::LOCATION, "/bench?saved=1"))
                .finish());
        }
        Change::Stale => "bench.conflict",
        Change::Refused(key) => key,
    };
    // The sheet as it is now, with what was typed.
    let (sample, lines, _) = load(&state, &analyst, sample_id).await?;
    render_status(
        StatusCode::CONFLICT,
        &page(sample, lines, Vec::new(), notice),
    )
}

/// Whether `side` has a pending test on the sample (the bench and the sample page link the
/// worksheet then).
pub fn has_pending<'a>(tests: impl IntoIterator<Item = &'a LabTest>, side: Side) -> bool {
    tests
        .into_iter()
        .any(|t| t.side == side && t.status == TestStatus::Pending)
}
