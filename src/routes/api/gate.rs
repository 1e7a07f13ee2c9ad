//! The door of `/api`: who is asking (a personal bearer token, never a cookie — so no CSRF
//! check), whether the token may write, the per-token rate limit, and errors answered as
//! RFC 9457 problems instead of error pages.
//!
//! The token's user is put in the same [`RequestContext`] the pages read, so the role guards
//! (`IntakeReader`, `Inspector` …) and the row scoping of the queries apply unchanged.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, web};

use super::limit::Allowance;
use crate::db::types::UtcTime;
use crate::error::{AppError, ErrorPage, SignInRequired, problem};
use crate::i18n::{self, Lang};
use crate::models::User;
use crate::models::api_token::{self, ApiToken, TokenScope};
use crate::web::{AppState, RequestContext, hygiene};

/// The token a request came with, for handlers that want to know it.
#[derive(Debug, Clone)]
pub struct Caller {
    pub token: ApiToken,
}

/// The language of problem details: `?lang=`, then `Accept-Language`, else English.
pub fn language(req: &actix_web::HttpRequest) -> Lang {
    crate::web::query_param(req.query_string(), "lang")
        .and_then(|v| Lang::parse(&v))
        .or_else(|| {
            req.headers()
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(i18n::negotiate)
        })
        .unwrap_or(Lang::En)
}

/// What the `Authorization` header says.
enum Presented {
    Nothing,
    Bearer(String),
    Malformed,
}

fn presented(req: &ServiceRequest) -> Presented {
    let Some(value) = req.headers().get(header::AUTHORIZATION) else {
        return Presented::Nothing;
    };
    let Ok(value) = value.to_str() else {
        return Presented::Malformed;
    };
    match value.split_once(' ') {
        Some((scheme, secret)) if scheme.eq_ignore_ascii_case("bearer") => {
            let secret = secret.trim();
            if secret.starts_with(api_token::SECRET_PREFIX) && secret.len() <= 128 {
                Presented::Bearer(secret.to_owned())
            } else {
                Presented::Malformed
            }
        }
        _ => Presented::Malformed,
    }
}

fn refuse(req: ServiceRequest, page: ErrorPage, lang: Lang) -> ServiceResponse<BoxBody> {
    req.into_response(problem(page, lang, serde_json::Map::new()))
}

/// The live token behind `secret` and its active user; its use is noted.
fn resolve(
    conn: &mut crate::db::DbConn,
    secret: &str,
) -> Result<Option<(ApiToken, User)>, AppError> {
    let Some(token) = ApiToken::find_live_by_hash(conn, &api_token::hash_of(secret))? else {
        return Ok(None);
    };
    let Some(user) = User::find(conn, token.user_id)?.filter(|u| u.active) else {
        return Ok(None);
    };
    token.touch(conn, UtcTime::now())?;
    Ok(Some((token, user)))
}

pub async fn middleware(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let state = req
        .app_data::<web::Data<AppState>>()
        .expect("AppState is registered")
        .clone();
    let lang = language(req.request());
    if !hygiene::is_clean_target(req.path(), req.query_string()) {
        return Ok(refuse(req, ErrorPage::BadRequest, lang));
    }
    let mut user = None;
    let mut allowance = None;
    match presented(&req) {
        Presented::Nothing => {}
        Presented::Malformed => return Ok(refuse(req, ErrorPage::Unauthorized, lang)),
        Presented::Bearer(secret) => {
            let Some((token, owner)) = state.db.run(move |conn| resolve(conn, &secret)).await?
            else {
                tracing::info!(path = req.path(), "refused an unknown or revoked API token");
                return Ok(refuse(req, ErrorPage::Unauthorized, lang));
            };
            let allowed = state.api_limits.take(token.id);
            if !allowed.granted {
                let mut res = refuse(req, ErrorPage::RateLimited, lang);
                allowed.annotate(res.headers_mut(), true);
                return Ok(res);
            }
            allowance = Some(allowed);
            if owner.must_change_password {
                return Ok(req.into_response(problem(
                    ErrorPage::Unprocessable("api.password_change_required"),
                    lang,
                    serde_json::Map::new(),
                )));
            }
            let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
            if !safe && token.scope == TokenScope::Read {
                let mut res = req.into_response(problem(
                    ErrorPage::Forbidden,
                    lang,
                    detail("api.read_only_token", lang),
                ));
                allowed.annotate(res.headers_mut(), false);
                return Ok(res);
            }
            req.extensions_mut().insert(Caller { token });
            user = Some(owner);
        }
    }
    req.extensions_mut().insert(RequestContext {
        user,
        session_token: None,
        lang,
        csrf_token: String::new(),
        // No page, no header to show it in.
        unread: 0,
    });
    let mut res = next.call(req).await?.map_into_boxed_body();
    let page = res.response().extensions().get::<ErrorPage>().copied();
    let sign_in = res
        .response()
        .extensions()
        .get::<SignInRequired>()
        .is_some();
    let page = page.or(sign_in.then_some(ErrorPage::Unauthorized));
    if let Some(page) = page {
        // A handler that built its own problem (field errors) left no marker.
        res = res.into_response(problem(page, lang, serde_json::Map::new()));
    }
    if let Some(allowed) = allowance {
        allowed.annotate(res.headers_mut(), false);
    }
    let headers = res.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        HeaderName::from_static("vary"),
        HeaderValue::from_static("Authorization, Accept-Language"),
    );
    Ok(res)
}

/// A problem's `detail` replaced by the reason `key` (and `code` naming it).
pub fn detail(key: &'static str, lang: Lang) -> serde_json::Map<String, serde_json::Value> {
    let mut extra = serde_json::Map::new();
    extra.insert("detail".into(), i18n::t(lang, key).into());
    extra.insert("code".into(), key.into());
    extra
}

impl Allowance {
    /// The `RateLimit-Policy` and `RateLimit` headers (draft-ietf-httpapi-ratelimit-headers),
    /// and `Retry-After` on a refusal.
    pub fn annotate(&self, headers: &mut actix_web::http::header::HeaderMap, refused: bool) {
        let policy = format!("\"token\";q={};w={}", self.limit, self.window_seconds);
        let current = format!("\"token\";r={};t={}", self.remaining, self.reset_seconds);
        if let Ok(v) = HeaderValue::from_str(&policy) {
            headers.insert(HeaderName::from_static("ratelimit-policy"), v);
        }
        if let Ok(v) = HeaderValue::from_str(&current) {
            headers.insert(HeaderName::from_static("ratelimit"), v);
        }
        if refused {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(self.reset_seconds));
        }
    }
}
