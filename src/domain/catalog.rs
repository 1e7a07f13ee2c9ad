//! Values of the catalog forms: names in the four languages, test method codes, units and
//! the order of two decimal amounts (LOQ against LOD).

use std::cmp::Ordering;

use super::FieldError;
use super::intake::{DecimalText, required_text};

/// Which field of a form is wrong, and why (a catalog key).
pub type FieldErrors = Vec<(&'static str, FieldError)>;

/// A catalog entry's name in English, Russian, Kazakh and Chinese, each 1 to 200 characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Names {
    pub en: String,
    pub ru: String,
    pub kk: String,
    pub zh: String,
}

impl Names {
    /// The form fields of the four names, in the order `parse` takes them.
    pub const FIELDS: [&'static str; 4] = ["name_en", "name_ru", "name_kk", "name_zh"];

    /// Parses the names as typed (en, ru, kk, zh), naming each wrong field.
    pub fn parse(input: [&str; 4]) -> Result<Names, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut names = Vec::with_capacity(4);
        for (field, value) in Self::FIELDS.into_iter().zip(input) {
            match required_text(value, 200) {
                Ok(name) => names.push(name),
                Err(e) => errors.push((field, e)),
            }
        }
        match <[String; 4]>::try_from(names) {
            Ok([en, ru, kk, zh]) if errors.is_empty() => Ok(Names { en, ru, kk, zh }),
            _ => Err(errors),
        }
    }
}

/// A test method's short code (`AFB1`, `SALM-25G`): 1 to 40 letters, digits, `.`, `-` or `_`,
/// kept upper-case so that `afb1` and `AFB1` are one code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MethodCode(String);

impl MethodCode {
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let code = input.trim().to_uppercase();
        if code.is_empty() {
            return Err("field.required");
        }
        if code.chars().count() > 40 {
            return Err("field.too_long");
        }
        if !code
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
        {
            return Err("catalog.error.code_format");
        }
        Ok(MethodCode(code))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A unit of measurement as the lab writes it (`mg/kg`, `µg/kg`, `Bq/kg`): 1 to 20 characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit(String);

impl Unit {
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        required_text(input, 20).map(Unit)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Compares two canonical decimals exactly (no floating point): integer parts by length then
/// digits, fractions digit by digit.
pub fn compare_decimals(a: &DecimalText, b: &DecimalText) -> Ordering {
    let split = |d: &DecimalText| {
        let (int, frac) = d.as_str().split_once('.').unwrap_or((d.as_str(), ""));
        (int.to_owned(), frac.to_owned())
    };
    let ((a_int, a_frac), (b_int, b_frac)) = (split(a), split(b));
    let width = a_frac.len().max(b_frac.len());
    a_int
        .len()
        .cmp(&b_int.len())
        .then_with(|| a_int.cmp(&b_int))
        .then_with(|| format!("{a_frac:0<width$}").cmp(&format!("{b_frac:0<width$}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> DecimalText {
        DecimalText::parse(s).unwrap()
    }

    #[test]
    fn decimals_compare_exactly() {
        assert_eq!(compare_decimals(&d("0.1"), &d("0.03")), Ordering::Greater);
        assert_eq!(compare_decimals(&d("10"), &d("9.999")), Ordering::Greater);
        assert_eq!(compare_decimals(&d("0.50"), &d("0.5")), Ordering::Equal);
        assert_eq!(compare_decimals(&d("0.05"), &d("0.5")), Ordering::Less);
        assert_eq!(compare_decimals(&d("2"), &d("12")), Ordering::Less);
    }

    #[test]
    fn codes_and_names() {
        assert_eq!(MethodCode::parse(" afb1 ").unwrap().as_str(), "AFB1");
        assert_eq!(
            MethodCode::parse("AF B1").unwrap_err(),
            "catalog.error.code_format"
        );
        let names = Names::parse(["Wheat", "Пшеница", "Бидай", "小麦"]).unwrap();
        assert_eq!(names.zh, "小麦");
        let errors = Names::parse(["Wheat", " ", "Бидай", ""]).unwrap_err();
        assert_eq!(
            errors,
            vec![("name_ru", "field.required"), ("name_zh", "field.required")]
        );
    }
}

crate::text_enum! {
    /// How a result is held against a limit.
    LimitRule {
        Max => "max",
        Min => "min",
        NotDetected => "not_detected",
    }
}

crate::text_enum! {
    /// Decides the certificate: phytosanitary for plants, veterinary for animals.
    CommodityKind {
        Plant => "plant",
        Animal => "animal",
    }
}

crate::text_enum! {
    /// The field a test method belongs to.
    Discipline {
        QuarantinePest => "quarantine_pest",
        Mycotoxin => "mycotoxin",
        HeavyMetal => "heavy_metal",
        PesticideResidue => "pesticide_residue",
        Microbiology => "microbiology",
        VeterinaryDrugResidue => "veterinary_drug_residue",
        Radionuclide => "radionuclide",
        VeterinaryDisease => "veterinary_disease",
    }
}

crate::text_enum! {
    /// A value with a unit, or detected / not detected.
    ResultKind {
        Quantitative => "quantitative",
        Qualitative => "qualitative",
    }
}
