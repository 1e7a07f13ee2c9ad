//! A company's GACC registrations: the list, a form to add one, and withdrawal (kept by the
//! administrator and the registrars). The company page shows the same list.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::NaiveDate;
use serde::Deserialize;

use crate::auth::CompanyManager;
use crate::db::DbConn;
use crate::domain::intake::{date, required_text};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::models::catalog::Named;
use crate::models::gacc_registration::{
    Coverage, GaccRegistration, GaccRegistrationId, RegistrationEntry,
};
use crate::models::{Commodity, CommodityId, Exporter, ExporterId};
use crate::routes::admin::catalog::Errors;
use crate::web::page::ConfirmPage;
use crate::web::{AppState, Base, answer, render, render_status};
use crate::workflows::{apply, eligibility};

/// One registration as the pages list it: what it covers in the reader's words, and where it
/// stands today.
pub struct RegistrationRow {
    pub registration: GaccRegistration,
    pub covers: String,
    /// Catalog key: valid, expired, not yet valid or withdrawn.
    pub standing: &'static str,
}

impl RegistrationRow {
    pub fn withdrawable(&self) -> bool {
        self.registration.withdrawn_at.is_none()
    }
}

/// The company's registrations as rows, in `lang`, standing as of today (UTC).
pub fn rows(
    conn: &mut DbConn,
    exporter: ExporterId,
    lang: Lang,
) -> Result<Vec<RegistrationRow>, AppError> {
    let commodities = Commodity::all(conn)?;
    let today = chrono::Utc::now().date_naive().to_string();
    Ok(
        crate::queries::eligibility::registrations_of(conn, exporter)?
            .into_iter()
            .map(|r| {
                let covers = match (&r.commodity_id, &r.hs_heading) {
                    (Some(c), _) => commodities
                        .iter()
                        .find(|x| x.id == *c)
                        .map(|x| format!("{} ({})", x.name(&lang), x.hs_code))
                        .unwrap_or_default(),
                    (None, Some(h)) => h.clone(),
                    (None, None) => String::new(),
                };
                let standing = if r.withdrawn_at.is_some() {
                    "registrations.standing.withdrawn"
                } else if r.valid_from > today {
                    "registrations.standing.pending"
                } else if r.valid_to.as_ref().is_some_and(|to| *to < today) {
                    "registrations.standing.expired"
                } else {
                    "registrations.standing.valid"
                };
                RegistrationRow {
                    registration: r,
                    covers,
                    standing,
                }
            })
            .collect(),
    )
}

/// The form as typed.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct RegistrationForm {
    pub register_number: String,
    pub commodity: String,
    pub hs_heading: String,
    pub valid_from: String,
    pub valid_to: String,
}

/// A day a registration may start or end on.
fn registration_day(input: &str) -> Result<NaiveDate, &'static str> {
    let day = date(input)?;
    if !(2000..=2100).contains(&chrono::Datelike::year(&day)) {
        return Err("registrations.error.date_range");
    }
    Ok(day)
}

impl RegistrationForm {
    pub fn parse(&self, exporter: ExporterId) -> Result<RegistrationEntry, Errors> {
        let mut errors = Errors::default();
        let register_number = required_text(&self.register_number, 40)
            .map_err(|e| errors.push("register_number", e))
            .ok();
        let commodity = self.commodity.trim();
        let heading: String = self
            .hs_heading
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '.')
            .collect();
        let coverage = match (commodity.is_empty(), heading.is_empty()) {
            (false, true) => match commodity.parse::<CommodityId>() {
                Ok(id) => Some(Coverage::Commodity(id)),
                Err(_) => {
                    errors.push("commodity", "field.choose");
                    None
                }
            },
            (true, false) => {
                if (2..=10).contains(&heading.len()) && heading.bytes().all(|b| b.is_ascii_digit())
                {
                    Some(Coverage::Heading(heading))
                } else {
                    errors.push("hs_heading", "registrations.error.heading_format");
                    None
                }
            }
            _ => {
                errors.push("commodity", "registrations.error.coverage");
                None
            }
        };
        let valid_from = registration_day(&self.valid_from)
            .map_err(|e| errors.push("valid_from", e))
            .ok();
        let valid_to = match self.valid_to.trim() {
            "" => Some(None),
            typed => registration_day(typed)
                .map(Some)
                .map_err(|e| errors.push("valid_to", e))
                .ok(),
        };
        if let (Some(from), Some(Some(to))) = (valid_from, valid_to)
            && to < from
        {
            errors.push("valid_to", "registrations.error.to_before_from");
        }
        match (register_number, coverage, valid_from, valid_to) {
            (Some(register_number), Some(coverage), Some(valid_from), Some(valid_to))
                if errors.is_empty() =>
            {
                Ok(RegistrationEntry {
                    exporter_id: exporter,
                    register_number,
                    coverage,
                    valid_from,
                    valid_to,
                })
            }
            _ => Err(errors),
        }
    }
}

