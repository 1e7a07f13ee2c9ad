//! `GET /api/v1/verify/{token}`: the verdict page's answer as JSON, for programs (a customs
//! system, a scanner app). No account; names in English.

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use serde::Serialize;

use super::Printed;
use crate::db::types::UtcTime;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::queries::verification;
use crate::web::AppState;

#[derive(Serialize, utoipa::ToSchema)]
pub struct Answer {
    /// `valid`, `revoked`, `replaced`, `expired`, `not_found`, `forged` or `notice`.
    verdict: &'static str,
    /// True only for `valid`: the certificate is genuine and in force now.
    valid: bool,
    checked_at: String,
    /// What the certificate prints; absent for `not_found` and `forged`.
    #[serde(skip_serializing_if = "Option::is_none")]
    certificate: Option<Printed>,
}

/// Verify a certificate token
///
/// What a QR code's token says now: genuine or forged, and valid, revoked, replaced or
/// expired. No token needed.
#[utoipa::path(get, path = "/api/v1/verify/{token}", tag = "public",
    operation_id = "verify_token",
    params(("token" = String, Path, description = "The certificate token (compact JWS) of the QR code")),
    responses((status = 200, description = "The verdict", body = Answer)))]
pub async fn show(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    let keyring = state.keyring.clone();
    let now = UtcTime::now();
    let verification = state
        .db
        .run(move |conn| Ok(verification::by_token(conn, &keyring, &token, now)?))
        .await?;
    let answer = Answer {
        verdict: verification.verdict.as_str(),
        valid: verification.verdict.is_valid(),
        checked_at: crate::signing::keyring::rfc3339(now.0),
        certificate: verification
            .found
            .as_ref()
            .map(|f| Printed::of(f, Lang::En)),
    };
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(answer))
}
