//! Measured amounts and their judgement: exact decimals, the units results and limits are
//! written in, what an analyst enters, and whether a reading conforms to a limit.
//!
//! No floating point anywhere: a value exactly at a limit must fall on the limit's side of the
//! rule, and a unit change is an exact power of ten.

use std::cmp::Ordering;
use std::fmt;

use super::FieldError;

/// The most fraction digits a decimal carries: 10^38 still fits in an `i128`/`u128`, which
/// keeps comparison free of overflow.
const MAX_SCALE: u32 = 38;
/// What an analyst or an admin may type: digits before and after the point, not counting
/// leading zeros of the integer part or trailing zeros of the fraction.
const MAX_INT_DIGITS: usize = 18;
const MAX_FRAC_DIGITS: usize = 12;

/// An exact signed decimal, `mantissa × 10^-scale`, kept normalised (no trailing zero in the
/// mantissa while the scale is positive, zero as `0 × 10^0`) so equal values are equal structs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Decimal {
    mantissa: i128,
    scale: u32,
}

impl Decimal {
    pub const ZERO: Decimal = Decimal {
        mantissa: 0,
        scale: 0,
    };

    /// `mantissa × 10^-scale`; `None` beyond 38 fraction digits.
    pub fn from_parts(mantissa: i128, scale: u32) -> Option<Decimal> {
        (scale <= MAX_SCALE).then(|| Decimal::normalised(mantissa, scale))
    }

    fn normalised(mut mantissa: i128, mut scale: u32) -> Decimal {
        while scale > 0 && mantissa % 10 == 0 {
            mantissa /= 10;
            scale -= 1;
        }
        Decimal { mantissa, scale }
    }

    /// A number as typed: optional `-`, digits, at most one `.` or `,` with digits on both
    /// sides; up to 18 significant integer and 12 fraction digits. No exponent, no `+`.
    pub fn parse(input: &str) -> Result<Decimal, FieldError> {
        let text = input.trim();
        let (negative, unsigned) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (int, frac) = match unsigned.split_once(['.', ',']) {
            Some((int, frac)) => (int, Some(frac)),
            None => (unsigned, None),
        };
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(int) || frac.is_some_and(|f| !digits(f)) {
            return Err("field.number");
        }
        let int = int.trim_start_matches('0');
        let frac = frac.unwrap_or("").trim_end_matches('0');
        if int.len() > MAX_INT_DIGITS || frac.len() > MAX_FRAC_DIGITS {
            return Err("field.number_range");
        }
        // At most 30 digits: far inside an i128.
        let magnitude = int
            .bytes()
            .chain(frac.bytes())
            .fold(0i128, |m, b| m * 10 + i128::from(b - b'0'));
        let mantissa = if negative { -magnitude } else { magnitude };
        Ok(Decimal::normalised(mantissa, frac.len() as u32))
    }

