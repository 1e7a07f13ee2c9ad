//! Tests: one method on one sample, run by one side. Created from the commodity's default
//! panel when a side accepts its portion; entered by that side's analysts, verified by that
//! side's reviewers (never their own entries); invisible to the other side and to exporters
//! until verified.

use diesel::prelude::*;
use serde_json::json;

use super::audit::{self, Actor, AuditEntry};
use super::catalog::{CommodityId, Limit, LimitRule, PanelTest, TestMethod, TestMethodId};
use super::consignment::Consignment;
use super::sample::{Sample, SampleId, SampleStatus};
use super::{User, UserId};
use crate::db::DbConn;
use crate::db::schema::{consignments, limits, samples, test_methods, tests};
use crate::db::types::UtcTime;
use crate::domain::measure::{self, Conformity, Decimal, Reading, Rule, Unit};
use crate::domain::{Role, Side};

crate::typed_id!(
    /// A test.
    LabTestId
);

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

crate::text_enum! {
    ConformityText {
        Conforms => "conforms",
        DoesNotConform => "does_not_conform",
        Inconclusive => "inconclusive",
    }
}

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
}

/// How a result step went.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Done,
    /// The test changed since the page was loaded.
    Stale,
    /// Refused by a rule (a catalog key says which).
    Refused(&'static str),
}

impl LabTest {
    /// Creates the tests of `side`'s default panel for a sample (when the side accepts its
    /// portion). Tests that already exist for the side are kept.
    pub fn create_panel(
        conn: &mut DbConn,
        sample: SampleId,
        commodity: CommodityId,
        side: Side,
    ) -> QueryResult<usize> {
        let existing: Vec<TestMethodId> = tests::table
            .filter(tests::sample_id.eq(sample))
            .filter(tests::side.eq(side))
            .select(tests::test_method_id)
            .load(conn)?;
        let mut created = 0;
        for (_, method) in PanelTest::for_commodity(conn, commodity, side)? {
            if existing.contains(&method.id) {
                continue;
            }
            diesel::insert_into(tests::table)
                .values((
                    tests::id.eq(LabTestId::new()),
                    tests::sample_id.eq(sample),
                    tests::test_method_id.eq(method.id),
                    tests::side.eq(side),
                    tests::status.eq(TestStatus::Pending),
                    tests::required.eq(true),
                    tests::created_at.eq(UtcTime::now()),
                    tests::version.eq(1),
                ))
                .execute(conn)?;
            created += 1;
        }
        Ok(created)
    }

