pub mod audit;
pub mod users;
