//! Tests: one method on one sample, run by one side. Created from the commodity's default
//! panel when a side accepts its portion; entered by that side's analysts, verified by that
//! side's reviewers (never their own entries); invisible to the other side and to exporters
//! until verified.

pub use crate::db::ids::LabTestId;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::ids::{SampleId, TestMethodId, UserId};
use crate::db::schema::tests;
use crate::db::types::UtcTime;
use crate::domain::Side;
use crate::domain::catalog::LimitRule;

crate::text_enum! {
    /// DESIGN.md, test lifecycle.
    TestStatus {
        Pending => "pending",
        Entered => "entered",
        Verified => "verified",
        Invalidated => "invalidated",
        Removed => "removed",
    }
}

crate::text_enum! {
    /// What the analyst reported.
    ReadingKind {
        Value => "value",
        BelowLoq => "below_loq",
        NotDetected => "not_detected",
        Detected => "detected",
    }
}

pub use crate::domain::measure::ConformityText;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = tests)]
pub struct LabTest {
    pub id: LabTestId,
    pub sample_id: SampleId,
    pub test_method_id: TestMethodId,
    pub side: Side,
    pub status: TestStatus,
    pub required: bool,
    pub retest_of: Option<LabTestId>,
    pub reading: Option<ReadingKind>,
    pub value: Option<String>,
    pub unit: Option<String>,
    pub conformity: Option<ConformityText>,
    pub limit_rule: Option<LimitRule>,
    pub limit_value: Option<String>,
    pub limit_unit: Option<String>,
    pub entered_by: Option<UserId>,
    pub entered_at: Option<UtcTime>,
    pub verified_by: Option<UserId>,
    pub verified_at: Option<UtcTime>,
    pub note: Option<String>,
    pub created_at: UtcTime,
    pub version: i32,
    /// Set when the test was withdrawn because the sample can no longer be certified.
    pub withdrawn_at: Option<UtcTime>,
    /// The reading exactly as typed (`1.0`, `< 0.01`); `None` for a kind shown in words.
    pub reading_as_entered: Option<String>,
    pub instrument: Option<String>,
    /// The day of analysis, `YYYY-MM-DD`.
    pub analysed_on: Option<String>,
    pub result_comment: Option<String>,
}

/// A result as the workflow evaluated it, ready to store.
#[derive(Debug, Clone)]
pub struct EnteredResult {
    pub reading: ReadingKind,
    pub value: Option<String>,
    pub unit: Option<String>,
    pub conformity: ConformityText,
    pub limit_rule: Option<LimitRule>,
    pub limit_value: Option<String>,
    pub limit_unit: Option<String>,
    pub reading_as_entered: Option<String>,
    pub instrument: Option<String>,
    pub analysed_on: Option<String>,
    pub result_comment: Option<String>,
}

/// The statuses a test is alive in: at most one per sample, side and method (a unique index
/// holds it).
pub const LIVE: [TestStatus; 3] = [
    TestStatus::Pending,
    TestStatus::Entered,
    TestStatus::Verified,
];

impl LabTest {
    pub fn find(conn: &mut DbConn, id: LabTestId) -> QueryResult<Option<LabTest>> {
        tests::table
            .find(id)
            .select(LabTest::as_select())
            .first(conn)
            .optional()
    }

    /// A test of `side`; another side's or an unknown one is not found.
    pub fn find_of_side(
        conn: &mut DbConn,
        side: Side,
        id: LabTestId,
    ) -> QueryResult<Option<LabTest>> {
        tests::table
            .find(id)
            .filter(tests::side.eq(side))
            .select(LabTest::as_select())
            .first(conn)
            .optional()
    }

