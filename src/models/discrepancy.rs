//! Discrepancies between the two labs: both sides ran the same method on a sample and one
//! result conforms while the other does not. Certification waits until a reviewer of each side
//! has recorded a resolution.

use diesel::prelude::*;
use serde_json::json;

use super::audit::{self, Actor, AuditEntry};
use super::catalog::TestMethodId;
use super::consignment::ConsignmentId;
use super::lab_test::{ConformityText, TestStatus};
use super::sample::SampleId;
use super::{User, UserId};
use crate::db::DbConn;
use crate::db::schema::{discrepancies, samples, tests};
use crate::db::types::UtcTime;
use crate::domain::Side;

crate::typed_id!(
    /// A discrepancy.
    DiscrepancyId
);

crate::text_enum! {
    DiscrepancyStatus {
        Open => "open",
        Resolved => "resolved",
    }
}

crate::text_enum! {
    /// What a side's reviewer settles a discrepancy with: the arbitration test on the
    /// counter-sample, or acceptance of one side's result.
    ResolutionOutcome {
        ArbitrationConforms => "arbitration_conforms",
        ArbitrationDoesNotConform => "arbitration_does_not_conform",
        AcceptKz => "accept_kz",
        AcceptCn => "accept_cn",
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = discrepancies)]
pub struct Discrepancy {
    pub id: DiscrepancyId,
    pub sample_id: SampleId,
    pub test_method_id: TestMethodId,
    pub status: DiscrepancyStatus,
    pub outcome_kz: Option<ResolutionOutcome>,
    pub reason_kz: Option<String>,
    pub resolved_kz_by: Option<UserId>,
    pub outcome_cn: Option<ResolutionOutcome>,
    pub reason_cn: Option<String>,
    pub resolved_cn_by: Option<UserId>,
    pub created_at: UtcTime,
    pub resolved_at: Option<UtcTime>,
    pub version: i32,
}

/// How recording a resolution went.
#[derive(Debug, PartialEq, Eq)]
pub enum ResolutionStep {
    /// This side's resolution is recorded; the other side's is still awaited.
    Recorded,
    /// Both sides have now recorded theirs: the discrepancy is resolved.
    Resolved,
    /// The discrepancy changed since the page was loaded.
    Stale,
    /// Refused by a rule (a catalog key says which).
    Refused(&'static str),
}

impl Discrepancy {
    /// The sample's discrepancies, oldest first.
    pub fn of_sample(conn: &mut DbConn, sample: SampleId) -> QueryResult<Vec<Discrepancy>> {
        discrepancies::table
            .filter(discrepancies::sample_id.eq(sample))
            .select(Discrepancy::as_select())
            .order(discrepancies::created_at)
            .load(conn)
    }

    /// A discrepancy of `sample`; `None` when it does not exist or belongs to another sample.
    pub fn find_in_sample(
        conn: &mut DbConn,
        sample: SampleId,
        id: DiscrepancyId,
    ) -> QueryResult<Option<Discrepancy>> {
        discrepancies::table
            .find(id)
            .filter(discrepancies::sample_id.eq(sample))
            .select(Discrepancy::as_select())
            .first(conn)
            .optional()
    }

    /// What `side`'s reviewer recorded, if they have.
    pub fn outcome_of(&self, side: Side) -> Option<ResolutionOutcome> {
        match side {
            Side::Kz => self.outcome_kz,
            Side::Cn => self.outcome_cn,
        }
    }

    /// The reason `side`'s reviewer gave, if they have recorded a resolution.
    pub fn reason_of(&self, side: Side) -> Option<&str> {
        match side {
            Side::Kz => self.reason_kz.as_deref(),
            Side::Cn => self.reason_cn.as_deref(),
        }
    }

    /// Who recorded `side`'s resolution.
    pub fn resolved_by(&self, side: Side) -> Option<UserId> {
        match side {
            Side::Kz => self.resolved_kz_by,
            Side::Cn => self.resolved_cn_by,
        }
    }

    pub fn is_open(&self) -> bool {
        self.status == DiscrepancyStatus::Open
    }

