//! Writing test methods: the rules between result kind, unit, LOD and LOQ; insert, and edit
//! guarded by the version (the workflow audits both).

use std::cmp::Ordering;

use diesel::prelude::*;
use serde_json::json;

use super::TestMethod;
use crate::db::DbConn;
use crate::db::ids::TestMethodId;
use crate::db::schema::test_methods;
use crate::db::types::UtcTime;
use crate::domain::DecimalText;
use crate::domain::catalog::{Discipline, ResultKind};
use crate::domain::catalog::{FieldErrors, MethodCode, Names, Unit, compare_decimals};

/// A test method, validated: a quantitative method has a unit and a qualitative one has none
/// (nor LOD / LOQ, which are amounts in that unit); the LOQ is never below the LOD.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MethodEntry {
    pub code: MethodCode,
    pub names: Names,
    pub discipline: Discipline,
    pub result_kind: ResultKind,
    pub unit: Option<Unit>,
    pub lod: Option<DecimalText>,
    pub loq: Option<DecimalText>,
    /// The method standard the Kazakh side follows (ST RK / GOST).
    pub standard_kz: String,
    /// The method standard the Chinese side follows (GB, GB/T).
    pub standard_cn: String,
    pub active: bool,
}

impl MethodEntry {
    /// What is wrong with this combination of result kind, unit, LOD and LOQ (each field
    /// already parsed on its own).
    pub fn rule_errors(
        result_kind: ResultKind,
        has_unit: bool,
        lod: Option<&DecimalText>,
        loq: Option<&DecimalText>,
    ) -> FieldErrors {
        let mut errors = FieldErrors::new();
        match result_kind {
            ResultKind::Quantitative if !has_unit => {
                errors.push(("unit", "catalog.error.unit_required"));
            }
            ResultKind::Qualitative => {
                if has_unit {
                    errors.push(("unit", "catalog.error.unit_not_allowed"));
                }
                if lod.is_some() {
                    errors.push(("lod", "catalog.error.qualitative_no_lod"));
                }
                if loq.is_some() {
                    errors.push(("loq", "catalog.error.qualitative_no_lod"));
                }
            }
            ResultKind::Quantitative => {}
        }
        if let (Some(lod), Some(loq)) = (lod, loq)
            && compare_decimals(loq, lod) == Ordering::Less
        {
            errors.push(("loq", "catalog.error.loq_below_lod"));
        }
        errors
    }

    /// The entry as the audit log records it.
    pub fn audit_view(&self) -> serde_json::Value {
        json!({
            "code": self.code.as_str(),
            "name_en": self.names.en,
            "name_ru": self.names.ru,
            "name_kk": self.names.kk,
            "name_zh": self.names.zh,
            "discipline": self.discipline.as_str(),
            "result_kind": self.result_kind.as_str(),
            "unit": self.unit.as_ref().map(Unit::as_str),
            "lod": self.lod.as_ref().map(DecimalText::as_str),
            "loq": self.loq.as_ref().map(DecimalText::as_str),
            "standard_kz": self.standard_kz,
            "standard_cn": self.standard_cn,
            "active": self.active,
        })
    }
}

#[derive(Insertable, AsChangeset)]
#[diesel(table_name = test_methods, treat_none_as_null = true)]
struct MethodRow<'a> {
    code: &'a str,
    name_en: &'a str,
    name_ru: &'a str,
    name_kk: &'a str,
    name_zh: &'a str,
    discipline: Discipline,
    result_kind: ResultKind,
    unit: Option<&'a str>,
    lod: Option<&'a str>,
    loq: Option<&'a str>,
    standard_kz: &'a str,
    standard_cn: &'a str,
    active: bool,
    updated_at: UtcTime,
    version: i32,
}

impl<'a> MethodRow<'a> {
    fn of(entry: &'a MethodEntry, version: i32) -> Self {
        MethodRow {
            code: entry.code.as_str(),
            name_en: &entry.names.en,
            name_ru: &entry.names.ru,
            name_kk: &entry.names.kk,
            name_zh: &entry.names.zh,
            discipline: entry.discipline,
            result_kind: entry.result_kind,
            unit: entry.unit.as_ref().map(Unit::as_str),
            lod: entry.lod.as_ref().map(DecimalText::as_str),
            loq: entry.loq.as_ref().map(DecimalText::as_str),
            standard_kz: &entry.standard_kz,
            standard_cn: &entry.standard_cn,
            active: entry.active,
            updated_at: UtcTime::now(),
            version,
        }
    }
}

