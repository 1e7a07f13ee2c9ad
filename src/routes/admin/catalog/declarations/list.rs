use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

use super::super::{Errors, SavedQuery};
use super::form::{Choices, DeclarationForm, DeclarationListPage, field_of};
use crate::auth::Admin;
use crate::error::AppError;
use crate::models::declaration::Declaration;
use crate::web::{AppState, Base, answer, render, render_status};
use crate::workflows::{apply, eligibility};

/// The list with `form` as typed.
async fn page(
    state: &AppState,
    base: Base,
    form: DeclarationForm,
    errors: Errors,
    notice: Option<&'static str>,
) -> Result<DeclarationListPage, AppError> {
    let (declarations, choices) = state
        .db
        .run(|conn| Ok((Declaration::all(conn)?, Choices::load(conn)?)))
        .await?;
    Ok(DeclarationListPage {
        base,
        declarations,
        choices,
        form,
        errors,
        notice,
    })
}

/// `GET /admin/catalog/declarations`: every declaration, active first, and a form for a new
/// one.
pub async fn show(
    state: web::Data<AppState>,
    base: Base,
    _admin: Admin,
    query: web::Query<SavedQuery>,
) -> Result<HttpResponse, AppError> {
    let page = page(
        &state,
        base,
        DeclarationForm::blank(),
        Errors::default(),
        query.notice(),
    )
    .await?;
    render(&page)
}

/// `POST /admin/catalog/declarations`: a new declaration (its code unique).
pub async fn create(
    state: web::Data<AppState>,
    base: Base,
    admin: Admin,
    form: web::Form<DeclarationForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let entry = match form.parse() {
        Ok(entry) => entry,
        Err(errors) => {
            let page = page(&state, base, form, errors, None).await?;
            return render_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    let admin = admin.0;
    let change = apply(&state.db, move |conn| {
        eligibility::add_declaration(conn, &admin, &entry)
    })
    .await?;
    answer(
        change,
        |_| "/admin/catalog/declarations?saved=created".to_owned(),
        async |key| {
            let mut errors = Errors::default();
            match field_of(key) {
                Some(field) => {
                    errors.push(field, key);
                    page(&state, base, form, errors, None).await
                }
                None => page(&state, base, form, errors, Some(key)).await,
            }
        },
    )
    .await
}
