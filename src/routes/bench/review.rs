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
use crate::models::catalog::Named;
use crate::models::lab_test::LabTest;
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

    fn mine(&self, test: &LabTest) -> bool {
        test.entered_by == Some(self.me)
    }
}

async fn page(state: &AppState, base: Base, reviewer: &Staff) -> Result<ReviewPage, AppError> {
    let side = reviewer.side;
    let (rows, names) = state
        .db
        .run(move |conn| {
            let rows = crate::queries::testing::to_review(conn, side)?;
            let mut names = HashMap::new();
            for (test, _, _) in &rows {
                if let Some(id) = test.entered_by
                    && !names.contains_key(&id)
                    && let Some(user) = User::find(conn, id)?
                {
                    names.insert(id, user.display_name);
                }
            }
            Ok((rows, names))
        })
        .await?;
    Ok(ReviewPage {
        base,
        groups: group(rows, |t| t.entered_at),
        me: reviewer.id,
        names,
        reason: String::new(),
        reason_error: None,
        notice: None,
        notice_is_error: false,
    })
}

#[derive(serde::Deserialize)]
pub struct ReviewQuery {
    done: Option<String>,
}

pub async fn show(
    state: web::Data<AppState>,
    base: Base,
    who: Reviewer,
    query: web::Query<ReviewQuery>,
) -> Result<HttpResponse, AppError> {
    let mut page = page(&state, base, &who).await?;
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
    } = form.into_inner().try_into()?;
    let reviewer = who.0;
    let refuse = |mut page: ReviewPage, key: &'static str, status: StatusCode| {
        page.notice = Some(key);
        page.notice_is_error = true;
        page.reason = reason_typed.clone();
        render_status(status, &page)
    };
    if selected.is_empty() {
        return refuse(
            page(&state, base, &reviewer).await?,
            "review.none_selected",
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    let reason = match action.as_str() {
        "verify" => None,
        "reject" => match required_paragraph(&reason_typed, 1000) {
            Ok(r) => Some(r),
            Err(e) => {
                let mut p = page(&state, base, &reviewer).await?;
                p.reason_error = Some(e);
                p.reason = reason_typed;
                return render_status(StatusCode::UNPROCESSABLE_ENTITY, &p);
            }
        },
        _ => return Err(AppError::BadRequest),
    };
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
                .insert_header((header::LOCATION, "/review?done=1"))
                .finish());
        }
        Change::Stale => ("form.stale", StatusCode::CONFLICT),
        Change::Refused(key) => (key, StatusCode::UNPROCESSABLE_ENTITY),
    };
    refuse(page(&state, base, &reviewer).await?, key, status)
}
