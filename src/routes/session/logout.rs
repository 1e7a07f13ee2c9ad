use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};

use crate::error::AppError;
use crate::models::audit::{self, Actor, AuditEntry};
use crate::models::session;
use crate::web::context::{SESSION_COOKIE, removal};
use crate::web::{AppState, RequestContext};

/// `POST /logout`: ends this browser's session and forgets its cookie.
pub async fn submit(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let context = RequestContext::of(&req);
    if let Some((user, token)) = context.and_then(|c| c.user.zip(c.session_token)) {
        state
            .db
            .write(move |conn| {
                session::close(conn, &token)?;
                audit::record(
                    conn,
                    AuditEntry::new(
                        &Actor::user(user.id, &user.email),
                        "user.logout",
                        "user",
                        user.id,
                    ),
                )?;
                Ok(())
            })
            .await?;
    }
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, "/login?signed_out=1"))
        .cookie(removal(&state, SESSION_COOKIE))
        .finish())
}
