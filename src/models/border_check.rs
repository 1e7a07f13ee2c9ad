//! Border checks: one row per decision an inspector recorded on a certificate at his post.
//! Append-only; the database allows one release per certificate.

pub use crate::db::ids::BorderCheckId;
pub use crate::domain::border::{Outcome, Warning};
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::ids::{BorderPostId, CertificateId, UserId};
use crate::db::schema::border_checks;
use crate::db::types::UtcTime;
use crate::domain::intake::Transport;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = border_checks)]
pub struct BorderCheck {
    pub id: BorderCheckId,
    pub certificate_id: CertificateId,
    pub post_id: BorderPostId,
    pub inspector_id: UserId,
    pub outcome: Outcome,
    pub note: String,
    pub declared_post_id: BorderPostId,
    pub declared_transport: Transport,
    pub observed_transport: Transport,
    /// The warning codes confirmed, comma-separated.
    pub warnings: String,
    pub checked_at: UtcTime,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = border_checks)]
pub struct NewBorderCheck<'a> {
    pub id: BorderCheckId,
    pub certificate_id: CertificateId,
    pub post_id: BorderPostId,
    pub inspector_id: UserId,
    pub outcome: Outcome,
    pub note: &'a str,
    pub declared_post_id: BorderPostId,
    pub declared_transport: Transport,
    pub observed_transport: Transport,
    pub warnings: &'a str,
    pub checked_at: UtcTime,
}

/// The most checks a page lists.
pub const LIST_LIMIT: i64 = 200;

impl BorderCheck {
    /// Records a check; a second release of the certificate is a unique violation.
    pub fn insert(conn: &mut DbConn, new: &NewBorderCheck) -> QueryResult<BorderCheck> {
        diesel::insert_into(border_checks::table)
            .values(new)
            .returning(border_checks::all_columns)
            .get_result(conn)
    }

    /// The checks of a certificate, oldest first (a certificate crosses once: a few rows).
    pub fn of_certificate(
        conn: &mut DbConn,
        certificate: CertificateId,
    ) -> QueryResult<Vec<BorderCheck>> {
        border_checks::table
            .filter(border_checks::certificate_id.eq(certificate))
            .select(BorderCheck::as_select())
            .order((border_checks::checked_at.asc(), border_checks::id.asc()))
            .limit(LIST_LIMIT)
            .load(conn)
    }

    /// How many checks a certificate has.
    pub fn count_of(conn: &mut DbConn, certificate: CertificateId) -> QueryResult<i64> {
        border_checks::table
            .filter(border_checks::certificate_id.eq(certificate))
            .count()
            .get_result(conn)
    }

    /// The release of a certificate, if it was released.
    pub fn release_of(
        conn: &mut DbConn,
        certificate: CertificateId,
    ) -> QueryResult<Option<BorderCheck>> {
        border_checks::table
            .filter(border_checks::certificate_id.eq(certificate))
            .filter(border_checks::outcome.eq(Outcome::Released))
            .select(BorderCheck::as_select())
            .first(conn)
            .optional()
    }

    /// The checks recorded at `post` since `since`, newest first, at most `limit`.
    pub fn at_post_since(
        conn: &mut DbConn,
        post: BorderPostId,
        since: UtcTime,
        limit: i64,
    ) -> QueryResult<Vec<BorderCheck>> {
        border_checks::table
            .filter(border_checks::post_id.eq(post))
            .filter(border_checks::checked_at.ge(since))
            .select(BorderCheck::as_select())
            .order((border_checks::checked_at.desc(), border_checks::id.desc()))
            .limit(limit)
            .load(conn)
    }

    /// The warnings the inspector confirmed.
    pub fn warning_list(&self) -> Vec<Warning> {
        crate::domain::border::split(&self.warnings)
    }

    pub fn audit_view(&self) -> serde_json::Value {
        serde_json::json!({
            "certificate_id": self.certificate_id.to_string(),
            "post_id": self.post_id.to_string(),
            "outcome": self.outcome.as_str(),
            "note": self.note,
            "declared_post_id": self.declared_post_id.to_string(),
            "declared_transport": self.declared_transport.as_str(),
            "observed_transport": self.observed_transport.as_str(),
            "warnings": self.warning_list().iter().map(|w| w.as_str()).collect::<Vec<_>>(),
        })
    }
}
