//! Exporter companies, kept by the administrator and the registrars: registered with a BIN no
//! other company has, and edited against the version the form was built from. Every change is
//! audited in its transaction.

use super::{Halt, Step, found, require, same_version, taken};
use crate::auth::policy::{self, Page};
use crate::db::DbConn;
use crate::db::ids::ExporterId;
use crate::models::User;
use crate::models::audit::{self, Actor, AuditEntry};
use crate::models::exporter::{CompanyDetails, Exporter, NewExporter};

/// Another company has this BIN (shown beside the BIN field).
pub const BIN_TAKEN: &str = "exporters.bin_taken";

/// The administrator or a registrar, as the audit log names them; anyone else is refused.
fn keeper(by: &User) -> Step<Actor> {
    require(
        policy::may_open(by.role, Page::Exporters),
        "policy.not_your_role",
    )?;
    Ok(Actor::user(by.id, &by.email))
}

/// Registers a company; its BIN must be free.
pub fn register_company(conn: &mut DbConn, by: &User, details: &CompanyDetails) -> Step<Exporter> {
    let actor = keeper(by)?;
    require(
        Exporter::find_by_bin(conn, &details.bin)?.is_none(),
        BIN_TAKEN,
    )?;
    let company = NewExporter::new(
        &details.name,
        &details.bin,
        &details.address,
        &details.contact_email,
    )
    .insert(conn)
    .map_err(taken(BIN_TAKEN))?;
    audit::record(
        conn,
        AuditEntry::new(&actor, "exporter.created", "exporter", company.id)
            .after(company.audit_view()),
    )?;
    Ok(company)
}

/// Edits a company as loaded at `version`; a new BIN must be free. Of parallel saves of the
/// same form only the first passes the version guard; the rest are stale.
pub fn edit_company(
    conn: &mut DbConn,
    by: &User,
    id: ExporterId,
    version: i32,
    details: &CompanyDetails,
) -> Step<Exporter> {
    let actor = keeper(by)?;
    let before = found(Exporter::find(conn, id)?)?;
    same_version(before.version, version)?;
    let holder = Exporter::find_by_bin(conn, &details.bin)?;
    require(holder.is_none_or(|c| c.id == id), BIN_TAKEN)?;
    // No row: someone saved it between our read and our write.
    let company = Exporter::update(conn, id, version, details)
        .map_err(taken(BIN_TAKEN))?
        .ok_or(Halt::Stale)?;
    audit::record(
        conn,
        AuditEntry::new(&actor, "exporter.updated", "exporter", id)
            .before(before.audit_view())
            .after(company.audit_view()),
    )?;
    Ok(company)
}
