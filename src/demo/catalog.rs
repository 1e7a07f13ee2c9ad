//! The demo catalog that `jointlab seed-demo` adds: the commodities Kazakhstan exports to China
//! through Khorgos and Dostyk, the test methods both labs run on them, the CN and EAEU limit
//! sets and the default panels of both sides. Every row is marked `demo`, and the pages tag it,
//! so that nobody mistakes it for a checked reference. Running the seed again changes nothing.

mod limits;
mod methods;

use std::collections::HashMap;

use diesel::QueryResult;

use crate::db::DbConn;
use crate::db::ids::{CommodityId, LimitSetId};
use crate::domain::catalog::{MethodCode, Names, Unit};
use crate::domain::{DecimalText, HsCode};
use crate::error::AppError;
use crate::models::catalog::{
    CommodityEntry, CommodityKind, Limit, LimitEntry, MethodEntry, NewLimitSet, PanelTest,
    ResultKind,
};
use crate::models::{Actor, Commodity, LimitSet, TestMethod};
use crate::workflows::catalog as workflow;

const WHEAT: &str = "100199";
const BARLEY: &str = "100390";
const FLAX: &str = "120400";
const SUNFLOWER_MEAL: &str = "230630";
const ALFALFA: &str = "121410";
const MUTTON: &str = "020443";
const BEEF: &str = "020230";
const HONEY: &str = "040900";
const HIDES: &str = "410150";

/// (HS code, kind, names: en, ru, kk, zh)
type DemoCommodity = (&'static str, CommodityKind, [&'static str; 4]);

#[rustfmt::skip]
const COMMODITIES: &[DemoCommodity] = &[
    (WHEAT, CommodityKind::Plant, ["Wheat", "Пшеница", "Бидай", "小麦"]),
    (BARLEY, CommodityKind::Plant, ["Barley", "Ячмень", "Арпа", "大麦"]),
    (FLAX, CommodityKind::Plant, ["Flax seed", "Семена льна", "Зығыр тұқымы", "亚麻籽"]),
    (SUNFLOWER_MEAL, CommodityKind::Plant, ["Sunflower meal", "Шрот подсолнечный", "Күнбағыс шроты", "葵花籽粕"]),
    (ALFALFA, CommodityKind::Plant, ["Alfalfa hay", "Сено люцерны", "Жоңышқа шөбі", "苜蓿干草"]),
    (MUTTON, CommodityKind::Animal, ["Frozen mutton, boneless", "Баранина замороженная бескостная",
        "Мұздатылған сүйексіз қой еті", "冷冻去骨绵羊肉"]),
    (BEEF, CommodityKind::Animal, ["Frozen beef, boneless", "Говядина замороженная бескостная",
        "Мұздатылған сүйексіз сиыр еті", "冷冻去骨牛肉"]),
    (HONEY, CommodityKind::Animal, ["Natural honey", "Мёд натуральный", "Табиғи бал", "天然蜂蜜"]),
    (HIDES, CommodityKind::Animal, ["Raw bovine hides", "Шкуры крупного рогатого скота необработанные",
        "Ірі қара малдың өңделмеген терілері", "生牛皮"]),
];

/// (code, names: en, ru, kk, zh, reference)
type DemoLimitSet = (&'static str, [&'static str; 4], &'static str);

#[rustfmt::skip]
const LIMIT_SETS: &[DemoLimitSet] = &[
    ("CN", ["China (GB national food safety standards)",
        "Китай (национальные стандарты безопасности пищевой продукции GB)",
        "Қытай (GB ұлттық тамақ қауіпсіздігі стандарттары)", "中国（GB食品安全国家标准）"],
        "GB 2761-2017; GB 2762-2022; GB 2763-2021; GB 31650-2019; GB 13078-2017; GB 14882-1994; \
         PRC list of quarantine pests (2021)"),
    ("EAEU", ["Eurasian Economic Union (technical regulations)",
        "ЕАЭС (технические регламенты Таможенного союза)",
        "ЕАЭО (Кеден одағының техникалық регламенттері)", "欧亚经济联盟（海关联盟技术法规）"],
        "TR TS 015/2011 (grain); TR TS 021/2011 (food); TR TS 034/2013 (meat); \
         EAEU Decisions No. 317 (2010) and No. 158 (2016)"),
];

