//! The certificates of `seed-bulk`'s history, written as the certificate and border workflows
//! write them (src/workflows/certificates.rs, border.rs) but in the batches: a consignment
//! whose testing completed a day or two before gets its document — a certificate when every
//! result conforms, a non-conformity notice when one does not — drafted by a certifier, signed
//! by both sides, issued under the next number of its kind and year (the app's counters) with
//! its verification code and its token signed by the server's keys. A few are replaced by a
//! correction or revoked; about half are checked at their border post. Consignments tested in
//! the last two days wait in the certifiers' queue. The exporters hold the GACC registration
//! the destination requires, as the drafts print it.

use serde_json::Value;

use super::*;
use crate::db::ids::{BorderCheckId, CertificateId, GaccRegistrationId, SignatureId};
use crate::domain::TimeZone;
use crate::domain::border::Outcome;
use crate::domain::catalog::CommodityKind;
use crate::domain::certificate::{
    CertificateKind, CertificateStatus, Contents, DeclarationText, Names, ResultLine, SampleLine,
    SignatureMeaning, verification_code,
};
use crate::domain::intake::Transport;
use crate::models::catalog::Named;
use crate::models::{BorderPost, Commodity, LimitSet};
use crate::queries::eligibility;
use crate::workflows::certificates::claims;

/// The counter scopes of the certificates' numbers (their prefixes), as `code_counters` names
/// them.
pub(super) fn counter_scope(scope: &str) -> Option<&'static str> {
    [
        CertificateKind::Phytosanitary,
        CertificateKind::Veterinary,
        CertificateKind::Notice,
    ]
    .into_iter()
    .map(CertificateKind::prefix)
    .find(|p| *p == scope)
}

/// A certifier as signatures print them.
#[derive(Clone)]
struct Certifier {
    person: Person,
    side: Side,
    name: String,
    zone: TimeZone,
}

struct CommodityFacts {
    names: Names,
    hs: String,
    kind: CertificateKind,
    declarations: Vec<DeclarationText>,
}

struct MethodFacts {
    code: String,
    names: Names,
    /// The standard each side tests by (kz, cn).
    standard: [String; 2],
}

/// What certificates print and who signs and checks them.
pub(super) struct CertContext {
    certifiers: [Certifier; 2],
    inspectors: HashMap<BorderPostId, Person>,
    commodities: HashMap<CommodityId, CommodityFacts>,
    methods: HashMap<TestMethodId, MethodFacts>,
    posts: HashMap<BorderPostId, (String, Names)>,
    destination: (String, Names),
    gacc_required: bool,
}

