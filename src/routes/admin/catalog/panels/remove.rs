use actix_web::{HttpResponse, web};

use super::add::PanelForm;
use super::show::{PanelData, PanelPage};
use crate::auth::Admin;
use crate::error::AppError;
use crate::models::catalog::{PanelTest, PanelTestId};
use crate::web::{AppState, Base, answer};
use crate::workflows::{apply_on, catalog};

/// `POST /admin/catalog/panel-tests/{id}/remove`: takes a method off a side's default panel
/// (the audit log keeps what it was), then shows the commodity's panels; if a parallel request
/// took it off first, the panels page says so (409).
pub async fn submit(
    state: web::Data<AppState>,
    base: Base,
    admin: Admin,
    id: web::Path<PanelTestId>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let admin = admin.0;
    let (commodity, change) = state
        .db
        .run(move |conn| {
            let commodity = PanelTest::find(conn, id)?
                .ok_or(AppError::NotFound)?
                .commodity_id;
            let change = apply_on(conn, |conn| catalog::remove_panel_test(conn, &admin, id))?;
            Ok((commodity, change))
        })
        .await?;
    answer(
        change,
        |_| format!("/admin/catalog/commodities/{commodity}/panel?saved=removed"),
        async |notice| {
            let data = state
                .db
                .run(move |conn| PanelData::load(conn, commodity))
                .await?;
            let mut page = PanelPage::new(base, data, PanelForm::default());
            page.notice = Some(notice);
            Ok(page)
        },
    )
    .await
}
