use actix_web::{HttpResponse, web};

use super::super::see_other;
use crate::auth::Admin;
use crate::error::AppError;
use crate::models::Actor;
use crate::models::catalog::{Limit, LimitId};
use crate::web::AppState;

/// `POST /admin/catalog/limits/{id}/remove`: removes one limit from its set (the audit log
/// keeps what it was), then shows the set.
pub async fn submit(
    state: web::Data<AppState>,
    admin: Admin,
    id: web::Path<LimitId>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let actor = Actor::user(admin.id, &admin.email);
    let set = state
        .db
        .write(move |conn| {
            let limit = Limit::find(conn, id)?.ok_or(AppError::NotFound)?;
            Limit::remove(conn, &actor, &limit)?;
            Ok(limit.limit_set_id)
        })
        .await?;
    Ok(see_other(format!(
        "/admin/catalog/limit-sets/{set}?saved=removed"
    )))
}
