use actix_web::{HttpResponse, web};
use askama::Template;

use crate::auth::Admin;
use crate::error::AppError;
use crate::models::TestMethod;
use crate::models::catalog::Named;
use crate::web::{AppState, Base, render};

#[derive(Template)]
#[template(path = "admin/catalog/method_list.html")]
struct MethodListPage {
    base: Base,
    methods: Vec<TestMethod>,
}

impl MethodListPage {
    fn name<'a>(&self, method: &'a TestMethod) -> &'a str {
        method.name(&self.base.lang)
    }
}

/// `GET /admin/catalog/test-methods`: every test method by code, on one page (the catalog
/// holds tens of methods).
pub async fn show(
    state: web::Data<AppState>,
    base: Base,
    _admin: Admin,
) -> Result<HttpResponse, AppError> {
    let methods = state.db.run(|conn| Ok(TestMethod::all(conn)?)).await?;
    render(&MethodListPage { base, methods })
}