impl CertContext {
    pub(super) fn load(conn: &mut DbConn, limit_set: LimitSetId) -> Result<Self, AppError> {
        let certifier = |conn: &mut DbConn, side: Side| -> Result<Certifier, AppError> {
            let email = format!("certifier.{side}@demo.jointlab.local");
            let user = User::find_by_email(conn, &email)?.ok_or_else(|| {
                AppError::internal(format!("{email} is missing: run seed-demo first"))
            })?;
            Ok(Certifier {
                person: Person {
                    id: user.id,
                    label: Rc::from(user.email.as_str()),
                },
                side,
                name: user.display_name,
                zone: user.time_zone,
            })
        };
        let certifiers = [certifier(conn, Side::Kz)?, certifier(conn, Side::Cn)?];
        let inspectors = User::active_with_role(conn, crate::domain::Role::Inspector)?
            .into_iter()
            .filter_map(|u| {
                Some((
                    u.border_post_id?,
                    Person {
                        id: u.id,
                        label: Rc::from(u.email.as_str()),
                    },
                ))
            })
            .collect();
        let mut commodities = HashMap::new();
        for c in Commodity::all(conn)? {
            let declarations = eligibility::declarations_for(conn, limit_set, c.id)?
                .into_iter()
                .map(|d| DeclarationText {
                    code: d.code.clone(),
                    text: Names::of([&d.text_en, &d.text_ru, &d.text_kk, &d.text_zh]),
                })
                .collect();
            commodities.insert(
                c.id,
                CommodityFacts {
                    names: Names::of(c.names()),
                    hs: c.hs_code.clone(),
                    kind: match c.kind {
                        CommodityKind::Plant => CertificateKind::Phytosanitary,
                        CommodityKind::Animal => CertificateKind::Veterinary,
                    },
                    declarations,
                },
            );
        }
        let methods = crate::models::catalog::TestMethod::all(conn)?
            .into_iter()
            .map(|m| {
                (
                    m.id,
                    MethodFacts {
                        names: Names::of(m.names()),
                        code: m.code.clone(),
                        standard: [m.standard_kz.clone(), m.standard_cn.clone()],
                    },
                )
            })
            .collect();
        let posts = BorderPost::all(conn)?
            .into_iter()
            .map(|p| {
                let names = Names::of([&p.name_en, &p.name_ru, &p.name_kk, &p.name_zh]);
                (p.id, (p.code, names))
            })
            .collect();
        let set = LimitSet::find(conn, limit_set)?
            .ok_or_else(|| AppError::internal("the limit set vanished"))?;
        Ok(CertContext {
            certifiers,
            inspectors,
            commodities,
            methods,
            posts,
            destination: (set.code.clone(), Names::of(set.names())),
            gacc_required: eligibility::requires_gacc(conn, limit_set)?,
        })
    }
}

/// Where a consignment's rows begin in the batch.
pub(super) struct Marks {
    samples: usize,
    tests: usize,
    discrepancies: usize,
}

impl Marks {
    pub(super) fn of(rows: &Rows) -> Marks {
        Marks {
            samples: rows.samples.len(),
            tests: rows.tests.len(),
            discrepancies: rows.discrepancies.len(),
        }
    }
}

/// The consignment a document is for.
pub(super) struct Shipped<'a> {
    pub id: ConsignmentId,
    pub code: &'a str,
    pub shipment: &'a ShipmentRow,
}

/// A document whose second signature is due.
pub(super) struct Due {
    row: CertificateRow,
    first_signature: SignatureRow,
    contents: Contents,
    second: usize,
    draft_view: Value,
    post: BorderPostId,
    transport: Transport,
    replaces: Option<CertificateId>,
}

/// When a draft made at `draft_at` is signed by the first side, then by the second.
struct Signing {
    draft_at: DateTime<Utc>,
    first: DateTime<Utc>,
    second: DateTime<Utc>,
}

const REPLACEMENT_REASON: &str = "Wagon list corrected at the exporter's request / перечень вагонов исправлен по заявлению экспортёра";
const REVOCATION_REASON: &str =
    "Seal found broken at the border; consignment resampled / пломба нарушена на границе";
const NOTICE_REMARKS: &str = "The consignment may not be exported as sampled.";
const HELD_NOTE: &str = "Wagons held for a documents check; released the next day / вагоны задержаны для проверки документов";

impl Writer {
    fn signing(&mut self, draft_at: DateTime<Utc>) -> Signing {
        let first = draft_at + Duration::minutes(30 + self.rng.below(120) as i64);
        let mut second = first + Duration::minutes(60 + self.rng.below(300) as i64);
        // Now and then the other side's certifier signs only the next day.
        if self.rng.chance(150) {
            second += Duration::minutes(18 * 60 + self.rng.below(20 * 60) as i64);
        }
        Signing {
            draft_at,
            first,
            second,
        }
    }

    fn count(&mut self, row: &CertificateRow) {
        *self
            .report
            .certificates
            .entry(row.status.as_str())
            .or_insert(0) += 1;
        if row.kind.is_notice() {
            self.report.notices += 1;
        }
    }

