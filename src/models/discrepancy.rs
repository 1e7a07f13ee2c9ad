//! Discrepancies between the two labs: both sides ran the same method on a sample and one
//! result conforms while the other does not. Certification waits until a reviewer of each side
//! has recorded a resolution.

use diesel::prelude::*;

use super::UserId;
use super::catalog::TestMethodId;
use super::sample::SampleId;
use crate::db::DbConn;
use crate::db::schema::discrepancies;
use crate::db::types::UtcTime;

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

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = discrepancies)]
pub struct Discrepancy {
    pub id: DiscrepancyId,
    pub sample_id: SampleId,
    pub test_method_id: TestMethodId,
    pub status: DiscrepancyStatus,
    pub outcome_kz: Option<String>,
    pub reason_kz: Option<String>,
    pub resolved_kz_by: Option<UserId>,
    pub outcome_cn: Option<String>,
    pub reason_cn: Option<String>,
    pub resolved_cn_by: Option<UserId>,
    pub created_at: UtcTime,
    pub resolved_at: Option<UtcTime>,
    pub version: i32,
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
}

/// Flags a discrepancy when both sides' verified results of `method` on `sample` disagree on
/// conformity. Called in the transaction that verifies a result.
pub fn check(_conn: &mut DbConn, _sample: SampleId, _method: TestMethodId) -> QueryResult<()> {
    // Filled in by the discrepancy work (issue 4, item 6).
    Ok(())
}
