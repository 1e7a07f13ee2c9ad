//! The request context: once per request, before any handler, find who is asking (session
//! cookie), in which language, and which CSRF token their forms carry; refuse state-changing
//! requests without that token; afterwards, render error pages in the user's language.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieDuration};
use std::time::Duration;

use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::error::PayloadError;
use actix_web::http::{Method, header};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpResponse, web};

use crate::auth::csrf;
use crate::error::{AppError, ErrorPage};
use crate::i18n::{self, Lang};
use crate::models::User;
use crate::web::connections::ConnectionSlot;
use crate::web::{AppState, body, hygiene};

pub const SESSION_COOKIE: &str = "jl_session";
pub const VISITOR_COOKIE: &str = "jl_visitor";
pub const LANG_COOKIE: &str = "jl_lang";

/// Who is asking and how to answer them; every handler and extractor reads it.
#[derive(Clone)]
pub struct RequestContext {
    pub user: Option<User>,
    /// The raw cookie token of the current session (to end it at logout).
    pub session_token: Option<String>,
    pub lang: Lang,
    pub csrf_token: String,
    /// How many of the user's notifications are unread (the header shows it).
    pub unread: i64,
}

impl RequestContext {
    pub fn of(req: &actix_web::HttpRequest) -> Option<RequestContext> {
        req.extensions().get::<RequestContext>().cloned()
    }
}

fn is_token(value: &str) -> bool {
    value.len() >= 32 && value.len() <= 128 && value.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Public, cacheable answers that need no session, language or visitor cookie: a cookie on
/// them would keep shared caches from storing them.
fn bypasses_context(path: &str) -> bool {
    path.starts_with("/static/")
        || path.starts_with("/.well-known/")
        || path == "/healthz"
        || path == "/readyz"
}

/// Pages a visitor without an account reads that hold no form: a certificate's verdict.
fn is_formless(path: &str) -> bool {
    path.starts_with("/v/")
}

/// A cookie as every jointlab cookie is made: path `/`, HttpOnly, SameSite=Lax, Secure when
/// the public URL is https.
pub fn cookie(
    state: &AppState,
    name: &'static str,
    value: String,
    max_age_days: Option<i64>,
) -> Cookie<'static> {
    let mut builder = Cookie::build(name, value)
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(state.settings.secure_cookies());
    if let Some(days) = max_age_days {
        builder = builder.max_age(CookieDuration::days(days));
    }
    builder.finish()
}

