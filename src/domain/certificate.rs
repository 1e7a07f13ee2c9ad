//! What a certificate is made of: its kind and status, its number and verification code, and
//! the contents printed on it, frozen as JSON when the draft is made so that an issued
//! certificate never changes when the records behind it do.

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

crate::text_enum! {
    /// A phytosanitary certificate (plants), a veterinary certificate (animal products), or a
    /// non-conformity notice for a consignment that failed.
    CertificateKind {
        Phytosanitary => "phytosanitary",
        Veterinary => "veterinary",
        Notice => "notice",
    }
}

impl CertificateKind {
    /// The number's prefix: `KZCN-PC-2026-000045`, `KZCN-VC-…`, `KZCN-NC-…`.
    pub fn prefix(self) -> &'static str {
        match self {
            CertificateKind::Phytosanitary => "KZCN-PC",
            CertificateKind::Veterinary => "KZCN-VC",
            CertificateKind::Notice => "KZCN-NC",
        }
    }

    /// The token's `kind` claim; a notice has no token.
    pub fn claim(self) -> Option<&'static str> {
        match self {
            CertificateKind::Phytosanitary => Some("phyto"),
            CertificateKind::Veterinary => Some("vet"),
            CertificateKind::Notice => None,
        }
    }

    pub fn is_notice(self) -> bool {
        self == CertificateKind::Notice
    }
}

crate::text_enum! {
    /// Where a certificate stands. `expired` is not stored: an issued certificate whose
    /// validity has passed reads as expired (see [`Standing`]).
    CertificateStatus {
        Draft => "draft",
        Issued => "issued",
        Replaced => "replaced",
        Revoked => "revoked",
        Discarded => "discarded",
    }
}

crate::text_enum! {
    /// What a signature means (21 CFR Part 11 §11.50): the first signer issues, the second
    /// co-signs.
    SignatureMeaning {
        Issued => "issued",
        CoSigned => "co_signed",
    }
}

crate::text_enum! {
    /// A certificate as a reader must take it, today.
    Standing {
        Draft => "draft",
        Valid => "valid",
        Expired => "expired",
        Replaced => "replaced",
        Revoked => "revoked",
        Discarded => "discarded",
    }
}

/// Characters of verification codes: no 0/O, 1/I/L, so a code typed from paper is read right.
const CODE_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/// A fresh verification code: 10 characters of a 31-letter alphabet (about 49 bits), from
/// the operating system's generator.
pub fn verification_code() -> String {
    let mut bytes = [0u8; 10];
    loop {
        getrandom::fill(&mut bytes).expect("the operating system's random generator works");
        // Rejection sampling keeps every letter equally likely.
        if bytes.iter().all(|b| (*b as usize) < 248) {
            break;
        }
    }
    bytes
        .iter()
        .map(|b| CODE_ALPHABET[*b as usize % CODE_ALPHABET.len()] as char)
        .collect()
}

/// A code as printed for manual entry: `ABCDE-FGHJK`.
pub fn printed_code(code: &str) -> String {
    if code.len() == 10 {
        format!("{}-{}", &code[..5], &code[5..])
    } else {
        code.to_owned()
    }
}

/// A code as a person typed it: without dashes or spaces, upper case.
pub fn typed_code(input: &str) -> String {
    input
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// A name in the four languages, in the catalogs' order (en, ru, kk, zh).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Names(pub [String; 4]);

impl Names {
    pub fn of(names: [&str; 4]) -> Names {
        Names(names.map(str::to_owned))
    }

    pub fn get(&self, lang: &Lang) -> &str {
        let [en, ru, kk, zh] = &self.0;
        match lang {
            Lang::En => en,
            Lang::Ru => ru,
            Lang::Kk => kk,
            Lang::Zh => zh,
        }
    }
}

/// One result as printed: which sample, which side, which method, the reading and the limit.
/// Readings and rules are kept as codes and put into words in each language when printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultLine {
    pub sample: String,
    pub side: String,
    pub method_code: String,
    pub method: Names,
    pub standard: String,
    /// `value`, `below_loq`, `not_detected` or `detected`.
    pub reading: String,
    pub value: Option<String>,
    pub unit: Option<String>,
    /// `max`, `min` or `not_detected`; none when the destination sets no limit.
    pub limit_rule: Option<String>,
    pub limit_value: Option<String>,
    pub limit_unit: Option<String>,
    /// `conforms` or `does_not_conform` (after a discrepancy, the outcome both sides agreed).
    pub conformity: String,
}

