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
    Internal,
}

impl ErrorPage {
    pub fn status(self) -> StatusCode {
        match self {
            ErrorPage::BadRequest => StatusCode::BAD_REQUEST,
            ErrorPage::Forbidden | ErrorPage::Csrf => StatusCode::FORBIDDEN,
            ErrorPage::NotFound => StatusCode::NOT_FOUND,
            ErrorPage::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ErrorPage::RequestTimeout => StatusCode::REQUEST_TIMEOUT,
            ErrorPage::TooManyConnections => StatusCode::TOO_MANY_REQUESTS,
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
            return HttpResponse::SeeOther()
                .insert_header((header::LOCATION, location))
                .finish();
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
        let mut response = HttpResponse::build(page.status())
            .content_type("text/plain; charset=utf-8")
            .body(page.status().canonical_reason().unwrap_or("error"));
        response.extensions_mut().insert(page);
        response
    }
}

impl From<diesel::result::Error> for AppError {
    fn from(e: diesel::result::Error) -> Self {
        AppError::Internal(Box::new(e))
    }
}

impl From<diesel::r2d2::PoolError> for AppError {
    fn from(e: diesel::r2d2::PoolError) -> Self {
        AppError::Internal(Box::new(e))
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
