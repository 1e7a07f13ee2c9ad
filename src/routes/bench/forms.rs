//! The two many-row forms of the bench, parsed once into typed rows: the batch of results
//! (`r_<test>` value, `v_<test>` version) and the review decision (repeated `test`, each with
//! its `v_<test>`, an `action` and a `reason`). A malformed id or version is a forged request.

use std::collections::HashMap;

use serde::Deserialize;

use crate::error::AppError;
use crate::models::catalog::TestMethodId;
use crate::models::lab_test::LabTestId;

/// The fields as posted, in order.
#[derive(Debug, Deserialize)]
#[serde(transparent)]
pub struct Posted(Vec<(String, String)>);

impl Posted {
    fn value(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }

    fn version_of(&self, id: LabTestId) -> Result<i32, AppError> {
        self.value(&format!("v_{id}"))
            .trim()
            .parse()
            .map_err(|_| AppError::BadRequest)
    }
}

/// What the analyst typed on a batch page.
pub struct BatchForm {
    /// Every value as typed, by field name (the page shows them again on an error).
    pub typed: HashMap<String, String>,
    /// The rows with a value: test, the version the page showed, the value as typed.
    pub entries: Vec<(LabTestId, i32, String)>,
}

impl TryFrom<Posted> for BatchForm {
    type Error = AppError;

    fn try_from(posted: Posted) -> Result<Self, AppError> {
        let mut entries = Vec::new();
        for (name, value) in &posted.0 {
            let Some(id) = name.strip_prefix("r_") else {
                continue;
            };
            if value.trim().is_empty() {
                continue;
            }
            let id: LabTestId = id.parse().map_err(|_| AppError::BadRequest)?;
            entries.push((id, posted.version_of(id)?, value.clone()));
        }
        Ok(BatchForm {
            typed: posted.0.into_iter().collect(),
            entries,
        })
    }
}

/// One row of a worksheet as posted: the test, the version the page showed, and the four
/// fields as typed.
pub struct WorksheetRow {
    pub id: LabTestId,
    pub version: i32,
    pub reading: String,
    pub instrument: String,
    pub analysed_on: String,
    pub comment: String,
}

/// What the analyst typed on a worksheet (`v_<test>` version, `r_` reading, `i_` instrument,
/// `d_` day of analysis, `c_` comment).
pub struct WorksheetForm {
    /// Every value as typed, by field name (the page shows them again on an error).
    pub typed: HashMap<String, String>,
    /// The rows with anything typed in them.
    pub rows: Vec<WorksheetRow>,
}

impl TryFrom<Posted> for WorksheetForm {
    type Error = AppError;

    fn try_from(posted: Posted) -> Result<Self, AppError> {
        let mut rows = Vec::new();
        for (name, _) in &posted.0 {
            let Some(id) = name.strip_prefix("v_") else {
                continue;
            };
            let id: LabTestId = id.parse().map_err(|_| AppError::BadRequest)?;
            let field = |prefix: &str| posted.value(&format!("{prefix}_{id}")).to_owned();
            let row = WorksheetRow {
                id,
                version: posted.version_of(id)?,
                reading: field("r"),
                instrument: field("i"),
                analysed_on: field("d"),
                comment: field("c"),
            };
            let typed = [
                &row.reading,
                &row.instrument,
                &row.analysed_on,
                &row.comment,
            ];
            if typed.iter().any(|t| !t.trim().is_empty()) {
                rows.push(row);
            }
        }
        Ok(WorksheetForm {
            typed: posted.0.into_iter().collect(),
            rows,
        })
    }
}

/// What a reviewer decided on the review page.
pub struct ReviewForm {
    pub action: String,
    pub reason: String,
    /// The tests ticked, with the versions the page showed.
    pub selected: Vec<(LabTestId, i32)>,
    /// The method whose review page it was (none: the page of all methods).
    pub method: Option<TestMethodId>,
}

impl TryFrom<Posted> for ReviewForm {
    type Error = AppError;

    fn try_from(posted: Posted) -> Result<Self, AppError> {
        let selected = posted
            .0
            .iter()
            .filter(|(k, _)| k == "test")
            .map(|(_, v)| {
                let id: LabTestId = v.parse().map_err(|_| AppError::BadRequest)?;
                Ok((id, posted.version_of(id)?))
            })
            .collect::<Result<_, AppError>>()?;
        let method = match posted.value("method").trim() {
            "" => None,
            id => Some(id.parse().map_err(|_| AppError::BadRequest)?),
        };
        Ok(ReviewForm {
            action: posted.value("action").to_owned(),
            reason: posted.value("reason").to_owned(),
            selected,
            method,
        })
    }
}
