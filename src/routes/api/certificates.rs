//! Certificates and their border checks: `GET /api/v1/certificates` (the list page's
//! documents and filters), `GET /api/v1/certificates/{id}` (status and standing now),
//! `GET /api/v1/certificates/{id}/border-checks`, and `POST` there for an inspector — through
//! the same workflow as the certificate page's form (`workflows::border::record`).

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::gate::language;
use super::{Problem, instant, page_size, paginate};
use crate::auth::policy;
use crate::auth::{CertificateReader, CertificateViewer, Inspector};
use crate::db::types::UtcTime;
use crate::domain::Role;
use crate::domain::border::{CheckEntry, CheckForm};
use crate::error::{AppError, ErrorPage, problem};
use crate::models::User;
use crate::models::certificate::{Certificate, CertificateId, CertificateKind, CertificateStatus};
use crate::queries::border as border_query;
use crate::web::AppState;
use crate::workflows::border::{self, ACKNOWLEDGE};
use crate::workflows::{Change, apply};

/// A certificate or non-conformity notice, and where it stands now.
#[derive(Serialize, ToSchema)]
pub struct CertificateOut {
    pub id: String,
    pub consignment_id: String,
    /// `phytosanitary`, `veterinary` or a notice kind.
    pub kind: String,
    /// As recorded: `draft`, `issued`, `replaced` or `revoked`.
    pub status: String,
    /// Now: `draft`, `valid`, `expired`, `replaced` or `revoked`.
    pub standing: String,
    /// `KZCN-PC-2026-000045`, once issued.
    pub number: Option<String>,
    pub issued_at: Option<String>,
    pub valid_until: Option<String>,
    /// The certificate this one replaces.
    pub replaces_id: Option<String>,
    pub revoked_at: Option<String>,
    pub revocation_reason: Option<String>,
}

impl CertificateOut {
    fn of(c: &Certificate, now: UtcTime) -> Self {
        CertificateOut {
            id: c.id.to_string(),
            consignment_id: c.consignment_id.to_string(),
            kind: c.kind.as_str().to_owned(),
            status: c.status.as_str().to_owned(),
            standing: c.standing(now).as_str().to_owned(),
            number: c.number.clone(),
            issued_at: c.issued_at.as_ref().map(instant),
            valid_until: c.valid_until.as_ref().map(instant),
            replaces_id: c.replaces_id.map(|r| r.to_string()),
            revoked_at: c.revoked_at.as_ref().map(instant),
            revocation_reason: c.revocation_reason.clone(),
        }
    }
}

/// One page of certificates.
#[derive(Serialize, ToSchema)]
pub struct CertificatePage {
    pub items: Vec<CertificateOut>,
    /// The cursor of the next page (`?cursor=`), absent on the last.
    pub next: Option<String>,
}

/// The certificate list's filters.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct CertificateParams {
    /// `issued`, `replaced`, `revoked` (certifiers also `draft`).
    pub status: Option<String>,
    /// Certificate kind.
    pub kind: Option<String>,
    /// The `next` of the previous page.
    pub cursor: Option<String>,
    /// Items per page, 1–200 (default 50).
    pub limit: Option<i64>,
}

/// A border check as its reader may see it.
#[derive(Serialize, ToSchema)]
pub struct BorderCheckOut {
    pub id: String,
    /// The post's code where it was recorded.
    pub post: String,
    /// `released`, `held` or `refused`.
    pub outcome: String,
    /// The inspector's note (not shown to exporters).
    pub note: Option<String>,
    /// The transport mode seen at the post.
    pub observed_transport: String,
    /// The warnings the inspector confirmed having read.
    pub warnings: Vec<String>,
    pub checked_at: String,
}

/// The border checks of a certificate, oldest first.
#[derive(Serialize, ToSchema)]
pub struct BorderCheckList {
    pub items: Vec<BorderCheckOut>,
}

/// An inspector's decision at his post.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct BorderCheckIn {
    /// `released`, `held` or `refused`.
    pub outcome: String,
    /// Required when holding or refusing.
    pub note: String,
    /// The transport mode seen: `rail` or `road`.
    pub observed_transport: String,
    /// The warning codes the inspector has read (a 422 `border.acknowledge_required` lists
    /// those due in `warnings`).
    pub acknowledged: Vec<String>,
    /// How many checks of the certificate the client saw (`GET …/border-checks`): a check
    /// recorded since makes this one a conflict (409).
    pub seen_checks: Option<i64>,
}

