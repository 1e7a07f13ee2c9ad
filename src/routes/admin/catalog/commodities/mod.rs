//! Commodities: list, new / create, edit / update.

pub mod create;
pub mod edit;
pub mod form;
pub mod list;
pub mod new;
pub mod update;
