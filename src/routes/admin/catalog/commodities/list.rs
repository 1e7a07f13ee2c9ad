use actix_web::{HttpResponse, web};
use askama::Template;

use crate::auth::Admin;
use crate::domain::Side;
use crate::error::AppError;
use crate::models::Commodity;
use crate::models::catalog::{CommodityId, Named, PanelTest};
use crate::web::{AppState, Base, render};

#[derive(Template)]
#[template(path = "admin/catalog/commodity_list.html")]
struct CommodityListPage {
    base: Base,
    commodities: Vec<Commodity>,
    panel_counts: Vec<(CommodityId, Side, i64)>,
}

impl CommodityListPage {
    /// How many tests `side` runs by default for the commodity.
    fn panel_size(&self, commodity: &Commodity, side: Side) -> i64 {
        self.panel_counts
            .iter()
            .find(|(id, s, _)| *id == commodity.id && *s == side)
            .map_or(0, |(_, _, n)| *n)
    }

    fn name<'a>(&self, commodity: &'a Commodity) -> &'a str {
        commodity.name(&self.base.lang)
    }
}

/// `GET /admin/catalog/commodities`: every commodity, active first. The catalog is small (tens
/// of entries), so the list is one page.
pub async fn show(
    state: web::Data<AppState>,
    base: Base,
    _admin: Admin,
) -> Result<HttpResponse, AppError> {
    let (commodities, panel_counts) = state
        .db
        .run(|conn| Ok((Commodity::all(conn)?, PanelTest::counts(conn)?)))
        .await?;
    render(&CommodityListPage {
        base,
        commodities,
        panel_counts,
    })
}
