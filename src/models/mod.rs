//! Read structs, write structs and the queries of each table.

pub mod api_token;
pub mod application;
pub mod audit;
pub mod border_check;
pub mod border_post;
pub mod catalog;
pub mod certificate;
pub mod consignment;
pub mod counter;
pub mod custody;
pub mod declaration;
pub mod discrepancy;
pub mod exporter;
pub mod gacc_registration;
pub mod lab_test;
pub mod login_throttle;
pub mod mail_opt_out;
pub mod notification;
pub mod outbox;
pub mod password_reset;
pub mod sample;
pub mod session;
pub mod user;

pub use audit::{Actor, AuditEntry};
pub use border_post::{BorderPost, BorderPostId};
pub use catalog::{Commodity, CommodityId, LimitSet, LimitSetId, TestMethod, TestMethodId};
pub use exporter::{Exporter, ExporterId};
pub use user::{User, UserId};
