//! Custody: a registrar hands a portion over, records its side's receipt (accepting it onto
//! the bench or rejecting it as unfit), disposes of a portion, or cancels a sample. Every step
//! takes the sample's next version, so of two parallel steps only one commits.

use serde_json::json;

use super::{Halt, Step, found, guarded, same_version, testing};
use crate::auth::policy::{self, DisposalContext, Staff};
use crate::db::DbConn;
use crate::models::audit::{self, AuditEntry};
use crate::models::consignment::Consignment;
use crate::models::custody::{CustodyEvent, CustodyKind, NewCustody};
use crate::models::discrepancy;
use crate::models::lab_test::LabTest;
use crate::models::sample::{Portion, PortionKind, PortionStatus, Sample, SampleId, SampleStatus};

/// A side's record of a portion arriving.
#[derive(Debug, Clone)]
pub struct Receipt {
    pub seal_intact: bool,
    /// Degrees Celsius as typed (may be negative), canonical decimal text.
    pub temperature_c: Option<String>,
    /// `None` accepts the portion; `Some(reason)` rejects it as unfit.
    pub rejection: Option<String>,
}

/// The sample as the form saw it, claimed for this step (its next version taken first, so
/// that on PostgreSQL a parallel step waits here and then finds the version gone: 409, rather
/// than reading portions another transaction has just moved), and the portion asked about.
fn claim(
    conn: &mut DbConn,
    staff: &Staff,
    id: SampleId,
    version: i32,
    kind: Option<PortionKind>,
) -> Step<(Sample, Vec<Portion>, Option<Portion>)> {
    let sample = found(Sample::find_for(conn, staff.scope(), id)?)?;
    same_version(sample.version, version)?;
    guarded(Sample::claim(conn, id, version)?)?;
    let portions = Sample::portions(conn, id)?;
    let portion = match kind {
        Some(k) => Some(found(portions.iter().find(|p| p.portion == k).cloned())?),
        None => None,
    };
    Ok((sample, portions, portion))
}

/// Hands a portion sealed at reception over to its lab (or the counter-sample store).
pub fn hand_over(
    conn: &mut DbConn,
    staff: &Staff,
    id: SampleId,
    version: i32,
    kind: PortionKind,
) -> Step<()> {
    let (sample, _, portion) = claim(conn, staff, id, version, Some(kind))?;
    let portion = portion.expect("asked for a portion");
    policy::may_hand_over(staff, &sample, &portion).map_err(Halt::Refused)?;
    let to = kind.destination();
    Portion::set(conn, id, kind, PortionStatus::HandedOver, to)?;
    CustodyEvent::append(
        conn,
        &NewCustody::new(id, CustodyKind::HandedOver, staff.id)
            .portion(kind)
            .from(&portion.holder)
            .to(to)
            .side(Some(staff.side)),
    )?;
    audit::record(
        conn,
        AuditEntry::new(&staff.actor(), "sample.handed_over", "sample", id)
            .after(json!({ "portion": kind.as_str(), "from": portion.holder, "to": to })),
    )?;
    Ok(())
}

