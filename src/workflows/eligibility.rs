//! Eligibility for China, kept by people: exporters' GACC registrations (added by the
//! administrator or a registrar, withdrawn but never deleted) and the additional declarations
//! of destination protocols (kept by the administrator, retired but never deleted). Every
//! change is audited in its transaction; the demo seed adds its entries through the same
//! steps, as the system.

use super::{Halt, Step, found, require, same_version, taken};
use crate::auth::policy::{self, Page};
use crate::db::ids::{DeclarationId, ExporterId, GaccRegistrationId};
use crate::db::{DbConn, lock_for_transaction};
use crate::models::audit::{self, Actor, AuditEntry};
use crate::models::declaration::{Declaration, DeclarationEntry};
use crate::models::gacc_registration::{Coverage, GaccRegistration, RegistrationEntry};
use crate::models::{Commodity, Exporter, LimitSet, User};

/// The company already holds this register number for the same commodity or heading over
/// some of the same days (shown beside the register number).
pub const REGISTRATION_OVERLAPS: &str = "registrations.error.overlaps";
/// The chosen commodity is not in the catalog (beside the commodity field).
pub const COMMODITY_UNKNOWN: &str = "registrations.error.commodity_unknown";
/// Another declaration has this code (beside the code field).
pub const DECLARATION_CODE_TAKEN: &str = "declarations.error.code_taken";
/// The chosen destination is not in the catalog (beside the destination field).
pub const DESTINATION_UNKNOWN: &str = "declarations.error.destination_unknown";
/// The chosen commodity is not in the catalog (beside the commodity field).
pub const DECLARATION_COMMODITY_UNKNOWN: &str = "declarations.error.commodity_unknown";

/// Serialises additions of registrations on PostgreSQL, so that two parallel additions of the
/// same registration cannot both pass the overlap check (SQLite's `BEGIN IMMEDIATE` already
/// does).
const REGISTER_LOCK: i64 = 0x4a4c_4741_4343; // "JLGACC"

fn actor_of(by: &User, page: Page) -> Step<Actor> {
    require(policy::may_open(by.role, page), "policy.not_your_role")?;
    Ok(Actor::user(by.id, &by.email))
}

// ---- GACC registrations -------------------------------------------------------------------

/// The administrator or a registrar adds a registration to a company. The same register
/// number for the same commodity or heading may not overlap in time with one not withdrawn.
pub fn add_registration(
    conn: &mut DbConn,
    by: &User,
    entry: &RegistrationEntry,
) -> Step<GaccRegistration> {
    registration_added(conn, &actor_of(by, Page::Exporters)?, entry)
}

fn registration_added(
    conn: &mut DbConn,
    actor: &Actor,
    entry: &RegistrationEntry,
) -> Step<GaccRegistration> {
    found(Exporter::find(conn, entry.exporter_id)?)?;
    if let Coverage::Commodity(commodity) = &entry.coverage {
        require(
            Commodity::find(conn, *commodity)?.is_some(),
            COMMODITY_UNKNOWN,
        )?;
    }
    lock_for_transaction(conn, REGISTER_LOCK)?;
    let clash = GaccRegistration::of_exporter(conn, entry.exporter_id)?
        .into_iter()
        .any(|r| {
            let same_coverage = match &entry.coverage {
                Coverage::Commodity(c) => r.commodity_id == Some(*c),
                Coverage::Heading(h) => r.hs_heading.as_deref() == Some(h.as_str()),
            };
            r.withdrawn_at.is_none()
                && r.register_number == entry.register_number
                && same_coverage
                && entry.overlaps(&r)
        });
    require(!clash, REGISTRATION_OVERLAPS)?;
    let registration = GaccRegistration::create(conn, entry)?;
    audit::record(
        conn,
        AuditEntry::new(
            actor,
            "gacc_registration.added",
            "gacc_registration",
            registration.id,
        )
        .after(registration.audit_view()),
    )?;
    Ok(registration)
}

/// The administrator or a registrar withdraws a company's registration as loaded at
/// `version`. Of parallel withdrawals only the first passes; the rest are stale.
pub fn withdraw_registration(
    conn: &mut DbConn,
    by: &User,
    exporter: ExporterId,
    id: GaccRegistrationId,
    version: i32,
) -> Step<GaccRegistration> {
    let actor = actor_of(by, Page::Exporters)?;
    let before = found(GaccRegistration::find(conn, id)?.filter(|r| r.exporter_id == exporter))?;
    same_version(before.version, version)?;
    require(
        before.withdrawn_at.is_none(),
        "registrations.error.already_withdrawn",
    )?;
    let after = GaccRegistration::withdraw(conn, id, version, Some(by.id))?.ok_or(Halt::Stale)?;
    audit::record(
        conn,
        AuditEntry::new(
            &actor,
            "gacc_registration.withdrawn",
            "gacc_registration",
            id,
        )
        .before(before.audit_view())
        .after(after.audit_view()),
    )?;
    Ok(after)
}

