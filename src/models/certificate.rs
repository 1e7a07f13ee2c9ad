//! Certificates and non-conformity notices, and their signatures. A certificate is written
//! once as a draft, signed by each side, issued by the second signature, and afterwards only
//! marked replaced or revoked — never edited.

pub use crate::db::ids::{CertificateId, SignatureId};
pub use crate::domain::certificate::{
    CertificateKind, CertificateStatus, Contents, SignatureMeaning, Standing,
};
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::ids::{ConsignmentId, UserId};
use crate::db::schema::{certificate_signatures, certificates, consignments};
use crate::db::types::UtcTime;
use crate::domain::{Scope, Side, TimeZone};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = certificates, treat_none_as_default_value = false)]
pub struct Certificate {
    pub id: CertificateId,
    pub consignment_id: ConsignmentId,
    pub kind: CertificateKind,
    pub status: CertificateStatus,
    pub number: Option<String>,
    pub verification_code: Option<String>,
    pub replaces_id: Option<CertificateId>,
    pub consignee: String,
    pub transport_details: String,
    pub remarks: String,
    pub replacement_reason: Option<String>,
    /// Deflated JSON ([`Contents::to_stored`]); read with [`Certificate::parsed_contents`].
    pub contents: Vec<u8>,
    pub token: Option<String>,
    pub issued_at: Option<UtcTime>,
    pub valid_until: Option<UtcTime>,
    pub drafted_by: UserId,
    pub created_at: UtcTime,
    pub revoked_at: Option<UtcTime>,
    pub revoked_by: Option<UserId>,
    pub revocation_reason: Option<String>,
    pub version: i32,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = certificate_signatures)]
pub struct Signature {
    pub id: SignatureId,
    pub certificate_id: CertificateId,
    pub signer_id: UserId,
    pub side: Side,
    pub meaning: SignatureMeaning,
    pub printed_name: String,
    pub time_zone: TimeZone,
    pub signed_at: UtcTime,
}

/// A draft as the certifier set it up.
#[derive(Debug, Clone)]
pub struct NewDraft<'a> {
    pub consignment: ConsignmentId,
    pub kind: CertificateKind,
    pub replaces: Option<(CertificateId, &'a str)>,
    pub consignee: &'a str,
    pub transport_details: &'a str,
    pub remarks: &'a str,
    pub contents: &'a Contents,
    pub by: UserId,
}

/// What the second signature sets.
#[derive(Debug, Clone)]
pub struct Issue<'a> {
    pub number: &'a str,
    pub code: &'a str,
    pub token: Option<&'a str>,
    pub at: UtcTime,
    pub valid_until: Option<UtcTime>,
}

/// Statuses an exporter may see: never a draft.
const PUBLISHED: [CertificateStatus; 3] = [
    CertificateStatus::Issued,
    CertificateStatus::Replaced,
    CertificateStatus::Revoked,
];

impl Certificate {
    /// The certificate if `scope` may see it: an exporter sees their company's issued,
    /// replaced and revoked documents only.
    pub fn find_for(
        conn: &mut DbConn,
        scope: Scope,
        id: CertificateId,
    ) -> QueryResult<Option<Certificate>> {
        let mut query = certificates::table
            .inner_join(consignments::table)
            .filter(certificates::id.eq(id))
            .select(Certificate::as_select())
            .into_boxed();
        if let Some(company) = scope.company() {
            query = query
                .filter(consignments::exporter_id.eq(company))
                .filter(certificates::status.eq_any(PUBLISHED));
        }
        query.first(conn).optional()
    }

    /// A consignment's documents that `scope` may see, newest first.
    pub fn of_consignment(
        conn: &mut DbConn,
        scope: Scope,
        consignment: ConsignmentId,
    ) -> QueryResult<Vec<Certificate>> {
        let mut query = certificates::table
            .filter(certificates::consignment_id.eq(consignment))
            .filter(certificates::status.ne(CertificateStatus::Discarded))
            .select(Certificate::as_select())
            .order((certificates::created_at.desc(), certificates::id.desc()))
            .into_boxed();
        if scope.company().is_some() {
            query = query.filter(certificates::status.eq_any(PUBLISHED));
        }
        query.load(conn)
    }

    /// The certificate with this number (public verification).
    pub fn find_by_number(conn: &mut DbConn, number: &str) -> QueryResult<Option<Certificate>> {
        certificates::table
            .filter(certificates::number.eq(number))
            .select(Certificate::as_select())
            .first(conn)
            .optional()
    }

