//! Chain of custody: append-only events for a sample and its portions, and the actions that
//! write them (hand-over, receipt by a side, disposal, cancellation), each guarded by the
//! sample's version so a stale form never overwrites someone else's step.

use diesel::prelude::*;
use serde_json::json;

use super::audit::{self, Actor, AuditEntry};
use super::lab_test::LabTest;
use super::sample::{PortionKind, PortionStatus, Sample, SampleId, SampleStatus};
use super::{User, UserId};
use crate::db::DbConn;
use crate::db::schema::{consignments, custody_events, sample_portions, samples};
use crate::db::types::UtcTime;
use crate::domain::Side;

crate::typed_id!(
    /// A custody event.
    CustodyEventId
);

crate::text_enum! {
    CustodyKind {
        Drawn => "drawn",
        Sealed => "sealed",
        HandedOver => "handed_over",
        Received => "received",
        Accepted => "accepted",
        Rejected => "rejected",
        Disposed => "disposed",
        Cancelled => "cancelled",
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = custody_events)]
pub struct CustodyEvent {
    pub id: CustodyEventId,
    pub sample_id: SampleId,
    pub portion: Option<PortionKind>,
    pub kind: CustodyKind,
    pub from_party: Option<String>,
    pub to_party: Option<String>,
    pub seal_intact: Option<bool>,
    pub temperature_c: Option<String>,
    pub reason: Option<String>,
    pub actor_id: UserId,
    pub side: Option<Side>,
    pub at: UtcTime,
}

/// An event about to be appended.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = custody_events)]
pub struct NewCustody {
    id: CustodyEventId,
    sample_id: SampleId,
    portion: Option<PortionKind>,
    kind: CustodyKind,
    from_party: Option<String>,
    to_party: Option<String>,
    seal_intact: Option<bool>,
    temperature_c: Option<String>,
    reason: Option<String>,
    actor_id: UserId,
    side: Option<Side>,
    at: UtcTime,
}

impl NewCustody {
    pub fn new(sample: SampleId, kind: CustodyKind, actor: UserId) -> Self {
        NewCustody {
            id: CustodyEventId::new(),
            sample_id: sample,
            portion: None,
            kind,
            from_party: None,
            to_party: None,
            seal_intact: None,
            temperature_c: None,
            reason: None,
            actor_id: actor,
            side: None,
            at: UtcTime::now(),
        }
    }

    pub fn portion(mut self, portion: PortionKind) -> Self {
        self.portion = Some(portion);
        self
    }

    pub fn from(mut self, party: &str) -> Self {
        self.from_party = Some(party.to_owned());
        self
    }

    pub fn to(mut self, party: &str) -> Self {
        self.to_party = Some(party.to_owned());
        self
    }

    pub fn at(mut self, at: UtcTime) -> Self {
        self.at = at;
        self
    }

    pub fn side(mut self, side: Option<Side>) -> Self {
        self.side = side;
        self
    }

    pub fn reason(mut self, reason: Option<&str>) -> Self {
        self.reason = reason.map(str::to_owned);
        self
    }

    pub fn condition(mut self, seal_intact: bool, temperature_c: Option<&str>) -> Self {
        self.seal_intact = Some(seal_intact);
        self.temperature_c = temperature_c.map(str::to_owned);
        self
    }
}

impl CustodyEvent {
    pub fn append(conn: &mut DbConn, event: &NewCustody) -> QueryResult<()> {
        diesel::insert_into(custody_events::table)
            .values(event)
            .execute(conn)?;
        Ok(())
    }

    /// The sample's custody, oldest first.
    pub fn of_sample(conn: &mut DbConn, sample: SampleId) -> QueryResult<Vec<CustodyEvent>> {
        custody_events::table
            .filter(custody_events::sample_id.eq(sample))
            .select(CustodyEvent::as_select())
            .order((custody_events::at, custody_events::id))
            .load(conn)
    }
}

/// A side's record of a portion arriving.
#[derive(Debug, Clone)]
pub struct Receipt {
    pub seal_intact: bool,
    /// Degrees Celsius as typed (may be negative), canonical decimal text.
    pub temperature_c: Option<String>,
    /// `None` accepts the portion; `Some(reason)` rejects it as unfit.
    pub rejection: Option<String>,
}

