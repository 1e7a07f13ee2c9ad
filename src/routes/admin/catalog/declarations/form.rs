//! The declaration form shared by the list page (new) and the edit page: raw values as typed
//! (so nothing is lost when the form comes back), their parsing into a [`DeclarationEntry`],
//! and the pages that show them.

use askama::Template;
use serde::Deserialize;

use super::super::{Errors, ticked};
use crate::db::DbConn;
use crate::domain::catalog::MethodCode;
use crate::domain::intake::required_text;
use crate::error::AppError;
use crate::models::catalog::Named;
use crate::models::declaration::{Declaration, DeclarationEntry};
use crate::models::{Commodity, LimitSet};
use crate::web::Base;

/// The four text fields, in the order of [`DeclarationEntry`]'s texts.
const TEXTS: [&str; 4] = ["text_en", "text_ru", "text_kk", "text_zh"];

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct DeclarationForm {
    pub code: String,
    pub destination: String,
    pub commodity: String,
    pub text_en: String,
    pub text_ru: String,
    pub text_kk: String,
    pub text_zh: String,
    pub active: String,
    pub version: String,
}

impl DeclarationForm {
    /// A blank form: a new declaration is active.
    pub fn blank() -> Self {
        DeclarationForm {
            active: "on".into(),
            ..DeclarationForm::default()
        }
    }

    pub fn from_declaration(d: &Declaration) -> Self {
        DeclarationForm {
            code: d.code.clone(),
            destination: d.limit_set_id.to_string(),
            commodity: d.commodity_id.map(|c| c.to_string()).unwrap_or_default(),
            text_en: d.text_en.clone(),
            text_ru: d.text_ru.clone(),
            text_kk: d.text_kk.clone(),
            text_zh: d.text_zh.clone(),
            active: if d.active { "on".into() } else { String::new() },
            version: d.version.to_string(),
        }
    }

    pub fn is_active(&self) -> bool {
        ticked(&self.active)
    }

    /// Parses every field, collecting every error.
    pub fn parse(&self) -> Result<DeclarationEntry, Errors> {
        let mut errors = Errors::default();
        let code = MethodCode::parse(&self.code)
            .map_err(|e| errors.push("code", e))
            .ok();
        let destination = match self.destination.trim() {
            "" => {
                errors.push("destination", "field.choose");
                None
            }
            typed => typed
                .parse()
                .map_err(|_| errors.push("destination", "field.choose"))
                .ok(),
        };
        let commodity = match self.commodity.trim() {
            "" => Some(None),
            typed => typed
                .parse()
                .map(Some)
                .map_err(|_| errors.push("commodity", "field.choose"))
                .ok(),
        };
        let typed = [&self.text_en, &self.text_ru, &self.text_kk, &self.text_zh];
        let mut texts = Vec::with_capacity(4);
        for (field, value) in TEXTS.into_iter().zip(typed) {
            match required_text(value, 1000) {
                Ok(text) => texts.push(text),
                Err(e) => errors.push(field, e),
            }
        }
        match (code, destination, commodity, <[String; 4]>::try_from(texts)) {
            (Some(code), Some(limit_set_id), Some(commodity_id), Ok([en, ru, kk, zh]))
                if errors.is_empty() =>
            {
                Ok(DeclarationEntry {
                    code: code.as_str().to_owned(),
                    limit_set_id,
                    commodity_id,
                    text_en: en,
                    text_ru: ru,
                    text_kk: kk,
                    text_zh: zh,
                    active: self.is_active(),
                })
            }
            _ => Err(errors),
        }
    }
}

/// What the pages need to name destinations and commodities.
pub struct Choices {
    pub sets: Vec<LimitSet>,
    pub commodities: Vec<Commodity>,
}

impl Choices {
    pub fn load(conn: &mut DbConn) -> Result<Choices, AppError> {
        Ok(Choices {
            sets: LimitSet::all(conn)?,
            commodities: Commodity::all(conn)?,
        })
    }
}

#[derive(Template)]
#[template(path = "admin/catalog/declaration_list.html")]
pub struct DeclarationListPage {
    pub base: Base,
    pub declarations: Vec<Declaration>,
    pub choices: Choices,
    pub form: DeclarationForm,
    pub errors: Errors,
    pub notice: Option<&'static str>,
}

#[derive(Template)]
#[template(path = "admin/catalog/declaration_form.html")]
pub struct DeclarationEditPage {
    pub base: Base,
    pub declaration: Declaration,
    pub choices: Choices,
    pub form: DeclarationForm,
    pub errors: Errors,
    pub notice: Option<&'static str>,
}

/// Names shown by both pages.
pub trait Naming {
    fn base(&self) -> &Base;
    fn choices(&self) -> &Choices;

    fn destination_name(&self, d: &Declaration) -> String {
        self.choices()
            .sets
            .iter()
            .find(|s| s.id == d.limit_set_id)
            .map(|s| s.name(&self.base().lang).to_owned())
            .unwrap_or_default()
    }

    fn commodity_name(&self, d: &Declaration) -> String {
        match d.commodity_id {
            None => self.base().t("declarations.all_commodities").to_owned(),
            Some(id) => self
                .choices()
                .commodities
                .iter()
                .find(|c| c.id == id)
                .map(|c| c.name(&self.base().lang).to_owned())
                .unwrap_or_default(),
        }
    }

    fn set_label(&self, s: &LimitSet) -> String {
        s.name(&self.base().lang).to_owned()
    }

    fn commodity_label(&self, c: &Commodity) -> String {
        format!("{} ({})", c.name(&self.base().lang), c.hs_code)
    }
}

impl Naming for DeclarationListPage {
    fn base(&self) -> &Base {
        &self.base
    }
    fn choices(&self) -> &Choices {
        &self.choices
    }
}

impl Naming for DeclarationEditPage {
    fn base(&self) -> &Base {
        &self.base
    }
    fn choices(&self) -> &Choices {
        &self.choices
    }
}

impl DeclarationListPage {
    pub fn text<'a>(&self, d: &'a Declaration) -> &'a str {
        d.text(&self.base.lang)
    }
}

impl DeclarationEditPage {
    pub fn stale(&self) -> bool {
        self.notice == Some("form.stale")
    }
}

/// The message beside a field for a workflow's refusal, or `None` for a page notice.
pub fn field_of(key: &'static str) -> Option<&'static str> {
    use crate::workflows::eligibility as w;
    match key {
        w::DECLARATION_CODE_TAKEN => Some("code"),
        w::DESTINATION_UNKNOWN => Some("destination"),
        w::DECLARATION_COMMODITY_UNKNOWN => Some("commodity"),
        _ => None,
    }
}
