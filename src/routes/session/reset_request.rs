//! `GET /password-reset`: the form that asks for an account's e-mail address;
//! `POST /password-reset`: mails a reset link if the address belongs to an active account.
//! The answer is the same page, after the same minimum time, whether it does or not.

use std::time::{Duration, Instant};

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::domain::Email;
use crate::error::AppError;
use crate::web::{AppState, Base, render, render_status};
use crate::workflows::{self, accounts};

/// Every answer to a request takes at least this long: the work for a known address (a link
/// stored, a mail queued, an audit event) hides inside it.
const ANSWER_FLOOR: Duration = Duration::from_millis(250);

#[derive(Template)]
#[template(path = "auth/reset_request.html")]
pub struct RequestPage {
    pub base: Base,
    pub email: String,
    pub error: Option<&'static str>,
}

#[derive(Template)]
#[template(path = "auth/reset_message.html")]
pub struct MessagePage {
    pub base: Base,
    pub title: &'static str,
    pub message: &'static str,
    pub alert: bool,
}

#[derive(Deserialize)]
pub struct RequestForm {
    #[serde(default)]
    email: String,
}

pub async fn show(base: Base) -> Result<HttpResponse, AppError> {
    render(&RequestPage {
        base,
        email: String::new(),
        error: None,
    })
}

pub async fn submit(
    state: web::Data<AppState>,
    base: Base,
    form: web::Form<RequestForm>,
) -> Result<HttpResponse, AppError> {
    let started = Instant::now();
    let email = match Email::parse(&form.email) {
        Ok(email) => email,
        Err(error) => {
            return render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &RequestPage {
                    base,
                    email: form.into_inner().email,
                    error: Some(error),
                },
            );
        }
    };
    let site = crate::mail::Site::from_settings(&state.settings);
    let minutes = state.settings.mail.reset_minutes;
    workflows::apply(&state.db, move |conn| {
        accounts::request_password_reset(conn, &site, email.as_str(), minutes)
    })
    .await?;
    if let Some(rest) = ANSWER_FLOOR.checked_sub(started.elapsed()) {
        actix_web::rt::time::sleep(rest).await;
    }
    render(&MessagePage {
        title: base.t("reset.sent_title"),
        message: base.t("reset.sent"),
        alert: false,
        base,
    })
}
