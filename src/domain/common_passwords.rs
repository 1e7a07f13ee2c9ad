//! The blocklist a new password is checked against (NIST SP 800-63B §5.1.1.2): the 30,000 most
//! common passwords of leaked corpora, shipped in the binary (about 240 KB; licence beside the
//! list). Comparison ignores case, and a common password with digits or symbols stuck to either
//! end (`Password2026!`) counts as the common password it is built on.

use std::collections::HashSet;
use std::sync::LazyLock;

static COMMON: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("common_passwords/passwords.txt")
        .lines()
        .filter(|line| !line.is_empty())
        .collect()
});

/// Runs of characters typed in order, on a keyboard or in the alphabet.
const SEQUENCES: [&str; 4] = [
    "012345678901234567890123456789",
    "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz",
    "qwertyuiopasdfghjklzxcvbnmqwertyuiopasdfghjklzxcvbnm",
    "йцукенгшщзхъфывапролджэячсмитьбюйцукенгшщзхъфывапролджэячсмитьбю",
];

/// Whether `candidate` is a common password, one dressed with digits or symbols at its ends, or
/// a plain run such as `1234567890ab` read forwards or backwards.
pub fn is_common(candidate: &str) -> bool {
    let lower = candidate.to_lowercase();
    if COMMON.contains(lower.as_str()) {
        return true;
    }
    let core = lower.trim_matches(|c: char| !c.is_alphabetic());
    if core.chars().count() >= 3 && COMMON.contains(core) {
        return true;
    }
    if is_run(&lower) {
        return true;
    }
    // A run of digits with a letter or two stuck on (`1234567890ab`).
    let letters = lower.chars().filter(|c| !c.is_ascii_digit()).count();
    let digits: String = lower.chars().filter(char::is_ascii_digit).collect();
    letters <= 2 && digits.len() >= 8 && is_run(&digits)
}

/// A run typed in order, forwards or backwards, or digits repeating a short pattern.
fn is_run(lower: &str) -> bool {
    let reversed: String = lower.chars().rev().collect();
    SEQUENCES
        .iter()
        .any(|run| run.contains(lower) || run.contains(reversed.as_str()))
        || only_digits_in_a_run(lower)
}

/// Digits only, repeating a pattern of one to three (`121212121212`).
fn only_digits_in_a_run(lower: &str) -> bool {
    if !lower.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    let bytes = lower.as_bytes();
    (1..=3).any(|period| bytes.iter().skip(period).zip(bytes).all(|(a, b)| a == b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_passwords_and_their_dressings_are_refused() {
        for weak in [
            "1234567890",
            "password12",
            "Password1234!",
            "qwertyuiop123",
            "1234567890ab",
            "098765432109",
            "121212121212",
            "!!iloveyou2026",
            "ABCDEFGHIJKLM",
        ] {
            assert!(is_common(weak), "{weak} passed");
        }
        for fine in ["Zhetysu-2026!", "Altyn-Emel-2026-dunes", "jointlab-demo"] {
            assert!(!is_common(fine), "{fine} refused");
        }
    }
}
