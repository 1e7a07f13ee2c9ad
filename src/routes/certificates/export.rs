//! `GET /certificates.csv`: the documents the list's filters (`status`, `kind`) select, in
//! the reader's scope (an exporter: their company's issued documents), newest first, as CSV.

use actix_web::{HttpResponse, web};

use crate::auth::CertificateReader;
use crate::domain::Role;
use crate::error::AppError;
use crate::models::certificate::{Certificate, CertificateKind, CertificateStatus};
use crate::models::consignment::Consignment;
use crate::web::csv::{MAX_ROWS, download};
use crate::web::{AppState, Base, url_encode};

use super::list::ListQuery;

pub async fn csv(
    state: web::Data<AppState>,
    base: Base,
    who: CertificateReader,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let user = who.0;
    let query = query.into_inner();
    let is_certifier = user.role == Role::Certifier;
    let scope = user.scope();
    // The same selection as the list's documents.
    let statuses: Vec<CertificateStatus> = CertificateStatus::parse(&query.status)
        .filter(|s| is_certifier || *s != CertificateStatus::Draft)
        .into_iter()
        .collect();
    let kind = CertificateKind::parse(&query.kind);
    let (documents, codes) = state
        .db
        .run(move |conn| {
            let documents =
                Certificate::list_for(conn, scope, &statuses, kind, None, MAX_ROWS as i64 + 1)?;
            let mut codes: Vec<(crate::db::ids::ConsignmentId, String)> = Vec::new();
            for c in documents.iter().take(MAX_ROWS) {
                if !codes.iter().any(|(id, _)| *id == c.consignment_id)
                    && let Some(found) = Consignment::find_for(conn, scope, c.consignment_id)?
                {
                    codes.push((found.id, found.code));
                }
            }
            Ok((documents, codes))
        })
        .await?;
    let now = crate::db::types::UtcTime::now();
    download(
        base,
        "certificates",
        format!(
            "/certificates?status={}&kind={}",
            url_encode(&query.status),
            url_encode(&query.kind)
        ),
        &[
            "certificate.number",
            "certification.kind",
            "consignments.one",
            "certificate.issued_at",
            "intake.status",
        ],
        &documents,
        |base, c| {
            vec![
                c.number.clone().unwrap_or_default(),
                base.t(super::kind_key(c.kind.as_str())).to_owned(),
                codes
                    .iter()
                    .find(|(id, _)| *id == c.consignment_id)
                    .map(|(_, code)| code.clone())
                    .unwrap_or_default(),
                c.issued_at
                    .as_ref()
                    .map(|at| base.time(at))
                    .unwrap_or_default(),
                base.tk("certificate.standing.", c.standing(now).as_str())
                    .to_owned(),
            ]
        },
    )
}
