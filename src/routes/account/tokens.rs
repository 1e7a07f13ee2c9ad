//! `POST /account/tokens`: make a personal API token (its secret is shown on the answer, this
//! once, and never stored); `POST /account/tokens/{id}/revoke`: revoke one.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use serde::Deserialize;

use super::show::AccountPage;
use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::models::api_token::{ApiTokenId, TokenScope};
use crate::web::{AppState, Base, render_status, see_other};
use crate::workflows::{Change, api_tokens, apply};

#[derive(Deserialize)]
pub struct TokenForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    scope: String,
}

pub async fn create(
    state: web::Data<AppState>,
    base: Base,
    user: CurrentUser,
    form: web::Form<TokenForm>,
) -> Result<HttpResponse, AppError> {
    let user = user.0;
    // The scope is chosen from a fixed list: anything else is a forged request.
    let scope = TokenScope::parse(&form.scope).ok_or(AppError::BadRequest)?;
    let name = match api_tokens::parse_name(&form.name) {
        Ok(name) => name,
        Err(key) => {
            let mut page = AccountPage::load(&state, base, user, None, Vec::new()).await?;
            page.token_error = Some(key);
            return render_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    let owner = user.clone();
    let change = apply(&state.db, move |conn| {
        api_tokens::create(conn, &owner, &name, scope)
    })
    .await?;
    let (status, created, notice) = match change {
        Change::Done((token, secret)) => (
            StatusCode::OK,
            Some((token.name, secret)),
            Some("api.tokens.created_notice"),
        ),
        Change::Stale => (StatusCode::CONFLICT, None, Some("form.stale")),
        Change::Refused(key) => (StatusCode::UNPROCESSABLE_ENTITY, None, Some(key)),
    };
    let mut page = AccountPage::load(&state, base, user, notice, Vec::new()).await?;
    page.new_secret = created;
    // The secret is on this answer only: no cache may keep it.
    let mut response = render_status(status, &page)?;
    response.headers_mut().insert(
        actix_web::http::header::CACHE_CONTROL,
        actix_web::http::header::HeaderValue::from_static("no-store"),
    );
    Ok(response)
}

pub async fn revoke(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<ApiTokenId>,
) -> Result<HttpResponse, AppError> {
    let user = user.0;
    let id = id.into_inner();
    match apply(&state.db, move |conn| api_tokens::revoke(conn, &user, id)).await? {
        // Revoked now, or a moment ago by a parallel request: either way it is revoked.
        Change::Done(_) | Change::Stale => Ok(see_other("/account?saved=token_revoked#api-tokens")),
        Change::Refused(_) => Err(AppError::BadRequest),
    }
}
