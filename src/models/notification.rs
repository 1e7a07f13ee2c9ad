//! Each user's inbox in the application: one row per event the user was told about.

pub use crate::db::ids::NotificationId;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::ids::UserId;
use crate::db::schema::notifications;
use crate::db::types::UtcTime;
use crate::domain::notice::NoticeKind;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = notifications)]
pub struct Notification {
    pub id: NotificationId,
    pub user_id: UserId,
    pub kind: NoticeKind,
    pub link: String,
    /// A JSON object of texts: the message's variables.
    pub params: String,
    pub created_at: UtcTime,
    pub read_at: Option<UtcTime>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = notifications)]
pub struct NewNotification<'a> {
    pub id: NotificationId,
    pub user_id: UserId,
    pub kind: NoticeKind,
    pub link: &'a str,
    pub params: &'a str,
    pub created_at: UtcTime,
}

/// The most notifications the inbox lists.
pub const LIST_LIMIT: i64 = 100;

impl Notification {
    pub fn insert(conn: &mut DbConn, new: &NewNotification) -> QueryResult<usize> {
        diesel::insert_into(notifications::table)
            .values(new)
            .execute(conn)
    }

    /// One of the user's notifications (another user's is none).
    pub fn find_of(
        conn: &mut DbConn,
        user: UserId,
        id: NotificationId,
    ) -> QueryResult<Option<Notification>> {
        notifications::table
            .find(id)
            .filter(notifications::user_id.eq(user))
            .select(Notification::as_select())
            .first(conn)
            .optional()
    }

    /// A user's newest notifications.
    pub fn of_user(conn: &mut DbConn, user: UserId, limit: i64) -> QueryResult<Vec<Notification>> {
        notifications::table
            .filter(notifications::user_id.eq(user))
            .select(Notification::as_select())
            .order((notifications::created_at.desc(), notifications::id.desc()))
            .limit(limit)
            .load(conn)
    }

    /// How many of a user's notifications are unread.
    pub fn unread_count(conn: &mut DbConn, user: UserId) -> QueryResult<i64> {
        notifications::table
            .filter(notifications::user_id.eq(user))
            .filter(notifications::read_at.is_null())
            .count()
            .get_result(conn)
    }

    /// Marks one of the user's notifications read; false when it was read already (or is not
    /// the user's: the same answer).
    pub fn mark_read(
        conn: &mut DbConn,
        user: UserId,
        id: NotificationId,
        at: UtcTime,
    ) -> QueryResult<bool> {
        diesel::update(
            notifications::table
                .find(id)
                .filter(notifications::user_id.eq(user))
                .filter(notifications::read_at.is_null()),
        )
        .set(notifications::read_at.eq(Some(at)))
        .execute(conn)
        .map(|n| n == 1)
    }

    /// Marks all of the user's notifications read; how many were unread.
    pub fn mark_all_read(conn: &mut DbConn, user: UserId, at: UtcTime) -> QueryResult<usize> {
        diesel::update(
            notifications::table
                .filter(notifications::user_id.eq(user))
                .filter(notifications::read_at.is_null()),
        )
        .set(notifications::read_at.eq(Some(at)))
        .execute(conn)
    }

    /// The message's variables.
    pub fn args(&self) -> Vec<(String, String)> {
        serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(&self.params)
            .map(|map| {
                map.into_iter()
                    .map(|(k, v)| (k, v.as_str().unwrap_or_default().to_owned()))
                    .collect()
            })
            .unwrap_or_default()
    }
}
