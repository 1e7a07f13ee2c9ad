//! A consignment's path in time, as its exporter may read it: built from the records and the
//! audit log, with no staff identity, no internal note and no unverified value. Each event names
//! the party that acted (the Kazakh or the Chinese laboratory, the registry, the exporter),
//! never a person.
//!
//! Extension point: a new kind of event (border checks, say) is a new [`EventKind`] variant,
//! a loader that pushes it in [`of_consignment`], and its words in `src/i18n/timeline/`.

use std::collections::HashMap;

use diesel::prelude::*;
use serde_json::Value;

use crate::db::DbConn;
use crate::db::ids::UserId;
use crate::db::schema::{audit_events, discrepancies, samples, tests, users};
use crate::db::types::UtcTime;
use crate::domain::{Role, Scope, Side};
use crate::models::certificate::{Certificate, CertificateId, CertificateKind, CertificateStatus};
use crate::models::consignment::{Consignment, ConsignmentId};
use crate::models::custody::{CustodyEvent, CustodyKind};
use crate::models::discrepancy::DiscrepancyStatus;
use crate::models::lab_test::{LIVE, TestStatus};
use crate::models::sample::Sample;

/// Who acted, as an exporter is told: a party, never a member of staff.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Party {
    /// The exporter's own company.
    Exporter,
    /// The joint laboratory's reception (registrars of either side, the system).
    Registry,
    KazakhLab,
    ChineseLab,
    /// Both laboratories together (co-signed documents, discrepancies between them).
    JointLab,
    /// An inspector at a border post (never named to the exporter).
    Border,
}

impl Party {
    pub fn of_side(side: Side) -> Party {
        match side {
            Side::Kz => Party::KazakhLab,
            Side::Cn => Party::ChineseLab,
        }
    }

    /// Catalog key of the party's name.
    pub fn key(self) -> &'static str {
        match self {
            Party::Exporter => "timeline.party.exporter",
            Party::Registry => "timeline.party.registry",
            Party::KazakhLab => "timeline.party.kz",
            Party::ChineseLab => "timeline.party.cn",
            Party::JointLab => "timeline.party.joint",
            Party::Border => "timeline.party.border",
        }
    }
}

/// What happened. This is the extension point of the timeline: border checks, when they
/// exist, become a variant here (e.g. `BorderCheck { post, outcome }`) with their loader in
/// [`of_consignment`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventKind {
    ApplicationFiled {
        code: String,
    },
    ApplicationReturned {
        reason: String,
    },
    ApplicationResubmitted,
    ApplicationAccepted,
    /// A consignment registered by the lab without an application.
    ConsignmentRegistered,
    /// A sample registered by the lab (the event's time), with when it was drawn.
    SampleDrawn {
        code: String,
        drawn_at: UtcTime,
    },
    SampleCancelled {
        code: String,
    },
    PortionReceived {
        code: String,
        side: Side,
    },
    PortionRejected {
        code: String,
        side: Side,
    },
    /// A side's tests on the whole consignment: how many of them are verified. Counts only:
    /// a value is never shown before it is verified.
    TestingProgress {
        side: Side,
        verified: i64,
        total: i64,
    },
    DiscrepancyOpened {
        code: String,
    },
    DiscrepancyResolved {
        code: String,
    },
    CertificateIssued {
        id: CertificateId,
        kind: CertificateKind,
        number: String,
    },
    CertificateReplaced {
        id: CertificateId,
        number: String,
        by: Option<String>,
    },
    CertificateRevoked {
        id: CertificateId,
        number: String,
        reason: String,
    },
    NoticeIssued {
        id: CertificateId,
        number: String,
    },
    /// An inspector's decision on a certificate at a border post.
    BorderCheck {
        number: String,
        /// The post's name in the four languages (en, ru, kk, zh).
        post: crate::domain::certificate::Names,
        outcome: crate::models::border_check::Outcome,
    },
}

/// One line of the timeline.
#[derive(Debug, Clone)]
pub struct TimelineEvent {
    pub at: UtcTime,
    pub by: Party,
    pub kind: EventKind,
}

impl TimelineEvent {
    fn new(at: UtcTime, by: Party, kind: EventKind) -> Self {
        TimelineEvent { at, by, kind }
    }

