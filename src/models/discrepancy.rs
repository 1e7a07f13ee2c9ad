//! Discrepancies between the two labs: both sides ran the same method on a sample and one
//! result conforms while the other does not. Certification waits until a reviewer of each side
//! has recorded a resolution.

pub use crate::db::ids::DiscrepancyId;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::ids::{ConsignmentId, SampleId, TestMethodId, UserId};
use crate::db::schema::{discrepancies, samples};
use crate::db::types::UtcTime;
use crate::domain::Side;
use crate::domain::measure::ConformityText;

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
    /// The conformity both sides agreed on, once closed.
    pub agreed: Option<ConformityText>,
    pub closed_by: Option<ClosedBy>,
}

crate::text_enum! {
    /// How a discrepancy was closed: both reviewers named the same outcome, or a retest
    /// brought both sides to the same conformity.
    ClosedBy {
        Reviewers => "reviewers",
        Retest => "retest",
    }
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

    /// The discrepancy of a method on a sample, open or not.
    pub fn of_method(
        conn: &mut DbConn,
        sample: SampleId,
        method: TestMethodId,
    ) -> QueryResult<Option<Discrepancy>> {
        discrepancies::table
            .filter(discrepancies::sample_id.eq(sample))
            .filter(discrepancies::test_method_id.eq(method))
            .select(Discrepancy::as_select())
            .first(conn)
            .optional()
    }

    /// Flags a new open discrepancy (the unique index on sample and method refuses a twin).
    pub fn insert_open(
        conn: &mut DbConn,
        sample: SampleId,
        method: TestMethodId,
    ) -> QueryResult<DiscrepancyId> {
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
        Ok(id)
    }

    /// Records `side`'s resolution (replacing an earlier one of that side), from the version
    /// the page showed.
    #[allow(clippy::too_many_arguments)]
    pub fn record_resolution(
        conn: &mut DbConn,
        id: DiscrepancyId,
        version: i32,
        side: Side,
        outcome: ResolutionOutcome,
        reason: &str,
        by: UserId,
    ) -> QueryResult<bool> {
        let target = discrepancies::table
            .find(id)
            .filter(discrepancies::version.eq(version))
            .filter(discrepancies::status.eq(DiscrepancyStatus::Open));
        let updated = match side {
            Side::Kz => diesel::update(target)
                .set((
                    discrepancies::outcome_kz.eq(Some(outcome)),
                    discrepancies::reason_kz.eq(Some(reason)),
                    discrepancies::resolved_kz_by.eq(Some(by)),
                    discrepancies::version.eq(version + 1),
                ))
                .execute(conn)?,
            Side::Cn => diesel::update(target)
                .set((
                    discrepancies::outcome_cn.eq(Some(outcome)),
                    discrepancies::reason_cn.eq(Some(reason)),
                    discrepancies::resolved_cn_by.eq(Some(by)),
                    discrepancies::version.eq(version + 1),
                ))
                .execute(conn)?,
        };
        Ok(updated == 1)
    }

    /// Closes an open discrepancy on the outcome both sides agree on.
    pub fn close(
        conn: &mut DbConn,
        id: DiscrepancyId,
        version: i32,
        agreed: ConformityText,
        by: ClosedBy,
    ) -> QueryResult<bool> {
        let updated = diesel::update(
            discrepancies::table
                .find(id)
                .filter(discrepancies::version.eq(version))
                .filter(discrepancies::status.eq(DiscrepancyStatus::Open)),
        )
        .set((
            discrepancies::status.eq(DiscrepancyStatus::Resolved),
            discrepancies::agreed.eq(Some(agreed)),
            discrepancies::closed_by.eq(Some(by)),
            discrepancies::resolved_at.eq(Some(UtcTime::now())),
            discrepancies::version.eq(version + 1),
        ))
        .execute(conn)?;
        Ok(updated == 1)
    }

    /// Opens a closed discrepancy again (the sides disagree once more): earlier resolutions
    /// no longer apply.
    pub fn reopen(conn: &mut DbConn, id: DiscrepancyId, version: i32) -> QueryResult<bool> {
        let updated = diesel::update(
            discrepancies::table
                .find(id)
                .filter(discrepancies::version.eq(version))
                .filter(discrepancies::status.eq(DiscrepancyStatus::Resolved)),
        )
        .set((
            discrepancies::status.eq(DiscrepancyStatus::Open),
            discrepancies::outcome_kz.eq(None::<ResolutionOutcome>),
            discrepancies::reason_kz.eq(None::<String>),
            discrepancies::resolved_kz_by.eq(None::<UserId>),
            discrepancies::outcome_cn.eq(None::<ResolutionOutcome>),
            discrepancies::reason_cn.eq(None::<String>),
            discrepancies::resolved_cn_by.eq(None::<UserId>),
            discrepancies::agreed.eq(None::<ConformityText>),
            discrepancies::closed_by.eq(None::<ClosedBy>),
            discrepancies::resolved_at.eq(None::<UtcTime>),
            discrepancies::version.eq(version + 1),
        ))
        .execute(conn)?;
        Ok(updated == 1)
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
