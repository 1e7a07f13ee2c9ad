//! `GET /certificates/{id}.xml`: the certificate as an ePhyto message (UN/CEFACT
//! `rsm:SPSCertificate`, see `crate::ephyto`), for those who open the certificate's page:
//! certifiers, auditors, inspectors, and the exporter for their own. A draft, a discarded
//! draft or a non-conformity notice has no message: 404, as for a certificate not found.

use actix_web::http::header;
use actix_web::{HttpResponse, web};

use super::Document;
use crate::auth::CertificateViewer;
use crate::ephyto::{self, Source};
use crate::error::AppError;
use crate::models::certificate::CertificateId;
use crate::web::AppState;

pub async fn download(
    state: web::Data<AppState>,
    who: CertificateViewer,
    path: web::Path<CertificateId>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let scope = who.0.scope();
    let doc = state
        .db
        .run(move |conn| Document::load(conn, scope, id))
        .await?;
    if !ephyto::has_message(&doc.certificate) {
        return Err(AppError::NotFound);
    }
    let xml = ephyto::sps_certificate(&Source {
        certificate: &doc.certificate,
        contents: &doc.contents,
        signatures: &doc.signatures,
        replaces: doc.replaces.as_ref(),
    });
    let number = doc.certificate.number.as_deref().unwrap_or_default();
    Ok(HttpResponse::Ok()
        .content_type("application/xml; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{number}.xml\""),
        ))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(xml))
}
