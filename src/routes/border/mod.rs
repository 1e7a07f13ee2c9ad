//! The border: an inspector's check of a certificate (recorded from its page), the check
//! history every reader of the certificate sees, and the post page.

pub mod post;
pub mod record;

use crate::auth::policy;
use crate::db::DbConn;
use crate::db::types::UtcTime;
use crate::domain::border::{CheckErrors, CheckForm, Warning};
use crate::domain::intake::Transport;
use crate::error::AppError;
use crate::models::certificate::Certificate;
use crate::models::{BorderPost, User};
use crate::queries::border::{self, Declared};

/// The inspector's part of a certificate's page: where he stands, what was declared, the
/// warnings that stop him, and the form as he filled it.
pub struct BorderSection {
    pub post: BorderPost,
    pub declared: Declared,
    pub warnings: Vec<Warning>,
    /// Whether "released" is offered (the policy's answer).
    pub may_release: bool,
    /// The checks of the certificate the page shows (the form's staleness guard).
    pub seen_checks: i64,
    pub form: CheckForm,
    pub errors: CheckErrors,
    /// Beside the confirmation box: the warnings were not confirmed.
    pub acknowledge_error: Option<&'static str>,
}

impl BorderSection {
    /// The section for `inspector` on `certificate`, the form filled with `form` (a fresh form
    /// assumes the declared transport mode).
    pub fn load(
        conn: &mut DbConn,
        inspector: &User,
        certificate: &Certificate,
        form: Option<CheckForm>,
    ) -> Result<Option<BorderSection>, AppError> {
        if policy::may_check(inspector).is_err() {
            return Ok(None);
        }
        let Some(here) = inspector.border_post_id else {
            return Ok(None);
        };
        let post = BorderPost::find(conn, here)?.ok_or(AppError::NotFound)?;
        let (facts, declared) = border::facts(conn, certificate, here, UtcTime::now())?;
        let form = form.unwrap_or_else(|| CheckForm {
            observed_transport: declared.transport.as_str().to_owned(),
            ..CheckForm::default()
        });
        let observed =
            Transport::parse(form.observed_transport.trim()).unwrap_or(declared.transport);
        let warnings = facts.warnings(observed);
        // Whether a release is possible does not depend on the mode seen.
        let may_release = policy::may_release(&facts.warnings(declared.transport)).is_ok();
        let seen_checks = crate::models::border_check::BorderCheck::count_of(conn, certificate.id)?;
        Ok(Some(BorderSection {
            post,
            declared,
            warnings,
            may_release,
            seen_checks,
            form,
            errors: CheckErrors::default(),
            acknowledge_error: None,
        }))
    }

    /// The warnings as the form carries them back.
    pub fn shown(&self) -> String {
        crate::domain::border::join(&self.warnings)
    }

    /// The outcomes offered, in the order shown.
    pub fn outcomes(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.may_release {
            out.push("released");
        }
        out.extend(["held", "refused"]);
        out
    }

    /// Whether the form chose `outcome`.
    pub fn picked(&self, outcome: &str) -> bool {
        self.form.outcome.trim() == outcome
    }

    /// Whether the form chose transport `mode`.
    pub fn seen_by(&self, mode: &str) -> bool {
        self.form.observed_transport.trim() == mode
    }

    /// Whether the confirmation box was ticked.
    pub fn acknowledged(&self) -> bool {
        self.form.acknowledged == "yes"
    }

    /// The transport modes, the declared one first.
    pub fn modes(&self) -> [&'static str; 2] {
        match self.declared.transport {
            Transport::Rail => ["rail", "road"],
            Transport::Road => ["road", "rail"],
        }
    }
}