impl TestMethod {
    /// Adds a test method (`demo` for the demo catalog's rows).
    pub fn create(conn: &mut DbConn, entry: &MethodEntry, demo: bool) -> QueryResult<TestMethod> {
        let row = MethodRow::of(entry, 1);
        diesel::insert_into(test_methods::table)
            .values((
                test_methods::id.eq(TestMethodId::new()),
                row,
                test_methods::demo.eq(demo),
                test_methods::created_at.eq(UtcTime::now()),
            ))
            .returning(test_methods::all_columns)
            .get_result(conn)
    }

    /// Saves an edited test method if it is still at `version`; `None` if someone changed it
    /// first.
    pub fn update(
        conn: &mut DbConn,
        id: TestMethodId,
        version: i32,
        entry: &MethodEntry,
    ) -> QueryResult<Option<TestMethod>> {
        diesel::update(
            test_methods::table
                .find(id)
                .filter(test_methods::version.eq(version)),
        )
        .set(MethodRow::of(entry, version + 1))
        .returning(test_methods::all_columns)
        .get_result(conn)
        .optional()
    }

    pub fn find_by_code(conn: &mut DbConn, code: &str) -> QueryResult<Option<TestMethod>> {
        test_methods::table
            .filter(test_methods::code.eq(code))
            .select(TestMethod::as_select())
            .first(conn)
            .optional()
    }

    /// The methods a panel or a limit may name, by code.
    pub fn active(conn: &mut DbConn) -> QueryResult<Vec<TestMethod>> {
        test_methods::table
            .filter(test_methods::active.eq(true))
            .select(TestMethod::as_select())
            .order(test_methods::code)
            .load(conn)
    }

    pub fn count(conn: &mut DbConn) -> QueryResult<i64> {
        test_methods::table.count().get_result(conn)
    }

    /// LOD and LOQ as the lists show them: `0.03 / 0.1`, `— / 5`, or empty.
    pub fn lod_loq(&self) -> String {
        match (&self.lod, &self.loq) {
            (None, None) => String::new(),
            (lod, loq) => format!(
                "{} / {}",
                lod.as_deref().unwrap_or("—"),
                loq.as_deref().unwrap_or("—")
            ),
        }
    }

    /// The row as the audit log records it.
    pub fn audit_view(&self) -> serde_json::Value {
        json!({
            "code": self.code,
            "name_en": self.name_en,
            "name_ru": self.name_ru,
            "name_kk": self.name_kk,
            "name_zh": self.name_zh,
            "discipline": self.discipline.as_str(),
            "result_kind": self.result_kind.as_str(),
            "unit": self.unit,
            "lod": self.lod,
            "loq": self.loq,
            "standard_kz": self.standard_kz,
            "standard_cn": self.standard_cn,
            "active": self.active,
        })
    }
}

impl Discipline {
    /// The catalog key of the discipline's name.
    pub fn label_key(self) -> &'static str {
        match self {
            Discipline::QuarantinePest => "catalog.discipline.quarantine_pest",
            Discipline::Mycotoxin => "catalog.discipline.mycotoxin",
            Discipline::HeavyMetal => "catalog.discipline.heavy_metal",
            Discipline::PesticideResidue => "catalog.discipline.pesticide_residue",
            Discipline::Microbiology => "catalog.discipline.microbiology",
            Discipline::VeterinaryDrugResidue => "catalog.discipline.veterinary_drug_residue",
            Discipline::Radionuclide => "catalog.discipline.radionuclide",
            Discipline::VeterinaryDisease => "catalog.discipline.veterinary_disease",
        }
    }
}

impl ResultKind {
    /// The catalog key of the result kind's name.
    pub fn label_key(self) -> &'static str {
        match self {
            ResultKind::Quantitative => "catalog.result_kind.quantitative",
            ResultKind::Qualitative => "catalog.result_kind.qualitative",
        }
    }
}
