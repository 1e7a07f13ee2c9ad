//! Limit sets: the list, a set's page with its limits per commodity, adding and removing a
//! limit.

pub mod add_limit;
pub mod list;
pub mod remove_limit;
pub mod show;
