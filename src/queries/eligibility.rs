//! TEMPORARY placeholder until the eligibility branch is merged (it replaces this file).

use chrono::NaiveDate;
use diesel::QueryResult;

use crate::db::DbConn;
use crate::db::ids::{CommodityId, ExporterId, LimitSetId};

pub struct GaccRegistration {
    pub register_number: String,
}

pub struct Declaration {
    pub code: String,
    pub text_en: String,
    pub text_ru: String,
    pub text_kk: String,
    pub text_zh: String,
}

pub fn registration_for(
    _conn: &mut DbConn,
    _exporter: ExporterId,
    _commodity: CommodityId,
    _day: NaiveDate,
) -> QueryResult<Option<GaccRegistration>> {
    Ok(Some(GaccRegistration {
        register_number: "CKZ0000000000".into(),
    }))
}

pub fn requires_gacc(_conn: &mut DbConn, _limit_set: LimitSetId) -> QueryResult<bool> {
    Ok(true)
}

pub fn declarations_for(
    _conn: &mut DbConn,
    _limit_set: LimitSetId,
    _commodity: CommodityId,
) -> QueryResult<Vec<Declaration>> {
    Ok(Vec::new())
}
