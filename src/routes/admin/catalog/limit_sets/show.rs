use actix_web::{HttpResponse, web};
use askama::Template;

use super::super::{Errors, SavedQuery};
use super::add_limit::LimitForm;
use crate::auth::Admin;
use crate::db::DbConn;
use crate::error::AppError;
use crate::models::catalog::{Limit, Named};
use crate::models::{Commodity, LimitSet, LimitSetId, TestMethod};
use crate::web::{AppState, Base, render};

/// A commodity's limits within the set.
pub type CommodityLimits = (Commodity, Vec<(Limit, TestMethod)>);

/// What a limit set's page shows besides the form: the set, its limits per commodity, and the
/// commodities and methods the form offers.
pub struct LimitSetData {
    pub set: LimitSet,
    pub groups: Vec<CommodityLimits>,
    pub commodities: Vec<Commodity>,
    pub methods: Vec<TestMethod>,
}

impl LimitSetData {
    pub fn load(conn: &mut DbConn, id: LimitSetId) -> Result<Self, AppError> {
        let set = LimitSet::find(conn, id)?.ok_or(AppError::NotFound)?;
        let mut groups: Vec<CommodityLimits> = Vec::new();
        for (limit, commodity, method) in crate::queries::catalog::limits_in_set(conn, id)? {
            match groups.last_mut() {
                Some((c, limits)) if c.id == commodity.id => limits.push((limit, method)),
                _ => groups.push((commodity, vec![(limit, method)])),
            }
        }
        Ok(LimitSetData {
            set,
            groups,
            commodities: Commodity::active(conn)?,
            methods: TestMethod::active(conn)?,
        })
    }
}

#[derive(Template)]
#[template(path = "admin/catalog/limit_set.html")]
pub struct LimitSetPage {
    pub base: Base,
    pub data: LimitSetData,
    pub form: LimitForm,
    pub errors: Errors,
    pub notice: Option<&'static str>,
}

impl LimitSetPage {
    pub fn new(base: Base, data: LimitSetData, form: LimitForm) -> Self {
        LimitSetPage {
            base,
            data,
            form,
            errors: Errors::default(),
            notice: None,
        }
    }

    fn commodity_name<'a>(&self, c: &'a Commodity) -> &'a str {
        c.name(&self.base.lang)
    }

    fn method_name<'a>(&self, m: &'a TestMethod) -> &'a str {
        m.name(&self.base.lang)
    }

    fn set_name(&self) -> &str {
        self.data.set.name(&self.base.lang)
    }

    fn rules(&self) -> &'static [crate::models::catalog::LimitRule] {
        crate::models::catalog::LimitRule::ALL
    }
}

/// `GET /admin/catalog/limit-sets/{id}`: the set's limits per commodity and the form that adds
/// one.
pub async fn show(
    state: web::Data<AppState>,
    base: Base,
    _admin: Admin,
    id: web::Path<LimitSetId>,
    query: web::Query<SavedQuery>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let data = state
        .db
        .run(move |conn| LimitSetData::load(conn, id))
        .await?;
    let mut page = LimitSetPage::new(base, data, LimitForm::default());
    page.notice = query.notice();
    render(&page)
}
