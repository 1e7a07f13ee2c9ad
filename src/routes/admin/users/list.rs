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
    after: String,
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
    let filter = UserFilter {
        q: Some(query.q.clone()),
        role: Role::parse(&query.role),
        side: Side::parse(&query.side),
        active_only: query.active == "yes",
        after: Some(query.after.clone()).filter(|a| !a.is_empty()),
    };
    let mut users = state
        .db
        .run(move |conn| Ok(User::list(conn, &filter, PAGE + 1)?))
        .await?;
    let next_href = (users.len() as i64 > PAGE).then(|| {
        users.truncate(PAGE as usize);
        let last = users.last().map(|u| u.email.as_str()).unwrap_or_default();
        format!(
            "/admin/users?q={}&role={}&side={}&active={}&after={}",
            url_encode(&query.q),
            url_encode(&query.role),
            url_encode(&query.side),
            url_encode(&query.active),
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
