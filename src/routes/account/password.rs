//! `POST /account/password`: change one's own password. Every session of the user ends and
//! this browser gets a new one.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, web};
use serde::Deserialize;

use super::show::AccountPage;
use crate::auth::login::Throttle;
use crate::auth::{CurrentUser, password};
use crate::db::types::UtcTime;
use crate::domain::{NewPassword, PasswordOwner};
use crate::error::AppError;
use crate::models::{Actor, session};
use crate::web::client::ClientAddress;
use crate::web::context::{SESSION_COOKIE, cookie};
use crate::web::{AppState, Base, render_status};
use crate::workflows::accounts;

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    new: String,
    #[serde(default)]
    confirm: String,
}

pub async fn submit(
    state: web::Data<AppState>,
    base: Base,
    user: CurrentUser,
    client: ClientAddress,
    form: web::Form<PasswordForm>,
) -> Result<HttpResponse, AppError> {
    let user = user.0;
    let form = form.into_inner();
    let owner = PasswordOwner {
        email: &user.email,
        display_name: &user.display_name,
    };
    let new = NewPassword::parse(&form.new, &form.confirm, &owner);
    let stored = user.password_hash.clone();
    let PasswordForm {
        current,
        new: chosen,
        ..
    } = form;
    // A wrong current password is a failed sign-in: it is counted, and while this user and
    // address wait, the current password is not checked (the dummy hash is, at the same cost).
    let throttle = Throttle::new(&user.email, &client.0);
    let waiting = {
        let throttle = throttle.clone();
        state
            .db
            .run(move |conn| Ok(throttle.waiting(conn, UtcTime::now())?))
            .await?
    };
    // Both Argon2 computations run off the async workers, in their turn.
    let checked = state
        .password_checks
        .run(move || {
            let current_ok = match waiting {
                true => {
                    let _ = password::verify(password::dummy_hash(), &current);
                    false
                }
                false => password::verify(&stored, &current),
            };
            // Only a caller who knows the current password learns that it is reused.
            let new = match current_ok && password::verify(&stored, &chosen) {
                true => Err("field.password_reused"),
                false => new,
            };
            let hash = match (&new, current_ok) {
                (Ok(p), true) => Some(password::hash(p.expose())),
                _ => None,
            };
            (current_ok, new.map(|_| ()), hash)
        })
        .await?;
    let (current_ok, new_ok, hash) = checked;
    if !current_ok {
        let rules = state.settings.login.clone();
        state
            .db
            .write(move |conn| Ok(throttle.record_failure(conn, UtcTime::now(), &rules)?))
            .await?;
    }
    let mut errors = Vec::new();
    if !current_ok {
        errors.push(("current", "account.current_wrong"));
    }
    if let Err(e) = new_ok {
        errors.push(("new", e));
    }
    let Some(hash) = hash.filter(|_| errors.is_empty()) else {
        let mail = super::show::mail_choices(&state, user.id).await?;
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &AccountPage {
                base,
                user,
                notice: None,
                errors,
                mail,
            },
        );
    };
    let id = user.id;
    let actor = Actor::user(id, &user.email);
    let token = state
        .db
        .write(move |conn| {
            accounts::set_password(conn, &actor, id, &hash, false)?;
            Ok(session::open(conn, id)?)
        })
        .await?;
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, "/account?saved=password"))
        .cookie(cookie(&state, SESSION_COOKIE, token, None))
        .finish())
}
