//! `POST /samples/{id}/handover`, `/receipt`, `/dispose`, `/cancel` (registrars). A side
//! records only its own portion's receipt; every step checks the sample's version.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use serde::Deserialize;

use super::show::load;
use crate::auth::Registrar;
use crate::auth::policy::Staff;
use crate::domain::DecimalText;
use crate::domain::intake::required_paragraph;
use crate::error::AppError;
use crate::models::User;
use crate::models::sample::{PortionKind, Sample, SampleId};
use crate::routes::intake::Errors;
use crate::web::page::ConfirmPage;
use crate::web::{AppState, Base, render, see_other};
use crate::workflows::custody::{self, Receipt};
use crate::workflows::{Change, apply};

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
    /// `yes` once the registrar confirmed an action that cannot be undone.
    pub confirm: String,
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
    Receive(Receipt),
    Dispose(PortionKind, String),
    Cancel(String),
}

async fn act(
    state: &AppState,
    base: Base,
    staff: Staff,
    id: SampleId,
    form: ActionForm,
    action: Result<Action, Errors>,
) -> Result<HttpResponse, AppError> {
    let version: i32 = form.version.parse().map_err(|_| AppError::BadRequest)?;
    let action = match action {
        Ok(action) => action,
        Err(errors) => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return refuse(state, base, staff.user, id, form, errors, None, status).await;
        }
    };
    let by = staff.clone();
    let site = crate::mail::Site::from_settings(&state.settings);
    let change = apply(&state.db, move |conn| match &action {
        Action::HandOver(p) => custody::hand_over(conn, &by, id, version, *p),
        Action::Receive(receipt) => custody::receive(conn, &by, id, version, receipt, &site),
        Action::Dispose(p, reason) => custody::dispose(conn, &by, id, version, *p, reason),
        Action::Cancel(reason) => custody::cancel(conn, &by, id, version, reason),
    })
    .await?;
    let (notice, status) = match change {
        Change::Done(()) => return Ok(see_other(&format!("/samples/{id}"))),
        Change::Stale => ("form.stale", StatusCode::CONFLICT),
        Change::Refused(key) => (key, StatusCode::UNPROCESSABLE_ENTITY),
    };
    refuse(
        state,
        base,
        staff.user,
        id,
        form,
        Vec::new(),
        Some(notice),
        status,
    )
    .await
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

/// The confirmation step of an action that cannot be undone (works without JavaScript): the
/// same form again, with what it will do in words and `confirm=yes`.
#[allow(clippy::too_many_arguments)]
async fn confirm(
    state: &AppState,
    base: Base,
    user: crate::models::User,
    id: SampleId,
    action: &str,
    message: String,
    form: &ActionForm,
) -> Result<HttpResponse, AppError> {
    let code = state
        .db
        .run(move |conn| {
            let sample = Sample::find_for(conn, user.scope(), id)?.ok_or(AppError::NotFound)?;
            Ok(sample.code)
        })
        .await?;
    render(&ConfirmPage {
        base,
        title: code,
        message,
        action: format!("/samples/{id}/{action}"),
        back: format!("/samples/{id}"),
        fields: vec![
            ("version".into(), form.version.clone()),
            ("portion".into(), form.portion.clone()),
            ("reason".into(), form.reason.clone()),
        ],
    })
}

fn portion(form: &ActionForm) -> Result<PortionKind, Errors> {
    PortionKind::parse(&form.portion).ok_or_else(|| vec![("portion", "field.choose")])
}

fn reason(form: &ActionForm) -> Result<String, Errors> {
    required_paragraph(&form.reason, 1000).map_err(|e| vec![("reason", e)])
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
        crate::domain::Side::Kz => PortionKind::Kz,
        crate::domain::Side::Cn => PortionKind::Cn,
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
        "reject" => match required_paragraph(&form.reason, 1000) {
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
        Some(seal_intact) if errors.is_empty() => Ok(Action::Receive(Receipt {
            seal_intact,
            temperature_c,
            rejection,
        })),
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
    let id = id.into_inner();
    let action = match (portion(&form), reason(&form)) {
        (Ok(p), Ok(r)) => Ok(Action::Dispose(p, r)),
        (p, r) => Err([p.err().unwrap_or_default(), r.err().unwrap_or_default()].concat()),
    };
    if let Ok(Action::Dispose(p, r)) = &action
        && form.confirm != "yes"
    {
        let message = base.tf(
            "custody.confirm_dispose",
            &[("portion", base.tk("portion.", p.as_str())), ("reason", r)],
        );
        return confirm(&state, base, who.0.user, id, "dispose", message, &form).await;
    }
    act(&state, base, who.0, id, form, action).await
}

pub async fn cancel(
    state: web::Data<AppState>,
    base: Base,
    who: Registrar,
    id: web::Path<SampleId>,
    form: web::Form<ActionForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let id = id.into_inner();
    let action = reason(&form).map(Action::Cancel);
    if let Ok(Action::Cancel(r)) = &action
        && form.confirm != "yes"
    {
        let message = base.tf("custody.confirm_cancel", &[("reason", r)]);
        return confirm(&state, base, who.0.user, id, "cancel", message, &form).await;
    }
    act(&state, base, who.0, id, form, action).await
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
