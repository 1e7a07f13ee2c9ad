//! `POST /samples/{id}/handover`, `/receipt`, `/dispose`, `/cancel` (registrars). A side
//! records only its own portion's receipt; every step checks the sample's version.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, web};
use serde::Deserialize;

use super::show::load;
use crate::auth::Registrar;
use crate::db::write_tx;
use crate::domain::DecimalText;
use crate::domain::intake::required_text;
use crate::error::AppError;
use crate::models::custody::{self, Receipt, Step};
use crate::models::sample::{PortionKind, Sample, SampleId};
use crate::models::{Actor, User};
use crate::routes::intake::Errors;
use crate::web::{AppState, Base};

/// The fields of every custody form (each form sends the ones it has).
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct ActionForm {
    pub version: String,
    pub portion: String,
    pub seal_intact: String,
    pub temperature: String,
    pub decision: String,
    pub reason: String,
}

/// A temperature in °C as typed: optional, may be negative.
fn temperature(input: &str) -> Result<Option<String>, &'static str> {
    let value = input.trim();
    if value.is_empty() {
        return Ok(None);
    }
    let (sign, digits) = value.strip_prefix('-').map_or(("", value), |d| ("-", d));
    let number = DecimalText::parse(digits)?;
    if number
        .as_str()
        .split('.')
        .next()
        .is_some_and(|i| i.len() > 3)
    {
        return Err("field.number_range");
    }
    Ok(Some(if number.as_str() == "0" {
        "0".into()
    } else {
        format!("{sign}{}", number.as_str())
    }))
}

enum Action {
    HandOver(PortionKind),
    Receive(PortionKind, Receipt),
    Dispose(PortionKind, String),
    Cancel(String),
}

async fn act(
    state: &AppState,
    base: Base,
    user: User,
    id: SampleId,
    form: ActionForm,
    action: Result<Action, Errors>,
) -> Result<HttpResponse, AppError> {
    let version: i32 = form.version.parse().map_err(|_| AppError::BadRequest)?;
    let action = match action {
        Ok(action) => action,
        Err(errors) => {
            return refuse(
                state,
                base,
                user,
                id,
                form,
                errors,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let actor = Actor::user(user.id, &user.email);
    let by = user.clone();
    let step = state
        .db
        .run(move |conn| {
            Sample::find_for(conn, &by, id)?.ok_or(AppError::NotFound)?;
            Ok(write_tx(conn, |conn| match &action {
                Action::HandOver(p) => {
                    custody::hand_over(conn, &actor, &by, id, version, *p, p.destination())
                }
                Action::Receive(p, receipt) => {
                    custody::receive(conn, &actor, &by, id, version, *p, receipt)
                }
                Action::Dispose(p, reason) => {
                    custody::dispose(conn, &actor, &by, id, version, *p, reason)
                }
                Action::Cancel(reason) => custody::cancel(conn, &actor, &by, id, version, reason),
            })?)
        })
        .await?;
    match step {
        Step::Done => Ok(HttpResponse::SeeOther()
            .insert_header((header::LOCATION, format!("/samples/{id}")))
            .finish()),
        Step::Stale => {
            refuse(
                state,
                base,
                user,
                id,
                form,
                Vec::new(),
                Some("form.stale"),
                StatusCode::CONFLICT,
            )
            .await
        }
        Step::Refused(key) => {
            refuse(
                state,
                base,
                user,
                id,
                form,
                Vec::new(),
                Some(key),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

#[allow(clippy::too_many_arguments)]
async fn refuse(
    state: &AppState,
    base: Base,
    user: User,
    id: SampleId,
    form: ActionForm,
    errors: Errors,
    notice: Option<&'static str>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let mut page = load(state, base, user, id).await?;
    page.errors = errors;
    page.notice = notice;
    page.form = form;
    page.answer(status)
}

fn portion(form: &ActionForm) -> Result<PortionKind, Errors> {
    PortionKind::parse(&form.portion).ok_or_else(|| vec![("portion", "field.choose")])
}

fn reason(form: &ActionForm) -> Result<String, Errors> {
    required_text(&form.reason, 1000).map_err(|e| vec![("reason", e)])
}

pub async fn hand_over(
    state: web::Data<AppState>,
    base: Base,
    who: Registrar,
    id: web::Path<SampleId>,
    form: web::Form<ActionForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let action = portion(&form).map(Action::HandOver);
    act(&state, base, who.0, id.into_inner(), form, action).await
}

pub async fn receive(
    state: web::Data<AppState>,
    base: Base,
    who: Registrar,
    id: web::Path<SampleId>,
    form: web::Form<ActionForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    // A side records only its own portion: anything else is refused outright.
    let mine = match who.side {
        Some(crate::domain::Side::Kz) => PortionKind::Kz,
        Some(crate::domain::Side::Cn) => PortionKind::Cn,
        None => return Err(AppError::Forbidden),
    };
    if !form.portion.is_empty() && form.portion != mine.as_str() {
        return Err(AppError::Forbidden);
    }
    let mut errors = Errors::new();
    let seal_intact = match form.seal_intact.as_str() {
        "yes" => Some(true),
        "no" => Some(false),
        _ => {
            errors.push(("seal_intact", "field.choose"));
            None
        }
    };
    let temperature_c = temperature(&form.temperature)
        .map_err(|e| errors.push(("temperature", e)))
        .ok()
        .flatten();
    let rejection = match form.decision.as_str() {
        "accept" => None,
        "reject" => match required_text(&form.reason, 1000) {
            Ok(r) => Some(r),
            Err(_) => {
                errors.push(("reason", "custody.reason_required"));
                None
            }
        },
        _ => {
            errors.push(("decision", "field.choose"));
            None
        }
    };
    let action = match seal_intact {
        Some(seal_intact) if errors.is_empty() => Ok(Action::Receive(
            mine,
            Receipt {
                seal_intact,
                temperature_c,
                rejection,
            },
        )),
        _ => Err(errors),
    };
    act(&state, base, who.0, id.into_inner(), form, action).await
}

pub async fn dispose(
    state: web::Data<AppState>,
    base: Base,
    who: Registrar,
    id: web::Path<SampleId>,
    form: web::Form<ActionForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let action = match (portion(&form), reason(&form)) {
        (Ok(p), Ok(r)) => Ok(Action::Dispose(p, r)),
        (p, r) => Err([p.err().unwrap_or_default(), r.err().unwrap_or_default()].concat()),
    };
    act(&state, base, who.0, id.into_inner(), form, action).await
}

pub async fn cancel(
    state: web::Data<AppState>,
    base: Base,
    who: Registrar,
    id: web::Path<SampleId>,
    form: web::Form<ActionForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let action = reason(&form).map(Action::Cancel);
    act(&state, base, who.0, id.into_inner(), form, action).await
}

#[cfg(test)]
mod tests {
    #[test]
    fn temperatures() {
        assert_eq!(super::temperature("").unwrap(), None);
        assert_eq!(
            super::temperature("-18,5").unwrap().as_deref(),
            Some("-18.5")
        );
        assert_eq!(super::temperature("4").unwrap().as_deref(), Some("4"));
        assert_eq!(super::temperature("-0").unwrap().as_deref(), Some("0"));
        assert!(super::temperature("warm").is_err());
        assert!(super::temperature("1000").is_err());
    }
}
