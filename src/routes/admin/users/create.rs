use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;

use super::form::{UserForm, UserFormPage, choices};
use crate::auth::{Admin, password};
use crate::error::AppError;
use crate::models::{Actor, User};
use crate::web::{AppState, Base, render, render_status};
use crate::workflows::{Change, accounts, apply_on};

/// Shows a one-time password, once: to the administrator who created or reset the account.
#[derive(Template)]
#[template(path = "admin/users/password.html")]
pub struct OneTimePasswordPage {
    pub base: Base,
    pub user: User,
    pub password: String,
    pub created: bool,
}

enum Outcome {
    Created(User),
    Invalid(Box<UserForm>, Vec<(&'static str, &'static str)>),
}

/// `POST /admin/users`: creates the account with a one-time password the user must change.
pub async fn submit(
    state: web::Data<AppState>,
    base: Base,
    admin: Admin,
    form: web::Form<UserForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let actor = Actor::user(admin.id, &admin.email);
    let (one_time, hash) = state.password_checks.run(password::one_time).await?;
    let (outcome, lists) = state
        .db
        .run(move |conn| {
            let lists = choices(conn, &form.exporter)?;
            let account = match form.parse(conn)? {
                Ok(account) => account,
                Err(errors) => return Ok((Outcome::Invalid(Box::new(form), errors), lists)),
            };
            match apply_on(conn, |conn| {
                accounts::create(conn, &actor, &account, &hash, true)
            })? {
                Change::Done(user) => Ok((Outcome::Created(user), Default::default())),
                // The only refusal (and the only race) is an e-mail already taken.
                Change::Refused(key) => Ok((
                    Outcome::Invalid(Box::new(form), vec![("email", key)]),
                    lists,
                )),
                Change::Stale => Ok((
                    Outcome::Invalid(Box::new(form), vec![("email", "field.email_taken")]),
                    lists,
                )),
            }
        })
        .await?;
    match outcome {
        Outcome::Created(user) => render(&OneTimePasswordPage {
            base,
            user,
            password: one_time,
            created: true,
        }),
        Outcome::Invalid(form, errors) => {
            let mut page = UserFormPage::new(base, *form, lists);
            page.errors = errors;
            render_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    }
}
