//! `POST /admin/outbox/{id}/retry`: a parked message goes back in the queue, due now, with its
//! attempts counted from zero. Audited. A message not parked (any more) is a 409.

use actix_web::{HttpResponse, web};

use crate::auth::Admin;
use crate::db::types::UtcTime;
use crate::error::AppError;
use crate::models::audit::{self, Actor, AuditEntry};
use crate::models::outbox::{OutboxId, OutboxMessage, OutboxState};
use crate::web::{AppState, Base, answer};
use crate::workflows::{apply, found, guarded};

pub async fn submit(
    state: web::Data<AppState>,
    base: Base,
    admin: Admin,
    id: web::Path<OutboxId>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let actor = Actor::user(admin.0.id, &admin.0.email);
    let change = apply(&state.db, move |conn| {
        let message = found(OutboxMessage::find(conn, id)?)?;
        guarded(OutboxMessage::unpark(conn, id, UtcTime::now())?)?;
        audit::record(
            conn,
            AuditEntry::new(&actor, "outgoing_mail.retried", "outbox", id).after(
                serde_json::json!({
                    "to": message.to_address,
                    "kind": message.kind.as_str(),
                    "attempts": message.attempts,
                }),
            ),
        )?;
        Ok(())
    })
    .await?;
    answer(
        change,
        |()| "/admin/outbox?state=parked".to_owned(),
        async |notice| super::list::page(&state, base, OutboxState::Parked, Some(notice)).await,
    )
    .await
}
