pub mod audit;
pub mod catalog;
pub mod outbox;
pub mod users;
