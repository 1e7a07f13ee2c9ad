//! `GET /post`: an inspector's border post — the consignments declared for it with a planned
//! crossing date from a few days ago to ten days ahead, each with its certificate's standing,
//! and the checks recorded there today (his zone's day). Bounded lists, soonest first.

use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::{Duration, NaiveDate};

use crate::auth::Inspector;
use crate::db::types::UtcTime;
use crate::domain::TimeZone;
use crate::error::AppError;
use crate::models::BorderPost;
use crate::models::border_check::BorderCheck;
use crate::models::catalog::Named;
use crate::models::certificate::Certificate;
use crate::queries::border::{self, CheckLine, Expected, POST_LIMIT};
use crate::web::{AppState, Base, render};

/// Days before today a consignment is still expected (a late train or truck).
pub const EXPECTED_DAYS_BEFORE: i64 = 3;
/// Days ahead a consignment is already expected.
pub const EXPECTED_DAYS_AHEAD: i64 = 10;

/// The planned dates a post expects, and the instant its day began, in `zone`.
pub fn window(zone: TimeZone, now: UtcTime) -> (NaiveDate, NaiveDate, UtcTime) {
    let local = now.0.with_timezone(&zone.offset());
    let today = local.date_naive();
    let midnight = today
        .and_hms_opt(0, 0, 0)
        .and_then(|t| t.and_local_timezone(zone.offset()).single())
        .map_or(now.0, |t| t.with_timezone(&chrono::Utc));
    (
        today - Duration::days(EXPECTED_DAYS_BEFORE),
        today + Duration::days(EXPECTED_DAYS_AHEAD),
        UtcTime(midnight),
    )
}

#[derive(Template)]
#[template(path = "border/post.html")]
pub struct PostPage {
    pub base: Base,
    pub post: BorderPost,
    pub expected: Vec<Expected>,
    pub checked: Vec<CheckLine>,
    pub from: String,
    pub to: String,
    pub limit: usize,
}

impl PostPage {
    fn kind_title(&self, c: &Certificate) -> &'static str {
        self.base
            .t(crate::routes::certificates::kind_key(c.kind.as_str()))
    }

    fn outcome(&self, check: &BorderCheck) -> &'static str {
        self.base.tk("border.outcome.", check.outcome.as_str())
    }

    fn mode(&self, mode: &str) -> &'static str {
        self.base.tk("transport.", mode)
    }
}

pub async fn show(
    state: web::Data<AppState>,
    base: Base,
    who: Inspector,
) -> Result<HttpResponse, AppError> {
    let user = who.0;
    crate::auth::policy::may_check(&user).map_err(|_| AppError::Forbidden)?;
    let here = user.border_post_id.ok_or(AppError::Forbidden)?;
    let now = UtcTime::now();
    let (from, to, since) = window(user.time_zone, now);
    let (post, expected, checked) = state
        .db
        .run(move |conn| {
            let post = BorderPost::find(conn, here)?.ok_or(AppError::NotFound)?;
            let expected = border::expected_at(conn, here, from, to, now)?;
            let checked = border::checked_since(conn, here, since)?;
            Ok((post, expected, checked))
        })
        .await?;
    render(&PostPage {
        base,
        post,
        expected,
        checked,
        from: from.to_string(),
        to: to.to_string(),
        limit: POST_LIMIT as usize,
    })
}
