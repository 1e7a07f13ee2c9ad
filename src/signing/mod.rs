//! Certificate tokens: the Ed25519 keys that sign them, the compact JWS itself, and the JWK
//! Set (`/.well-known/jwks.json`) with which anyone verifies them.
//!
//! The running server holds a [`SharedKeyring`], which re-reads the key file when another
//! process (`jointlab rotate-keys`, `jointlab revoke-key`) has changed it.

pub mod b64;
pub mod commands;
pub mod jws;
pub mod keyring;
pub mod offline;

use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::SystemTime;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use keyring::{Key, KeyState, KeyStatus, Keyring};

/// What a certificate token asserts (DESIGN.md, "Certificate token"), in this order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    /// The issuing lab, short (`signing.issuer`, `KZCN`): the token is most of the QR code.
    pub iss: String,
    /// Issued at, seconds since the epoch.
    pub iat: i64,
    /// Valid until, seconds since the epoch.
    pub exp: i64,
    /// The certificate number, e.g. `KZCN-PC-2026-000045`.
    pub sub: String,
    /// `phyto` or `vet`.
    pub kind: String,
    /// The exporter's BIN.
    pub exporter: String,
    pub commodity: String,
    /// The HS code.
    pub hs: String,
    /// Quantity and unit, e.g. `1250 t`.
    pub qty: String,
    /// Destination country (ISO 3166-1 alpha-2).
    pub dest: String,
    /// The border post's code, e.g. `NZH`.
    pub post: String,
}

/// Why a token is not genuine. Expiry is not among them: whether a genuine certificate has
/// expired is decided where it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenError {
    /// Not a compact JWS with an `EdDSA` header naming a key.
    Malformed,
    /// Its key is not ours (or not in the JWK Set at hand).
    UnknownKey,
    /// Its key was revoked: nothing it signed counts.
    RevokedKey,
    /// The signature does not match the header and claims.
    BadSignature,
}

impl std::fmt::Display for TokenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            TokenError::Malformed => "not a certificate token",
            TokenError::UnknownKey => "signed with an unknown key",
            TokenError::RevokedKey => "signed with a revoked key",
            TokenError::BadSignature => "the signature does not match",
        })
    }
}

impl std::error::Error for TokenError {}

/// The keyring of the key file, shared by the server's workers. Every use stats the file and
/// re-reads it when it changed, so a rotation or revocation made by another process takes
/// effect without a restart.
#[derive(Clone)]
pub struct SharedKeyring {
    path: Arc<PathBuf>,
    loaded: Arc<RwLock<Loaded>>,
}

struct Loaded {
    stamp: Option<Stamp>,
    keyring: Arc<Keyring>,
}

/// What tells that the file changed: it is replaced by a rename, so its inode changes too
/// even where the modification time is coarse.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp {
    modified: Option<SystemTime>,
    len: u64,
    inode: u64,
}

fn stamp(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(&meta);
    #[cfg(not(unix))]
    let inode = 0;
    Some(Stamp {
        modified: meta.modified().ok(),
        len: meta.len(),
        inode,
    })
}

impl SharedKeyring {
    /// Opens the key file at `path`, creating it with one fresh key when there is none (the
    /// server's first start).
    pub fn open(path: impl Into<PathBuf>) -> Result<Self, String> {
        let path = path.into();
        let keyring = keyring::load_or_create(&path, Utc::now())?;
        Ok(SharedKeyring {
            loaded: Arc::new(RwLock::new(Loaded {
                stamp: stamp(&path),
                keyring: Arc::new(keyring),
            })),
            path: Arc::new(path),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The keys as the file holds them now. When the file cannot be read (another process
    /// broke it), the keys last read go on serving and the failure is logged.
    pub fn current(&self) -> Arc<Keyring> {
        let now = stamp(&self.path);
        {
            let loaded = self.loaded.read().unwrap_or_else(|e| e.into_inner());
            if loaded.stamp == now {
                return loaded.keyring.clone();
            }
        }
        let mut loaded = self.loaded.write().unwrap_or_else(|e| e.into_inner());
        if loaded.stamp != now {
            // Logged once per change of the file, not at every use.
            match keyring::load(&self.path) {
                Ok(Some(keyring)) => {
                    tracing::info!(path = %self.path.display(), "signing keys reloaded");
                    loaded.keyring = Arc::new(keyring);
                }
                Ok(None) => tracing::error!(
                    path = %self.path.display(),
                    "the signing key file is gone; keeping the keys last read"
                ),
                Err(e) => tracing::error!(
                    error = %e,
                    "the signing key file is unreadable; keeping the keys last read"
                ),
            }
            loaded.stamp = now;
        }
        loaded.keyring.clone()
    }

    /// Signs `claims` with the key that signs at `now`.
    pub fn sign(&self, claims: &Claims, now: DateTime<Utc>) -> Result<String, String> {
        self.sign_payload(&serde_json::to_vec(claims).expect("claims serialise"), now)
    }

    /// Signs any payload (the revocation list) with the key that signs at `now`.
    pub fn sign_payload(&self, payload: &[u8], now: DateTime<Utc>) -> Result<String, String> {
        let keyring = self.current();
        let key = keyring.signer(now).ok_or_else(|| {
            format!(
                "no signing key is active at {} in {}",
                keyring::rfc3339(now),
                self.path.display()
            )
        })?;
        Ok(jws::sign_payload(key.signing_key(), &key.kid, payload))
    }

    /// The claims of `token` if one of our keys that is not revoked signed it. Expiry is not
    /// checked.
    pub fn verify(&self, token: &str) -> Result<Claims, TokenError> {
        let parsed = jws::parse(token)?;
        let keyring = self.current();
        let key = keyring.find(&parsed.kid).ok_or(TokenError::UnknownKey)?;
        if key.state == KeyState::Revoked {
            return Err(TokenError::RevokedKey);
        }
        parsed.verify(&key.verifying_key())
    }

    /// The published keys: every key not revoked, newest first.
    pub fn jwks(&self) -> Value {
        self.current().jwks()
    }
}

#[cfg(test)]
mod tests;
