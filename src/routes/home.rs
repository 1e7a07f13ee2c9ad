//! `GET /`: the home page of the signed-in user's role.

use actix_web::{HttpResponse, web};
use askama::Template;

use crate::auth::CurrentUser;
use crate::auth::policy::{self, Page};
use crate::domain::{Role, Side};
use crate::error::AppError;
use crate::models::application::ApplicationStatus;
use crate::models::audit::{self, AuditFilter};
use crate::models::{BorderPost, Exporter, User};
use crate::queries::dashboards;
use crate::queries::testing::SideDashboard;
use crate::web::page::role_key;
use crate::web::{AppState, Base, render};

#[derive(Template)]
#[template(path = "home/home.html")]
struct HomePage {
    base: Base,
    user: User,
    duties_key: String,
    counts: Vec<(Role, Option<Side>, i64)>,
    /// The latest audit events, in words (administrators and auditors).
    events: Vec<crate::web::history::HistoryLine>,
    exporter: Option<Exporter>,
    post: Option<BorderPost>,
    dashboard: Option<SideDashboard>,
    /// The tiles that are links: only to pages this role may open.
    opens_samples: bool,
    opens_bench: bool,
    opens_review: bool,
    /// A certifier's queue: drafts waiting for their side, consignments ready, failed.
    certification: Option<(i64, i64, i64)>,
    /// An inspector's post: consignments expected there, checks recorded there today.
    border: Option<(i64, i64)>,
    /// The tiles that open a filtered list (each counts the rows its list shows).
    tiles: Tiles,
}

/// Counts of the home page's filtered lists, for the roles that see them.
#[derive(Default)]
struct Tiles {
    /// Applications waiting for a registrar's decision (registrars, exporters: their own).
    applications_waiting: Option<i64>,
    /// An exporter's applications returned for correction.
    applications_returned: Option<i64>,
    /// Samples with an open discrepancy (lab staff and auditors).
    samples_in_discrepancy: i64,
    /// Tests on the side's bench and in its review queue, as those pages list them.
    on_bench: i64,
    to_review: i64,
}

impl HomePage {
    fn waiting(&self, since: &crate::db::types::UtcTime) -> String {
        crate::routes::bench::queue::waiting_text(&self.base, since)
    }
}

pub async fn show(
    state: web::Data<AppState>,
    base: Base,
    user: CurrentUser,
) -> Result<HttpResponse, AppError> {
    let user = user.0;
    let (role, side, exporter_id, post_id) =
        (user.role, user.side, user.exporter_id, user.border_post_id);
    let certifier_side = user.side.filter(|_| role == Role::Certifier);
    let inspector_post = post_id.filter(|_| policy::may_open(role, Page::Post));
    let (from, to, since) =
        crate::routes::border::post::window(user.time_zone, crate::db::types::UtcTime::now());
    let lang = base.lang;
    let scope = user.scope();
    let (counts, (events, names), exporter, post, dashboard, certification, border, tiles) = state
        .db
        .run(move |conn| {
            let counts = if role == Role::Admin {
                User::count_by_role(conn)?
            } else {
                Vec::new()
            };
            let events = if matches!(role, Role::Admin | Role::Auditor) {
                audit::list(conn, &AuditFilter::default(), side, 10)?
            } else {
                Vec::new()
            };
            let names = crate::queries::history::RecordNames::load(conn, &events, &[], lang, role)?;
            let events = (events, names);
            let exporter = match exporter_id {
                Some(id) => Exporter::find(conn, id)?,
                None => None,
            };
            let post = match post_id {
                Some(id) => BorderPost::find(conn, id)?,
                None => None,
            };
            let dashboard = match side {
                Some(side) if role != Role::Admin => Some(SideDashboard::load(conn, side)?),
                _ => None,
            };
            let mut tiles = Tiles::default();
            if let (Some(side), Some(_)) = (side, &dashboard) {
                (tiles.on_bench, tiles.to_review) = dashboards::bench_and_review(conn, side)?;
                tiles.samples_in_discrepancy = dashboards::samples_in_discrepancy(conn)?;
            }
            if matches!(role, Role::Registrar | Role::Exporter) {
                tiles.applications_waiting = Some(dashboards::applications_in(
                    conn,
                    scope,
                    ApplicationStatus::Submitted,
                )?);
            }
            if role == Role::Exporter {
                tiles.applications_returned = Some(dashboards::applications_in(
                    conn,
                    scope,
                    ApplicationStatus::Returned,
                )?);
            }
            let certification = match certifier_side {
                Some(side) => Some(crate::queries::certification::queue_counts(conn, side)?),
                None => None,
            };
            let border = match inspector_post {
                Some(post) => Some(crate::queries::border::post_counts(
                    conn, post, from, to, since,
                )?),
                None => None,
            };
            Ok((
                counts,
                events,
                exporter,
                post,
                dashboard,
                certification,
                border,
                tiles,
            ))
        })
        .await?;
    let events = crate::web::history::lines(&base, role, events, &names);
    let opens = |page| policy::may_open(user.role, page);
    let (opens_samples, opens_bench, opens_review) = (
        opens(Page::Samples),
        opens(Page::Bench),
        opens(Page::Review),
    );
    let duties_key = format!("home.duties.{}", &role_key(role)["role.".len()..]);
    render(&HomePage {
        base,
        user,
        duties_key,
        counts,
        events,
        exporter,
        post,
        dashboard,
        opens_samples,
        opens_bench,
        opens_review,
        certification,
        border,
        tiles,
    })
}
