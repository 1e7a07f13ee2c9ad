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

/// Users choose which events they receive by mail; `opted_out` are the kinds they do not want.
pub fn set_mail_opt_outs(
    conn: &mut DbConn,
    user: &User,
    opted_out: &[crate::domain::notice::NoticeKind],
) -> Step<()> {
    let before = crate::models::mail_opt_out::of_user(conn, user.id)?;
    crate::models::mail_opt_out::replace(
        conn,
        user.id,
        opted_out,
        crate::db::types::UtcTime::now(),
    )?;
    let names = |kinds: &[crate::domain::notice::NoticeKind]| {
        kinds.iter().map(|k| k.as_str()).collect::<Vec<_>>()
    };
    audit::record(
        conn,
        AuditEntry::new(
            &Actor::user(user.id, &user.email),
            "user.mail_settings_changed",
            "user",
            user.id,
        )
        .before(json!({ "opted_out": names(&before) }))
        .after(json!({ "opted_out": names(opted_out) })),
    )?;
    Ok(())
}

/// Sets a new password through a reset link (`token_hash` is the SHA-256 of the link's token):
/// the link is used up (a parallel use of the same link is stale), every other open link of the
/// user is retired, every session ends, and the reset is audited.
pub fn reset_password_by_link(
    conn: &mut DbConn,
    token_hash: &str,
    password_hash: &str,
) -> Step<UserId> {
    use crate::models::password_reset::PasswordReset;
    let now = crate::db::types::UtcTime::now();
    let reset = PasswordReset::find(conn, token_hash)?.ok_or(Halt::Refused("reset.invalid"))?;
    // Used already (also by a parallel request that committed first): done, 409.
    super::guarded(reset.used_at.is_none())?;
    require(reset.usable(now), "reset.invalid")?;
    let user = found(User::find(conn, reset.user_id)?)?;
    require(user.active, "reset.invalid")?;
    super::guarded(PasswordReset::use_once(conn, token_hash, now)?)?;
    PasswordReset::retire_all(conn, user.id, now)?;
    User::store_password(conn, user.id, password_hash, false)?;
    users::end_sessions(conn, user.id)?;
    audit::record(
        conn,
        AuditEntry::new(
            &Actor::user(user.id, &user.email),
            "user.password_reset_by_mail",
            "user",
            user.id,
        ),
    )?;
    Ok(user.id)
}

/// Open reset links one user may hold at once: more requests send nothing more (the answer
/// stays the same), so nobody can flood a mailbox through the form.
pub const OPEN_RESETS_MAX: i64 = 3;

/// Someone asked for a reset link for `email`. For an active account a link valid `minutes`
/// is stored (only the hash of its token) and mailed in the same transaction; for an unknown
/// or inactive address nothing happens — the caller answers both alike.
pub fn request_password_reset(
    conn: &mut DbConn,
    site: &crate::mail::Site,
    email: &str,
    minutes: i64,
) -> Step<()> {
    use crate::domain::notice::NoticeKind;
    use crate::models::password_reset::PasswordReset;
    let token = crate::token::random_hex(32);
    let token_hash = crate::token::sha256_hex(token.as_bytes());
    let Some(user) = User::find_by_email(conn, email)?.filter(|u| u.active) else {
        // The same work as for an account, so that the answer takes as long: the mail is
        // rendered (and dropped), and the attempt audited under the address's hash.
        let path = format!("/password-reset/{token}");
        let notice = crate::mail::Notice::new(NoticeKind::PasswordReset, path.clone())
            .with("minutes", minutes.to_string());
        crate::mail::render(site, crate::i18n::Lang::En, &notice, &site.url(&path))?;
        audit::record(
            conn,
            AuditEntry::new(
                &Actor::system("password-reset"),
                "user.password_reset_unknown",
                "email",
                &crate::token::sha256_hex(email.as_bytes())[..16],
            ),
        )?;
        return Ok(());
    };
    let now = crate::db::types::UtcTime::now();
    if PasswordReset::open_count(conn, user.id, now)? >= OPEN_RESETS_MAX {
        return Ok(());
    }
    PasswordReset::insert(conn, &token_hash, user.id, now.plus_minutes(minutes), now)?;
    let path = format!("/password-reset/{token}");
    let notice = crate::mail::Notice::new(NoticeKind::PasswordReset, path.clone())
        .with("minutes", minutes.to_string());
    crate::mail::enqueue(conn, site, &user, &notice, &site.url(&path))?;
    audit::record(
        conn,
        AuditEntry::new(
            &Actor::user(user.id, &user.email),
            "user.password_reset_requested",
            "user",
            user.id,
        ),
    )?;
    Ok(())
}