/// A cookie that tells the browser to forget `name`.
pub fn removal(state: &AppState, name: &'static str) -> Cookie<'static> {
    let mut c = cookie(state, name, String::new(), None);
    c.make_removal();
    c
}

pub async fn middleware(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    if req
        .conn_data::<ConnectionSlot>()
        .is_some_and(|slot| slot.over_cap)
    {
        return Ok(refuse_connection(req));
    }
    // The API has no cookies, sessions or CSRF tokens: its own door (bearer tokens).
    if crate::routes::api::is_api(req.path()) {
        return crate::routes::api::gate::middleware(req, next).await;
    }
    if bypasses_context(req.path()) {
        return Ok(next.call(req).await?.map_into_boxed_body());
    }
    let state = req
        .app_data::<web::Data<AppState>>()
        .expect("AppState is registered")
        .clone();

    // Who: the session behind the cookie, if it is still open.
    let cookie_token = req
        .cookie(SESSION_COOKIE)
        .map(|c| c.value().to_owned())
        .filter(|v| is_token(v));
    let had_session_cookie = req.cookie(SESSION_COOKIE).is_some();
    let mut user = None;
    let mut unread = 0;
    if let Some(token) = cookie_token.clone() {
        let idle = state.settings.session.idle_timeout_minutes;
        let found = state
            .db
            .run(move |conn| {
                let user = crate::auth::session::resume(conn, &token, idle)?;
                let unread = match &user {
                    Some(u) => crate::models::notification::Notification::unread_count(conn, u.id)?,
                    None => 0,
                };
                Ok((user, unread))
            })
            .await;
        (user, unread) = match found {
            Ok(found) => found,
            // No connection came free: say so in words (503), without the session.
            Err(AppError::Busy) => return Ok(bare_page(req, ErrorPage::Busy)),
            Err(e) => return Err(e.into()),
        };
    }
    let session_token = cookie_token.filter(|_| user.is_some());

    // Language: ?lang= (remembered in a cookie, never written to the account: a GET
    // changes nothing), then the cookie, the account's saved language, the browser's.
    let lang_param =
        crate::web::query_param(req.query_string(), "lang").and_then(|v| Lang::parse(&v));
    let lang = lang_param
        .or_else(|| req.cookie(LANG_COOKIE).and_then(|c| Lang::parse(c.value())))
        .or(user.as_ref().map(|u| u.language))
        .or_else(|| {
            req.headers()
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(i18n::negotiate)
        })
        .unwrap_or(Lang::En);

    // CSRF: bound to the session, or before login to the visitor cookie.
    let visitor = req
        .cookie(VISITOR_COOKIE)
        .map(|c| c.value().to_owned())
        .filter(|v| is_token(v));
    let is_safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    // A visitor reading a page that holds no form needs no token: no cookie is set, so a
    // queue of phones scanning QR codes costs no random numbers and no MAC.
    let formless = is_safe && session_token.is_none() && is_formless(req.path());
    let new_visitor = (visitor.is_none() && !formless).then(|| crate::auth::token::random_hex(16));
    let binding = session_token
        .clone()
        .or_else(|| visitor.clone())
        .or_else(|| new_visitor.clone());
    let csrf_token = binding
        .as_deref()
        .map(|b| csrf::token_for(state.csrf_key(), b))
        .unwrap_or_default();

    let context = RequestContext {
        user,
        session_token,
        lang,
        csrf_token,
        unread,
    };
    // The body's size and pace are judged before anything reads it, the CSRF check included:
    // an oversized form is 413, not 403.
    let server = &state.settings.server;
    let mut form = None;
    let refused = if body::declared_too_large(&req, server.max_body_bytes) {
        Some(AppError::PayloadTooLarge)
    } else {
        body::guard(
            &mut req,
            server.max_body_bytes,
            Duration::from_secs(server.body_timeout_seconds),
        );
        match is_safe {
            true => None,
            false => match form_body(&mut req).await {
                Ok(read) => {
                    form = read;
                    None
                }
                Err(refusal) => Some(refusal),
            },
        }
    };
    // No NUL or control character reaches a handler, whatever field it comes in; nor a
    // bidirectional override in the path or query (the form fields' constructors refuse
    // those beside the field).
    let refused = refused.or_else(|| {
        let clean = hygiene::is_clean_target(req.path(), req.query_string())
            && form.as_deref().is_none_or(hygiene::is_clean_form);
        (!clean).then(|| {
            tracing::warn!(
                path = req.path(),
                "refused a request carrying control or bidirectional characters"
            );
            AppError::BadRequest
        })
    });
    let refused = refused.or_else(|| {
        if is_safe {
            return None;
        }
        let presented = presented_token(&req, form.as_deref());
        let binding = binding.as_deref().unwrap_or_default();
        if presented.is_some_and(|p| csrf::is_valid(state.csrf_key(), binding, &p)) {
            return None;
        }
        tracing::warn!(
            path = req.path(),
            "refused a request without a valid CSRF token"
        );
        Some(AppError::Csrf)
    });
    req.extensions_mut().insert(context.clone());

    let mut res = match refused {
        None => next.call(req).await?.map_into_boxed_body(),
        Some(error) => {
            if !matches!(error, AppError::Csrf | AppError::BadRequest) {
                tracing::info!(path = req.path(), %error, "refused a request body");
            }
            req.into_response(actix_web::ResponseError::error_response(&error))
        }
    };

    let error_page = res.response().extensions().get::<ErrorPage>().copied();
    if let Some(page) = error_page {
        let html = super::page::error_page(&context, page);
        let mut answer = HttpResponse::build(page.status());
        if page == ErrorPage::Busy {
            answer.insert_header((header::RETRY_AFTER, "5"));
        }
        res = res.into_response(answer.content_type("text/html; charset=utf-8").body(html));
    }
    let headers = res.headers_mut();
    if context.user.is_some() && !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(
            header::CACHE_CONTROL,
            header::HeaderValue::from_static("no-store"),
        );
    }
    if let Some(v) = new_visitor {
        res.response_mut()
            .add_cookie(&cookie(&state, VISITOR_COOKIE, v, None))?;
    }
    if let Some(l) = lang_param {
        res.response_mut().add_cookie(&cookie(
            &state,
            LANG_COOKIE,
            l.as_str().to_owned(),
            Some(365),
        ))?;
    }
    if had_session_cookie
        && context.session_token.is_none()
        && res.response().cookies().all(|c| c.name() != SESSION_COOKIE)
    {
        res.response_mut()
            .add_cookie(&removal(&state, SESSION_COOKIE))?;
    }
    Ok(res)
}

