use actix_web::http::header;
use actix_web::{HttpResponse, web};

use crate::web::AppState;

/// `GET /.well-known/jwks.json`: the public keys that sign certificate tokens (every key not
/// revoked, newest first), as a JWK Set. Caches may keep it five minutes: a key is published
/// before it signs (`rotate-keys --from`), and a revoked key's absence shows within that time.
pub async fn show(state: web::Data<AppState>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/jwk-set+json")
        .insert_header((header::CACHE_CONTROL, "public, max-age=300"))
        .body(state.keyring.jwks().to_string())
}