/// A side records the arrival of its own portion and accepts it (its panel goes on the
/// bench) or rejects it as unfit (the sample can no longer be certified: the other side's
/// unfinished tests are withdrawn with the reason, and a replacement may be drawn).
pub fn receive(
    conn: &mut DbConn,
    staff: &Staff,
    id: SampleId,
    version: i32,
    receipt: &Receipt,
    site: &crate::mail::Site,
) -> Step<()> {
    let kind = match staff.side {
        crate::domain::Side::Kz => PortionKind::Kz,
        crate::domain::Side::Cn => PortionKind::Cn,
    };
    let (sample, portions, portion) = claim(conn, staff, id, version, Some(kind))?;
    let portion = portion.expect("asked for a portion");
    policy::may_receive(staff, &sample, &portion).map_err(Halt::Refused)?;
    let lab = kind.destination();
    CustodyEvent::append(
        conn,
        &NewCustody::new(id, CustodyKind::Received, staff.id)
            .portion(kind)
            .from(&portion.holder)
            .to(lab)
            .side(Some(staff.side))
            .condition(receipt.seal_intact, receipt.temperature_c.as_deref()),
    )?;
    let (event, status) = match &receipt.rejection {
        None => (CustodyKind::Accepted, PortionStatus::Received),
        Some(_) => (CustodyKind::Rejected, PortionStatus::Rejected),
    };
    CustodyEvent::append(
        conn,
        &NewCustody::new(id, event, staff.id)
            .portion(kind)
            .side(Some(staff.side))
            .reason(receipt.rejection.as_deref()),
    )?;
    Portion::set(conn, id, kind, status, lab)?;
    let actor = staff.actor();
    let sample_status = match &receipt.rejection {
        None => {
            let consignment = found(Consignment::find_for(
                conn,
                staff.scope(),
                sample.consignment_id,
            )?)?;
            testing::put_panel_on_bench(conn, id, consignment.commodity_id, staff.side)?;
            let other_received = portions.iter().any(|p| {
                p.portion.side().is_some_and(|s| s != staff.side)
                    && p.status == PortionStatus::Received
            });
            if other_received {
                SampleStatus::Received
            } else {
                SampleStatus::Registered
            }
        }
        Some(reason) => {
            let other = staff.side.other();
            let withdrawn = LabTest::withdraw_unfinished(conn, id, other, reason)?;
            for test in &withdrawn {
                audit::record(
                    conn,
                    AuditEntry::new(&actor, "test.withdrawn", "test", test).after(
                        json!({ "sample_id": id.to_string(), "reason": reason, "portion_rejected": kind.as_str() }),
                    ),
                )?;
            }
            SampleStatus::Rejected
        }
    };
    Sample::set_status(conn, id, sample_status)?;
    if sample_status == SampleStatus::Received {
        testing::refresh_status(conn, id)?;
    } else {
        testing::refresh_consignment(conn, sample.consignment_id)?;
    }
    audit::record(
        conn,
        AuditEntry::new(
            &actor,
            if receipt.rejection.is_some() {
                "sample.portion_rejected"
            } else {
                "sample.portion_received"
            },
            "sample",
            id,
        )
        .after(json!({
            "portion": kind.as_str(),
            "seal_intact": receipt.seal_intact,
            "temperature_c": receipt.temperature_c,
            "reason": receipt.rejection,
            "sample_status": sample_status.as_str(),
        })),
    )?;
    if receipt.rejection.is_none() {
        super::notices::portion_received(conn, site, &sample, staff.side)?;
    }
    Ok(())
}

/// What the disposal rule needs to know about a portion.
pub fn disposal_context(
    conn: &mut DbConn,
    sample: SampleId,
    kind: PortionKind,
) -> diesel::QueryResult<DisposalContext> {
    Ok(DisposalContext {
        open_discrepancy: kind == PortionKind::Counter
            && discrepancy::open_for_sample(conn, sample)?,
        tests_running: match kind.side() {
            Some(side) => LabTest::running(conn, sample, side)?,
            None => false,
        },
    })
}

/// Records that a portion was disposed of, with a reason.
pub fn dispose(
    conn: &mut DbConn,
    staff: &Staff,
    id: SampleId,
    version: i32,
    kind: PortionKind,
    reason: &str,
) -> Step<()> {
    let (_, _, portion) = claim(conn, staff, id, version, Some(kind))?;
    let portion = portion.expect("asked for a portion");
    let context = disposal_context(conn, id, kind)?;
    policy::may_dispose(staff, &portion, context).map_err(Halt::Refused)?;
    Portion::set(conn, id, kind, PortionStatus::Disposed, &portion.holder)?;
    CustodyEvent::append(
        conn,
        &NewCustody::new(id, CustodyKind::Disposed, staff.id)
            .portion(kind)
            .from(&portion.holder)
            .side(Some(staff.side))
            .reason(Some(reason)),
    )?;
    audit::record(
        conn,
        AuditEntry::new(&staff.actor(), "sample.portion_disposed", "sample", id)
            .after(json!({ "portion": kind.as_str(), "from": portion.holder, "reason": reason })),
    )?;
    Ok(())
}

/// Cancels a sample registered by mistake, while no side has received its portion.
pub fn cancel(
    conn: &mut DbConn,
    staff: &Staff,
    id: SampleId,
    version: i32,
    reason: &str,
) -> Step<()> {
    let (sample, portions, _) = claim(conn, staff, id, version, None)?;
    policy::may_cancel(staff, &sample, &portions).map_err(Halt::Refused)?;
    Sample::set_status(conn, id, SampleStatus::Cancelled)?;
    CustodyEvent::append(
        conn,
        &NewCustody::new(id, CustodyKind::Cancelled, staff.id)
            .side(Some(staff.side))
            .reason(Some(reason)),
    )?;
    testing::refresh_consignment(conn, sample.consignment_id)?;
    audit::record(
        conn,
        AuditEntry::new(&staff.actor(), "sample.cancelled", "sample", id)
            .after(json!({ "reason": reason })),
    )?;
    Ok(())
}