    /// Reads back the text [`Display`](fmt::Display) wrote (as stored in the database);
    /// `None` for anything not in canonical form.
    pub fn from_canonical(text: &str) -> Option<Decimal> {
        let unsigned = text.strip_prefix('-').unwrap_or(text);
        let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
        if !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
            return None;
        }
        let scale = u32::try_from(frac.len()).ok()?;
        let mut magnitude = 0i128;
        for b in int.bytes().chain(frac.bytes()) {
            magnitude = magnitude
                .checked_mul(10)?
                .checked_add(i128::from(b - b'0'))?;
        }
        let mantissa = if text.starts_with('-') {
            -magnitude
        } else {
            magnitude
        };
        let value = Decimal::from_parts(mantissa, scale)?;
        // Leading zeros, trailing zeros, "-0", "1." and "" all print differently.
        (value.to_string() == text).then_some(value)
    }

    pub fn is_zero(&self) -> bool {
        self.mantissa == 0
    }

    pub fn is_negative(&self) -> bool {
        self.mantissa < 0
    }

    /// `self × 10^exp`, exactly; `None` when the result would need more than 38 digits.
    pub fn scale_pow10(&self, exp: i32) -> Option<Decimal> {
        if self.is_zero() {
            return Some(Decimal::ZERO);
        }
        let scale = i64::from(self.scale) - i64::from(exp);
        if scale >= 0 {
            Decimal::from_parts(self.mantissa, u32::try_from(scale).ok()?)
        } else {
            let factor = 10i128.checked_pow(u32::try_from(-scale).ok()?)?;
            Some(Decimal::normalised(self.mantissa.checked_mul(factor)?, 0))
        }
    }

    /// `self + other`, exactly; `None` on overflow.
    pub fn checked_add(&self, other: &Decimal) -> Option<Decimal> {
        let (a, b, scale) = self.aligned(other)?;
        Some(Decimal::normalised(a.checked_add(b)?, scale))
    }

    /// `self − other`, exactly; `None` on overflow.
    pub fn checked_sub(&self, other: &Decimal) -> Option<Decimal> {
        let (a, b, scale) = self.aligned(other)?;
        Some(Decimal::normalised(a.checked_sub(b)?, scale))
    }

    /// Both mantissas at the larger of the two scales.
    fn aligned(&self, other: &Decimal) -> Option<(i128, i128, u32)> {
        let scale = self.scale.max(other.scale);
        let widen = |d: &Decimal| d.mantissa.checked_mul(10i128.checked_pow(scale - d.scale)?);
        Some((widen(self)?, widen(other)?, scale))
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.is_negative() { "-" } else { "" };
        let digits = self.mantissa.unsigned_abs().to_string();
        let scale = self.scale as usize;
        if scale == 0 {
            return write!(f, "{sign}{digits}");
        }
        let digits = format!("{digits:0>width$}", width = scale + 1);
        let (int, frac) = digits.split_at(digits.len() - scale);
        write!(f, "{sign}{int}.{frac}")
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> Ordering {
        let by_sign = self.mantissa.signum().cmp(&other.mantissa.signum());
        by_sign.then_with(|| {
            let by_magnitude = compare_magnitudes(self, other);
            if self.is_negative() {
                by_magnitude.reverse()
            } else {
                by_magnitude
            }
        })
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// |a| against |b|: integer parts first, then the fractions widened to one scale. Every step
/// stays below 10^38, so no mantissa size can overflow it.
fn compare_magnitudes(a: &Decimal, b: &Decimal) -> Ordering {
    let (a_abs, b_abs) = (a.mantissa.unsigned_abs(), b.mantissa.unsigned_abs());
    let (a_one, b_one) = (10u128.pow(a.scale), 10u128.pow(b.scale));
    let scale = a.scale.max(b.scale);
    let a_frac = (a_abs % a_one) * 10u128.pow(scale - a.scale);
    let b_frac = (b_abs % b_one) * 10u128.pow(scale - b.scale);
    (a_abs / a_one)
        .cmp(&(b_abs / b_one))
        .then(a_frac.cmp(&b_frac))
}

/// A unit results and limits are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    NgPerKg,
    UgPerKg,
    MgPerKg,
    GPerKg,
    Percent,
    BqPerKg,
    CfuPerG,
    CfuPer25G,
    PerKg,
}

/// What a unit measures; only units of one dimension convert into each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dimension {
    MassFraction,
    Activity,
    MicrobialCount,
    /// Colonies in a 25 g test portion: a presence test, not a count per mass.
    MicrobialPer25G,
    CountPerKg,
}

impl Unit {
    pub const ALL: [Unit; 9] = [
        Unit::NgPerKg,
        Unit::UgPerKg,
        Unit::MgPerKg,
        Unit::GPerKg,
        Unit::Percent,
        Unit::BqPerKg,
        Unit::CfuPerG,
        Unit::CfuPer25G,
        Unit::PerKg,
    ];

    /// A unit as written in a method, a limit or a form: trimmed, spaces ignored, letters in
    /// any case; `ppm`/`ppb`, `ug`/`µg`/`μg`, and the Russian symbols are accepted.
    pub fn parse(input: &str) -> Option<Unit> {
        let key: String = input
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        Some(match key.as_str() {
            "ng/kg" | "нг/кг" => Unit::NgPerKg,
            "µg/kg" | "μg/kg" | "ug/kg" | "mcg/kg" | "мкг/кг" | "ppb" => Unit::UgPerKg,
            "mg/kg" | "мг/кг" | "ppm" => Unit::MgPerKg,
            "g/kg" | "г/кг" => Unit::GPerKg,
            "%" => Unit::Percent,
            "bq/kg" | "бк/кг" => Unit::BqPerKg,
            "cfu/g" | "кое/г" => Unit::CfuPerG,
            "cfu/25g" | "кое/25г" => Unit::CfuPer25G,
            "1/kg" | "1/кг" => Unit::PerKg,
            _ => return None,
        })
    }

    /// The canonical symbol, as stored ("µg/kg" with the micro sign U+00B5).
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::NgPerKg => "ng/kg",
            Unit::UgPerKg => "µg/kg",
            Unit::MgPerKg => "mg/kg",
            Unit::GPerKg => "g/kg",
            Unit::Percent => "%",
            Unit::BqPerKg => "Bq/kg",
            Unit::CfuPerG => "CFU/g",
            Unit::CfuPer25G => "CFU/25 g",
            Unit::PerKg => "1/kg",
        }
    }

    /// The dimension and the power of ten of one unit in that dimension's smallest unit
    /// (1 % = 10 g/kg = 10^10 ng/kg).
    fn dimension(self) -> (Dimension, i32) {
        match self {
            Unit::NgPerKg => (Dimension::MassFraction, 0),
            Unit::UgPerKg => (Dimension::MassFraction, 3),
            Unit::MgPerKg => (Dimension::MassFraction, 6),
            Unit::GPerKg => (Dimension::MassFraction, 9),
            Unit::Percent => (Dimension::MassFraction, 10),
            Unit::BqPerKg => (Dimension::Activity, 0),
            Unit::CfuPerG => (Dimension::MicrobialCount, 0),
            Unit::CfuPer25G => (Dimension::MicrobialPer25G, 0),
            Unit::PerKg => (Dimension::CountPerKg, 0),
        }
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `value` in `from` expressed in `to`, exactly. `None` across dimensions (Bq/kg ↛ mg/kg),
/// between CFU/25 g and anything else, or if the result would not fit.
pub fn convert(value: &Decimal, from: Unit, to: Unit) -> Option<Decimal> {
    let ((from_dimension, from_exp), (to_dimension, to_exp)) = (from.dimension(), to.dimension());
    if from_dimension != to_dimension {
        return None;
    }
    value.scale_pow10(from_exp - to_exp)
}

/// What an analyst enters for a test.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    Value(Decimal),
    BelowLoq,
    /// Below a stated bound (`< 0.01`): stored as a below-LOQ reading whose bound is the value.
    Below(Decimal),
    NotDetected,
    Detected,
}

