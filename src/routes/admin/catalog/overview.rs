//! `GET /admin/catalog`: what the catalog holds, with links to each part.

use actix_web::{HttpResponse, web};
use askama::Template;

use crate::auth::Admin;
use crate::error::AppError;
use crate::models::catalog::{Limit, PanelTest};
use crate::models::{Commodity, LimitSet, TestMethod};
use crate::web::{AppState, Base, render};

/// How many entries each part of the catalog holds.
struct Counts {
    commodities: i64,
    test_methods: i64,
    limit_sets: i64,
    limits: i64,
    panel_tests: i64,
    declarations: i64,
}

#[derive(Template)]
#[template(path = "admin/catalog/overview.html")]
struct OverviewPage {
    base: Base,
    counts: Counts,
}

pub async fn show(
    state: web::Data<AppState>,
    base: Base,
    _admin: Admin,
) -> Result<HttpResponse, AppError> {
    let counts = state
        .db
        .run(|conn| {
            Ok(Counts {
                commodities: Commodity::count(conn)?,
                test_methods: TestMethod::count(conn)?,
                limit_sets: LimitSet::count(conn)?,
                limits: Limit::count(conn)?,
                panel_tests: PanelTest::count(conn)?,
                declarations: crate::models::declaration::Declaration::count(conn)?,
            })
        })
        .await?;
    render(&OverviewPage { base, counts })
}