    /// Puts a pending test on `side`'s bench; `retest_of` links a retest to the result it
    /// replaces.
    pub fn insert_pending(
        conn: &mut DbConn,
        sample: SampleId,
        method: TestMethodId,
        side: Side,
        required: bool,
        retest_of: Option<LabTestId>,
        note: Option<&str>,
    ) -> QueryResult<LabTestId> {
        let id = LabTestId::new();
        diesel::insert_into(tests::table)
            .values((
                tests::id.eq(id),
                tests::sample_id.eq(sample),
                tests::test_method_id.eq(method),
                tests::side.eq(side),
                tests::status.eq(TestStatus::Pending),
                tests::required.eq(required),
                tests::retest_of.eq(retest_of),
                tests::note.eq(note),
                tests::created_at.eq(UtcTime::now()),
                tests::version.eq(1),
            ))
            .execute(conn)?;
        Ok(id)
    }

    /// The methods `side` already has a live test of on a sample.
    pub fn live_methods(
        conn: &mut DbConn,
        sample: SampleId,
        side: Side,
    ) -> QueryResult<Vec<TestMethodId>> {
        tests::table
            .filter(tests::sample_id.eq(sample))
            .filter(tests::side.eq(side))
            .filter(tests::status.eq_any(LIVE))
            .select(tests::test_method_id)
            .load(conn)
    }

    /// The tests of a sample, every side, every state.
    pub fn of_sample(conn: &mut DbConn, sample: SampleId) -> QueryResult<Vec<LabTest>> {
        tests::table
            .filter(tests::sample_id.eq(sample))
            .select(LabTest::as_select())
            .order((tests::created_at, tests::id))
            .load(conn)
    }

    /// Whether `side` has tests not yet finished (pending or entered) on a sample.
    pub fn running(conn: &mut DbConn, sample: SampleId, side: Side) -> QueryResult<bool> {
        diesel::select(diesel::dsl::exists(
            tests::table
                .filter(tests::sample_id.eq(sample))
                .filter(tests::side.eq(side))
                .filter(tests::status.eq_any([TestStatus::Pending, TestStatus::Entered])),
        ))
        .get_result(conn)
    }

    /// Each side's current result of a method on a sample: its latest test that was neither
    /// invalidated nor removed, newest first.
    pub fn current_of_method(
        conn: &mut DbConn,
        sample: SampleId,
        method: TestMethodId,
    ) -> QueryResult<Vec<LabTest>> {
        tests::table
            .filter(tests::sample_id.eq(sample))
            .filter(tests::test_method_id.eq(method))
            .filter(tests::status.ne_all([TestStatus::Invalidated, TestStatus::Removed]))
            .select(LabTest::as_select())
            .order((tests::created_at.desc(), tests::id.desc()))
            .load(conn)
    }

    /// Stores an analyst's evaluated result, from the version the page showed.
    pub fn mark_entered(
        conn: &mut DbConn,
        id: LabTestId,
        version: i32,
        by: UserId,
        result: &EnteredResult,
    ) -> QueryResult<bool> {
        let updated = diesel::update(
            tests::table
                .find(id)
                .filter(tests::version.eq(version))
                .filter(tests::status.eq(TestStatus::Pending)),
        )
        .set((
            tests::status.eq(TestStatus::Entered),
            tests::reading.eq(Some(result.reading)),
            tests::value.eq(result.value.as_deref()),
            tests::unit.eq(result.unit.as_deref()),
            tests::conformity.eq(Some(result.conformity)),
            tests::limit_rule.eq(result.limit_rule),
            tests::limit_value.eq(result.limit_value.as_deref()),
            tests::limit_unit.eq(result.limit_unit.as_deref()),
            tests::reading_as_entered.eq(result.reading_as_entered.as_deref()),
            tests::instrument.eq(result.instrument.as_deref()),
            tests::analysed_on.eq(result.analysed_on.as_deref()),
            tests::result_comment.eq(result.result_comment.as_deref()),
            tests::entered_by.eq(Some(by)),
            tests::entered_at.eq(Some(UtcTime::now())),
            tests::note.eq(None::<String>),
            tests::version.eq(version + 1),
        ))
        .execute(conn)?;
        Ok(updated == 1)
    }