    /// The tests of a sample that `viewer` may see: their own side's in any state, the other
    /// side's only once verified; exporters and viewers without a side only verified ones.
    pub fn of_sample_for(
        conn: &mut DbConn,
        viewer: &User,
        sample: SampleId,
    ) -> QueryResult<Vec<(LabTest, TestMethod)>> {
        let mut query = tests::table
            .inner_join(test_methods::table)
            .filter(tests::sample_id.eq(sample))
            .filter(tests::status.ne(TestStatus::Removed))
            .select((LabTest::as_select(), TestMethod::as_select()))
            .into_boxed();
        let own_side = viewer.side.filter(|_| viewer.role != Role::Exporter);
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

    /// The bench of a side: pending tests with their samples and methods, by method, oldest
    /// first.
    pub fn bench(conn: &mut DbConn, side: Side) -> QueryResult<Vec<(LabTest, Sample, TestMethod)>> {
        tests::table
            .inner_join(samples::table)
            .inner_join(test_methods::table)
            .filter(tests::side.eq(side))
            .filter(tests::status.eq(TestStatus::Pending))
            .select((
                LabTest::as_select(),
                Sample::as_select(),
                TestMethod::as_select(),
            ))
            .order((test_methods::code, tests::created_at, tests::id))
            .load(conn)
    }

    /// A side's tests in `status` for one method, oldest first (batch entry, review).
    pub fn of_method(
        conn: &mut DbConn,
        side: Side,
        method: TestMethodId,
        status: TestStatus,
    ) -> QueryResult<Vec<(LabTest, Sample)>> {
        tests::table
            .inner_join(samples::table)
            .filter(tests::side.eq(side))
            .filter(tests::test_method_id.eq(method))
            .filter(tests::status.eq(status))
            .select((LabTest::as_select(), Sample::as_select()))
            .order((tests::created_at, tests::id))
            .load(conn)
    }

    /// A side's entered tests waiting for review, with samples and methods.
    pub fn to_review(
        conn: &mut DbConn,
        side: Side,
    ) -> QueryResult<Vec<(LabTest, Sample, TestMethod)>> {
        tests::table
            .inner_join(samples::table)
            .inner_join(test_methods::table)
            .filter(tests::side.eq(side))
            .filter(tests::status.eq(TestStatus::Entered))
            .select((
                LabTest::as_select(),
                Sample::as_select(),
                TestMethod::as_select(),
            ))
            .order((test_methods::code, tests::entered_at, tests::id))
            .load(conn)
    }

    fn find(conn: &mut DbConn, id: LabTestId) -> QueryResult<Option<LabTest>> {
        tests::table
            .find(id)
            .select(LabTest::as_select())
            .first(conn)
            .optional()
    }

    /// Records an analyst's result, evaluated against the destination's limit. Only the test's
    /// own side may enter it, only while pending, only from the version the page showed.
    pub fn enter(
        conn: &mut DbConn,
        actor: &Actor,
        analyst: &User,
        id: LabTestId,
        version: i32,
        reading: &Reading,
        unit: Option<Unit>,
    ) -> QueryResult<Outcome> {
        let Some(test) = LabTest::find(conn, id)? else {
            return Err(diesel::result::Error::NotFound);
        };
        if Some(test.side) != analyst.side {
            return Err(diesel::result::Error::NotFound);
        }
        if test.version != version {
            return Ok(Outcome::Stale);
        }
        if test.status != TestStatus::Pending {
            return Ok(Outcome::Refused("bench.not_pending"));
        }
        let method =
            TestMethod::find(conn, test.test_method_id)?.ok_or(diesel::result::Error::NotFound)?;
        let consignment: Consignment = samples::table
            .inner_join(consignments::table)
            .filter(samples::id.eq(test.sample_id))
            .select(Consignment::as_select())
            .first(conn)?;
        let limit: Option<super::catalog::Limit> = limits::table
            .filter(limits::limit_set_id.eq(consignment.limit_set_id))
            .filter(limits::commodity_id.eq(consignment.commodity_id))
            .filter(limits::test_method_id.eq(method.id))
            .select(Limit::as_select())
            .first(conn)
            .optional()?;
        let rule = limit.as_ref().and_then(to_rule);
        let loq = method.loq.as_deref().and_then(Decimal::from_canonical);
        let conformity = measure::evaluate(reading, unit, loq.as_ref(), rule.as_ref());
        let (kind, value) = match reading {
            Reading::Value(v) => (ReadingKind::Value, Some(v.to_string())),
            Reading::BelowLoq => (ReadingKind::BelowLoq, None),
            Reading::NotDetected => (ReadingKind::NotDetected, None),
            Reading::Detected => (ReadingKind::Detected, None),
        };
        let conformity = match conformity {
            Conformity::Conforms => ConformityText::Conforms,
            Conformity::DoesNotConform => ConformityText::DoesNotConform,
            Conformity::Inconclusive => ConformityText::Inconclusive,
        };
        let updated = diesel::update(tests::table.find(id).filter(tests::version.eq(version)))
            .set((
                tests::status.eq(TestStatus::Entered),
                tests::reading.eq(Some(kind)),
                tests::value.eq(value.clone()),
                tests::unit.eq(unit.map(|u| u.as_str().to_owned())),
                tests::conformity.eq(Some(conformity)),
                tests::limit_rule.eq(limit.as_ref().map(|l| l.rule)),
                tests::limit_value.eq(limit.as_ref().and_then(|l| l.value.clone())),
                tests::limit_unit.eq(limit.as_ref().and_then(|l| l.unit.clone())),
                tests::entered_by.eq(Some(analyst.id)),
                tests::entered_at.eq(Some(UtcTime::now())),
                tests::note.eq(None::<String>),
                tests::version.eq(version + 1),
            ))
            .execute(conn)?;
        if updated == 0 {
            return Ok(Outcome::Stale);
        }
        audit::record(
            conn,
            AuditEntry::new(actor, "test.entered", "test", id)
                .after(json!({ "sample_id": test.sample_id.to_string(), "method": method.code, "reading": kind.as_str(), "value": value, "unit": unit.map(|u| u.as_str()), "conformity": conformity.as_str() }))
                .blind_to_other_side(test.side),
        )?;
        update_sample_status(conn, test.sample_id)?;
        Ok(Outcome::Done)
    }

    /// A reviewer of the test's side verifies an entered result — never their own entry.
    pub fn verify(
        conn: &mut DbConn,
        actor: &Actor,
        reviewer: &User,
        id: LabTestId,
        version: i32,
    ) -> QueryResult<Outcome> {
        let Some(test) = LabTest::find(conn, id)? else {
            return Err(diesel::result::Error::NotFound);
        };
        if Some(test.side) != reviewer.side {
            return Err(diesel::result::Error::NotFound);
        }
        if test.entered_by == Some(reviewer.id) {
            return Ok(Outcome::Refused("review.own_entry"));
        }
        if test.version != version {
            return Ok(Outcome::Stale);
        }
        if test.status != TestStatus::Entered {
            return Ok(Outcome::Refused("review.not_entered"));
        }
        let updated = diesel::update(tests::table.find(id).filter(tests::version.eq(version)))
            .set((
                tests::status.eq(TestStatus::Verified),
                tests::verified_by.eq(Some(reviewer.id)),
                tests::verified_at.eq(Some(UtcTime::now())),
                tests::version.eq(version + 1),
            ))
            .execute(conn)?;
        if updated == 0 {
            return Ok(Outcome::Stale);
        }
        super::discrepancy::check(conn, test.sample_id, test.test_method_id)?;
        audit::record(
            conn,
            AuditEntry::new(actor, "test.verified", "test", id)
                .after(json!({ "sample_id": test.sample_id.to_string() })),
        )?;
        update_sample_status(conn, test.sample_id)?;
        Ok(Outcome::Done)
    }

    /// A reviewer sends an entered result back to the bench with a reason.
    pub fn reject(
        conn: &mut DbConn,
        actor: &Actor,
        reviewer: &User,
        id: LabTestId,
        version: i32,
        reason: &str,
    ) -> QueryResult<Outcome> {
        let Some(test) = LabTest::find(conn, id)? else {
            return Err(diesel::result::Error::NotFound);
        };
        if Some(test.side) != reviewer.side {
            return Err(diesel::result::Error::NotFound);
        }
        if test.version != version {
            return Ok(Outcome::Stale);
        }
        if test.status != TestStatus::Entered {
            return Ok(Outcome::Refused("review.not_entered"));
        }
        diesel::update(tests::table.find(id))
            .set((
                tests::status.eq(TestStatus::Pending),
                tests::reading.eq(None::<ReadingKind>),
                tests::value.eq(None::<String>),
                tests::unit.eq(None::<String>),
                tests::conformity.eq(None::<ConformityText>),
                tests::note.eq(Some(reason)),
                tests::version.eq(version + 1),
            ))
            .execute(conn)?;
        audit::record(
            conn,
            AuditEntry::new(actor, "test.rejected", "test", id)
                .after(json!({ "reason": reason }))
                .blind_to_other_side(test.side),
        )?;
        update_sample_status(conn, test.sample_id)?;
        Ok(Outcome::Done)
    }
}

impl LabTest {
    /// The tests of a sample for one side (the reviewers' test management page).
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

