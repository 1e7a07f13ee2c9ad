//! Where a user may be sent after signing in: only a path of this site. Every redirect built
//! from user input goes through [`safe_next`].

/// Longer `next` values are not followed: no page of ours has an address this long.
const MAX_NEXT: usize = 2048;

/// How many rounds of percent-decoding are looked through (`%252F` → `%2F` → `/`).
const DECODE_ROUNDS: usize = 4;

/// A local path safe to redirect to after login, or `/`.
///
/// Accepted: `/` followed by URL path characters (RFC 3986 unreserved, sub-delims, `:@/?#%`),
/// not `//` or `/\`, with well-formed percent escapes whose decoded form (looked through a
/// few rounds) has no control character, no whitespace (Unicode included), no invisible
/// formatting character, no backslash before the query, and does not start with `//` or `/\`
/// either. Browsers drop tabs and newlines from addresses and read `\` as `/`, so any of these
/// could turn a path into another origin. The value returned is always a valid header value.
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if is_local_path(n) => n.to_owned(),
        _ => "/".to_owned(),
    }
}

fn is_local_path(raw: &str) -> bool {
    if raw.len() > MAX_NEXT || !raw.bytes().all(is_path_byte) {
        return false;
    }
    let mut current = raw.to_owned();
    for _ in 0..DECODE_ROUNDS {
        if !is_harmless(&current) {
            return false;
        }
        match percent_decode(&current) {
            Some(decoded) if decoded == current => return true,
            Some(decoded) => current = decoded,
            None => return false,
        }
    }
    // Still encoded after that many rounds: not an address a page of ours links to.
    false
}

/// RFC 3986 path, query and fragment characters, and `%` for escapes.
fn is_path_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/?#%".contains(&b)
}

/// One (possibly already decoded) form of the value: a path that stays on this site.
fn is_harmless(value: &str) -> bool {
    let path_end = value.find(['?', '#']).unwrap_or(value.len());
    value.starts_with('/')
        && !value.starts_with("//")
        && !value.starts_with("/\\")
        && !value[..path_end].contains('\\')
        && !value
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || is_invisible(c))
}

/// Zero-width and bidirectional formatting characters: they hide what an address says.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' | '\u{feff}' | '\u{ad}')
}

/// One round of percent-decoding; `None` for a malformed escape. Bytes that are not UTF-8
/// become U+FFFD: only the decoded form is judged, the raw (ASCII) value is what is sent.
fn percent_decode(value: &str) -> Option<String> {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(String::from_utf8_lossy(&out).into_owned())
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    fn next(value: &str) -> String {
        safe_next(Some(value))
    }

    #[test]
    fn local_paths_are_kept() {
        for path in [
            "/",
            "/account",
            "/admin/users?x=1",
            "/samples?q=a%2Fb&page=2",
            "/samples/0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b#tests",
            "/samples?q=%D0%B7%D0%B5%D1%80%D0%BD%D0%BE",
            "/login?next=%2Fsamples",
        ] {
            assert_eq!(next(path), path, "{path:?}");
        }
        assert_eq!(safe_next(None), "/");
    }

    #[test]
    fn other_origins_and_tricks_go_home() {
        let long = format!("/{}", "a".repeat(5000));
        for payload in [
            "",
            "samples",
            "https://evil.example/",
            "http:/evil.example",
            "//evil.example/",
            "//x",
            "/\\evil.example",
            "/\\x",
            "\\\\evil.example",
            "/\r/x",
            "/\n/x",
            "/\x0b/x",
            "/\x00/x",
            "/\t/evil.example",
            "/%09/evil.example",
            "/%2509/evil.example",
            "/%2F/evil",
            "/%2f/evil",
            "/%252F/evil",
            "/%5Cevil",
            "/%5cevil",
            "/samples%5C..%5C..%5Cevil",
            "/%0d%0aSet-Cookie:x",
            "/x\r\nSet-Cookie: x=1",
            "/ /evil.example",
            "/%20/evil.example",
            "/\u{a0}/evil.example",
            "/%C2%A0/evil.example",
            "/%E2%80%A8/evil.example",
            "/%E3%80%80x",
            "/%E2%80%8B/x",
            "/%E2%80%AEx",
            "/\u{3000}x",
            "/samples\u{85}",
            "/%",
            "/%zz",
            "/%2",
            "/%25252525252F/evil",
            "/<script>",
            "/\"onmouseover",
            long.as_str(),
        ] {
            assert_eq!(next(payload), "/", "{payload:?} must not be followed");
        }
    }

    #[test]
    fn the_answer_is_always_a_valid_header_value() {
        for payload in ["/a\u{7f}b", "/a\u{0}b", "/ok", "/%0a"] {
            let to = next(payload);
            assert!(actix_web::http::header::HeaderValue::from_str(&to).is_ok());
            assert!(!to.chars().any(|c| c.is_control() || c.is_whitespace()));
        }
    }
}
