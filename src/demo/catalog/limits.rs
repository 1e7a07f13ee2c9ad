//! The demo limits of the CN and EAEU limit sets, and the default panels of both sides.
//! Values are the published ones as far as we know them (units as the method's: µg/kg for
//! mycotoxins and veterinary drugs, mg/kg for metals and pesticides, Bq/kg for caesium-137);
//! demo data all the same — check each against the current edition before relying on it.

use super::{ALFALFA, BARLEY, BEEF, FLAX, HIDES, HONEY, MUTTON, SUNFLOWER_MEAL, WHEAT};
use crate::domain::Side;
use crate::models::catalog::LimitRule::{self, Max, NotDetected};

/// (limit set code, commodities by HS code, method code, rule, value, reference)
pub type DemoLimit = (
    &'static str,
    &'static [&'static str],
    &'static str,
    LimitRule,
    Option<&'static str>,
    &'static str,
);

/// (commodities by HS code, method code, sides that run it by default)
pub type DemoPanel = (&'static [&'static str], &'static str, &'static [Side]);

const GRAIN: &[&str] = &[WHEAT, BARLEY];
const MEAT: &[&str] = &[MUTTON, BEEF];
const SEEDS_AND_HAY: &[&str] = &[WHEAT, BARLEY, FLAX, ALFALFA];

const CN_PESTS: &str = "PRC list of quarantine pests for imported plants (2021)";
const EAEU_PESTS: &str = "EAEU Council Decision No. 158 (2016), unified list of quarantine pests";
const CN_BANNED: &str = "MARA Announcement No. 250 (2019): banned in food animals";

#[rustfmt::skip]
pub const LIMITS: &[DemoLimit] = &[
    // China
    ("CN", GRAIN, "TROGOD", NotDetected, None, CN_PESTS),
    ("CN", &[WHEAT], "TILIND", NotDetected, None, CN_PESTS),
    ("CN", SEEDS_AND_HAY, "AMBROS", NotDetected, None, CN_PESTS),
    ("CN", GRAIN, "AFB1", Max, Some("5"), "GB 2761-2017, cereals"),
    ("CN", GRAIN, "DON", Max, Some("1000"), "GB 2761-2017, wheat and barley"),
    ("CN", GRAIN, "OTA", Max, Some("5"), "GB 2761-2017, cereals"),
    ("CN", &[WHEAT], "ZEN", Max, Some("60"), "GB 2761-2017, wheat"),
    ("CN", GRAIN, "PB", Max, Some("0.2"), "GB 2762-2022, cereals"),
    ("CN", GRAIN, "CD", Max, Some("0.1"), "GB 2762-2022, cereals"),
    ("CN", GRAIN, "HG", Max, Some("0.02"), "GB 2762-2022, cereals"),
    ("CN", GRAIN, "AS", Max, Some("0.5"), "GB 2762-2022, cereals (total arsenic)"),
    ("CN", GRAIN, "MALATHION", Max, Some("8"), "GB 2763-2021, cereals"),
    ("CN", &[WHEAT], "PIRIMIPHOS-M", Max, Some("5"), "GB 2763-2021, wheat"),
    ("CN", GRAIN, "CS-137", Max, Some("260"), "GB 14882-1994, grain"),
    ("CN", &[FLAX], "PB", Max, Some("0.1"), "GB 2762-2022, oilseeds"),
    ("CN", &[SUNFLOWER_MEAL], "AFB1", Max, Some("30"), "GB 13078-2017, other plant feed materials"),
    ("CN", &[SUNFLOWER_MEAL], "PB", Max, Some("10"), "GB 13078-2017, other plant feed materials"),
    ("CN", &[SUNFLOWER_MEAL], "SALM-25G", NotDetected, None, "GB 13078-2017, feed materials"),
    ("CN", &[ALFALFA], "PB", Max, Some("30"), "GB 13078-2017, forage and roughage"),
    ("CN", MEAT, "SALM-25G", NotDetected, None, "KZ–CN protocol on meat exports; GB 4789.4-2016"),
    ("CN", MEAT, "PB", Max, Some("0.2"), "GB 2762-2022, livestock meat"),
    ("CN", MEAT, "CD", Max, Some("0.1"), "GB 2762-2022, livestock meat"),
    ("CN", MEAT, "HG", Max, Some("0.05"), "GB 2762-2022, meat"),
    ("CN", MEAT, "AS", Max, Some("0.5"), "GB 2762-2022, meat (total arsenic)"),
    ("CN", MEAT, "TC-SUM", Max, Some("200"), "GB 31650-2019, muscle"),
    ("CN", MEAT, "CAP", NotDetected, None, CN_BANNED),
    ("CN", MEAT, "NF-MET", NotDetected, None, CN_BANNED),
    ("CN", MEAT, "CS-137", Max, Some("800"), "GB 14882-1994, meat"),
    ("CN", &[HONEY], "CAP", NotDetected, None, CN_BANNED),
    ("CN", &[HONEY], "NF-MET", NotDetected, None, CN_BANNED),
    ("CN", &[HIDES], "ANTHRAX", NotDetected, None, "GACC requirements for imported raw hides"),
    // Eurasian Economic Union
    ("EAEU", GRAIN, "TROGOD", NotDetected, None, EAEU_PESTS),
    ("EAEU", &[WHEAT], "TILIND", NotDetected, None, EAEU_PESTS),
    ("EAEU", SEEDS_AND_HAY, "AMBROS", NotDetected, None, EAEU_PESTS),
    ("EAEU", GRAIN, "AFB1", Max, Some("5"), "TR TS 015/2011, annex 2"),
    ("EAEU", &[WHEAT], "DON", Max, Some("700"), "TR TS 015/2011, annex 2, wheat"),
    ("EAEU", &[BARLEY], "DON", Max, Some("1000"), "TR TS 015/2011, annex 2, barley"),
    ("EAEU", GRAIN, "OTA", Max, Some("5"), "TR TS 015/2011, annex 2"),
    ("EAEU", GRAIN, "ZEN", Max, Some("1000"), "TR TS 015/2011, annex 2"),
    ("EAEU", GRAIN, "PB", Max, Some("0.5"), "TR TS 015/2011, annex 2"),
    ("EAEU", GRAIN, "CD", Max, Some("0.1"), "TR TS 015/2011, annex 2"),
    ("EAEU", GRAIN, "HG", Max, Some("0.03"), "TR TS 015/2011, annex 2"),
    ("EAEU", GRAIN, "AS", Max, Some("0.2"), "TR TS 015/2011, annex 2"),
    ("EAEU", GRAIN, "CS-137", Max, Some("60"), "TR TS 015/2011, annex 2, food grain"),
    ("EAEU", &[SUNFLOWER_MEAL], "SALM-25G", NotDetected, None, "EAEU Commission Decision No. 317 (2010), feed"),
    ("EAEU", MEAT, "SALM-25G", NotDetected, None, "TR TS 034/2013, annex 1 (in 25 g)"),
    ("EAEU", MEAT, "LMONO-25G", NotDetected, None, "TR TS 034/2013, annex 1 (in 25 g)"),
    ("EAEU", MEAT, "PB", Max, Some("0.5"), "TR TS 034/2013, annex 3"),
    ("EAEU", MEAT, "CD", Max, Some("0.05"), "TR TS 034/2013, annex 3"),
    ("EAEU", MEAT, "HG", Max, Some("0.03"), "TR TS 034/2013, annex 3"),
    ("EAEU", MEAT, "AS", Max, Some("0.1"), "TR TS 034/2013, annex 3"),
    ("EAEU", MEAT, "CAP", NotDetected, None, "TR TS 034/2013, annex 3 (< 0.0003 mg/kg)"),
    ("EAEU", MEAT, "TC-SUM", NotDetected, None, "TR TS 034/2013, annex 3 (< 0.01 mg/kg)"),
    ("EAEU", MEAT, "CS-137", Max, Some("200"), "TR TS 034/2013, annex 4"),
    ("EAEU", &[HONEY], "PB", Max, Some("1"), "TR TS 021/2011, annex 3, honey"),
    ("EAEU", &[HONEY], "CD", Max, Some("0.05"), "TR TS 021/2011, annex 3, honey"),
    ("EAEU", &[HONEY], "CAP", NotDetected, None, "TR TS 021/2011, annex 3 (< 0.0003 mg/kg)"),
    ("EAEU", &[HONEY], "TC-SUM", NotDetected, None, "TR TS 021/2011, annex 3 (< 0.01 mg/kg)"),
    ("EAEU", &[HIDES], "ANTHRAX", NotDetected, None, "EAEU Commission Decision No. 317 (2010), raw hides"),
];

