//! The request guard behind the domain constructors: a NUL, a control character (other than
//! line breaks and tabs) or invalid UTF-8 anywhere in the path, the query string or a
//! URL-encoded body, and a bidirectional override in the path or query string, is answered
//! 400 before any handler runs, so that no such character reaches the database even through a
//! field nobody remembered to check. No browser sends those from a form; a direction override
//! pasted into a form field is left to the domain constructors, which say so beside the field.

use crate::domain::text;

/// Whether the path and query string of a request are clean.
pub fn is_clean_target(path: &str, query: &str) -> bool {
    is_clean_component(path.as_bytes(), false, text::is_forbidden)
        && is_clean_pairs(query.as_bytes(), text::is_forbidden)
}

/// Whether every name and value of a URL-encoded form body is clean.
pub fn is_clean_form(body: &[u8]) -> bool {
    is_clean_pairs(body, |c, multiline| {
        c.is_control() && !(multiline && matches!(c, '\n' | '\r' | '\t'))
    })
}

fn is_clean_pairs(raw: &[u8], forbidden: fn(char, bool) -> bool) -> bool {
    raw.split(|&b| b == b'&')
        .flat_map(|pair| pair.splitn(2, |&b| b == b'='))
        .all(|part| is_clean_component(part, true, forbidden))
}

/// Percent-decodes one component (`+` is a space in forms) and checks its characters.
fn is_clean_component(raw: &[u8], plus_is_space: bool, forbidden: fn(char, bool) -> bool) -> bool {
    // Most paths and queries are printable ASCII with nothing encoded (a QR link's 400-byte
    // token among them): nothing to decode and no character to refuse.
    if raw.iter().all(|&b| (b' '..=b'~').contains(&b) && b != b'%') {
        return true;
    }
    let decoded = percent_decode(raw, plus_is_space);
    match std::str::from_utf8(&decoded) {
        Ok(s) => !s.chars().any(|c| forbidden(c, true)),
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
        assert!(is_clean_form(b"notes=a%0D%0Ab%09c&x=100%"));
        assert!(!is_clean_target("/samples", "q=%00"));
        assert!(!is_clean_target("/samples/a%00b", ""));
        assert!(!is_clean_target("/samples", "q=%E2%80%AE"));
        assert!(!is_clean_form(b"q=%FF%FE"));
        assert!(!is_clean_form(b"a%01=1"));
        assert!(!is_clean_form(b"q=%7F"));
        // Left to the field's constructor, which says so beside the field.
        assert!(is_clean_form(b"seal=a%E2%80%AEb"));
    }
}