impl fmt::Display for Reading {
    /// The text [`parse_reading`] takes back: a value, "< LOQ", "< 0.01", "not_detected" or
    /// "detected".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reading::Value(value) => value.fmt(f),
            Reading::BelowLoq => f.write_str("< LOQ"),
            Reading::Below(bound) => write!(f, "< {bound}"),
            Reading::NotDetected => f.write_str("not_detected"),
            Reading::Detected => f.write_str("detected"),
        }
    }
}

/// The longest result text kept as typed.
const MAX_TYPED: usize = 40;

/// Words labs write for "not detected", compared without case, spaces, dots or underscores:
/// English, Russian, Kazakh and Chinese.
const NOT_DETECTED_WORDS: [&str; 8] = [
    "notdetected",
    "nd",
    "необнаружено",
    "необнаружен",
    "анықталмады",
    "анықталғанжоқ",
    "未检出",
    "未检测到",
];

/// Words for "detected", compared the same way.
const DETECTED_WORDS: [&str; 5] = ["detected", "обнаружено", "обнаружен", "анықталды", "检出"];

/// A reading with the text to show for it: the number exactly as typed (`1.0` stays `1.0`,
/// `12,5` stays `12,5`, `<0.01` stays `<0.01`); `None` for the kinds shown in the reader's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypedReading {
    pub reading: Reading,
    pub as_entered: Option<String>,
}

/// Reads a result field as labs write it and keeps the text to show. See [`parse_reading`].
pub fn parse_typed_reading(
    kind_qualitative: bool,
    input: &str,
) -> Result<TypedReading, FieldError> {
    let text = input.trim();
    if text.chars().count() > MAX_TYPED {
        return Err("field.number");
    }
    if text.chars().any(char::is_control) {
        return Err("field.number");
    }
    let reading = parse_reading(kind_qualitative, text)?;
    let as_entered = match reading {
        Reading::Value(_) | Reading::Below(_) => Some(text.to_owned()),
        _ => None,
    };
    Ok(TypedReading {
        reading,
        as_entered,
    })
}

/// Reads a result field. A qualitative method takes `detected` / `not_detected` (or `+` /
/// `-`, or the words in Russian, Kazakh and Chinese); a quantitative one a non-negative
/// decimal with a point or a comma, `< LOQ`, `< 0.01` (below a stated bound), or `nd` / `not
/// detected` / `не обнаружено` / `анықталмады` / `未检出`. Case, spaces, dots and underscores
/// in the words do not matter.
pub fn parse_reading(kind_qualitative: bool, input: &str) -> Result<Reading, FieldError> {
    let text = input.trim();
    if text.is_empty() {
        return Err("field.required");
    }
    let word: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '_' && *c != '.')
        .flat_map(char::to_lowercase)
        .collect();
    let not_detected = NOT_DETECTED_WORDS.contains(&word.as_str());
    if kind_qualitative {
        return match word.as_str() {
            "+" => Ok(Reading::Detected),
            "-" => Ok(Reading::NotDetected),
            _ if not_detected => Ok(Reading::NotDetected),
            w if DETECTED_WORDS.contains(&w) => Ok(Reading::Detected),
            _ => Err("field.choose"),
        };
    }
    if word == "<loq" {
        return Ok(Reading::BelowLoq);
    }
    if not_detected {
        return Ok(Reading::NotDetected);
    }
    if let Some(bound) = text.strip_prefix('<') {
        let bound = bound.trim();
        if bound.starts_with('-') {
            return Err("field.number");
        }
        return Decimal::parse(bound).map(Reading::Below);
    }
    if text.starts_with('-') {
        return Err("field.number");
    }
    Decimal::parse(text).map(Reading::Value)
}

/// What a limit demands of a result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// The result may be at most this value (exactly at it conforms).
    Max(Decimal),
    /// The result must be at least this value (exactly at it conforms).
    Min(Decimal),
    NotDetected,
}

/// A destination market's limit for one commodity and test; `unit` is the unit of the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    pub rule: Rule,
    pub unit: Option<Unit>,
}

crate::text_enum! {
    /// A conformity as stored.
    ConformityText {
        Conforms => "conforms",
        DoesNotConform => "does_not_conform",
        Inconclusive => "inconclusive",
    }
}

