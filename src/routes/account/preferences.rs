//! `POST /account/preferences`: language and time zone.

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use serde::Deserialize;

use crate::auth::CurrentUser;
use crate::domain::TimeZone;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::web::AppState;
use crate::web::context::{LANG_COOKIE, cookie};
use crate::workflows::{self, accounts};

#[derive(Deserialize)]
pub struct PreferencesForm {
    #[serde(default)]
    language: String,
    #[serde(default)]
    time_zone: String,
}

pub async fn submit(
    state: web::Data<AppState>,
    user: CurrentUser,
    form: web::Form<PreferencesForm>,
) -> Result<HttpResponse, AppError> {
    // Both are chosen from fixed lists: anything else is a forged request.
    let language = Lang::parse(&form.language).ok_or(AppError::BadRequest)?;
    let time_zone = TimeZone::parse(&form.time_zone).ok_or(AppError::BadRequest)?;
    let user = user.0;
    workflows::apply(&state.db, move |conn| {
        accounts::set_preferences(conn, &user, language, time_zone)
    })
    .await?;
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, "/account?saved=preferences"))
        .cookie(cookie(
            &state,
            LANG_COOKIE,
            language.as_str().to_owned(),
            Some(365),
        ))
        .finish())
}