/// The answer on a connection beyond its address's cap: a 429 page in the language the
/// request asks for (no session is looked up), and the connection is closed.
fn refuse_connection(req: ServiceRequest) -> ServiceResponse<BoxBody> {
    tracing::warn!(
        path = req.path(),
        "refused a connection beyond its address's cap"
    );
    bare_page(req, ErrorPage::TooManyConnections)
}

/// An error page answered before any session is looked up, in the language the request asks
/// for: a connection beyond its cap (429, closed) or no database connection free (503).
fn bare_page(req: ServiceRequest, page: ErrorPage) -> ServiceResponse<BoxBody> {
    let lang = req
        .cookie(LANG_COOKIE)
        .and_then(|c| Lang::parse(c.value()))
        .or_else(|| {
            req.headers()
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(i18n::negotiate)
        })
        .unwrap_or(Lang::En);
    let context = RequestContext {
        user: None,
        session_token: None,
        lang,
        csrf_token: String::new(),
        unread: 0,
    };
    let html = super::page::error_page(&context, page);
    let mut answer = HttpResponse::build(page.status());
    match page {
        ErrorPage::TooManyConnections => {
            answer.force_close();
        }
        ErrorPage::Busy => {
            answer.insert_header((header::RETRY_AFTER, "5"));
        }
        _ => {}
    }
    req.into_response(answer.content_type("text/html; charset=utf-8").body(html))
}

/// The body of a URL-encoded form, read and put back for the handler. A body too large or too
/// slow to read is the request's answer instead.
async fn form_body(req: &mut ServiceRequest) -> Result<Option<web::Bytes>, AppError> {
    let is_form = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return Ok(None);
    }
    let body = match req.extract::<web::Bytes>().await {
        Ok(body) => body,
        Err(e) => {
            return match e.as_error::<PayloadError>().map(body::refusal) {
                Some(refusal @ (AppError::PayloadTooLarge | AppError::RequestTimeout)) => {
                    Err(refusal)
                }
                _ => Ok(None),
            };
        }
    };
    req.set_payload(Payload::from(body.clone()));
    Ok(Some(body))
}

/// The CSRF token of a state-changing request: the `X-CSRF-Token` header, or the
/// `csrf_token` field of a URL-encoded form.
fn presented_token(req: &ServiceRequest, form_body: Option<&[u8]>) -> Option<String> {
    if let Some(v) = req
        .headers()
        .get(csrf::HEADER)
        .and_then(|v| v.to_str().ok())
    {
        return Some(v.to_owned());
    }
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(form_body?)
        .ok()
        .and_then(|fields| {
            fields
                .into_iter()
                .find(|(k, _)| k == csrf::FIELD)
                .map(|(_, v)| v)
        })
}