impl From<Conformity> for ConformityText {
    fn from(c: Conformity) -> Self {
        match c {
            Conformity::Conforms => ConformityText::Conforms,
            Conformity::DoesNotConform => ConformityText::DoesNotConform,
            Conformity::Inconclusive => ConformityText::Inconclusive,
        }
    }
}

/// A result judged against a limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Conformity {
    Conforms,
    DoesNotConform,
    Inconclusive,
}

impl Conformity {
    pub fn as_str(self) -> &'static str {
        match self {
            Conformity::Conforms => "conforms",
            Conformity::DoesNotConform => "does_not_conform",
            Conformity::Inconclusive => "inconclusive",
        }
    }

    pub fn parse(text: &str) -> Option<Conformity> {
        [
            Conformity::Conforms,
            Conformity::DoesNotConform,
            Conformity::Inconclusive,
        ]
        .into_iter()
        .find(|c| c.as_str() == text)
    }
}

/// Judges a reading against a limit. `unit` is the unit of the reading's value and of `loq`.
/// When in doubt — no limit, units that do not convert, a value below the LOQ that the limit
/// cannot settle, a negative amount — the answer is `Inconclusive`, never a guess.
pub fn evaluate(
    reading: &Reading,
    unit: Option<Unit>,
    loq: Option<&Decimal>,
    limit: Option<&Limit>,
) -> Conformity {
    let Some(limit) = limit else {
        return Conformity::Inconclusive;
    };
    if matches!(reading, Reading::Value(v) if v.is_negative()) {
        return Conformity::Inconclusive;
    }
    let in_limit_unit = |value: &Decimal| match (unit, limit.unit) {
        (Some(from), Some(to)) => convert(value, from, to),
        (None, None) => Some(*value),
        _ => None,
    };
    let judge = |passes: Option<bool>| match passes {
        Some(true) => Conformity::Conforms,
        Some(false) => Conformity::DoesNotConform,
        None => Conformity::Inconclusive,
    };
    match (limit.rule, reading) {
        (Rule::Max(max), Reading::Value(v)) => judge(in_limit_unit(v).map(|v| v <= max)),
        (Rule::Max(_), Reading::NotDetected) => Conformity::Conforms,
        // Below the LOQ settles a maximum only when the LOQ itself is within it.
        (Rule::Max(max), Reading::BelowLoq) => match loq.and_then(in_limit_unit) {
            Some(loq) if loq <= max => Conformity::Conforms,
            _ => Conformity::Inconclusive,
        },
        // Below a stated bound: as below the LOQ, with the analyst's bound.
        (Rule::Max(max), Reading::Below(bound)) => match in_limit_unit(bound) {
            Some(bound) if bound <= max => Conformity::Conforms,
            _ => Conformity::Inconclusive,
        },
        (Rule::Min(min), Reading::Value(v)) => judge(in_limit_unit(v).map(|v| v >= min)),
        (Rule::NotDetected, Reading::NotDetected) => Conformity::Conforms,
        (Rule::NotDetected, Reading::Detected) => Conformity::DoesNotConform,
        (Rule::NotDetected, Reading::Value(v)) => judge(Some(v.is_zero())),
        _ => Conformity::Inconclusive,
    }
}

#[cfg(test)]
mod tests {
    use super::Conformity::{Conforms, DoesNotConform, Inconclusive};
    use super::*;

    fn d(text: &str) -> Decimal {
        Decimal::parse(text).unwrap()
    }

    fn value(text: &str) -> Reading {
        Reading::Value(d(text))
    }

    fn limit(rule: Rule, unit: Unit) -> Limit {
        Limit {
            rule,
            unit: Some(unit),
        }
    }

    /// Judges `reading` (in `unit`, no LOQ) against `rule` in `limit_unit`.
    fn judge(reading: Reading, unit: Unit, rule: Rule, limit_unit: Unit) -> Conformity {
        evaluate(&reading, Some(unit), None, Some(&limit(rule, limit_unit)))
    }

    #[test]
    fn numbers_parse_to_canonical_text() {
        for (input, canonical) in [
            ("0", "0"),
            ("-0", "0"),
            ("-0.000", "0"),
            ("0012,500", "12.5"),
            ("0.0020", "0.002"),
            (" 60 ", "60"),
            ("-1.50", "-1.5"),
            ("0.000000000001", "0.000000000001"),
            (
                "999999999999999999.999999999999",
                "999999999999999999.999999999999",
            ),
            ("0000000000000000000001.1000000000000", "1.1"),
        ] {
            assert_eq!(d(input).to_string(), canonical, "{input}");
        }
    }

    #[test]
    fn malformed_or_oversized_numbers_are_refused() {
        for bad in [
            "", " ", "-", "1e3", "1E-3", "+4", "1.", ".5", "-.5", "1.2.3", "1,2.3", "1 000", "abc",
            "--1", "0x10", "١٢", "½",
        ] {
            assert_eq!(Decimal::parse(bad), Err("field.number"), "{bad:?}");
        }
        for long in [
            "1000000000000000000",
            "0.0000000000001",
            "-1234567890123456789",
        ] {
            assert_eq!(Decimal::parse(long), Err("field.number_range"), "{long}");
        }
    }

