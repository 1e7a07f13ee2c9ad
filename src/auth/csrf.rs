//! CSRF tokens: an HMAC of the request's session token (or, before login, of the visitor
//! cookie) under the server's session key. A token is only valid with the cookie it was
//! made for, and needs no storage.

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

/// Name of the form field (and, as `X-CSRF-Token`, of the header) that carries the token.
pub const FIELD: &str = "csrf_token";
pub const HEADER: &str = "x-csrf-token";

pub fn token_for(key: &str, binding: &str) -> String {
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(key.as_bytes())
        .expect("HMAC takes keys of any length");
    mac.update(b"jointlab-csrf:");
    mac.update(binding.as_bytes());
    super::token::hex(&mac.finalize().into_bytes())
}

pub fn is_valid(key: &str, binding: &str, presented: &str) -> bool {
    super::token::constant_time_eq(token_for(key, binding).as_bytes(), presented.as_bytes())
}

#[cfg(test)]
mod tests {
    #[test]
    fn bound_to_key_and_cookie() {
        let t = super::token_for("k1", "session-a");
        assert!(super::is_valid("k1", "session-a", &t));
        assert!(!super::is_valid("k1", "session-b", &t));
        assert!(!super::is_valid("k2", "session-a", &t));
        assert!(!super::is_valid("k1", "session-a", ""));
    }
}
