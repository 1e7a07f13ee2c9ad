//! `GET /certificates/{id}`: the document as printed (in the reader's language), its status,
//! its signatures with their meaning, times and zones, the chain of replacements, and for
//! certifiers what they may do now: sign (password again), discard a draft, draft a
//! replacement, revoke with a reason.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;

use super::{Document, conformity_text, limit_text, reading_text, signed_times};
use crate::auth::CertificateViewer;
use crate::auth::policy::{self, Staff};
use crate::domain::border::{CheckForm, Warning};
use crate::domain::certificate::ResultLine;
use crate::domain::{Role, Side};
use crate::error::AppError;
use crate::models::User;
use crate::models::audit;
use crate::models::border_check::BorderCheck;
use crate::models::certificate::{Certificate, CertificateId, Signature, Standing};
use crate::queries::border::{self as border_query, CheckLine};
use crate::queries::history::RecordNames;
use crate::routes::border::BorderSection;
use crate::web::history::{self, HistoryLine};
use crate::web::{AppState, Base, render_status};

#[derive(Template)]
#[template(path = "certificates/show.html")]
pub struct CertificatePage {
    pub base: Base,
    pub doc: Document,
    pub is_staff: bool,
    pub can_sign: bool,
    /// Why this certifier cannot sign the draft (shown instead of the form).
    pub sign_blocked: Option<&'static str>,
    pub can_discard: bool,
    pub can_replace: bool,
    pub can_revoke: bool,
    pub notice: Option<&'static str>,
    pub password_error: Option<&'static str>,
    pub reason: String,
    pub reason_error: Option<&'static str>,
    /// Shown after an issue: the number the second signature gave.
    pub issued: bool,
    /// The certificate's border checks, oldest first.
    pub history: Vec<CheckLine>,
    /// Whether the history names the inspectors (not for exporters).
    pub names_inspectors: bool,
    /// An inspector's section: the warnings and the border-check form.
    pub border: Option<BorderSection>,
    pub is_inspector: bool,
    /// Shown after a check was recorded.
    pub recorded: bool,
    /// The document's audit history in words, for the lab's readers (not for exporters and
    /// inspectors: it names staff).
    pub events: Option<Vec<HistoryLine>>,
}

impl CertificatePage {
    fn reading(&self, line: &ResultLine) -> String {
        reading_text(self.base.lang, line)
    }

    fn limit(&self, line: &ResultLine) -> String {
        limit_text(self.base.lang, line)
    }

    fn conformity(&self, line: &ResultLine) -> &'static str {
        conformity_text(self.base.lang, line)
    }

    fn side_of(&self, line: &ResultLine) -> &'static str {
        Side::parse(&line.side).map_or("", |s| self.base.side_name(&s))
    }

    fn signed_utc(&self, s: &Signature) -> String {
        signed_times(&s.signed_at, s.time_zone).0
    }

    fn signed_local(&self, s: &Signature) -> String {
        signed_times(&s.signed_at, s.time_zone).1
    }

    fn meaning(&self, s: &Signature) -> &'static str {
        self.base.tk("certificate.meaning.", s.meaning.as_str())
    }

    fn verify_url(&self) -> String {
        format!(
            "/verify/{}?code={}",
            self.doc.certificate.number.as_deref().unwrap_or(""),
            self.doc
                .certificate
                .verification_code
                .as_deref()
                .unwrap_or("")
        )
    }

    fn transport(&self) -> &'static str {
        self.base.tk("transport.", &self.doc.contents.transport)
    }

    fn unit(&self) -> &'static str {
        self.base.tk("unit.", &self.doc.contents.unit)
    }

    fn number_or_draft(&self) -> String {
        match &self.doc.certificate.number {
            Some(n) => n.clone(),
            None => self.base.t("certificate.status.draft").to_owned(),
        }
    }

    fn pdf_href(&self) -> String {
        format!("/certificates/{}.pdf", self.doc.certificate.id)
    }

    /// Whether the certificate has an ePhyto message (whoever opens this page may fetch it).
    fn has_ephyto(&self) -> bool {
        crate::ephyto::has_message(&self.doc.certificate)
    }

    fn ephyto_href(&self) -> String {
        format!("/certificates/{}.xml", self.doc.certificate.id)
    }

    fn replaces_href(&self, c: &Certificate) -> String {
        format!("/certificates/{}", c.id)
    }

    fn outcome(&self, check: &BorderCheck) -> &'static str {
        self.base.tk("border.outcome.", check.outcome.as_str())
    }

    fn mode(&self, mode: &str) -> &'static str {
        self.base.tk("transport.", mode)
    }

    fn warning(&self, warning: &Warning) -> String {
        let (post, at) = self
            .history
            .iter()
            .find(|l| l.check.outcome == crate::domain::border::Outcome::Released)
            .map(|l| {
                (
                    l.post.name(&self.base.lang).to_owned(),
                    self.base.time(&l.check.checked_at),
                )
            })
            .unwrap_or_default();
        let declared = self
            .border
            .as_ref()
            .map(|b| {
                (
                    b.declared.post.name(&self.base.lang).to_owned(),
                    self.base.tk("transport.", b.declared.transport.as_str()),
                )
            })
            .unwrap_or_default();
        self.base.tf(
            &format!("border.warning.{}", warning.as_str()),
            &[
                ("post", &post),
                ("at", &at),
                ("declared_post", &declared.0),
                ("declared_transport", declared.1),
            ],
        )
    }

    fn confirmed(&self, check: &BorderCheck) -> String {
        check
            .warning_list()
            .iter()
            .map(|w| self.base.tk("border.warning_short.", w.as_str()))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn border_error(&self, field: &str) -> Option<&'static str> {
        let b = self.border.as_ref()?;
        match field {
            "outcome" => b.errors.outcome,
            "note" => b.errors.note,
            "observed_transport" => b.errors.observed,
            _ => b.acknowledge_error,
        }
    }
}