    /// The document this event links to (its page and its PDF), if any.
    pub fn document(&self) -> Option<CertificateId> {
        match &self.kind {
            EventKind::CertificateIssued { id, .. }
            | EventKind::CertificateReplaced { id, .. }
            | EventKind::CertificateRevoked { id, .. }
            | EventKind::NoticeIssued { id, .. } => Some(*id),
            _ => None,
        }
    }
}

/// The consignment's timeline, oldest first, if `scope` may see the consignment (`None`
/// answers exactly like a consignment that does not exist). Documents follow the scope's
/// visibility: an exporter never sees a draft.
pub fn of_consignment(
    conn: &mut DbConn,
    scope: Scope,
    id: ConsignmentId,
) -> QueryResult<Option<Vec<TimelineEvent>>> {
    let Some(consignment) = Consignment::find_for(conn, scope, id)? else {
        return Ok(None);
    };
    let mut events = Vec::new();
    application_events(conn, &consignment, &mut events)?;
    let samples = Sample::of_consignment(conn, id)?;
    let codes: HashMap<_, _> = samples.iter().map(|s| (s.id, s.code.clone())).collect();
    for sample in &samples {
        // Dated by its registration: the drawing time is typed in afterwards and may precede
        // the application itself.
        events.push(TimelineEvent::new(
            sample.created_at,
            Party::Registry,
            EventKind::SampleDrawn {
                code: sample.code.clone(),
                drawn_at: sample.drawn_at,
            },
        ));
        for custody in CustodyEvent::of_sample(conn, sample.id)? {
            if let Some(event) = custody_event(&custody, &sample.code) {
                events.push(event);
            }
        }
    }
    testing_progress(conn, id, &mut events)?;
    let found: Vec<(
        crate::models::sample::SampleId,
        DiscrepancyStatus,
        UtcTime,
        Option<UtcTime>,
    )> = discrepancies::table
        .inner_join(samples::table)
        .filter(samples::consignment_id.eq(id))
        .select((
            discrepancies::sample_id,
            discrepancies::status,
            discrepancies::created_at,
            discrepancies::resolved_at,
        ))
        .load(conn)?;
    for (sample, status, opened, resolved) in found {
        let code = codes.get(&sample).cloned().unwrap_or_default();
        events.push(TimelineEvent::new(
            opened,
            Party::JointLab,
            EventKind::DiscrepancyOpened { code: code.clone() },
        ));
        if let (DiscrepancyStatus::Resolved, Some(at)) = (status, resolved) {
            events.push(TimelineEvent::new(
                at,
                Party::JointLab,
                EventKind::DiscrepancyResolved { code },
            ));
        }
    }
    let documents = Certificate::of_consignment(conn, scope, id)?;
    border_events(conn, &documents, &mut events)?;
    document_events(&documents, &mut events);
    // Stable: events of the same instant keep the order they were pushed in (cause first).
    events.sort_by_key(|e| e.at);
    Ok(Some(events))
}

/// The party a user acted as: the exporter, the registry, or their side's laboratory.
fn parties(conn: &mut DbConn, ids: Vec<UserId>) -> QueryResult<HashMap<UserId, Party>> {
    let rows: Vec<(UserId, Role, Option<Side>)> = users::table
        .filter(users::id.eq_any(ids))
        .select((users::id, users::role, users::side))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, role, side)| {
            let party = match (role, side) {
                (Role::Exporter, _) => Party::Exporter,
                (Role::Registrar, _) | (_, None) => Party::Registry,
                (_, Some(side)) => Party::of_side(side),
            };
            (id, party)
        })
        .collect())
}

