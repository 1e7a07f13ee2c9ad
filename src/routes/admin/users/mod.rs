//! The administrator's user pages.

pub mod activation;
pub mod create;
pub mod edit;
pub mod form;
pub mod list;
pub mod new;
pub mod reset_password;
pub mod throttles;
pub mod update;