    pub fn mark_verified(
        conn: &mut DbConn,
        id: LabTestId,
        version: i32,
        by: UserId,
    ) -> QueryResult<bool> {
        let updated = diesel::update(
            tests::table
                .find(id)
                .filter(tests::version.eq(version))
                .filter(tests::status.eq(TestStatus::Entered)),
        )
        .set((
            tests::status.eq(TestStatus::Verified),
            tests::verified_by.eq(Some(by)),
            tests::verified_at.eq(Some(UtcTime::now())),
            tests::version.eq(version + 1),
        ))
        .execute(conn)?;
        Ok(updated == 1)
    }

    /// Sends an entered result back to the bench (its reading cleared, the reason kept).
    pub fn mark_rejected(
        conn: &mut DbConn,
        id: LabTestId,
        version: i32,
        reason: &str,
    ) -> QueryResult<bool> {
        let updated = diesel::update(
            tests::table
                .find(id)
                .filter(tests::version.eq(version))
                .filter(tests::status.eq(TestStatus::Entered)),
        )
        .set((
            tests::status.eq(TestStatus::Pending),
            tests::reading.eq(None::<ReadingKind>),
            tests::value.eq(None::<String>),
            tests::unit.eq(None::<String>),
            tests::conformity.eq(None::<ConformityText>),
            tests::limit_rule.eq(None::<LimitRule>),
            tests::limit_value.eq(None::<String>),
            tests::limit_unit.eq(None::<String>),
            tests::reading_as_entered.eq(None::<String>),
            tests::instrument.eq(None::<String>),
            tests::analysed_on.eq(None::<String>),
            tests::result_comment.eq(None::<String>),
            tests::entered_by.eq(None::<UserId>),
            tests::entered_at.eq(None::<UtcTime>),
            tests::note.eq(Some(reason)),
            tests::version.eq(version + 1),
        ))
        .execute(conn)?;
        Ok(updated == 1)
    }

    /// Moves a test from `from` to `to` (removed, invalidated) with a reason, from the version
    /// the page showed.
    pub fn close(
        conn: &mut DbConn,
        id: LabTestId,
        version: i32,
        from: TestStatus,
        to: TestStatus,
        reason: &str,
    ) -> QueryResult<bool> {
        let updated = diesel::update(
            tests::table
                .find(id)
                .filter(tests::version.eq(version))
                .filter(tests::status.eq(from)),
        )
        .set((
            tests::status.eq(to),
            tests::note.eq(Some(reason)),
            tests::version.eq(version + 1),
        ))
        .execute(conn)?;
        Ok(updated == 1)
    }

    /// Withdraws `side`'s unfinished tests on a sample that can no longer be certified; returns
    /// the withdrawn tests.
    pub fn withdraw_unfinished(
        conn: &mut DbConn,
        sample: SampleId,
        side: Side,
        reason: &str,
    ) -> QueryResult<Vec<LabTestId>> {
        let ids: Vec<LabTestId> = tests::table
            .filter(tests::sample_id.eq(sample))
            .filter(tests::side.eq(side))
            .filter(tests::status.eq_any([TestStatus::Pending, TestStatus::Entered]))
            .select(tests::id)
            .load(conn)?;
        for id in &ids {
            diesel::update(tests::table.find(*id))
                .set((
                    tests::status.eq(TestStatus::Removed),
                    // A removed test carries no reading (the audit log keeps what was entered).
                    tests::reading.eq(None::<ReadingKind>),
                    tests::value.eq(None::<String>),
                    tests::unit.eq(None::<String>),
                    tests::conformity.eq(None::<ConformityText>),
                    tests::note.eq(Some(reason)),
                    tests::withdrawn_at.eq(Some(UtcTime::now())),
                    tests::version.eq(tests::version + 1),
                ))
                .execute(conn)?;
        }
        Ok(ids)
    }

    /// When `side`'s longest-waiting pending test was created.
    pub fn oldest_pending(conn: &mut DbConn, side: Side) -> QueryResult<Option<UtcTime>> {
        tests::table
            .filter(tests::side.eq(side))
            .filter(tests::status.eq(TestStatus::Pending))
            .select(tests::created_at)
            .order(tests::created_at)
            .first(conn)
            .optional()
    }
}
