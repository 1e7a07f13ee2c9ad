//! Discrepancies between the two labs. When both sides' current verified results of a method
//! on a sample disagree (one conforms, the other does not), a discrepancy opens. It closes when
//! the reviewers of both sides name the same outcome, or when a retest brings both sides to the
//! same conformity; a retest that disagrees again reopens it.

use serde_json::json;

use super::{Halt, Step, found, guarded, same_version};
use crate::auth::policy::{self, Staff};
use crate::db::DbConn;
use crate::domain::Side;
use crate::domain::measure::ConformityText;
use crate::models::audit::{self, Actor, AuditEntry};
use crate::models::catalog::TestMethodId;
use crate::models::discrepancy::{ClosedBy, Discrepancy, DiscrepancyId, ResolutionOutcome};
use crate::models::lab_test::{LabTest, TestStatus};
use crate::models::sample::{Sample, SampleId};

/// Each side's current verdict on a method: its latest live test, if verified.
fn verdicts(
    conn: &mut DbConn,
    sample: SampleId,
    method: TestMethodId,
) -> Step<(Option<ConformityText>, Option<ConformityText>)> {
    let current = LabTest::current_of_method(conn, sample, method)?;
    let verdict = |side: Side| {
        current
            .iter()
            .find(|t| t.side == side)
            .filter(|t| t.status == TestStatus::Verified)
            .and_then(|t| t.conformity)
    };
    Ok((verdict(Side::Kz), verdict(Side::Cn)))
}

fn disagree(kz: ConformityText, cn: ConformityText) -> bool {
    matches!(
        (kz, cn),
        (ConformityText::Conforms, ConformityText::DoesNotConform)
            | (ConformityText::DoesNotConform, ConformityText::Conforms)
    )
}

/// Compares both sides' verified results of `method` on `sample` (in the transaction that
/// verifies one): opens, reopens or closes the discrepancy. An inconclusive result decides
/// nothing.
pub fn compare_sides(conn: &mut DbConn, sample: SampleId, method: TestMethodId) -> Step<()> {
    // Two reviewers verifying the two sides at once must not each miss the other's result
    // (PostgreSQL, read committed): whoever comes second waits here and then sees the first.
    audit::lock_chain(conn)?;
    let (Some(kz), Some(cn)) = verdicts(conn, sample, method)? else {
        return Ok(());
    };
    let system = Actor::system("discrepancy-check");
    let existing = Discrepancy::of_method(conn, sample, method)?;
    if disagree(kz, cn) {
        let view = json!({ "sample_id": sample.to_string(), "method_id": method.to_string(), "kz": kz.as_str(), "cn": cn.as_str() });
        match existing {
            None => {
                let id = Discrepancy::insert_open(conn, sample, method)?;
                audit::record(
                    conn,
                    AuditEntry::new(&system, "discrepancy.flagged", "discrepancy", id).after(view),
                )?;
            }
            Some(d) if !d.is_open() => {
                guarded(Discrepancy::reopen(conn, d.id, d.version)?)?;
                audit::record(
                    conn,
                    AuditEntry::new(&system, "discrepancy.reopened", "discrepancy", d.id)
                        .after(view),
                )?;
            }
            Some(_) => {}
        }
        return Ok(());
    }
    if kz == cn
        && kz != ConformityText::Inconclusive
        && let Some(d) = existing.filter(Discrepancy::is_open)
    {
        guarded(Discrepancy::close(
            conn,
            d.id,
            d.version,
            kz,
            ClosedBy::Retest,
        )?)?;
        audit::record(
            conn,
            AuditEntry::new(&system, "discrepancy.closed_by_retest", "discrepancy", d.id)
                .after(json!({ "sample_id": sample.to_string(), "agreed": kz.as_str() })),
        )?;
    }
    Ok(())
}

/// The conformity a resolution stands for, given each side's current verdict.
pub fn meaning(
    outcome: ResolutionOutcome,
    kz: Option<ConformityText>,
    cn: Option<ConformityText>,
) -> Option<ConformityText> {
    match outcome {
        ResolutionOutcome::ArbitrationConforms => Some(ConformityText::Conforms),
        ResolutionOutcome::ArbitrationDoesNotConform => Some(ConformityText::DoesNotConform),
        ResolutionOutcome::AcceptKz => kz,
        ResolutionOutcome::AcceptCn => cn,
    }
}

/// How recording a resolution left the discrepancy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// This side's resolution is recorded; the other side's is awaited.
    Recorded,
    /// Both sides named outcomes that differ: it stays open.
    Contradicted,
    /// Both sides named the same outcome: closed on it.
    Closed(ConformityText),
}

/// A reviewer records (or changes) their side's resolution while the discrepancy is open,
/// from the version the page showed. It closes when both sides' resolutions mean the same
/// conformity; contradictory ones leave it open.
#[allow(clippy::too_many_arguments)]
pub fn resolve(
    conn: &mut DbConn,
    reviewer: &Staff,
    sample: SampleId,
    id: DiscrepancyId,
    version: i32,
    outcome: ResolutionOutcome,
    reason: &str,
) -> Step<Resolution> {
    found(Sample::find_for(conn, reviewer.scope(), sample)?)?;
    let discrepancy = found(Discrepancy::find_in_sample(conn, sample, id)?)?;
    same_version(discrepancy.version, version)?;
    policy::may_resolve(reviewer, &discrepancy).map_err(Halt::Refused)?;
    let side = reviewer.side;
    guarded(Discrepancy::record_resolution(
        conn,
        id,
        version,
        side,
        outcome,
        reason,
        reviewer.id,
    )?)?;
    let actor = reviewer.actor();
    audit::record(
        conn,
        AuditEntry::new(&actor, "discrepancy.resolution_recorded", "discrepancy", id).after(
            json!({ "sample_id": sample.to_string(), "side": side.as_str(), "outcome": outcome.as_str(), "reason": reason }),
        ),
    )?;
    let Some(other) = discrepancy.outcome_of(side.other()) else {
        return Ok(Resolution::Recorded);
    };
    let (kz, cn) = verdicts(conn, sample, discrepancy.test_method_id)?;
    let (mine, theirs) = (meaning(outcome, kz, cn), meaning(other, kz, cn));
    match (mine, theirs) {
        (Some(a), Some(b)) if a == b => {
            guarded(Discrepancy::close(
                conn,
                id,
                version + 1,
                a,
                ClosedBy::Reviewers,
            )?)?;
            audit::record(
                conn,
                AuditEntry::new(&actor, "discrepancy.resolved", "discrepancy", id).after(json!({
                    "sample_id": sample.to_string(),
                    "outcome_kz": if side == Side::Kz { outcome } else { other }.as_str(),
                    "outcome_cn": if side == Side::Cn { outcome } else { other }.as_str(),
                    "agreed": a.as_str(),
                })),
            )?;
            Ok(Resolution::Closed(a))
        }
        _ => Ok(Resolution::Contradicted),
    }
}
