//! The verdict page: `GET /v/{token}` (what a certificate's QR code opens), `GET /verify` (the
//! number and code form) and `GET /verify/{number}?code=…`. Colour, icon and words together,
//! never colour alone; the page works without JavaScript.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::{Printed, verdict_keys};
use crate::db::types::UtcTime;
use crate::error::AppError;
use crate::models::login_throttle;
use crate::queries::verification::{self, Verdict, Verification};
use crate::web::client::ClientAddress;
use crate::web::context::RequestContext;
use crate::web::{AppState, Base, render, render_status};

#[derive(Template)]
#[template(path = "verify/form.html")]
pub struct FormPage {
    pub base: Base,
    pub number: String,
    pub code: String,
    /// A catalog key shown above the form.
    pub problem: Option<&'static str>,
    /// Seconds to wait before the next check, when the client is throttled.
    pub wait_seconds: Option<i64>,
}

#[derive(Template)]
#[template(path = "verify/verdict.html")]
pub struct VerdictPage {
    pub base: Base,
    pub verdict: Verdict,
    pub printed: Option<Printed>,
    /// Where the replacement is checked (its QR link), when there is one.
    pub replacement_href: Option<String>,
    pub checked_at: String,
    /// For a signed-in inspector: the certificate's page, where he records the border check.
    pub border_href: Option<String>,
}

impl VerdictPage {
    fn word(&self) -> &'static str {
        self.base.t(&verdict_keys(self.verdict).0)
    }

    fn explanation(&self) -> &'static str {
        self.base.t(&verdict_keys(self.verdict).1)
    }

    /// The symbol beside the word: a check for VALID, a cross for what must stop the
    /// consignment, an exclamation mark for what is genuine but no longer in force.
    fn icon(&self) -> &'static str {
        match self.verdict {
            Verdict::Valid => "✓",
            Verdict::Forged | Verdict::NotFound => "✕",
            Verdict::Revoked | Verdict::Notice => "✕",
            Verdict::Replaced | Verdict::Expired => "!",
        }
    }

    fn is_alarm(&self) -> bool {
        !self.verdict.is_valid()
    }

    fn kind_title(&self, kind: &str) -> &'static str {
        self.base.t(super::kind_title(kind))
    }

    fn unit(&self, unit: &str) -> &'static str {
        self.base.tk("unit.", unit)
    }

    fn transport(&self, mode: &str) -> &'static str {
        self.base.tk("transport.", mode)
    }

    fn side(&self, side: &str) -> &'static str {
        self.base.tk("side.", side)
    }

    fn meaning(&self, meaning: &str) -> &'static str {
        self.base.tk("certificate.meaning.", meaning)
    }

    /// An RFC 3339 instant as the page shows times.
    fn when(&self, at: &str) -> String {
        chrono::DateTime::parse_from_rfc3339(at)
            .map(|t| self.base.time(&UtcTime(t.with_timezone(&chrono::Utc))))
            .unwrap_or_else(|_| at.to_owned())
    }
}

/// The verdict page's status and HTML.
fn page_body(base: Base, verification: Verification) -> Result<(StatusCode, String), AppError> {
    let printed = verification
        .found
        .as_ref()
        .map(|f| Printed::of(f, base.lang));
    let replacement_href = verification
        .found
        .as_ref()
        .and_then(|f| f.replaced_by.as_ref())
        .and_then(|r| r.token.as_ref())
        .map(|token| format!("/v/{token}"));
    let checked_at = base.time(&UtcTime::now());
    let inspector = base
        .user
        .as_ref()
        .is_some_and(|u| crate::auth::policy::may_check(u).is_ok());
    let border_href = verification
        .found
        .as_ref()
        .filter(|_| inspector)
        .map(|f| format!("/certificates/{}#border-check", f.certificate.id));
    let verdict = verification.verdict;
    let status = match verdict {
        Verdict::NotFound => StatusCode::NOT_FOUND,
        _ => StatusCode::OK,
    };
    let html = VerdictPage {
        base,
        verdict,
        printed,
        replacement_href,
        checked_at,
        border_href,
    }
    .render()?;
    Ok((status, html))
}

/// A verdict is of this moment: no cache outside the server keeps it.
fn answer(status: StatusCode, body: impl actix_web::body::MessageBody + 'static) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(body)
}

fn page(base: Base, verification: Verification) -> Result<HttpResponse, AppError> {
    let (status, html) = page_body(base, verification)?;
    Ok(answer(status, html))
}

