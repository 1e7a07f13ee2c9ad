//! Testing: the panel put on a side's bench, results entered by analysts, verified or
//! rejected by reviewers (never their own entry), invalidated into a linked retest, tests
//! added and removed — and the sample's and consignment's statuses derived from the tests.

use serde_json::json;

use super::{Halt, Step, found, guarded, same_version};
use crate::auth::policy::{self, Staff};
use crate::db::DbConn;
use crate::domain::Side;
use crate::domain::measure::{self, ConformityText, Decimal, Reading, Rule, Unit};
use crate::models::CommodityId;
use crate::models::audit::{self, AuditEntry};
use crate::models::catalog::{Limit, LimitRule, TestMethod, TestMethodId};
use crate::models::consignment::{Consignment, ConsignmentId, ConsignmentStatus};
use crate::models::lab_test::{EnteredResult, LabTest, LabTestId, ReadingKind, TestStatus};
use crate::models::sample::{PortionStatus, Sample, SampleId, SampleStatus};

/// Puts `side`'s default panel for the commodity on its bench (methods it already has a live
/// test of are kept).
pub fn put_panel_on_bench(
    conn: &mut DbConn,
    sample: SampleId,
    commodity: CommodityId,
    side: Side,
) -> Step<usize> {
    let existing = LabTest::live_methods(conn, sample, side)?;
    let mut created = 0;
    for (_, method) in crate::queries::catalog::panel(conn, commodity, side)? {
        if !existing.contains(&method.id) {
            LabTest::insert_pending(conn, sample, method.id, side, true, None, None)?;
            created += 1;
        }
    }
    Ok(created)
}

/// A test of the staff member's side with its sample; another side's test is not found.
fn own_test(conn: &mut DbConn, staff: &Staff, id: LabTestId) -> Step<(LabTest, Sample)> {
    let test = found(LabTest::find_of_side(conn, staff.side, id)?)?;
    let sample = found(Sample::find_for(conn, staff.scope(), test.sample_id)?)?;
    Ok((test, sample))
}

fn to_rule(limit: &Limit) -> Option<measure::Limit> {
    let unit = limit.unit.as_deref().and_then(Unit::parse);
    let value = || limit.value.as_deref().and_then(Decimal::from_canonical);
    let rule = match limit.rule {
        LimitRule::Max => Rule::Max(value()?),
        LimitRule::Min => Rule::Min(value()?),
        LimitRule::NotDetected => Rule::NotDetected,
    };
    Some(measure::Limit { rule, unit })
}

/// What a worksheet records beside a reading: the text as typed, the instrument, the day of
/// analysis (`YYYY-MM-DD`) and a comment — each already validated.
#[derive(Debug, Clone, Default)]
pub struct ResultDetails {
    pub as_entered: Option<String>,
    pub instrument: Option<String>,
    pub analysed_on: Option<String>,
    pub comment: Option<String>,
}

/// An analyst records a result of their side's pending test, evaluated against the
/// destination's limit, from the version the page showed.
pub fn enter(
    conn: &mut DbConn,
    analyst: &Staff,
    id: LabTestId,
    version: i32,
    reading: &Reading,
    unit: Option<Unit>,
) -> Step<()> {
    enter_with(
        conn,
        analyst,
        id,
        version,
        reading,
        unit,
        &ResultDetails::default(),
    )
}

