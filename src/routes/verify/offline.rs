//! What a phone keeps for verifying without a link: the service worker (scope `/v/`), the
//! offline verdict page it serves when the server cannot be reached, and the web app manifest.
//! The check itself runs in `static/verify.js`.

use actix_web::HttpResponse;
use actix_web::http::header;
use askama::Template;

use super::verdict_keys;
use crate::error::AppError;
use crate::queries::verification::Verdict;
use crate::web::{Base, render};

#[derive(Template)]
#[template(path = "verify/offline.html")]
pub struct OfflinePage {
    pub base: Base,
    /// (verdict, icon, word key, explanation key) of each verdict an offline check gives.
    pub verdicts: Vec<(&'static str, &'static str, String, String)>,
}

/// `GET /v/offline`: the page the worker keeps, in the language of whoever saved it.
pub async fn page(base: Base) -> Result<HttpResponse, AppError> {
    let verdicts = [
        (Verdict::Valid, "✓", "verify.offline_valid"),
        (Verdict::Revoked, "✕", "verify.explain.revoked"),
        (Verdict::Replaced, "!", "verify.explain.replaced"),
        (Verdict::Expired, "!", "verify.explain.expired"),
        (Verdict::Forged, "✕", "verify.explain.forged"),
    ]
    .into_iter()
    .map(|(v, icon, explanation)| (v.as_str(), icon, verdict_keys(v).0, explanation.to_owned()))
    .collect();
    let mut res = render(&OfflinePage { base, verdicts })?;
    res.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-cache"),
    );
    Ok(res)
}

/// `GET /v/sw.js`: always revalidated, so that a new version reaches phones at their next scan.
pub async fn worker() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/javascript; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-cache"))
        .body(include_str!("../../../static/sw.js"))
}

/// `GET /manifest.webmanifest`: the verification pages can be added to a phone's home screen.
pub async fn manifest() -> HttpResponse {
    let body = serde_json::json!({
        "name": "jointlab — certificate check",
        "short_name": "jointlab",
        "start_url": "/verify",
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#0b5563",
        "icons": [{ "src": "/static/favicon.svg", "sizes": "any", "type": "image/svg+xml" }],
    });
    HttpResponse::Ok()
        .content_type("application/manifest+json")
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(body.to_string())
}
