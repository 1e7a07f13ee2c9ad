//! The commodity form shared by "new" and "edit": raw values as typed (so nothing is lost when
//! the form comes back), their parsing into a [`CommodityEntry`], and the page that shows them.

use askama::Template;
use serde::Deserialize;

use super::super::{Errors, ticked};
use crate::domain::HsCode;
use crate::domain::catalog::{FieldErrors, Names};
use crate::models::Commodity;
use crate::models::catalog::{CommodityEntry, CommodityKind, Named};
use crate::web::Base;

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct CommodityForm {
    pub name_en: String,
    pub name_ru: String,
    pub name_kk: String,
    pub name_zh: String,
    pub hs_code: String,
    pub kind: String,
    pub active: String,
    pub version: String,
}

impl CommodityForm {
    /// A blank form: a new commodity is active.
    pub fn blank() -> Self {
        CommodityForm {
            active: "on".into(),
            ..CommodityForm::default()
        }
    }

    pub fn from_commodity(c: &Commodity) -> Self {
        CommodityForm {
            name_en: c.name_en.clone(),
            name_ru: c.name_ru.clone(),
            name_kk: c.name_kk.clone(),
            name_zh: c.name_zh.clone(),
            hs_code: c.hs_code.clone(),
            kind: c.kind.as_str().into(),
            active: if c.active { "on".into() } else { String::new() },
            version: c.version.to_string(),
        }
    }

    /// Parses every field, collecting every error.
    pub fn parse(&self) -> Result<CommodityEntry, FieldErrors> {
        let mut errors = FieldErrors::new();
        let names = Names::parse([&self.name_en, &self.name_ru, &self.name_kk, &self.name_zh])
            .map_err(|e| errors.extend(e))
            .ok();
        let hs_code = HsCode::parse(&self.hs_code)
            .map_err(|e| errors.push(("hs_code", e)))
            .ok();
        let kind = CommodityKind::parse(&self.kind);
        if kind.is_none() {
            errors.push(("kind", "field.choose"));
        }
        match (names, hs_code, kind) {
            (Some(names), Some(hs_code), Some(kind)) => Ok(CommodityEntry {
                names,
                hs_code,
                kind,
                active: ticked(&self.active),
            }),
            _ => Err(errors),
        }
    }

    pub fn is_active(&self) -> bool {
        ticked(&self.active)
    }
}

#[derive(Template)]
#[template(path = "admin/catalog/commodity_form.html")]
pub struct CommodityFormPage {
    pub base: Base,
    pub form: CommodityForm,
    pub errors: Errors,
    /// Catalog key of a message above the form (stale form, saved…).
    pub notice: Option<&'static str>,
    /// The commodity being edited (none on the "new" page).
    pub editing: Option<Commodity>,
}

impl CommodityFormPage {
    pub fn new(base: Base, form: CommodityForm) -> Self {
        CommodityFormPage {
            base,
            form,
            errors: Errors::default(),
            notice: None,
            editing: None,
        }
    }

    pub fn action(&self) -> String {
        match &self.editing {
            Some(c) => format!("/admin/catalog/commodities/{}", c.id),
            None => "/admin/catalog/commodities".into(),
        }
    }

    pub fn stale(&self) -> bool {
        self.notice == Some("form.stale")
    }

    pub fn kinds(&self) -> &'static [CommodityKind] {
        CommodityKind::ALL
    }
}