/// [`enter`] with what the analyst wrote beside the reading.
pub fn enter_with(
    conn: &mut DbConn,
    analyst: &Staff,
    id: LabTestId,
    version: i32,
    reading: &Reading,
    unit: Option<Unit>,
    details: &ResultDetails,
) -> Step<()> {
    let (test, sample) = own_test(conn, analyst, id)?;
    same_version(test.version, version)?;
    policy::may_enter(analyst, &sample, &test).map_err(Halt::Refused)?;
    let method = found(TestMethod::find(conn, test.test_method_id)?)?;
    let consignment = found(Consignment::find_for(
        conn,
        analyst.scope(),
        sample.consignment_id,
    )?)?;
    let limit = Limit::find_for(
        conn,
        consignment.limit_set_id,
        consignment.commodity_id,
        method.id,
    )?;
    let rule = limit.as_ref().and_then(to_rule);
    let loq = method.loq.as_deref().and_then(Decimal::from_canonical);
    let conformity: ConformityText =
        measure::evaluate(reading, unit, loq.as_ref(), rule.as_ref()).into();
    let (kind, value) = match reading {
        Reading::Value(v) => (ReadingKind::Value, Some(v.to_string())),
        Reading::BelowLoq => (ReadingKind::BelowLoq, None),
        Reading::Below(bound) => (ReadingKind::BelowLoq, Some(bound.to_string())),
        Reading::NotDetected => (ReadingKind::NotDetected, None),
        Reading::Detected => (ReadingKind::Detected, None),
    };
    let result = EnteredResult {
        reading: kind,
        value: value.clone(),
        unit: unit.map(|u| u.as_str().to_owned()),
        conformity,
        limit_rule: limit.as_ref().map(|l| l.rule),
        limit_value: limit.as_ref().and_then(|l| l.value.clone()),
        limit_unit: limit.as_ref().and_then(|l| l.unit.clone()),
        reading_as_entered: details.as_entered.clone(),
        instrument: details.instrument.clone(),
        analysed_on: details.analysed_on.clone(),
        result_comment: details.comment.clone(),
    };
    guarded(LabTest::mark_entered(
        conn, id, version, analyst.id, &result,
    )?)?;
    audit::record(
        conn,
        AuditEntry::new(&analyst.actor(), "test.entered", "test", id)
            .after(json!({ "sample_id": test.sample_id.to_string(), "method": method.code, "reading": kind.as_str(), "value": value, "unit": unit.map(|u| u.as_str()), "as_entered": details.as_entered, "instrument": details.instrument, "analysed_on": details.analysed_on, "comment": details.comment, "conformity": conformity.as_str() }))
            .blind_to_other_side(test.side),
    )?;
    refresh_status(conn, test.sample_id)
}

/// A reviewer verifies an entered result of their side — never their own entry. Both sides'
/// verified results of the method are then compared (a discrepancy may open or close).
pub fn verify(
    conn: &mut DbConn,
    reviewer: &Staff,
    id: LabTestId,
    version: i32,
    site: &crate::mail::Site,
) -> Step<()> {
    use crate::models::discrepancy::Discrepancy;
    let (test, sample) = own_test(conn, reviewer, id)?;
    same_version(test.version, version)?;
    policy::may_review(reviewer, &sample, &test).map_err(Halt::Refused)?;
    guarded(LabTest::mark_verified(conn, id, version, reviewer.id)?)?;
    audit::record(
        conn,
        AuditEntry::new(&reviewer.actor(), "test.verified", "test", id)
            .after(json!({ "sample_id": test.sample_id.to_string() })),
    )?;
    let open = |conn: &mut DbConn| -> Step<bool> {
        Ok(
            Discrepancy::of_method(conn, test.sample_id, test.test_method_id)?
                .is_some_and(|d| d.is_open()),
        )
    };
    let was_open = open(conn)?;
    super::discrepancy::compare_sides(conn, test.sample_id, test.test_method_id)?;
    if !was_open && open(conn)? {
        super::notices::discrepancy_opened(conn, site, &sample, test.test_method_id)?;
    }
    refresh_status(conn, test.sample_id)?;
    let now = found(Sample::find_for(
        conn,
        crate::domain::Scope::All,
        sample.id,
    )?)?;
    if now.status == SampleStatus::Tested && sample.status != SampleStatus::Tested {
        super::notices::testing_complete(conn, site, &now)?;
    }
    Ok(())
}

/// A reviewer sends an entered result back to the bench with a reason.
pub fn reject(
    conn: &mut DbConn,
    reviewer: &Staff,
    id: LabTestId,
    version: i32,
    reason: &str,
    site: &crate::mail::Site,
) -> Step<()> {
    let (test, sample) = own_test(conn, reviewer, id)?;
    same_version(test.version, version)?;
    policy::may_review(reviewer, &sample, &test).map_err(Halt::Refused)?;
    guarded(LabTest::mark_rejected(conn, id, version, reason)?)?;
    super::notices::result_returned(conn, site, &test, &sample, reason)?;
    audit::record(
        conn,
        AuditEntry::new(&reviewer.actor(), "test.rejected", "test", id)
            .after(json!({ "reason": reason }))
            .blind_to_other_side(test.side),
    )?;
    refresh_status(conn, test.sample_id)
}

