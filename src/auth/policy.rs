//! May this person do this to this record? One answer for the workflow that refuses, for the
//! page that offers a button or a form, and for navigation and home tiles — so a page never
//! offers what the server refuses.
//!
//! Each rule returns `Ok(())` or the catalog key of the reason, which the page can show.

use std::ops::Deref;

use crate::domain::border::Warning;
use crate::domain::{Role, Side};
use crate::models::User;
use crate::models::application::{Application, ApplicationStatus};
use crate::models::certificate::{Certificate, CertificateStatus, Signature};
use crate::models::discrepancy::Discrepancy;
use crate::models::lab_test::{LabTest, TestStatus};
use crate::models::sample::{
    COUNTER_STORE, Portion, PortionKind, PortionStatus, RECEPTION, Sample, SampleStatus,
};

/// A rule's answer: allowed, or the catalog key saying why not.
pub type Verdict = Result<(), &'static str>;

fn rule(holds: bool, key: &'static str) -> Verdict {
    if holds { Ok(()) } else { Err(key) }
}

/// A member of the lab's staff (registrar, analyst, reviewer, certifier, auditor): a side is
/// not optional.
#[derive(Debug, Clone)]
pub struct Staff {
    pub user: User,
    pub side: Side,
}

impl Staff {
    /// The staff member behind `user`, if `user` holds a lab role.
    pub fn of(user: User) -> Option<Staff> {
        let side = user.side?;
        matches!(
            user.role,
            Role::Registrar | Role::Analyst | Role::Reviewer | Role::Certifier | Role::Auditor
        )
        .then_some(Staff { user, side })
    }

    pub fn actor(&self) -> crate::models::Actor {
        crate::models::Actor::user(self.user.id, &self.user.email)
    }

    /// The party name of this side's lab in custody records.
    pub fn lab(&self) -> &'static str {
        self.side.as_str()
    }
}

impl Deref for Staff {
    type Target = User;
    fn deref(&self) -> &User {
        &self.user
    }
}

// ---- navigation ---------------------------------------------------------------------------

/// Pages a role may open: navigation links and home tiles are built from these answers, and
/// the role guards of the same pages admit exactly these roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Users,
    Catalog,
    Audit,
    Exporters,
    Applications,
    Consignments,
    Samples,
    Bench,
    Review,
    Certificates,
    /// An inspector's border post: what is expected there and what was checked today.
    Post,
    /// The mail outbox: queued, sent and parked messages.
    Outbox,
}

pub fn may_open(role: Role, page: Page) -> bool {
    use Role::*;
    let roles: &[Role] = match page {
        Page::Users | Page::Catalog | Page::Outbox => &[Admin],
        Page::Audit => &[Admin, Auditor],
        Page::Exporters => &[Admin, Registrar],
        Page::Applications => &[Registrar, Exporter, Auditor],
        Page::Consignments | Page::Samples => {
            &[Registrar, Analyst, Reviewer, Certifier, Exporter, Auditor]
        }
        Page::Bench => &[Analyst, Reviewer],
        Page::Review => &[Reviewer],
        Page::Certificates => &[Certifier, Exporter, Auditor],
        Page::Post => &[Inspector],
    };
    roles.contains(&role)
}

// ---- intake -------------------------------------------------------------------------------

/// A registrar accepts or returns a submitted application.
pub fn may_decide(user: &User, application: &Application) -> Verdict {
    rule(user.role == Role::Registrar, "policy.not_your_role")?;
    rule(
        application.status == ApplicationStatus::Submitted,
        "applications.already_decided",
    )
}

/// The exporter who owns a returned application corrects it and submits it again (the
/// caller's scope has already kept other companies' applications out).
pub fn may_resubmit(user: &User, application: &Application) -> Verdict {
    rule(user.role == Role::Exporter, "policy.not_your_role")?;
    rule(
        user.exporter_id == Some(application.exporter_id),
        "policy.not_your_company",
    )?;
    rule(
        application.status == ApplicationStatus::Returned,
        "timeline.not_returned",
    )
}

/// Who files testing applications (and so may start one as a copy of another).
pub fn may_file(role: Role) -> bool {
    matches!(role, Role::Registrar | Role::Exporter)
}

// ---- custody ------------------------------------------------------------------------------

/// Whether `holder` is a party a registrar of `side` answers for: their own lab, or the joint
/// reception and counter-sample store.
fn answers_for(side: Side, holder: &str) -> bool {
    holder == side.as_str() || holder == RECEPTION || holder == COUNTER_STORE
}

fn sample_open(sample: &Sample) -> Verdict {
    rule(
        !matches!(
            sample.status,
            SampleStatus::Cancelled | SampleStatus::Rejected | SampleStatus::Closed
        ),
        "custody.sample_closed",
    )
}