    /// A reviewer adds a test for their side, with a reason.
    pub fn add(
        conn: &mut DbConn,
        actor: &Actor,
        reviewer: &User,
        sample: SampleId,
        method: TestMethodId,
        reason: &str,
    ) -> QueryResult<Outcome> {
        let side = reviewer.side.ok_or(diesel::result::Error::NotFound)?;
        let running: i64 = tests::table
            .filter(tests::sample_id.eq(sample))
            .filter(tests::side.eq(side))
            .filter(tests::test_method_id.eq(method))
            .filter(tests::status.eq_any([
                TestStatus::Pending,
                TestStatus::Entered,
                TestStatus::Verified,
            ]))
            .count()
            .get_result(conn)?;
        if running > 0 {
            return Ok(Outcome::Refused("tests.already_running"));
        }
        let id = LabTestId::new();
        diesel::insert_into(tests::table)
            .values((
                tests::id.eq(id),
                tests::sample_id.eq(sample),
                tests::test_method_id.eq(method),
                tests::side.eq(side),
                tests::status.eq(TestStatus::Pending),
                tests::required.eq(true),
                tests::note.eq(Some(reason)),
                tests::created_at.eq(UtcTime::now()),
                tests::version.eq(1),
            ))
            .execute(conn)?;
        audit::record(conn, AuditEntry::new(actor, "test.added", "test", id).after(json!({ "sample_id": sample.to_string(), "method_id": method.to_string(), "reason": reason })))?;
        update_sample_status(conn, sample)?;
        Ok(Outcome::Done)
    }

