//! The JSON API, `/api/v1`: the pages' reads and two of their writes for programs (customs
//! brokers, exporters' ERPs), behind personal bearer tokens. Every handler calls the same
//! queries (row scoping) and workflows (rules, audit) as the page it mirrors; errors are
//! RFC 9457 problems (see [`gate`]). The OpenAPI document is built from the annotations
//! here ([`openapi`]).

pub mod applications;
pub mod certificates;
pub mod consignments;
pub mod docs;
pub mod gate;
pub mod limit;
pub mod openapi;
pub mod samples;

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::db::types::UtcTime;
use crate::error::AppError;
use crate::routes::intake::ListQuery;

/// Paths the API gate answers (the readable docs page is a page like the others).
pub fn is_api(path: &str) -> bool {
    path.starts_with("/api/") && path != docs::PATH
}

/// Items per page unless `limit` says otherwise, and the most it may say.
pub const DEFAULT_LIMIT: i64 = 50;
pub const MAX_LIMIT: i64 = 200;

/// An RFC 9457 problem, as every error of the API answers.
#[derive(Serialize, ToSchema)]
pub struct Problem {
    /// Always `about:blank`: `title` is the HTTP status phrase.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    /// What went wrong, in the language of `Accept-Language` (or `?lang=`).
    pub detail: String,
    /// The reason, for programs (`not_found`, `api.read_only_token`, …).
    pub code: String,
    /// Field errors of a refused body: `{field, code, detail}`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<FieldProblem>>,
}

/// One wrong field of a request body.
#[derive(Serialize, ToSchema)]
pub struct FieldProblem {
    pub field: String,
    pub code: String,
    pub detail: String,
}

/// The filters of the intake lists, as the pages take them, and the keyset cursor.
#[derive(Debug, Default, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct IntakeParams {
    /// Search text: codes, seal numbers, BIN or company name.
    pub q: Option<String>,
    /// Status code (see the item's `status`).
    pub status: Option<String>,
    /// Commodity id.
    pub commodity: Option<String>,
    /// Exporter company id (lab staff; an exporter sees their own company only).
    pub exporter: Option<String>,
    /// Border post id.
    pub post: Option<String>,
    /// Created on or after this day (`YYYY-MM-DD`, in the token owner's time zone).
    pub from: Option<String>,
    /// Created on or before this day (`YYYY-MM-DD`).
    pub to: Option<String>,
    /// `newest` (default) or `oldest` first.
    pub sort: Option<String>,
    /// The `next` of the previous page.
    pub cursor: Option<String>,
    /// Items per page, 1–200 (default 50).
    pub limit: Option<i64>,
}

impl IntakeParams {
    /// The pages' list query and the page size; a cursor that is not one is a bad request.
    pub fn to_list(&self) -> Result<(ListQuery, i64), AppError> {
        let cursor = self.cursor.clone().unwrap_or_default();
        if !cursor.is_empty() && cursor.parse::<uuid::Uuid>().is_err() {
            return Err(AppError::BadRequest);
        }
        let s = |v: &Option<String>| v.clone().unwrap_or_default();
        let query = ListQuery {
            q: s(&self.q),
            status: s(&self.status),
            commodity: s(&self.commodity),
            exporter: s(&self.exporter),
            post: s(&self.post),
            from: s(&self.from),
            to: s(&self.to),
            sort: s(&self.sort),
            after: cursor,
            ..ListQuery::default()
        };
        Ok((query, page_size(self.limit)?))
    }
}

/// `limit` checked: 1–200, default 50.
pub fn page_size(limit: Option<i64>) -> Result<i64, AppError> {
    match limit {
        None => Ok(DEFAULT_LIMIT),
        Some(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
        Some(_) => Err(AppError::BadRequest),
    }
}

/// Cuts `rows` (fetched one more than `limit`) to a page; the next cursor is the last id kept.
pub fn paginate<T>(
    mut rows: Vec<T>,
    limit: i64,
    id: impl Fn(&T) -> String,
) -> (Vec<T>, Option<String>) {
    let more = rows.len() as i64 > limit;
    rows.truncate(limit as usize);
    let next = more.then(|| rows.last().map(&id)).flatten();
    (rows, next)
}

/// An instant as RFC 3339 UTC.
pub fn instant(at: &UtcTime) -> String {
    crate::signing::keyring::rfc3339(at.0)
}

/// A refusal of date filters (the pages show them beside the fields).
pub fn refuse_filter(errors: &crate::routes::intake::Errors) -> Result<(), AppError> {
    match errors.first() {
        Some((_, key)) => Err(AppError::Unprocessable(key)),
        None => Ok(()),
    }
}
