use actix_web::{HttpResponse, web};
use askama::Template;

use super::super::{Errors, SavedQuery};
use super::add::PanelForm;
use crate::auth::Admin;
use crate::db::DbConn;
use crate::domain::Side;
use crate::error::AppError;
use crate::models::catalog::{Named, PanelTest};
use crate::models::{Commodity, CommodityId, TestMethod};
use crate::web::{AppState, Base, render};

/// A commodity's default panels and the methods the form offers.
pub struct PanelData {
    pub commodity: Commodity,
    pub tests: Vec<(PanelTest, TestMethod)>,
    pub methods: Vec<TestMethod>,
}

impl PanelData {
    pub fn load(conn: &mut DbConn, id: CommodityId) -> Result<Self, AppError> {
        Ok(PanelData {
            commodity: Commodity::find(conn, id)?.ok_or(AppError::NotFound)?,
            tests: crate::queries::catalog::panels(conn, id)?,
            methods: TestMethod::active(conn)?,
        })
    }
}

#[derive(Template)]
#[template(path = "admin/catalog/panel.html")]
pub struct PanelPage {
    pub base: Base,
    pub data: PanelData,
    pub form: PanelForm,
    pub errors: Errors,
    pub notice: Option<&'static str>,
}

impl PanelPage {
    pub fn new(base: Base, data: PanelData, form: PanelForm) -> Self {
        PanelPage {
            base,
            data,
            form,
            errors: Errors::default(),
            notice: None,
        }
    }

    fn sides(&self) -> &'static [Side] {
        Side::ALL
    }

    /// The tests `side` runs by default.
    fn panel(&self, side: &Side) -> Vec<&(PanelTest, TestMethod)> {
        self.data
            .tests
            .iter()
            .filter(|(t, _)| t.side == *side)
            .collect()
    }

    fn commodity_name(&self) -> &str {
        self.data.commodity.name(&self.base.lang)
    }

    fn method_name<'a>(&self, m: &'a TestMethod) -> &'a str {
        m.name(&self.base.lang)
    }
}

/// `GET /admin/catalog/commodities/{id}/panel`: the tests each side runs by default for the
/// commodity, and the form that adds one.
pub async fn show(
    state: web::Data<AppState>,
    base: Base,
    _admin: Admin,
    id: web::Path<CommodityId>,
    query: web::Query<SavedQuery>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let data = state.db.run(move |conn| PanelData::load(conn, id)).await?;
    let mut page = PanelPage::new(base, data, PanelForm::default());
    page.notice = query.notice();
    render(&page)
}
