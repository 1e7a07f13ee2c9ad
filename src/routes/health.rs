use actix_web::{HttpResponse, web};

use crate::db::migrations_current;
use crate::error::AppError;
use crate::web::AppState;

/// The process is up.
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().content_type("text/plain").body("ok")
}

/// The database answers and every migration is applied.
pub async fn readyz(state: web::Data<AppState>) -> HttpResponse {
    match state
        .db
        .run(|conn| migrations_current(conn).map_err(AppError::internal))
        .await
    {
        Ok(true) => HttpResponse::Ok().content_type("text/plain").body("ready"),
        Ok(false) => HttpResponse::ServiceUnavailable()
            .content_type("text/plain")
            .body("migrations pending"),
        Err(e) => {
            tracing::warn!(error = %e, "readiness check failed");
            HttpResponse::ServiceUnavailable()
                .content_type("text/plain")
                .body("database unavailable")
        }
    }
}
