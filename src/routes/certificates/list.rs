//! `GET /certificates`: for certifiers, the queue (drafts waiting for a signature,
//! consignments ready for a certificate, consignments that failed and need a notice, and
//! those held back, with why) above the list of documents; for exporters their company's
//! issued documents; for auditors every document. Filters: `status`, `kind`; keyset `before`.

use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::CertificateReader;
use crate::domain::{Role, Side};
use crate::error::AppError;
use crate::models::certificate::{
    Certificate, CertificateId, CertificateKind, CertificateStatus, Signature, Standing,
};
use crate::models::consignment::Consignment;
use crate::queries::certification::{self, Readiness};
use crate::queries::eligibility;
use crate::routes::intake::Lookups;
use crate::web::{AppState, Base, render};

const PAGE: i64 = 50;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    pub status: String,
    pub kind: String,
    pub before: String,
    /// `mine`: only the drafts waiting for the certifier's side (the home page's tile).
    pub awaiting: String,
}

/// A consignment in the certifiers' queue and what its results allow.
pub struct Candidate {
    pub consignment: Consignment,
    pub readiness: Readiness,
    /// Ready, but the exporter holds no GACC registration for the commodity.
    pub gacc_missing: bool,
}

/// A draft and the sides that signed it.
pub struct Pending {
    pub certificate: Certificate,
    pub signed: Vec<Side>,
}

/// How many consignments each of the queue's lists shows (the oldest): after a busy week a
/// page of hundreds would pass 60 KB; the next ones appear as these are certified.
const QUEUE_SHOWN: usize = 25;

#[derive(Template)]
#[template(path = "certificates/list.html")]
struct ListPage {
    base: Base,
    is_certifier: bool,
    my_side: Option<Side>,
    drafts: Vec<Pending>,
    ready: Vec<Candidate>,
    failed: Vec<Candidate>,
    held: Vec<Candidate>,
    /// How many are ready, failed and held (each list shows the oldest [`QUEUE_SHOWN`]).
    totals: (i64, i64, i64),
    documents: Vec<(Certificate, Standing)>,
    consignments: Vec<(crate::db::ids::ConsignmentId, String)>,
    lookups: Lookups,
    query: ListQuery,
    next: Option<String>,
}

impl ListPage {
    fn consignment_code(&self, c: &Certificate) -> &str {
        self.consignments
            .iter()
            .find(|(id, _)| *id == c.consignment_id)
            .map_or("", |(_, code)| code.as_str())
    }

    fn awaits_me(&self, p: &Pending) -> bool {
        self.my_side.is_some_and(|s| !p.signed.contains(&s))
    }

    fn statuses(&self) -> &'static [CertificateStatus] {
        &[
            CertificateStatus::Issued,
            CertificateStatus::Replaced,
            CertificateStatus::Revoked,
            CertificateStatus::Draft,
        ]
    }

    fn kinds(&self) -> &'static [CertificateKind] {
        CertificateKind::ALL
    }

    fn kind_title(&self, kind: &CertificateKind) -> &'static str {
        self.base.t(super::kind_key(kind.as_str()))
    }

    fn waiting_key(&self, c: &Candidate) -> &'static str {
        match c.readiness {
            Readiness::Waiting(key) => key,
            _ => "",
        }
    }

    fn csv_href(&self) -> String {
        format!(
            "/certificates.csv?status={}&kind={}",
            crate::web::url_encode(&self.query.status),
            crate::web::url_encode(&self.query.kind)
        )
    }

    fn next_href(&self) -> Option<String> {
        let next = self.next.as_ref()?;
        Some(format!(
            "/certificates?status={}&kind={}&before={next}",
            crate::web::url_encode(&self.query.status),
            crate::web::url_encode(&self.query.kind)
        ))
    }
}