/// A registrar hands a portion sealed at reception over to its lab or the counter store.
pub fn may_hand_over(staff: &Staff, sample: &Sample, portion: &Portion) -> Verdict {
    rule(staff.role == Role::Registrar, "policy.not_your_role")?;
    sample_open(sample)?;
    rule(
        portion.status == PortionStatus::Sealed && portion.holder == RECEPTION,
        "custody.not_at_reception",
    )
}

/// A registrar records the arrival of their own side's portion.
pub fn may_receive(staff: &Staff, sample: &Sample, portion: &Portion) -> Verdict {
    rule(staff.role == Role::Registrar, "policy.not_your_role")?;
    rule(
        portion.portion.side() == Some(staff.side),
        "custody.not_your_portion",
    )?;
    sample_open(sample)?;
    rule(
        matches!(
            portion.status,
            PortionStatus::Sealed | PortionStatus::HandedOver
        ),
        "custody.already_received",
    )
}

/// What the disposal rule needs to know beyond the portion itself.
#[derive(Debug, Clone, Copy, Default)]
pub struct DisposalContext {
    /// The sample has a discrepancy waiting for arbitration.
    pub open_discrepancy: bool,
    /// The portion's side still has tests pending, entered or awaiting review on it.
    pub tests_running: bool,
}

/// A registrar disposes of a portion their side or the joint reception holds; never the
/// counter-sample while a discrepancy is open, never a portion still under test.
pub fn may_dispose(staff: &Staff, portion: &Portion, context: DisposalContext) -> Verdict {
    rule(staff.role == Role::Registrar, "policy.not_your_role")?;
    rule(
        portion.status != PortionStatus::Disposed,
        "custody.already_disposed",
    )?;
    rule(
        answers_for(staff.side, &portion.holder),
        "custody.held_by_other_side",
    )?;
    if portion.portion == PortionKind::Counter {
        rule(
            !context.open_discrepancy,
            "custody.counter_kept_for_arbitration",
        )?;
    }
    rule(!context.tests_running, "custody.portion_under_test")
}

/// A registrar cancels a sample only while no side has received its portion.
pub fn may_cancel(staff: &Staff, sample: &Sample, portions: &[Portion]) -> Verdict {
    rule(staff.role == Role::Registrar, "policy.not_your_role")?;
    sample_open(sample)?;
    rule(
        portions
            .iter()
            .all(|p| matches!(p.status, PortionStatus::Sealed | PortionStatus::HandedOver)),
        "custody.cancel_after_receipt",
    )
}

/// A registrar draws a replacement for a sample whose portion was rejected as unfit.
pub fn may_draw_replacement(user: &User, sample: &Sample, replaced: bool) -> Verdict {
    rule(user.role == Role::Registrar, "policy.not_your_role")?;
    rule(
        sample.status == SampleStatus::Rejected,
        "custody.not_rejected",
    )?;
    rule(!replaced, "custody.already_replaced")
}

// ---- testing ------------------------------------------------------------------------------

fn own_side(staff: &Staff, test: &LabTest) -> Verdict {
    rule(test.side == staff.side, "policy.other_side")
}

/// Results are entered, reviewed and managed only on a sample still being tested.
fn sample_testable(sample: &Sample) -> Verdict {
    rule(
        !matches!(
            sample.status,
            SampleStatus::Cancelled | SampleStatus::Rejected | SampleStatus::Closed
        ),
        "bench.sample_closed",
    )
}

/// An analyst enters a result of their side's pending test.
pub fn may_enter(staff: &Staff, sample: &Sample, test: &LabTest) -> Verdict {
    rule(staff.role == Role::Analyst, "policy.not_your_role")?;
    own_side(staff, test)?;
    sample_testable(sample)?;
    rule(test.status == TestStatus::Pending, "bench.not_pending")
}

/// A reviewer verifies or rejects an entered result of their side — never their own entry.
pub fn may_review(staff: &Staff, sample: &Sample, test: &LabTest) -> Verdict {
    rule(staff.role == Role::Reviewer, "policy.not_your_role")?;
    own_side(staff, test)?;
    sample_testable(sample)?;
    rule(test.status == TestStatus::Entered, "review.not_entered")?;
    rule(test.entered_by != Some(staff.id), "review.own_entry")
}

/// A reviewer invalidates a verified result of their side (a retest follows).
pub fn may_invalidate(staff: &Staff, sample: &Sample, test: &LabTest) -> Verdict {
    rule(staff.role == Role::Reviewer, "policy.not_your_role")?;
    own_side(staff, test)?;
    sample_testable(sample)?;
    rule(test.status == TestStatus::Verified, "tests.not_verified")
}

