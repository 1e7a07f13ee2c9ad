//! `GET /review` and `POST /review`: a side's entered results, verified or rejected one or
//! many at a time by that side's reviewers. A reviewer's own entries are refused by the workflow
//! (the page does not offer them, and a direct request is refused too).

use std::collections::HashMap;

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, web};
use askama::Template;

use super::forms::{Posted, ReviewForm};
use super::queue::{MethodGroup, group};
use crate::auth::Reviewer;
use crate::auth::policy::Staff;
use crate::domain::intake::required_paragraph;
use crate::error::AppError;
use crate::models::catalog::{Named, TestMethodId};
use crate::models::lab_test::{LabTest, LabTestId};
use crate::models::{User, UserId};
use crate::web::{AppState, Base, render, render_status};
use crate::workflows::{Change, apply, testing};

#[derive(Template)]
#[template(path = "bench/review.html")]
struct ReviewPage {
    base: Base,
    groups: Vec<MethodGroup>,
    me: UserId,
    names: HashMap<UserId, String>,
    reason: String,
    reason_error: Option<&'static str>,
    notice: Option<&'static str>,
    notice_is_error: bool,
    /// The tests ticked when the form came back, kept ticked.
    ticked: Vec<LabTestId>,
    /// Nothing was ticked: the summary links to the first box.
    none_selected: bool,
    /// The one method this page reviews (none: every method, the oldest few of each).
    method: Option<TestMethodId>,
}

impl ReviewPage {
    fn entered_by(&self, test: &LabTest) -> String {
        test.entered_by
            .and_then(|id| self.names.get(&id).cloned())
            .unwrap_or_default()
    }

    fn limit(&self, test: &LabTest) -> String {
        crate::routes::bench::limit_text(&self.base, test)
    }

    fn result(&self, test: &LabTest) -> String {
        super::result_text(&self.base, test)
    }

    fn is_ticked(&self, test: &LabTest) -> bool {
        self.ticked.contains(&test.id)
    }

    fn has_errors(&self) -> bool {
        self.reason_error.is_some() || self.none_selected
    }

    /// The first box a reviewer may tick, where the summary sends them when none was.
    fn first_box(&self) -> String {
        self.groups
            .iter()
            .flat_map(|g| g.tests.iter())
            .find(|(t, _)| !self.mine(t))
            .map_or_else(String::new, |(t, _)| format!("t_{}", t.id))
    }

    fn mine(&self, test: &LabTest) -> bool {
        test.entered_by == Some(self.me)
    }
}

async fn page(
    state: &AppState,
    base: Base,
    reviewer: &Staff,
    method: Option<TestMethodId>,
) -> Result<ReviewPage, AppError> {
    let side = reviewer.side;
    let shown = match method {
        Some(_) => crate::queries::testing::REVIEW_SHOWN_OF_ONE_METHOD,
        None => crate::queries::testing::REVIEW_SHOWN_PER_METHOD,
    };
    let (rows, totals, names) = state
        .db
        .run(move |conn| {
            let (rows, totals) = crate::queries::testing::queue(
                conn,
                side,
                crate::models::lab_test::TestStatus::Entered,
                shown,
                method,
            )?;
            let mut names = HashMap::new();
            for (test, _, _) in &rows {
                if let Some(id) = test.entered_by
                    && !names.contains_key(&id)
                    && let Some(user) = User::find(conn, id)?
                {
                    names.insert(id, user.display_name);
                }
            }
            Ok((rows, totals, names))
        })
        .await?;
    Ok(ReviewPage {
        base,
        groups: super::queue::with_totals(group(rows, |t| t.entered_at), &totals),
        me: reviewer.id,
        names,
        reason: String::new(),
        reason_error: None,
        notice: None,
        notice_is_error: false,
        ticked: Vec::new(),
        none_selected: false,
        method,
    })
}

#[derive(serde::Deserialize)]
pub struct ReviewQuery {
    done: Option<String>,
    /// One method's review page.
    method: Option<TestMethodId>,
}

pub async fn show(
    state: web::Data<AppState>,
    base: Base,
    who: Reviewer,
    query: web::Query<ReviewQuery>,
) -> Result<HttpResponse, AppError> {
    let mut page = page(&state, base, &who, query.method).await?;
    page.notice = query.done.as_ref().map(|_| "review.done");
    render(&page)
}

pub async fn decide(
    state: web::Data<AppState>,
    base: Base,
    who: Reviewer,
    form: web::Form<Posted>,
) -> Result<HttpResponse, AppError> {
    let ReviewForm {
        action,
        reason: reason_typed,
        selected,
        method,
    } = form.into_inner().try_into()?;
    let reviewer = who.0;
    let ticked: Vec<LabTestId> = selected.iter().map(|(id, _)| *id).collect();
    let refuse = |mut page: ReviewPage, key: Option<&'static str>, status: StatusCode| {
        page.notice = key;
        page.notice_is_error = true;
        page.reason = reason_typed.clone();
        page.ticked = ticked.clone();
        render_status(status, &page)
    };
    let reason = match action.as_str() {
        "verify" => Ok(None),
        "reject" => required_paragraph(&reason_typed, 1000).map(Some),
        _ => return Err(AppError::BadRequest),
    };
    // Every mistake at once, each with its link in the summary; every tick and the reason kept.
    if selected.is_empty() || reason.is_err() {
        let mut p = page(&state, base, &reviewer, method).await?;
        p.none_selected = selected.is_empty();
        p.reason_error = reason.as_ref().err().copied();
        return refuse(p, None, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let reason = reason.unwrap_or(None);
    let by = reviewer.clone();
    let site = crate::mail::Site::from_settings(&state.settings);
    let change = apply(&state.db, move |conn| {
        for (id, version) in &selected {
            match &reason {
                None => testing::verify(conn, &by, *id, *version, &site)?,
                Some(r) => testing::reject(conn, &by, *id, *version, r, &site)?,
            }
        }
        Ok(())
    })
    .await?;
    let (key, status) = match change {
        Change::Done(()) => {
            return Ok(HttpResponse::SeeOther()
                .insert_header((header::LOCATION, review_href(method, "done=1")))
                .finish());
        }
        Change::Stale => ("form.stale", StatusCode::CONFLICT),
        Change::Refused(key) => (key, StatusCode::UNPROCESSABLE_ENTITY),
    };
    refuse(
        page(&state, base, &reviewer, method).await?,
        Some(key),
        status,
    )
}

/// The review page of one method or of all, with `query` added.
fn review_href(method: Option<TestMethodId>, query: &str) -> String {
    match method {
        Some(method) => format!("/review?method={method}&{query}"),
        None => format!("/review?{query}"),
    }
}
