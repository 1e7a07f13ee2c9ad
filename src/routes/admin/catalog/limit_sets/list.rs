use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::super::{Errors, SavedQuery, see_other};
use crate::auth::Admin;
use crate::db::write_tx;
use crate::domain::catalog::Names;
use crate::domain::intake::required_text;
use crate::error::AppError;
use crate::models::catalog::{Named, NewLimitSet};
use crate::models::{Actor, LimitSet};
use crate::routes::admin::users::form::is_unique_violation;
use crate::web::{AppState, Base, render, render_status};

/// The new limit set form, as typed.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct LimitSetForm {
    pub code: String,
    pub name_en: String,
    pub name_ru: String,
    pub name_kk: String,
    pub name_zh: String,
    pub reference: String,
}

impl LimitSetForm {
    fn parse(&self) -> Result<NewLimitSet, Errors> {
        let mut errors = Errors::default();
        let code = self.code.trim().to_uppercase();
        if code.len() < 2 || code.len() > 8 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            errors.push("code", "catalog.limit_sets.code_format");
        }
        let names = Names::parse([&self.name_en, &self.name_ru, &self.name_kk, &self.name_zh])
            .map_err(|e| e.into_iter().for_each(|(f, k)| errors.push(f, k)))
            .ok();
        let reference = required_text(&self.reference, 500)
            .map_err(|e| errors.push("reference", e))
            .ok();
        match (names, reference) {
            (Some(names), Some(reference)) if errors.is_empty() => Ok(NewLimitSet {
                code,
                names,
                reference,
            }),
            _ => Err(errors),
        }
    }
}

#[derive(Template)]
#[template(path = "admin/catalog/limit_set_list.html")]
struct LimitSetListPage {
    base: Base,
    sets: Vec<(LimitSet, i64)>,
    form: LimitSetForm,
    errors: Errors,
    notice: Option<&'static str>,
}

impl LimitSetListPage {
    fn name<'a>(&self, set: &'a LimitSet) -> &'a str {
        set.name(&self.base.lang)
    }
}

/// `GET /admin/catalog/limit-sets`: the destination markets' limit sets, and a form for a
/// new one.
pub async fn show(
    state: web::Data<AppState>,
    base: Base,
    _admin: Admin,
    query: web::Query<SavedQuery>,
) -> Result<HttpResponse, AppError> {
    let sets = state
        .db
        .run(|conn| Ok(LimitSet::with_counts(conn)?))
        .await?;
    render(&LimitSetListPage {
        base,
        sets,
        form: LimitSetForm::default(),
        errors: Errors::default(),
        notice: query.notice(),
    })
}

/// `POST /admin/catalog/limit-sets`: a new destination market (its code unique).
pub async fn create(
    state: web::Data<AppState>,
    base: Base,
    admin: Admin,
    form: web::Form<LimitSetForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let parsed = form.parse();
    let actor = Actor::user(admin.id, &admin.email);
    let (created, sets) = state
        .db
        .run(move |conn| {
            let created = match parsed {
                Err(errors) => Err(errors),
                Ok(new) => match write_tx(conn, |conn| LimitSet::create(conn, &actor, &new, false))
                {
                    Ok(set) => Ok(set),
                    Err(e) if is_unique_violation(&e) => {
                        let mut errors = Errors::default();
                        errors.push("code", "catalog.limit_sets.code_taken");
                        Err(errors)
                    }
                    Err(e) => return Err(e.into()),
                },
            };
            Ok((created, LimitSet::with_counts(conn)?))
        })
        .await?;
    match created {
        Ok(set) => Ok(see_other(format!(
            "/admin/catalog/limit-sets/{}?saved=created",
            set.id
        ))),
        Err(errors) => render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &LimitSetListPage {
                base,
                sets,
                form,
                errors,
                notice: None,
            },
        ),
    }
}