/// A reviewer removes a pending test of their side.
pub fn may_remove(staff: &Staff, sample: &Sample, test: &LabTest) -> Verdict {
    rule(staff.role == Role::Reviewer, "policy.not_your_role")?;
    own_side(staff, test)?;
    sample_testable(sample)?;
    rule(test.status == TestStatus::Pending, "tests.not_removable")
}

/// A reviewer adds a test for their side on a sample their lab has received.
pub fn may_add_test(staff: &Staff, sample: &Sample, own_portion_received: bool) -> Verdict {
    rule(staff.role == Role::Reviewer, "policy.not_your_role")?;
    sample_testable(sample)?;
    rule(own_portion_received, "tests.portion_not_received")
}

// ---- discrepancies ------------------------------------------------------------------------

/// A reviewer records their side's resolution while the discrepancy is open — once, or again
/// while the two sides' resolutions contradict each other.
pub fn may_resolve(staff: &Staff, discrepancy: &Discrepancy) -> Verdict {
    rule(staff.role == Role::Reviewer, "policy.not_your_role")?;
    rule(discrepancy.is_open(), "discrepancy.closed")?;
    rule(
        discrepancy.outcome_of(staff.side).is_none()
            || discrepancy.outcome_of(staff.side.other()).is_some(),
        "discrepancy.already_recorded",
    )
}

// ---- certificates -------------------------------------------------------------------------

/// A certifier drafts a certificate or notice (the workflow checks the consignment's results).
pub fn may_draft(staff: &Staff) -> Verdict {
    rule(staff.role == Role::Certifier, "policy.not_your_role")
}

/// A certifier signs a draft once per side and once per person: the first signature issues,
/// the second, from the other side, co-signs.
pub fn may_sign(staff: &Staff, certificate: &Certificate, signatures: &[Signature]) -> Verdict {
    rule(staff.role == Role::Certifier, "policy.not_your_role")?;
    rule(
        certificate.status == CertificateStatus::Draft,
        "certification.not_a_draft",
    )?;
    rule(
        !signatures.iter().any(|s| s.signer_id == staff.id),
        "certification.signed_already",
    )?;
    rule(
        !signatures.iter().any(|s| s.side == staff.side),
        "certification.side_signed",
    )
}

/// A certifier discards a draft nobody of the other side has signed yet.
pub fn may_discard(staff: &Staff, certificate: &Certificate) -> Verdict {
    rule(staff.role == Role::Certifier, "policy.not_your_role")?;
    rule(
        certificate.status == CertificateStatus::Draft,
        "certification.not_a_draft",
    )
}

/// A certifier drafts a correction of an issued certificate (a notice is not replaced), once.
pub fn may_replace(staff: &Staff, certificate: &Certificate, replacement: bool) -> Verdict {
    rule(staff.role == Role::Certifier, "policy.not_your_role")?;
    rule(
        certificate.status == CertificateStatus::Issued && !certificate.kind.is_notice(),
        "certification.not_issued",
    )?;
    rule(!replacement, "certification.replacement_exists")
}

/// A certifier of either side revokes an issued certificate or notice, with a reason.
pub fn may_revoke(staff: &Staff, certificate: &Certificate) -> Verdict {
    rule(staff.role == Role::Certifier, "policy.not_your_role")?;
    rule(
        certificate.status == CertificateStatus::Issued,
        "certification.not_issued",
    )
}

/// Whether `role` sees certificates before they are issued: the certifiers who draft them and
/// the auditors; exporters and inspectors see only issued, replaced and revoked documents.
pub fn sees_drafts(role: Role) -> bool {
    matches!(role, Role::Certifier | Role::Auditor)
}

// ---- border checks ------------------------------------------------------------------------

/// An inspector records border checks, at the post of his account only.
pub fn may_check(user: &User) -> Verdict {
    rule(user.role == Role::Inspector, "policy.not_your_role")?;
    rule(user.border_post_id.is_some(), "border.no_post")
}

/// A certificate is released once, and only while it is valid: a revoked, replaced or expired
/// certificate, or a non-conformity notice, may only be held or refused.
pub fn may_release(warnings: &[Warning]) -> Verdict {
    rule(
        !warnings
            .iter()
            .any(|w| matches!(w, Warning::ReleasedElsewhere | Warning::ReleasedHere)),
        "border.already_released",
    )?;
    rule(
        !warnings.iter().any(|w| {
            matches!(
                w,
                Warning::Revoked | Warning::Replaced | Warning::Expired | Warning::Notice
            )
        }),
        "border.not_releasable",
    )
}