    /// The exporter's registrations on the GACC register, one per commodity, when the
    /// destination requires them (registered by the Kazakh registrar a month before the
    /// history starts).
    pub(super) fn registrations(&mut self, exporter: ExporterId, at: DateTime<Utc>, serial: u64) {
        if !self.ctx.certs.gacc_required {
            return;
        }
        let registrar = self.ctx.registrar[0].clone();
        let commodities: Vec<(CommodityId, String)> = self
            .ctx
            .commodities
            .iter()
            .filter_map(|(id, _)| {
                let facts = self.ctx.certs.commodities.get(id)?;
                Some((*id, facts.hs.chars().take(4).collect()))
            })
            .collect();
        for (k, (commodity, heading)) in commodities.into_iter().enumerate() {
            let row = GaccRow {
                id: GaccRegistrationId(id_at(at)),
                exporter_id: exporter,
                register_number: format!("CKZ{heading}{}{:05}", at.year(), serial * 20 + k as u64),
                commodity_id: Some(commodity),
                hs_heading: None,
                valid_from: (at - Duration::days(30)).date_naive().to_string(),
                valid_to: None,
                withdrawn_at: None,
                withdrawn_by: None,
                created_at: t(at),
                version: 1,
            };
            self.event(
                at,
                &registrar,
                "gacc_registration.added",
                "gacc_registration",
                row.id.to_string(),
                None,
                row.audit_view(),
            );
            self.gacc
                .insert((exporter, commodity), row.register_number.clone());
            self.rows.gacc.push(row);
            self.report.gacc_registrations += 1;
        }
    }

