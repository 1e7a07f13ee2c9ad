//! Chain of custody: append-only events for a sample and its portions. The actions that
//! write them are workflows (`workflows::custody`).

pub use crate::db::ids::CustodyEventId;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::ids::{SampleId, UserId};
use crate::db::schema::custody_events;
use crate::db::types::UtcTime;
use crate::domain::Side;
use crate::domain::intake::PortionKind;

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
