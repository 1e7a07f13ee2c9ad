use actix_web::{HttpResponse, web};

use super::super::see_other;
use crate::auth::Admin;
use crate::error::AppError;
use crate::models::Actor;
use crate::models::catalog::{PanelTest, PanelTestId};
use crate::web::AppState;

/// `POST /admin/catalog/panel-tests/{id}/remove`: takes a method off a side's default panel
/// (the audit log keeps what it was), then shows the commodity's panels.
pub async fn submit(
    state: web::Data<AppState>,
    admin: Admin,
    id: web::Path<PanelTestId>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let actor = Actor::user(admin.id, &admin.email);
    let commodity = state
        .db
        .write(move |conn| {
            let test = PanelTest::find(conn, id)?.ok_or(AppError::NotFound)?;
            PanelTest::remove(conn, &actor, &test)?;
            Ok(test.commodity_id)
        })
        .await?;
    Ok(see_other(format!(
        "/admin/catalog/commodities/{commodity}/panel?saved=removed"
    )))
}
