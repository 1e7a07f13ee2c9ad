//! The administrator's catalog pages: commodities, test methods, limit sets with their limits,
//! and the default panels each side runs for a commodity.

use serde::Deserialize;

use crate::domain::catalog::FieldErrors;

pub mod commodities;
pub mod declarations;
pub mod limit_sets;
pub mod overview;
pub mod panels;
pub mod test_methods;

/// The field errors of a form as its template reads them: `errors.get("hs_code")`.
#[derive(Debug, Default)]
pub struct Errors(pub FieldErrors);

impl Errors {
    /// The catalog key of the message beside `field`, if it is wrong.
    pub fn get(&self, field: &str) -> Option<&'static str> {
        self.0.iter().find(|(f, _)| *f == field).map(|(_, e)| *e)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Adds an error unless the field already has one (the first message is the useful one).
    pub fn push(&mut self, field: &'static str, key: &'static str) {
        if self.get(field).is_none() {
            self.0.push((field, key));
        }
    }
}

/// `?saved=…` after a redirect: which confirmation the page shows.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SavedQuery {
    saved: String,
}

impl SavedQuery {
    /// The catalog key of the confirmation, if the value is one we sent.
    pub fn notice(&self) -> Option<&'static str> {
        match self.saved.as_str() {
            "created" => Some("catalog.notice.created"),
            "updated" => Some("catalog.notice.updated"),
            "added" => Some("catalog.notice.added"),
            "removed" => Some("catalog.notice.removed"),
            "retired" => Some("declarations.retired"),
            _ => None,
        }
    }
}

/// A checkbox's value as a browser sends it: present ("on") when ticked, absent otherwise.
pub fn ticked(value: &str) -> bool {
    matches!(value, "on" | "true" | "1")
}