    #[test]
    fn stored_text_reads_back_only_when_canonical() {
        for text in [
            "0",
            "12.5",
            "-0.001",
            "123456789012",
            "0.000000000000000000001",
        ] {
            assert_eq!(Decimal::from_canonical(text).unwrap().to_string(), text);
        }
        for bad in [
            "", "-", "-0", "01", "1.50", "1.", ".5", "1,5", "+1", " 1", "1e3",
        ] {
            assert_eq!(Decimal::from_canonical(bad), None, "{bad:?}");
        }
        let huge = "9".repeat(39);
        assert_eq!(Decimal::from_canonical(&huge), None);
    }

    #[test]
    fn order_and_equality_are_by_value() {
        assert_eq!(d("0.10"), d("0.1"));
        assert_eq!(d("1,000"), d("1"));
        assert!(d("-1") < d("0") && d("0") < d("0.0001"));
        assert!(d("-0.5") > d("-1") && d("-1.5") < d("-1"));
        assert!(d("10") > d("9.999999999999"));
        assert!(d("0.05") < d("0.5") && d("2") < d("12"));
        let mut values = ["3", "-2.5", "0.001", "0", "-0.001", "2.9999"].map(d);
        values.sort();
        assert_eq!(
            values.map(|v| v.to_string()).join(" "),
            "-2.5 -0.001 0 0.001 2.9999 3"
        );
    }

    #[test]
    fn powers_of_ten_are_exact() {
        assert_eq!(d("1.5").scale_pow10(3), Some(d("1500")));
        assert_eq!(d("1500").scale_pow10(-5), Some(d("0.015")));
        assert_eq!(d("-0.000000000001").scale_pow10(12), Some(d("-1")));
        assert_eq!(Decimal::ZERO.scale_pow10(100), Some(Decimal::ZERO));
        assert_eq!(
            d("1").scale_pow10(38).map(|v| v.to_string().len()),
            Some(39)
        );
        assert_eq!(d("2").scale_pow10(38), None);
        assert_eq!(d("1").scale_pow10(-39), None);
        assert_eq!(d("0.1").checked_add(&d("0.2")), Some(d("0.3")));
        assert_eq!(d("0.1").checked_sub(&d("0.3")), Some(d("-0.2")));
    }

