//! `GET /account`: one's own profile, language, time zone, password and API tokens.

use actix_web::HttpResponse;
use askama::Template;

use crate::auth::CurrentUser;
use crate::domain::TimeZone;
use crate::error::AppError;
use crate::models::User;
use crate::models::api_token::{ApiToken, TokenScope};
use crate::web::{AppState, Base, render};

#[derive(Template)]
#[template(path = "account/show.html")]
pub struct AccountPage {
    pub base: Base,
    pub user: User,
    /// Catalog key of a message shown at the top (password changed…).
    pub notice: Option<&'static str>,
    /// Errors of the password form, by field.
    pub errors: Vec<(&'static str, &'static str)>,
    /// The user's API tokens, newest first.
    pub tokens: Vec<ApiToken>,
    /// A token just made: its name and its secret, shown this once.
    pub new_secret: Option<(String, String)>,
    /// The error of the new-token form.
    pub token_error: Option<&'static str>,
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
    /// The page of `user`, with their tokens read.
    pub async fn load(
        state: &AppState,
        base: Base,
        user: User,
        notice: Option<&'static str>,
        errors: Vec<(&'static str, &'static str)>,
    ) -> Result<AccountPage, AppError> {
        let id = user.id;
        let tokens = state
            .db
            .run(move |conn| Ok(ApiToken::of_user(conn, id)?))
            .await?;
        let mail = mail_choices(state, id).await?;
        Ok(AccountPage {
            base,
            user,
            notice,
            errors,
            tokens,
            new_secret: None,
            token_error: None,
            mail,
        })
    }

    pub fn scopes(&self) -> &'static [TokenScope] {
        TokenScope::ALL
    }

    /// A token instant in the user's time zone.
    pub fn when(&self, at: &crate::db::types::UtcTime) -> String {
        self.base.time(at)
    }

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
    state: actix_web::web::Data<AppState>,
    base: Base,
    user: CurrentUser,
    query: actix_web::web::Query<AccountQuery>,
) -> Result<HttpResponse, AppError> {
    let notice = match query.saved.as_deref() {
        Some("password") => Some("account.password_changed"),
        Some("preferences") => Some("account.preferences_saved"),
        Some("token_revoked") => Some("api.tokens.revoked_notice"),
        Some("mail") => Some("mail_settings.saved"),
        _ if user.must_change_password => Some("account.must_change"),
        _ => None,
    };
    render(&AccountPage::load(&state, base, user.0, notice, Vec::new()).await?)
}
