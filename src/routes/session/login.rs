use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

use super::login_form::LoginPage;
use crate::auth::login::{Attempt, LoginOutcome, sign_in};
use crate::error::AppError;
use crate::web::client::ClientAddress;
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
    client: ClientAddress,
    form: web::Form<LoginForm>,
) -> Result<HttpResponse, AppError> {
    let LoginForm {
        email,
        password,
        next,
    } = form.into_inner();
    let next = safe_next(next.as_deref());
    let attempt = Attempt {
        email: email.clone(),
        password,
        client: client.0,
        previous_session: RequestContext::of(&req).and_then(|c| c.session_token),
    };
    let outcome = sign_in(
        &state.db,
        &state.password_checks,
        &state.settings.login,
        attempt,
    )
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
    }
}
