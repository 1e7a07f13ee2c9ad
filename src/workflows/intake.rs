//! Intake: testing applications filed, accepted into consignments or returned, and samples
//! registered (a replacement linked to the sample it replaces).

use chrono::Datelike;
use serde_json::json;

use super::{Halt, Step, found, guarded, require};
use crate::auth::policy::{self, Staff};
use crate::db::DbConn;
use crate::db::types::UtcTime;
use crate::domain::Scope;
use crate::models::application::{Application, ApplicationId};
use crate::models::audit::{self, Actor, AuditEntry};
use crate::models::consignment::{Consignment, ConsignmentId, Shipment};
use crate::models::counter;
use crate::models::custody::{CustodyEvent, CustodyKind, NewCustody};
use crate::models::sample::{NewSample, Sample, SampleId};
use crate::models::{ExporterId, User};

/// Files an application for `exporter` (a registrar for any company, an exporter for their
/// own: the caller's scope decides which companies it may name).
pub fn submit_application(
    conn: &mut DbConn,
    by: &User,
    exporter: ExporterId,
    shipment: &Shipment,
) -> Step<Application> {
    if let Scope::Company(own) = by.scope() {
        require(own == exporter, "policy.not_your_company")?;
    }
    let year = UtcTime::now().0.year();
    let code = counter::format("APP", year, counter::next(conn, "application", year)?);
    let application = Application::insert(conn, &code, by.id, exporter, shipment)?;
    audit::record(
        conn,
        AuditEntry::new(
            &Actor::user(by.id, &by.email),
            "application.submitted",
            "application",
            application.id,
        )
        .after(shipment.audit_view(&code)),
    )?;
    Ok(application)
}

/// A registrar accepts a submitted application: it becomes a consignment. Of parallel accepts
/// only the first passes the version guard; the rest are stale.
pub fn accept(
    conn: &mut DbConn,
    registrar: &Staff,
    id: ApplicationId,
    version: i32,
    site: &crate::mail::Site,
) -> Step<Consignment> {
    let application = found(Application::find_for(conn, registrar.scope(), id)?)?;
    super::same_version(application.version, version)?;
    policy::may_decide(registrar, &application).map_err(Halt::Refused)?;
    guarded(Application::decide(conn, id, version, registrar.id, None)?)?;
    let shipment = application.shipment().ok_or_else(|| {
        Halt::Db(diesel::result::Error::DeserializationError(
            "stored application does not parse".into(),
        ))
    })?;
    let year = UtcTime::now().0.year();
    let code = counter::format("KC", year, counter::next(conn, "consignment", year)?);
    let consignment = Consignment::insert(
        conn,
        &code,
        registrar.id,
        Some(application.id),
        application.exporter_id,
        &shipment,
    )?;
    let actor = registrar.actor();
    audit::record(
        conn,
        AuditEntry::new(
            &actor,
            "consignment.registered",
            "consignment",
            consignment.id,
        )
        .after(shipment.audit_view(&code)),
    )?;
    audit::record(
        conn,
        AuditEntry::new(&actor, "application.accepted", "application", id)
            .after(json!({ "consignment": consignment.code })),
    )?;
    super::notices::application_accepted(conn, site, &application, &consignment)?;
    Ok(consignment)
}

/// A registrar returns a submitted application to the exporter with a reason.
pub fn send_back(
    conn: &mut DbConn,
    registrar: &Staff,
    id: ApplicationId,
    version: i32,
    reason: &str,
    site: &crate::mail::Site,
) -> Step<()> {
    let application = found(Application::find_for(conn, registrar.scope(), id)?)?;
    super::same_version(application.version, version)?;
    policy::may_decide(registrar, &application).map_err(Halt::Refused)?;
    guarded(Application::decide(
        conn,
        id,
        version,
        registrar.id,
        Some(reason),
    )?)?;
    audit::record(
        conn,
        AuditEntry::new(
            &registrar.actor(),
            "application.returned",
            "application",
            id,
        )
        .after(json!({ "reason": reason })),
    )?;
    super::notices::application_returned(conn, site, &application, reason)?;
    Ok(())
}

/// The exporter corrects a returned application and submits it again: back in the registry's
/// queue as submitted. Of parallel resubmissions only the first passes the version guard.
pub fn resubmit(
    conn: &mut DbConn,
    exporter: &User,
    id: ApplicationId,
    version: i32,
    shipment: &Shipment,
) -> Step<Application> {
    let application = found(Application::find_for(conn, exporter.scope(), id)?)?;
    super::same_version(application.version, version)?;
    policy::may_resubmit(exporter, &application).map_err(Halt::Refused)?;
    guarded(Application::resubmit(conn, id, version, shipment)?)?;
    let before = application
        .shipment()
        .map(|s| s.audit_view(&application.code));
    let mut entry = AuditEntry::new(
        &Actor::user(exporter.id, &exporter.email),
        "application.resubmitted",
        "application",
        id,
    )
    .after(shipment.audit_view(&application.code));
    if let Some(before) = before {
        entry = entry.before(before);
    }
    audit::record(conn, entry)?;
    found(Application::find_for(conn, exporter.scope(), id)?)
}

/// A registrar registers a sample of a consignment: the next gapless `JL-YYYY-NNNNNN` code,
/// three sealed portions, the first custody events. `replaces` names a sample whose portion was
/// rejected as unfit; it must belong to the same consignment and not be replaced already.
pub fn register_sample(
    conn: &mut DbConn,
    registrar: &Staff,
    consignment: ConsignmentId,
    new: &NewSample,
    replaces: Option<SampleId>,
) -> Step<Sample> {
    found(Consignment::find_for(conn, registrar.scope(), consignment)?)?;
    let replaced_code = match replaces {
        Some(old) => {
            let old_sample = found(Sample::find_for(conn, registrar.scope(), old)?)?;
            require(
                old_sample.consignment_id == consignment,
                "samples.replacement_other_consignment",
            )?;
            let replaced = Sample::replacement_of(conn, old)?.is_some();
            policy::may_draw_replacement(registrar, &old_sample, replaced)
                .map_err(Halt::Refused)?;
            Some(old_sample.code)
        }
        None => None,
    };
    let year = UtcTime::now().0.year();
    let code = counter::format("JL", year, counter::next(conn, "sample", year)?);
    let sample = Sample::insert(conn, &code, registrar.id, consignment, new, replaces)?;
    CustodyEvent::append(
        conn,
        &NewCustody::new(sample.id, CustodyKind::Drawn, registrar.id)
            .to(&new.drawn_by)
            .at(new.drawn_at),
    )?;
    CustodyEvent::append(
        conn,
        &NewCustody::new(sample.id, CustodyKind::Sealed, registrar.id).to(&new.seal_number),
    )?;
    Consignment::mark_sampled(conn, consignment)?;
    audit::record(
        conn,
        AuditEntry::new(&registrar.actor(), "sample.registered", "sample", sample.id).after(
            json!({
                "code": code,
                "consignment_id": consignment.to_string(),
                "seal_number": new.seal_number,
                "mass": format!("{} {}", new.mass.as_str(), new.mass_unit),
                "storage": new.storage.as_str(),
                "drawn_at": new.drawn_at.to_canonical(),
                "drawn_by": new.drawn_by,
                "replaces": replaced_code,
            }),
        ),
    )?;
    Ok(sample)
}
