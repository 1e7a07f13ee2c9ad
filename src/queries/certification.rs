//! Whether a consignment can be certified (DESIGN.md, Certificate lifecycle): every sample
//! tested, every test conforming for the destination, no discrepancy open, no rejected sample
//! without a replacement — or whether it failed and gets a non-conformity notice. And the
//! contents a draft freezes: the consignment's particulars and every result with its limit.

use std::collections::HashMap;

use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::ids::{ConsignmentId, SampleId};
use crate::db::schema::{certificates, consignments, discrepancies, samples, test_methods, tests};
use crate::domain::certificate::{Contents, DeclarationText, Names, ResultLine, SampleLine};
use crate::domain::measure::ConformityText;
use crate::models::catalog::{Named, TestMethod, TestMethodId};
use crate::models::certificate::CertificateStatus;
use crate::models::consignment::{Consignment, ConsignmentStatus};
use crate::models::discrepancy::{Discrepancy, DiscrepancyStatus};
use crate::models::lab_test::{LabTest, TestStatus};
use crate::models::sample::{Sample, SampleStatus};
use crate::models::{BorderPost, Commodity, Exporter, LimitSet};

/// What a consignment's results allow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Readiness {
    /// Every result conforms: a certificate may be drafted.
    Ready,
    /// Testing is complete and a result does not conform: a non-conformity notice.
    Failed,
    /// Not yet; the catalog key says what is missing.
    Waiting(&'static str),
}

/// A verified result of a sample counted for certification, with the conformity that stands
/// (the test's own, or the outcome both sides agreed on when they disagreed).
#[derive(Debug, Clone)]
pub struct Counted {
    pub sample: Sample,
    pub test: LabTest,
    pub method: TestMethod,
    pub conformity: ConformityText,
}

#[derive(Debug, Clone)]
pub struct Assessment {
    pub readiness: Readiness,
    pub results: Vec<Counted>,
}

impl Assessment {
    pub fn failing(&self) -> impl Iterator<Item = &Counted> {
        self.results
            .iter()
            .filter(|c| c.conformity == ConformityText::DoesNotConform)
    }
}

/// Assesses a consignment's samples and results as they stand.
pub fn assess(conn: &mut DbConn, consignment: &Consignment) -> QueryResult<Assessment> {
    let all = Sample::of_consignment(conn, consignment.id)?;
    let all: Vec<&Sample> = all.iter().collect();
    let open = crate::models::discrepancy::open_for_consignment(conn, consignment.id)?;
    let counted = match counted_samples(&all, open) {
        Ok(counted) => counted,
        Err(key) => {
            return Ok(Assessment {
                readiness: Readiness::Waiting(key),
                results: Vec::new(),
            });
        }
    };
    let ids: Vec<SampleId> = counted.iter().map(|s| s.id).collect();
    let verified: Vec<(LabTest, TestMethod)> = tests::table
        .inner_join(test_methods::table)
        .filter(tests::sample_id.eq_any(&ids))
        .filter(tests::status.eq(TestStatus::Verified))
        .select((LabTest::as_select(), TestMethod::as_select()))
        .order((tests::side, test_methods::code))
        .load(conn)?;
    let settled: Vec<Discrepancy> = discrepancies::table
        .filter(discrepancies::sample_id.eq_any(&ids))
        .filter(discrepancies::status.eq(DiscrepancyStatus::Resolved))
        .select(Discrepancy::as_select())
        .load(conn)?;
    let mut results = Vec::with_capacity(verified.len());
    for (test, method) in verified {
        let agreed = settled
            .iter()
            .find(|d| d.sample_id == test.sample_id && d.test_method_id == test.test_method_id)
            .and_then(|d| d.agreed);
        let Some(conformity) = agreed.or(test.conformity) else {
            continue;
        };
        let sample = counted
            .iter()
            .find(|s| s.id == test.sample_id)
            .map(|s| (*s).clone())
            .expect("the test's sample was loaded");
        results.push(Counted {
            sample,
            test,
            method,
            conformity,
        });
    }
    results.sort_by(|a, b| {
        (&a.sample.code, a.test.side.as_str(), &a.method.code).cmp(&(
            &b.sample.code,
            b.test.side.as_str(),
            &b.method.code,
        ))
    });
    let readiness = readiness_of(results.iter().map(|c| c.conformity));
    Ok(Assessment { readiness, results })
}

