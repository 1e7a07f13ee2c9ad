//! `GET /api/v1/openapi.json`: the OpenAPI 3.1 document of the API, derived from the
//! handlers' `#[utoipa::path]` annotations and the schemas of their bodies.

use std::sync::OnceLock;

use actix_web::HttpResponse;
use actix_web::http::header;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::{applications, certificates, consignments, docs, samples};
use crate::routes::verify;

/// The personal bearer token every operation but the public ones needs.
struct BearerToken;

impl Modify for BearerToken {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        let mut scheme = Http::new(HttpAuthScheme::Bearer);
        scheme.description = Some(
            "A personal API token (`jl_…`), made on the account page; shown once. A `read` \
             token cannot change anything."
                .into(),
        );
        components.add_security_scheme("bearer", SecurityScheme::Http(scheme));
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "jointlab API",
        version = "1",
        description = "The laboratory's consignments, samples, certificates and border checks \
                       for programs, in the scope of the token's owner exactly as the pages show \
                       them. Errors are RFC 9457 problems (`application/problem+json`). Lists \
                       are paginated by keyset: pass a page's `next` as `cursor`. Each token may \
                       make a limited number of requests per window (`RateLimit-Policy`, \
                       `RateLimit`; 429 beyond)."
    ),
    paths(
        consignments::list,
        consignments::show,
        samples::list,
        samples::show,
        applications::create,
        applications::show,
        certificates::list,
        certificates::show,
        certificates::checks,
        certificates::record,
        verify::api::show,
        document,
        docs::show,
    ),
    components(schemas(super::Problem, super::FieldProblem)),
    modifiers(&BearerToken),
    tags(
        (name = "consignments", description = "What crosses the border and is certified"),
        (name = "samples", description = "Samples and the results their reader may see"),
        (name = "applications", description = "Testing applications"),
        (name = "certificates", description = "Certificates, notices and their status"),
        (name = "border checks", description = "Inspectors' decisions at the border posts"),
        (name = "public", description = "No token needed"),
    )
)]
pub struct ApiDoc;

/// The document as JSON, built once.
pub fn json() -> &'static str {
    static DOCUMENT: OnceLock<String> = OnceLock::new();
    DOCUMENT.get_or_init(|| {
        ApiDoc::openapi()
            .to_json()
            .expect("the OpenAPI document serialises")
    })
}

/// The OpenAPI document
#[utoipa::path(get, path = "/api/v1/openapi.json", tag = "public",
    operation_id = "openapi_document",
    responses((status = 200, description = "This document (OpenAPI 3.1)", content_type = "application/json", body = serde_json::Value)))]
pub async fn document() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .insert_header((header::CACHE_CONTROL, "no-cache"))
        .body(json())
}
