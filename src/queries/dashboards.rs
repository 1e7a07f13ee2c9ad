//! The home pages' counts that open a filtered list: each counts exactly the rows its tile's
//! link shows (the list's own query, or the same conditions).

use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{applications, discrepancies, samples};
use crate::domain::{Scope, Side};
use crate::models::application::ApplicationStatus;

/// Applications in `status` that `scope` may see (`/applications?status=…`).
pub fn applications_in(
    conn: &mut DbConn,
    scope: Scope,
    status: ApplicationStatus,
) -> QueryResult<i64> {
    let mut query = applications::table
        .filter(applications::status.eq(status))
        .count()
        .into_boxed();
    if let Some(company) = scope.company() {
        query = query.filter(applications::exporter_id.eq(company));
    }
    query.get_result(conn)
}

/// Samples with an open discrepancy between the labs (`/samples?discrepancy=open`).
pub fn samples_in_discrepancy(conn: &mut DbConn) -> QueryResult<i64> {
    samples::table
        .filter(
            samples::id.eq_any(
                discrepancies::table
                    .filter(discrepancies::status.eq("open"))
                    .select(discrepancies::sample_id),
            ),
        )
        .count()
        .get_result(conn)
}

/// The tests on `side`'s bench and in its review queue, as `/bench` and `/review` list them.
pub fn bench_and_review(conn: &mut DbConn, side: Side) -> QueryResult<(i64, i64)> {
    use crate::models::lab_test::TestStatus;
    use crate::queries::testing::queue_totals;
    let total = |totals: Vec<(_, i64)>| totals.into_iter().map(|(_, n)| n).sum::<i64>();
    Ok((
        total(queue_totals(conn, side, TestStatus::Pending)?),
        total(queue_totals(conn, side, TestStatus::Entered)?),
    ))
}