/// List certificates
///
/// Certifiers and auditors see every document, an exporter their company's issued ones;
/// newest first.
#[utoipa::path(get, path = "/api/v1/certificates", tag = "certificates",
    operation_id = "list_certificates", params(CertificateParams),
    responses(
        (status = 200, description = "One page", body = CertificatePage),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not for this role", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn list(
    state: web::Data<AppState>,
    who: CertificateReader,
    params: web::Query<CertificateParams>,
) -> Result<HttpResponse, AppError> {
    let user = who.0;
    let limit = page_size(params.limit)?;
    let is_certifier = user.role == Role::Certifier;
    // As the list page: only certifiers ask for drafts.
    let statuses: Vec<CertificateStatus> =
        CertificateStatus::parse(params.status.as_deref().unwrap_or(""))
            .filter(|s| is_certifier || *s != CertificateStatus::Draft)
            .into_iter()
            .collect();
    let kind = CertificateKind::parse(params.kind.as_deref().unwrap_or(""));
    let before: Option<CertificateId> = match params.cursor.as_deref() {
        None | Some("") => None,
        Some(c) => Some(c.parse().map_err(|_| AppError::BadRequest)?),
    };
    let scope = user.scope();
    let rows = state
        .db
        .run(move |conn| {
            Ok(Certificate::list_for(
                conn,
                scope,
                &statuses,
                kind,
                before,
                limit + 1,
            )?)
        })
        .await?;
    let (rows, next) = paginate(rows, limit, |c| c.id.to_string());
    let now = UtcTime::now();
    Ok(HttpResponse::Ok().json(CertificatePage {
        items: rows.iter().map(|c| CertificateOut::of(c, now)).collect(),
        next,
    }))
}

/// The certificate `id` as `user` may see it: in their scope, and never a draft for those
/// who do not see drafts (exporters, inspectors) — as the certificate page.
fn visible(
    conn: &mut crate::db::DbConn,
    user: &User,
    id: CertificateId,
) -> Result<Certificate, AppError> {
    Certificate::find_for(conn, user.scope(), id)?
        .filter(|c| policy::sees_drafts(user.role) || c.is_published())
        .ok_or(AppError::NotFound)
}

/// Read a certificate's status
#[utoipa::path(get, path = "/api/v1/certificates/{id}", tag = "certificates",
    operation_id = "show_certificate",
    params(("id" = String, Path, description = "Certificate id")),
    responses(
        (status = 200, description = "The certificate and where it stands now", body = CertificateOut),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such certificate, or not yours", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn show(
    state: web::Data<AppState>,
    who: CertificateViewer,
    id: web::Path<CertificateId>,
) -> Result<HttpResponse, AppError> {
    let user = who.0;
    let id = id.into_inner();
    let certificate = state.db.run(move |conn| visible(conn, &user, id)).await?;
    Ok(HttpResponse::Ok().json(CertificateOut::of(&certificate, UtcTime::now())))
}

/// List a certificate's border checks
#[utoipa::path(get, path = "/api/v1/certificates/{id}/border-checks", tag = "border checks",
    operation_id = "list_border_checks",
    params(("id" = String, Path, description = "Certificate id")),
    responses(
        (status = 200, description = "Its checks, oldest first", body = BorderCheckList),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such certificate, or not yours", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn checks(
    state: web::Data<AppState>,
    who: CertificateViewer,
    id: web::Path<CertificateId>,
) -> Result<HttpResponse, AppError> {
    let user = who.0;
    let id = id.into_inner();
    // Exporters see the post and the decision, as on their timeline; never the note.
    let shows_note = user.role != Role::Exporter;
    let lines = state
        .db
        .run(move |conn| {
            visible(conn, &user, id)?;
            Ok(border_query::history(conn, id)?)
        })
        .await?;
    let items = lines
        .iter()
        .map(|l| BorderCheckOut {
            id: l.check.id.to_string(),
            post: l.post.code.clone(),
            outcome: l.check.outcome.as_str().to_owned(),
            note: shows_note.then(|| l.check.note.clone()),
            observed_transport: l.check.observed_transport.as_str().to_owned(),
            warnings: l
                .check
                .warning_list()
                .iter()
                .map(|w| w.as_str().to_owned())
                .collect(),
            checked_at: instant(&l.check.checked_at),
        })
        .collect();
    Ok(HttpResponse::Ok().json(BorderCheckList { items }))
}

