//! `GET /api/v1/docs`: the API's operations as a page, read from the OpenAPI document — no
//! script, no CDN; headings and summaries in the user's language.

use actix_web::HttpResponse;
use askama::Template;
use utoipa::OpenApi;
use utoipa::openapi::path::Operation as DocOperation;

use super::openapi::ApiDoc;
use crate::error::AppError;
use crate::web::{Base, render};

/// Where the page is (the API gate leaves it to the pages' middleware).
pub const PATH: &str = "/api/v1/docs";

/// One operation as the page lists it.
pub struct Operation {
    pub method: &'static str,
    pub path: String,
    /// Its `operationId`: the catalog key `api.op.<id>` gives its summary.
    pub id: String,
    pub needs_token: bool,
    pub writes: bool,
}

#[derive(Template)]
#[template(path = "api/docs.html")]
pub struct DocsPage {
    pub base: Base,
    pub operations: Vec<Operation>,
}

impl DocsPage {
    pub fn summary(&self, op: &Operation) -> &'static str {
        self.base.tk("api.op.", &op.id)
    }
}

/// The operations of the document, in path order.
pub fn operations() -> Vec<Operation> {
    let doc = ApiDoc::openapi();
    let mut out = Vec::new();
    for (path, item) in &doc.paths.paths {
        let methods: [(&'static str, &Option<DocOperation>); 2] =
            [("GET", &item.get), ("POST", &item.post)];
        for (method, op) in methods {
            if let Some(op) = op {
                out.push(Operation {
                    method,
                    path: path.clone(),
                    id: op.operation_id.clone().unwrap_or_default(),
                    needs_token: op.security.as_ref().is_some_and(|s| !s.is_empty()),
                    writes: method != "GET",
                });
            }
        }
    }
    out
}

/// The API documentation page
#[utoipa::path(get, path = "/api/v1/docs", tag = "public", operation_id = "api_docs",
    responses((status = 200, description = "This API's operations as a page", content_type = "text/html", body = String)))]
pub async fn show(base: Base) -> Result<HttpResponse, AppError> {
    render(&DocsPage {
        base,
        operations: operations(),
    })
}
