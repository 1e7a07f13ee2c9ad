use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

use super::login_form::LoginPage;
use crate::auth::login::{LoginOutcome, attempt};
use crate::error::AppError;
use crate::models::session;
use crate::web::context::{SESSION_COOKIE, cookie};
use crate::web::{AppState, Base, RequestContext, render_status, safe_next};

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    next: Option<String>,
}

/// `POST /login`: opens a new session (any previous one of this browser is closed), or sends
/// the form back with the e-mail kept and a message.
pub async fn submit(
    state: web::Data<AppState>,
    req: HttpRequest,
    base: Base,
    form: web::Form<LoginForm>,
) -> Result<HttpResponse, AppError> {
    let LoginForm {
        email,
        password,
        next,
    } = form.into_inner();
    let next = safe_next(next.as_deref());
    let rules = state.settings.login.clone();
    let previous = RequestContext::of(&req).and_then(|c| c.session_token);
    let email_in = email.clone();
    let outcome = state
        .db
        .run(move |conn| {
            let outcome = attempt(conn, &email_in, &password, &rules)?;
            // A successful login replaces whatever session this browser had.
            if let (LoginOutcome::Success { .. }, Some(old)) = (&outcome, previous) {
                session::close(conn, &old)?;
            }
            Ok(outcome)
        })
        .await?;
    match outcome {
        LoginOutcome::Success { user, token } => {
            let to = if user.must_change_password {
                "/account".to_owned()
            } else {
                next
            };
            Ok(HttpResponse::SeeOther()
                .insert_header((header::LOCATION, to))
                .cookie(cookie(&state, SESSION_COOKIE, token, None))
                .finish())
        }
        LoginOutcome::Invalid => {
            let notice = Some(base.t("login.invalid").to_owned());
            render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &LoginPage {
                    base,
                    email,
                    next,
                    notice,
                    notice_is_error: true,
                },
            )
        }
        LoginOutcome::Locked { until } => {
            let minutes = ((until.0 - crate::db::types::UtcTime::now().0).num_seconds() + 59) / 60;
            let notice = Some(base.tn(
                "login.locked",
                &minutes.max(1),
                &[("until", &base.time(&until))],
            ));
            render_status(
                StatusCode::TOO_MANY_REQUESTS,
                &LoginPage {
                    base,
                    email,
                    next,
                    notice,
                    notice_is_error: true,
                },
            )
        }
    }
}