/// The demo seed's registration: added by the system, audited like any other.
pub fn seed_registration(
    conn: &mut DbConn,
    system: &Actor,
    entry: &RegistrationEntry,
) -> Step<GaccRegistration> {
    registration_added(conn, system, entry)
}

// ---- additional declarations --------------------------------------------------------------

/// The destination and the commodity a declaration names must be in the catalog.
fn check_references(conn: &mut DbConn, entry: &DeclarationEntry) -> Step<()> {
    require(
        LimitSet::find(conn, entry.limit_set_id)?.is_some(),
        DESTINATION_UNKNOWN,
    )?;
    if let Some(commodity) = entry.commodity_id {
        require(
            Commodity::find(conn, commodity)?.is_some(),
            DECLARATION_COMMODITY_UNKNOWN,
        )?;
    }
    Ok(())
}

/// The administrator adds a declaration; its code must be free.
pub fn add_declaration(
    conn: &mut DbConn,
    admin: &User,
    entry: &DeclarationEntry,
) -> Step<Declaration> {
    declaration_added(conn, &actor_of(admin, Page::Catalog)?, entry, false)
}

fn declaration_added(
    conn: &mut DbConn,
    actor: &Actor,
    entry: &DeclarationEntry,
    demo: bool,
) -> Step<Declaration> {
    check_references(conn, entry)?;
    require(
        Declaration::find_by_code(conn, &entry.code)?.is_none(),
        DECLARATION_CODE_TAKEN,
    )?;
    let declaration =
        Declaration::create(conn, entry, demo).map_err(taken(DECLARATION_CODE_TAKEN))?;
    audit::record(
        conn,
        AuditEntry::new(actor, "declaration.created", "declaration", declaration.id)
            .after(declaration.audit_view()),
    )?;
    Ok(declaration)
}

/// The administrator edits a declaration as loaded at `version`; a new code must be free.
pub fn edit_declaration(
    conn: &mut DbConn,
    admin: &User,
    id: DeclarationId,
    version: i32,
    entry: &DeclarationEntry,
) -> Step<Declaration> {
    let actor = actor_of(admin, Page::Catalog)?;
    let before = found(Declaration::find(conn, id)?)?;
    same_version(before.version, version)?;
    check_references(conn, entry)?;
    let holder = Declaration::find_by_code(conn, &entry.code)?;
    require(holder.is_none_or(|d| d.id == id), DECLARATION_CODE_TAKEN)?;
    let after = Declaration::update(conn, id, version, entry)
        .map_err(taken(DECLARATION_CODE_TAKEN))?
        .ok_or(Halt::Stale)?;
    audit::record(
        conn,
        AuditEntry::new(&actor, "declaration.updated", "declaration", id)
            .before(before.audit_view())
            .after(after.audit_view()),
    )?;
    Ok(after)
}

/// The administrator retires an active declaration as loaded at `version`: it is no longer
/// offered on drafts (certificates that print it keep it). Of parallel retirements only the
/// first passes; the rest are stale.
pub fn retire_declaration(
    conn: &mut DbConn,
    admin: &User,
    id: DeclarationId,
    version: i32,
) -> Step<Declaration> {
    let actor = actor_of(admin, Page::Catalog)?;
    let before = found(Declaration::find(conn, id)?)?;
    same_version(before.version, version)?;
    require(before.active, "declarations.error.already_retired")?;
    let after = Declaration::retire(conn, id, version)?.ok_or(Halt::Stale)?;
    audit::record(
        conn,
        AuditEntry::new(&actor, "declaration.retired", "declaration", id)
            .before(before.audit_view())
            .after(after.audit_view()),
    )?;
    Ok(after)
}

/// The demo seed's declaration: added by the system, marked `demo`, audited like any other.
pub fn seed_declaration(
    conn: &mut DbConn,
    system: &Actor,
    entry: &DeclarationEntry,
) -> Step<Declaration> {
    declaration_added(conn, system, entry, true)
}
