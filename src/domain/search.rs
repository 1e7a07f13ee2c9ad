//! What a list's search box asked for. The same on both backends: stored search texts and the
//! query are folded here, in Rust (Latin, Cyrillic with the Kazakh letters Ә Ғ Қ Ң Ө Ұ Ү Һ І,
//! anything Unicode knows a lower case of), never by the database's own `lower()` or `LIKE`,
//! which fold differently on SQLite and PostgreSQL.

/// The longest search text used: no code, seal, BIN or name is longer.
pub const MAX_CHARS: usize = 200;

/// A number typed without its year stands for a code of one of this many recent years.
pub const NUMBERED_YEARS: i32 = 20;

/// The current year (UTC), for [`SearchQuery::codes_by_number`].
pub fn this_year() -> i32 {
    use chrono::Datelike;
    chrono::Utc::now().year()
}

/// Free text needs this many characters: a trigram index cannot answer fewer.
pub const FREE_TEXT_MIN_CHARS: usize = 3;

/// Folds `text` for searching: lower case, white space collapsed to one space, trimmed.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// The stored search text of a record: its searchable fields, folded and joined.
pub fn search_text(fields: &[&str]) -> String {
    fold(&fields.join(" "))
}

/// A search as the lists run it: exact lookups by shape (each straight to a unique or plain
/// index) and, from three characters, free text through the trigram indexes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchQuery {
    /// The folded text (what a seal key or a search text is compared with).
    pub folded: String,
    /// The text as a code would be written: upper case, no white space. A portion's
    /// identifier (`JL-2026-000007-KZ`) is reduced to its sample's code.
    pub code: String,
}

impl SearchQuery {
    /// `None` for an empty or blank query.
    pub fn parse(q: &str) -> Option<SearchQuery> {
        let q: String = q.chars().take(MAX_CHARS).collect();
        let folded = fold(&q);
        if folded.is_empty() {
            return None;
        }
        let mut code: String = q
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_uppercase)
            .collect();
        for suffix in ["-KZ", "-CN", "-C"] {
            if looks_like_code(&code, "JL", suffix.len()) {
                code.truncate(code.len() - suffix.len());
                break;
            }
        }
        Some(SearchQuery { folded, code })
    }

    /// The free text, when long enough for the trigram index.
    pub fn free_text(&self) -> Option<&str> {
        (self.folded.chars().count() >= FREE_TEXT_MIN_CHARS).then_some(self.folded.as_str())
    }

    /// The smallest text above every text that starts with the folded query, for a prefix
    /// as an index range (`folded <= x < bound`, byte order on both backends).
    pub fn prefix_bound(&self) -> String {
        let mut bound = self.folded.clone();
        bound.push(char::MAX);
        bound
    }

    /// The folded text as a LIKE pattern (`%`, `_`, `\` escaped with `\`).
    pub fn like_pattern(&self) -> String {
        let mut out = String::from("%");
        for c in self.folded.chars() {
            if matches!(c, '%' | '_' | '\\') {
                out.push('\\');
            }
            out.push(c);
        }
        out.push('%');
        out
    }

    /// The folded text as one FTS5 phrase (`"…"`, inner quotes doubled): a substring match
    /// under the trigram tokenizer.
    pub fn fts_phrase(&self) -> String {
        format!("\"{}\"", self.folded.replace('"', "\"\""))
    }

    /// A whole sample code (or a portion's identifier): `JL-YYYY-NNNNNN`.
    pub fn sample_code(&self) -> Option<&str> {
        looks_like_code(&self.code, "JL", 0).then_some(self.code.as_str())
    }

    /// A whole consignment number: `KC-YYYY-NNNNNN`.
    pub fn consignment_code(&self) -> Option<&str> {
        looks_like_code(&self.code, "KC", 0).then_some(self.code.as_str())
    }

    /// A whole application number: `APP-YYYY-NNNNNN`.
    pub fn application_code(&self) -> Option<&str> {
        looks_like_code(&self.code, "APP", 0).then_some(self.code.as_str())
    }

    /// A code typed by its number alone: `123` or `000123` (any of the last
    /// [`NUMBERED_YEARS`] years up to `this_year`) or `2026-000123` / `2026-123` (that year).
    /// The whole codes with `prefix` it may stand for, each an exact lookup on the code's
    /// unique index; empty when the query is not such a number.
    pub fn codes_by_number(&self, prefix: &str, this_year: i32) -> Vec<String> {
        let (year, number) = match self.code.split_once('-') {
            Some((y, n)) if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => {
                (y.parse::<i32>().ok(), n)
            }
            Some(_) => return Vec::new(),
            None => (None, self.code.as_str()),
        };
        if number.is_empty() || number.len() > 6 || !number.bytes().all(|b| b.is_ascii_digit()) {
            return Vec::new();
        }
        let n: u32 = number.parse().unwrap_or(0);
        if n == 0 {
            return Vec::new();
        }
        let years: Vec<i32> = match year {
            Some(y) => vec![y],
            None => (this_year - NUMBERED_YEARS + 1..=this_year).rev().collect(),
        };
        years
            .into_iter()
            .map(|y| format!("{prefix}-{y}-{n:06}"))
            .collect()
    }

    /// Twelve digits: a BIN.
    pub fn bin(&self) -> Option<&str> {
        (self.code.len() == 12 && self.code.bytes().all(|b| b.is_ascii_digit()))
            .then_some(self.code.as_str())
    }
}

