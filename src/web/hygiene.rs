//! The request guard behind the domain constructors: a NUL, control character (other than
//! line breaks and tabs), bidirectional override or invalid UTF-8 in the path, the query
//! string or a URL-encoded body is answered 400 before any handler runs, so that no such
//! byte reaches the database even through a field nobody remembered to check.

use crate::domain::text;

/// Whether the path and query string of a request are clean.
pub fn is_clean_target(path: &str, query: &str) -> bool {
    is_clean_component(path.as_bytes(), false) && is_clean_urlencoded(query.as_bytes())
}

/// Whether every name and value of a URL-encoded form (or query string) is clean.
pub fn is_clean_urlencoded(body: &[u8]) -> bool {
    body.split(|&b| b == b'&')
        .flat_map(|pair| pair.splitn(2, |&b| b == b'='))
        .all(|part| is_clean_component(part, true))
}

/// Percent-decodes one component (`+` is a space in forms) and checks its characters.
fn is_clean_component(raw: &[u8], plus_is_space: bool) -> bool {
    let decoded = percent_decode(raw, plus_is_space);
    match std::str::from_utf8(&decoded) {
        Ok(s) => !s.chars().any(|c| text::is_forbidden(c, true)),
        Err(_) => false,
    }
}

fn percent_decode(raw: &[u8], plus_is_space: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        match raw[i] {
            b'%' if i + 2 < raw.len() => match (hex(raw[i + 1]), hex(raw[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h << 4 | l);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' if plus_is_space => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    out
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_what_no_field_takes() {
        assert!(is_clean_target("/samples", "q=wheat+1&after=%D0%96"));
        assert!(is_clean_urlencoded(b"notes=a%0D%0Ab%09c&x=100%"));
        assert!(!is_clean_target("/samples", "q=%00"));
        assert!(!is_clean_target("/samples/a%00b", ""));
        assert!(!is_clean_target("/samples", "q=%E2%80%AE"));
        assert!(!is_clean_urlencoded(b"q=%FF%FE"));
        assert!(!is_clean_urlencoded(b"a%01=1"));
        assert!(!is_clean_urlencoded(b"q=%7F"));
    }
}
