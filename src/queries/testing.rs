//! The testing pages' reads: a side's bench and review queue, the tests a viewer may see on a
//! sample, and a side's dashboard.

use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{sample_portions, samples, test_methods, tests};
use crate::db::types::UtcTime;
use crate::domain::Side;
use crate::models::catalog::{TestMethod, TestMethodId};
use crate::models::lab_test::{LabTest, LabTestId, TestStatus};
use crate::models::sample::{PortionKind, PortionStatus, Sample, SampleId, SampleStatus};

/// Samples on which no result is taken any more.
const CLOSED: [SampleStatus; 3] = [
    SampleStatus::Cancelled,
    SampleStatus::Rejected,
    SampleStatus::Closed,
];

/// The tests of a sample that a viewer may see: their own side's in any state (`own_side`),
/// the other side's only once verified; exporters and viewers without a side only verified
/// ones. Removed tests are not shown.
pub fn of_sample_visible(
    conn: &mut DbConn,
    sample: SampleId,
    own_side: Option<Side>,
) -> QueryResult<Vec<(LabTest, TestMethod)>> {
    let mut query = tests::table
        .inner_join(test_methods::table)
        .filter(tests::sample_id.eq(sample))
        .filter(tests::status.ne(TestStatus::Removed))
        .select((LabTest::as_select(), TestMethod::as_select()))
        .into_boxed();
    query = match own_side {
        Some(side) => query.filter(
            tests::side
                .eq(side)
                .or(tests::status.eq(TestStatus::Verified)),
        ),
        None => query.filter(tests::status.eq(TestStatus::Verified)),
    };
    query
        .order((tests::side, test_methods::code, tests::created_at))
        .load(conn)
}

/// The tests of a sample for one side, every state (the reviewers' test management page).
pub fn of_sample_side(
    conn: &mut DbConn,
    sample: SampleId,
    side: Side,
) -> QueryResult<Vec<(LabTest, TestMethod)>> {
    tests::table
        .inner_join(test_methods::table)
        .filter(tests::sample_id.eq(sample))
        .filter(tests::side.eq(side))
        .select((LabTest::as_select(), TestMethod::as_select()))
        .order((test_methods::code, tests::created_at))
        .load(conn)
}

/// How many pending tests of each method the bench shows (the oldest): at a year's backlog
/// the whole queue would be megabytes of HTML. The method's batch page has all of them.
pub const BENCH_SHOWN_PER_METHOD: i64 = 5;

/// How many entered tests of each method review shows (the oldest) for ticking, on the page
/// of all methods and on one method's review page: a day's entries of a busy lab would
/// otherwise be a page of hundreds of kilobytes.
pub const REVIEW_SHOWN_PER_METHOD: i64 = 3;
pub const REVIEW_SHOWN_OF_ONE_METHOD: i64 = 40;

/// A queue page's tests, and each method's total.
pub type Queue = (Vec<(LabTest, Sample, TestMethod)>, Vec<(TestMethodId, i64)>);

/// A side's queue in `status` (the bench: pending; review: entered) on samples still being
/// tested: the oldest `per_method` tests of each method (or of the `only` one), and each
/// method's total. Each method's page is one range of the tests' (side, status, method, created) index.
pub fn queue(
    conn: &mut DbConn,
    side: Side,
    status: TestStatus,
    per_method: i64,
    only: Option<TestMethodId>,
) -> QueryResult<Queue> {
    let mut totals = queue_totals(conn, side, status)?;
    totals.retain(|(method, _)| only.is_none_or(|only| only == *method));
    let mut rows = Vec::new();
    for (method, _) in &totals {
        rows.extend(
            tests::table
                .inner_join(samples::table)
                .inner_join(test_methods::table)
                .filter(tests::side.eq(side))
                .filter(tests::status.eq(status))
                .filter(tests::test_method_id.eq(*method))
                .filter(samples::status.ne_all(CLOSED))
                .select((
                    LabTest::as_select(),
                    Sample::as_select(),
                    TestMethod::as_select(),
                ))
                .order((tests::created_at, tests::id))
                .limit(per_method)
                .load::<(LabTest, Sample, TestMethod)>(conn)?,
        );
    }
    Ok((rows, totals))
}

