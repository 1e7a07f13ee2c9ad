//! The additional declarations of destination protocols: listed, added, edited and retired by
//! the administrator.

pub mod edit;
pub mod form;
pub mod list;
pub mod retire;