/// Loads the page for `user`, with what the policy lets them do.
pub async fn load(
    state: &AppState,
    base: Base,
    user: User,
    id: CertificateId,
) -> Result<CertificatePage, AppError> {
    load_with(state, base, user, id, None).await
}

/// Like [`load`], an inspector's border-check form filled as `form`.
pub async fn load_with(
    state: &AppState,
    base: Base,
    user: User,
    id: CertificateId,
    form: Option<CheckForm>,
) -> Result<CertificatePage, AppError> {
    let scope = user.scope();
    let reader = user.clone();
    let (lang, role) = (base.lang, user.role);
    let (doc, history, border, events) = state
        .db
        .run(move |conn| {
            let mut doc = Document::load(conn, scope, id)?;
            if !policy::sees_drafts(reader.role) {
                // Inspectors, like exporters, never see a document before it is issued.
                if !doc.certificate.is_published() {
                    return Err(AppError::NotFound);
                }
                doc.replaced_by = doc.replaced_by.filter(|r| r.number.is_some());
            }
            let history = border_query::history(conn, id)?;
            let border = BorderSection::load(conn, &reader, &doc.certificate, form)?;
            let events = match role {
                Role::Exporter | Role::Inspector => None,
                _ => {
                    let events =
                        audit::of_entity(conn, "certificate", &id.to_string(), reader.side)?;
                    let names = RecordNames::load(conn, &events, &[], lang, role)?;
                    Some((events, names))
                }
            };
            Ok((doc, history, border, events))
        })
        .await?;
    let staff = (user.role == Role::Certifier)
        .then(|| Staff::of(user.clone()))
        .flatten();
    let replaced = doc.replaced_by.is_some();
    let (mut can_sign, mut sign_blocked, mut can_discard, mut can_replace, mut can_revoke) =
        (false, None, false, false, false);
    if let Some(staff) = &staff {
        match policy::may_sign(staff, &doc.certificate, &doc.signatures) {
            Ok(()) => can_sign = true,
            Err(key)
                if doc.certificate.status
                    == crate::models::certificate::CertificateStatus::Draft =>
            {
                sign_blocked = Some(key)
            }
            Err(_) => {}
        }
        can_discard = policy::may_discard(staff, &doc.certificate).is_ok();
        can_replace = policy::may_replace(staff, &doc.certificate, replaced).is_ok();
        can_revoke = policy::may_revoke(staff, &doc.certificate).is_ok();
    }
    let events = events.map(|(events, names)| history::lines(&base, role, events, &names));
    Ok(CertificatePage {
        events,
        base,
        doc,
        is_staff: !matches!(user.role, Role::Exporter | Role::Inspector),
        names_inspectors: user.role != Role::Exporter,
        is_inspector: user.role == Role::Inspector,
        history,
        border,
        recorded: false,
        can_sign,
        sign_blocked,
        can_discard,
        can_replace,
        can_revoke,
        notice: None,
        password_error: None,
        reason: String::new(),
        reason_error: None,
        issued: false,
    })
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct ShowQuery {
    pub issued: String,
    pub recorded: String,
}

pub async fn show(
    state: web::Data<AppState>,
    base: Base,
    who: CertificateViewer,
    id: web::Path<CertificateId>,
    query: web::Query<ShowQuery>,
) -> Result<HttpResponse, AppError> {
    let mut page = load(&state, base, who.0, id.into_inner()).await?;
    page.issued = query.issued == "1" && page.doc.certificate.number.is_some();
    page.recorded = query.recorded == "1" && !page.history.is_empty();
    render_status(StatusCode::OK, &page)
}