    /// A reviewer removes a pending test of their side, with a reason.
    pub fn remove(
        conn: &mut DbConn,
        actor: &Actor,
        reviewer: &User,
        id: LabTestId,
        version: i32,
        reason: &str,
    ) -> QueryResult<Outcome> {
        let test = LabTest::own(conn, reviewer, id)?;
        if test.version != version {
            return Ok(Outcome::Stale);
        }
        if test.status != TestStatus::Pending {
            return Ok(Outcome::Refused("tests.not_removable"));
        }
        diesel::update(tests::table.find(id))
            .set((
                tests::status.eq(TestStatus::Removed),
                tests::note.eq(Some(reason)),
                tests::version.eq(version + 1),
            ))
            .execute(conn)?;
        audit::record(
            conn,
            AuditEntry::new(actor, "test.removed", "test", id).after(json!({ "reason": reason })),
        )?;
        update_sample_status(conn, test.sample_id)?;
        Ok(Outcome::Done)
    }

    /// A verified result is never edited: a reviewer invalidates it with a reason, and a
    /// linked retest goes on the bench.
    pub fn invalidate(
        conn: &mut DbConn,
        actor: &Actor,
        reviewer: &User,
        id: LabTestId,
        version: i32,
        reason: &str,
    ) -> QueryResult<Outcome> {
        let test = LabTest::own(conn, reviewer, id)?;
        if test.version != version {
            return Ok(Outcome::Stale);
        }
        if test.status != TestStatus::Verified {
            return Ok(Outcome::Refused("tests.not_verified"));
        }
        diesel::update(tests::table.find(id))
            .set((
                tests::status.eq(TestStatus::Invalidated),
                tests::note.eq(Some(reason)),
                tests::version.eq(version + 1),
            ))
            .execute(conn)?;
        let retest = LabTestId::new();
        diesel::insert_into(tests::table)
            .values((
                tests::id.eq(retest),
                tests::sample_id.eq(test.sample_id),
                tests::test_method_id.eq(test.test_method_id),
                tests::side.eq(test.side),
                tests::status.eq(TestStatus::Pending),
                tests::required.eq(test.required),
                tests::retest_of.eq(Some(id)),
                tests::created_at.eq(UtcTime::now()),
                tests::version.eq(1),
            ))
            .execute(conn)?;
        audit::record(
            conn,
            AuditEntry::new(actor, "test.invalidated", "test", id)
                .after(json!({ "reason": reason, "retest": retest.to_string() })),
        )?;
        update_sample_status(conn, test.sample_id)?;
        Ok(Outcome::Done)
    }