#[derive(Template)]
#[template(path = "exporters/registrations.html")]
pub struct RegistrationsPage {
    pub base: Base,
    pub company: Exporter,
    pub rows: Vec<RegistrationRow>,
    pub commodities: Vec<Commodity>,
    pub form: RegistrationForm,
    pub errors: Errors,
    pub notice: Option<&'static str>,
}

impl RegistrationsPage {
    fn commodity_name<'a>(&self, c: &'a Commodity) -> &'a str {
        c.name(&self.base.lang)
    }

    fn saved(&self) -> bool {
        matches!(
            self.notice,
            Some("registrations.added" | "registrations.withdrawn")
        )
    }
}

/// The page of `id` with `form`, `errors` and `notice`.
async fn page(
    state: &AppState,
    base: Base,
    id: ExporterId,
    form: RegistrationForm,
    errors: Errors,
    notice: Option<&'static str>,
) -> Result<RegistrationsPage, AppError> {
    let lang = base.lang;
    let (company, rows, commodities) = state
        .db
        .run(move |conn| {
            let company = Exporter::find(conn, id)?.ok_or(AppError::NotFound)?;
            let rows = rows(conn, id, lang)?;
            Ok((company, rows, Commodity::active(conn)?))
        })
        .await?;
    Ok(RegistrationsPage {
        base,
        company,
        rows,
        commodities,
        form,
        errors,
        notice,
    })
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DoneQuery {
    done: String,
}

/// `GET /exporters/{id}/registrations`: the company's registrations and a form for a new one.
pub async fn show(
    state: web::Data<AppState>,
    base: Base,
    _who: CompanyManager,
    id: web::Path<ExporterId>,
    query: web::Query<DoneQuery>,
) -> Result<HttpResponse, AppError> {
    let notice = match query.done.as_str() {
        "added" => Some("registrations.added"),
        "withdrawn" => Some("registrations.withdrawn"),
        _ => None,
    };
    let page = page(
        &state,
        base,
        id.into_inner(),
        RegistrationForm::default(),
        Errors::default(),
        notice,
    )
    .await?;
    render(&page)
}

/// `POST /exporters/{id}/registrations`: adds a registration (no overlapping duplicate of
/// the same register number for the same commodity or heading).
pub async fn add(
    state: web::Data<AppState>,
    base: Base,
    who: CompanyManager,
    id: web::Path<ExporterId>,
    form: web::Form<RegistrationForm>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let form = form.into_inner();
    let entry = match form.parse(id) {
        Ok(entry) => entry,
        Err(errors) => {
            let page = page(&state, base, id, form, errors, None).await?;
            return render_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    let by = who.0;
    let change = apply(&state.db, move |conn| {
        eligibility::add_registration(conn, &by, &entry)
    })
    .await?;
    answer(
        change,
        |_| format!("/exporters/{id}/registrations?done=added"),
        async |key| {
            let mut errors = Errors::default();
            let notice = match key {
                eligibility::REGISTRATION_OVERLAPS => {
                    errors.push("register_number", key);
                    None
                }
                eligibility::COMMODITY_UNKNOWN => {
                    errors.push("commodity", key);
                    None
                }
                other => Some(other),
            };
            page(&state, base, id, form, errors, notice).await
        },
    )
    .await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct WithdrawForm {
    version: String,
    /// `yes` once the manager has confirmed on the confirmation page.
    confirm: String,
}

/// `POST /exporters/{id}/registrations/{registration}/withdraw`: withdraws a registration as
/// the page showed it; a parallel or earlier withdrawal makes this one stale (409).
pub async fn withdraw(
    state: web::Data<AppState>,
    base: Base,
    who: CompanyManager,
    path: web::Path<(ExporterId, GaccRegistrationId)>,
    form: web::Form<WithdrawForm>,
) -> Result<HttpResponse, AppError> {
    let (id, registration) = path.into_inner();
    let version: i32 = form
        .version
        .trim()
        .parse()
        .map_err(|_| AppError::BadRequest)?;
    // A withdrawal cannot be undone: ask first (works without JavaScript).
    if form.confirm != "yes" {
        let found = state
            .db
            .run(move |conn| Ok(GaccRegistration::find(conn, registration)?))
            .await?
            .filter(|r| r.exporter_id == id)
            .ok_or(AppError::NotFound)?;
        let message = base.tf(
            "registrations.confirm_withdraw",
            &[("number", &found.register_number)],
        );
        return render(&ConfirmPage {
            base,
            title: found.register_number,
            message,
            action: format!("/exporters/{id}/registrations/{registration}/withdraw"),
            back: format!("/exporters/{id}/registrations"),
            fields: vec![("version".into(), version.to_string())],
        });
    }
    let by = who.0;
    let change = apply(&state.db, move |conn| {
        eligibility::withdraw_registration(conn, &by, id, registration, version)
    })
    .await?;
    answer(
        change,
        |_| format!("/exporters/{id}/registrations?done=withdrawn"),
        async |key| {
            page(
                &state,
                base,
                id,
                RegistrationForm::default(),
                Errors::default(),
                Some(key),
            )
            .await
        },
    )
    .await
}
