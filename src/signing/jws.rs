//! The certificate token as a compact JWS (RFC 7515) signed with EdDSA over Ed25519
//! (RFC 8037), and the JWK Set that publishes the public keys. Pure functions: no file, no
//! clock, so that tests and an offline verifier can use them as they are.

use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::{Claims, TokenError, b64};

/// The one algorithm a token may name.
pub const ALG: &str = "EdDSA";

/// The protected header as written: algorithm and key id only. No `typ`: every byte ends up
/// in the certificate's QR code, and the token is only ever read as a certificate token.
#[derive(Serialize)]
struct Header<'a> {
    alg: &'a str,
    kid: &'a str,
}

/// The protected header as read. Other members are ignored, except `crit`: a token that asks
/// for an extension this verifier does not know must be refused (RFC 7515 §4.1.11).
#[derive(Deserialize)]
struct ReadHeader {
    alg: String,
    kid: String,
    #[serde(default)]
    crit: Option<Value>,
}

/// Signs `claims` with `key`, named `kid` in the header: `header.payload.signature`.
pub fn sign(key: &SigningKey, kid: &str, claims: &Claims) -> String {
    sign_payload(
        key,
        kid,
        &serde_json::to_vec(claims).expect("claims serialise"),
    )
}

/// Signs any payload (the revocation list) the way [`sign`] signs a token's claims.
pub fn sign_payload(key: &SigningKey, kid: &str, payload: &[u8]) -> String {
    let header = serde_json::to_vec(&Header { alg: ALG, kid }).expect("a header serialises");
    let mut token = format!("{}.{}", b64::encode(&header), b64::encode(payload));
    let signature = key.sign(token.as_bytes());
    token.push('.');
    token.push_str(&b64::encode(&signature.to_bytes()));
    token
}

/// A token taken apart but not yet verified.
pub struct Parsed<'t> {
    /// The key id its header names.
    pub kid: String,
    signing_input: &'t str,
    payload: Vec<u8>,
    signature: Signature,
}

/// Takes a token apart: three canonical base64url parts, a header naming `EdDSA` and a key,
/// a 64-byte signature. Anything else is [`TokenError::Malformed`].
pub fn parse(token: &str) -> Result<Parsed<'_>, TokenError> {
    let mut parts = token.split('.');
    let (Some(header), Some(payload), Some(signature), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(TokenError::Malformed);
    };
    let read: ReadHeader = b64::decode(header)
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .ok_or(TokenError::Malformed)?;
    if read.alg != ALG || read.kid.is_empty() || read.crit.is_some() {
        return Err(TokenError::Malformed);
    }
    let signature = b64::decode(signature)
        .and_then(|bytes| <[u8; 64]>::try_from(bytes).ok())
        .ok_or(TokenError::Malformed)?;
    Ok(Parsed {
        kid: read.kid,
        signing_input: &token[..header.len() + 1 + payload.len()],
        payload: b64::decode(payload).ok_or(TokenError::Malformed)?,
        signature: Signature::from_bytes(&signature),
    })
}

impl Parsed<'_> {
    /// The claims, if `key` made the signature. Strict verification: no malleable signature,
    /// no weak key.
    pub fn verify(self, key: &VerifyingKey) -> Result<Claims, TokenError> {
        serde_json::from_slice(&self.verify_payload(key)?).map_err(|_| TokenError::Malformed)
    }

    /// The payload's bytes, if `key` made the signature.
    pub fn verify_payload(self, key: &VerifyingKey) -> Result<Vec<u8>, TokenError> {
        key.verify_strict(self.signing_input.as_bytes(), &self.signature)
            .map_err(|_| TokenError::BadSignature)?;
        Ok(self.payload)
    }
}

/// The public JWK of an Ed25519 key (RFC 8037 §2).
pub fn jwk(kid: &str, key: &VerifyingKey) -> Value {
    json!({
        "kty": "OKP",
        "crv": "Ed25519",
        "x": b64::encode(key.as_bytes()),
        "kid": kid,
        "alg": ALG,
        "use": "sig",
    })
}

/// The Ed25519 public key of a JWK, if it is one.
pub fn key_of_jwk(jwk: &Value) -> Option<VerifyingKey> {
    let fits = jwk["kty"] == "OKP"
        && jwk["crv"] == "Ed25519"
        && jwk.get("alg").is_none_or(|alg| alg == ALG)
        && jwk.get("use").is_none_or(|usage| usage == "sig");
    if !fits {
        return None;
    }
    let x = b64::decode(jwk["x"].as_str()?)?;
    VerifyingKey::from_bytes(&x.try_into().ok()?).ok()
}

/// Verifies `token` with the key its `kid` names in the JWK Set `jwks` (`{"keys": […]}`), as
/// an offline verifier holding the published set does. A kid missing from the set (a revoked
/// key is no longer published) or naming no usable Ed25519 key is [`TokenError::UnknownKey`].
/// Expiry is not checked here.
pub fn verify_with_jwks(token: &str, jwks: &Value) -> Result<Claims, TokenError> {
    serde_json::from_slice(&payload_with_jwks(token, jwks)?).map_err(|_| TokenError::Malformed)
}

/// The payload of any compact JWS `jwks` verifies (the revocation list), as
/// [`verify_with_jwks`] checks a token.
pub fn payload_with_jwks(token: &str, jwks: &Value) -> Result<Vec<u8>, TokenError> {
    let parsed = parse(token)?;
    let key = jwks["keys"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|jwk| jwk["kid"] == parsed.kid.as_str())
        .and_then(key_of_jwk)
        .ok_or(TokenError::UnknownKey)?;
    parsed.verify_payload(&key)
}
