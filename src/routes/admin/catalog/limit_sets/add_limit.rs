use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use serde::Deserialize;

use super::super::Errors;
use super::show::{LimitSetData, LimitSetPage};
use crate::auth::Admin;
use crate::db::DbConn;
use crate::domain::DecimalText;
use crate::domain::catalog::FieldErrors;
use crate::domain::intake::required_text;
use crate::error::AppError;
use crate::models::catalog::{Limit, LimitEntry, LimitRule};
use crate::models::{Commodity, LimitSetId, TestMethod};
use crate::web::{AppState, Base, answer, render_status};
use crate::workflows::{apply_on, catalog};

/// The "add a limit" form, as typed.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct LimitForm {
    pub commodity: String,
    pub test_method: String,
    pub rule: String,
    pub value: String,
    pub reference: String,
}

impl LimitForm {
    /// Parses every field (the commodity and method must be active catalog entries), then the
    /// rule against the method, then the uniqueness of (set, commodity, method).
    pub fn parse(
        &self,
        conn: &mut DbConn,
        set: LimitSetId,
    ) -> Result<Result<LimitEntry, FieldErrors>, AppError> {
        let mut errors = Errors::default();
        let commodity = match self.commodity.parse() {
            Ok(id) => Commodity::find(conn, id)?.filter(|c| c.active),
            Err(_) => None,
        };
        let method = match self.test_method.parse() {
            Ok(id) => TestMethod::find(conn, id)?.filter(|m| m.active),
            Err(_) => None,
        };
        let rule = LimitRule::parse(&self.rule);
        for (field, missing) in [
            ("commodity", commodity.is_none()),
            ("test_method", method.is_none()),
            ("rule", rule.is_none()),
        ] {
            if missing {
                errors.push(field, "field.choose");
            }
        }
        let value = match self.value.trim() {
            "" => None,
            v => DecimalText::parse(v)
                .map_err(|e| errors.push("value", e))
                .ok(),
        };
        let reference = match self.reference.trim() {
            "" => String::new(),
            r => required_text(r, 200)
                .map_err(|e| errors.push("reference", e))
                .unwrap_or_default(),
        };
        let (Some(commodity), Some(method), Some(rule)) = (commodity, method, rule) else {
            return Ok(Err(errors.0));
        };
        match LimitEntry::new(
            set,
            commodity.id,
            (method.id, method.result_kind, method.unit.as_deref()),
            rule,
            value,
            reference,
        ) {
            Err(rule_errors) => rule_errors.into_iter().for_each(|(f, k)| errors.push(f, k)),
            Ok(_) if Limit::find_for(conn, set, commodity.id, method.id)?.is_some() => {
                errors.push("test_method", catalog::LIMIT_TAKEN)
            }
            Ok(entry) if errors.is_empty() => return Ok(Ok(entry)),
            Ok(_) => {}
        }
        Ok(Err(errors.0))
    }
}

/// `POST /admin/catalog/limit-sets/{id}/limits`: adds a limit to the set; a wrong field (or a
/// limit the set already has for that commodity and method) brings the page back with the
/// typed values and the message beside the field.
pub async fn submit(
    state: web::Data<AppState>,
    base: Base,
    admin: Admin,
    id: web::Path<LimitSetId>,
    form: web::Form<LimitForm>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let form = form.into_inner();
    let admin = admin.0;
    let submitted = form.clone();
    let (data, outcome) = state
        .db
        .run(move |conn| {
            // The page to show again, and the lookups the form is checked against.
            let data = LimitSetData::load(conn, id)?;
            let outcome = match form.parse(conn, id)? {
                Err(errors) => Err(errors),
                Ok(entry) => Ok(apply_on(conn, |conn| {
                    catalog::add_limit(conn, &admin, &entry)
                })?),
            };
            Ok((data, outcome))
        })
        .await?;
    let mut page = LimitSetPage::new(base, data, submitted);
    let change = match outcome {
        Ok(change) => change,
        Err(errors) => {
            page.errors = Errors(errors);
            return render_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    answer(
        change,
        |_| format!("/admin/catalog/limit-sets/{id}?saved=added"),
        async |key| {
            match key {
                catalog::LIMIT_TAKEN => page.errors.push("test_method", key),
                notice => page.notice = Some(notice),
            }
            Ok(page)
        },
    )
    .await
}