    /// The document of a consignment just tested through, as far as `now` has come: its
    /// results assessed as `certification::assess` does and its contents frozen as
    /// `certification::contents` does.
    pub(super) fn certify(
        &mut self,
        c: &Shipped,
        from: &Marks,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let samples = &self.rows.samples[from.samples..];
        let replaced: Vec<SampleId> = samples
            .iter()
            .filter_map(|s| s.replaces_sample_id)
            .collect();
        if samples
            .iter()
            .any(|s| s.status == "rejected" && !replaced.contains(&s.id))
        {
            return Ok(()); // held: a rejected sample without a replacement
        }
        let counted: Vec<&SampleRow> = samples
            .iter()
            .filter(|s| !matches!(s.status, "rejected" | "cancelled"))
            .collect();
        if counted.is_empty() || counted.iter().any(|s| s.status != "tested") {
            return Ok(());
        }
        let discrepancies = &self.rows.discrepancies[from.discrepancies..];
        if discrepancies.iter().any(|d| d.status == "open") {
            return Ok(()); // held: the sides disagree
        }
        let mut finished = discrepancies
            .iter()
            .filter_map(|d| d.resolved_at.map(|t| t.0))
            .max();
        let mut results: Vec<ResultLine> = Vec::new();
        for test in &self.rows.tests[from.tests..] {
            let Some(sample) = counted.iter().find(|s| s.id == test.sample_id) else {
                continue;
            };
            if test.status != "verified" {
                continue;
            }
            finished = finished.max(test.verified_at.map(|t| t.0));
            let agreed = discrepancies
                .iter()
                .find(|d| d.sample_id == test.sample_id && d.test_method_id == test.test_method_id)
                .and_then(|d| d.agreed);
            let Some(conformity) = agreed.or(test.conformity) else {
                continue;
            };
            let Some(method) = self.ctx.certs.methods.get(&test.test_method_id) else {
                continue;
            };
            results.push(ResultLine {
                sample: sample.code.clone(),
                side: test.side.to_owned(),
                method_code: method.code.clone(),
                method: method.names.clone(),
                standard: method.standard[usize::from(test.side == "cn")].clone(),
                reading: test.reading.unwrap_or_default().to_owned(),
                value: test.value.clone(),
                unit: test.unit.clone(),
                limit_rule: test.limit_rule.clone(),
                limit_value: test.limit_value.clone(),
                limit_unit: test.limit_unit.clone(),
                conformity: conformity.to_owned(),
            });
        }
        let Some(finished) = finished else {
            return Ok(());
        };
        // The certifiers' queue: consignments tested in the last two days wait there.
        if results.is_empty() || finished > now - Duration::days(2) {
            return Ok(());
        }
        results.sort_by(|a, b| {
            (&a.sample, &a.side, &a.method_code).cmp(&(&b.sample, &b.side, &b.method_code))
        });
        let mut sample_lines: Vec<SampleLine> = Vec::new();
        for r in &results {
            if !sample_lines.iter().any(|s| s.code == r.sample)
                && let Some(s) = counted.iter().find(|s| s.code == r.sample)
            {
                sample_lines.push(SampleLine {
                    code: s.code.clone(),
                    seal: s.seal_number.clone(),
                });
            }
        }
        let notice = results.iter().any(|r| r.conformity == "does_not_conform");
        if notice {
            results.retain(|r| r.conformity == "does_not_conform");
        }
        let s = c.shipment;
        let certs = &self.ctx.certs;
        let (Some(commodity), Some((post_code, post_names)), Some(exporter)) = (
            certs.commodities.get(&s.commodity_id),
            certs.posts.get(&s.border_post_id),
            self.exporter_facts.get(&s.exporter_id),
        ) else {
            return Ok(());
        };
        let gacc_registration = if !notice && certs.gacc_required {
            match self.gacc.get(&(s.exporter_id, s.commodity_id)) {
                Some(number) => Some(number.clone()),
                None => return Ok(()), // the draft would be refused
            }
        } else {
            None
        };
        let kind = if notice {
            CertificateKind::Notice
        } else {
            commodity.kind
        };
        let contents = Contents {
            consignment: c.code.to_owned(),
            exporter: exporter.0.clone(),
            exporter_bin: exporter.1.clone(),
            exporter_address: exporter.2.clone(),
            consignee: s.consignee.to_owned(),
            commodity: commodity.names.clone(),
            hs_code: commodity.hs.clone(),
            quantity: s.quantity.clone(),
            unit: s.unit.to_owned(),
            lots: s.lots.clone(),
            transport_details: s.lots.clone(),
            origin_region: s.origin_region.to_owned(),
            origin_district: s.origin_district.to_owned(),
            producer: s.producer.to_owned(),
            post_code: post_code.clone(),
            post: post_names.clone(),
            transport: s.transport.to_owned(),
            destination_code: certs.destination.0.clone(),
            destination: certs.destination.1.clone(),
            gacc_registration,
            samples: sample_lines,
            results,
            declarations: if notice {
                Vec::new()
            } else {
                commodity.declarations.clone()
            },
            remarks: if notice {
                NOTICE_REMARKS.to_owned()
            } else {
                String::new()
            },
        };
        let transport = Transport::parse(s.transport).unwrap_or(Transport::Rail);
        let post = s.border_post_id;
        let drafter = usize::from(self.rng.chance(if notice { 600 } else { 300 }));
        let draft_at = finished + Duration::minutes(20 * 60 + self.rng.below(24 * 60) as i64);
        if draft_at > now {
            return Ok(());
        }
        let signing = self.signing(draft_at);
        self.draft(
            c.id, kind, contents, None, drafter, &signing, post, transport, now,
        );
        Ok(())
    }

