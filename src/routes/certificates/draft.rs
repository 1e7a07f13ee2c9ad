//! Drafting: `GET /consignments/{id}/certificates/new` shows every result of both sides with
//! its limit, what the results allow (a certificate, a notice, or not yet and why) and the
//! form; `POST /consignments/{id}/certificates` drafts. `GET|POST /certificates/{id}/replace`
//! drafts the correction of an issued certificate, with the reason.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::Certifier;
use crate::auth::policy::Staff;
use crate::db::ids::ConsignmentId;
use crate::db::types::UtcTime;
use crate::domain::Scope;
use crate::domain::intake::{required_paragraph, required_text};
use crate::domain::text::multi_line;
use crate::error::AppError;
use crate::models::catalog::Named;
use crate::models::certificate::{Certificate, CertificateId};
use crate::models::consignment::Consignment;
use crate::queries::certification::{self, Counted, Readiness};
use crate::queries::eligibility::{self, Declaration};
use crate::routes::intake::{Errors, Lookups, error_of};
use crate::web::{AppState, Base, answer, render_status};
use crate::workflows::apply;
use crate::workflows::certificates::{self as workflow, DraftForm, GACC_MISSING};

/// The draft form as typed. Read from the posted pairs in order: the form repeats
/// `declaration` once per ticked box, which a struct of named fields cannot take.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(from = "Vec<(String, String)>")]
pub struct DraftInput {
    pub consignee: String,
    pub transport_details: String,
    pub remarks: String,
    pub reason: String,
    /// Codes of the declarations ticked.
    pub declarations: Vec<String>,
}

impl From<Vec<(String, String)>> for DraftInput {
    fn from(pairs: Vec<(String, String)>) -> Self {
        let mut input = DraftInput::default();
        for (name, value) in pairs {
            match name.as_str() {
                "consignee" => input.consignee = value,
                "transport_details" => input.transport_details = value,
                "remarks" => input.remarks = value,
                "reason" => input.reason = value,
                "declaration" => input.declarations.push(value),
                _ => {}
            }
        }
        input
    }
}

#[derive(Template)]
#[template(path = "certificates/draft.html")]
pub struct DraftPage {
    pub base: Base,
    pub shipment: Consignment,
    pub lookups: Lookups,
    pub readiness: Readiness,
    pub results: Vec<Counted>,
    pub offered: Vec<Declaration>,
    pub registration: Option<String>,
    pub gacc_required: bool,
    pub replacing: Option<Certificate>,
    pub input: DraftInput,
    pub errors: Errors,
    pub notice: Option<&'static str>,
}

