//! Writing limit sets and their limits: a limit is a maximum, a minimum (both with a value in
//! the method's unit) or "not detected"; one per (set, commodity, method). The workflow audits
//! each change.

use diesel::prelude::*;
use serde_json::json;

use super::{Limit, LimitSet};
use crate::db::DbConn;
use crate::db::ids::{CommodityId, LimitId, LimitSetId, TestMethodId};
use crate::db::schema::{limit_sets, limits};
use crate::db::types::UtcTime;
use crate::domain::DecimalText;
use crate::domain::catalog::{FieldErrors, Names};
use crate::domain::catalog::{LimitRule, ResultKind};

/// A destination market's limit set, as the demo catalog describes it.
#[derive(Debug, Clone)]
pub struct NewLimitSet {
    pub code: String,
    pub names: Names,
    pub reference: String,
}

/// One limit, validated against its method: a value for a maximum or minimum (which only a
/// quantitative method can be held against), none for "not detected".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LimitEntry {
    pub limit_set_id: LimitSetId,
    pub commodity_id: CommodityId,
    pub test_method_id: TestMethodId,
    pub rule: LimitRule,
    pub value: Option<DecimalText>,
    /// The method's unit, copied: the value is always read in the unit results come in.
    pub unit: Option<String>,
    pub reference: String,
}

impl LimitEntry {
    /// Checks the rule and value against the method; the caller has parsed each field.
    pub fn new(
        set: LimitSetId,
        commodity: CommodityId,
        (method, method_kind, method_unit): (TestMethodId, ResultKind, Option<&str>),
        rule: LimitRule,
        value: Option<DecimalText>,
        reference: String,
    ) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let numeric = matches!(rule, LimitRule::Max | LimitRule::Min);
        if numeric && method_kind == ResultKind::Qualitative {
            errors.push(("rule", "catalog.error.rule_needs_quantitative"));
        }
        match (numeric, &value) {
            (true, None) => errors.push(("value", "catalog.error.value_required")),
            (false, Some(_)) => errors.push(("value", "catalog.error.value_not_allowed")),
            _ => {}
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(LimitEntry {
            limit_set_id: set,
            commodity_id: commodity,
            test_method_id: method,
            rule,
            unit: value.as_ref().and(method_unit.map(str::to_owned)),
            value,
            reference,
        })
    }
}

#[derive(Insertable)]
#[diesel(table_name = limits)]
struct NewLimit<'a> {
    id: LimitId,
    limit_set_id: LimitSetId,
    commodity_id: CommodityId,
    test_method_id: TestMethodId,
    rule: LimitRule,
    value: Option<&'a str>,
    unit: Option<&'a str>,
    reference: &'a str,
    created_at: UtcTime,
}

impl Limit {
    pub fn find(conn: &mut DbConn, id: LimitId) -> QueryResult<Option<Limit>> {
        limits::table
            .find(id)
            .select(Limit::as_select())
            .first(conn)
            .optional()
    }

    /// The limit of a set for a commodity and method, if there is one.
    pub fn find_for(
        conn: &mut DbConn,
        set: LimitSetId,
        commodity: CommodityId,
        method: TestMethodId,
    ) -> QueryResult<Option<Limit>> {
        limits::table
            .filter(limits::limit_set_id.eq(set))
            .filter(limits::commodity_id.eq(commodity))
            .filter(limits::test_method_id.eq(method))
            .select(Limit::as_select())
            .first(conn)
            .optional()
    }

    pub fn count(conn: &mut DbConn) -> QueryResult<i64> {
        limits::table.count().get_result(conn)
    }

    /// Adds a limit to its set.
    pub fn add(conn: &mut DbConn, entry: &LimitEntry) -> QueryResult<Limit> {
        diesel::insert_into(limits::table)
            .values(NewLimit {
                id: LimitId::new(),
                limit_set_id: entry.limit_set_id,
                commodity_id: entry.commodity_id,
                test_method_id: entry.test_method_id,
                rule: entry.rule,
                value: entry.value.as_ref().map(DecimalText::as_str),
                unit: entry.unit.as_deref(),
                reference: &entry.reference,
                created_at: UtcTime::now(),
            })
            .returning(limits::all_columns)
            .get_result(conn)
    }

    /// Removes a limit; `false` if it was not there (any more).
    pub fn remove(conn: &mut DbConn, id: LimitId) -> QueryResult<bool> {
        let removed = diesel::delete(limits::table.find(id)).execute(conn)?;
        Ok(removed == 1)
    }

    /// The value as a page shows it: `5 µg/kg`, or empty for "not detected".
    pub fn amount(&self) -> String {
        match (&self.value, &self.unit) {
            (Some(value), Some(unit)) => format!("{value} {unit}"),
            (Some(value), None) => value.clone(),
            (None, _) => String::new(),
        }
    }

    /// The row as the audit log records it.
    pub fn audit_view(&self) -> serde_json::Value {
        json!({
            "limit_set_id": self.limit_set_id.to_string(),
            "commodity_id": self.commodity_id.to_string(),
            "test_method_id": self.test_method_id.to_string(),
            "rule": self.rule.as_str(),
            "value": self.value,
            "unit": self.unit,
            "reference": self.reference,
        })
    }
}

#[derive(Insertable)]
#[diesel(table_name = limit_sets)]
struct LimitSetRow<'a> {
    id: LimitSetId,
    code: &'a str,
    name_en: &'a str,
    name_ru: &'a str,
    name_kk: &'a str,
    name_zh: &'a str,
    reference: &'a str,
    demo: bool,
    created_at: UtcTime,
}

impl LimitSet {
    /// Adds a limit set (`demo` for the demo catalog's rows).
    pub fn create(conn: &mut DbConn, new: &NewLimitSet, demo: bool) -> QueryResult<LimitSet> {
        diesel::insert_into(limit_sets::table)
            .values(LimitSetRow {
                id: LimitSetId::new(),
                code: &new.code,
                name_en: &new.names.en,
                name_ru: &new.names.ru,
                name_kk: &new.names.kk,
                name_zh: &new.names.zh,
                reference: &new.reference,
                demo,
                created_at: UtcTime::now(),
            })
            .returning(limit_sets::all_columns)
            .get_result(conn)
    }

    /// The set as the audit log records its creation.
    pub fn audit_view(&self) -> serde_json::Value {
        json!({ "code": self.code, "name_en": self.name_en, "reference": self.reference })
    }

    /// Every limit set by code, with the number of its limits.
    pub fn with_counts(conn: &mut DbConn) -> QueryResult<Vec<(LimitSet, i64)>> {
        let sets = LimitSet::all(conn)?;
        let counts: Vec<(LimitSetId, i64)> = limits::table
            .group_by(limits::limit_set_id)
            .select((limits::limit_set_id, diesel::dsl::count_star()))
            .load(conn)?;
        Ok(sets
            .into_iter()
            .map(|set| {
                let n = counts
                    .iter()
                    .find(|(id, _)| *id == set.id)
                    .map_or(0, |c| c.1);
                (set, n)
            })
            .collect())
    }

    pub fn count(conn: &mut DbConn) -> QueryResult<i64> {
        limit_sets::table.count().get_result(conn)
    }
}

impl LimitRule {
    /// The catalog key of the rule's name.
    pub fn label_key(self) -> &'static str {
        match self {
            LimitRule::Max => "catalog.rule.max",
            LimitRule::Min => "catalog.rule.min",
            LimitRule::NotDetected => "catalog.rule.not_detected",
        }
    }
}