    /// The draft, its first signature and the second one's turn, as far as `now` has come.
    #[allow(clippy::too_many_arguments)]
    fn draft(
        &mut self,
        consignment: ConsignmentId,
        kind: CertificateKind,
        contents: Contents,
        replaces: Option<CertificateId>,
        drafter: usize,
        signing: &Signing,
        post: BorderPostId,
        transport: Transport,
        now: DateTime<Utc>,
    ) {
        let certifier = self.ctx.certs.certifiers[drafter].clone();
        let id = CertificateId(id_at(signing.draft_at));
        let mut row = CertificateRow {
            id,
            consignment_id: consignment,
            kind,
            status: CertificateStatus::Draft,
            number: None,
            verification_code: None,
            replaces_id: replaces,
            consignee: contents.consignee.clone(),
            transport_details: contents.transport_details.clone(),
            remarks: contents.remarks.clone(),
            replacement_reason: replaces.map(|_| REPLACEMENT_REASON.to_owned()),
            contents: contents.to_stored(),
            token: None,
            issued_at: None,
            valid_until: None,
            drafted_by: certifier.person.id,
            created_at: t(signing.draft_at),
            revoked_at: None,
            revoked_by: None,
            revocation_reason: None,
            version: 1,
        };
        let draft_view = row.audit_view();
        self.event(
            signing.draft_at,
            &certifier.person,
            "certificate.drafted",
            "certificate",
            id.to_string(),
            None,
            draft_view.clone(),
        );
        if signing.first > now {
            self.count(&row);
            self.rows.certificates.push(row);
            return;
        }
        let first_signature = signature(id, &certifier, SignatureMeaning::Issued, signing.first);
        self.event(
            signing.first,
            &certifier.person,
            "certificate.signed",
            "certificate",
            id.to_string(),
            None,
            json!({ "side": certifier.side.as_str(), "meaning": "issued" }),
        );
        row.version = 2;
        if signing.second > now {
            self.count(&row);
            self.rows.certificates.push(row);
            self.rows.signatures.push(first_signature);
            return;
        }
        self.event_serial += 1;
        self.due.insert(
            (signing.second, self.event_serial),
            Due {
                row,
                first_signature,
                contents,
                second: 1 - drafter,
                draft_view,
                post,
                transport,
                replaces,
            },
        );
    }

    /// Issues, in order, the documents whose second signature comes before `before`.
    pub(super) fn issue_due_before(&mut self, before: DateTime<Utc>) -> Result<(), AppError> {
        while let Some(entry) = self.due.first_entry() {
            if entry.key().0 >= before {
                break;
            }
            let ((at, _), due) = entry.remove_entry();
            self.issue(due, at)?;
        }
        Ok(())
    }

    /// The second signature issues the document at `at` (as `workflows::certificates::sign`
    /// does), and what becomes of it afterwards: a correction, a revocation, border checks.
    fn issue(&mut self, due: Due, at: DateTime<Utc>) -> Result<(), AppError> {
        let Due {
            mut row,
            first_signature,
            contents,
            second,
            draft_view,
            post,
            transport,
            replaces,
        } = due;
        let now = self.now;
        let kind = row.kind;
        let signer = self.ctx.certs.certifiers[second].clone();
        let number = self.next_code(kind.prefix(), kind.prefix(), at.year());
        let issued_at = t(at);
        let valid_until = self
            .issuing
            .valid_days(kind)
            .map(|days| UtcTime(issued_at.0 + Duration::days(days)));
        let token = match (kind.claim(), valid_until) {
            (Some(claim), Some(until)) => Some(
                self.issuing
                    .keyring
                    .sign(
                        &claims(&self.issuing, &contents, &number, claim, issued_at, until),
                        Utc::now(),
                    )
                    .map_err(AppError::internal)?,
            ),
            _ => None,
        };
        if let Some(old) = replaces {
            self.event(
                at,
                &signer.person,
                "certificate.replaced",
                "certificate",
                old.to_string(),
                None,
                json!({ "replaced_by": number }),
            );
        }
        row.status = CertificateStatus::Issued;
        row.number = Some(number);
        row.verification_code = Some(verification_code());
        row.token = token;
        row.issued_at = Some(issued_at);
        row.valid_until = valid_until;
        row.version = 3;
        let id = row.id;
        let issued_view = row.audit_view();
        self.event_with_before(
            at,
            &signer.person,
            "certificate.issued",
            "certificate",
            id.to_string(),
            None,
            Some(draft_view),
            issued_view.clone(),
        );
        let second_signature = signature(id, &signer, SignatureMeaning::CoSigned, at);

        // Valid until it expires, is replaced or is revoked.
        let mut ends = valid_until.map_or(now, |u| u.0.min(now));
        let mut correction = None;
        if !kind.is_notice() && self.rng.chance(15) {
            let draft_at =
                at + Duration::days(1) + Duration::minutes(self.rng.below(5 * 1440) as i64);
            let signing = self.signing(draft_at);
            if draft_at <= now {
                if signing.second <= now {
                    row.status = CertificateStatus::Replaced;
                    row.version = 4;
                    ends = ends.min(signing.second);
                }
                correction = Some(signing);
            }
        } else if !kind.is_notice() && self.rng.chance(7) {
            let revoked_at =
                at + Duration::days(2) + Duration::minutes(self.rng.below(10 * 1440) as i64);
            if revoked_at <= now {
                let by = self.ctx.certs.certifiers[1].person.clone();
                row.status = CertificateStatus::Revoked;
                row.revoked_at = Some(t(revoked_at));
                row.revoked_by = Some(by.id);
                row.revocation_reason = Some(REVOCATION_REASON.to_owned());
                row.version = 4;
                ends = ends.min(revoked_at);
                self.event_with_before(
                    revoked_at,
                    &by,
                    "certificate.revoked",
                    "certificate",
                    id.to_string(),
                    None,
                    Some(issued_view),
                    json!({ "status": "revoked", "reason": REVOCATION_REASON }),
                );
            }
        }
        let consignment = row.consignment_id;
        self.count(&row);
        self.rows.certificates.push(row);
        self.rows.signatures.push(first_signature);
        self.rows.signatures.push(second_signature);
        if !kind.is_notice() && self.rng.chance(500) {
            self.border_checks(id, post, transport, at, ends);
        }
        if let Some(signing) = correction {
            let mut corrected = contents;
            corrected.transport_details = format!("{}, wagon 2 replaced", corrected.lots);
            let drafter = usize::from(self.rng.chance(500));
            self.draft(
                consignment,
                kind,
                corrected,
                Some(id),
                drafter,
                &signing,
                post,
                transport,
                now,
            );
        }
        Ok(())
    }

