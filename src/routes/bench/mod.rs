//! The analysts' bench (pending tests of their side, batch result entry per method) and the
//! reviewers' queue (verify or reject, one or many, never their own entries).

pub mod batch;
pub mod forms;
pub mod queue;
pub mod review;

use crate::models::catalog::LimitRule;
use crate::models::lab_test::{LabTest, ReadingKind};
use crate::web::Base;

/// A test's result as the reader reads it: "0.004 mg/kg", "< LOQ", "not detected"…
pub fn result_text(base: &Base, test: &LabTest) -> String {
    match test.reading {
        None => String::new(),
        Some(ReadingKind::Value) => format!(
            "{} {}",
            test.value.as_deref().unwrap_or(""),
            test.unit.as_deref().unwrap_or("")
        )
        .trim()
        .to_owned(),
        Some(kind) => base.tk("reading.", kind.as_str()).to_owned(),
    }
}

/// The limit a result was held against: "≤ 5 µg/kg", "≥ 12 %", "not detected".
pub fn limit_text(base: &Base, test: &LabTest) -> String {
    let value = || {
        format!(
            "{} {}",
            test.limit_value.as_deref().unwrap_or(""),
            test.limit_unit.as_deref().unwrap_or("")
        )
        .trim()
        .to_owned()
    };
    match test.limit_rule {
        None => String::new(),
        Some(LimitRule::Max) => format!("≤ {}", value()),
        Some(LimitRule::Min) => format!("≥ {}", value()),
        Some(LimitRule::NotDetected) => base.t("rule.not_detected").to_owned(),
    }
}
