//! The test method form shared by "new" and "edit": raw values as typed, their parsing into a
//! [`MethodEntry`], and the page that shows them.

use askama::Template;
use serde::Deserialize;

use super::super::{Errors, ticked};
use crate::domain::DecimalText;
use crate::domain::catalog::{FieldErrors, MethodCode, Names, Unit};
use crate::domain::intake::required_text;
use crate::models::TestMethod;
use crate::models::catalog::{Discipline, MethodEntry, Named, ResultKind};
use crate::web::Base;

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct MethodForm {
    pub code: String,
    pub name_en: String,
    pub name_ru: String,
    pub name_kk: String,
    pub name_zh: String,
    pub discipline: String,
    pub result_kind: String,
    pub unit: String,
    pub lod: String,
    pub loq: String,
    pub standard_kz: String,
    pub standard_cn: String,
    pub active: String,
    pub version: String,
}

/// The value of a field that parsed; the error beside it otherwise.
fn take<T>(errors: &mut Errors, field: &'static str, parsed: Result<T, &'static str>) -> Option<T> {
    parsed.map_err(|e| errors.push(field, e)).ok()
}

/// An optional field: empty is `None`, anything else must parse.
fn optional<T>(
    input: &str,
    parse: impl Fn(&str) -> Result<T, &'static str>,
) -> Result<Option<T>, &'static str> {
    if input.trim().is_empty() {
        Ok(None)
    } else {
        parse(input).map(Some)
    }
}

impl MethodForm {
    /// A blank form: a new method is active.
    pub fn blank() -> Self {
        MethodForm {
            active: "on".into(),
            ..MethodForm::default()
        }
    }

    pub fn from_method(m: &TestMethod) -> Self {
        MethodForm {
            code: m.code.clone(),
            name_en: m.name_en.clone(),
            name_ru: m.name_ru.clone(),
            name_kk: m.name_kk.clone(),
            name_zh: m.name_zh.clone(),
            discipline: m.discipline.as_str().into(),
            result_kind: m.result_kind.as_str().into(),
            unit: m.unit.clone().unwrap_or_default(),
            lod: m.lod.clone().unwrap_or_default(),
            loq: m.loq.clone().unwrap_or_default(),
            standard_kz: m.standard_kz.clone(),
            standard_cn: m.standard_cn.clone(),
            active: if m.active { "on".into() } else { String::new() },
            version: m.version.to_string(),
        }
    }

    /// Parses every field, then the rules between them, collecting every error.
    pub fn parse(&self) -> Result<MethodEntry, FieldErrors> {
        let mut errors = Errors::default();
        let code = take(&mut errors, "code", MethodCode::parse(&self.code));
        let discipline = Discipline::parse(&self.discipline).ok_or("field.choose");
        let discipline = take(&mut errors, "discipline", discipline);
        let kind = ResultKind::parse(&self.result_kind).ok_or("field.choose");
        let kind = take(&mut errors, "result_kind", kind);
        let unit = take(&mut errors, "unit", optional(&self.unit, Unit::parse));
        let lod = take(&mut errors, "lod", optional(&self.lod, DecimalText::parse));
        let loq = take(&mut errors, "loq", optional(&self.loq, DecimalText::parse));
        let kz = take(
            &mut errors,
            "standard_kz",
            required_text(&self.standard_kz, 200),
        );
        let cn = take(
            &mut errors,
            "standard_cn",
            required_text(&self.standard_cn, 200),
        );
        let names = Names::parse([&self.name_en, &self.name_ru, &self.name_kk, &self.name_zh])
            .map_err(|e| e.into_iter().for_each(|(f, k)| errors.push(f, k)))
            .ok();
        if let (Some(kind), Some(unit), Some(lod), Some(loq)) = (kind, &unit, &lod, &loq) {
            let rules = MethodEntry::rule_errors(kind, unit.is_some(), lod.as_ref(), loq.as_ref());
            rules.into_iter().for_each(|(f, k)| errors.push(f, k));
        }
        if !errors.is_empty() {
            return Err(errors.0);
        }
        let (Some(code), Some(names), Some(discipline), Some(result_kind)) =
            (code, names, discipline, kind)
        else {
            return Err(errors.0);
        };
        Ok(MethodEntry {
            code,
            names,
            discipline,
            result_kind,
            unit: unit.flatten(),
            lod: lod.flatten(),
            loq: loq.flatten(),
            standard_kz: kz.unwrap_or_default(),
            standard_cn: cn.unwrap_or_default(),
            active: ticked(&self.active),
        })
    }

    pub fn is_active(&self) -> bool {
        ticked(&self.active)
    }
}

#[derive(Template)]
#[template(path = "admin/catalog/method_form.html")]
pub struct MethodFormPage {
    pub base: Base,
    pub form: MethodForm,
    pub errors: Errors,
    /// Catalog key of a message above the form (stale form, saved…).
    pub notice: Option<&'static str>,
    /// The method being edited (none on the "new" page).
    pub editing: Option<TestMethod>,
}

impl MethodFormPage {
    pub fn new(base: Base, form: MethodForm) -> Self {
        MethodFormPage {
            base,
            form,
            errors: Errors::default(),
            notice: None,
            editing: None,
        }
    }

    pub fn action(&self) -> String {
        match &self.editing {
            Some(m) => format!("/admin/catalog/test-methods/{}", m.id),
            None => "/admin/catalog/test-methods".into(),
        }
    }

    pub fn stale(&self) -> bool {
        self.notice == Some("form.stale")
    }

    pub fn disciplines(&self) -> &'static [Discipline] {
        Discipline::ALL
    }

    pub fn result_kinds(&self) -> &'static [ResultKind] {
        ResultKind::ALL
    }

    pub fn title<'a>(&self, m: &'a TestMethod) -> &'a str {
        m.name(&self.base.lang)
    }
}
