//! Consignments: the list, one consignment with its samples, and registering a sample.

pub mod export;
pub mod list;
pub mod show;
pub mod timeline;
