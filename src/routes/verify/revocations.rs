//! `GET /.well-known/revocations.json`: every revoked or replaced certificate number with its
//! date, as a compact JWS signed by the keys of the JWK Set, so that a verifier without a
//! link checks a token against the list it saved and knows how old that list is.

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use chrono::Utc;

use crate::error::AppError;
use crate::queries::verification::{self, RevocationList};
use crate::web::AppState;

pub async fn show(state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let revoked = state
        .db
        .run(|conn| Ok(verification::withdrawn(conn)?))
        .await?;
    let now = Utc::now();
    let list = RevocationList {
        iss: state.settings.signing.issuer.clone(),
        iat: now.timestamp(),
        issued_at: crate::signing::keyring::rfc3339(now),
        revoked,
    };
    let payload = serde_json::to_vec(&list).map_err(AppError::internal)?;
    let jws = state
        .keyring
        .sign_payload(&payload, now)
        .map_err(AppError::internal)?;
    Ok(HttpResponse::Ok()
        .content_type("application/jose")
        .insert_header((header::CACHE_CONTROL, "public, max-age=60"))
        .body(jws))
}
