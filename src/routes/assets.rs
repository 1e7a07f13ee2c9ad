//! The stylesheet, the small script and the icon, compiled in: no CDN, nothing to deploy beside the binary.

use actix_web::http::header;
use actix_web::{HttpResponse, web};

use crate::error::AppError;

const FILES: &[(&str, &str, &str)] = &[
    (
        "app.css",
        "text/css; charset=utf-8",
        include_str!("../../static/app.css"),
    ),
    (
        "app.js",
        "text/javascript; charset=utf-8",
        include_str!("../../static/app.js"),
    ),
    (
        "verify.js",
        "text/javascript; charset=utf-8",
        include_str!("../../static/verify.js"),
    ),
    (
        "labels.js",
        "text/javascript; charset=utf-8",
        include_str!("../../static/labels.js"),
    ),
    (
        "favicon.svg",
        "image/svg+xml",
        include_str!("../../static/favicon.svg"),
    ),
];

pub async fn serve(file: web::Path<String>) -> Result<HttpResponse, AppError> {
    let (_, content_type, body) = FILES
        .iter()
        .find(|(name, _, _)| *name == file.as_str())
        .ok_or(AppError::NotFound)?;
    Ok(HttpResponse::Ok()
        .content_type(*content_type)
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(*body))
}