/// How many tests of each method a side's queue in `status` holds (on samples still being
/// tested): the bench's and review's totals, and the home page's tiles.
pub fn queue_totals(
    conn: &mut DbConn,
    side: Side,
    status: TestStatus,
) -> QueryResult<Vec<(TestMethodId, i64)>> {
    tests::table
        .inner_join(samples::table)
        .filter(tests::side.eq(side))
        .filter(tests::status.eq(status))
        .filter(samples::status.ne_all(CLOSED))
        .group_by(tests::test_method_id)
        .select((tests::test_method_id, diesel::dsl::count_star()))
        .load(conn)
}

/// A side's tests withdrawn in the last `days` because their sample can no longer be
/// certified, newest first (shown on the bench with the reason).
pub fn withdrawn(
    conn: &mut DbConn,
    side: Side,
    days: i64,
) -> QueryResult<Vec<(LabTest, Sample, TestMethod)>> {
    let since = UtcTime::now().plus_minutes(-days * 24 * 60);
    tests::table
        .inner_join(samples::table)
        .inner_join(test_methods::table)
        .filter(tests::side.eq(side))
        .filter(tests::withdrawn_at.ge(since))
        .select((
            LabTest::as_select(),
            Sample::as_select(),
            TestMethod::as_select(),
        ))
        .order(tests::withdrawn_at.desc())
        .limit(50)
        .load(conn)
}

/// How many tests of one method a batch page shows (the oldest): a year's backlog of one
/// method would be a page of megabytes; the next ones appear as these are entered.
pub const BATCH_SHOWN: i64 = 40;

/// Which of a method's tests a batch page shows.
#[derive(Debug, Clone, Copy)]
pub enum Shown<'a> {
    /// The oldest, at most this many.
    Oldest(i64),
    /// Those of these (the rows a posted page showed) that are still in the status.
    Among(&'a [LabTestId]),
}

/// A side's tests in `status` for one method on samples still being tested, oldest first, as
/// `shown` selects them, and how many there are (of those selected, for [`Shown::Among`]).
pub fn of_method(
    conn: &mut DbConn,
    side: Side,
    method: TestMethodId,
    status: TestStatus,
    shown: Shown<'_>,
) -> QueryResult<(Vec<(LabTest, Sample)>, i64)> {
    let query = || {
        let query = tests::table
            .inner_join(samples::table)
            .filter(tests::side.eq(side))
            .filter(tests::test_method_id.eq(method))
            .filter(tests::status.eq(status))
            .filter(samples::status.ne_all(CLOSED))
            .into_boxed();
        match shown {
            Shown::Oldest(_) => query,
            Shown::Among(ids) => query.filter(tests::id.eq_any(ids)),
        }
    };
    let rows = query()
        .select((LabTest::as_select(), Sample::as_select()))
        .order((tests::created_at, tests::id));
    Ok(match shown {
        Shown::Oldest(limit) => (
            rows.limit(limit).load(conn)?,
            query().count().get_result(conn)?,
        ),
        Shown::Among(_) => {
            let rows: Vec<(LabTest, Sample)> = rows.load(conn)?;
            let total = rows.len() as i64;
            (rows, total)
        }
    })
}

/// What waits for one side of the lab (the dashboard on its staff's home page, beside the
/// tiles of [`crate::queries::dashboards`]).
#[derive(Debug, Clone, Default)]
pub struct SideDashboard {
    /// Portions of this side sealed or handed over but not yet received.
    pub to_receive: i64,
    /// When the longest-waiting pending test was created.
    pub oldest_pending: Option<UtcTime>,
}

impl SideDashboard {
    pub fn load(conn: &mut DbConn, side: Side) -> QueryResult<SideDashboard> {
        let portion = match side {
            Side::Kz => PortionKind::Kz,
            Side::Cn => PortionKind::Cn,
        };
        // A finished sample's portions are marked (`Sample::set_status`), so the range of the
        // index holds only the open work, however many samples were cancelled over the years.
        let to_receive = sample_portions::table
            .filter(sample_portions::portion.eq(portion))
            .filter(
                sample_portions::status.eq_any([PortionStatus::Sealed, PortionStatus::HandedOver]),
            )
            .filter(sample_portions::sample_finished.eq(false))
            .count()
            .get_result(conn)?;
        Ok(SideDashboard {
            to_receive,
            oldest_pending: LabTest::oldest_pending(conn, side)?,
        })
    }
}
