//! `GET /`: the home page of the signed-in user's role.

use actix_web::{HttpResponse, web};
use askama::Template;

use crate::auth::CurrentUser;
use crate::auth::policy::{self, Page};
use crate::domain::{Role, Side};
use crate::error::AppError;
use crate::models::audit::{self, AuditFilter};
use crate::models::{BorderPost, Exporter, User};
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
    let (counts, (events, names), exporter, post, dashboard, certification, border) = state
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
    })
}