    /// The inspector of the declared post checks the certificate a day or a few after it
    /// was issued, while it is valid: released, now and then held for a day first.
    fn border_checks(
        &mut self,
        certificate: CertificateId,
        post: BorderPostId,
        transport: Transport,
        issued: DateTime<Utc>,
        ends: DateTime<Utc>,
    ) {
        let Some(inspector) = self.ctx.certs.inspectors.get(&post).cloned() else {
            return;
        };
        let mut at = issued + Duration::minutes(1440 + self.rng.below(3 * 1440) as i64);
        let mut outcomes = vec![Outcome::Released];
        if self.rng.chance(60) {
            outcomes.insert(0, Outcome::Held);
        }
        for outcome in outcomes {
            if at >= ends {
                return;
            }
            let row = BorderCheckRow {
                id: BorderCheckId(id_at(at)),
                certificate_id: certificate,
                post_id: post,
                inspector_id: inspector.id,
                outcome,
                note: if outcome == Outcome::Held {
                    HELD_NOTE.to_owned()
                } else {
                    String::new()
                },
                declared_post_id: post,
                declared_transport: transport,
                observed_transport: transport,
                warnings: String::new(),
                checked_at: t(at),
            };
            self.event(
                at,
                &inspector,
                "border_check.recorded",
                "border_check",
                row.id.to_string(),
                None,
                row.audit_view(),
            );
            self.rows.border_checks.push(row);
            self.report.border_checks += 1;
            at += Duration::hours(20);
        }
    }
}

fn signature(
    certificate: CertificateId,
    by: &Certifier,
    meaning: SignatureMeaning,
    at: DateTime<Utc>,
) -> SignatureRow {
    SignatureRow {
        id: SignatureId(id_at(at)),
        certificate_id: certificate,
        signer_id: by.person.id,
        side: by.side,
        meaning,
        printed_name: by.name.clone(),
        time_zone: by.zone,
        signed_at: t(at),
    }
}
