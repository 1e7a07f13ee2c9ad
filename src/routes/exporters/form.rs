//! The company form: raw values as typed, their parsing, and the page (new and edit).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::CompanyManager;
use crate::domain::{Bin, Email, intake::required_text};
use crate::error::AppError;
use crate::models::exporter::CompanyDetails;
use crate::models::{Exporter, ExporterId, User};
use crate::web::{AppState, Base, render, render_status};

pub type Errors = Vec<(&'static str, &'static str)>;

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct CompanyForm {
    pub name: String,
    pub bin: String,
    pub address: String,
    pub contact_email: String,
    pub version: String,
}

impl CompanyForm {
    pub fn from_company(c: &Exporter) -> Self {
        CompanyForm {
            name: c.name.clone(),
            bin: c.bin.clone(),
            address: c.address.clone(),
            contact_email: c.contact_email.clone(),
            version: c.version.to_string(),
        }
    }

    pub fn parse(&self) -> Result<CompanyDetails, Errors> {
        let mut errors = Errors::new();
        let name = required_text(&self.name, 200)
            .map_err(|e| errors.push(("name", e)))
            .ok();
        let bin = Bin::parse(&self.bin)
            .map_err(|e| errors.push(("bin", e)))
            .ok();
        let contact_email = match self.contact_email.trim() {
            "" => Some(String::new()),
            typed => Email::parse(typed)
                .map(Email::into_inner)
                .map_err(|e| errors.push(("contact_email", e)))
                .ok(),
        };
        let address = self.address.trim().to_owned();
        if address.chars().count() > 300 {
            errors.push(("address", "field.too_long"));
        } else if let Err(e) = crate::domain::text::multi_line(&address) {
            errors.push(("address", e));
        }
        match (name, bin, contact_email) {
            (Some(name), Some(bin), Some(contact_email)) if errors.is_empty() => {
                Ok(CompanyDetails {
                    name,
                    bin,
                    address,
                    contact_email,
                })
            }
            _ => Err(errors),
        }
    }
}

#[derive(Template)]
#[template(path = "exporters/form.html")]
pub struct CompanyPage {
    pub base: Base,
    pub form: CompanyForm,
    pub errors: Errors,
    pub notice: Option<&'static str>,
    pub company: Option<Exporter>,
    pub users: Vec<User>,
    /// The company's GACC registrations (none on the "new" page).
    pub registrations: Vec<super::registrations::RegistrationRow>,
}

impl CompanyPage {
    pub fn error(&self, field: &str) -> Option<&'static str> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, e)| *e)
    }

    pub fn stale(&self) -> bool {
        self.notice == Some("form.stale")
    }

    pub fn action(&self) -> String {
        self.company
            .as_ref()
            .map_or("/exporters".into(), |c| format!("/exporters/{}", c.id))
    }

    /// The page with `errors` (422) or a stale notice (409).
    pub fn refused(mut self, errors: Errors, stale: bool) -> Result<HttpResponse, AppError> {
        self.errors = errors;
        if stale {
            self.notice = Some("form.stale");
        }
        render_status(
            if stale {
                StatusCode::CONFLICT
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            },
            &self,
        )
    }
}

/// `GET /exporters/new`
pub async fn new(base: Base, _who: CompanyManager) -> Result<HttpResponse, AppError> {
    render(&CompanyPage {
        base,
        form: CompanyForm::default(),
        errors: Vec::new(),
        notice: None,
        company: None,
        users: Vec::new(),
        registrations: Vec::new(),
    })
}

#[derive(Deserialize)]
pub struct ShowQuery {
    saved: Option<String>,
}

/// `GET /exporters/{id}`: the company's form and its exporter users.
pub async fn show(
    state: web::Data<AppState>,
    base: Base,
    _who: CompanyManager,
    id: web::Path<ExporterId>,
    query: web::Query<ShowQuery>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let lang = base.lang;
    let (company, users, registrations) = state
        .db
        .run(move |conn| {
            let company = Exporter::find(conn, id)?.ok_or(AppError::NotFound)?;
            let registrations = super::registrations::rows(conn, id, lang)?;
            Ok((company, User::of_exporter(conn, id)?, registrations))
        })
        .await?;
    let notice = query.saved.as_ref().map(|_| "exporters.saved");
    render(&CompanyPage {
        base,
        form: CompanyForm::from_company(&company),
        errors: Vec::new(),
        notice,
        company: Some(company),
        users,
        registrations,
    })
}
