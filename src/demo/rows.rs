//! The rows `seed-bulk` writes, as they are stored, and their multi-row inserts (built per
//! backend: the multi-backend connection has no multi-row insert).

use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::ids::{
    ApplicationId, BorderPostId, CommodityId, ConsignmentId, CustodyEventId, DiscrepancyId,
    ExporterId, LabTestId, LimitSetId, PortionId, SampleId, TestMethodId, UserId,
};
use crate::db::schema::{
    applications, border_checks, certificate_signatures, certificates, consignments,
    custody_events, discrepancies, exporters, gacc_registrations, sample_portions, samples, tests,
};
use crate::db::types::UtcTime;

/// Certificates, their signatures, border checks and GACC registrations as stored: the
/// models' own rows.
pub use crate::models::border_check::BorderCheck as BorderCheckRow;
pub use crate::models::certificate::{Certificate as CertificateRow, Signature as SignatureRow};
/// A company as stored: the model's own insertable row (it has no optional column).
pub use crate::models::exporter::NewExporter as ExporterRow;
pub use crate::models::gacc_registration::GaccRegistration as GaccRow;

/// The fields an application and its consignment share.
#[derive(Insertable, Clone)]
#[diesel(table_name = applications, treat_none_as_default_value = false)]
pub struct ShipmentRow {
    pub exporter_id: ExporterId,
    pub commodity_id: CommodityId,
    pub quantity: String,
    pub unit: &'static str,
    pub lots: String,
    pub origin_region: &'static str,
    pub origin_district: &'static str,
    pub producer: &'static str,
    pub consignee: &'static str,
    pub border_post_id: BorderPostId,
    pub transport: &'static str,
    pub planned_date: String,
    pub limit_set_id: LimitSetId,
    pub search_text: String,
}

#[derive(Insertable)]
#[diesel(table_name = applications, treat_none_as_default_value = false)]
pub struct ApplicationRow {
    pub id: ApplicationId,
    pub code: String,
    #[diesel(embed)]
    pub shipment: ShipmentRow,
    pub status: &'static str,
    pub return_reason: Option<String>,
    pub submitted_by: UserId,
    pub submitted_at: UtcTime,
    pub decided_by: Option<UserId>,
    pub decided_at: Option<UtcTime>,
    pub version: i32,
}

/// [`ShipmentRow`] for the consignments table.
#[derive(Insertable)]
#[diesel(table_name = consignments, treat_none_as_default_value = false)]
pub struct ConsignmentShipment<'a> {
    pub exporter_id: ExporterId,
    pub commodity_id: CommodityId,
    pub quantity: &'a str,
    pub unit: &'static str,
    pub lots: &'a str,
    pub origin_region: &'static str,
    pub origin_district: &'static str,
    pub producer: &'static str,
    pub consignee: &'static str,
    pub border_post_id: BorderPostId,
    pub transport: &'static str,
    pub planned_date: &'a str,
    pub limit_set_id: LimitSetId,
    pub search_text: &'a str,
}

pub struct ConsignmentRow {
    pub id: ConsignmentId,
    pub code: String,
    pub application_id: Option<ApplicationId>,
    pub shipment: ShipmentRow,
    pub status: &'static str,
    pub created_by: UserId,
    pub created_at: UtcTime,
    pub version: i32,
}

#[derive(Insertable)]
#[diesel(table_name = consignments, treat_none_as_default_value = false)]
pub struct ConsignmentInsert<'a> {
    pub id: ConsignmentId,
    pub code: &'a str,
    pub application_id: Option<ApplicationId>,
    #[diesel(embed)]
    pub shipment: ConsignmentShipment<'a>,
    pub status: &'static str,
    pub created_by: UserId,
    pub created_at: UtcTime,
    pub version: i32,
}

