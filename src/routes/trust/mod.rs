//! What a verifier needs to trust a certificate without an account: the published keys.

pub mod jwks;
