//! The mail outbox for the administrator: what waits, what went, what was parked after too
//! many failures — and a retry for the parked.

pub mod list;
pub mod retry;
