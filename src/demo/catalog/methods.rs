//! The demo test methods: names in four languages, unit (none for a qualitative method),
//! LOD / LOQ and the method standard of each side. Demo data: check every standard against its
//! current edition before relying on it.

use crate::models::catalog::Discipline::{self, *};

/// One demo test method.
pub struct DemoMethod {
    pub code: &'static str,
    /// en, ru, kk, zh.
    pub names: [&'static str; 4],
    pub discipline: Discipline,
    /// The unit of a quantitative method; `None` for a qualitative one.
    pub unit: Option<&'static str>,
    /// (LOD, LOQ) in the unit.
    pub lod_loq: Option<(&'static str, &'static str)>,
    /// The Kazakh side's standard (ST RK / GOST), then the Chinese side's (GB).
    pub standards: [&'static str; 2],
}

const UG: Option<&str> = Some("µg/kg");
const MG: Option<&str> = Some("mg/kg");

const fn m(
    code: &'static str,
    names: [&'static str; 4],
    discipline: Discipline,
    unit: Option<&'static str>,
    lod_loq: Option<(&'static str, &'static str)>,
    standards: [&'static str; 2],
) -> DemoMethod {
    DemoMethod {
        code,
        names,
        discipline,
        unit,
        lod_loq,
        standards,
    }
}

#[rustfmt::skip]
pub const METHODS: &[DemoMethod] = &[
    m("TROGOD", ["Khapra beetle (Trogoderma granarium)", "Капровый жук (Trogoderma granarium)",
        "Қапра қоңызы (Trogoderma granarium)", "谷斑皮蠹（Trogoderma granarium）"],
        QuarantinePest, None, None, ["ГОСТ 13586.6-93", "GB/T 18087-2000"]),
    m("TILIND", ["Karnal bunt of wheat (Tilletia indica)", "Индийская головня пшеницы (Tilletia indica)",
        "Бидайдың үнді қаракүйесі (Tilletia indica)", "小麦印度腥黑穗病菌（Tilletia indica）"],
        QuarantinePest, None, None, ["ГОСТ 12044-93", "GB/T 20499-2006"]),
    m("AMBROS", ["Ragweed seeds (Ambrosia spp.)", "Семена амброзии (Ambrosia spp.)",
        "Амброзия тұқымдары (Ambrosia spp.)", "豚草属种子（Ambrosia spp.）"],
        QuarantinePest, None, None, ["ГОСТ 30483-97", "SN/T 1362-2011"]),
    m("AFB1", ["Aflatoxin B1", "Афлатоксин B1", "Афлатоксин B1", "黄曲霉毒素B1"],
        Mycotoxin, UG, Some(("0.03", "0.1")), ["ГОСТ 30711-2001", "GB 5009.22-2016"]),
    m("DON", ["Deoxynivalenol (vomitoxin)", "Дезоксиниваленол (вомитоксин)",
        "Дезоксиниваленол (вомитоксин)", "脱氧雪腐镰刀菌烯醇（呕吐毒素）"],
        Mycotoxin, UG, Some(("50", "100")), ["ГОСТ 31653-2012", "GB 5009.111-2016"]),
    m("OTA", ["Ochratoxin A", "Охратоксин А", "Охратоксин А", "赭曲霉毒素A"],
        Mycotoxin, UG, Some(("0.3", "1")), ["ГОСТ 34140-2017", "GB 5009.96-2016"]),
    m("ZEN", ["Zearalenone", "Зеараленон", "Зеараленон", "玉米赤霉烯酮"],
        Mycotoxin, UG, Some(("5", "17")), ["ГОСТ 31691-2012", "GB 5009.209-2016"]),
    m("PB", ["Lead", "Свинец", "Қорғасын", "铅"],
        HeavyMetal, MG, Some(("0.02", "0.04")), ["ГОСТ 30178-96", "GB 5009.12-2017"]),
    m("CD", ["Cadmium", "Кадмий", "Кадмий", "镉"],
        HeavyMetal, MG, Some(("0.001", "0.003")), ["ГОСТ 30178-96", "GB 5009.15-2014"]),
    m("HG", ["Mercury (total)", "Ртуть (общая)", "Сынап (жалпы)", "总汞"],
        HeavyMetal, MG, Some(("0.003", "0.01")), ["ГОСТ 26927-86", "GB 5009.17-2021"]),
    m("AS", ["Arsenic (total)", "Мышьяк (общий)", "Күшән (жалпы)", "总砷"],
        HeavyMetal, MG, Some(("0.003", "0.01")), ["ГОСТ 26930-86", "GB 5009.11-2014"]),
    m("MALATHION", ["Malathion", "Малатион", "Малатион", "马拉硫磷"],
        PesticideResidue, MG, Some(("0.005", "0.01")), ["ГОСТ 32689.1-2014", "GB 23200.113-2018"]),
    m("PIRIMIPHOS-M", ["Pirimiphos-methyl", "Пиримифос-метил", "Пиримифос-метил", "甲基嘧啶磷"],
        PesticideResidue, MG, Some(("0.005", "0.01")), ["ГОСТ 32689.1-2014", "GB 23200.113-2018"]),
    m("SALM-25G", ["Salmonella (in 25 g)", "Бактерии рода Salmonella (в 25 г)",
        "Salmonella тектес бактериялар (25 г-да)", "沙门氏菌（25 g）"],
        Microbiology, None, None, ["ГОСТ 31659-2012", "GB 4789.4-2016"]),
    m("LMONO-25G", ["Listeria monocytogenes (in 25 g)", "Listeria monocytogenes (в 25 г)",
        "Listeria monocytogenes (25 г-да)", "单核细胞增生李斯特氏菌（25 g）"],
        Microbiology, None, None, ["ГОСТ 32031-2012", "GB 4789.30-2016"]),
    m("CAP", ["Chloramphenicol", "Хлорамфеникол (левомицетин)", "Хлорамфеникол (левомицетин)", "氯霉素"],
        VeterinaryDrugResidue, UG, Some(("0.1", "0.3")), ["ГОСТ 31903-2012", "GB 31658.2-2021"]),
    m("TC-SUM", ["Tetracyclines (tetracycline, oxytetracycline, chlortetracycline, sum)",
        "Тетрациклины (тетрациклин, окситетрациклин, хлортетрациклин, сумма)",
        "Тетрациклиндер (тетрациклин, окситетрациклин, хлортетрациклин, қосындысы)",
        "四环素类（四环素、土霉素、金霉素，总量）"],
        VeterinaryDrugResidue, UG, Some(("2", "5")), ["ГОСТ 31694-2012", "GB 31658.17-2021"]),
    m("NF-MET", ["Nitrofuran metabolites (AOZ, AMOZ, AHD, SEM)", "Метаболиты нитрофуранов (AOZ, AMOZ, AHD, SEM)",
        "Нитрофурандардың метаболиттері (AOZ, AMOZ, AHD, SEM)", "硝基呋喃类代谢物（AOZ、AMOZ、AHD、SEM）"],
        VeterinaryDrugResidue, UG, Some(("0.25", "0.5")), ["ГОСТ 32014-2012", "GB/T 21311-2007"]),
    m("CS-137", ["Caesium-137", "Цезий-137", "Цезий-137", "铯-137"],
        Radionuclide, Some("Bq/kg"), Some(("3", "10")), ["ГОСТ 32161-2013", "GB 14883.10-2016"]),
    m("ANTHRAX", ["Anthrax antigen (Ascoli precipitation test)",
        "Антиген сибирской язвы (реакция преципитации по Асколи)",
        "Күйдіргі антигені (Асколи бойынша преципитация реакциясы)", "炭疽抗原（Ascoli沉淀反应）"],
        VeterinaryDisease, None, None, ["Ветеринарные правила РК, приказ № 7-1/587", "NY/T 561-2015"]),
];
