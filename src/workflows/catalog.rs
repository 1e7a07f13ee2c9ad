//! The testing catalog, kept by the administrator: commodities and test methods (added, and
//! edited against the version the form was built from), limit sets, their limits, and the
//! default panels each side runs. Every change is audited in its transaction. The demo seed
//! adds the same entries through the same steps, as the system and marked `demo`.

use super::{Halt, Step, found, guarded, require, same_version, taken};
use crate::auth::policy::{self, Page};
use crate::db::DbConn;
use crate::db::ids::{CommodityId, LimitId, PanelTestId, TestMethodId};
use crate::domain::Side;
use crate::models::User;
use crate::models::audit::{self, Actor, AuditEntry};
use crate::models::catalog::{
    Commodity, CommodityEntry, Limit, LimitEntry, LimitSet, MethodEntry, NewLimitSet, PanelTest,
    TestMethod,
};

/// Another method has this code (shown beside the code field).
pub const CODE_TAKEN: &str = "catalog.error.code_taken";
/// Another limit set has this code (shown beside the code field).
pub const SET_CODE_TAKEN: &str = "catalog.limit_sets.code_taken";
/// The set already holds a limit for this commodity and method (beside the method field).
pub const LIMIT_TAKEN: &str = "catalog.error.limit_taken";
/// The side already runs this method for the commodity (beside the method field).
pub const PANEL_TAKEN: &str = "catalog.error.panel_taken";

/// The administrator, as the audit log names them; anyone else is refused.
fn keeper(by: &User) -> Step<Actor> {
    require(
        policy::may_open(by.role, Page::Catalog),
        "policy.not_your_role",
    )?;
    Ok(Actor::user(by.id, &by.email))
}

// ---- commodities --------------------------------------------------------------------------

/// The administrator adds a commodity.
pub fn add_commodity(conn: &mut DbConn, admin: &User, entry: &CommodityEntry) -> Step<Commodity> {
    commodity_added(conn, &keeper(admin)?, entry, false)
}

fn commodity_added(
    conn: &mut DbConn,
    actor: &Actor,
    entry: &CommodityEntry,
    demo: bool,
) -> Step<Commodity> {
    let commodity = Commodity::create(conn, entry, demo)?;
    audit::record(
        conn,
        AuditEntry::new(actor, "commodity.created", "commodity", commodity.id)
            .after(entry.audit_view()),
    )?;
    Ok(commodity)
}

/// The administrator edits a commodity as loaded at `version`. Of parallel saves of the same
/// form only the first passes the version guard; the rest are stale.
pub fn edit_commodity(
    conn: &mut DbConn,
    admin: &User,
    id: CommodityId,
    version: i32,
    entry: &CommodityEntry,
) -> Step<Commodity> {
    let actor = keeper(admin)?;
    let before = found(Commodity::find(conn, id)?)?;
    same_version(before.version, version)?;
    // No row: someone saved it between our read and our write.
    let commodity = Commodity::update(conn, id, version, entry)?.ok_or(Halt::Stale)?;
    audit::record(
        conn,
        AuditEntry::new(&actor, "commodity.updated", "commodity", id)
            .before(before.audit_view())
            .after(entry.audit_view()),
    )?;
    Ok(commodity)
}

// ---- test methods -------------------------------------------------------------------------

/// The administrator adds a test method; its code must be free.
pub fn add_test_method(conn: &mut DbConn, admin: &User, entry: &MethodEntry) -> Step<TestMethod> {
    method_added(conn, &keeper(admin)?, entry, false)
}

fn method_added(
    conn: &mut DbConn,
    actor: &Actor,
    entry: &MethodEntry,
    demo: bool,
) -> Step<TestMethod> {
    let holder = TestMethod::find_by_code(conn, entry.code.as_str())?;
    require(holder.is_none(), CODE_TAKEN)?;
    let method = TestMethod::create(conn, entry, demo).map_err(taken(CODE_TAKEN))?;
    audit::record(
        conn,
        AuditEntry::new(actor, "test_method.created", "test_method", method.id)
            .after(entry.audit_view()),
    )?;
    Ok(method)
}

/// The administrator edits a test method as loaded at `version`; a new code must be free.
pub fn edit_test_method(
    conn: &mut DbConn,
    admin: &User,
    id: TestMethodId,
    version: i32,
    entry: &MethodEntry,
) -> Step<TestMethod> {
    let actor = keeper(admin)?;
    let before = found(TestMethod::find(conn, id)?)?;
    same_version(before.version, version)?;
    let holder = TestMethod::find_by_code(conn, entry.code.as_str())?;
    require(holder.is_none_or(|m| m.id == id), CODE_TAKEN)?;
    let method = TestMethod::update(conn, id, version, entry)
        .map_err(taken(CODE_TAKEN))?
        .ok_or(Halt::Stale)?;
    audit::record(
        conn,
        AuditEntry::new(&actor, "test_method.updated", "test_method", id)
            .before(before.audit_view())
            .after(entry.audit_view()),
    )?;
    Ok(method)
}

// ---- limit sets and limits ----------------------------------------------------------------

