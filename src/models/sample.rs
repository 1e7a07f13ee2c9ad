//! Samples drawn from a consignment, each sealed and split into a Kazakh portion, a Chinese
//! portion and a counter-sample kept for arbitration.

use chrono::Datelike;
use diesel::prelude::*;
use serde_json::json;

use super::audit::{self, Actor, AuditEntry};
use super::consignment::{Consignment, ConsignmentId};
use super::custody::{CustodyEvent, CustodyKind, NewCustody};
use super::{User, UserId, counter};
use crate::db::DbConn;
use crate::db::schema::{consignments, exporters, sample_portions, samples};
use crate::db::types::UtcTime;
use crate::domain::{DecimalText, Role, Side};

crate::typed_id!(
    /// A sample.
    SampleId
);
crate::typed_id!(
    /// A portion of a sample.
    PortionId
);

crate::text_enum! {
    /// DESIGN.md, sample lifecycle.
    SampleStatus {
        Registered => "registered",
        Received => "received",
        InTesting => "in_testing",
        Tested => "tested",
        Closed => "closed",
        Rejected => "rejected",
        Cancelled => "cancelled",
    }
}

crate::text_enum! {
    MassUnit {
        Grams => "g",
        Kilograms => "kg",
    }
}

crate::text_enum! {
    Storage {
        Ambient => "ambient",
        Chilled => "chilled",
        Frozen => "frozen",
    }
}

crate::text_enum! {
    /// The three parts a sample is split into.
    PortionKind {
        Kz => "kz",
        Cn => "cn",
        Counter => "counter",
    }
}

impl PortionKind {
    /// Where a portion goes when handed over: its side's lab, or the counter-sample store.
    pub fn destination(self) -> &'static str {
        match self {
            PortionKind::Kz => "kz",
            PortionKind::Cn => "cn",
            PortionKind::Counter => "counter_store",
        }
    }

    /// The lab side a portion belongs to (the counter-sample belongs to neither).
    pub fn side(self) -> Option<Side> {
        match self {
            PortionKind::Kz => Some(Side::Kz),
            PortionKind::Cn => Some(Side::Cn),
            PortionKind::Counter => None,
        }
    }
}

crate::text_enum! {
    PortionStatus {
        Sealed => "sealed",
        HandedOver => "handed_over",
        Received => "received",
        Rejected => "rejected",
        Disposed => "disposed",
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = samples)]
pub struct Sample {
    pub id: SampleId,
    pub code: String,
    pub consignment_id: ConsignmentId,
    pub seal_number: String,
    pub mass: String,
    pub mass_unit: MassUnit,
    pub storage: Storage,
    pub drawn_at: UtcTime,
    pub drawn_by: String,
    pub status: SampleStatus,
    pub created_by: UserId,
    pub created_at: UtcTime,
    pub version: i32,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = sample_portions)]
pub struct Portion {
    pub id: PortionId,
    pub sample_id: SampleId,
    pub portion: PortionKind,
    pub status: PortionStatus,
    pub holder: String,
    pub version: i32,
}

/// A sample as the registration form describes it, validated.
#[derive(Debug, Clone)]
pub struct NewSample {
    pub seal_number: String,
    pub mass: DecimalText,
    pub mass_unit: MassUnit,
    pub storage: Storage,
    pub drawn_at: UtcTime,
    pub drawn_by: String,
}

/// Where every portion starts: sealed at the joint lab's reception.
pub const RECEPTION: &str = "reception";

/// Filters of the sample list.
pub type SampleFilter = super::listing::IntakeFilter<SampleId, SampleStatus>;

