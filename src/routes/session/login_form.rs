use actix_web::{HttpResponse, http::header, web};
use askama::Template;
use serde::Deserialize;

use crate::error::AppError;
use crate::web::{Base, render, safe_next};

#[derive(Template)]
#[template(path = "auth/login.html")]
pub struct LoginPage {
    pub base: Base,
    pub email: String,
    pub next: String,
    /// A catalog key shown above the form (wrong password, locked, signed out…).
    pub notice: Option<String>,
    pub notice_is_error: bool,
}

#[derive(Deserialize)]
pub struct LoginQuery {
    next: Option<String>,
    signed_out: Option<String>,
    reset: Option<String>,
}

pub async fn show(base: Base, query: web::Query<LoginQuery>) -> Result<HttpResponse, AppError> {
    if base.user.is_some() {
        return Ok(HttpResponse::SeeOther()
            .insert_header((header::LOCATION, "/"))
            .finish());
    }
    let notice = match (&query.signed_out, &query.reset) {
        (_, Some(_)) => Some(base.t("reset.done").to_owned()),
        (Some(_), None) => Some(base.t("login.signed_out").to_owned()),
        (None, None) => None,
    };
    render(&LoginPage {
        email: String::new(),
        next: safe_next(query.next.as_deref()),
        notice,
        notice_is_error: false,
        base,
    })
}