/// `PREFIX-YYYY-NNNNNN` followed by `suffix_len` more characters of a suffix.
fn looks_like_code(code: &str, prefix: &str, suffix_len: usize) -> bool {
    let body_len = prefix.len() + 1 + 4 + 1 + 6;
    if code.len() != body_len + suffix_len || !code.is_char_boundary(body_len) {
        return false;
    }
    let body = &code[..body_len];
    let bytes = body.as_bytes();
    body.starts_with(prefix)
        && bytes[prefix.len()] == b'-'
        && bytes[prefix.len() + 5] == b'-'
        && bytes[prefix.len() + 1..prefix.len() + 5]
            .iter()
            .all(u8::is_ascii_digit)
        && bytes[prefix.len() + 6..].iter().all(u8::is_ascii_digit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_latin_cyrillic_and_kazakh_letters() {
        assert_eq!(fold("  ТОО  «Әлем\tҒЫЛЫМ» "), "тоо «әлем ғылым»");
        assert_eq!(fold("ҚҢӨҰҮҺІ KZ"), "қңөұүһі kz");
        assert_eq!(fold("新疆 粮油"), "新疆 粮油");
    }

    #[test]
    fn a_portion_identifier_is_its_samples_code() {
        let q = SearchQuery::parse(" jl-2026-000007-kz ").unwrap();
        assert_eq!(q.code, "JL-2026-000007");
        assert_eq!(
            SearchQuery::parse("JL-2026-000007-C").unwrap().code,
            "JL-2026-000007"
        );
        assert_eq!(
            SearchQuery::parse("JL-2026-000007").unwrap().code,
            "JL-2026-000007"
        );
        assert_eq!(
            SearchQuery::parse("KC-2026-000003").unwrap().code,
            "KC-2026-000003"
        );
    }

    #[test]
    fn a_number_alone_stands_for_the_codes_of_recent_years() {
        let codes = |q: &str| SearchQuery::parse(q).unwrap().codes_by_number("JL", 2026);
        let any_year = codes("123");
        assert_eq!(any_year.len(), NUMBERED_YEARS as usize);
        assert_eq!(any_year[0], "JL-2026-000123");
        assert_eq!(any_year[1], "JL-2025-000123");
        assert_eq!(codes("000123"), any_year);
        assert_eq!(codes("2024-000123"), ["JL-2024-000123"]);
        assert_eq!(codes(" 2024-7 "), ["JL-2024-000007"]);
        for not_a_number in [
            "0",
            "1234567",
            "12a",
            "24-000123",
            "kz 5122028",
            "2024-",
            "тоо",
        ] {
            assert!(codes(not_a_number).is_empty(), "{not_a_number}");
        }
    }

    #[test]
    fn seals_bins_and_free_text() {
        let q = SearchQuery::parse("kz  5122028").unwrap();
        assert_eq!(q.folded, "kz 5122028");
        assert_eq!(q.bin(), None);
        assert_eq!(
            SearchQuery::parse("080140001231").unwrap().bin(),
            Some("080140001231")
        );
        assert_eq!(SearchQuery::parse("зе").unwrap().free_text(), None);
        assert_eq!(
            SearchQuery::parse("50%_\\").unwrap().like_pattern(),
            "%50\\%\\_\\\\%"
        );
        assert_eq!(
            SearchQuery::parse("a\"b").unwrap().fts_phrase(),
            "\"a\"\"b\""
        );
        assert!(SearchQuery::parse("   ").is_none());
    }
}
