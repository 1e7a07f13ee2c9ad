use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use serde::Deserialize;

use super::super::Errors;
use super::show::{PanelData, PanelPage};
use crate::auth::Admin;
use crate::domain::Side;
use crate::domain::catalog::FieldErrors;
use crate::error::AppError;
use crate::models::{CommodityId, TestMethodId};
use crate::web::{AppState, Base, answer, render_status};
use crate::workflows::{apply_on, catalog};

/// The "add to the panel" form, as typed.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct PanelForm {
    pub test_method: String,
    pub side: String,
}

impl PanelForm {
    /// The method (one of `offered`) and the side, or the errors beside the fields.
    fn parse(&self, data: &PanelData) -> Result<(TestMethodId, Side), FieldErrors> {
        let method = data
            .methods
            .iter()
            .find(|m| m.id.to_string() == self.test_method)
            .map(|m| m.id);
        let side = Side::parse(&self.side);
        match (method, side) {
            (Some(method), Some(side)) => Ok((method, side)),
            _ => {
                let mut errors = FieldErrors::new();
                if method.is_none() {
                    errors.push(("test_method", "field.choose"));
                }
                if side.is_none() {
                    errors.push(("side", "field.choose"));
                }
                Err(errors)
            }
        }
    }
}

/// `POST /admin/catalog/commodities/{id}/panel`: adds a method to a side's default panel; a
/// wrong field, or a method that side already runs, brings the page back with the choice kept.
pub async fn submit(
    state: web::Data<AppState>,
    base: Base,
    admin: Admin,
    id: web::Path<CommodityId>,
    form: web::Form<PanelForm>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let form = form.into_inner();
    let admin = admin.0;
    let submitted = form.clone();
    let (data, outcome) = state
        .db
        .run(move |conn| {
            // The page to show again, and the methods the form may name.
            let data = PanelData::load(conn, id)?;
            let outcome = match form.parse(&data) {
                Err(errors) => Err(errors),
                Ok((method, side)) => Ok(apply_on(conn, |conn| {
                    catalog::add_panel_test(conn, &admin, id, method, side)
                })?),
            };
            Ok((data, outcome))
        })
        .await?;
    let mut page = PanelPage::new(base, data, submitted);
    let change = match outcome {
        Ok(change) => change,
        Err(errors) => {
            page.errors = Errors(errors);
            return render_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    answer(
        change,
        |_| format!("/admin/catalog/commodities/{id}/panel?saved=added"),
        async |key| {
            match key {
                catalog::PANEL_TAKEN => page.errors.push("test_method", key),
                notice => page.notice = Some(notice),
            }
            Ok(page)
        },
    )
    .await
}