/// Record a border check
///
/// Needs a write token of an inspector; the check is recorded at the post of his account,
/// audited with him as actor, and shown on the certificate's page.
#[utoipa::path(post, path = "/api/v1/certificates/{id}/border-checks", tag = "border checks",
    operation_id = "record_border_check", request_body = BorderCheckIn,
    params(("id" = String, Path, description = "Certificate id")),
    responses(
        (status = 201, description = "Recorded", body = BorderCheckOut),
        (status = 401, description = "No valid token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "A read token, or not an inspector", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such issued certificate", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Another check was recorded since `seen_checks`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Refused: wrong fields (`errors`), warnings to acknowledge (`warnings`), or a release not allowed", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn record(
    req: HttpRequest,
    state: web::Data<AppState>,
    who: Inspector,
    id: web::Path<CertificateId>,
    body: web::Json<BorderCheckIn>,
) -> Result<HttpResponse, AppError> {
    let user = who.0;
    let id = id.into_inner();
    let lang = language(&req);
    let input = body.into_inner();
    let form = CheckForm {
        outcome: input.outcome.clone(),
        note: input.note.clone(),
        observed_transport: input.observed_transport.clone(),
        acknowledged: if input.acknowledged.is_empty() {
            ""
        } else {
            "yes"
        }
        .into(),
        shown: input.acknowledged.join(","),
        seen_checks: input.seen_checks.map(|n| n.to_string()).unwrap_or_default(),
    };
    let entry = match CheckEntry::try_from(&form) {
        Ok(entry) => entry,
        Err(errors) => {
            let mut list = vec![
                ("outcome", errors.outcome),
                ("note", errors.note),
                ("observed_transport", errors.observed),
            ];
            if form.seen_checks().is_none() {
                list.push(("seen_checks", Some("field.required")));
            }
            let errors: Vec<_> = list
                .into_iter()
                .filter_map(|(field, e)| e.map(|e| (field, e)))
                .collect();
            return Ok(fields(&errors, lang));
        }
    };
    let by = user.clone();
    let observed = entry.observed;
    let change = apply(&state.db, move |conn| {
        border::record(conn, &by, id, &entry, UtcTime::now())
    })
    .await?;
    match change {
        Change::Done(check) => {
            let post_id = check.post_id;
            let post = state
                .db
                .run(move |conn| Ok(crate::models::BorderPost::find(conn, post_id)?))
                .await?;
            Ok(HttpResponse::Created()
                .insert_header((
                    header::LOCATION,
                    format!("/api/v1/certificates/{id}/border-checks"),
                ))
                .json(BorderCheckOut {
                    id: check.id.to_string(),
                    post: post.map(|p| p.code).unwrap_or_default(),
                    outcome: check.outcome.as_str().to_owned(),
                    note: Some(check.note.clone()),
                    observed_transport: check.observed_transport.as_str().to_owned(),
                    warnings: check
                        .warning_list()
                        .iter()
                        .map(|w| w.as_str().to_owned())
                        .collect(),
                    checked_at: instant(&check.checked_at),
                }))
        }
        Change::Stale => Err(AppError::Conflict),
        Change::Refused(key) if key == ACKNOWLEDGE => {
            // Tell the client which warnings are due, as the page shows them.
            let here = user.border_post_id.ok_or(AppError::NotFound)?;
            let due = state
                .db
                .run(move |conn| {
                    let certificate = visible(conn, &user, id)?;
                    let (facts, _) = border_query::facts(conn, &certificate, here, UtcTime::now())?;
                    Ok(facts.warnings(observed))
                })
                .await?;
            let mut extra = serde_json::Map::new();
            extra.insert(
                "warnings".into(),
                due.iter().map(|w| w.as_str()).collect::<Vec<_>>().into(),
            );
            Ok(problem(ErrorPage::Unprocessable(key), lang, extra))
        }
        Change::Refused(key) => Err(AppError::Unprocessable(key)),
    }
}

/// A 422 problem listing the wrong fields.
pub fn fields(errors: &[(&'static str, &'static str)], lang: crate::i18n::Lang) -> HttpResponse {
    let list: Vec<serde_json::Value> = errors
        .iter()
        .map(|(field, key)| {
            serde_json::json!({
                "field": field,
                "code": key,
                "detail": crate::i18n::t(lang, key),
            })
        })
        .collect();
    let mut extra = serde_json::Map::new();
    extra.insert("errors".into(), list.into());
    problem(ErrorPage::Unprocessable("api.invalid_fields"), lang, extra)
}
