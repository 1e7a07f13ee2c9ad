//! Testing applications: filed by exporters (or registrars), decided by registrars.

pub mod decide;
pub mod export;
pub mod form;
pub mod list;
pub mod resubmit;
pub mod show;
