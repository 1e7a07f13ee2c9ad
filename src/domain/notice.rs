//! What users are told about: the events that put a notification in their inbox and, unless
//! they opted out, a message in the mail outbox.

crate::text_enum! {
    /// An event a user is notified of.
    NoticeKind {
        ApplicationAccepted => "application_accepted",
        ApplicationReturned => "application_returned",
        PortionReceived => "portion_received",
        TestingComplete => "testing_complete",
        DiscrepancyOpened => "discrepancy_opened",
        CertificateIssued => "certificate_issued",
        CertificateReplaced => "certificate_replaced",
        CertificateRevoked => "certificate_revoked",
        NonconformityNotice => "nonconformity_notice",
        ResultReturned => "result_returned",
        PasswordReset => "password_reset",
    }
}

impl NoticeKind {
    /// The events users choose to receive by mail or not (a reset link always goes).
    pub fn optional(self) -> bool {
        self != NoticeKind::PasswordReset
    }

    /// The events of the settings page.
    pub fn choices() -> impl Iterator<Item = NoticeKind> {
        NoticeKind::ALL.iter().copied().filter(|k| k.optional())
    }
}
