//! `GET /bench`: what waits for this side's bench, grouped by method, oldest first.

use actix_web::{HttpResponse, web};
use askama::Template;

use crate::auth::BenchReader;
use crate::db::types::UtcTime;
use crate::domain::{Role, Side};
use crate::error::AppError;
use crate::models::catalog::{Named, TestMethod};
use crate::models::lab_test::{LabTest, TestStatus};
use crate::models::sample::Sample;
use crate::web::{AppState, Base, render};

/// One method's pending tests.
pub struct MethodGroup {
    pub method: TestMethod,
    /// The oldest tests (a queue page shows a few of each method).
    pub tests: Vec<(LabTest, Sample)>,
    /// How many tests of the method wait in all.
    pub total: i64,
}

/// Sets each group's total from the queue's counts.
pub fn with_totals(
    mut groups: Vec<MethodGroup>,
    totals: &[(crate::models::catalog::TestMethodId, i64)],
) -> Vec<MethodGroup> {
    for g in &mut groups {
        if let Some((_, n)) = totals.iter().find(|(m, _)| *m == g.method.id) {
            g.total = *n;
        }
    }
    groups
}

#[derive(Template)]
#[template(path = "bench/queue.html")]
struct BenchPage {
    base: Base,
    side: Side,
    groups: Vec<MethodGroup>,
    can_enter: bool,
    /// Tests withdrawn in the last week because their sample can no longer be certified.
    withdrawn: Vec<(LabTest, Sample, TestMethod)>,
}

impl BenchPage {
    fn waiting(&self, since: &UtcTime) -> String {
        waiting_text(&self.base, since)
    }
}

/// "3 d 4 h" / "5 h 20 min" / "12 min" since `since`, in the reader's language.
pub fn waiting_text(base: &Base, since: &UtcTime) -> String {
    let minutes = (UtcTime::now().0 - since.0).num_minutes().max(0);
    let (d, h, m) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
    let (dl, hl, ml) = (
        base.t("time.days"),
        base.t("time.hours"),
        base.t("time.minutes"),
    );
    if d > 0 {
        format!("{d} {dl} {h} {hl}")
    } else if h > 0 {
        format!("{h} {hl} {m} {ml}")
    } else {
        format!("{m} {ml}")
    }
}

/// Groups rows by method, the group that has waited longest first; `since` says from when a
/// test waits (created, for the bench; entered, for review).
pub fn group(
    rows: Vec<(LabTest, Sample, TestMethod)>,
    since: fn(&LabTest) -> Option<UtcTime>,
) -> Vec<MethodGroup> {
    let mut groups: Vec<MethodGroup> = Vec::new();
    for (test, sample, method) in rows {
        match groups.iter_mut().find(|g| g.method.id == method.id) {
            Some(g) => {
                g.tests.push((test, sample));
                g.total = g.tests.len() as i64;
            }
            None => groups.push(MethodGroup {
                method,
                tests: vec![(test, sample)],
                total: 1,
            }),
        }
    }
    groups.sort_by_key(|g| g.tests.iter().filter_map(|(t, _)| since(t)).min());
    groups
}

pub async fn show(
    state: web::Data<AppState>,
    base: Base,
    who: BenchReader,
) -> Result<HttpResponse, AppError> {
    let side = who.side;
    let can_enter = who.role == Role::Analyst;
    let ((rows, totals), withdrawn) = state
        .db
        .run(move |conn| {
            Ok((
                crate::queries::testing::queue(
                    conn,
                    side,
                    TestStatus::Pending,
                    crate::queries::testing::BENCH_SHOWN_PER_METHOD,
                    None,
                )?,
                crate::queries::testing::withdrawn(conn, side, 7)?,
            ))
        })
        .await?;
    render(&BenchPage {
        base,
        side,
        groups: with_totals(group(rows, |t| Some(t.created_at)), &totals),
        can_enter,
        withdrawn,
    })
}
