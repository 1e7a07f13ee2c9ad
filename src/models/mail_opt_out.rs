//! The events each user chose not to receive by mail.

use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::ids::UserId;
use crate::db::schema::mail_opt_outs;
use crate::db::types::UtcTime;
use crate::domain::notice::NoticeKind;

/// The kinds `user` opted out of.
pub fn of_user(conn: &mut DbConn, user: UserId) -> QueryResult<Vec<NoticeKind>> {
    mail_opt_outs::table
        .filter(mail_opt_outs::user_id.eq(user))
        .select(mail_opt_outs::kind)
        .load(conn)
}

/// Whether `user` opted out of mail about `kind`.
pub fn opted_out(conn: &mut DbConn, user: UserId, kind: NoticeKind) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        mail_opt_outs::table
            .filter(mail_opt_outs::user_id.eq(user))
            .filter(mail_opt_outs::kind.eq(kind)),
    ))
    .get_result(conn)
}

/// Replaces the user's opt-outs with `kinds`.
pub fn replace(
    conn: &mut DbConn,
    user: UserId,
    kinds: &[NoticeKind],
    now: UtcTime,
) -> QueryResult<()> {
    diesel::delete(mail_opt_outs::table.filter(mail_opt_outs::user_id.eq(user))).execute(conn)?;
    for kind in kinds {
        diesel::insert_into(mail_opt_outs::table)
            .values((
                mail_opt_outs::user_id.eq(user),
                mail_opt_outs::kind.eq(*kind),
                mail_opt_outs::created_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(())
}