const KZ: &[Side] = &[Side::Kz];
const CN: &[Side] = &[Side::Cn];
const BOTH: &[Side] = &[Side::Kz, Side::Cn];

#[rustfmt::skip]
pub const PANELS: &[DemoPanel] = &[
    (GRAIN, "TROGOD", BOTH),
    (&[WHEAT], "TILIND", BOTH),
    (SEEDS_AND_HAY, "AMBROS", BOTH),
    (&[FLAX], "TROGOD", BOTH),
    (GRAIN, "AFB1", BOTH),
    (GRAIN, "DON", BOTH),
    (GRAIN, "OTA", KZ),
    (&[WHEAT], "ZEN", BOTH),
    (&[BARLEY], "ZEN", KZ),
    (GRAIN, "PB", BOTH),
    (GRAIN, "CD", BOTH),
    (GRAIN, "HG", KZ),
    (GRAIN, "AS", KZ),
    (GRAIN, "MALATHION", CN),
    (&[WHEAT], "PIRIMIPHOS-M", CN),
    (GRAIN, "CS-137", KZ),
    (&[FLAX, ALFALFA], "PB", BOTH),
    (&[SUNFLOWER_MEAL], "AFB1", BOTH),
    (&[SUNFLOWER_MEAL], "SALM-25G", BOTH),
    (&[SUNFLOWER_MEAL], "PB", CN),
    (MEAT, "SALM-25G", BOTH),
    (MEAT, "LMONO-25G", KZ),
    (MEAT, "CAP", BOTH),
    (MEAT, "TC-SUM", BOTH),
    (MEAT, "NF-MET", CN),
    (MEAT, "PB", BOTH),
    (MEAT, "CD", BOTH),
    (MEAT, "HG", KZ),
    (MEAT, "AS", KZ),
    (MEAT, "CS-137", KZ),
    (&[HONEY], "CAP", BOTH),
    (&[HONEY], "NF-MET", CN),
    (&[HONEY], "TC-SUM", KZ),
    (&[HONEY], "PB", KZ),
    (&[HONEY], "CD", KZ),
    (&[HIDES], "ANTHRAX", BOTH),
    (&[HIDES], "CS-137", KZ),
];
