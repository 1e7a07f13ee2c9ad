//! The analysts' bench (pending tests of their side, batch result entry per method) and the
//! reviewers' queue (verify or reject, one or many, never their own entries).

pub mod batch;
pub mod forms;
pub mod queue;
pub mod review;
pub mod worksheet;

use crate::models::catalog::LimitRule;
use crate::models::lab_test::{LabTest, ReadingKind};
use crate::web::Base;

/// A test's result as the reader reads it, the number as the analyst typed it: "1.0 mg/kg",
/// "< 0.01 mg/kg", "below the limit of quantification", "not detected"…
pub fn result_text(base: &Base, test: &LabTest) -> String {
    let with_unit = |text: &str| {
        format!("{} {}", text, test.unit.as_deref().unwrap_or(""))
            .trim()
            .to_owned()
    };
    match (test.reading, test.reading_as_entered.as_deref()) {
        (None, _) => String::new(),
        (Some(ReadingKind::Value | ReadingKind::BelowLoq), Some(typed)) => with_unit(typed),
        (Some(ReadingKind::Value), None) => with_unit(test.value.as_deref().unwrap_or("")),
        (Some(ReadingKind::BelowLoq), None) if test.value.is_some() => {
            with_unit(&format!("< {}", test.value.as_deref().unwrap_or("")))
        }
        (Some(kind), _) => base.tk("reading.", kind.as_str()).to_owned(),
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
