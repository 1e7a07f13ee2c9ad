use actix_web::{HttpResponse, web};

use super::form::{CompanyForm, CompanyPage, Errors};
use crate::auth::CompanyManager;
use crate::error::AppError;
use crate::models::{Exporter, ExporterId, User};
use crate::web::{AppState, Base, answer};
use crate::workflows::{apply, companies};

/// `POST /exporters`: registers a company (BIN unique and checksum-valid).
pub async fn create(
    state: web::Data<AppState>,
    base: Base,
    who: CompanyManager,
    form: web::Form<CompanyForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let mut page = CompanyPage {
        base,
        form: form.clone(),
        errors: Vec::new(),
        notice: None,
        company: None,
        users: Vec::new(),
        registrations: Vec::new(),
    };
    let details = match form.parse() {
        Ok(d) => d,
        Err(errors) => return page.refused(errors, false),
    };
    let by = who.0;
    let change = apply(&state.db, move |conn| {
        companies::register_company(conn, &by, &details)
    })
    .await?;
    answer(
        change,
        |company| format!("/exporters/{}?saved=1", company.id),
        async |key| {
            match key {
                companies::BIN_TAKEN => page.errors.push(("bin", key)),
                notice => page.notice = Some(notice),
            }
            Ok(page)
        },
    )
    .await
}

/// `POST /exporters/{id}`: saves the company unless someone changed it since the form loaded.
pub async fn update(
    state: web::Data<AppState>,
    base: Base,
    who: CompanyManager,
    id: web::Path<ExporterId>,
    form: web::Form<CompanyForm>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let form = form.into_inner();
    let version: i32 = form.version.parse().map_err(|_| AppError::BadRequest)?;
    let details = match form.parse() {
        Ok(details) => details,
        Err(errors) => {
            let page = again(&state, base, id, form, Vec::new(), None).await?;
            return page.refused(errors, false);
        }
    };
    let by = who.0;
    let change = apply(&state.db, move |conn| {
        companies::edit_company(conn, &by, id, version, &details)
    })
    .await?;
    answer(
        change,
        |_| format!("/exporters/{id}?saved=1"),
        async |key| match key {
            companies::BIN_TAKEN => again(&state, base, id, form, vec![("bin", key)], None).await,
            notice => again(&state, base, id, form, Vec::new(), Some(notice)).await,
        },
    )
    .await
}

/// The form again, as typed, beside the company as it now is and its users.
async fn again(
    state: &AppState,
    base: Base,
    id: ExporterId,
    mut form: CompanyForm,
    errors: Errors,
    notice: Option<&'static str>,
) -> Result<CompanyPage, AppError> {
    let lang = base.lang;
    let (company, users, registrations) = state
        .db
        .run(move |conn| {
            let company = Exporter::find(conn, id)?.ok_or(AppError::NotFound)?;
            let registrations = super::registrations::rows(conn, id, lang)?;
            Ok((company, User::of_exporter(conn, id)?, registrations))
        })
        .await?;
    if notice == Some("form.stale") {
        // Keep what was typed, but let the next submission go through knowingly.
        form.version = company.version.to_string();
    }
    Ok(CompanyPage {
        base,
        form,
        errors,
        notice,
        company: Some(company),
        users,
        registrations,
    })
}
