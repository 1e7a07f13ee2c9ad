//! One error type for the whole application, and the one place that maps it to an answer.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, ResponseError};

/// What went wrong, as far as the user is concerned; internal causes are kept for the log.
#[derive(Debug)]
pub enum AppError {
    /// A request the application cannot read (malformed form or query).
    BadRequest,
    /// Not signed in: answered by a redirect to the login page.
    Unauthenticated { next: String },
    /// Answered by a redirect to this local path (e.g. a one-time password must be changed).
    Redirect(String),
    /// Signed in, but this page is not for this role.
    Forbidden,
    /// The CSRF token is missing or wrong.
    Csrf,
    /// No such page or record — or one outside the user's scope (same answer on purpose).
    NotFound,
    /// The request body is larger than `server.max_body_bytes`.
    PayloadTooLarge,
    /// The request body did not arrive within `server.body_timeout_seconds`.
    RequestTimeout,
    /// This client address already holds `server.max_connections_per_address` connections.
    TooManyConnections,
    /// The API: no bearer token, or one that is unknown or revoked (401, `WWW-Authenticate`).
    Unauthorized,
    /// The API: this token made `api.rate_limit` requests in the current window (429).
    RateLimited,
    /// The API: the record changed meanwhile, or a parallel request did the same first (409).
    Conflict,
    /// The API: refused by a rule; the catalog key says why (422).
    Unprocessable(&'static str),
    /// No database connection came free in time (every one busy, or the database unreachable):
    /// 503 with `Retry-After`, not a 500 — nothing is wrong with the request.
    Busy,
    /// Anything else: logged with its cause, shown as a plain 500 page.
    Internal(Box<dyn std::error::Error + Send + Sync>),
}

/// Marker left on an error response so that the page middleware renders it in the user's
/// language (see `web::context`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorPage {
    BadRequest,
    Forbidden,
    Csrf,
    NotFound,
    PayloadTooLarge,
    RequestTimeout,
    TooManyConnections,
    Unauthorized,
    RateLimited,
    Conflict,
    /// Refused by a rule: the catalog key of the reason.
    Unprocessable(&'static str),
    Busy,
    Internal,
}

/// Marker left on the redirect to the login page, which the API answers as 401 instead.
#[derive(Debug, Clone, Copy)]
pub struct SignInRequired;

impl ErrorPage {
    pub fn status(self) -> StatusCode {
        match self {
            ErrorPage::BadRequest => StatusCode::BAD_REQUEST,
            ErrorPage::Forbidden | ErrorPage::Csrf => StatusCode::FORBIDDEN,
            ErrorPage::NotFound => StatusCode::NOT_FOUND,
            ErrorPage::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ErrorPage::RequestTimeout => StatusCode::REQUEST_TIMEOUT,
            ErrorPage::TooManyConnections | ErrorPage::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            ErrorPage::Unauthorized => StatusCode::UNAUTHORIZED,
            ErrorPage::Conflict => StatusCode::CONFLICT,
            ErrorPage::Unprocessable(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ErrorPage::Busy => StatusCode::SERVICE_UNAVAILABLE,
            ErrorPage::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The catalog key prefix of this page's title and explanation.
    pub fn key(self) -> &'static str {
        match self {
            ErrorPage::BadRequest => "error.bad_request",
            ErrorPage::Forbidden => "error.forbidden",
            ErrorPage::Csrf => "error.csrf",
            ErrorPage::NotFound => "error.not_found",
            ErrorPage::PayloadTooLarge => "error.payload_too_large",
            ErrorPage::RequestTimeout => "error.request_timeout",
            ErrorPage::TooManyConnections => "error.too_many_connections",
            ErrorPage::Unauthorized => "error.unauthorized",
            ErrorPage::RateLimited => "error.rate_limited",
            ErrorPage::Conflict => "error.conflict",
            ErrorPage::Unprocessable(_) => "error.unprocessable",
            ErrorPage::Busy => "error.busy",
            ErrorPage::Internal => "error.internal",
        }
    }
}

impl AppError {
    pub fn internal(cause: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Self {
        AppError::Internal(cause.into())
    }

    fn page(&self) -> Option<ErrorPage> {
        match self {
            AppError::BadRequest => Some(ErrorPage::BadRequest),
            AppError::Forbidden => Some(ErrorPage::Forbidden),
            AppError::Csrf => Some(ErrorPage::Csrf),
            AppError::NotFound => Some(ErrorPage::NotFound),
            AppError::PayloadTooLarge => Some(ErrorPage::PayloadTooLarge),
            AppError::RequestTimeout => Some(ErrorPage::RequestTimeout),
            AppError::TooManyConnections => Some(ErrorPage::TooManyConnections),
            AppError::Unauthorized => Some(ErrorPage::Unauthorized),
            AppError::RateLimited => Some(ErrorPage::RateLimited),
            AppError::Conflict => Some(ErrorPage::Conflict),
            AppError::Unprocessable(key) => Some(ErrorPage::Unprocessable(key)),
            AppError::Busy => Some(ErrorPage::Busy),
            AppError::Internal(_) => Some(ErrorPage::Internal),
            AppError::Unauthenticated { .. } | AppError::Redirect(_) => None,
        }
    }
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AppError::BadRequest => f.write_str("bad request"),
            AppError::Unauthenticated { .. } => f.write_str("not signed in"),
            AppError::Redirect(to) => write!(f, "redirect to {to}"),
            AppError::Forbidden => f.write_str("forbidden"),
            AppError::Csrf => f.write_str("missing or invalid CSRF token"),
            AppError::NotFound => f.write_str("not found"),
            AppError::PayloadTooLarge => f.write_str("request body too large"),
            AppError::RequestTimeout => f.write_str("request body not received in time"),
            AppError::TooManyConnections => f.write_str("too many connections from this address"),
            AppError::Unauthorized => f.write_str("no valid API token"),
            AppError::RateLimited => f.write_str("API rate limit exceeded"),
            AppError::Conflict => f.write_str("changed meanwhile"),
            AppError::Unprocessable(key) => write!(f, "refused: {key}"),
            AppError::Busy => f.write_str("no database connection free in time"),
            AppError::Internal(cause) => write!(f, "internal error: {cause}"),
        }
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::Unauthenticated { .. } | AppError::Redirect(_) => StatusCode::SEE_OTHER,
            other => other
                .page()
                .map_or(StatusCode::INTERNAL_SERVER_ERROR, |p| p.status()),
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let AppError::Unauthenticated { next } = self {
            let location = format!("/login?next={}", crate::percent::url_encode(next));
            let mut response = HttpResponse::SeeOther()
                .insert_header((header::LOCATION, location))
                .finish();
            // The API answers this 401 instead (it has no login page).
            response.extensions_mut().insert(SignInRequired);
            return response;
        }
        if let AppError::Redirect(to) = self {
            return HttpResponse::SeeOther()
                .insert_header((header::LOCATION, to.as_str()))
                .finish();
        }
        if let AppError::Internal(cause) = self {
            tracing::error!(error = %cause, "internal error");
        }
        let page = self.page().unwrap_or(ErrorPage::Internal);
        let mut builder = HttpResponse::build(page.status());
        if page == ErrorPage::Busy {
            builder.insert_header((header::RETRY_AFTER, "5"));
        }
        let mut response = builder
            .content_type("text/plain; charset=utf-8")
            .body(page.status().canonical_reason().unwrap_or("error"));
        response.extensions_mut().insert(page);
        response
    }
}

/// The answer of every error on `/api`: an RFC 9457 problem (`application/problem+json`) in
/// place of the error page. `type` is `about:blank`, so `title` is the status's phrase;
/// `detail` explains in `lang`, and `code` names the reason for programs. `extra` members
/// (field errors, warnings to acknowledge) are added to the object.
pub fn problem(
    page: ErrorPage,
    lang: crate::i18n::Lang,
    extra: serde_json::Map<String, serde_json::Value>,
) -> HttpResponse {
    let status = page.status();
    let (code, detail) = match page {
        ErrorPage::Unprocessable(key) => (key.to_owned(), crate::i18n::t(lang, key)),
        other => {
            let key = other.key();
            let text = crate::i18n::t(lang, &format!("{key}.text"));
            (key.trim_start_matches("error.").to_owned(), text)
        }
    };
    let mut body = serde_json::Map::new();
    body.insert("type".into(), "about:blank".into());
    body.insert(
        "title".into(),
        status.canonical_reason().unwrap_or("Error").into(),
    );
    body.insert("status".into(), status.as_u16().into());
    body.insert("detail".into(), detail.into());
    body.insert("code".into(), code.into());
    body.extend(extra);
    let mut response = HttpResponse::build(status);
    response.content_type("application/problem+json");
    if page == ErrorPage::Unauthorized {
        response.insert_header((header::WWW_AUTHENTICATE, "Bearer realm=\"jointlab\""));
    }
    if page == ErrorPage::Busy {
        response.insert_header((header::RETRY_AFTER, "5"));
    }
    response.body(serde_json::Value::Object(body).to_string())
}

impl From<diesel::result::Error> for AppError {
    fn from(e: diesel::result::Error) -> Self {
        AppError::Internal(Box::new(e))
    }
}

impl From<diesel::r2d2::PoolError> for AppError {
    fn from(e: diesel::r2d2::PoolError) -> Self {
        tracing::warn!(error = %e, "no database connection free in time: answered 503");
        AppError::Busy
    }
}

impl From<actix_web::error::BlockingError> for AppError {
    fn from(e: actix_web::error::BlockingError) -> Self {
        AppError::Internal(Box::new(e))
    }
}

impl From<askama::Error> for AppError {
    fn from(e: askama::Error) -> Self {
        AppError::Internal(Box::new(e))
    }
}

impl From<serde_json::Error> for AppError {
    fn from(e: serde_json::Error) -> Self {
        AppError::Internal(Box::new(e))
    }
}
