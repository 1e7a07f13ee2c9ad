//! Which characters a text may carry: the one rule behind every text field and the request
//! guard, so that no NUL, control character or bidirectional override reaches the database.

use super::FieldError;

/// Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they can
/// make a seal number or a name read differently from what is stored.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `c` is refused in a text: any control character (line breaks and tabs only where
/// the field is `multiline`) and any bidirectional override or isolate.
pub fn is_forbidden(c: char, multiline: bool) -> bool {
    if multiline && matches!(c, '\n' | '\r' | '\t') {
        return false;
    }
    c.is_control() || is_bidi_control(c)
}

/// Refuses a single-line text carrying a forbidden character.
pub fn single_line(value: &str) -> Result<(), FieldError> {
    check(value, false)
}

/// Refuses a multi-line text (reasons, notes, addresses) carrying a forbidden character.
pub fn multi_line(value: &str) -> Result<(), FieldError> {
    check(value, true)
}

fn check(value: &str, multiline: bool) -> Result<(), FieldError> {
    if value.chars().any(|c| is_forbidden(c, multiline)) {
        return Err("field.unsafe_characters");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_nul_controls_and_overrides() {
        assert!(single_line("a\0b").is_err());
        assert!(single_line("a\u{7f}b").is_err());
        assert!(single_line("a\u{85}b").is_err());
        assert!(single_line("a\u{202E}b").is_err());
        assert!(single_line("a\u{2066}b").is_err());
        assert!(single_line("a\nb").is_err());
        assert!(multi_line("a\nb\r\n\tc").is_ok());
        assert!(multi_line("a\0b").is_err());
        assert!(single_line("Жетісу 小麦 O'Brien").is_ok());
    }
}
