//! Read models: what a page shows when it needs rows of several tables at once (a side's
//! bench, the review queue, a sample's results with their methods, the dashboards). Models
//! know one table each; these compose them, read-only.

pub mod border;
pub mod catalog;
pub mod certification;
pub mod dashboards;
pub mod eligibility;
pub mod history;
pub mod testing;
pub mod timeline;
pub mod verification;
