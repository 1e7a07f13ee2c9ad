//! The user form shared by "new" and "edit": raw values as typed (so nothing is lost when the
//! form comes back), their parsing into an [`Account`], and the page that shows them.

use askama::Template;

use crate::models::login_throttle::ThrottleRow;
use serde::Deserialize;

use crate::db::DbConn;
use crate::domain::{DisplayName, Email, Role, Side};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::models::user::{Account, AccountErrors};
use crate::models::{BorderPost, Exporter, User};
use crate::web::Base;

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct UserForm {
    pub email: String,
    pub display_name: String,
    pub role: String,
    pub side: String,
    pub exporter: String,
    pub border_post: String,
    pub language: String,
    pub version: String,
}

impl UserForm {
    pub fn from_user(user: &User) -> Self {
        UserForm {
            email: user.email.clone(),
            display_name: user.display_name.clone(),
            role: user.role.as_str().into(),
            side: user.side.map(|s| s.as_str().into()).unwrap_or_default(),
            exporter: user
                .exporter_id
                .map(|id| id.to_string())
                .unwrap_or_default(),
            border_post: user
                .border_post_id
                .map(|id| id.to_string())
                .unwrap_or_default(),
            language: user.language.as_str().into(),
            version: user.version.to_string(),
        }
    }

    /// Parses every field, collecting every error; ids must name an existing company / post.
    pub fn parse(&self, conn: &mut DbConn) -> Result<Result<Account, AccountErrors>, AppError> {
        let mut errors = AccountErrors::new();
        let email = Email::parse(&self.email)
            .map_err(|e| errors.push(("email", e)))
            .ok();
        let name = DisplayName::parse(&self.display_name)
            .map_err(|e| errors.push(("display_name", e)))
            .ok();
        let role = Role::parse(&self.role);
        if role.is_none() {
            errors.push(("role", "field.choose"));
        }
        let side = match self.side.as_str() {
            "" => None,
            s => Side::parse(s).or_else(|| {
                errors.push(("side", "field.choose"));
                None
            }),
        };
        let language = Lang::parse(&self.language).unwrap_or(Lang::Ru);
        // The company by its BIN as typed (or its id, from a link): a decade holds too many to
        // offer as a list.
        let exporter_id = match Exporter::named(conn, &self.exporter)? {
            Ok(company) => company.map(|e| e.id),
            Err(key) => {
                errors.push(("exporter", key));
                None
            }
        };
        let border_post_id = match self.border_post.parse() {
            Ok(id) => BorderPost::find(conn, id)?.map(|p| p.id),
            Err(_) => None,
        };
        if !self.border_post.is_empty() && border_post_id.is_none() {
            errors.push(("border_post", "field.choose"));
        }
        if let Some(role) = role {
            let linked =
                Account::link_errors(role, side, exporter_id.is_some(), border_post_id.is_some());
            for (field, key) in linked {
                if !errors.iter().any(|(f, _)| *f == field) {
                    errors.push((field, key));
                }
            }
        }
        let (Some(email), Some(name), Some(role)) = (email, name, role) else {
            return Ok(Err(errors));
        };
        if !errors.is_empty() {
            return Ok(Err(errors));
        }
        Ok(Account::new(
            email,
            name,
            role,
            side,
            exporter_id,
            border_post_id,
            language,
        ))
    }
}

#[derive(Template)]
#[template(path = "admin/users/form.html")]
pub struct UserFormPage {
    pub base: Base,
    pub form: UserForm,
    pub errors: AccountErrors,
    /// Catalog key of a message above the form (stale form, saved…).
    pub notice: Option<&'static str>,
    pub exporters: Vec<Exporter>,
    pub posts: Vec<BorderPost>,
    /// The account being edited (none on the "new" page).
    pub editing: Option<User>,
    pub open_sessions: i64,
    /// The account's failed-sign-in counts (the account-wide one and one per address).
    pub throttles: Vec<ThrottleRow>,
}

impl UserFormPage {
    /// Whether `user` is the administrator looking at the page (who cannot switch themselves
    /// off, so the page does not offer it).
    pub fn is_self(&self, user: &User) -> bool {
        self.base.user.as_ref().is_some_and(|me| me.id == user.id)
    }

    pub fn new(base: Base, form: UserForm, lists: (Vec<Exporter>, Vec<BorderPost>)) -> Self {
        UserFormPage {
            base,
            form,
            errors: Vec::new(),
            notice: None,
            exporters: lists.0,
            posts: lists.1,
            editing: None,
            open_sessions: 0,
            throttles: Vec::new(),
        }
    }

    /// The exporter field's value: the BIN of the company it names, else what was typed.
    pub fn exporter_typed(&self) -> String {
        self.exporters
            .first()
            .map_or_else(|| self.form.exporter.clone(), |e| e.bin.clone())
    }

    pub fn error(&self, field: &str) -> Option<&'static str> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, e)| *e)
    }

    pub fn action(&self) -> String {
        match &self.editing {
            Some(user) => format!("/admin/users/{}", user.id),
            None => "/admin/users".into(),
        }
    }

    pub fn stale(&self) -> bool {
        self.notice == Some("form.stale")
    }

    pub fn roles(&self) -> &'static [Role] {
        Role::ALL
    }

    pub fn sides(&self) -> &'static [Side] {
        Side::ALL
    }

    /// The end of a count's wait, if it is still waiting.
    pub fn waits_until(&self, row: &ThrottleRow) -> Option<crate::db::types::UtcTime> {
        let now = crate::db::types::UtcTime::now();
        row.wait_until.filter(|until| *until > now)
    }

    pub fn is_locked(&self, user: &User) -> bool {
        user.is_locked(crate::db::types::UtcTime::now())
    }
}

/// The company the exporter field names (none when it is empty), and the border posts the
/// form's select offers.
pub fn choices(
    conn: &mut DbConn,
    exporter: &str,
) -> Result<(Vec<Exporter>, Vec<BorderPost>), AppError> {
    let named = Exporter::named(conn, exporter)?.ok().flatten();
    Ok((named.into_iter().collect(), BorderPost::all(conn)?))
}

/// True when `e` is a unique-constraint violation (a second account with the same e-mail).
pub fn is_unique_violation(e: &diesel::result::Error) -> bool {
    matches!(
        e,
        diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)
    )
}