impl DraftPage {
    fn error(&self, field: &str) -> Option<&'static str> {
        error_of(&self.errors, field)
    }

    fn ticked(&self, d: &Declaration) -> bool {
        self.input.declarations.contains(&d.code)
    }

    fn declaration_text<'a>(&self, d: &'a Declaration) -> &'a str {
        match self.base.lang {
            crate::i18n::Lang::En => &d.text_en,
            crate::i18n::Lang::Ru => &d.text_ru,
            crate::i18n::Lang::Kk => &d.text_kk,
            crate::i18n::Lang::Zh => &d.text_zh,
        }
    }

    fn gacc_missing(&self) -> bool {
        self.gacc_required && self.registration.is_none() && self.readiness == Readiness::Ready
    }

    /// "… is not on the GACC register for …", with the names.
    fn gacc_message(&self) -> String {
        self.base.tf(
            "certification.gacc_missing_named",
            &[
                (
                    "exporter",
                    &self.lookups.exporter(&self.shipment.exporter_id),
                ),
                (
                    "commodity",
                    &self
                        .lookups
                        .commodity(&self.shipment.commodity_id, &self.base.lang),
                ),
            ],
        )
    }

    fn notice_text(&self) -> Option<String> {
        let key = self.notice?;
        Some(if key == GACC_MISSING {
            self.gacc_message()
        } else {
            self.base.t(key).to_owned()
        })
    }

    fn kind_key(&self) -> &'static str {
        match self.readiness {
            Readiness::Failed => "certificate.kind.notice",
            _ => self
                .lookups
                .commodities
                .iter()
                .find(|c| c.id == self.shipment.commodity_id)
                .map_or("certificate.kind.phytosanitary", |c| {
                    super::kind_key(match c.kind {
                        crate::domain::catalog::CommodityKind::Plant => "phytosanitary",
                        crate::domain::catalog::CommodityKind::Animal => "veterinary",
                    })
                }),
        }
    }

    fn can_draft(&self) -> bool {
        matches!(self.readiness, Readiness::Ready | Readiness::Failed)
    }

    fn action(&self) -> String {
        match &self.replacing {
            Some(old) => format!("/certificates/{}/replace", old.id),
            None => format!("/consignments/{}/certificates", self.shipment.id),
        }
    }

    fn method_name(&self, c: &Counted) -> String {
        format!("{} ({})", c.method.name(&self.base.lang), c.method.code)
    }

    fn standard<'a>(&self, c: &'a Counted) -> &'a str {
        match c.test.side {
            crate::domain::Side::Kz => &c.method.standard_kz,
            crate::domain::Side::Cn => &c.method.standard_cn,
        }
    }

    fn result(&self, c: &Counted) -> String {
        crate::routes::bench::result_text(&self.base, &c.test)
    }

    fn limit(&self, c: &Counted) -> String {
        let text = crate::routes::bench::limit_text(&self.base, &c.test);
        if text.is_empty() { "—".into() } else { text }
    }
}

/// The page for drafting on `consignment` (or replacing `old`), with `input` as typed.
async fn page(
    state: &AppState,
    base: Base,
    consignment: ConsignmentId,
    replacing: Option<Certificate>,
    input: Option<DraftInput>,
) -> Result<DraftPage, AppError> {
    let (shipment, lookups, assessment, offered, registration, gacc_required) = state
        .db
        .run(move |conn| {
            let shipment =
                Consignment::find_for(conn, Scope::All, consignment)?.ok_or(AppError::NotFound)?;
            let assessment = certification::assess(conn, &shipment)?;
            let offered =
                eligibility::declarations_for(conn, shipment.limit_set_id, shipment.commodity_id)?;
            let gacc_required = eligibility::requires_gacc(conn, shipment.limit_set_id)?;
            let registration = eligibility::registration_for(
                conn,
                shipment.exporter_id,
                shipment.commodity_id,
                UtcTime::now().0.date_naive(),
            )?
            .map(|r| r.register_number);
            let lookups = Lookups::naming(conn, [shipment.exporter_id])?;
            Ok((
                shipment,
                lookups,
                assessment,
                offered,
                registration,
                gacc_required,
            ))
        })
        .await?;
    let input = input.unwrap_or_else(|| match &replacing {
        Some(old) => DraftInput {
            consignee: old.consignee.clone(),
            transport_details: old.transport_details.clone(),
            remarks: old.remarks.clone(),
            reason: String::new(),
            declarations: old
                .parsed_contents()
                .map(|c| c.declarations.into_iter().map(|d| d.code).collect())
                .unwrap_or_default(),
        },
        None => DraftInput {
            consignee: shipment.consignee.clone(),
            transport_details: shipment.lots.clone(),
            ..DraftInput::default()
        },
    });
    Ok(DraftPage {
        base,
        shipment,
        lookups,
        readiness: assessment.readiness,
        results: assessment.results,
        offered,
        registration,
        gacc_required,
        replacing,
        input,
        errors: Errors::new(),
        notice: None,
    })
}

