//! The API test suite: every test starts its own server over a fresh database. SQLite by
//! default; PostgreSQL when JOINTLAB_TEST_DATABASE_URL names a server.

mod account;
mod api_v1;
mod audit;
mod authz;
mod bench_ux;
mod border;
mod catalog;
mod certificates;
mod cli;
mod concurrency;
mod csrf;
mod discrepancy;
mod eligibility;
mod ephyto;
mod health;
mod helpers;
mod hostile;
mod i18n;
mod intake;
mod layout;
mod limits;
mod login;
mod mail;
mod mail_inbox;
mod mail_reset;
mod migrations;
mod print;
mod redirects;
mod request_id;
mod signing;
mod testing;
mod timeline;
mod users;
mod verify;
mod workflows;
