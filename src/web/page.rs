//! What every page shares: the language, the signed-in user, the navigation of their role and
//! the CSRF token of their forms; and the helpers that turn a template into a response.

use actix_web::http::StatusCode;
use actix_web::{FromRequest, HttpRequest, HttpResponse, dev::Payload};
use askama::Template;

use super::RequestContext;
use crate::db::types::UtcTime;
use crate::domain::{Role, Side};
use crate::error::{AppError, ErrorPage};
use crate::i18n::{self, Lang};
use crate::models::User;

/// One link of the main navigation.
pub struct NavItem {
    pub href: &'static str,
    pub label: &'static str,
    pub current: bool,
}

/// The navigation of a role: only pages that role may open.
fn nav_for(role: Role) -> Vec<(&'static str, &'static str)> {
    use crate::auth::policy::{Page, may_open};
    const PAGES: [(Page, &str, &str); 12] = [
        (Page::Users, "/admin/users", "nav.users"),
        (Page::Catalog, "/admin/catalog", "nav.catalog"),
        (Page::Applications, "/applications", "nav.applications"),
        (Page::Review, "/review", "nav.review"),
        (Page::Bench, "/bench", "nav.bench"),
        (Page::Consignments, "/consignments", "nav.consignments"),
        (Page::Samples, "/samples", "nav.samples"),
        (Page::Certificates, "/certificates", "nav.certificates"),
        (Page::Post, "/post", "nav.post"),
        (Page::Exporters, "/exporters", "nav.exporters"),
        (Page::Audit, "/admin/audit", "nav.audit"),
        (Page::Outbox, "/admin/outbox", "nav.outbox"),
    ];
    let mut items = vec![("/", "nav.home")];
    items.extend(
        PAGES
            .iter()
            .filter(|(page, _, _)| may_open(role, *page))
            .map(|(_, path, key)| (*path, *key)),
    );
    items
}

/// The part of every page's template that the layout reads.
pub struct Base {
    pub lang: Lang,
    pub csrf_token: String,
    pub user: Option<User>,
    pub nav: Vec<NavItem>,
    /// The user's unread notifications.
    pub unread: i64,
    path: String,
    query: String,
}

impl Base {
    pub fn new(context: &RequestContext, path: &str, query: &str) -> Self {
        let nav = context
            .user
            .as_ref()
            .map(|u| {
                nav_for(u.role)
                    .into_iter()
                    .map(|(href, label)| NavItem {
                        href,
                        label,
                        current: if href == "/" {
                            path == "/"
                        } else {
                            path.starts_with(href)
                        },
                    })
                    .collect()
            })
            .unwrap_or_default();
        Base {
            lang: context.lang,
            csrf_token: context.csrf_token.clone(),
            user: context.user.clone(),
            nav,
            unread: context.unread,
            path: path.to_owned(),
            query: query.to_owned(),
        }
    }

    pub fn t(&self, key: &str) -> &'static str {
        i18n::t(self.lang, key)
    }

    /// The text of `prefix` + `key` (e.g. a status: `tk("applications.status.", "accepted")`).
    pub fn tk(&self, prefix: &str, key: &str) -> &'static str {
        i18n::t(self.lang, &format!("{prefix}{key}"))
    }

    pub fn tf(&self, key: &str, args: &[(&str, &str)]) -> String {
        i18n::tf(self.lang, key, args)
    }

    /// The text of `key` for `count` things, in the plural form of the page's language
    /// (`count` by reference, as templates pass their values).
    pub fn tn(&self, key: &str, count: &i64, args: &[(&str, &str)]) -> String {
        i18n::tn(self.lang, key, *count, args)
    }

    pub fn languages(&self) -> &'static [Lang] {
        Lang::ALL
    }

    pub fn is_lang(&self, lang: &Lang) -> bool {
        *lang == self.lang
    }

    /// This page in another language: the same path and query, `lang` replaced.
    pub fn lang_href(&self, lang: &Lang) -> String {
        let mut pairs: Vec<(String, String)> =
            serde_urlencoded::from_str(&self.query).unwrap_or_default();
        pairs.retain(|(k, _)| k != "lang");
        pairs.push(("lang".into(), lang.as_str().into()));
        let query = serde_urlencoded::to_string(&pairs).unwrap_or_default();
        format!("{}?{}", self.path, query)
    }

    pub fn role_name(&self, role: &Role) -> &'static str {
        i18n::t(self.lang, role_key(*role))
    }

    pub fn side_name(&self, side: &Side) -> &'static str {
        i18n::t(self.lang, side_key(*side))
    }

    /// An instant in the user's zone (Kazakhstan UTC+5 or China UTC+8; visitors: UTC+5).
    pub fn time(&self, at: &UtcTime) -> String {
        let zone = self
            .user
            .as_ref()
            .map_or(crate::domain::TimeZone::Almaty, |u| u.time_zone);
        format!(
            "{} {}",
            at.0.with_timezone(&zone.offset()).format("%Y-%m-%d %H:%M"),
            zone.utc_label()
        )
    }
}