/// The form as the workflow takes it, or the errors beside each field.
fn validated(input: &DraftInput, replacing: bool) -> Result<(DraftForm, String), Errors> {
    let mut errors = Errors::new();
    let consignee = required_text(&input.consignee, 300)
        .map_err(|e| errors.push(("consignee", e)))
        .ok();
    let transport = required_text(&input.transport_details, 500)
        .map_err(|e| errors.push(("transport_details", e)))
        .ok();
    let remarks = input.remarks.trim().to_owned();
    if remarks.chars().count() > 1000 {
        errors.push(("remarks", "field.too_long"));
    } else if let Err(e) = multi_line(&remarks) {
        errors.push(("remarks", e));
    }
    let reason = if replacing {
        required_paragraph(&input.reason, 1000)
            .map_err(|e| errors.push(("reason", e)))
            .ok()
    } else {
        Some(String::new())
    };
    match (consignee, transport, reason) {
        (Some(consignee), Some(transport_details), Some(reason)) if errors.is_empty() => Ok((
            DraftForm {
                consignee,
                transport_details,
                remarks,
                declarations: input.declarations.clone(),
            },
            reason,
        )),
        _ => Err(errors),
    }
}

pub async fn new(
    state: web::Data<AppState>,
    base: Base,
    _who: Certifier,
    id: web::Path<ConsignmentId>,
) -> Result<HttpResponse, AppError> {
    let page = page(&state, base, id.into_inner(), None, None).await?;
    render_status(StatusCode::OK, &page)
}

pub async fn create(
    state: web::Data<AppState>,
    base: Base,
    who: Certifier,
    id: web::Path<ConsignmentId>,
    form: web::Form<DraftInput>,
) -> Result<HttpResponse, AppError> {
    let consignment = id.into_inner();
    let input = form.into_inner();
    submit(&state, base, who.0, consignment, None, input).await
}

/// The issued certificate `id` as a certifier may replace it.
async fn replaceable(state: &AppState, id: CertificateId) -> Result<Certificate, AppError> {
    state
        .db
        .run(move |conn| Certificate::find_for(conn, Scope::All, id)?.ok_or(AppError::NotFound))
        .await
}

pub async fn replace_form(
    state: web::Data<AppState>,
    base: Base,
    _who: Certifier,
    id: web::Path<CertificateId>,
) -> Result<HttpResponse, AppError> {
    let old = replaceable(&state, id.into_inner()).await?;
    let consignment = old.consignment_id;
    let page = page(&state, base, consignment, Some(old), None).await?;
    render_status(StatusCode::OK, &page)
}

pub async fn replace(
    state: web::Data<AppState>,
    base: Base,
    who: Certifier,
    id: web::Path<CertificateId>,
    form: web::Form<DraftInput>,
) -> Result<HttpResponse, AppError> {
    let old = replaceable(&state, id.into_inner()).await?;
    let consignment = old.consignment_id;
    submit(
        &state,
        base,
        who.0,
        consignment,
        Some(old),
        form.into_inner(),
    )
    .await
}

async fn submit(
    state: &AppState,
    base: Base,
    staff: Staff,
    consignment: ConsignmentId,
    replacing: Option<Certificate>,
    input: DraftInput,
) -> Result<HttpResponse, AppError> {
    let (form, reason) = match validated(&input, replacing.is_some()) {
        Ok(valid) => valid,
        Err(errors) => {
            let mut p = page(state, base, consignment, replacing, Some(input)).await?;
            p.errors = errors;
            return render_status(StatusCode::UNPROCESSABLE_ENTITY, &p);
        }
    };
    let old = replacing.as_ref().map(|c| c.id);
    let by = staff.clone();
    let change = apply(&state.db, move |conn| match old {
        Some(old) => workflow::draft_replacement(conn, &by, old, &reason, &form),
        None => workflow::draft(conn, &by, consignment, &form),
    })
    .await?;
    answer(
        change,
        |draft| format!("/certificates/{}", draft.id),
        async |notice| {
            let mut p = page(state, base, consignment, replacing, Some(input)).await?;
            p.notice = Some(notice);
            Ok(p)
        },
    )
    .await
}