    #[test]
    fn units_parse_from_their_spellings() {
        for (input, unit) in [
            ("mg/kg", Unit::MgPerKg),
            (" MG/KG ", Unit::MgPerKg),
            ("ppm", Unit::MgPerKg),
            ("\u{00B5}g/kg", Unit::UgPerKg),
            ("\u{03BC}g/kg", Unit::UgPerKg),
            ("ug/kg", Unit::UgPerKg),
            ("PPB", Unit::UgPerKg),
            ("g/kg", Unit::GPerKg),
            ("ng/kg", Unit::NgPerKg),
            ("%", Unit::Percent),
            ("bq/KG", Unit::BqPerKg),
            ("CFU/g", Unit::CfuPerG),
            ("КОЕ/г", Unit::CfuPerG),
            ("CFU/25 g", Unit::CfuPer25G),
            ("cfu/25g", Unit::CfuPer25G),
            ("1/kg", Unit::PerKg),
        ] {
            assert_eq!(Unit::parse(input), Some(unit), "{input}");
        }
        for unit in Unit::ALL {
            assert_eq!(Unit::parse(unit.as_str()), Some(unit));
        }
        assert_eq!(Unit::UgPerKg.as_str(), "\u{00B5}g/kg");
        for bad in ["", "kg", "mg", "Bq", "mg/l", "g"] {
            assert_eq!(Unit::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn conversions_are_exact_powers_of_ten() {
        let mg = |text, from| convert(&d(text), from, Unit::MgPerKg).map(|v| v.to_string());
        assert_eq!(mg("5", Unit::UgPerKg).as_deref(), Some("0.005"));
        assert_eq!(mg("1", Unit::Percent).as_deref(), Some("10000"));
        assert_eq!(mg("0.5", Unit::GPerKg).as_deref(), Some("500"));
        assert_eq!(mg("1", Unit::NgPerKg).as_deref(), Some("0.000001"));
        assert_eq!(convert(&d("1"), Unit::Percent, Unit::GPerKg), Some(d("10")));
        assert_eq!(
            convert(&d("0.000000000001"), Unit::Percent, Unit::NgPerKg),
            Some(d("0.01"))
        );
        let round_trip = convert(&d("123.456"), Unit::UgPerKg, Unit::Percent)
            .and_then(|v| convert(&v, Unit::Percent, Unit::UgPerKg));
        assert_eq!(round_trip, Some(d("123.456")));
        assert_eq!(convert(&d("1"), Unit::BqPerKg, Unit::MgPerKg), None);
        assert_eq!(convert(&d("1"), Unit::CfuPerG, Unit::CfuPer25G), None);
        assert_eq!(convert(&d("1"), Unit::CfuPer25G, Unit::CfuPerG), None);
        assert_eq!(convert(&d("1"), Unit::CfuPerG, Unit::PerKg), None);
        assert_eq!(
            convert(&d("7"), Unit::CfuPer25G, Unit::CfuPer25G),
            Some(d("7"))
        );
    }

    #[test]
    fn readings_parse_by_method_kind() {
        for (input, reading) in [
            ("0,25", value("0.25")),
            ("0", value("0")),
            ("<loq", Reading::BelowLoq),
            ("< LOQ", Reading::BelowLoq),
            (" <  Loq ", Reading::BelowLoq),
            ("nd", Reading::NotDetected),
            ("ND", Reading::NotDetected),
            ("not_detected", Reading::NotDetected),
            ("Not detected", Reading::NotDetected),
        ] {
            assert_eq!(parse_reading(false, input), Ok(reading), "{input}");
        }
        for (input, reading) in [
            ("detected", Reading::Detected),
            ("+", Reading::Detected),
            ("not_detected", Reading::NotDetected),
            (" - ", Reading::NotDetected),
        ] {
            assert_eq!(parse_reading(true, input), Ok(reading), "{input}");
        }
        assert_eq!(parse_reading(false, "  "), Err("field.required"));
        assert_eq!(parse_reading(true, ""), Err("field.required"));
        assert_eq!(parse_reading(false, "-1"), Err("field.number"));
        assert_eq!(parse_reading(false, "-0"), Err("field.number"));
        assert_eq!(parse_reading(false, "detected"), Err("field.number"));
        assert_eq!(parse_reading(false, "1e-3"), Err("field.number"));
        assert_eq!(parse_reading(true, "0.5"), Err("field.choose"));
        for reading in [value("12.5"), Reading::BelowLoq, Reading::NotDetected] {
            assert_eq!(parse_reading(false, &reading.to_string()), Ok(reading));
        }
        for reading in [Reading::Detected, Reading::NotDetected] {
            assert_eq!(parse_reading(true, &reading.to_string()), Ok(reading));
        }
    }

    #[test]
    fn readings_as_labs_write_them_keep_the_typed_text() {
        let below = |t: &str| Reading::Below(d(t));
        for (input, reading, shown) in [
            ("12.5", value("12.5"), Some("12.5")),
            ("12,5", value("12.5"), Some("12,5")),
            ("1.0", value("1"), Some("1.0")),
            (" 0.0100 ", value("0.01"), Some("0.0100")),
            ("<0.01", below("0.01"), Some("<0.01")),
            ("< 0,01", below("0.01"), Some("< 0,01")),
            ("<  0.010", below("0.01"), Some("<  0.010")),
            ("< LOQ", Reading::BelowLoq, None),
            ("<loq", Reading::BelowLoq, None),
            ("nd", Reading::NotDetected, None),
            ("ND", Reading::NotDetected, None),
            ("n.d.", Reading::NotDetected, None),
            ("не обнаружено", Reading::NotDetected, None),
            ("Не обнаружено", Reading::NotDetected, None),
            ("анықталмады", Reading::NotDetected, None),
            ("анықталған жоқ", Reading::NotDetected, None),
            ("未检出", Reading::NotDetected, None),
        ] {
            let typed = parse_typed_reading(false, input).unwrap();
            assert_eq!(typed.reading, reading, "{input}");
            assert_eq!(typed.as_entered.as_deref(), shown, "{input}");
        }
        for (input, reading) in [
            ("detected", Reading::Detected),
            ("обнаружено", Reading::Detected),
            ("анықталды", Reading::Detected),
            ("检出", Reading::Detected),
            ("未检出", Reading::NotDetected),
            ("не обнаружено", Reading::NotDetected),
        ] {
            assert_eq!(parse_typed_reading(true, input).unwrap().reading, reading);
        }
        for bad in [
            "<", "< -1", "<-0.5", "<< 1", "< abc", "1.0.0", "12,5 mg", "<1e-3",
        ] {
            assert_eq!(
                parse_typed_reading(false, bad).map(|t| t.reading),
                Err("field.number"),
                "{bad}"
            );
        }
        assert!(parse_typed_reading(false, &"1".repeat(41)).is_err());
        assert!(parse_typed_reading(false, "1\u{7}").is_err());
        assert_eq!(
            parse_reading(false, &below("0.01").to_string()),
            Ok(below("0.01"))
        );
    }

    #[test]
    fn below_a_stated_bound_settles_a_maximum_exactly() {
        let mg = Unit::MgPerKg;
        let max = Rule::Max(d("0.01"));
        let below = |t: &str| Reading::Below(d(t));
        assert_eq!(judge(below("0.01"), mg, max, mg), Conforms);
        assert_eq!(judge(below("0.010000000001"), mg, max, mg), Inconclusive);
        assert_eq!(judge(below("10"), Unit::UgPerKg, max, mg), Conforms);
        assert_eq!(
            judge(below("10.000000001"), Unit::UgPerKg, max, mg),
            Inconclusive
        );
        assert_eq!(
            judge(below("0.001"), mg, Rule::Min(d("0")), mg),
            Inconclusive
        );
        assert_eq!(
            judge(below("0.001"), mg, Rule::NotDetected, mg),
            Inconclusive
        );
    }

    #[test]
    fn maximum_at_below_and_above_the_limit() {
        let max = Rule::Max(d("0.005"));
        let mg = Unit::MgPerKg;
        assert_eq!(judge(value("0.005"), mg, max, mg), Conforms);
        assert_eq!(judge(value("0.0050"), mg, max, mg), Conforms);
        assert_eq!(judge(value("0.004999999999"), mg, max, mg), Conforms);
        assert_eq!(judge(value("0.005000000001"), mg, max, mg), DoesNotConform);
        assert_eq!(judge(value("0"), mg, max, mg), Conforms);
        assert_eq!(judge(Reading::NotDetected, mg, max, mg), Conforms);
        assert_eq!(judge(Reading::Detected, mg, max, mg), Inconclusive);
    }

    #[test]
    fn maximum_in_another_unit() {
        let (mg, ug) = (Unit::MgPerKg, Unit::UgPerKg);
        let max = Rule::Max(d("5"));
        assert_eq!(judge(value("0.005"), mg, max, ug), Conforms);
        assert_eq!(judge(value("0.005000000001"), mg, max, ug), DoesNotConform);
        assert_eq!(judge(value("0.004999999999"), mg, max, ug), Conforms);
        let max_mg = Rule::Max(d("0.005"));
        assert_eq!(judge(value("5"), ug, max_mg, mg), Conforms);
        assert_eq!(
            judge(value("5.000000000001"), ug, max_mg, mg),
            DoesNotConform
        );
        let moisture = Rule::Max(d("14.5"));
        assert_eq!(
            judge(value("145"), Unit::GPerKg, moisture, Unit::Percent),
            Conforms
        );
        assert_eq!(
            judge(
                value("145.000000000001"),
                Unit::GPerKg,
                moisture,
                Unit::Percent
            ),
            DoesNotConform
        );
    }

    #[test]
    fn below_loq_conforms_to_a_maximum_only_when_the_loq_does() {
        let max = limit(Rule::Max(d("2")), Unit::UgPerKg);
        let below = |loq: Option<&str>, unit| {
            let loq = loq.map(d);
            evaluate(&Reading::BelowLoq, Some(unit), loq.as_ref(), Some(&max))
        };
        assert_eq!(below(Some("2"), Unit::UgPerKg), Conforms);
        assert_eq!(below(Some("1.999999999999"), Unit::UgPerKg), Conforms);
        assert_eq!(below(Some("2.000000000001"), Unit::UgPerKg), Inconclusive);
        assert_eq!(below(Some("0.002"), Unit::MgPerKg), Conforms);
        assert_eq!(below(Some("0.0021"), Unit::MgPerKg), Inconclusive);
        assert_eq!(below(Some("1"), Unit::BqPerKg), Inconclusive);
        assert_eq!(below(None, Unit::UgPerKg), Inconclusive);
    }

    #[test]
    fn minimum_at_below_and_above_the_limit() {
        let (pct, gkg) = (Unit::Percent, Unit::GPerKg);
        let min = Rule::Min(d("12.5"));
        assert_eq!(judge(value("12.5"), pct, min, pct), Conforms);
        assert_eq!(judge(value("12.500000000001"), pct, min, pct), Conforms);
        assert_eq!(
            judge(value("12.499999999999"), pct, min, pct),
            DoesNotConform
        );
        assert_eq!(judge(value("125"), gkg, min, pct), Conforms);
        assert_eq!(
            judge(value("124.999999999999"), gkg, min, pct),
            DoesNotConform
        );
        assert_eq!(judge(value("1"), Unit::BqPerKg, min, pct), Inconclusive);
        let loq = d("20");
        for reading in [Reading::BelowLoq, Reading::NotDetected, Reading::Detected] {
            let min = limit(min, pct);
            assert_eq!(
                evaluate(&reading, Some(pct), Some(&loq), Some(&min)),
                Inconclusive
            );
        }
    }

    #[test]
    fn not_detected_rule() {
        let cfu = Unit::CfuPer25G;
        let nd = Rule::NotDetected;
        assert_eq!(judge(Reading::NotDetected, cfu, nd, cfu), Conforms);
        assert_eq!(judge(Reading::Detected, cfu, nd, cfu), DoesNotConform);
        assert_eq!(judge(value("0"), cfu, nd, cfu), Conforms);
        assert_eq!(judge(value("0.000000000001"), cfu, nd, cfu), DoesNotConform);
        assert_eq!(judge(value("3"), Unit::CfuPerG, nd, cfu), DoesNotConform);
        assert_eq!(judge(Reading::BelowLoq, cfu, nd, cfu), Inconclusive);
        let qualitative = Limit {
            rule: nd,
            unit: None,
        };
        let detected = evaluate(&Reading::Detected, None, None, Some(&qualitative));
        assert_eq!(detected, DoesNotConform);
    }

    #[test]
    fn without_a_comparable_limit_the_result_is_inconclusive() {
        let reading = value("1");
        let max = limit(Rule::Max(d("5")), Unit::MgPerKg);
        let eval = |unit, limit: Option<&Limit>| evaluate(&reading, unit, None, limit);
        assert_eq!(eval(Some(Unit::MgPerKg), None), Inconclusive);
        assert_eq!(eval(Some(Unit::BqPerKg), Some(&max)), Inconclusive);
        assert_eq!(eval(None, Some(&max)), Inconclusive);
        let unitless = Limit {
            rule: Rule::Max(d("5")),
            unit: None,
        };
        assert_eq!(eval(Some(Unit::MgPerKg), Some(&unitless)), Inconclusive);
        assert_eq!(eval(None, Some(&unitless)), Conforms);
        let negative = Reading::Value(d("-1"));
        let mg = Some(Unit::MgPerKg);
        assert_eq!(evaluate(&negative, mg, None, Some(&max)), Inconclusive);
    }

    #[test]
    fn conformity_texts() {
        for (conformity, text) in [
            (Conforms, "conforms"),
            (DoesNotConform, "does_not_conform"),
            (Inconclusive, "inconclusive"),
        ] {
            assert_eq!(conformity.as_str(), text);
            assert_eq!(Conformity::parse(text), Some(conformity));
        }
        assert_eq!(Conformity::parse("ok"), None);
    }

    /// A small linear congruential generator: the same "random" limits on every run.
    struct Lcg(u64);

    impl Lcg {
        fn next(&mut self) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            self.0 >> 33
        }

        /// A positive decimal of up to 15 digits with 0 to 9 of them after the point.
        fn decimal(&mut self) -> Decimal {
            let mantissa = ((self.next() << 31) | self.next()) % 1_000_000_000_000_000 + 1;
            Decimal::from_parts(i128::from(mantissa), (self.next() % 10) as u32).unwrap()
        }
    }

    /// The same amount in a unit 1000× smaller (e.g. mg/kg → µg/kg), or larger, built from the
    /// mantissa by hand rather than with the conversion under test.
    fn thousand_times(v: Decimal) -> Decimal {
        Decimal::from_parts(v.mantissa * 1000, v.scale).unwrap()
    }

    fn thousandth(v: Decimal) -> Decimal {
        Decimal::from_parts(v.mantissa, v.scale + 3).unwrap()
    }

    /// For each limit, readings at, just below and just above it (±10^-12 in the limit's
    /// unit), given in the limit's unit and in units 1000× smaller and larger.
    fn check_boundaries(rule: fn(Decimal) -> Rule, below: Conformity, above: Conformity) {
        let epsilon = Decimal::from_parts(1, 12).unwrap();
        let mut lcg = Lcg(0x6a6f_696e_746c_6162);
        for _ in 0..400 {
            let m = lcg.decimal();
            assert_eq!(Decimal::parse(&m.to_string()), Ok(m));
            let cases = [
                (m, Conformity::Conforms),
                (m.checked_sub(&epsilon).unwrap(), below),
                (m.checked_add(&epsilon).unwrap(), above),
            ];
            for (v, expected) in cases {
                let in_unit = [
                    (v, Unit::MgPerKg, Unit::MgPerKg),
                    (thousand_times(v), Unit::UgPerKg, Unit::MgPerKg),
                    (thousandth(v), Unit::MgPerKg, Unit::UgPerKg),
                    (thousandth(v), Unit::GPerKg, Unit::MgPerKg),
                ];
                for (reading, unit, limit_unit) in in_unit {
                    let got = judge(Reading::Value(reading), unit, rule(m), limit_unit);
                    assert_eq!(got, expected, "{reading} {unit} against {m} {limit_unit}");
                }
            }
        }
    }

    #[test]
    fn property_maximum_boundaries() {
        check_boundaries(Rule::Max, Conforms, DoesNotConform);
    }

    #[test]
    fn property_minimum_boundaries() {
        check_boundaries(Rule::Min, DoesNotConform, Conforms);
    }

    #[test]
    fn property_order_agrees_with_subtraction_and_text() {
        let mut lcg = Lcg(17);
        for _ in 0..500 {
            let sign = |lcg: &mut Lcg, v: Decimal| {
                if lcg.next().is_multiple_of(2) {
                    v
                } else {
                    Decimal::ZERO.checked_sub(&v).unwrap()
                }
            };
            let a = lcg.decimal();
            let a = sign(&mut lcg, a);
            let b = lcg.decimal();
            let b = sign(&mut lcg, b);
            let difference = a.checked_sub(&b).unwrap();
            assert_eq!(a.cmp(&b), difference.cmp(&Decimal::ZERO), "{a} vs {b}");
            assert_eq!(a == b, difference.is_zero());
            assert_eq!(Decimal::from_canonical(&a.to_string()), Some(a));
            assert_eq!(b.checked_add(&difference), Some(a));
        }
    }
}
