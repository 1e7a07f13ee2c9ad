//! Demo eligibility for `jointlab seed-demo`: the grain company's GACC registrations (wheat
//! by commodity, barley by its HS heading), the meat company's expired mutton registration
//! (so its applications show the warning), and China's additional declarations. Added through
//! the workflows, as the system; what exists is left as it is.

use chrono::{Duration, NaiveDate};

use super::intake::commodity;
use crate::db::DbConn;
use crate::error::AppError;
use crate::models::declaration::{Declaration, DeclarationEntry};
use crate::models::gacc_registration::{Coverage, GaccRegistration, RegistrationEntry};
use crate::models::{Actor, Exporter, LimitSet};
use crate::workflows::eligibility as workflow;

/// (code, HS code of the commodity or `None` for all, texts en, ru, kk, zh)
type DemoDeclaration = (&'static str, Option<&'static str>, [&'static str; 4]);

const DECLARATIONS: &[DemoDeclaration] = &[
    (
        "CN-QUARANTINE-PESTS",
        None,
        [
            "The consignment is free from quarantine pests of concern to the People's Republic of China.",
            "Партия груза свободна от карантинных вредных организмов, имеющих значение для Китайской Народной Республики.",
            "Жүк партиясы Қытай Халық Республикасы үшін маңызы бар карантиндік зиянды организмдерден таза.",
            "该批货物不带有中华人民共和国关注的检疫性有害生物。",
        ],
    ),
    (
        "CN-TILLETIA",
        Some("100199"),
        [
            "The wheat is free from Tilletia indica (Karnal bunt).",
            "Пшеница свободна от Tilletia indica (индийской головни).",
            "Бидай Tilletia indica (үнді қаракүйесі) саңырауқұлағынан таза.",
            "该小麦不带有小麦印度腥黑穗病菌（Tilletia indica）。",
        ],
    ),
    (
        "CN-KHAPRA-WHEAT",
        Some("100199"),
        [
            "The wheat was produced in and shipped from an area free of khapra beetle (Trogoderma granarium).",
            "Пшеница произведена и отгружена из зоны, свободной от капрового жука (Trogoderma granarium).",
            "Бидай қапра қоңызынан (Trogoderma granarium) таза аймақта өндіріліп, сол жерден жөнелтілген.",
            "该小麦产自并输出自无谷斑皮蠹（Trogoderma granarium）的地区。",
        ],
    ),
    (
        "CN-BARLEY-SOIL",
        Some("100390"),
        [
            "The barley is free from soil, live insects and weed seeds of quarantine concern to China.",
            "Ячмень свободен от почвы, живых насекомых и семян сорных растений, имеющих карантинное значение для Китая.",
            "Арпа топырақтан, тірі жәндіктерден және Қытай үшін карантиндік маңызы бар арамшөп тұқымдарынан таза.",
            "该大麦不带土壤、活虫及中方关注的检疫性杂草种子。",
        ],
    ),
    (
        "CN-FMD-MUTTON",
        Some("020443"),
        [
            "The mutton is derived from sheep born and raised in an area free of foot-and-mouth disease and slaughtered at an establishment registered with GACC.",
            "Баранина получена от овец, рождённых и выращенных в зоне, свободной от ящура, и забитых на предприятии, зарегистрированном в GACC.",
            "Қой еті аусылдан таза аймақта туып-өскен қойлардан алынған және GACC-те тіркелген кәсіпорында сойылған.",
            "该羊肉来自在无口蹄疫地区出生和饲养、并在GACC注册企业屠宰的羊。",
        ],
    ),
];

fn done<T>(step: crate::workflows::Step<T>, what: &str) -> Result<T, AppError> {
    step.map_err(|halt| AppError::internal(format!("demo eligibility, {what}: {halt:?}")))
}

/// Adds the demo registrations and declarations inside the caller's transaction.
pub fn seed_eligibility(
    conn: &mut DbConn,
    actor: &Actor,
    companies: &[Exporter],
) -> Result<(), AppError> {
    let (Some(wheat), Some(mutton), Some(china)) = (
        commodity(conn, "100199")?,
        commodity(conn, "020443")?,
        LimitSet::find_by_code(conn, "CN")?,
    ) else {
        return Ok(()); // no demo catalog
    };
    let today = chrono::Utc::now().date_naive();
    let day = |days: i64| -> NaiveDate { today + Duration::days(days) };
    let plans: [(usize, &str, Coverage, NaiveDate, Option<NaiveDate>); 3] = [
        (
            0,
            "CKZ3001002021120023",
            Coverage::Commodity(wheat),
            day(-400),
            Some(day(3 * 365)),
        ),
        (
            0,
            "CKZ3001002022060107",
            Coverage::Heading("1003".into()),
            day(-200),
            None,
        ),
        (
            1,
            "CKZ0204002019030011",
            Coverage::Commodity(mutton),
            day(-3 * 365),
            Some(day(-30)),
        ),
    ];
    for (company, number, coverage, valid_from, valid_to) in plans {
        let Some(company) = companies.get(company) else {
            continue;
        };
        let held = GaccRegistration::of_exporter(conn, company.id)?;
        if held.iter().any(|r| r.register_number == number) {
            continue;
        }
        let entry = RegistrationEntry {
            exporter_id: company.id,
            register_number: number.to_owned(),
            coverage,
            valid_from,
            valid_to,
        };
        done(
            workflow::seed_registration(conn, actor, &entry),
            "registration",
        )?;
    }
    for (code, hs, [en, ru, kk, zh]) in DECLARATIONS {
        if Declaration::find_by_code(conn, code)?.is_some() {
            continue;
        }
        let commodity_id = match hs {
            Some(hs) => match commodity(conn, hs)? {
                Some(id) => Some(id),
                None => continue,
            },
            None => None,
        };
        let entry = DeclarationEntry {
            code: (*code).to_owned(),
            limit_set_id: china.id,
            commodity_id,
            text_en: (*en).to_owned(),
            text_ru: (*ru).to_owned(),
            text_kk: (*kk).to_owned(),
            text_zh: (*zh).to_owned(),
            active: true,
        };
        done(
            workflow::seed_declaration(conn, actor, &entry),
            "declaration",
        )?;
    }
    Ok(())
}
