//! The exporter's desk on a consignment's page: the timeline's events in words, and the
//! conformity summary's texts.

use crate::queries::timeline::{EventKind, Party, TimelineEvent};
use crate::web::Base;

/// One timeline event in the reader's language (plain text; the template escapes it).
pub fn describe(base: &Base, event: &TimelineEvent) -> String {
    let side = |s: &crate::domain::Side| base.t(Party::of_side(*s).key());
    match &event.kind {
        EventKind::ApplicationFiled { code } => {
            base.tf("timeline.application_filed", &[("code", code)])
        }
        EventKind::ApplicationReturned { reason } => {
            base.tf("timeline.application_returned", &[("reason", reason)])
        }
        EventKind::ApplicationResubmitted => base.t("timeline.application_resubmitted").into(),
        EventKind::ApplicationAccepted => base.t("timeline.application_accepted").into(),
        EventKind::ConsignmentRegistered => base.t("timeline.consignment_registered").into(),
        EventKind::SampleDrawn { code, drawn_at } => base.tf(
            "timeline.sample_drawn",
            &[("code", code), ("drawn", &base.time(drawn_at))],
        ),
        EventKind::SampleCancelled { code } => {
            base.tf("timeline.sample_cancelled", &[("code", code)])
        }
        EventKind::PortionReceived { code, side: s } => base.tf(
            "timeline.portion_received",
            &[("code", code), ("lab", side(s))],
        ),
        EventKind::PortionRejected { code, side: s } => base.tf(
            "timeline.portion_rejected",
            &[("code", code), ("lab", side(s))],
        ),
        EventKind::TestingProgress {
            side: s,
            verified,
            total,
        } => base.tn(
            "timeline.testing_progress",
            total,
            &[("lab", side(s)), ("verified", &verified.to_string())],
        ),
        EventKind::DiscrepancyOpened { code } => {
            base.tf("timeline.discrepancy_opened", &[("code", code)])
        }
        EventKind::DiscrepancyResolved { code } => {
            base.tf("timeline.discrepancy_resolved", &[("code", code)])
        }
        EventKind::CertificateIssued { kind, number, .. } => base.tf(
            "timeline.certificate_issued",
            &[
                (
                    "document",
                    base.t(crate::routes::certificates::kind_key(kind.as_str())),
                ),
                ("number", number),
            ],
        ),
        EventKind::CertificateReplaced { number, by, .. } => match by {
            Some(by) => base.tf(
                "timeline.certificate_replaced",
                &[("number", number), ("replacement", by)],
            ),
            None => base.tf("timeline.certificate_replaced_plain", &[("number", number)]),
        },
        EventKind::CertificateRevoked { number, reason, .. } => base.tf(
            "timeline.certificate_revoked",
            &[("number", number), ("reason", reason)],
        ),
        EventKind::NoticeIssued { number, .. } => {
            base.tf("timeline.notice_issued", &[("number", number)])
        }
        EventKind::BorderCheck {
            number,
            post,
            outcome,
        } => base.tf(
            "timeline.border_check",
            &[
                ("number", number),
                ("post", post.get(&base.lang)),
                ("outcome", base.tk("border.outcome.", outcome.as_str())),
            ],
        ),
    }
}