/// The samples whose results count for a consignment (`all` its samples), or why none can
/// count yet: a rejected sample not replaced, none left, testing not complete, or a
/// discrepancy open on one of them (`open_discrepancy`).
fn counted_samples<'a>(
    all: &[&'a Sample],
    open_discrepancy: bool,
) -> Result<Vec<&'a Sample>, &'static str> {
    let live: Vec<&Sample> = all
        .iter()
        .copied()
        .filter(|s| s.status != SampleStatus::Cancelled)
        .collect();
    let unreplaced = live.iter().any(|s| {
        s.status == SampleStatus::Rejected
            && !all.iter().any(|r| r.replaces_sample_id == Some(s.id))
    });
    if unreplaced {
        return Err("certification.rejected_without_replacement");
    }
    let counted: Vec<&Sample> = live
        .into_iter()
        .filter(|s| s.status != SampleStatus::Rejected)
        .collect();
    if counted.is_empty() {
        return Err("certification.no_samples");
    }
    if counted
        .iter()
        .any(|s| !matches!(s.status, SampleStatus::Tested | SampleStatus::Closed))
    {
        return Err("certification.testing_incomplete");
    }
    if open_discrepancy {
        return Err("certification.open_discrepancy");
    }
    Ok(counted)
}

/// What the conformities that stand allow.
fn readiness_of(conformities: impl Iterator<Item = ConformityText>) -> Readiness {
    let (mut any, mut inconclusive, mut failed) = (false, false, false);
    for c in conformities {
        any = true;
        inconclusive |= c == ConformityText::Inconclusive;
        failed |= c == ConformityText::DoesNotConform;
    }
    if !any {
        Readiness::Waiting("certification.no_results")
    } else if inconclusive {
        Readiness::Waiting("certification.inconclusive")
    } else if failed {
        Readiness::Failed
    } else {
        Readiness::Ready
    }
}

/// The readiness of many consignments (the certifiers' queue), in their order: four light
/// queries whatever their number, the same rules as [`assess`].
pub fn readiness_many(
    conn: &mut DbConn,
    consignments: &[Consignment],
) -> QueryResult<Vec<Readiness>> {
    let ids: Vec<ConsignmentId> = consignments.iter().map(|c| c.id).collect();
    let samples: Vec<Sample> = samples::table
        .filter(samples::consignment_id.eq_any(&ids))
        .select(Sample::as_select())
        .load(conn)?;
    let in_discrepancy: Vec<ConsignmentId> = discrepancies::table
        .inner_join(samples::table)
        .filter(samples::consignment_id.eq_any(&ids))
        .filter(discrepancies::status.eq(DiscrepancyStatus::Open))
        .select(samples::consignment_id)
        .load(conn)?;
    let sample_ids: Vec<SampleId> = samples
        .iter()
        .filter(|s| !matches!(s.status, SampleStatus::Cancelled | SampleStatus::Rejected))
        .map(|s| s.id)
        .collect();
    type Verified = (SampleId, TestMethodId, Option<ConformityText>);
    let verified: Vec<Verified> = tests::table
        .filter(tests::sample_id.eq_any(&sample_ids))
        .filter(tests::status.eq(TestStatus::Verified))
        .select((tests::sample_id, tests::test_method_id, tests::conformity))
        .load(conn)?;
    let settled: Vec<(SampleId, TestMethodId, Option<ConformityText>)> = discrepancies::table
        .filter(discrepancies::sample_id.eq_any(&sample_ids))
        .filter(discrepancies::status.eq(DiscrepancyStatus::Resolved))
        .select((
            discrepancies::sample_id,
            discrepancies::test_method_id,
            discrepancies::agreed,
        ))
        .load(conn)?;
    let mut by_sample: HashMap<SampleId, Vec<(TestMethodId, Option<ConformityText>)>> =
        HashMap::new();
    for (sample, method, conformity) in verified {
        by_sample
            .entry(sample)
            .or_default()
            .push((method, conformity));
    }
    Ok(consignments
        .iter()
        .map(|consignment| {
            let all: Vec<&Sample> = samples
                .iter()
                .filter(|s| s.consignment_id == consignment.id)
                .collect();
            match counted_samples(&all, in_discrepancy.contains(&consignment.id)) {
                Err(key) => Readiness::Waiting(key),
                Ok(counted) => readiness_of(counted.iter().flat_map(|s| {
                    by_sample
                        .get(&s.id)
                        .into_iter()
                        .flatten()
                        .filter_map(|(method, own)| {
                            let agreed = settled
                                .iter()
                                .find(|(d, m, _)| *d == s.id && m == method)
                                .and_then(|(_, _, agreed)| *agreed);
                            agreed.or(*own)
                        })
                })),
            }
        })
        .collect())
}

/// What the certifier sets on a draft.
#[derive(Debug, Clone, Default)]
pub struct DraftDetails {
    pub consignee: String,
    pub transport_details: String,
    pub remarks: String,
    pub declarations: Vec<DeclarationText>,
}