    /// A test of `user`'s own side; anything else answers NotFound.
    fn own(conn: &mut DbConn, user: &User, id: LabTestId) -> QueryResult<LabTest> {
        let test = LabTest::find(conn, id)?.ok_or(diesel::result::Error::NotFound)?;
        if Some(test.side) != user.side {
            return Err(diesel::result::Error::NotFound);
        }
        Ok(test)
    }
}

fn to_rule(limit: &super::catalog::Limit) -> Option<measure::Limit> {
    let unit = limit.unit.as_deref().and_then(Unit::parse);
    let value = || limit.value.as_deref().and_then(Decimal::from_canonical);
    let rule = match limit.rule {
        LimitRule::Max => Rule::Max(value()?),
        LimitRule::Min => Rule::Min(value()?),
        LimitRule::NotDetected => Rule::NotDetected,
    };
    Some(measure::Limit { rule, unit })
}

/// The sample's status from its tests, once both portions were received: in testing when a
/// result exists, tested when every required test of both sides is verified.
pub fn update_sample_status(conn: &mut DbConn, sample: SampleId) -> QueryResult<()> {
    let current: SampleStatus = samples::table
        .find(sample)
        .select(samples::status)
        .first(conn)?;
    if !matches!(
        current,
        SampleStatus::Received | SampleStatus::InTesting | SampleStatus::Tested
    ) {
        return Ok(());
    }
    let states: Vec<(TestStatus, bool)> = tests::table
        .filter(tests::sample_id.eq(sample))
        .filter(tests::status.ne(TestStatus::Removed))
        .filter(tests::status.ne(TestStatus::Invalidated))
        .select((tests::status, tests::required))
        .load(conn)?;
    let all_verified = !states.is_empty()
        && states
            .iter()
            .filter(|(_, r)| *r)
            .all(|(s, _)| *s == TestStatus::Verified);
    let started = states
        .iter()
        .any(|(s, _)| matches!(s, TestStatus::Entered | TestStatus::Verified));
    let status = if all_verified {
        SampleStatus::Tested
    } else if started {
        SampleStatus::InTesting
    } else {
        SampleStatus::Received
    };
    if status != current {
        diesel::update(samples::table.find(sample))
            .set(samples::status.eq(status))
            .execute(conn)?;
    }
    update_consignment_status(conn, sample)
}

/// The consignment's status from its samples: tested when every live sample is tested, in
/// testing once any is in testing or tested.
fn update_consignment_status(conn: &mut DbConn, sample: SampleId) -> QueryResult<()> {
    use super::consignment::ConsignmentStatus;
    let consignment: super::consignment::ConsignmentId = samples::table
        .find(sample)
        .select(samples::consignment_id)
        .first(conn)?;
    let statuses: Vec<SampleStatus> = samples::table
        .filter(samples::consignment_id.eq(consignment))
        .filter(samples::status.ne_all([SampleStatus::Cancelled, SampleStatus::Rejected]))
        .select(samples::status)
        .load(conn)?;
    let status = if !statuses.is_empty() && statuses.iter().all(|s| *s == SampleStatus::Tested) {
        ConsignmentStatus::Tested
    } else if statuses
        .iter()
        .any(|s| matches!(s, SampleStatus::InTesting | SampleStatus::Tested))
    {
        ConsignmentStatus::InTesting
    } else {
        ConsignmentStatus::Sampled
    };
    diesel::update(
        consignments::table
            .find(consignment)
            .filter(consignments::status.ne(ConsignmentStatus::Closed))
            .filter(consignments::status.ne(status)),
    )
    .set(consignments::status.eq(status))
    .execute(conn)?;
    Ok(())
}

/// What waits for one side of the lab (the dashboard on its staff's home page).
#[derive(Debug, Clone, Default)]
pub struct SideDashboard {
    /// Portions of this side sealed or handed over but not yet received.
    pub to_receive: i64,
    pub on_bench: i64,
    pub to_review: i64,
    /// Open discrepancies between the labs (both sides see them).
    pub discrepancies: i64,
    /// When the longest-waiting pending test was created.
    pub oldest_pending: Option<UtcTime>,
}

impl SideDashboard {
    pub fn load(conn: &mut DbConn, side: Side) -> QueryResult<SideDashboard> {
        use super::sample::{PortionKind, PortionStatus};
        use crate::db::schema::{discrepancies, sample_portions};
        let portion = if side == Side::Kz {
            PortionKind::Kz
        } else {
            PortionKind::Cn
        };
        let to_receive = sample_portions::table
            .inner_join(samples::table)
            .filter(sample_portions::portion.eq(portion))
            .filter(
                sample_portions::status.eq_any([PortionStatus::Sealed, PortionStatus::HandedOver]),
            )
            .filter(samples::status.ne_all([SampleStatus::Cancelled, SampleStatus::Rejected]))
            .count()
            .get_result(conn)?;
        let count = |conn: &mut DbConn, status: TestStatus| -> QueryResult<i64> {
            tests::table
                .filter(tests::side.eq(side))
                .filter(tests::status.eq(status))
                .count()
                .get_result(conn)
        };
        let on_bench = count(conn, TestStatus::Pending)?;
        let to_review = count(conn, TestStatus::Entered)?;
        let discrepancies = discrepancies::table
            .filter(discrepancies::status.eq("open"))
            .count()
            .get_result(conn)?;
        let oldest_pending = tests::table
            .filter(tests::side.eq(side))
            .filter(tests::status.eq(TestStatus::Pending))
            .select(tests::created_at)
            .order(tests::created_at)
            .first(conn)
            .optional()?;
        Ok(SideDashboard {
            to_receive,
            on_bench,
            to_review,
            discrepancies,
            oldest_pending,
        })
    }
}