    /// A reviewer records their side's resolution (only their side's columns), from the
    /// version the page showed. The second side's record resolves the discrepancy.
    #[allow(clippy::too_many_arguments)]
    pub fn resolve(
        conn: &mut DbConn,
        actor: &Actor,
        reviewer: &User,
        sample: SampleId,
        id: DiscrepancyId,
        version: i32,
        outcome: ResolutionOutcome,
        reason: &str,
    ) -> QueryResult<ResolutionStep> {
        let side = reviewer.side.ok_or(diesel::result::Error::NotFound)?;
        let found = Discrepancy::find_in_sample(conn, sample, id)?
            .ok_or(diesel::result::Error::NotFound)?;
        // Checked before the version: a second record by the same side is refused as such,
        // whatever page it came from.
        if found.outcome_of(side).is_some() {
            return Ok(ResolutionStep::Refused("discrepancy.already_recorded"));
        }
        if found.version != version {
            return Ok(ResolutionStep::Stale);
        }
        let other = match side {
            Side::Kz => Side::Cn,
            Side::Cn => Side::Kz,
        };
        let completes = found.outcome_of(other).is_some();
        let (status, resolved_at) = if completes {
            (DiscrepancyStatus::Resolved, Some(UtcTime::now()))
        } else {
            (DiscrepancyStatus::Open, None)
        };
        let target = discrepancies::table
            .find(id)
            .filter(discrepancies::version.eq(version));
        let common = (
            discrepancies::status.eq(status),
            discrepancies::resolved_at.eq(resolved_at),
            discrepancies::version.eq(version + 1),
        );
        let updated = match side {
            Side::Kz => diesel::update(target)
                .set((
                    discrepancies::outcome_kz.eq(Some(outcome)),
                    discrepancies::reason_kz.eq(Some(reason)),
                    discrepancies::resolved_kz_by.eq(Some(reviewer.id)),
                    common,
                ))
                .execute(conn)?,
            Side::Cn => diesel::update(target)
                .set((
                    discrepancies::outcome_cn.eq(Some(outcome)),
                    discrepancies::reason_cn.eq(Some(reason)),
                    discrepancies::resolved_cn_by.eq(Some(reviewer.id)),
                    common,
                ))
                .execute(conn)?,
        };
        if updated == 0 {
            return Ok(ResolutionStep::Stale);
        }
        audit::record(
            conn,
            AuditEntry::new(actor, "discrepancy.resolution_recorded", "discrepancy", id).after(
                json!({ "sample_id": sample.to_string(), "side": side.as_str(), "outcome": outcome.as_str(), "reason": reason }),
            ),
        )?;
        if !completes {
            return Ok(ResolutionStep::Recorded);
        }
        let (kz, cn) = match side {
            Side::Kz => (Some(outcome), found.outcome_cn),
            Side::Cn => (found.outcome_kz, Some(outcome)),
        };
        audit::record(
            conn,
            AuditEntry::new(actor, "discrepancy.resolved", "discrepancy", id).after(
                json!({ "sample_id": sample.to_string(), "outcome_kz": kz.map(|o| o.as_str()), "outcome_cn": cn.map(|o| o.as_str()) }),
            ),
        )?;
        Ok(ResolutionStep::Resolved)
    }
}

/// Whether the sample has a discrepancy still waiting for a resolution (certification of its
/// consignment is blocked while it does).
pub fn open_for_sample(conn: &mut DbConn, sample: SampleId) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        discrepancies::table
            .filter(discrepancies::sample_id.eq(sample))
            .filter(discrepancies::status.eq(DiscrepancyStatus::Open)),
    ))
    .get_result(conn)
}

/// Whether any sample of the consignment has an open discrepancy.
pub fn open_for_consignment(conn: &mut DbConn, consignment: ConsignmentId) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        discrepancies::table
            .inner_join(samples::table)
            .filter(samples::consignment_id.eq(consignment))
            .filter(discrepancies::status.eq(DiscrepancyStatus::Open)),
    ))
    .get_result(conn)
}

/// The open discrepancies still waiting for `side`'s resolution (a side's dashboard).
pub fn awaiting_side(conn: &mut DbConn, side: Side) -> QueryResult<i64> {
    let query = discrepancies::table
        .filter(discrepancies::status.eq(DiscrepancyStatus::Open))
        .into_boxed();
    let query = match side {
        Side::Kz => query.filter(discrepancies::outcome_kz.is_null()),
        Side::Cn => query.filter(discrepancies::outcome_cn.is_null()),
    };
    query.count().get_result(conn)
}

/// Flags a discrepancy when both sides' verified results of `method` on `sample` disagree on
/// conformity. Called in the transaction that verifies a result.
///
/// Each side's current result is its latest test of the method that was neither invalidated
/// nor removed; both must be verified. Conforms against does-not-conform is a discrepancy;
/// an inconclusive result is not. A sample and method are flagged at most once.
pub fn check(conn: &mut DbConn, sample: SampleId, method: TestMethodId) -> QueryResult<()> {
    // Two reviewers verifying the two sides at once must not each miss the other's result
    // (PostgreSQL, read committed): whoever comes second waits here and then sees the first.
    audit::lock_chain(conn)?;
    let current: Vec<(Side, TestStatus, Option<ConformityText>)> = tests::table
        .filter(tests::sample_id.eq(sample))
        .filter(tests::test_method_id.eq(method))
        .filter(tests::status.ne_all([TestStatus::Invalidated, TestStatus::Removed]))
        .select((tests::side, tests::status, tests::conformity))
        .order((tests::created_at.desc(), tests::id.desc()))
        .load(conn)?;
    let verdict = |side: Side| {
        current
            .iter()
            .find(|(s, _, _)| *s == side)
            .filter(|(_, status, _)| *status == TestStatus::Verified)
            .and_then(|(_, _, conformity)| *conformity)
    };
    let (Some(kz), Some(cn)) = (verdict(Side::Kz), verdict(Side::Cn)) else {
        return Ok(());
    };
    let disagree = matches!(
        (kz, cn),
        (ConformityText::Conforms, ConformityText::DoesNotConform)
            | (ConformityText::DoesNotConform, ConformityText::Conforms)
    );
    if !disagree {
        return Ok(());
    }
    let flagged: bool = diesel::select(diesel::dsl::exists(
        discrepancies::table
            .filter(discrepancies::sample_id.eq(sample))
            .filter(discrepancies::test_method_id.eq(method)),
    ))
    .get_result(conn)?;
    if flagged {
        return Ok(());
    }
    let id = DiscrepancyId::new();
    diesel::insert_into(discrepancies::table)
        .values((
            discrepancies::id.eq(id),
            discrepancies::sample_id.eq(sample),
            discrepancies::test_method_id.eq(method),
            discrepancies::status.eq(DiscrepancyStatus::Open),
            discrepancies::created_at.eq(UtcTime::now()),
            discrepancies::version.eq(1),
        ))
        .execute(conn)?;
    audit::record(
        conn,
        AuditEntry::new(
            &Actor::system("discrepancy-check"),
            "discrepancy.flagged",
            "discrepancy",
            id,
        )
        .after(json!({
            "sample_id": sample.to_string(),
            "method_id": method.to_string(),
            "kz": kz.as_str(),
            "cn": cn.as_str(),
        })),
    )?;
    Ok(())
}