pub async fn show(
    state: web::Data<AppState>,
    base: Base,
    who: CertificateReader,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let user = who.0;
    let query = query.into_inner();
    let is_certifier = user.role == Role::Certifier;
    let my_side = user.side.filter(|_| is_certifier);
    let scope = user.scope();
    let statuses: Vec<CertificateStatus> = CertificateStatus::parse(&query.status)
        .filter(|s| is_certifier || *s != CertificateStatus::Draft)
        .into_iter()
        .collect();
    let kind = CertificateKind::parse(&query.kind);
    let before: Option<CertificateId> = query.before.parse().ok();
    let page = state
        .db
        .run(move |conn| {
            let mut documents =
                Certificate::list_for(conn, scope, &statuses, kind, before, PAGE + 1)?;
            let next = (documents.len() as i64 > PAGE).then(|| {
                documents.truncate(PAGE as usize);
                documents
                    .last()
                    .map(|c| c.id.to_string())
                    .unwrap_or_default()
            });
            let (mut drafts, mut ready, mut failed, mut held) = (vec![], vec![], vec![], vec![]);
            let mut totals = (0i64, 0i64, 0i64);
            if is_certifier {
                let pending = Certificate::list_for(
                    conn,
                    scope,
                    &[CertificateStatus::Draft],
                    None,
                    None,
                    200,
                )?;
                let ids: Vec<_> = pending.iter().map(|c| c.id).collect();
                let signatures = Signature::of_many(conn, &ids)?;
                for certificate in pending {
                    let signed: Vec<Side> = signatures
                        .iter()
                        .filter(|s| s.certificate_id == certificate.id)
                        .map(|s| s.side)
                        .collect();
                    if query.awaiting == "mine" && my_side.is_some_and(|s| signed.contains(&s)) {
                        continue;
                    }
                    drafts.push(Pending {
                        certificate,
                        signed,
                    });
                }
                let awaiting = certification::awaiting_certification(conn, 200)?;
                let assessed = certification::readiness_many(conn, &awaiting)?;
                let mut requires_gacc = std::collections::HashMap::new();
                for (consignment, readiness) in awaiting.into_iter().zip(assessed) {
                    let requires = match requires_gacc.get(&consignment.limit_set_id) {
                        Some(requires) => *requires,
                        None => {
                            let requires =
                                eligibility::requires_gacc(conn, consignment.limit_set_id)?;
                            requires_gacc.insert(consignment.limit_set_id, requires);
                            requires
                        }
                    };
                    let (list, total) = match readiness {
                        Readiness::Ready => (&mut ready, &mut totals.0),
                        Readiness::Failed => (&mut failed, &mut totals.1),
                        Readiness::Waiting(_) => (&mut held, &mut totals.2),
                    };
                    *total += 1;
                    if list.len() >= QUEUE_SHOWN {
                        continue;
                    }
                    let gacc_missing = readiness == Readiness::Ready
                        && requires
                        && eligibility::registration_for(
                            conn,
                            consignment.exporter_id,
                            consignment.commodity_id,
                            crate::db::types::UtcTime::now().0.date_naive(),
                        )?
                        .is_none();
                    list.push(Candidate {
                        consignment,
                        readiness,
                        gacc_missing,
                    });
                }
            }
            let now = crate::db::types::UtcTime::now();
            let mut codes = Vec::new();
            for c in documents
                .iter()
                .chain(drafts.iter().map(|p| &p.certificate))
            {
                if !codes.iter().any(|(id, _)| *id == c.consignment_id)
                    && let Some(found) = Consignment::find_for(conn, scope, c.consignment_id)?
                {
                    codes.push((found.id, found.code));
                }
            }
            let documents = documents
                .into_iter()
                .map(|c| {
                    let standing = c.standing(now);
                    (c, standing)
                })
                .collect();
            let named = ready.iter().chain(&failed).chain(&held);
            let lookups = Lookups::naming(conn, named.map(|c| c.consignment.exporter_id))?;
            Ok(ListPage {
                base,
                is_certifier,
                my_side,
                drafts,
                ready,
                failed,
                held,
                totals,
                documents,
                consignments: codes,
                lookups,
                query,
                next,
            })
        })
        .await?;
    render(&page)
}
