//! Typed ids of every table: a leaf module, so that models, auth and the web layer can name
//! a record without importing another entity's model file.

crate::typed_id!(
    /// A test.
    LabTestId
);

crate::typed_id!(
    /// A custody event.
    CustodyEventId
);

crate::typed_id!(
    /// An exporter company.
    ExporterId
);

crate::typed_id!(
    /// A consignment.
    ConsignmentId
);

crate::typed_id!(
    /// An audit event.
    AuditEventId
);

crate::typed_id!(
    /// A person who signs in.
    UserId
);

crate::typed_id!(
    /// A commodity of the catalog.
    CommodityId
);

crate::typed_id!(
    /// A test method of the catalog.
    TestMethodId
);

crate::typed_id!(
    /// A destination market's limit set.
    LimitSetId
);

crate::typed_id!(
    /// One limit of a limit set.
    LimitId
);

crate::typed_id!(
    /// One test of a commodity's default panel.
    PanelTestId
);

crate::typed_id!(
    /// A testing application.
    ApplicationId
);

crate::typed_id!(
    /// A border post (seeded by the first migration).
    BorderPostId
);

crate::typed_id!(
    /// A discrepancy.
    DiscrepancyId
);

crate::typed_id!(
    /// A sample.
    SampleId
);

crate::typed_id!(
    /// A portion of a sample.
    PortionId
);

crate::typed_id!(
    /// A certificate or a non-conformity notice.
    CertificateId
);

crate::typed_id!(
    /// A signature on a certificate.
    SignatureId
);

crate::typed_id!(
    /// An exporter's registration on the GACC register of enterprises.
    GaccRegistrationId
);

crate::typed_id!(
    /// An additional declaration a destination's protocol requires on certificates.
    DeclarationId
);

crate::typed_id!(
    /// An inspector's check of a certificate at a border post.
    BorderCheckId
);

crate::typed_id!(
    /// A personal API token.
    ApiTokenId
);

crate::typed_id!(
    /// A message of the mail outbox.
    OutboxId
);

crate::typed_id!(
    /// A notification in a user's inbox.
    NotificationId
);
