//! Samples drawn from a consignment, each sealed and split into a Kazakh portion, a Chinese
//! portion and a counter-sample kept for arbitration.

pub use crate::db::ids::{PortionId, SampleId};
pub use crate::domain::intake::{COUNTER_STORE, PortionKind, RECEPTION};
use diesel::prelude::*;

use crate::domain::search::SearchQuery;

use crate::db::DbConn;
use crate::db::ids::{ConsignmentId, UserId};
use crate::db::schema::{consignments, discrepancies, sample_portions, samples};
use crate::db::types::UtcTime;
use crate::domain::{DecimalText, Scope};

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
    /// The sample this one replaces (its portion was rejected as unfit).
    pub replaces_sample_id: Option<SampleId>,
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

/// What the sample list shows of each sample's consignment.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = consignments)]
pub struct OfConsignment {
    pub id: ConsignmentId,
    pub code: String,
    pub exporter_id: crate::db::ids::ExporterId,
    pub commodity_id: crate::db::ids::CommodityId,
}

impl SampleStatus {
    /// The states in which no portion is received and no result taken any more.
    pub const FINISHED: [SampleStatus; 3] = [
        SampleStatus::Cancelled,
        SampleStatus::Rejected,
        SampleStatus::Closed,
    ];
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

/// Filters of the sample list.
pub type SampleFilter = crate::db::listing::IntakeFilter<SampleId, SampleStatus>;

impl Sample {
    /// Inserts a sample under `code` with its three portions sealed at reception.
    pub fn insert(
        conn: &mut DbConn,
        code: &str,
        by: UserId,
        consignment: ConsignmentId,
        new: &NewSample,
        replaces: Option<SampleId>,
    ) -> QueryResult<Sample> {
        let sample: Sample = diesel::insert_into(samples::table)
            .values((
                samples::id.eq(SampleId::new()),
                samples::code.eq(code),
                samples::consignment_id.eq(consignment),
                samples::seal_number.eq(&new.seal_number),
                samples::mass.eq(new.mass.as_str()),
                samples::mass_unit.eq(new.mass_unit),
                samples::storage.eq(new.storage),
                samples::drawn_at.eq(new.drawn_at),
                samples::drawn_by.eq(&new.drawn_by),
                samples::status.eq(SampleStatus::Registered),
                samples::created_by.eq(by),
                samples::created_at.eq(UtcTime::now()),
                samples::version.eq(1),
                samples::replaces_sample_id.eq(replaces),
                samples::seal_key.eq(crate::db::search::seal_key(&new.seal_number)),
            ))
            .returning(SAMPLES_COLUMNS)
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
        Ok(sample)
    }

