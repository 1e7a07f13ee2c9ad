pub use crate::db::ids::UserId;
use diesel::prelude::*;
use serde_json::json;

use crate::db::DbConn;
use crate::db::ids::{BorderPostId, ExporterId};
use crate::db::schema::{sessions, users};
use crate::db::types::UtcTime;
use crate::domain::{DisplayName, Email, Role, Side, TimeZone};
use crate::i18n::Lang;

#[derive(Clone, Queryable, Selectable)]
#[diesel(table_name = users)]
pub struct User {
    pub id: UserId,
    pub email: String,
    pub display_name: String,
    pub search_text: String,
    pub role: Role,
    pub side: Option<Side>,
    pub exporter_id: Option<ExporterId>,
    pub border_post_id: Option<BorderPostId>,
    pub language: Lang,
    pub time_zone: TimeZone,
    pub active: bool,
    pub password_hash: String,
    pub must_change_password: bool,
    pub failed_logins: i32,
    pub locked_until: Option<UtcTime>,
    pub created_at: UtcTime,
    pub updated_at: UtcTime,
    pub version: i32,
}

impl std::fmt::Debug for User {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("User")
            .field("id", &self.id)
            .field("email", &self.email)
            .field("role", &self.role)
            .field("side", &self.side)
            .finish_non_exhaustive()
    }
}

/// Everything about an account except its password, validated: a lab role always has a side,
/// an exporter a company, an inspector a border post, and nobody else has any of these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub email: Email,
    pub display_name: DisplayName,
    pub role: Role,
    pub side: Option<Side>,
    pub exporter_id: Option<ExporterId>,
    pub border_post_id: Option<BorderPostId>,
    pub language: Lang,
    pub time_zone: TimeZone,
}

/// Which field of an account form is wrong, and why (a catalog key).
pub type AccountErrors = Vec<(&'static str, &'static str)>;

impl Account {
    /// Checks the combination of role and links; the caller has parsed each field.
    pub fn new(
        email: Email,
        display_name: DisplayName,
        role: Role,
        side: Option<Side>,
        exporter_id: Option<ExporterId>,
        border_post_id: Option<BorderPostId>,
        language: Lang,
    ) -> Result<Self, AccountErrors> {
        let errors =
            Account::link_errors(role, side, exporter_id.is_some(), border_post_id.is_some());
        if !errors.is_empty() {
            return Err(errors);
        }
        let time_zone = side.map_or(TimeZone::Almaty, Side::time_zone);
        Ok(Account {
            email,
            display_name,
            role,
            side,
            exporter_id,
            border_post_id,
            language,
            time_zone,
        })
    }

    /// What is wrong with this combination of role, side, company and border post.
    pub fn link_errors(
        role: Role,
        side: Option<Side>,
        has_exporter: bool,
        has_post: bool,
    ) -> AccountErrors {
        let mut errors = AccountErrors::new();
        match (role.has_side(), side) {
            (true, None) => errors.push(("side", "field.side_required")),
            (false, Some(_)) => errors.push(("side", "field.side_not_allowed")),
            _ => {}
        }
        if (role == Role::Exporter) != has_exporter {
            errors.push((
                "exporter",
                if role == Role::Exporter {
                    "field.exporter_required"
                } else {
                    "field.exporter_not_allowed"
                },
            ));
        }
        if (role == Role::Inspector) != has_post {
            errors.push((
                "border_post",
                if role == Role::Inspector {
                    "field.post_required"
                } else {
                    "field.post_not_allowed"
                },
            ));
        }
        errors
    }

    /// What the user list searches: e-mail and name, lower-cased here because SQLite's
    /// `lower()` folds ASCII letters only.
    fn search_text(&self) -> String {
        format!("{} {}", self.email.as_str(), self.display_name.as_str()).to_lowercase()
    }

    pub fn audit_view(&self) -> serde_json::Value {
        json!({
            "email": self.email.as_str(),
            "display_name": self.display_name.as_str(),
            "role": self.role.as_str(),
            "side": self.side.map(|s| s.as_str()),
            "exporter_id": self.exporter_id.map(|id| id.to_string()),
            "border_post_id": self.border_post_id.map(|id| id.to_string()),
            "language": self.language.as_str(),
        })
    }
}

