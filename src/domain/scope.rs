//! Row scoping: which records a person may see at all. An exporter sees only their company's;
//! everyone else who may open a page sees every row (their side's blindness is applied to
//! results, not rows). One value serves every list and find, so "not yours" answers exactly
//! like "not found".

use crate::db::ids::ExporterId;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Lab staff, auditors, administrators.
    All,
    /// An exporter: their company's records only.
    Company(ExporterId),
}

impl Scope {
    /// The company a query must be restricted to, if any.
    pub fn company(self) -> Option<ExporterId> {
        match self {
            Scope::All => None,
            Scope::Company(id) => Some(id),
        }
    }
}
