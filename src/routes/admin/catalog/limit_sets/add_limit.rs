use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use serde::Deserialize;

use super::super::{Errors, see_other};
use super::show::{LimitSetData, LimitSetPage};
use crate::auth::Admin;
use crate::db::{DbConn, write_tx};
use crate::domain::DecimalText;
use crate::domain::catalog::FieldErrors;
use crate::domain::intake::required_text;
use crate::error::AppError;
use crate::models::catalog::{Limit, LimitEntry, LimitRule};
use crate::models::{Actor, Commodity, LimitSetId, TestMethod};
use crate::routes::admin::users::form::is_unique_violation;
use crate::web::{AppState, Base, render_status};

const TAKEN: (&str, &str) = ("test_method", "catalog.error.limit_taken");

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
        match LimitEntry::new(set, commodity.id, &method, rule, value, reference) {
            Err(rule_errors) => rule_errors.into_iter().for_each(|(f, k)| errors.push(f, k)),
            Ok(_) if Limit::find_for(conn, set, commodity.id, method.id)?.is_some() => {
                errors.push(TAKEN.0, TAKEN.1)
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
    let actor = Actor::user(admin.id, &admin.email);
    let submitted = form.clone();
    let refused = state
        .db
        .run(move |conn| {
            let data = LimitSetData::load(conn, id)?;
            let errors = match form.parse(conn, id)? {
                Err(errors) => errors,
                Ok(entry) => match write_tx(conn, |conn| Limit::add(conn, &actor, &entry)) {
                    Ok(_) => return Ok(None),
                    Err(e) if is_unique_violation(&e) => vec![TAKEN],
                    Err(e) => return Err(e.into()),
                },
            };
            Ok(Some((data, errors)))
        })
        .await?;
    let Some((data, errors)) = refused else {
        return Ok(see_other(format!(
            "/admin/catalog/limit-sets/{id}?saved=added"
        )));
    };
    let mut page = LimitSetPage::new(base, data, submitted);
    page.errors = Errors(errors);
    render_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
}