/// An additional declaration as chosen on the draft, in the four languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeclarationText {
    pub code: String,
    pub text: Names,
}

/// A sample drawn from the consignment, as printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SampleLine {
    pub code: String,
    pub seal: String,
}

/// Everything printed on a certificate or notice, frozen when the draft is made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contents {
    pub consignment: String,
    pub exporter: String,
    pub exporter_bin: String,
    pub exporter_address: String,
    pub consignee: String,
    pub commodity: Names,
    pub hs_code: String,
    pub quantity: String,
    pub unit: String,
    pub lots: String,
    pub transport_details: String,
    pub origin_region: String,
    pub origin_district: String,
    pub producer: String,
    pub post_code: String,
    pub post: Names,
    /// `rail` or `road`.
    pub transport: String,
    pub destination_code: String,
    pub destination: Names,
    /// The exporter's GACC register number for the commodity (China only).
    pub gacc_registration: Option<String>,
    pub samples: Vec<SampleLine>,
    pub results: Vec<ResultLine>,
    pub declarations: Vec<DeclarationText>,
    pub remarks: String,
}

impl Contents {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("contents serialise")
    }

    pub fn from_json(text: &str) -> Result<Contents, String> {
        serde_json::from_str(text).map_err(|e| format!("certificate contents: {e}"))
    }

    /// The contents as stored: deflated JSON. A certificate's results name each method in four
    /// languages, about 12 KB of JSON that deflates to a tenth; SQLite compresses nothing by
    /// itself (PostgreSQL's own compression of long values did about half as well).
    pub fn to_stored(&self) -> Vec<u8> {
        use std::io::Write;
        let mut encoder =
            flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        encoder
            .write_all(self.to_json().as_bytes())
            .and_then(|()| encoder.finish())
            .expect("deflating into memory")
    }

    /// Reads stored contents: deflated JSON, or plain JSON as drafts were stored before.
    pub fn from_stored(bytes: &[u8]) -> Result<Contents, String> {
        use std::io::Read;
        /// Far more than any certificate: a corrupt stream cannot fill the memory.
        const MOST: u64 = 16 << 20;
        if bytes.first() == Some(&b'{') {
            let text =
                std::str::from_utf8(bytes).map_err(|e| format!("certificate contents: {e}"))?;
            return Contents::from_json(text);
        }
        let mut text = String::new();
        flate2::read::ZlibDecoder::new(bytes)
            .take(MOST)
            .read_to_string(&mut text)
            .map_err(|e| format!("certificate contents: {e}"))?;
        Contents::from_json(&text)
    }

    /// The results that do not conform (what a notice lists).
    pub fn failing(&self) -> impl Iterator<Item = &ResultLine> {
        self.results
            .iter()
            .filter(|r| r.conformity == "does_not_conform")
    }
}

crate::text_enum! {
    /// What a verifier is told, in one word. `notice`: a genuine non-conformity notice (the
    /// consignment failed; it is no certificate).
    Verdict {
        Valid => "valid",
        Revoked => "revoked",
        Replaced => "replaced",
        Expired => "expired",
        NotFound => "not_found",
        Forged => "forged",
        Notice => "notice",
    }
}

impl Verdict {
    /// Only a valid certificate lets a consignment through.
    pub fn is_valid(self) -> bool {
        self == Verdict::Valid
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_ten_unambiguous_characters_and_differ() {
        let a = verification_code();
        let b = verification_code();
        assert_eq!(a.len(), 10);
        assert_ne!(a, b);
        assert!(a.bytes().all(|c| CODE_ALPHABET.contains(&c)));
        assert_eq!(typed_code(&printed_code(&a).to_lowercase()), a);
    }

    #[test]
    fn corrupt_stored_contents_are_an_error_not_a_panic() {
        for bytes in [
            &b""[..],
            b"{\"consignment\":",
            b"\x78\x9c\x01\x02\x03",
            b"\xff\xfe",
        ] {
            assert!(Contents::from_stored(bytes).is_err(), "{bytes:?}");
        }
    }
}