/// Filed, returned (with the reason the registrar gave the exporter), resubmitted, accepted:
/// from the audit log, which keeps every round of a returned application.
fn application_events(
    conn: &mut DbConn,
    consignment: &Consignment,
    events: &mut Vec<TimelineEvent>,
) -> QueryResult<()> {
    let Some(application) = consignment.application_id else {
        events.push(TimelineEvent::new(
            consignment.created_at,
            Party::Registry,
            EventKind::ConsignmentRegistered,
        ));
        return Ok(());
    };
    let rows: Vec<(UtcTime, Option<UserId>, String, Option<String>)> = audit_events::table
        .filter(audit_events::entity_type.eq("application"))
        .filter(audit_events::entity_id.eq(application.to_string()))
        .filter(audit_events::action.eq_any([
            "application.submitted",
            "application.returned",
            "application.resubmitted",
            "application.accepted",
        ]))
        .order(audit_events::seq)
        .select((
            audit_events::at,
            audit_events::actor_id,
            audit_events::action,
            audit_events::after,
        ))
        .load(conn)?;
    let who = parties(conn, rows.iter().filter_map(|r| r.1).collect())?;
    for (at, actor, action, after) in rows {
        let by = actor
            .and_then(|a| who.get(&a).copied())
            .unwrap_or(Party::Registry);
        let field = |name: &str| -> String {
            after
                .as_deref()
                .and_then(|a| serde_json::from_str::<Value>(a).ok())
                .and_then(|v| v.get(name).and_then(Value::as_str).map(str::to_owned))
                .unwrap_or_default()
        };
        let kind = match action.as_str() {
            "application.submitted" => EventKind::ApplicationFiled {
                code: field("code"),
            },
            "application.returned" => EventKind::ApplicationReturned {
                reason: field("reason"),
            },
            "application.resubmitted" => EventKind::ApplicationResubmitted,
            _ => EventKind::ApplicationAccepted,
        };
        events.push(TimelineEvent::new(at, by, kind));
    }
    Ok(())
}

/// A portion's receipt, rejection or the sample's cancellation, by the party that recorded it.
/// Seals, temperatures, hand-overs and reasons stay on the lab's side.
fn custody_event(custody: &CustodyEvent, code: &str) -> Option<TimelineEvent> {
    let code = code.to_owned();
    let (by, kind) = match (custody.kind, custody.side) {
        (CustodyKind::Accepted, Some(side)) => (
            Party::of_side(side),
            EventKind::PortionReceived { code, side },
        ),
        (CustodyKind::Rejected, Some(side)) => (
            Party::of_side(side),
            EventKind::PortionRejected { code, side },
        ),
        (CustodyKind::Cancelled, _) => (Party::Registry, EventKind::SampleCancelled { code }),
        _ => return None,
    };
    Some(TimelineEvent::new(custody.at, by, kind))
}

/// Per side: how many of its live tests on the consignment are verified, dated by the latest
/// verification (or, before any, by when the tests were put on the bench).
fn testing_progress(
    conn: &mut DbConn,
    id: ConsignmentId,
    events: &mut Vec<TimelineEvent>,
) -> QueryResult<()> {
    let rows: Vec<(Side, TestStatus, UtcTime, Option<UtcTime>)> = tests::table
        .inner_join(samples::table)
        .filter(samples::consignment_id.eq(id))
        .filter(tests::status.eq_any(LIVE))
        .filter(tests::withdrawn_at.is_null())
        .select((
            tests::side,
            tests::status,
            tests::created_at,
            tests::verified_at,
        ))
        .load(conn)?;
    for side in [Side::Kz, Side::Cn] {
        let of_side: Vec<_> = rows.iter().filter(|r| r.0 == side).collect();
        let Some(first) = of_side.iter().map(|r| r.2).min() else {
            continue;
        };
        let verified = of_side
            .iter()
            .filter(|r| r.1 == TestStatus::Verified)
            .count() as i64;
        let at = of_side.iter().filter_map(|r| r.3).max().unwrap_or(first);
        events.push(TimelineEvent::new(
            at,
            Party::of_side(side),
            EventKind::TestingProgress {
                side,
                verified,
                total: of_side.len() as i64,
            },
        ));
    }
    Ok(())
}

/// The border checks of the consignment's issued documents.
fn border_events(
    conn: &mut DbConn,
    documents: &[Certificate],
    events: &mut Vec<TimelineEvent>,
) -> QueryResult<()> {
    use crate::models::border_check::BorderCheck;
    use crate::models::border_post::BorderPost;
    let posts = BorderPost::all(conn)?;
    for doc in documents.iter().filter(|d| d.issued_at.is_some()) {
        let number = doc.number.clone().unwrap_or_default();
        for check in BorderCheck::of_certificate(conn, doc.id)? {
            let post = posts
                .iter()
                .find(|p| p.id == check.post_id)
                .map(|p| {
                    crate::domain::certificate::Names([
                        p.name_en.clone(),
                        p.name_ru.clone(),
                        p.name_kk.clone(),
                        p.name_zh.clone(),
                    ])
                })
                .unwrap_or_default();
            events.push(TimelineEvent::new(
                check.checked_at,
                Party::Border,
                EventKind::BorderCheck {
                    number: number.clone(),
                    post,
                    outcome: check.outcome,
                },
            ));
        }
    }
    Ok(())
}