impl ConsignmentRow {
    fn insertable(&self) -> ConsignmentInsert<'_> {
        let s = &self.shipment;
        ConsignmentInsert {
            id: self.id,
            code: &self.code,
            application_id: self.application_id,
            shipment: ConsignmentShipment {
                exporter_id: s.exporter_id,
                commodity_id: s.commodity_id,
                quantity: &s.quantity,
                unit: s.unit,
                lots: &s.lots,
                origin_region: s.origin_region,
                origin_district: s.origin_district,
                producer: s.producer,
                consignee: s.consignee,
                border_post_id: s.border_post_id,
                transport: s.transport,
                planned_date: &s.planned_date,
                limit_set_id: s.limit_set_id,
                search_text: &s.search_text,
            },
            status: self.status,
            created_by: self.created_by,
            created_at: self.created_at,
            version: self.version,
        }
    }
}

#[derive(Insertable)]
#[diesel(table_name = samples, treat_none_as_default_value = false)]
pub struct SampleRow {
    pub id: SampleId,
    pub code: String,
    pub consignment_id: ConsignmentId,
    pub seal_number: String,
    pub seal_key: String,
    pub mass: String,
    pub mass_unit: &'static str,
    pub storage: &'static str,
    pub drawn_at: UtcTime,
    pub drawn_by: &'static str,
    pub status: &'static str,
    pub created_by: UserId,
    pub created_at: UtcTime,
    pub version: i32,
    pub replaces_sample_id: Option<SampleId>,
}

#[derive(Insertable)]
#[diesel(table_name = sample_portions, treat_none_as_default_value = false)]
pub struct PortionRow {
    pub id: PortionId,
    pub sample_id: SampleId,
    pub portion: &'static str,
    pub status: &'static str,
    pub holder: &'static str,
    pub version: i32,
    pub sample_finished: bool,
}

#[derive(Insertable)]
#[diesel(table_name = custody_events, treat_none_as_default_value = false)]
pub struct CustodyRow {
    pub id: CustodyEventId,
    pub sample_id: SampleId,
    pub portion: Option<&'static str>,
    pub kind: &'static str,
    pub from_party: Option<String>,
    pub to_party: Option<String>,
    pub seal_intact: Option<bool>,
    pub temperature_c: Option<String>,
    pub reason: Option<String>,
    pub actor_id: UserId,
    pub side: Option<&'static str>,
    pub at: UtcTime,
}

#[derive(Insertable)]
#[diesel(table_name = tests, treat_none_as_default_value = false)]
pub struct TestRow {
    pub id: LabTestId,
    pub sample_id: SampleId,
    pub test_method_id: TestMethodId,
    pub side: &'static str,
    pub status: &'static str,
    pub required: bool,
    pub retest_of: Option<LabTestId>,
    pub reading: Option<&'static str>,
    pub value: Option<String>,
    pub unit: Option<String>,
    pub conformity: Option<&'static str>,
    pub limit_rule: Option<String>,
    pub limit_value: Option<String>,
    pub limit_unit: Option<String>,
    pub entered_by: Option<UserId>,
    pub entered_at: Option<UtcTime>,
    pub verified_by: Option<UserId>,
    pub verified_at: Option<UtcTime>,
    pub note: Option<String>,
    pub created_at: UtcTime,
    pub version: i32,
    pub reading_as_entered: Option<String>,
    pub instrument: Option<String>,
    pub analysed_on: Option<String>,
}

impl TestRow {
    /// A test on the bench, as `put_panel_on_bench` makes it.
    pub fn pending(
        id: LabTestId,
        sample: SampleId,
        method: TestMethodId,
        side: &'static str,
        at: UtcTime,
    ) -> Self {
        TestRow {
            id,
            sample_id: sample,
            test_method_id: method,
            side,
            status: "pending",
            required: true,
            retest_of: None,
            reading: None,
            value: None,
            unit: None,
            conformity: None,
            limit_rule: None,
            limit_value: None,
            limit_unit: None,
            entered_by: None,
            entered_at: None,
            verified_by: None,
            verified_at: None,
            note: None,
            created_at: at,
            version: 1,
            reading_as_entered: None,
            instrument: None,
            analysed_on: None,
        }
    }
}