impl Sample {
    /// Registers a sample with the next gapless `JL-YYYY-NNNNNN` code, its three sealed
    /// portions and its first custody events, and audits it (inside the caller's transaction).
    pub fn register(
        conn: &mut DbConn,
        actor: &Actor,
        by: UserId,
        consignment: ConsignmentId,
        new: &NewSample,
    ) -> QueryResult<Sample> {
        let now = UtcTime::now();
        let year = now.0.year();
        let code = counter::format("JL", year, counter::next(conn, "sample", year)?);
        let sample: Sample = diesel::insert_into(samples::table)
            .values((
                samples::id.eq(SampleId::new()),
                samples::code.eq(&code),
                samples::consignment_id.eq(consignment),
                samples::seal_number.eq(&new.seal_number),
                samples::mass.eq(new.mass.as_str()),
                samples::mass_unit.eq(new.mass_unit),
                samples::storage.eq(new.storage),
                samples::drawn_at.eq(new.drawn_at),
                samples::drawn_by.eq(&new.drawn_by),
                samples::status.eq(SampleStatus::Registered),
                samples::created_by.eq(by),
                samples::created_at.eq(now),
                samples::version.eq(1),
            ))
            .returning(samples::all_columns)
            .get_result(conn)?;
        for kind in PortionKind::ALL {
            diesel::insert_into(sample_portions::table)
                .values((
                    sample_portions::id.eq(PortionId::new()),
                    sample_portions::sample_id.eq(sample.id),
                    sample_portions::portion.eq(kind),
                    sample_portions::status.eq(PortionStatus::Sealed),
                    sample_portions::holder.eq(RECEPTION),
                    sample_portions::version.eq(1),
                ))
                .execute(conn)?;
        }
        let drawn = NewCustody::new(sample.id, CustodyKind::Drawn, by)
            .to(&new.drawn_by)
            .at(new.drawn_at);
        CustodyEvent::append(conn, &drawn)?;
        CustodyEvent::append(
            conn,
            &NewCustody::new(sample.id, CustodyKind::Sealed, by).to(&new.seal_number),
        )?;
        Consignment::mark_sampled(conn, consignment)?;
        audit::record(
            conn,
            AuditEntry::new(actor, "sample.registered", "sample", sample.id).after(json!({
                "code": code,
                "consignment_id": consignment.to_string(),
                "seal_number": new.seal_number,
                "mass": format!("{} {}", new.mass.as_str(), new.mass_unit),
                "storage": new.storage.as_str(),
                "drawn_at": new.drawn_at.to_canonical(),
                "drawn_by": new.drawn_by,
            })),
        )?;
        Ok(sample)
    }

    /// The sample if `user` may see it (an exporter: only their company's).
    pub fn find_for(conn: &mut DbConn, user: &User, id: SampleId) -> QueryResult<Option<Sample>> {
        let mut query = samples::table
            .inner_join(consignments::table)
            .filter(samples::id.eq(id))
            .select(Sample::as_select())
            .into_boxed();
        if user.role == Role::Exporter {
            match user.exporter_id {
                Some(company) => query = query.filter(consignments::exporter_id.eq(company)),
                None => return Ok(None),
            }
        }
        query.first(conn).optional()
    }

    pub fn of_consignment(
        conn: &mut DbConn,
        consignment: ConsignmentId,
    ) -> QueryResult<Vec<Sample>> {
        samples::table
            .filter(samples::consignment_id.eq(consignment))
            .select(Sample::as_select())
            .order(samples::code)
            .load(conn)
    }

    /// One page of the samples `user` may see, with their consignments.
    pub fn list_for(
        conn: &mut DbConn,
        user: &User,
        filter: &SampleFilter,
        limit: i64,
    ) -> QueryResult<Vec<(Sample, Consignment)>> {
        let mut query = samples::table
            .inner_join(consignments::table.inner_join(exporters::table))
            .select((Sample::as_select(), Consignment::as_select()))
            .into_boxed();
        if user.role == Role::Exporter {
            let Some(company) = user.exporter_id else {
                return Ok(Vec::new());
            };
            query = query.filter(consignments::exporter_id.eq(company));
        }
        if let Some(pattern) = filter.pattern() {
            query = query.filter(
                samples::code
                    .like(pattern.clone())
                    .escape('\\')
                    .or(samples::seal_number.like(pattern.clone()).escape('\\'))
                    .or(consignments::code.like(pattern.clone()).escape('\\'))
                    .or(exporters::bin.like(pattern.clone()).escape('\\'))
                    .or(exporters::name.like(pattern).escape('\\')),
            );
        }
        crate::apply_intake_filter!(query, filter, status: samples::status, commodity: consignments::commodity_id,
            exporter: consignments::exporter_id, post: consignments::border_post_id, created: samples::created_at,
            id: samples::id);
        query.limit(limit).load(conn)
    }

    pub fn portions(conn: &mut DbConn, id: SampleId) -> QueryResult<Vec<Portion>> {
        let mut portions: Vec<Portion> = sample_portions::table
            .filter(sample_portions::sample_id.eq(id))
            .select(Portion::as_select())
            .load(conn)?;
        portions.sort_by_key(|p| PortionKind::ALL.iter().position(|k| *k == p.portion));
        Ok(portions)
    }
}