    /// The sample if `scope` may see it.
    pub fn find_for(conn: &mut DbConn, scope: Scope, id: SampleId) -> QueryResult<Option<Sample>> {
        let mut query = samples::table
            .inner_join(consignments::table)
            .filter(samples::id.eq(id))
            .select(Sample::as_select())
            .into_boxed();
        if let Some(company) = scope.company() {
            query = query.filter(consignments::exporter_id.eq(company));
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

    /// The sample drawn to replace this one, if any.
    pub fn replacement_of(conn: &mut DbConn, id: SampleId) -> QueryResult<Option<Sample>> {
        samples::table
            .filter(samples::replaces_sample_id.eq(id))
            .select(Sample::as_select())
            .first(conn)
            .optional()
    }

    /// The code of a sample (for links between samples).
    pub fn code_of(conn: &mut DbConn, id: SampleId) -> QueryResult<String> {
        samples::table.find(id).select(samples::code).first(conn)
    }

    /// One page of the samples `scope` may see, with their consignments.
    pub fn list_for(
        conn: &mut DbConn,
        scope: Scope,
        filter: &SampleFilter,
        limit: i64,
    ) -> QueryResult<Vec<(Sample, OfConsignment)>> {
        let mut query = samples::table
            .inner_join(consignments::table)
            .select((Sample::as_select(), OfConsignment::as_select()))
            .into_boxed();
        if let Some(company) = scope.company() {
            query = query.filter(consignments::exporter_id.eq(company));
        }
        // Exact lookups by the shape of the query, each on one index; else the seal number or
        // free text (the consignment's producer, consignee, origin, the company's name).
        if let Some(q) = filter.q.as_deref().and_then(SearchQuery::parse) {
            if let Some(code) = q.sample_code() {
                query = query.filter(samples::code.eq(code.to_owned()));
            } else if let Some(code) = q.consignment_code() {
                query = query.filter(consignments::code.eq(code.to_owned()));
            } else if q.bin().is_some() {
                let companies = crate::db::search::exporters(conn, &q)?;
                query = query.filter(consignments::exporter_id.eq_any(companies));
            } else {
                let found = crate::db::search::consignments_by_text(conn, &q)?;
                // A seal number by its beginning: a range of its index (alone when the free
                // text found nothing: an OR with an empty IN makes SQLite scan the table).
                let seal = samples::seal_key
                    .ge(q.folded.clone())
                    .and(samples::seal_key.lt(q.prefix_bound()));
                // A number alone (`123`, `2026-000123`) is also a sample code without its prefix.
                let numbered = q.codes_by_number("JL", crate::domain::search::this_year());
                query = match (found.is_empty(), numbered.is_empty()) {
                    (true, true) => query.filter(seal),
                    (true, false) => query.filter(seal.or(samples::code.eq_any(numbered))),
                    (false, true) => query.filter(seal.or(samples::consignment_id.eq_any(found))),
                    (false, false) => query.filter(
                        seal.or(samples::code.eq_any(numbered))
                            .or(samples::consignment_id.eq_any(found)),
                    ),
                };
            }
        }
        if let Some(side) = filter.to_receive {
            let kind = match side {
                crate::domain::Side::Kz => PortionKind::Kz,
                crate::domain::Side::Cn => PortionKind::Cn,
            };
            query = query.filter(
                samples::id.eq_any(
                    sample_portions::table
                        .filter(sample_portions::portion.eq(kind))
                        .filter(
                            sample_portions::status
                                .eq_any([PortionStatus::Sealed, PortionStatus::HandedOver]),
                        )
                        .filter(sample_portions::sample_finished.eq(false))
                        .select(sample_portions::sample_id),
                ),
            );
        }
        if filter.open_discrepancy {
            query = query.filter(
                samples::id.eq_any(
                    discrepancies::table
                        .filter(discrepancies::status.eq("open"))
                        .select(discrepancies::sample_id),
                ),
            );
        }
        crate::apply_intake_filter!(query, conn, filter, table: samples::table, status: samples::status,
            commodity: consignments::commodity_id, exporter: consignments::exporter_id,
            post: consignments::border_post_id, created: samples::created_at, id: samples::id,
            sort: { "code" => samples::code, String; "seal" => samples::seal_number, String;
                    "created" => samples::created_at, UtcTime; "status" => samples::status, SampleStatus });
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

    /// Takes the sample's next version (every custody step does); false when another
    /// transaction took it first or the form was stale.
    pub fn claim(conn: &mut DbConn, id: SampleId, version: i32) -> QueryResult<bool> {
        let updated = diesel::update(samples::table.find(id).filter(samples::version.eq(version)))
            .set(samples::version.eq(version + 1))
            .execute(conn)?;
        Ok(updated == 1)
    }

    /// Sets the status (derived from portions and tests, or a custody exit).
    /// A finished sample's portions are marked so that none of them is awaited any more.
    pub fn set_status(conn: &mut DbConn, id: SampleId, status: SampleStatus) -> QueryResult<()> {
        diesel::update(samples::table.find(id).filter(samples::status.ne(status)))
            .set(samples::status.eq(status))
            .execute(conn)?;
        if SampleStatus::FINISHED.contains(&status) {
            diesel::update(sample_portions::table.filter(sample_portions::sample_id.eq(id)))
                .set(sample_portions::sample_finished.eq(true))
                .execute(conn)?;
        }
        Ok(())
    }
}

impl Portion {
    /// Moves a portion to `status`, held by `holder` (the sample's claimed version guards it).
    pub fn set(
        conn: &mut DbConn,
        sample: SampleId,
        portion: PortionKind,
        status: PortionStatus,
        holder: &str,
    ) -> QueryResult<()> {
        diesel::update(
            sample_portions::table
                .filter(sample_portions::sample_id.eq(sample))
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
}

crate::column_list!(
    /// The columns of [`Sample`] in its field order (`all_columns` also has the search column).
    SAMPLES_COLUMNS = samples(
    id,
    code,
    consignment_id,
    seal_number,
    mass,
    mass_unit,
    storage,
    drawn_at,
    drawn_by,
    status,
    created_by,
    created_at,
    version,
    replaces_sample_id,
));