#[derive(Insertable)]
#[diesel(table_name = discrepancies, treat_none_as_default_value = false)]
pub struct DiscrepancyRow {
    pub id: DiscrepancyId,
    pub sample_id: SampleId,
    pub test_method_id: TestMethodId,
    pub status: &'static str,
    pub outcome_kz: Option<&'static str>,
    pub reason_kz: Option<String>,
    pub resolved_kz_by: Option<UserId>,
    pub outcome_cn: Option<&'static str>,
    pub reason_cn: Option<String>,
    pub resolved_cn_by: Option<UserId>,
    pub created_at: UtcTime,
    pub resolved_at: Option<UtcTime>,
    pub version: i32,
    pub agreed: Option<&'static str>,
    pub closed_by: Option<&'static str>,
}

/// One batch.
#[derive(Default)]
pub struct Rows {
    pub exporters: Vec<ExporterRow>,
    pub applications: Vec<ApplicationRow>,
    pub consignments: Vec<ConsignmentRow>,
    pub samples: Vec<SampleRow>,
    pub portions: Vec<PortionRow>,
    pub custody: Vec<CustodyRow>,
    pub tests: Vec<TestRow>,
    pub discrepancies: Vec<DiscrepancyRow>,
    pub gacc: Vec<GaccRow>,
    pub certificates: Vec<CertificateRow>,
    pub signatures: Vec<SignatureRow>,
    pub border_checks: Vec<BorderCheckRow>,
}

/// Inserts `$rows` into `$table` in statements of at most ~30 000 parameters (SQLite allows
/// 32 766, PostgreSQL 65 535).
macro_rules! insert_rows {
    ($conn:expr, $table:expr, $rows:expr, $columns:expr) => {{
        for chunk in $rows.chunks((30_000 / $columns).max(1)) {
            let insert = diesel::insert_into($table).values(chunk);
            match &mut *$conn {
                DbConn::Pg(c) => insert.execute(c)?,
                DbConn::Sqlite(c) => insert.execute(c)?,
            };
        }
    }};
}

impl Rows {
    pub fn insert_exporters(&mut self, conn: &mut DbConn) -> QueryResult<()> {
        insert_rows!(conn, exporters::table, self.exporters, 9);
        self.exporters.clear();
        Ok(())
    }

    /// Parents before children, as the foreign keys want.
    pub fn insert_all(&self, conn: &mut DbConn) -> QueryResult<()> {
        insert_rows!(conn, gacc_registrations::table, self.gacc, 11);
        insert_rows!(conn, applications::table, self.applications, 24);
        let consignments: Vec<ConsignmentInsert<'_>> = self
            .consignments
            .iter()
            .map(ConsignmentRow::insertable)
            .collect();
        insert_rows!(conn, consignments::table, consignments, 22);
        insert_rows!(conn, samples::table, self.samples, 15);
        insert_rows!(conn, sample_portions::table, self.portions, 7);
        insert_rows!(conn, custody_events::table, self.custody, 12);
        insert_rows!(conn, tests::table, self.tests, 24);
        insert_rows!(conn, discrepancies::table, self.discrepancies, 15);
        insert_rows!(conn, certificates::table, self.certificates, 21);
        insert_rows!(conn, certificate_signatures::table, self.signatures, 8);
        insert_rows!(conn, border_checks::table, self.border_checks, 11);
        Ok(())
    }

    pub fn clear(&mut self) {
        self.applications.clear();
        self.consignments.clear();
        self.samples.clear();
        self.portions.clear();
        self.custody.clear();
        self.tests.clear();
        self.discrepancies.clear();
        self.gacc.clear();
        self.certificates.clear();
        self.signatures.clear();
        self.border_checks.clear();
    }
}