/// `GET /v/{token}`.
pub async fn by_token(
    state: web::Data<AppState>,
    req: HttpRequest,
    token: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    // The page kept for visitors is answered before anything else is built for the request.
    let context =
        RequestContext::of(&req).ok_or_else(|| AppError::internal("request context missing"))?;
    let token = token.into_inner();
    let anonymous = context.user.is_none();
    let lang = context.lang;
    if anonymous && let Some((status, body)) = state.verdicts.get(lang, &token) {
        return Ok(answer(status, body));
    }
    let base = Base::new(&context, req.path(), req.query_string());
    let keyring = state.keyring.clone();
    let key = token.clone();
    let verification = state
        .db
        .run(move |conn| {
            Ok(verification::by_token(
                conn,
                &keyring,
                &key,
                UtcTime::now(),
            )?)
        })
        .await?;
    let (status, html) = page_body(base, verification)?;
    let body = actix_web::web::Bytes::from(html);
    if anonymous {
        state.verdicts.put(lang, &token, status, body.clone());
    }
    Ok(answer(status, body))
}

#[derive(Deserialize)]
pub struct FormQuery {
    #[serde(default)]
    number: Option<String>,
    #[serde(default)]
    code: Option<String>,
}

/// The longest number or code worth looking up (`KZCN-PC-2026-000045`, `ABCDE-FGHJK`).
const MAX_TYPED: usize = 40;

fn field(value: Option<&str>) -> String {
    value.unwrap_or("").trim().chars().take(MAX_TYPED).collect()
}

/// `GET /verify`: the form; sent with a number and a code, it leads to their verdict.
pub async fn form(base: Base, query: web::Query<FormQuery>) -> Result<HttpResponse, AppError> {
    let number = field(query.number.as_deref());
    let code = field(query.code.as_deref());
    if query.number.is_some() || query.code.is_some() {
        let problem = if number.is_empty() {
            Some("verify.number_required")
        } else if code.is_empty() {
            Some("verify.code_required")
        } else {
            None
        };
        if problem.is_none() {
            let to = format!(
                "/verify/{}?code={}",
                crate::web::url_encode(&number.to_uppercase()),
                crate::web::url_encode(&code)
            );
            return Ok(HttpResponse::SeeOther()
                .insert_header((header::LOCATION, to))
                .finish());
        }
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &FormPage {
                base,
                number,
                code,
                problem,
                wait_seconds: None,
            },
        );
    }
    render(&FormPage {
        base,
        number,
        code,
        problem: None,
        wait_seconds: None,
    })
}

#[derive(Deserialize)]
pub struct CodeQuery {
    #[serde(default)]
    code: Option<String>,
}

/// `GET /verify/{number}?code=…`. A client whose lookups keep finding nothing waits, longer
/// each time, before its next one: the code cannot be guessed by trying.
pub async fn by_number(
    state: web::Data<AppState>,
    base: Base,
    client: ClientAddress,
    number: web::Path<String>,
    query: web::Query<CodeQuery>,
) -> Result<HttpResponse, AppError> {
    let number = field(Some(&number.into_inner()));
    let code = field(query.code.as_deref());
    if code.is_empty() {
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &FormPage {
                base,
                number,
                code,
                problem: Some("verify.code_required"),
                wait_seconds: None,
            },
        );
    }
    let key = format!("verify:{}", client.0);
    let rules = &state.settings.certificates;
    let (free, max_minutes) = (rules.lookup_free_failures, rules.lookup_max_wait_minutes);
    let (number_, code_) = (number.clone(), code.clone());
    let outcome = state
        .db
        .write(move |conn| {
            let now = UtcTime::now();
            let count = login_throttle::count(conn, &key, now)?;
            if count.waiting(now) {
                return Ok(Err(count
                    .wait_until
                    .map_or(1, |u| (u.0 - now.0).num_seconds().max(1))));
            }
            let verification = verification::by_number(conn, &number_, &code_, now)?;
            if verification.verdict == Verdict::NotFound {
                login_throttle::record_failure(conn, &key, now, free, max_minutes)?;
            }
            Ok(Ok(verification))
        })
        .await?;
    match outcome {
        Ok(verification) => page(base, verification),
        Err(wait) => {
            let mut res = render_status(
                StatusCode::TOO_MANY_REQUESTS,
                &FormPage {
                    base,
                    number,
                    code,
                    problem: Some("verify.too_many"),
                    wait_seconds: Some(wait),
                },
            )?;
            res.headers_mut()
                .insert(header::RETRY_AFTER, header::HeaderValue::from(wait));
            Ok(res)
        }
    }
}
