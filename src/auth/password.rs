//! Argon2id password hashes with OWASP's parameters (m = 19 MiB, t = 2, p = 1).
//! Both hashing and verification are slow on purpose: call them off the async workers.

use std::sync::OnceLock;

use argon2::password_hash::{PasswordHasher, PasswordVerifier, phc::PasswordHash};
use argon2::{Algorithm, Argon2, Params, Version};

fn argon2() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).expect("OWASP parameters are valid");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// The PHC string of a freshly salted hash.
pub fn hash(password: &str) -> String {
    argon2()
        .hash_password(password.as_bytes())
        .expect("hashing with valid parameters and a system salt succeeds")
        .to_string()
}

/// Whether `password` matches the stored PHC string (a malformed hash never matches).
pub fn verify(stored: &str, password: &str) -> bool {
    match PasswordHash::new(stored) {
        Ok(parsed) => argon2()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

/// A fresh one-time password and its hash (slow: call it off the async workers).
pub fn one_time() -> (String, String) {
    let password = super::token::readable_password();
    let hash = hash(&password);
    (password, hash)
}

/// A hash to compare against when the e-mail is unknown, so that the answer takes as long as
/// for a real account and does not reveal which addresses exist.
pub fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| hash("jointlab-no-such-account"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn hash_and_verify() {
        let h = super::hash("Zhetysu-2026!");
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(super::verify(&h, "Zhetysu-2026!"));
        assert!(!super::verify(&h, "zhetysu-2026!"));
        assert!(!super::verify("not a hash", "x"));
    }
}