    /// The live (not discarded) replacement drafted or issued for `id`, if any.
    pub fn replacement_of(
        conn: &mut DbConn,
        id: CertificateId,
    ) -> QueryResult<Option<Certificate>> {
        certificates::table
            .filter(certificates::replaces_id.eq(id))
            .filter(certificates::status.ne(CertificateStatus::Discarded))
            .select(Certificate::as_select())
            .first(conn)
            .optional()
    }

    /// One page of the documents `scope` may see, newest first (UUIDv7 ids grow with time,
    /// so the id is the keyset: strictly older than `before`); `statuses` empty = all but
    /// discarded.
    pub fn list_for(
        conn: &mut DbConn,
        scope: Scope,
        statuses: &[CertificateStatus],
        kind: Option<CertificateKind>,
        before: Option<CertificateId>,
        limit: i64,
    ) -> QueryResult<Vec<Certificate>> {
        let mut query = certificates::table
            .inner_join(consignments::table)
            .filter(certificates::status.ne(CertificateStatus::Discarded))
            .select(Certificate::as_select())
            .order(certificates::id.desc())
            .into_boxed();
        if let Some(company) = scope.company() {
            query = query
                .filter(consignments::exporter_id.eq(company))
                .filter(certificates::status.eq_any(PUBLISHED));
        }
        if !statuses.is_empty() {
            query = query.filter(certificates::status.eq_any(statuses.to_vec()));
        }
        if let Some(kind) = kind {
            query = query.filter(certificates::kind.eq(kind));
        }
        if let Some(id) = before {
            query = query.filter(certificates::id.lt(id));
        }
        query.limit(limit).load(conn)
    }

    pub fn insert_draft(conn: &mut DbConn, draft: &NewDraft) -> QueryResult<Certificate> {
        diesel::insert_into(certificates::table)
            .values((
                certificates::id.eq(CertificateId::new()),
                certificates::consignment_id.eq(draft.consignment),
                certificates::kind.eq(draft.kind),
                certificates::status.eq(CertificateStatus::Draft),
                certificates::replaces_id.eq(draft.replaces.map(|(id, _)| id)),
                certificates::replacement_reason.eq(draft.replaces.map(|(_, why)| why)),
                certificates::consignee.eq(draft.consignee),
                certificates::transport_details.eq(draft.transport_details),
                certificates::remarks.eq(draft.remarks),
                certificates::contents.eq(draft.contents.to_stored()),
                certificates::drafted_by.eq(draft.by),
                certificates::created_at.eq(UtcTime::now()),
                certificates::version.eq(1),
            ))
            .returning(certificates::all_columns)
            .get_result(conn)
    }

    /// Moves a draft loaded at `version` on (a first signature); false if it changed.
    pub fn claim_draft(conn: &mut DbConn, id: CertificateId, version: i32) -> QueryResult<bool> {
        let n = diesel::update(
            certificates::table
                .filter(certificates::id.eq(id))
                .filter(certificates::version.eq(version))
                .filter(certificates::status.eq(CertificateStatus::Draft)),
        )
        .set(certificates::version.eq(version + 1))
        .execute(conn)?;
        Ok(n == 1)
    }

    /// Issues a draft loaded at `version`; false if it changed.
    pub fn issue(
        conn: &mut DbConn,
        id: CertificateId,
        version: i32,
        issue: &Issue,
    ) -> QueryResult<bool> {
        let n = diesel::update(
            certificates::table
                .filter(certificates::id.eq(id))
                .filter(certificates::version.eq(version))
                .filter(certificates::status.eq(CertificateStatus::Draft)),
        )
        .set((
            certificates::status.eq(CertificateStatus::Issued),
            certificates::number.eq(issue.number),
            certificates::verification_code.eq(issue.code),
            certificates::token.eq(issue.token),
            certificates::issued_at.eq(issue.at),
            certificates::valid_until.eq(issue.valid_until),
            certificates::version.eq(version + 1),
        ))
        .execute(conn)?;
        Ok(n == 1)
    }

    /// Marks an issued certificate replaced (by the replacement's issue).
    pub fn mark_replaced(conn: &mut DbConn, id: CertificateId) -> QueryResult<bool> {
        let n = diesel::update(
            certificates::table
                .filter(certificates::id.eq(id))
                .filter(certificates::status.eq(CertificateStatus::Issued)),
        )
        .set((
            certificates::status.eq(CertificateStatus::Replaced),
            certificates::version.eq(certificates::version + 1),
        ))
        .execute(conn)?;
        Ok(n == 1)
    }

