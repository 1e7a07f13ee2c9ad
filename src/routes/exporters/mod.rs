//! Exporter companies: kept by the administrator and the registrars.

pub mod form;
pub mod list;
pub mod registrations;
pub mod save;
