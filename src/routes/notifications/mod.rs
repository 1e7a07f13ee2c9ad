//! The user's inbox: the events they were told of (also by mail, unless they opted out),
//! newest first, with the unread ones marked and a way to mark them read.

pub mod list;
pub mod read;