/// How a custody action went.
#[derive(Debug, PartialEq, Eq)]
pub enum Step {
    Done,
    /// The sample changed since the form was loaded.
    Stale,
    /// Not possible in the portion's or sample's present state (a catalog key says why).
    Refused(&'static str),
}

/// The sample as the form saw it, or `None` when it changed since (or does not exist).
fn current(conn: &mut DbConn, id: SampleId, version: i32) -> QueryResult<Option<Sample>> {
    let sample: Option<Sample> = samples::table
        .find(id)
        .select(Sample::as_select())
        .first(conn)
        .optional()?;
    Ok(sample.filter(|s| s.version == version))
}

/// Takes the sample's next version; false when another transaction took it first.
fn claim(conn: &mut DbConn, id: SampleId, version: i32) -> QueryResult<bool> {
    let updated = diesel::update(samples::table.find(id).filter(samples::version.eq(version)))
        .set(samples::version.eq(version + 1))
        .execute(conn)?;
    Ok(updated == 1)
}

fn portion_state(
    conn: &mut DbConn,
    id: SampleId,
    portion: PortionKind,
) -> QueryResult<(PortionStatus, String)> {
    sample_portions::table
        .filter(sample_portions::sample_id.eq(id))
        .filter(sample_portions::portion.eq(portion))
        .select((sample_portions::status, sample_portions::holder))
        .first(conn)
}

fn set_portion(
    conn: &mut DbConn,
    id: SampleId,
    portion: PortionKind,
    status: PortionStatus,
    holder: &str,
) -> QueryResult<()> {
    diesel::update(
        sample_portions::table
            .filter(sample_portions::sample_id.eq(id))
            .filter(sample_portions::portion.eq(portion)),
    )
    .set((
        sample_portions::status.eq(status),
        sample_portions::holder.eq(holder),
        sample_portions::version.eq(sample_portions::version + 1),
    ))
    .execute(conn)?;
    Ok(())
}

fn is_closed(sample: &Sample) -> bool {
    matches!(
        sample.status,
        SampleStatus::Cancelled | SampleStatus::Rejected | SampleStatus::Closed
    )
}

/// Hands a sealed portion over to `to` (a lab side, or the counter-sample store).
pub fn hand_over(
    conn: &mut DbConn,
    actor: &Actor,
    by: &User,
    id: SampleId,
    version: i32,
    portion: PortionKind,
    to: &str,
) -> QueryResult<Step> {
    let Some(sample) = current(conn, id, version)? else {
        return Ok(Step::Stale);
    };
    let (status, holder) = portion_state(conn, id, portion)?;
    if is_closed(&sample) || !matches!(status, PortionStatus::Sealed | PortionStatus::HandedOver) {
        return Ok(Step::Refused("custody.not_possible"));
    }
    if !claim(conn, id, version)? {
        return Ok(Step::Stale);
    }
    set_portion(conn, id, portion, PortionStatus::HandedOver, to)?;
    CustodyEvent::append(
        conn,
        &NewCustody::new(id, CustodyKind::HandedOver, by.id)
            .portion(portion)
            .from(&holder)
            .to(to)
            .side(by.side),
    )?;
    audit::record(
        conn,
        AuditEntry::new(actor, "sample.handed_over", "sample", id)
            .after(json!({ "portion": portion.as_str(), "from": holder, "to": to })),
    )?;
    Ok(Step::Done)
}

/// A side records the arrival of its own portion, its condition, and accepts or rejects it.
/// The caller has checked that `by` belongs to the portion's side.
pub fn receive(
    conn: &mut DbConn,
    actor: &Actor,
    by: &User,
    id: SampleId,
    version: i32,
    portion: PortionKind,
    receipt: &Receipt,
) -> QueryResult<Step> {
    let Some(sample) = current(conn, id, version)? else {
        return Ok(Step::Stale);
    };
    let (status, holder) = portion_state(conn, id, portion)?;
    if is_closed(&sample) || !matches!(status, PortionStatus::Sealed | PortionStatus::HandedOver) {
        return Ok(Step::Refused("custody.not_possible"));
    }
    if !claim(conn, id, version)? {
        return Ok(Step::Stale);
    }
    let lab = portion.destination();
    let received = NewCustody::new(id, CustodyKind::Received, by.id)
        .portion(portion)
        .from(&holder)
        .to(lab)
        .side(by.side)
        .condition(receipt.seal_intact, receipt.temperature_c.as_deref());
    CustodyEvent::append(conn, &received)?;
    let (kind, new_status) = match &receipt.rejection {
        None => (CustodyKind::Accepted, PortionStatus::Received),
        Some(_) => (CustodyKind::Rejected, PortionStatus::Rejected),
    };
    CustodyEvent::append(
        conn,
        &NewCustody::new(id, kind, by.id)
            .portion(portion)
            .side(by.side)
            .reason(receipt.rejection.as_deref()),
    )?;
    set_portion(conn, id, portion, new_status, lab)?;
    // An accepted lab portion goes on that side's bench with the commodity's default panel.
    if let (None, Some(side)) = (&receipt.rejection, portion.side()) {
        let commodity = samples::table
            .inner_join(consignments::table)
            .filter(samples::id.eq(id))
            .select(consignments::commodity_id)
            .first(conn)?;
        LabTest::create_panel(conn, id, commodity, side)?;
    }
    let sample_status = derive_status(conn, id)?;
    diesel::update(samples::table.find(id))
        .set(samples::status.eq(sample_status))
        .execute(conn)?;
    audit::record(
        conn,
        AuditEntry::new(
            actor,
            if receipt.rejection.is_some() {
                "sample.portion_rejected"
            } else {
                "sample.portion_received"
            },
            "sample",
            id,
        )
        .after(json!({
            "portion": portion.as_str(),
            "seal_intact": receipt.seal_intact,
            "temperature_c": receipt.temperature_c,
            "reason": receipt.rejection,
            "sample_status": sample_status.as_str(),
        })),
    )?;
    Ok(Step::Done)
}

/// The intake status of a sample from its portions: rejected when a lab rejected its
/// portion as unfit, received when both labs accepted theirs, registered before.
fn derive_status(conn: &mut DbConn, id: SampleId) -> QueryResult<SampleStatus> {
    let states: Vec<(PortionKind, PortionStatus)> = sample_portions::table
        .filter(sample_portions::sample_id.eq(id))
        .select((sample_portions::portion, sample_portions::status))
        .load(conn)?;
    let lab = |k: PortionKind| states.iter().find(|(p, _)| *p == k).map(|(_, s)| *s);
    Ok(match (lab(PortionKind::Kz), lab(PortionKind::Cn)) {
        (Some(PortionStatus::Rejected), _) | (_, Some(PortionStatus::Rejected)) => {
            SampleStatus::Rejected
        }
        (Some(PortionStatus::Received), Some(PortionStatus::Received)) => SampleStatus::Received,
        _ => SampleStatus::Registered,
    })
}

/// Records that a portion was disposed of (after testing or arbitration), with a reason.
pub fn dispose(
    conn: &mut DbConn,
    actor: &Actor,
    by: &User,
    id: SampleId,
    version: i32,
    portion: PortionKind,
    reason: &str,
) -> QueryResult<Step> {
    if current(conn, id, version)?.is_none() {
        return Ok(Step::Stale);
    }
    let (status, holder) = portion_state(conn, id, portion)?;
    if status == PortionStatus::Disposed {
        return Ok(Step::Refused("custody.not_possible"));
    }
    if !claim(conn, id, version)? {
        return Ok(Step::Stale);
    }
    set_portion(conn, id, portion, PortionStatus::Disposed, &holder)?;
    CustodyEvent::append(
        conn,
        &NewCustody::new(id, CustodyKind::Disposed, by.id)
            .portion(portion)
            .from(&holder)
            .side(by.side)
            .reason(Some(reason)),
    )?;
    audit::record(
        conn,
        AuditEntry::new(actor, "sample.portion_disposed", "sample", id)
            .after(json!({ "portion": portion.as_str(), "reason": reason })),
    )?;
    Ok(Step::Done)
}

/// Cancels a sample registered by mistake (before any lab received it), with a reason.
pub fn cancel(
    conn: &mut DbConn,
    actor: &Actor,
    by: &User,
    id: SampleId,
    version: i32,
    reason: &str,
) -> QueryResult<Step> {
    let Some(sample) = current(conn, id, version)? else {
        return Ok(Step::Stale);
    };
    if sample.status != SampleStatus::Registered {
        return Ok(Step::Refused("custody.not_possible"));
    }
    if !claim(conn, id, version)? {
        return Ok(Step::Stale);
    }
    diesel::update(samples::table.find(id))
        .set(samples::status.eq(SampleStatus::Cancelled))
        .execute(conn)?;
    CustodyEvent::append(
        conn,
        &NewCustody::new(id, CustodyKind::Cancelled, by.id)
            .side(by.side)
            .reason(Some(reason)),
    )?;
    audit::record(
        conn,
        AuditEntry::new(actor, "sample.cancelled", "sample", id).after(json!({ "reason": reason })),
    )?;
    Ok(Step::Done)
}