/// Issued, replaced and revoked documents (drafts and discarded ones are not events).
fn document_events(documents: &[Certificate], events: &mut Vec<TimelineEvent>) {
    for doc in documents {
        let (Some(issued), Some(number)) = (doc.issued_at, doc.number.clone()) else {
            continue;
        };
        let kind = match doc.kind {
            CertificateKind::Notice => EventKind::NoticeIssued {
                id: doc.id,
                number: number.clone(),
            },
            kind => EventKind::CertificateIssued {
                id: doc.id,
                kind,
                number: number.clone(),
            },
        };
        events.push(TimelineEvent::new(issued, Party::JointLab, kind));
        if doc.status == CertificateStatus::Replaced {
            let replacement = documents
                .iter()
                .find(|r| r.replaces_id == Some(doc.id) && r.issued_at.is_some());
            if let Some(at) = replacement.and_then(|r| r.issued_at) {
                events.push(TimelineEvent::new(
                    at,
                    Party::JointLab,
                    EventKind::CertificateReplaced {
                        id: doc.id,
                        number: number.clone(),
                        by: replacement.and_then(|r| r.number.clone()),
                    },
                ));
            }
        }
        if let Some(at) = doc.revoked_at {
            events.push(TimelineEvent::new(
                at,
                Party::JointLab,
                EventKind::CertificateRevoked {
                    id: doc.id,
                    number,
                    reason: doc.revocation_reason.clone().unwrap_or_default(),
                },
            ));
        }
    }
}

/// A sample's conformity as its exporter may read it: both sides' verified results (with the
/// limits they were held against), and per side how many of its tests are verified.
#[derive(Debug, Clone)]
pub struct SampleConformity {
    pub sample: Sample,
    pub verified: Vec<(
        crate::models::lab_test::LabTest,
        crate::models::catalog::TestMethod,
    )>,
    /// `(side, verified, total)` of the sample's live tests, for each side that has any.
    pub progress: Vec<(Side, i64, i64)>,
}

impl SampleConformity {
    /// How many verified results do not conform.
    pub fn failing(&self) -> usize {
        use crate::domain::measure::ConformityText;
        self.verified
            .iter()
            .filter(|(t, _)| t.conformity == Some(ConformityText::DoesNotConform))
            .count()
    }

    /// Every live test of both sides is verified.
    pub fn complete(&self) -> bool {
        !self.progress.is_empty() && self.progress.iter().all(|(_, v, t)| v == t)
    }
}

/// The conformity summary of each sample of a consignment `scope` may see, in sample order;
/// `None` when the consignment is not the scope's. Only verified results are read.
pub fn conformity(
    conn: &mut DbConn,
    scope: Scope,
    id: ConsignmentId,
) -> QueryResult<Option<Vec<SampleConformity>>> {
    if Consignment::find_for(conn, scope, id)?.is_none() {
        return Ok(None);
    }
    let mut out = Vec::new();
    for sample in Sample::of_consignment(conn, id)? {
        let verified = crate::queries::testing::of_sample_visible(conn, sample.id, None)?;
        let rows: Vec<(Side, TestStatus)> = tests::table
            .filter(tests::sample_id.eq(sample.id))
            .filter(tests::status.eq_any(LIVE))
            .filter(tests::withdrawn_at.is_null())
            .select((tests::side, tests::status))
            .load(conn)?;
        let progress = [Side::Kz, Side::Cn]
            .into_iter()
            .filter_map(|side| {
                let total = rows.iter().filter(|r| r.0 == side).count() as i64;
                let done = rows
                    .iter()
                    .filter(|r| r.0 == side && r.1 == TestStatus::Verified)
                    .count() as i64;
                (total > 0).then_some((side, done, total))
            })
            .collect();
        out.push(SampleConformity {
            sample,
            verified,
            progress,
        });
    }
    Ok(Some(out))
}