/// The administrator adds a destination market's limit set; its code must be free.
pub fn add_limit_set(conn: &mut DbConn, admin: &User, new: &NewLimitSet) -> Step<LimitSet> {
    limit_set_added(conn, &keeper(admin)?, new, false)
}

fn limit_set_added(
    conn: &mut DbConn,
    actor: &Actor,
    new: &NewLimitSet,
    demo: bool,
) -> Step<LimitSet> {
    require(
        LimitSet::find_by_code(conn, &new.code)?.is_none(),
        SET_CODE_TAKEN,
    )?;
    let set = LimitSet::create(conn, new, demo).map_err(taken(SET_CODE_TAKEN))?;
    audit::record(
        conn,
        AuditEntry::new(actor, "limit_set.created", "limit_set", set.id).after(set.audit_view()),
    )?;
    Ok(set)
}

/// The administrator adds a limit to a set: one per (set, commodity, method).
pub fn add_limit(conn: &mut DbConn, admin: &User, entry: &LimitEntry) -> Step<Limit> {
    limit_added(conn, &keeper(admin)?, entry)
}

fn limit_added(conn: &mut DbConn, actor: &Actor, entry: &LimitEntry) -> Step<Limit> {
    let existing = Limit::find_for(
        conn,
        entry.limit_set_id,
        entry.commodity_id,
        entry.test_method_id,
    )?;
    require(existing.is_none(), LIMIT_TAKEN)?;
    let limit = Limit::add(conn, entry).map_err(taken(LIMIT_TAKEN))?;
    audit::record(
        conn,
        AuditEntry::new(actor, "limit.added", "limit", limit.id).after(limit.audit_view()),
    )?;
    Ok(limit)
}

/// The administrator removes a limit; the audit event keeps what it was. Returns the removed
/// limit (its set is where the page goes next).
pub fn remove_limit(conn: &mut DbConn, admin: &User, id: LimitId) -> Step<Limit> {
    let actor = keeper(admin)?;
    let limit = found(Limit::find(conn, id)?)?;
    guarded(Limit::remove(conn, id)?)?;
    audit::record(
        conn,
        AuditEntry::new(&actor, "limit.removed", "limit", id).before(limit.audit_view()),
    )?;
    Ok(limit)
}

// ---- default panels -----------------------------------------------------------------------

/// The administrator adds a method to a side's default panel of a commodity.
pub fn add_panel_test(
    conn: &mut DbConn,
    admin: &User,
    commodity: CommodityId,
    method: TestMethodId,
    side: Side,
) -> Step<PanelTest> {
    panel_test_added(conn, &keeper(admin)?, commodity, method, side)
}

fn panel_test_added(
    conn: &mut DbConn,
    actor: &Actor,
    commodity: CommodityId,
    method: TestMethodId,
    side: Side,
) -> Step<PanelTest> {
    require(
        !PanelTest::exists(conn, commodity, method, side)?,
        PANEL_TAKEN,
    )?;
    let test = PanelTest::add(conn, commodity, method, side).map_err(taken(PANEL_TAKEN))?;
    audit::record(
        conn,
        AuditEntry::new(actor, "panel_test.added", "panel_test", test.id).after(test.audit_view()),
    )?;
    Ok(test)
}

/// The administrator takes a method off a side's default panel; the audit event keeps what
/// it was. Returns the removed entry (its commodity is where the page goes next).
pub fn remove_panel_test(conn: &mut DbConn, admin: &User, id: PanelTestId) -> Step<PanelTest> {
    let actor = keeper(admin)?;
    let test = found(PanelTest::find(conn, id)?)?;
    guarded(PanelTest::remove(conn, id)?)?;
    audit::record(
        conn,
        AuditEntry::new(&actor, "panel_test.removed", "panel_test", id).before(test.audit_view()),
    )?;
    Ok(test)
}

// ---- the demo catalog ---------------------------------------------------------------------

/// The demo seed's commodity: added by the system (the seed runs before any account exists),
/// marked `demo`, audited like any other.
pub fn seed_commodity(
    conn: &mut DbConn,
    system: &Actor,
    entry: &CommodityEntry,
) -> Step<Commodity> {
    commodity_added(conn, system, entry, true)
}

/// The demo seed's test method (see [`seed_commodity`]).
pub fn seed_test_method(
    conn: &mut DbConn,
    system: &Actor,
    entry: &MethodEntry,
) -> Step<TestMethod> {
    method_added(conn, system, entry, true)
}

/// The demo seed's limit set (see [`seed_commodity`]).
pub fn seed_limit_set(conn: &mut DbConn, system: &Actor, new: &NewLimitSet) -> Step<LimitSet> {
    limit_set_added(conn, system, new, true)
}

/// The demo seed's limit (see [`seed_commodity`]).
pub fn seed_limit(conn: &mut DbConn, system: &Actor, entry: &LimitEntry) -> Step<Limit> {
    limit_added(conn, system, entry)
}

/// The demo seed's panel test (see [`seed_commodity`]).
pub fn seed_panel_test(
    conn: &mut DbConn,
    system: &Actor,
    commodity: CommodityId,
    method: TestMethodId,
    side: Side,
) -> Step<PanelTest> {
    panel_test_added(conn, system, commodity, method, side)
}