#[derive(Insertable)]
#[diesel(table_name = users)]
struct NewUser<'a> {
    id: UserId,
    email: &'a str,
    display_name: &'a str,
    search_text: &'a str,
    role: Role,
    side: Option<Side>,
    exporter_id: Option<ExporterId>,
    border_post_id: Option<BorderPostId>,
    language: Lang,
    time_zone: TimeZone,
    active: bool,
    password_hash: &'a str,
    must_change_password: bool,
    failed_logins: i32,
    created_at: UtcTime,
    updated_at: UtcTime,
    version: i32,
}

#[derive(AsChangeset)]
#[diesel(table_name = users, treat_none_as_null = true)]
struct AccountChanges<'a> {
    email: &'a str,
    display_name: &'a str,
    search_text: &'a str,
    role: Role,
    side: Option<Side>,
    exporter_id: Option<ExporterId>,
    border_post_id: Option<BorderPostId>,
    language: Lang,
    updated_at: UtcTime,
    version: i32,
}

/// Filters of the user list; the cursor is the last e-mail of the previous page.
#[derive(Debug, Default, Clone)]
pub struct UserFilter {
    pub q: Option<String>,
    pub role: Option<Role>,
    pub side: Option<Side>,
    /// Only active accounts (the administrator's home counts them by role).
    pub active_only: bool,
    /// By e-mail descending (else ascending).
    pub descending: bool,
    pub after: Option<String>,
}

impl User {
    pub fn find(conn: &mut DbConn, id: UserId) -> QueryResult<Option<User>> {
        users::table
            .find(id)
            .select(User::as_select())
            .first(conn)
            .optional()
    }

    pub fn find_by_email(conn: &mut DbConn, email: &str) -> QueryResult<Option<User>> {
        users::table
            .filter(users::email.eq(email.trim().to_lowercase()))
            .select(User::as_select())
            .first(conn)
            .optional()
    }

    /// The exporter users of a company.
    pub fn of_exporter(conn: &mut DbConn, company: ExporterId) -> QueryResult<Vec<User>> {
        users::table
            .filter(users::exporter_id.eq(company))
            .select(User::as_select())
            .order(users::email)
            .load(conn)
    }

    /// The active users of a role (the reviewers of both sides …).
    pub fn active_with_role(conn: &mut DbConn, role: Role) -> QueryResult<Vec<User>> {
        users::table
            .filter(users::role.eq(role))
            .filter(users::active.eq(true))
            .select(User::as_select())
            .order(users::email)
            .load(conn)
    }

    pub fn count(conn: &mut DbConn) -> QueryResult<i64> {
        users::table.count().get_result(conn)
    }

    /// Active accounts per role and side, for the admin's home page.
    pub fn count_by_role(conn: &mut DbConn) -> QueryResult<Vec<(Role, Option<Side>, i64)>> {
        users::table
            .filter(users::active.eq(true))
            .group_by((users::role, users::side))
            .select((users::role, users::side, diesel::dsl::count_star()))
            .order((users::role, users::side))
            .load(conn)
    }

