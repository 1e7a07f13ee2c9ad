use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use serde::Deserialize;

use super::super::{Errors, see_other};
use super::show::{PanelData, PanelPage};
use crate::auth::Admin;
use crate::db::write_tx;
use crate::domain::Side;
use crate::domain::catalog::FieldErrors;
use crate::error::AppError;
use crate::models::catalog::PanelTest;
use crate::models::{Actor, CommodityId, TestMethodId};
use crate::routes::admin::users::form::is_unique_violation;
use crate::web::{AppState, Base, render_status};

const TAKEN: (&str, &str) = ("test_method", "catalog.error.panel_taken");

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
    let actor = Actor::user(admin.id, &admin.email);
    let submitted = form.clone();
    let refused = state
        .db
        .run(move |conn| {
            let data = PanelData::load(conn, id)?;
            let errors = match form.parse(&data) {
                Err(errors) => errors,
                Ok((method, side)) if PanelTest::exists(conn, id, method, side)? => vec![TAKEN],
                Ok((method, side)) => {
                    match write_tx(conn, |conn| PanelTest::add(conn, &actor, id, method, side)) {
                        Ok(_) => return Ok(None),
                        Err(e) if is_unique_violation(&e) => vec![TAKEN],
                        Err(e) => return Err(e.into()),
                    }
                }
            };
            Ok(Some((data, errors)))
        })
        .await?;
    let Some((data, errors)) = refused else {
        return Ok(see_other(format!(
            "/admin/catalog/commodities/{id}/panel?saved=added"
        )));
    };
    let mut page = PanelPage::new(base, data, submitted);
    page.errors = Errors(errors);
    render_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
}
