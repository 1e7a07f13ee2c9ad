//! `GET /account`: one's own profile, language, time zone and password.

use actix_web::HttpResponse;
use askama::Template;

use crate::auth::CurrentUser;
use crate::domain::TimeZone;
use crate::error::AppError;
use crate::models::User;
use crate::web::{Base, render};

#[derive(Template)]
#[template(path = "account/show.html")]
pub struct AccountPage {
    pub base: Base,
    pub user: User,
    /// Catalog key of a message shown at the top (password changed…).
    pub notice: Option<&'static str>,
    /// Errors of the password form, by field.
    pub errors: Vec<(&'static str, &'static str)>,
    /// The events of the mail settings, each with whether the user receives it by mail.
    pub mail: Vec<(crate::domain::notice::NoticeKind, bool)>,
}

/// The mail settings of `user`: every optional event kind, ticked unless opted out.
pub async fn mail_choices(
    state: &crate::web::AppState,
    user: crate::models::UserId,
) -> Result<Vec<(crate::domain::notice::NoticeKind, bool)>, AppError> {
    let opted_out = state
        .db
        .run(move |conn| Ok(crate::models::mail_opt_out::of_user(conn, user)?))
        .await?;
    Ok(crate::domain::notice::NoticeKind::choices()
        .map(|k| (k, !opted_out.contains(&k)))
        .collect())
}

impl AccountPage {
    pub fn error(&self, field: &str) -> Option<&'static str> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, e)| *e)
    }

    pub fn time_zones(&self) -> &'static [TimeZone] {
        TimeZone::ALL
    }

    pub fn tz_key(&self, tz: &TimeZone) -> &'static str {
        match tz {
            TimeZone::Almaty => "tz.almaty",
            TimeZone::Beijing => "tz.beijing",
        }
    }
}

#[derive(serde::Deserialize)]
pub struct AccountQuery {
    saved: Option<String>,
}

pub async fn show(
    state: actix_web::web::Data<crate::web::AppState>,
    base: Base,
    user: CurrentUser,
    query: actix_web::web::Query<AccountQuery>,
) -> Result<HttpResponse, AppError> {
    let notice = match query.saved.as_deref() {
        Some("password") => Some("account.password_changed"),
        Some("preferences") => Some("account.preferences_saved"),
        Some("mail") => Some("mail_settings.saved"),
        _ if user.must_change_password => Some("account.must_change"),
        _ => None,
    };
    let mail = mail_choices(&state, user.id).await?;
    render(&AccountPage {
        base,
        user: user.0,
        notice,
        errors: Vec::new(),
        mail,
    })
}