/// The contents a draft freezes. For a notice only the failing results are listed.
pub fn contents(
    conn: &mut DbConn,
    consignment: &Consignment,
    assessment: &Assessment,
    details: &DraftDetails,
    gacc_registration: Option<String>,
    notice: bool,
) -> QueryResult<Contents> {
    let exporter = Exporter::find(conn, consignment.exporter_id)?.ok_or(diesel::NotFound)?;
    let commodity = Commodity::find(conn, consignment.commodity_id)?.ok_or(diesel::NotFound)?;
    let post = BorderPost::find(conn, consignment.border_post_id)?.ok_or(diesel::NotFound)?;
    let destination = LimitSet::find(conn, consignment.limit_set_id)?.ok_or(diesel::NotFound)?;
    let mut samples: Vec<SampleLine> = Vec::new();
    for c in &assessment.results {
        if !samples.iter().any(|s| s.code == c.sample.code) {
            samples.push(SampleLine {
                code: c.sample.code.clone(),
                seal: c.sample.seal_number.clone(),
            });
        }
    }
    let results = assessment
        .results
        .iter()
        .filter(|c| !notice || c.conformity == ConformityText::DoesNotConform)
        .map(|c| ResultLine {
            sample: c.sample.code.clone(),
            side: c.test.side.as_str().to_owned(),
            method_code: c.method.code.clone(),
            method: Names::of(c.method.names()),
            standard: match c.test.side {
                crate::domain::Side::Kz => c.method.standard_kz.clone(),
                crate::domain::Side::Cn => c.method.standard_cn.clone(),
            },
            reading: c
                .test
                .reading
                .map(|r| r.as_str().to_owned())
                .unwrap_or_default(),
            value: c.test.value.clone(),
            unit: c.test.unit.clone(),
            limit_rule: c.test.limit_rule.map(|r| r.as_str().to_owned()),
            limit_value: c.test.limit_value.clone(),
            limit_unit: c.test.limit_unit.clone(),
            conformity: c.conformity.as_str().to_owned(),
        })
        .collect();
    Ok(Contents {
        consignment: consignment.code.clone(),
        exporter: exporter.name,
        exporter_bin: exporter.bin,
        exporter_address: exporter.address,
        consignee: details.consignee.clone(),
        commodity: Names::of(commodity.names()),
        hs_code: commodity.hs_code,
        quantity: consignment.quantity.clone(),
        unit: consignment.unit.as_str().to_owned(),
        lots: consignment.lots.clone(),
        transport_details: details.transport_details.clone(),
        origin_region: consignment.origin_region.clone(),
        origin_district: consignment.origin_district.clone(),
        producer: consignment.producer.clone(),
        post_code: post.code.clone(),
        post: Names::of([&post.name_en, &post.name_ru, &post.name_kk, &post.name_zh]),
        transport: consignment.transport.as_str().to_owned(),
        destination_code: destination.code.clone(),
        destination: Names::of(destination.names()),
        gacc_registration,
        samples,
        results,
        declarations: details.declarations.clone(),
        remarks: details.remarks.clone(),
    })
}

/// A certifier's queue in numbers: drafts their side has not signed, consignments ready for
/// a certificate, consignments that failed and wait for a notice.
pub fn queue_counts(conn: &mut DbConn, side: crate::domain::Side) -> QueryResult<(i64, i64, i64)> {
    use crate::db::schema::certificate_signatures;
    // Each draft looked up for its side's signature (not a list of every signature ever).
    let signed_by_side = certificate_signatures::table
        .filter(certificate_signatures::certificate_id.eq(certificates::id))
        .filter(certificate_signatures::side.eq(side));
    let drafts: i64 = certificates::table
        .filter(certificates::status.eq(CertificateStatus::Draft))
        .filter(diesel::dsl::not(diesel::dsl::exists(signed_by_side)))
        .count()
        .get_result(conn)?;
    let (mut ready, mut failed) = (0, 0);
    let awaiting = awaiting_certification(conn, 200)?;
    for readiness in readiness_many(conn, &awaiting)? {
        match readiness {
            Readiness::Ready => ready += 1,
            Readiness::Failed => failed += 1,
            Readiness::Waiting(_) => {}
        }
    }
    Ok((drafts, ready, failed))
}

/// Consignments whose testing is complete and that have no certificate or notice yet
/// (drafted, issued, replaced or revoked), oldest first: the certifiers' queue, before each
/// is assessed.
pub fn awaiting_certification(conn: &mut DbConn, limit: i64) -> QueryResult<Vec<Consignment>> {
    // Issuing closes a consignment, so only those tested since are walked; each is looked up
    // for a draft (not a list of every consignment ever certified).
    let documented = certificates::table
        .filter(certificates::consignment_id.eq(consignments::id))
        .filter(certificates::status.ne(CertificateStatus::Discarded));
    consignments::table
        .filter(consignments::status.eq(ConsignmentStatus::Tested))
        .filter(diesel::dsl::not(diesel::dsl::exists(documented)))
        .select(Consignment::as_select())
        .order((consignments::created_at, consignments::id))
        .limit(limit)
        .load(conn)
}
