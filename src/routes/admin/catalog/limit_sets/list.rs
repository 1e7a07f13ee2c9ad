use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::super::{Errors, SavedQuery};
use crate::auth::Admin;
use crate::domain::catalog::Names;
use crate::domain::intake::required_text;
use crate::error::AppError;
use crate::models::LimitSet;
use crate::models::catalog::{Named, NewLimitSet};
use crate::web::{AppState, Base, answer, render, render_status};
use crate::workflows::{apply, catalog};

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
    let new = match form.parse() {
        Ok(new) => new,
        Err(errors) => {
            let page = again(&state, base, form, errors, None).await?;
            return render_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    let admin = admin.0;
    let change = apply(&state.db, move |conn| {
        catalog::add_limit_set(conn, &admin, &new)
    })
    .await?;
    answer(
        change,
        |set| format!("/admin/catalog/limit-sets/{}?saved=created", set.id),
        async |key| {
            let mut errors = Errors::default();
            match key {
                catalog::SET_CODE_TAKEN => {
                    errors.push("code", key);
                    again(&state, base, form, errors, None).await
                }
                notice => again(&state, base, form, errors, Some(notice)).await,
            }
        },
    )
    .await
}

/// The list again, with the form as typed.
async fn again(
    state: &AppState,
    base: Base,
    form: LimitSetForm,
    errors: Errors,
    notice: Option<&'static str>,
) -> Result<LimitSetListPage, AppError> {
    let sets = state
        .db
        .run(|conn| Ok(LimitSet::with_counts(conn)?))
        .await?;
    Ok(LimitSetListPage {
        base,
        sets,
        form,
        errors,
        notice,
    })
}