pub fn role_key(role: Role) -> &'static str {
    match role {
        Role::Admin => "role.admin",
        Role::Registrar => "role.registrar",
        Role::Analyst => "role.analyst",
        Role::Reviewer => "role.reviewer",
        Role::Certifier => "role.certifier",
        Role::Exporter => "role.exporter",
        Role::Inspector => "role.inspector",
        Role::Auditor => "role.auditor",
    }
}

pub fn side_key(side: Side) -> &'static str {
    match side {
        Side::Kz => "side.kz",
        Side::Cn => "side.cn",
    }
}

impl FromRequest for Base {
    type Error = AppError;
    type Future = std::future::Ready<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let context =
            RequestContext::of(req).ok_or_else(|| AppError::internal("request context missing"));
        std::future::ready(context.map(|c| Base::new(&c, req.path(), req.query_string())))
    }
}

/// A 200 page.
pub fn render<T: Template>(page: &T) -> Result<HttpResponse, AppError> {
    render_status(StatusCode::OK, page)
}

/// A page with another status (422 for a form sent back with errors, 409 for a stale one).
pub fn render_status<T: Template>(status: StatusCode, page: &T) -> Result<HttpResponse, AppError> {
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(page.render()?))
}

#[derive(Template)]
#[template(path = "errors/error.html")]
struct ErrorTemplate<'a> {
    base: Base,
    status: u16,
    title_key: &'a str,
    text_key: &'a str,
}

/// The error page for `page`, in the language of the request.
pub fn error_page(context: &RequestContext, page: ErrorPage) -> String {
    let base = Base::new(context, "/", "");
    let key = page.key();
    let (title, text) = (format!("{key}.title"), format!("{key}.text"));
    ErrorTemplate {
        base,
        status: page.status().as_u16(),
        title_key: &title,
        text_key: &text,
    }
    .render()
    .unwrap_or_else(|e| {
        tracing::error!(error = %e, "cannot render the error page");
        String::from("error")
    })
}

/// A 303 to a local path (after a change is done).
pub fn see_other(to: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((actix_web::http::header::LOCATION, to))
        .finish()
}

/// The one mapping of a change's outcome to an answer: done is a 303 to `to(value)`; stale is
/// 409 and refused is 422, each with the page re-rendered by `again(notice)` (which keeps the
/// user's input).
pub async fn answer<T, P, Fut>(
    change: crate::workflows::Change<T>,
    to: impl FnOnce(T) -> String,
    again: impl FnOnce(&'static str) -> Fut,
) -> Result<HttpResponse, AppError>
where
    P: Template,
    Fut: std::future::Future<Output = Result<P, AppError>>,
{
    use crate::workflows::Change;
    let (notice, status) = match change {
        Change::Done(value) => return Ok(see_other(&to(value))),
        Change::Stale => ("form.stale", StatusCode::CONFLICT),
        Change::Refused(key) => (key, StatusCode::UNPROCESSABLE_ENTITY),
    };
    render_status(status, &again(notice).await?)
}

/// The confirmation step of an action that cannot be undone, without JavaScript: what will
/// happen in words, the same fields again with `confirm=yes`, and a way back.
#[derive(Template)]
#[template(path = "confirm/page.html")]
pub struct ConfirmPage {
    pub base: Base,
    pub title: String,
    pub message: String,
    pub action: String,
    pub back: String,
    pub fields: Vec<(String, String)>,
}
