//! Values of the intake forms: HS codes, decimal amounts, units, dates, free text.

use super::FieldError;
use crate::db::ids::{BorderPostId, CommodityId, LimitSetId};

/// A Harmonized System code of 6 to 10 digits (spaces and dots as typed are dropped).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HsCode(String);

impl HsCode {
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let digits: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '.')
            .collect();
        if digits.is_empty() {
            return Err("field.required");
        }
        if !(6..=10).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err("field.hs_code");
        }
        Ok(HsCode(digits))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A non-negative decimal number kept exactly as text in its canonical form (no exponent,
/// no leading `+`, `,` accepted as the decimal separator): quantities, masses, limits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecimalText(String);

impl DecimalText {
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let value = input.trim().replace(',', ".");
        if value.is_empty() {
            return Err("field.required");
        }
        let (int, frac) = value.split_once('.').unwrap_or((&value, ""));
        let digits_ok = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if int.is_empty()
            || !digits_ok(int)
            || !digits_ok(frac)
            || (value.contains('.') && frac.is_empty())
        {
            return Err("field.number");
        }
        if int.len() > 12 || frac.len() > 9 {
            return Err("field.number_range");
        }
        let int = int.trim_start_matches('0');
        let int = if int.is_empty() { "0" } else { int };
        let frac = frac.trim_end_matches('0');
        Ok(DecimalText(if frac.is_empty() {
            int.to_owned()
        } else {
            format!("{int}.{frac}")
        }))
    }

    /// Like [`parse`](Self::parse), refusing zero.
    pub fn parse_positive(input: &str) -> Result<Self, FieldError> {
        let value = Self::parse(input)?;
        if value.0 == "0" {
            return Err("field.positive");
        }
        Ok(value)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A line of free text a form requires: trimmed, 1 to `max` characters, no control
/// characters and no bidirectional overrides.
pub fn required_text(input: &str, max: usize) -> Result<String, FieldError> {
    bounded_text(input, max, false)
}

/// Free text a form requires where line breaks belong (reasons, notes): like
/// [`required_text`], with line breaks and tabs allowed.
pub fn required_paragraph(input: &str, max: usize) -> Result<String, FieldError> {
    bounded_text(input, max, true)
}

fn bounded_text(input: &str, max: usize, multiline: bool) -> Result<String, FieldError> {
    let value = input.trim();
    if value.is_empty() {
        return Err("field.required");
    }
    if value.chars().count() > max {
        return Err("field.too_long");
    }
    if multiline {
        super::text::multi_line(value)?;
    } else {
        super::text::single_line(value)?;
    }
    Ok(value.to_owned())
}

/// A calendar date typed as YYYY-MM-DD.
pub fn date(input: &str) -> Result<chrono::NaiveDate, FieldError> {
    let value = input.trim();
    if value.is_empty() {
        return Err("field.required");
    }
    chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").map_err(|_| "field.date_invalid")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn portion_identifiers() {
        assert_eq!(
            PortionKind::Kz.identifier("JL-2026-000007"),
            "JL-2026-000007-KZ"
        );
        assert_eq!(
            parse_portion_identifier(" jl-2026-000007-c "),
            Some(("JL-2026-000007".to_owned(), PortionKind::Counter))
        );
        assert_eq!(
            parse_portion_identifier("JL-2026-000007-CN"),
            Some(("JL-2026-000007".to_owned(), PortionKind::Cn))
        );
        assert_eq!(parse_portion_identifier("JL-2026-000007"), None);
        assert_eq!(parse_portion_identifier("JL-2026-000007-XY"), None);
        assert_eq!(parse_portion_identifier("SEAL-555-KZ"), None);
    }

    #[test]
    fn hs_codes() {
        assert_eq!(HsCode::parse("1001 99").unwrap().as_str(), "100199");
        assert_eq!(
            HsCode::parse("0204.43.000.0").unwrap().as_str(),
            "0204430000"
        );
        assert_eq!(HsCode::parse("10019").unwrap_err(), "field.hs_code");
        assert_eq!(HsCode::parse("10019900001").unwrap_err(), "field.hs_code");
        assert_eq!(HsCode::parse("1001a9").unwrap_err(), "field.hs_code");
    }

    #[test]
    fn decimals_are_canonical() {
        assert_eq!(DecimalText::parse("0012,500").unwrap().as_str(), "12.5");
        assert_eq!(DecimalText::parse("0.0020").unwrap().as_str(), "0.002");
        assert_eq!(DecimalText::parse("60").unwrap().as_str(), "60");
        for bad in ["-1", "1e3", "1.", ".5", "1.2.3", "abc", "+4"] {
            assert!(DecimalText::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(
            DecimalText::parse_positive("0.000").unwrap_err(),
            "field.positive"
        );
    }

    #[test]
    fn texts_and_dates() {
        assert_eq!(required_text("  Khorgos  ", 10).unwrap(), "Khorgos");
        assert_eq!(required_text(" ", 10).unwrap_err(), "field.required");
        assert_eq!(
            required_text("abcdefghijk", 10).unwrap_err(),
            "field.too_long"
        );
        assert!(date("2026-12-01").is_ok());
        assert_eq!(date("01.12.2026").unwrap_err(), "field.date_invalid");
    }
}

crate::text_enum! {
    QuantityUnit {
        Tonnes => "t",
        Kilograms => "kg",
        Head => "head",
        Pieces => "pcs",
    }
}

crate::text_enum! {
    Transport {
        Rail => "rail",
        Road => "road",
    }
}

/// What is shipped, where from and where to: the fields an application and its consignment
/// share, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shipment {
    pub commodity_id: CommodityId,
    pub quantity: DecimalText,
    pub unit: QuantityUnit,
    pub lots: String,
    pub origin_region: String,
    pub origin_district: String,
    pub producer: String,
    pub consignee: String,
    pub border_post_id: BorderPostId,
    pub transport: Transport,
    pub planned_date: chrono::NaiveDate,
    pub limit_set_id: LimitSetId,
}

impl Shipment {
    /// What the lists' free-text search finds it by, folded (see `domain::search`).
    pub fn search_text(&self) -> String {
        super::search::search_text(&[
            &self.producer,
            &self.consignee,
            &self.origin_region,
            &self.origin_district,
        ])
    }

    pub fn audit_view(&self, code: &str) -> serde_json::Value {
        serde_json::json!({
            "code": code,
            "commodity_id": self.commodity_id.to_string(),
            "quantity": self.quantity.as_str(),
            "unit": self.unit.as_str(),
            "lots": self.lots,
            "origin": [self.origin_region, self.origin_district, self.producer],
            "consignee": self.consignee,
            "border_post_id": self.border_post_id.to_string(),
            "transport": self.transport.as_str(),
            "planned_date": self.planned_date.to_string(),
            "limit_set_id": self.limit_set_id.to_string(),
        })
    }
}

/// Where every portion starts: sealed at the joint lab's reception.
pub const RECEPTION: &str = "reception";
/// Where the counter-sample is kept for arbitration.
pub const COUNTER_STORE: &str = "counter_store";

crate::text_enum! {
    /// The three parts a sample is split into.
    PortionKind {
        Kz => "kz",
        Cn => "cn",
        Counter => "counter",
    }
}

impl PortionKind {
    /// Where a portion goes when handed over: its side's lab, or the counter-sample store.
    pub fn destination(self) -> &'static str {
        match self {
            PortionKind::Kz => "kz",
            PortionKind::Cn => "cn",
            PortionKind::Counter => COUNTER_STORE,
        }
    }

    /// The lab side a portion belongs to (the counter-sample belongs to neither).
    pub fn side(self) -> Option<super::Side> {
        match self {
            PortionKind::Kz => Some(super::Side::Kz),
            PortionKind::Cn => Some(super::Side::Cn),
            PortionKind::Counter => None,
        }
    }
}

impl PortionKind {
    /// The suffix that makes a sample code into this portion's identifier (its label's QR).
    pub fn suffix(self) -> &'static str {
        match self {
            PortionKind::Kz => "KZ",
            PortionKind::Cn => "CN",
            PortionKind::Counter => "C",
        }
    }

    /// The identifier printed on this portion's label: `JL-2026-000007-KZ`, `-CN`, `-C`.
    pub fn identifier(self, sample_code: &str) -> String {
        format!("{sample_code}-{}", self.suffix())
    }
}

/// A portion identifier as scanned or typed (`JL-2026-000007-KZ`, any case, spaces around):
/// the sample code and the portion, or `None` when the text is not one.
pub fn parse_portion_identifier(text: &str) -> Option<(String, PortionKind)> {
    let text = text.trim().to_ascii_uppercase();
    let (code, suffix) = text.rsplit_once('-')?;
    let kind = PortionKind::ALL
        .iter()
        .copied()
        .find(|k| k.suffix() == suffix)?;
    // Only a whole sample code (`JL-YYYY-NNNNNN`) before the suffix.
    let mut parts = code.split('-');
    let shaped = parts.next() == Some("JL")
        && parts
            .next()
            .is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
        && parts
            .next()
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        && parts.next().is_none();
    shaped.then(|| (code.to_owned(), kind))
}
