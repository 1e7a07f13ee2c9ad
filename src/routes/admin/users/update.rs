use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

use super::form::{UserForm, UserFormPage, choices};
use crate::auth::Admin;
use crate::error::AppError;
use crate::models::{User, UserId, session};
use crate::web::{AppState, Base, render_status, see_other};
use crate::workflows::{Change, accounts, apply_on};

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
    let by = admin.0.clone();
    let submitted = form.clone();
    let (outcome, user, lists, open_sessions) = state
        .db
        .run(move |conn| {
            User::find(conn, id)?.ok_or(AppError::NotFound)?;
            let version: i32 = form.version.parse().map_err(|_| AppError::BadRequest)?;
            let outcome = match form.parse(conn)? {
                Err(errors) => Err(errors),
                Ok(account) => match apply_on(conn, |conn| {
                    accounts::edit(conn, &by, id, version, &account)
                })? {
                    Change::Done(_) => Ok(Change::Done(())),
                    Change::Stale => Ok(Change::Stale),
                    // Refusals name the field they concern.
                    Change::Refused("users.cannot_demote_self") => {
                        Err(vec![("role", "users.cannot_demote_self")])
                    }
                    Change::Refused(key) => Err(vec![("email", key)]),
                },
            };
            let user = User::find(conn, id)?.ok_or(AppError::NotFound)?;
            let lists = choices(conn, &form.exporter)?;
            Ok((outcome, user, lists, session::count_for(conn, id)?))
        })
        .await?;
    let (errors, stale) = match outcome {
        Ok(Change::Done(())) => {
            return Ok(see_other(&format!("/admin/users/{id}?saved=updated")));
        }
        Ok(_) => (Vec::new(), true),
        Err(errors) => (errors, false),
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
