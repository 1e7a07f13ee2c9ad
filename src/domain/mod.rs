//! Validated values: the only way to build one is through its constructor, so an invalid
//! e-mail, BIN or role combination cannot exist past the handler.

mod bin;
pub mod border;
pub mod catalog;
pub mod certificate;
mod common_passwords;
mod email;
pub mod intake;
pub mod measure;
pub mod notice;
mod people;
pub mod scope;
pub mod search;
pub mod text;

pub use bin::Bin;
pub use email::Email;
pub use intake::{DecimalText, HsCode};
pub use people::{DisplayName, NewPassword, PasswordOwner, Role, Side, TimeZone};
pub use scope::Scope;

/// Why a field was refused: a catalog key, shown beside the field in the user's language.
pub type FieldError = &'static str;
