//! The role is in the handler's signature: `CurrentUser` for anyone signed in, and one guard
//! per group of roles built on it. A visitor is sent to the login page; a signed-in user of
//! another role gets 403.

use std::future::{Ready, ready};
use std::ops::Deref;

use actix_web::{FromRequest, HttpRequest, dev::Payload};

use super::policy::Staff;
use crate::domain::Role;
use crate::error::AppError;
use crate::models::User;
use crate::web::RequestContext;

/// Paths a user who must change their password may still open.
const PASSWORD_CHANGE_PATHS: &[&str] = &["/account", "/account/password", "/logout"];

/// Anyone signed in. A user holding a one-time password is kept on the account page until
/// they choose their own.
pub struct CurrentUser(pub User);

impl CurrentUser {
    fn extract(req: &HttpRequest) -> Result<User, AppError> {
        let next = match req.query_string() {
            "" => req.path().to_owned(),
            q => format!("{}?{q}", req.path()),
        };
        let user = RequestContext::of(req)
            .and_then(|c| c.user)
            .ok_or(AppError::Unauthenticated { next })?;
        if user.must_change_password && !PASSWORD_CHANGE_PATHS.contains(&req.path()) {
            return Err(AppError::Redirect("/account".into()));
        }
        Ok(user)
    }
}

impl FromRequest for CurrentUser {
    type Error = AppError;
    type Future = Ready<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(CurrentUser::extract(req).map(CurrentUser))
    }
}

impl Deref for CurrentUser {
    type Target = User;
    fn deref(&self) -> &User {
        &self.0
    }
}

/// Declares a guard that admits the listed roles only.
macro_rules! role_guard {
    ($(#[$meta:meta])* $name:ident: $($role:ident)|+) => {
        $(#[$meta])*
        pub struct $name(pub User);

        impl $name {
            pub const ROLES: &'static [Role] = &[$(Role::$role),+];
        }

        impl FromRequest for $name {
            type Error = AppError;
            type Future = Ready<Result<Self, AppError>>;

            fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
                ready(CurrentUser::extract(req).and_then(|user| {
                    if $name::ROLES.contains(&user.role) {
                        Ok($name(user))
                    } else {
                        Err(AppError::Forbidden)
                    }
                }))
            }
        }

        impl Deref for $name {
            type Target = User;
            fn deref(&self) -> &User {
                &self.0
            }
        }
    };
}

role_guard!(
    /// Users, catalogs and border posts.
    Admin: Admin
);

role_guard!(
    /// Readers of the audit log: the administrator, and the auditors (each sees their side's
    /// blind events only).
    AuditReader: Admin | Auditor
);

role_guard!(
    /// Exporter companies: the administrator and the registrars.
    CompanyManager: Admin | Registrar
);

/// Declares a guard that admits the listed lab roles only, as [`Staff`] with their side.
macro_rules! staff_guard {
    ($(#[$meta:meta])* $name:ident: $($role:ident)|+) => {
        $(#[$meta])*
        pub struct $name(pub Staff);

        impl $name {
            pub const ROLES: &'static [Role] = &[$(Role::$role),+];
        }

        impl FromRequest for $name {
            type Error = AppError;
            type Future = Ready<Result<Self, AppError>>;

            fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
                ready(CurrentUser::extract(req).and_then(|user| {
                    if !$name::ROLES.contains(&user.role) {
                        return Err(AppError::Forbidden);
                    }
                    // A lab role without a side is refused by the database; never admit one.
                    Staff::of(user).map($name).ok_or(AppError::Forbidden)
                }))
            }
        }

        impl Deref for $name {
            type Target = Staff;
            fn deref(&self) -> &Staff {
                &self.0
            }
        }
    };
}

staff_guard!(
    /// Registers consignments and samples, seals, splits, hands over, records receipts.
    Registrar: Registrar
);

role_guard!(
    /// Files testing applications: registrars, and exporters for their own company.
    Applicant: Registrar | Exporter
);

role_guard!(
    /// An exporter's own desk: correcting and resubmitting their company's returned
    /// applications.
    ExporterUser: Exporter
);

role_guard!(
    /// Reads testing applications: registrars, exporters (their own) and auditors.
    ApplicationReader: Registrar | Exporter | Auditor
);

role_guard!(
    /// Reads consignments and samples: the lab's staff, exporters (their own) and auditors.
    IntakeReader: Registrar | Analyst | Reviewer | Certifier | Exporter | Auditor
);

role_guard!(
    /// Prints sample labels.
    LabelPrinter: Registrar | Analyst | Reviewer
);

staff_guard!(
    /// Enters results for their own side.
    Analyst: Analyst
);

staff_guard!(
    /// Verifies or rejects their own side's results, never their own entries.
    Reviewer: Reviewer
);

staff_guard!(
    /// Sees a side's bench: its analysts and reviewers.
    BenchReader: Analyst | Reviewer
);

staff_guard!(
    /// Drafts, signs, replaces and revokes certificates for their own side.
    Certifier: Certifier
);

role_guard!(
    /// Reads certificates and notices: certifiers, exporters (their own, issued) and auditors.
    CertificateReader: Certifier | Exporter | Auditor
);

role_guard!(
    /// Opens one certificate or notice: its readers, and inspectors (issued, replaced and
    /// revoked documents only — never a draft), who check it at the border.
    CertificateViewer: Certifier | Exporter | Auditor | Inspector
);

role_guard!(
    /// Records border checks at the post of his account, and sees that post's page.
    Inspector: Inspector
);
