//! `GET /consignments/{id}/samples/new` and `POST /consignments/{id}/samples` (registrars).

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::{NaiveDateTime, TimeZone as _};
use serde::Deserialize;

use crate::auth::Registrar;
use crate::db::types::UtcTime;
use crate::domain::intake::required_text;
use crate::domain::{DecimalText, TimeZone};
use crate::error::AppError;
use crate::models::consignment::{Consignment, ConsignmentId};
use crate::models::sample::{MassUnit, NewSample, SampleId, Storage};
use crate::routes::intake::{Errors, error_of};
use crate::web::{AppState, Base, render, render_status};
use crate::workflows::{Change, apply_on, intake};

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct SampleForm {
    pub seal_number: String,
    pub mass: String,
    pub mass_unit: String,
    pub storage: String,
    pub drawn_at: String,
    pub drawn_by: String,
    /// The sample this one replaces (its portion was rejected as unfit), if any.
    pub replaces: String,
}

impl SampleForm {
    pub fn parse(&self, zone: TimeZone) -> Result<NewSample, Errors> {
        let mut errors = Errors::new();
        let seal_number = required_text(&self.seal_number, 60)
            .map_err(|e| errors.push(("seal_number", e)))
            .ok();
        let mass = DecimalText::parse_positive(&self.mass)
            .map_err(|e| errors.push(("mass", e)))
            .ok();
        let mass_unit = MassUnit::parse(&self.mass_unit);
        if mass_unit.is_none() {
            errors.push(("mass_unit", "field.choose"));
        }
        let storage = Storage::parse(&self.storage);
        if storage.is_none() {
            errors.push(("storage", "field.choose"));
        }
        let drawn_at = local_instant(&self.drawn_at, zone)
            .map_err(|e| errors.push(("drawn_at", e)))
            .ok();
        let drawn_by = required_text(&self.drawn_by, 100)
            .map_err(|e| errors.push(("drawn_by", e)))
            .ok();
        match (seal_number, mass, mass_unit, storage, drawn_at, drawn_by) {
            (
                Some(seal_number),
                Some(mass),
                Some(mass_unit),
                Some(storage),
                Some(drawn_at),
                Some(drawn_by),
            ) if errors.is_empty() => Ok(NewSample {
                seal_number,
                mass,
                mass_unit,
                storage,
                drawn_at,
                drawn_by,
            }),
            _ => Err(errors),
        }
    }
}

/// A `datetime-local` value in the user's zone, within the last two years and not in the
/// future.
fn local_instant(input: &str, zone: TimeZone) -> Result<UtcTime, &'static str> {
    let value = input.trim();
    if value.is_empty() {
        return Err("field.required");
    }
    let naive = NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M")
        .map_err(|_| "field.datetime_invalid")?;
    let at = zone
        .offset()
        .from_local_datetime(&naive)
        .single()
        .ok_or("field.datetime_invalid")?;
    let at = UtcTime(at.with_timezone(&chrono::Utc));
    if at > UtcTime::now().plus_minutes(5) {
        return Err("samples.drawn_in_future");
    }
    // Two years back is as old as a sample the lab still accepts; it also keeps year 0 and
    // negative years (which the backends store differently, or not at all) out.
    if at < UtcTime::now().plus_minutes(-2 * 366 * 24 * 60) {
        return Err("field.drawn_at_range");
    }
    Ok(at)
}

#[derive(Template)]
#[template(path = "samples/register.html")]
struct RegisterPage {
    base: Base,
    consignment: Consignment,
    form: SampleForm,
    errors: Errors,
}

impl RegisterPage {
    fn error(&self, field: &str) -> Option<&'static str> {
        error_of(&self.errors, field)
    }

    fn units(&self) -> &'static [MassUnit] {
        MassUnit::ALL
    }

    fn storages(&self) -> &'static [Storage] {
        Storage::ALL
    }
}

#[derive(serde::Deserialize)]
pub struct NewQuery {
    #[serde(default)]
    replaces: String,
}

pub async fn new(
    state: web::Data<AppState>,
    base: Base,
    who: Registrar,
    id: web::Path<ConsignmentId>,
    query: web::Query<NewQuery>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let user = who.0.user;
    let zone = user.time_zone;
    let form = SampleForm {
        drawn_at: UtcTime::now()
            .0
            .with_timezone(&zone.offset())
            .format("%Y-%m-%dT%H:%M")
            .to_string(),
        drawn_by: user.display_name.clone(),
        mass_unit: "g".into(),
        storage: "ambient".into(),
        replaces: query.into_inner().replaces,
        ..SampleForm::default()
    };
    let consignment = state
        .db
        .run(move |conn| Consignment::find_for(conn, user.scope(), id)?.ok_or(AppError::NotFound))
        .await?;
    render(&RegisterPage {
        base,
        consignment,
        form,
        errors: Vec::new(),
    })
}

pub async fn create(
    state: web::Data<AppState>,
    base: Base,
    who: Registrar,
    id: web::Path<ConsignmentId>,
    form: web::Form<SampleForm>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let form = form.into_inner();
    let staff = who.0;
    let parsed = form.parse(staff.time_zone);
    let replaces: Option<SampleId> = match form.replaces.trim() {
        "" => None,
        other => Some(other.parse().map_err(|_| AppError::BadRequest)?),
    };
    let (consignment, registered) = state
        .db
        .run(move |conn| {
            let consignment =
                Consignment::find_for(conn, staff.scope(), id)?.ok_or(AppError::NotFound)?;
            let registered = match parsed {
                Ok(new) => match apply_on(conn, |conn| {
                    intake::register_sample(conn, &staff, id, &new, replaces)
                })? {
                    Change::Done(sample) => Ok(sample),
                    Change::Stale => Err(vec![("replaces", "samples.already_replaced")]),
                    Change::Refused(key) => Err(vec![("replaces", key)]),
                },
                Err(errors) => Err(errors),
            };
            Ok((consignment, registered))
        })
        .await?;
    match registered {
        Ok(sample) => Ok(HttpResponse::SeeOther()
            .insert_header((header::LOCATION, format!("/samples/{}", sample.id)))
            .finish()),
        Err(errors) => render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &RegisterPage {
                base,
                consignment,
                form,
                errors,
            },
        ),
    }
}
