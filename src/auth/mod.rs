//! Who is asking: passwords, sessions, CSRF tokens and the role extractors.

pub mod csrf;
pub mod extractors;
pub mod login;
pub mod password;
pub mod policy;
pub mod reauth;
pub mod session;
pub use crate::token;

pub use extractors::{
    Admin, Analyst, Applicant, ApplicationReader, AuditReader, BenchReader, CertificateReader,
    CertificateViewer, Certifier, CompanyManager, CurrentUser, ExporterUser, Inspector,
    IntakeReader, LabelPrinter, Registrar, Reviewer,
};
