pub mod mail;
pub mod password;
pub mod preferences;
pub mod show;
pub mod tokens;