    /// Revokes an issued certificate loaded at `version`.
    pub fn revoke(
        conn: &mut DbConn,
        id: CertificateId,
        version: i32,
        by: UserId,
        reason: &str,
    ) -> QueryResult<bool> {
        let n = diesel::update(
            certificates::table
                .filter(certificates::id.eq(id))
                .filter(certificates::version.eq(version))
                .filter(certificates::status.eq(CertificateStatus::Issued)),
        )
        .set((
            certificates::status.eq(CertificateStatus::Revoked),
            certificates::revoked_at.eq(UtcTime::now()),
            certificates::revoked_by.eq(by),
            certificates::revocation_reason.eq(reason),
            certificates::version.eq(version + 1),
        ))
        .execute(conn)?;
        Ok(n == 1)
    }

    /// Discards a draft loaded at `version`.
    pub fn discard(conn: &mut DbConn, id: CertificateId, version: i32) -> QueryResult<bool> {
        let n = diesel::update(
            certificates::table
                .filter(certificates::id.eq(id))
                .filter(certificates::version.eq(version))
                .filter(certificates::status.eq(CertificateStatus::Draft)),
        )
        .set((
            certificates::status.eq(CertificateStatus::Discarded),
            certificates::version.eq(version + 1),
        ))
        .execute(conn)?;
        Ok(n == 1)
    }

    /// Issued, replaced or revoked: a document that was printed, which exporters and
    /// inspectors may see.
    pub fn is_published(&self) -> bool {
        PUBLISHED.contains(&self.status)
    }

    /// Where the certificate stands at `now`.
    pub fn standing(&self, now: UtcTime) -> Standing {
        match self.status {
            CertificateStatus::Draft => Standing::Draft,
            CertificateStatus::Discarded => Standing::Discarded,
            CertificateStatus::Replaced => Standing::Replaced,
            CertificateStatus::Revoked => Standing::Revoked,
            CertificateStatus::Issued => match self.valid_until {
                Some(until) if until.0 <= now.0 => Standing::Expired,
                _ => Standing::Valid,
            },
        }
    }

    pub fn parsed_contents(&self) -> Result<Contents, String> {
        Contents::from_stored(&self.contents)
    }

    pub fn audit_view(&self) -> serde_json::Value {
        serde_json::json!({
            "kind": self.kind.as_str(),
            "status": self.status.as_str(),
            "number": self.number,
            "consignment_id": self.consignment_id.to_string(),
            "replaces_id": self.replaces_id.map(|id| id.to_string()),
            "valid_until": self.valid_until.map(|t| t.0.to_rfc3339()),
            "revocation_reason": self.revocation_reason,
        })
    }
}

impl Signature {
    pub fn of(conn: &mut DbConn, certificate: CertificateId) -> QueryResult<Vec<Signature>> {
        certificate_signatures::table
            .filter(certificate_signatures::certificate_id.eq(certificate))
            .select(Signature::as_select())
            .order(certificate_signatures::signed_at)
            .load(conn)
    }

    /// The signatures of several certificates, in signing order.
    pub fn of_many(
        conn: &mut DbConn,
        certificates: &[CertificateId],
    ) -> QueryResult<Vec<Signature>> {
        certificate_signatures::table
            .filter(certificate_signatures::certificate_id.eq_any(certificates))
            .select(Signature::as_select())
            .order(certificate_signatures::signed_at)
            .load(conn)
    }

    /// Records a signature; the unique indexes refuse a second one of a side or a person.
    #[allow(clippy::too_many_arguments)]
    pub fn insert(
        conn: &mut DbConn,
        certificate: CertificateId,
        signer: UserId,
        side: Side,
        meaning: SignatureMeaning,
        printed_name: &str,
        time_zone: TimeZone,
        at: UtcTime,
    ) -> QueryResult<Signature> {
        diesel::insert_into(certificate_signatures::table)
            .values((
                certificate_signatures::id.eq(SignatureId::new()),
                certificate_signatures::certificate_id.eq(certificate),
                certificate_signatures::signer_id.eq(signer),
                certificate_signatures::side.eq(side),
                certificate_signatures::meaning.eq(meaning),
                certificate_signatures::printed_name.eq(printed_name),
                certificate_signatures::time_zone.eq(time_zone),
                certificate_signatures::signed_at.eq(at),
            ))
            .returning(certificate_signatures::all_columns)
            .get_result(conn)
    }
}