    /// One page of the user list, ordered by e-mail either way (keyset on the e-mail).
    pub fn list(conn: &mut DbConn, filter: &UserFilter, limit: i64) -> QueryResult<Vec<User>> {
        let mut query = users::table.select(User::as_select()).into_boxed();
        if let Some(q) = filter.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
            let pattern = format!("%{}%", crate::db::escape_like(&q.to_lowercase()));
            query = query.filter(users::search_text.like(pattern).escape('\\'));
        }
        if let Some(role) = filter.role {
            query = query.filter(users::role.eq(role));
        }
        if let Some(side) = filter.side {
            query = query.filter(users::side.eq(side));
        }
        if filter.active_only {
            query = query.filter(users::active.eq(true));
        }
        query = match (&filter.after, filter.descending) {
            (Some(after), false) => query.filter(users::email.gt(after.clone())),
            (Some(after), true) => query.filter(users::email.lt(after.clone())),
            (None, _) => query,
        };
        if filter.descending {
            query = query.order(users::email.desc());
        } else {
            query = query.order(users::email.asc());
        }
        query.limit(limit).load(conn)
    }

    /// Inserts an account.
    pub fn insert(
        conn: &mut DbConn,
        account: &Account,
        password_hash: &str,
        must_change_password: bool,
    ) -> QueryResult<User> {
        let now = UtcTime::now();
        diesel::insert_into(users::table)
            .values(NewUser {
                id: UserId::new(),
                email: account.email.as_str(),
                display_name: account.display_name.as_str(),
                search_text: &account.search_text(),
                role: account.role,
                side: account.side,
                exporter_id: account.exporter_id,
                border_post_id: account.border_post_id,
                language: account.language,
                time_zone: account.time_zone,
                active: true,
                password_hash,
                must_change_password,
                failed_logins: 0,
                created_at: now,
                updated_at: now,
                version: 1,
            })
            .returning(users::all_columns)
            .get_result(conn)
    }

    /// Saves an edited account from the version the form showed; `None` when it changed since.
    pub fn save_account(
        conn: &mut DbConn,
        id: UserId,
        version: i32,
        account: &Account,
    ) -> QueryResult<Option<User>> {
        diesel::update(users::table.find(id).filter(users::version.eq(version)))
            .set(AccountChanges {
                email: account.email.as_str(),
                display_name: account.display_name.as_str(),
                search_text: &account.search_text(),
                role: account.role,
                side: account.side,
                exporter_id: account.exporter_id,
                border_post_id: account.border_post_id,
                language: account.language,
                updated_at: UtcTime::now(),
                version: version + 1,
            })
            .returning(users::all_columns)
            .get_result(conn)
            .optional()
    }

    /// Switches an account on or off; false when it already was (a parallel request did it).
    pub fn switch_active(conn: &mut DbConn, id: UserId, active: bool) -> QueryResult<bool> {
        let updated = diesel::update(users::table.find(id).filter(users::active.eq(!active)))
            .set((
                users::active.eq(active),
                users::updated_at.eq(UtcTime::now()),
                users::version.eq(users::version + 1),
            ))
            .execute(conn)?;
        Ok(updated == 1)
    }

    /// Stores a new password hash and clears any lockout.
    pub fn store_password(
        conn: &mut DbConn,
        id: UserId,
        password_hash: &str,
        must_change_password: bool,
    ) -> QueryResult<usize> {
        diesel::update(users::table.find(id))
            .set((
                users::password_hash.eq(password_hash),
                users::must_change_password.eq(must_change_password),
                users::failed_logins.eq(0),
                users::locked_until.eq(None::<UtcTime>),
                users::updated_at.eq(UtcTime::now()),
                users::version.eq(users::version + 1),
            ))
            .execute(conn)
    }

    /// Stores the user's language and time zone.
    pub fn store_preferences(
        conn: &mut DbConn,
        id: UserId,
        language: Lang,
        time_zone: TimeZone,
    ) -> QueryResult<usize> {
        diesel::update(users::table.find(id))
            .set((
                users::language.eq(language),
                users::time_zone.eq(time_zone),
                users::updated_at.eq(UtcTime::now()),
                users::version.eq(users::version + 1),
            ))
            .execute(conn)
    }

    /// The rows this user may see (an exporter: their company's only).
    pub fn scope(&self) -> crate::domain::Scope {
        match (self.role, self.exporter_id) {
            (Role::Exporter, Some(company)) => crate::domain::Scope::Company(company),
            // The database refuses an exporter without a company; should one appear, it sees
            // nothing rather than everything.
            (Role::Exporter, None) => crate::domain::Scope::Company(ExporterId(uuid::Uuid::nil())),
            _ => crate::domain::Scope::All,
        }
    }

    /// Whether the account is locked at `now`.
    pub fn is_locked(&self, now: UtcTime) -> bool {
        self.locked_until.is_some_and(|until| until > now)
    }

    pub fn account_view(&self) -> serde_json::Value {
        json!({
            "email": self.email,
            "display_name": self.display_name,
            "role": self.role.as_str(),
            "side": self.side.map(|s| s.as_str()),
            "exporter_id": self.exporter_id.map(|id| id.to_string()),
            "border_post_id": self.border_post_id.map(|id| id.to_string()),
            "language": self.language.as_str(),
        })
    }

    /// The account as its edit form starts.
    pub fn to_account(&self) -> Option<Account> {
        Some(Account {
            email: Email::parse(&self.email).ok()?,
            display_name: DisplayName::parse(&self.display_name).ok()?,
            role: self.role,
            side: self.side,
            exporter_id: self.exporter_id,
            border_post_id: self.border_post_id,
            language: self.language,
            time_zone: self.time_zone,
        })
    }
}

/// Ends every session of a user.
pub fn end_sessions(conn: &mut DbConn, id: UserId) -> QueryResult<usize> {
    diesel::delete(sessions::table.filter(sessions::user_id.eq(id))).execute(conn)
}
