//! `GET /consignments/{id}`: the consignment, its samples and its history.

use actix_web::{HttpResponse, web};
use askama::Template;

use crate::auth::IntakeReader;
use crate::auth::policy::{self, Page};
use crate::domain::Role;
use crate::error::AppError;
use crate::models::audit::{self, AuditEvent};
use crate::models::consignment::{Consignment, ConsignmentId};
use crate::models::sample::Sample;
use crate::routes::intake::Lookups;
use crate::web::{AppState, Base, render};

#[derive(Template)]
#[template(path = "consignments/show.html")]
struct ConsignmentPage {
    base: Base,
    consignment: Consignment,
    samples: Vec<Sample>,
    events: Vec<AuditEvent>,
    lookups: Lookups,
    can_register: bool,
    /// Whether the application link leads anywhere this role may open.
    opens_application: bool,
}

pub async fn show(
    state: web::Data<AppState>,
    base: Base,
    who: IntakeReader,
    id: web::Path<ConsignmentId>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let user = who.0;
    let can_register = user.role == Role::Registrar;
    let opens_application = policy::may_open(user.role, Page::Applications);
    let side = user.side;
    let (consignment, samples, events, lookups) = state
        .db
        .run(move |conn| {
            let consignment =
                Consignment::find_for(conn, user.scope(), id)?.ok_or(AppError::NotFound)?;
            let samples = Sample::of_consignment(conn, id)?;
            let events = audit::of_entity(conn, "consignment", &id.to_string(), side)?;
            Ok((consignment, samples, events, Lookups::load(conn)?))
        })
        .await?;
    render(&ConsignmentPage {
        base,
        consignment,
        samples,
        events,
        lookups,
        can_register,
        opens_application,
    })
}
