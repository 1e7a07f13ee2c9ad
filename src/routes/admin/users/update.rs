use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, web};

use super::form::{UserForm, UserFormPage, choices, is_unique_violation};
use crate::auth::Admin;
use crate::db::write_tx;
use crate::domain::Role;
use crate::error::AppError;
use crate::models::user::Saved;
use crate::models::{Actor, User, UserId, session};
use crate::web::{AppState, Base, render_status};

enum Outcome {
    Saved,
    Refused {
        errors: Vec<(&'static str, &'static str)>,
        stale: bool,
    },
}

/// `POST /admin/users/{id}`: saves the account if nobody changed it since the form was
/// loaded; otherwise the form comes back with the typed values and a conflict message.
pub async fn submit(
    state: web::Data<AppState>,
    base: Base,
    admin: Admin,
    id: web::Path<UserId>,
    form: web::Form<UserForm>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let form = form.into_inner();
    let actor = Actor::user(admin.id, &admin.email);
    let own = admin.id == id;
    let submitted = form.clone();
    let (outcome, user, lists, open_sessions) = state
        .db
        .run(move |conn| {
            User::find(conn, id)?.ok_or(AppError::NotFound)?;
            let version: i32 = form.version.parse().map_err(|_| AppError::BadRequest)?;
            let outcome = match form.parse(conn)? {
                Err(errors) => Outcome::Refused {
                    errors,
                    stale: false,
                },
                Ok(account) if own && account.role != Role::Admin => Outcome::Refused {
                    errors: vec![("role", "users.cannot_demote_self")],
                    stale: false,
                },
                Ok(account) => match write_tx(conn, |conn| {
                    User::update(conn, &actor, id, version, &account)
                }) {
                    Ok(Saved::Done(_)) => Outcome::Saved,
                    Ok(Saved::Stale) => Outcome::Refused {
                        errors: Vec::new(),
                        stale: true,
                    },
                    Err(e) if is_unique_violation(&e) => Outcome::Refused {
                        errors: vec![("email", "field.email_taken")],
                        stale: false,
                    },
                    Err(e) => return Err(e.into()),
                },
            };
            let user = User::find(conn, id)?.ok_or(AppError::NotFound)?;
            Ok((outcome, user, choices(conn)?, session::count_for(conn, id)?))
        })
        .await?;
    let (errors, stale) = match outcome {
        Outcome::Saved => {
            return Ok(HttpResponse::SeeOther()
                .insert_header((header::LOCATION, format!("/admin/users/{id}?saved=updated")))
                .finish());
        }
        Outcome::Refused { errors, stale } => (errors, stale),
    };
    let mut page = UserFormPage::new(base, submitted, lists);
    if stale {
        // Keep what was typed, but let the next submission go through knowingly.
        page.form.version = user.version.to_string();
        page.notice = Some("form.stale");
    }
    page.errors = errors;
    page.editing = Some(user);
    page.open_sessions = open_sessions;
    let status = if stale {
        StatusCode::CONFLICT
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render_status(status, &page)
}