/// A reviewer adds a test of a method for their side, with a reason. Two parallel adds of
/// one method cannot both commit (one live test per sample, side and method).
pub fn add(
    conn: &mut DbConn,
    reviewer: &Staff,
    sample: SampleId,
    method: TestMethodId,
    reason: &str,
) -> Step<LabTestId> {
    let sample_row = found(Sample::find_for(conn, reviewer.scope(), sample)?)?;
    let method = found(TestMethod::find(conn, method)?)?;
    let received = Sample::portions(conn, sample)?
        .iter()
        .any(|p| p.portion.side() == Some(reviewer.side) && p.status == PortionStatus::Received);
    policy::may_add_test(reviewer, &sample_row, received).map_err(Halt::Refused)?;
    if LabTest::live_methods(conn, sample, reviewer.side)?.contains(&method.id) {
        // Someone added it first (or it runs already): the same answer as a lost race.
        return Err(Halt::Stale);
    }
    let id = LabTest::insert_pending(
        conn,
        sample,
        method.id,
        reviewer.side,
        true,
        None,
        Some(reason),
    )?;
    audit::record(
        conn,
        AuditEntry::new(&reviewer.actor(), "test.added", "test", id).after(json!({ "sample_id": sample.to_string(), "method_id": method.id.to_string(), "reason": reason })),
    )?;
    refresh_status(conn, sample)?;
    Ok(id)
}

/// A reviewer removes a pending test of their side, with a reason.
pub fn remove(
    conn: &mut DbConn,
    reviewer: &Staff,
    id: LabTestId,
    version: i32,
    reason: &str,
) -> Step<()> {
    let (test, sample) = own_test(conn, reviewer, id)?;
    same_version(test.version, version)?;
    policy::may_remove(reviewer, &sample, &test).map_err(Halt::Refused)?;
    guarded(LabTest::close(
        conn,
        id,
        version,
        TestStatus::Pending,
        TestStatus::Removed,
        reason,
    )?)?;
    audit::record(
        conn,
        AuditEntry::new(&reviewer.actor(), "test.removed", "test", id)
            .after(json!({ "reason": reason })),
    )?;
    refresh_status(conn, test.sample_id)
}

/// A verified result is never edited: a reviewer invalidates it with a reason and a linked
/// retest goes on the bench. Of parallel invalidations only the first passes the guard.
pub fn invalidate(
    conn: &mut DbConn,
    reviewer: &Staff,
    id: LabTestId,
    version: i32,
    reason: &str,
) -> Step<LabTestId> {
    let (test, sample) = own_test(conn, reviewer, id)?;
    same_version(test.version, version)?;
    policy::may_invalidate(reviewer, &sample, &test).map_err(Halt::Refused)?;
    guarded(LabTest::close(
        conn,
        id,
        version,
        TestStatus::Verified,
        TestStatus::Invalidated,
        reason,
    )?)?;
    let retest = LabTest::insert_pending(
        conn,
        test.sample_id,
        test.test_method_id,
        test.side,
        test.required,
        Some(id),
        None,
    )?;
    audit::record(
        conn,
        AuditEntry::new(&reviewer.actor(), "test.invalidated", "test", id)
            .after(json!({ "reason": reason, "retest": retest.to_string() })),
    )?;
    refresh_status(conn, test.sample_id)?;
    Ok(retest)
}

/// The sample's status from its tests, once both portions were received: in testing when a
/// result exists, tested when every required test of both sides is verified; then the
/// consignment's.
pub fn refresh_status(conn: &mut DbConn, sample: SampleId) -> Step<()> {
    let row = found(Sample::find_for(conn, crate::domain::Scope::All, sample)?)?;
    if matches!(
        row.status,
        SampleStatus::Received | SampleStatus::InTesting | SampleStatus::Tested
    ) {
        let live: Vec<LabTest> = LabTest::of_sample(conn, sample)?
            .into_iter()
            .filter(|t| !matches!(t.status, TestStatus::Removed | TestStatus::Invalidated))
            .collect();
        let all_verified = !live.is_empty()
            && live
                .iter()
                .filter(|t| t.required)
                .all(|t| t.status == TestStatus::Verified);
        let started = live
            .iter()
            .any(|t| matches!(t.status, TestStatus::Entered | TestStatus::Verified));
        let status = if all_verified {
            SampleStatus::Tested
        } else if started {
            SampleStatus::InTesting
        } else {
            SampleStatus::Received
        };
        Sample::set_status(conn, sample, status)?;
    }
    refresh_consignment(conn, row.consignment_id)
}

/// The consignment's status from its live samples: tested when every one is tested, in
/// testing once any is in testing or tested.
pub fn refresh_consignment(conn: &mut DbConn, consignment: ConsignmentId) -> Step<()> {
    let statuses: Vec<SampleStatus> = Sample::of_consignment(conn, consignment)?
        .into_iter()
        .map(|s| s.status)
        .filter(|s| !matches!(s, SampleStatus::Cancelled | SampleStatus::Rejected))
        .collect();
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
    Consignment::set_status(conn, consignment, status)?;
    Ok(())
}
