use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

use super::super::{Errors, SavedQuery};
use super::form::{Choices, DeclarationEditPage, DeclarationForm, field_of};
use crate::auth::Admin;
use crate::error::AppError;
use crate::models::declaration::{Declaration, DeclarationId};
use crate::web::{AppState, Base, answer, render, render_status};
use crate::workflows::{apply, eligibility};

/// The edit page of `id`: `form` as typed (or as stored), beside the declaration as it now is.
pub async fn page(
    state: &AppState,
    base: Base,
    id: DeclarationId,
    form: Option<DeclarationForm>,
    errors: Errors,
    notice: Option<&'static str>,
) -> Result<DeclarationEditPage, AppError> {
    let (declaration, choices) = state
        .db
        .run(move |conn| {
            let declaration = Declaration::find(conn, id)?.ok_or(AppError::NotFound)?;
            Ok((declaration, Choices::load(conn)?))
        })
        .await?;
    let mut form = form.unwrap_or_else(|| DeclarationForm::from_declaration(&declaration));
    if notice == Some("form.stale") {
        // Keep what was typed, but let the next submission go through knowingly.
        form.version = declaration.version.to_string();
    }
    Ok(DeclarationEditPage {
        base,
        declaration,
        choices,
        form,
        errors,
        notice,
    })
}

/// `GET /admin/catalog/declarations/{id}`: the declaration's form, and retirement.
pub async fn show(
    state: web::Data<AppState>,
    base: Base,
    _admin: Admin,
    id: web::Path<DeclarationId>,
    query: web::Query<SavedQuery>,
) -> Result<HttpResponse, AppError> {
    let notice = query.notice();
    let page = page(
        &state,
        base,
        id.into_inner(),
        None,
        Errors::default(),
        notice,
    )
    .await?;
    render(&page)
}

/// `POST /admin/catalog/declarations/{id}`: saves the declaration if nobody changed it since
/// the form was loaded; otherwise the form comes back as typed with a conflict message.
pub async fn update(
    state: web::Data<AppState>,
    base: Base,
    admin: Admin,
    id: web::Path<DeclarationId>,
    form: web::Form<DeclarationForm>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let form = form.into_inner();
    let version: i32 = form
        .version
        .trim()
        .parse()
        .map_err(|_| AppError::BadRequest)?;
    let entry = match form.parse() {
        Ok(entry) => entry,
        Err(errors) => {
            let page = page(&state, base, id, Some(form), errors, None).await?;
            return render_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    let admin = admin.0;
    let change = apply(&state.db, move |conn| {
        eligibility::edit_declaration(conn, &admin, id, version, &entry)
    })
    .await?;
    answer(
        change,
        |_| format!("/admin/catalog/declarations/{id}?saved=updated"),
        async |key| {
            let mut errors = Errors::default();
            match field_of(key) {
                Some(field) => {
                    errors.push(field, key);
                    page(&state, base, id, Some(form), errors, None).await
                }
                None => page(&state, base, id, Some(form), errors, Some(key)).await,
            }
        },
    )
    .await
}
