//! TEMPORARY placeholder until the signing branch is merged (it replaces this file).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Claims {
    pub iss: String,
    pub iat: i64,
    pub exp: i64,
    pub sub: String,
    pub kind: String,
    pub exporter: String,
    pub commodity: String,
    pub hs: String,
    pub qty: String,
    pub dest: String,
    pub post: String,
}

#[derive(Clone, Default)]
pub struct SharedKeyring;

impl SharedKeyring {
    pub fn sign(&self, claims: &Claims, _now: DateTime<Utc>) -> Result<String, String> {
        Ok(format!("stub.{}.sig", serde_json::to_string(claims).map_err(|e| e.to_string())?))
    }
}
