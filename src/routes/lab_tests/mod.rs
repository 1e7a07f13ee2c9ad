//! A side's reviewers manage the tests of a sample: add one, remove a pending one, invalidate
//! a verified one (which puts a linked retest on the bench) — each with a reason, audited.

pub mod manage;
