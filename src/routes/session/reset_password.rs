//! `GET /password-reset/{token}`: the new-password form of a reset link;
//! `POST /password-reset/{token}`: sets it (the password policy of the account page), uses
//! the link up, ends every session of the account and sends the user to sign in.
//! A link unknown, expired or used shows why, never the form.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::reset_request::MessagePage;
use crate::auth::password;
use crate::db::types::UtcTime;
use crate::domain::{NewPassword, PasswordOwner};
use crate::error::AppError;
use crate::models::User;
use crate::models::password_reset::PasswordReset;
use crate::web::{AppState, Base, render, render_status, see_other};
use crate::workflows::{self, Change, accounts};

#[derive(Template)]
#[template(path = "auth/reset_password.html")]
pub struct NewPasswordPage {
    pub base: Base,
    pub token: String,
    pub email: String,
    pub error: Option<&'static str>,
}

#[derive(Deserialize)]
pub struct NewPasswordForm {
    #[serde(default)]
    new: String,
    #[serde(default)]
    confirm: String,
}

/// What a link's token leads to.
enum Link {
    /// An open link: the account it resets.
    Open(User),
    /// Used already: the reset is done (a second click, or a parallel submit).
    Used,
    /// Unknown, expired, or of an account switched off.
    Invalid,
}

async fn link(state: &AppState, token: &str) -> Result<Link, AppError> {
    let hash = crate::token::sha256_hex(token.as_bytes());
    state
        .db
        .run(move |conn| {
            let Some(reset) = PasswordReset::find(conn, &hash)? else {
                return Ok(Link::Invalid);
            };
            if reset.used_at.is_some() {
                return Ok(Link::Used);
            }
            if !reset.usable(UtcTime::now()) {
                return Ok(Link::Invalid);
            }
            Ok(User::find(conn, reset.user_id)?
                .filter(|u| u.active)
                .map_or(Link::Invalid, Link::Open))
        })
        .await
}

fn invalid(base: Base, status: StatusCode) -> Result<HttpResponse, AppError> {
    render_status(
        status,
        &MessagePage {
            title: base.t("reset.title"),
            message: base.t("reset.invalid"),
            alert: true,
            base,
        },
    )
}

pub async fn show(
    state: web::Data<AppState>,
    base: Base,
    token: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    match link(&state, &token).await? {
        Link::Invalid => invalid(base, StatusCode::NOT_FOUND),
        Link::Used => invalid(base, StatusCode::CONFLICT),
        Link::Open(user) => render(&NewPasswordPage {
            base,
            token,
            email: user.email,
            error: None,
        }),
    }
}

pub async fn submit(
    state: web::Data<AppState>,
    base: Base,
    token: web::Path<String>,
    form: web::Form<NewPasswordForm>,
) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    let user = match link(&state, &token).await? {
        Link::Open(user) => user,
        Link::Used => return invalid(base, StatusCode::CONFLICT),
        Link::Invalid => return invalid(base, StatusCode::NOT_FOUND),
    };
    let form = form.into_inner();
    let owner = PasswordOwner {
        email: &user.email,
        display_name: &user.display_name,
    };
    let chosen = match NewPassword::parse(&form.new, &form.confirm, &owner) {
        Ok(p) => p,
        Err(error) => {
            return render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &NewPasswordPage {
                    base,
                    token,
                    email: user.email,
                    error: Some(error),
                },
            );
        }
    };
    let hash = state
        .password_checks
        .run(move || password::hash(chosen.expose()))
        .await?;
    let token_hash = crate::token::sha256_hex(token.as_bytes());
    let change = workflows::apply(&state.db, move |conn| {
        accounts::reset_password_by_link(conn, &token_hash, &hash)
    })
    .await?;
    match change {
        Change::Done(_) => Ok(see_other("/login?reset=done")),
        Change::Stale => invalid(base, StatusCode::CONFLICT),
        Change::Refused(_) => invalid(base, StatusCode::NOT_FOUND),
    }
}