/// Adds the demo catalog inside the caller's transaction, through the catalog workflow (each
/// row audited, as `actor`); what already exists (a demo commodity with the same HS code, a
/// method, set, limit or panel test with the same key) is left as it is, so running it twice
/// changes nothing.
pub fn seed_catalog(conn: &mut DbConn, actor: &Actor) -> Result<(), AppError> {
    let mut commodities: HashMap<&str, CommodityId> = HashMap::new();
    for (hs, kind, names) in COMMODITIES {
        let id = match Commodity::find_demo(conn, hs)? {
            Some(c) => c.id,
            None => workflow::seed_commodity(conn, actor, &commodity(hs, *kind, names)?)?.id,
        };
        commodities.insert(hs, id);
    }
    let mut methods = HashMap::new();
    for demo in methods::METHODS {
        let method = match TestMethod::find_by_code(conn, demo.code)? {
            Some(m) => m,
            None => workflow::seed_test_method(conn, actor, &method(demo)?)?,
        };
        methods.insert(demo.code, method);
    }
    let mut sets: HashMap<&str, LimitSetId> = HashMap::new();
    for (code, names, reference) in LIMIT_SETS {
        let id = match LimitSet::find_by_code(conn, code)? {
            Some(s) => s.id,
            None => workflow::seed_limit_set(conn, actor, &limit_set(code, names, reference)?)?.id,
        };
        sets.insert(code, id);
    }
    let commodity_id = |hs: &str| commodities.get(hs).copied().ok_or_else(|| bad(hs));
    let method = |code: &str| methods.get(code).ok_or_else(|| bad(code));
    for (set, hs_codes, code, rule, value, reference) in limits::LIMITS {
        let set = sets.get(set).copied().ok_or_else(|| bad(set))?;
        let method = method(code)?;
        for hs in *hs_codes {
            let commodity = commodity_id(hs)?;
            if Limit::find_for(conn, set, commodity, method.id)?.is_some() {
                continue;
            }
            let value = value.map(DecimalText::parse).transpose().map_err(bad)?;
            let entry = LimitEntry::new(
                set,
                commodity,
                (method.id, method.result_kind, method.unit.as_deref()),
                *rule,
                value,
                reference.to_string(),
            )
            .map_err(|e| bad(&format!("limit {code} for {hs}: {e:?}")))?;
            workflow::seed_limit(conn, actor, &entry)?;
        }
    }
    for (hs_codes, code, sides) in limits::PANELS {
        let method = method(code)?.id;
        for hs in *hs_codes {
            let commodity = commodity_id(hs)?;
            for side in *sides {
                if !PanelTest::exists(conn, commodity, method, *side)? {
                    workflow::seed_panel_test(conn, actor, commodity, method, *side)?;
                }
            }
        }
    }
    Ok(())
}

/// Demo data that does not parse: a programming error the unit tests catch, reported as a
/// failed query so that the seed's transaction rolls back.
fn bad(what: &str) -> diesel::result::Error {
    diesel::result::Error::QueryBuilderError(format!("invalid demo catalog entry: {what}").into())
}

fn names(input: &[&str; 4]) -> QueryResult<Names> {
    Names::parse(*input).map_err(|e| bad(&format!("{input:?}: {e:?}")))
}

fn commodity(hs: &str, kind: CommodityKind, n: &[&str; 4]) -> QueryResult<CommodityEntry> {
    Ok(CommodityEntry {
        names: names(n)?,
        hs_code: HsCode::parse(hs).map_err(bad)?,
        kind,
        active: true,
    })
}

fn method(demo: &methods::DemoMethod) -> QueryResult<MethodEntry> {
    let result_kind = match demo.unit {
        Some(_) => ResultKind::Quantitative,
        None => ResultKind::Qualitative,
    };
    let decimal = |s: &str| DecimalText::parse(s).map_err(bad);
    let (lod, loq) = match demo.lod_loq {
        Some((lod, loq)) => (Some(decimal(lod)?), Some(decimal(loq)?)),
        None => (None, None),
    };
    let rules =
        MethodEntry::rule_errors(result_kind, demo.unit.is_some(), lod.as_ref(), loq.as_ref());
    if !rules.is_empty() {
        return Err(bad(&format!("{}: {rules:?}", demo.code)));
    }
    let [standard_kz, standard_cn] = demo.standards.map(str::to_owned);
    Ok(MethodEntry {
        code: MethodCode::parse(demo.code).map_err(bad)?,
        names: names(&demo.names)?,
        discipline: demo.discipline,
        result_kind,
        unit: demo.unit.map(Unit::parse).transpose().map_err(bad)?,
        lod,
        loq,
        standard_kz,
        standard_cn,
        active: true,
    })
}

fn limit_set(code: &str, n: &[&str; 4], reference: &str) -> QueryResult<NewLimitSet> {
    Ok(NewLimitSet {
        code: code.to_owned(),
        names: names(n)?,
        reference: reference.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_demo_entry_parses_and_every_reference_resolves() {
        for (hs, kind, n) in COMMODITIES {
            commodity(hs, *kind, n).unwrap();
        }
        for demo in methods::METHODS {
            method(demo).unwrap();
        }
        let codes: Vec<&str> = methods::METHODS.iter().map(|m| m.code).collect();
        let hs_codes: Vec<&str> = COMMODITIES.iter().map(|c| c.0).collect();
        for (set, hs, code, rule, value, _) in limits::LIMITS {
            assert!(LIMIT_SETS.iter().any(|s| s.0 == *set), "{set}");
            assert!(codes.contains(code), "{code}");
            assert!(hs.iter().all(|h| hs_codes.contains(h)), "{hs:?}");
            let quantitative = methods::METHODS
                .iter()
                .any(|m| m.code == *code && m.unit.is_some());
            let numeric = *rule != crate::models::catalog::LimitRule::NotDetected;
            assert_eq!(value.is_some(), numeric, "{set} {code}");
            assert!(!numeric || quantitative, "{set} {code}");
            if let Some(v) = value {
                DecimalText::parse(v).unwrap();
            }
        }
        for (hs, code, _) in limits::PANELS {
            assert!(codes.contains(code), "{code}");
            assert!(hs.iter().all(|h| hs_codes.contains(h)), "{hs:?}");
        }
    }
}
