//! Accounts: created, edited, switched off and on, passwords set, preferences saved. Each in
//! one transaction with its audit event; an edit from a stale form is refused, and of two
//! parallel identical switches only one is done.

use serde_json::json;

use super::{Halt, Step, found, guarded, require, same_version, taken};
use crate::db::DbConn;
use crate::domain::{Role, TimeZone};
use crate::i18n::Lang;
use crate::models::audit::{self, Actor, AuditEntry};
use crate::models::user::{self as users, Account};
use crate::models::{User, UserId, login_throttle};

/// Creates an account (an administrator, the command line, or the first start).
pub fn create(
    conn: &mut DbConn,
    by: &Actor,
    account: &Account,
    password_hash: &str,
    must_change_password: bool,
) -> Step<User> {
    require(
        User::find_by_email(conn, account.email.as_str())?.is_none(),
        "field.email_taken",
    )?;
    let user = User::insert(conn, account, password_hash, must_change_password)
        .map_err(taken("field.email_taken"))?;
    audit::record(
        conn,
        AuditEntry::new(by, "user.created", "user", user.id).after(account.audit_view()),
    )?;
    Ok(user)
}

/// An administrator saves an edited account from the version the form showed. An
/// administrator cannot take the role from their own account; a changed role or side ends the
/// account's sessions.
pub fn edit(
    conn: &mut DbConn,
    admin: &User,
    id: UserId,
    version: i32,
    account: &Account,
) -> Step<User> {
    require(admin.role == Role::Admin, "policy.not_your_role")?;
    let before = found(User::find(conn, id)?)?;
    same_version(before.version, version)?;
    require(
        admin.id != id || account.role == Role::Admin,
        "users.cannot_demote_self",
    )?;
    let user =
        found(User::save_account(conn, id, version, account).map_err(taken("field.email_taken"))?)
            .map_err(|_| Halt::Stale)?;
    if before.role != user.role || before.side != user.side {
        users::end_sessions(conn, id)?;
    }
    audit::record(
        conn,
        AuditEntry::new(
            &Actor::user(admin.id, &admin.email),
            "user.updated",
            "user",
            id,
        )
        .before(before.account_view())
        .after(account.audit_view()),
    )?;
    Ok(user)
}

/// An administrator switches an account off (its sessions end at once) or on again; never
/// their own off.
pub fn set_active(conn: &mut DbConn, admin: &User, id: UserId, active: bool) -> Step<()> {
    require(admin.role == Role::Admin, "policy.not_your_role")?;
    found(User::find(conn, id)?)?;
    require(admin.id != id || active, "users.cannot_deactivate_self")?;
    guarded(User::switch_active(conn, id, active)?)?;
    if !active {
        users::end_sessions(conn, id)?;
    }
    let action = if active {
        "user.activated"
    } else {
        "user.deactivated"
    };
    audit::record(
        conn,
        AuditEntry::new(&Actor::user(admin.id, &admin.email), action, "user", id),
    )?;
    Ok(())
}

/// Sets a new password hash, clears any lockout and ends every session of the user (the caller
/// opens a new one when users changed their own password).
pub fn set_password(
    conn: &mut DbConn,
    by: &Actor,
    id: UserId,
    password_hash: &str,
    must_change_password: bool,
) -> Step<User> {
    found(User::find(conn, id)?)?;
    User::store_password(conn, id, password_hash, must_change_password)?;
    users::end_sessions(conn, id)?;
    let action = if by.id == Some(id) {
        "user.password_changed"
    } else {
        "user.password_reset"
    };
    audit::record(conn, AuditEntry::new(by, action, "user", id))?;
    found(User::find(conn, id)?)
}

/// Users save their language and time zone on the account page; nothing happens when neither
/// changes.
pub fn set_preferences(
    conn: &mut DbConn,
    user: &User,
    language: Lang,
    time_zone: TimeZone,
) -> Step<()> {
    if user.language == language && user.time_zone == time_zone {
        return Ok(());
    }
    User::store_preferences(conn, user.id, language, time_zone)?;
    let view = |l: Lang, tz: TimeZone| json!({ "language": l.as_str(), "time_zone": tz.as_str() });
    audit::record(
        conn,
        AuditEntry::new(
            &Actor::user(user.id, &user.email),
            "user.preferences_changed",
            "user",
            user.id,
        )
        .before(view(user.language, user.time_zone))
        .after(view(language, time_zone)),
    )?;
    Ok(())
}

/// An administrator forgets every failed-sign-in count of an account (all its waits end).
pub fn clear_throttles(conn: &mut DbConn, admin: &User, id: UserId) -> Step<()> {
    require(admin.role == Role::Admin, "policy.not_your_role")?;
    let user = found(User::find(conn, id)?)?;
    let cleared = login_throttle::clear_account(conn, &user.email)?;
    audit::record(
        conn,
        AuditEntry::new(
            &Actor::user(admin.id, &admin.email),
            "user.throttles_cleared",
            "user",
            id,
        )
        .after(json!({ "cleared": cleared })),
    )?;
    Ok(())
}
