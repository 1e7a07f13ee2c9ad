use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::Admin;
use crate::domain::{Role, Side};
use crate::error::AppError;
use crate::models::User;
use crate::models::user::UserFilter;
use crate::web::{AppState, Base, render, url_encode};

const PAGE: i64 = 50;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    q: String,
    role: String,
    side: String,
    /// `yes`: active accounts only (the links of the administrator's home).
    active: String,
    /// `desc`: by e-mail descending (the list sorts by e-mail only).
    dir: String,
    after: String,
}

impl ListQuery {
    fn filter(&self, after: Option<String>) -> UserFilter {
        UserFilter {
            q: Some(self.q.clone()),
            role: Role::parse(&self.role),
            side: Side::parse(&self.side),
            active_only: self.active == "yes",
            descending: self.dir == "desc",
            after,
        }
    }

    fn with(&self, dir: &str) -> String {
        format!(
            "q={}&role={}&side={}&active={}&dir={}",
            url_encode(&self.q),
            url_encode(&self.role),
            url_encode(&self.side),
            url_encode(&self.active),
            url_encode(dir)
        )
    }

    /// The e-mail header's link: the other way round.
    pub fn email_sort_href(&self) -> String {
        let dir = if self.dir == "desc" { "asc" } else { "desc" };
        format!("/admin/users?{}", self.with(dir))
    }

    pub fn email_aria_sort(&self) -> &'static str {
        if self.dir == "desc" {
            " aria-sort=\"descending\""
        } else {
            " aria-sort=\"ascending\""
        }
    }

    pub fn csv_href(&self) -> String {
        format!("/admin/users.csv?{}", self.with(&self.dir))
    }
}

#[derive(Template)]
#[template(path = "admin/users/list.html")]
struct UserListPage {
    base: Base,
    users: Vec<User>,
    query: ListQuery,
    next_href: Option<String>,
}

impl UserListPage {
    fn roles(&self) -> &'static [Role] {
        Role::ALL
    }

    fn sides(&self) -> &'static [Side] {
        Side::ALL
    }

    fn is_locked(&self, user: &User) -> bool {
        user.is_locked(crate::db::types::UtcTime::now())
    }
}

/// `GET /admin/users`: every account, filtered by text, role and side, 50 at a time.
pub async fn show(
    state: web::Data<AppState>,
    base: Base,
    _admin: Admin,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let query = query.into_inner();
    let filter = query.filter(Some(query.after.clone()).filter(|a| !a.is_empty()));
    let mut users = state
        .db
        .run(move |conn| Ok(User::list(conn, &filter, PAGE + 1)?))
        .await?;
    let next_href = (users.len() as i64 > PAGE).then(|| {
        users.truncate(PAGE as usize);
        let last = users.last().map(|u| u.email.as_str()).unwrap_or_default();
        format!(
            "/admin/users?{}&after={}",
            query.with(&query.dir),
            url_encode(last)
        )
    });
    render(&UserListPage {
        base,
        users,
        query,
        next_href,
    })
}

/// `GET /admin/users.csv`: every account the filters select, in the list's order.
pub async fn csv(
    state: web::Data<AppState>,
    base: Base,
    _admin: Admin,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let query = query.into_inner();
    let filter = query.filter(None);
    let users = state
        .db
        .run(move |conn| {
            Ok(User::list(
                conn,
                &filter,
                crate::web::csv::MAX_ROWS as i64 + 1,
            )?)
        })
        .await?;
    let now = crate::db::types::UtcTime::now();
    crate::web::csv::download(
        base,
        "users",
        format!("/admin/users?{}", query.with(&query.dir)),
        &[
            "field.display_name",
            "field.email",
            "field.role",
            "field.side",
            "users.status",
        ],
        &users,
        |base, u| {
            let status = if !u.active {
                "users.inactive"
            } else if u.is_locked(now) {
                "users.locked"
            } else {
                "users.active"
            };
            vec![
                u.display_name.clone(),
                u.email.clone(),
                base.role_name(&u.role).to_owned(),
                u.side
                    .map(|s| base.side_name(&s).to_owned())
                    .unwrap_or_default(),
                base.t(status).to_owned(),
            ]
        },
    )
}
