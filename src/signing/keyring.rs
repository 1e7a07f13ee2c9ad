//! The signing keys and their file.
//!
//! The file (`signing-keys.json` in `data.dir` unless `signing.keys_file` names another) holds
//! every key ever made, each with its secret seed, and is readable by its owner only. It is
//! rewritten whole, through a temporary file and a rename, under an exclusive lock on a
//! `.lock` file beside it, so that the server, `rotate-keys` and `revoke-key` never see half a
//! file nor lose each other's change.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, SecondsFormat, Utc};
use ed25519_dalek::{SigningKey, VerifyingKey};
use getrandom::rand_core::UnwrapErr;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::{b64, jws};

/// A key's state as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KeyState {
    /// Signs from `active_from` until a newer active key takes over.
    Active,
    /// Signs no more; its tokens still verify.
    Retained,
    /// Leaked: not published, and no token it signed is genuine.
    Revoked,
}

/// What a key does at a given instant, as `list-keys` shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyStatus {
    /// The key that signs now.
    Signing,
    /// Active, but its `active_from` is still to come (published already).
    Scheduled,
    /// Verifies only: stored as retained, or active but overtaken by a newer signer.
    Retained,
    Revoked,
}

impl KeyStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            KeyStatus::Signing => "signing",
            KeyStatus::Scheduled => "scheduled",
            KeyStatus::Retained => "retained",
            KeyStatus::Revoked => "revoked",
        }
    }
}

/// One signing key.
#[derive(Clone)]
pub struct Key {
    /// base64url of the first 6 bytes of SHA-256 of the raw public key: 8 characters (48 bits
    /// tell a handful of keys apart; every character saved shortens the QR code).
    pub kid: String,
    secret: SigningKey,
    pub created_at: DateTime<Utc>,
    /// The instant from which it signs (when it is the newest active key by then).
    pub active_from: DateTime<Utc>,
    pub state: KeyState,
    pub revoked_at: Option<DateTime<Utc>>,
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Key")
            .field("kid", &self.kid)
            .field("active_from", &self.active_from)
            .field("state", &self.state)
            .finish_non_exhaustive()
    }
}

impl Key {
    /// A fresh key from the operating system's random source.
    fn generate(now: DateTime<Utc>, active_from: DateTime<Utc>) -> Key {
        let secret = SigningKey::generate(&mut UnwrapErr(getrandom::SysRng));
        Key {
            kid: kid_of(&secret.verifying_key()),
            secret,
            created_at: now,
            active_from,
            state: KeyState::Active,
            revoked_at: None,
        }
    }

    pub fn signing_key(&self) -> &SigningKey {
        &self.secret
    }

    pub fn verifying_key(&self) -> VerifyingKey {
        self.secret.verifying_key()
    }
}

/// The key id of a public key. 72 bits tell a lab's few keys apart and, being whole base64
/// groups, cost the QR code no padding character.
pub fn kid_of(key: &VerifyingKey) -> String {
    b64::encode(&Sha256::digest(key.as_bytes())[..6])
}

/// Every key, in the order they were made.
#[derive(Debug, Clone, Default)]
pub struct Keyring {
    keys: Vec<Key>,
}

impl Keyring {
    pub fn keys(&self) -> &[Key] {
        &self.keys
    }

    pub fn find(&self, kid: &str) -> Option<&Key> {
        self.keys.iter().find(|k| k.kid == kid)
    }

    /// The key that signs at `now`: the active key with the latest `active_from` not after
    /// `now` (the later made, if two share it).
    pub fn signer(&self, now: DateTime<Utc>) -> Option<&Key> {
        self.keys
            .iter()
            .filter(|k| k.state == KeyState::Active && k.active_from <= now)
            .max_by_key(|k| (k.active_from, k.created_at))
    }

    /// What `key` does at `now`.
    pub fn status(&self, key: &Key, now: DateTime<Utc>) -> KeyStatus {
        match key.state {
            KeyState::Revoked => KeyStatus::Revoked,
            KeyState::Retained => KeyStatus::Retained,
            KeyState::Active if key.active_from > now => KeyStatus::Scheduled,
            KeyState::Active if self.signer(now).is_some_and(|s| s.kid == key.kid) => {
                KeyStatus::Signing
            }
            KeyState::Active => KeyStatus::Retained,
        }
    }

    /// The keys that are not revoked, newest first (scheduled keys too, so that verifiers
    /// hold a key before its first token), as a JWK Set.
    pub fn jwks(&self) -> Value {
        let mut keys: Vec<&Key> = self
            .keys
            .iter()
            .filter(|k| k.state != KeyState::Revoked)
            .collect();
        keys.sort_by_key(|k| std::cmp::Reverse((k.active_from, k.created_at)));
        let keys: Vec<Value> = keys
            .iter()
            .map(|k| jws::jwk(&k.kid, &k.verifying_key()))
            .collect();
        serde_json::json!({ "keys": keys })
    }

    /// Makes a new key that signs from `from` (default `now`). A later instant keeps the
    /// current signer until then, and needs one.
    pub fn rotate(
        &mut self,
        now: DateTime<Utc>,
        from: Option<DateTime<Utc>>,
    ) -> Result<&Key, String> {
        let from = from.unwrap_or(now);
        if from < now {
            return Err(format!(
                "--from {} is past; leave it out to sign with the new key from now",
                rfc3339(from)
            ));
        }
        if from > now && self.signer(now).is_none() {
            return Err(format!(
                "no key signs now, so none would sign before {}; leave --from out",
                rfc3339(from)
            ));
        }
        self.keys.push(Key::generate(now, from));
        self.settle(now);
        Ok(self.keys.last().expect("just pushed"))
    }

    /// Revokes `kid`. The key that signs now cannot be revoked: rotate first, so that the
    /// server can go on signing.
    pub fn revoke(&mut self, kid: &str, now: DateTime<Utc>) -> Result<(), String> {
        if self.signer(now).is_some_and(|s| s.kid == kid) {
            return Err(format!(
                "key {kid} signs now; run `jointlab rotate-keys` first, then revoke it"
            ));
        }
        let key = self
            .keys
            .iter_mut()
            .find(|k| k.kid == kid)
            .ok_or_else(|| format!("no signing key {kid:?}"))?;
        if key.state != KeyState::Revoked {
            key.state = KeyState::Revoked;
            key.revoked_at = Some(now);
        }
        self.settle(now);
        Ok(())
    }

    /// Writes down what time has decided: an active key overtaken by the signer at `now` is
    /// retained.
    fn settle(&mut self, now: DateTime<Utc>) {
        let Some(signer) = self.signer(now).map(|k| k.kid.clone()) else {
            return;
        };
        for key in &mut self.keys {
            if key.state == KeyState::Active && key.active_from <= now && key.kid != signer {
                key.state = KeyState::Retained;
            }
        }
    }

    fn to_file(&self) -> Vec<u8> {
        let keys: Vec<FileKey> = self
            .keys
            .iter()
            .map(|k| FileKey {
                kid: k.kid.clone(),
                seed: b64::encode(k.secret.as_bytes()),
                created_at: k.created_at,
                active_from: k.active_from,
                state: k.state,
                revoked_at: k.revoked_at,
            })
            .collect();
        let mut text = serde_json::to_vec_pretty(&KeyFile { keys }).expect("keys serialise");
        text.push(b'\n');
        text
    }

    fn from_file(text: &[u8]) -> Result<Keyring, String> {
        let file: KeyFile = serde_json::from_slice(text).map_err(|e| e.to_string())?;
        let mut keys: Vec<Key> = Vec::with_capacity(file.keys.len());
        for k in file.keys {
            let seed: [u8; 32] = b64::decode(&k.seed)
                .and_then(|s| s.try_into().ok())
                .ok_or_else(|| format!("key {}: the seed is not 32 bytes of base64url", k.kid))?;
            let secret = SigningKey::from_bytes(&seed);
            if kid_of(&secret.verifying_key()) != k.kid {
                return Err(format!("key {}: the kid does not match the seed", k.kid));
            }
            if keys.iter().any(|other| other.kid == k.kid) {
                return Err(format!("key {} appears twice", k.kid));
            }
            keys.push(Key {
                kid: k.kid,
                secret,
                created_at: k.created_at,
                active_from: k.active_from,
                state: k.state,
                revoked_at: k.revoked_at,
            });
        }
        Ok(Keyring { keys })
    }
}

/// The file's shape.
#[derive(Serialize, Deserialize)]
struct KeyFile {
    keys: Vec<FileKey>,
}

#[derive(Serialize, Deserialize)]
struct FileKey {
    kid: String,
    /// The 32-byte Ed25519 secret key (RFC 8032 seed), base64url.
    seed: String,
    created_at: DateTime<Utc>,
    active_from: DateTime<Utc>,
    state: KeyState,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    revoked_at: Option<DateTime<Utc>>,
}

pub fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The keyring in `path`; `None` when there is no file.
pub fn load(path: &Path) -> Result<Option<Keyring>, String> {
    match std::fs::read(path) {
        Ok(text) => Keyring::from_file(&text)
            .map(Some)
            .map_err(|e| format!("{}: {e}", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!("cannot read {}: {e}", path.display())),
    }
}

/// Opens the keyring in `path`, creating it with one key that signs from `now` when there is
/// none (the server's first start).
pub fn load_or_create(path: &Path, now: DateTime<Utc>) -> Result<Keyring, String> {
    if let Some(keyring) = load(path)? {
        return Ok(keyring);
    }
    update(path, |keyring| {
        if keyring.keys.is_empty() {
            keyring.rotate(now, None)?;
        }
        Ok(keyring.clone())
    })
}

/// Reads the keyring in `path` (empty when there is no file), lets `change` alter it, and
/// writes it back, all under the lock. Nothing is written when `change` fails.
pub fn update<T>(
    path: &Path,
    change: impl FnOnce(&mut Keyring) -> Result<T, String>,
) -> Result<T, String> {
    let fail = |what: &str, e: std::io::Error| format!("cannot {what} {}: {e}", path.display());
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| fail("create the folder of", e))?;
    }
    let lock = private_file(&sibling(path, "lock"), false).map_err(|e| fail("lock", e))?;
    lock.lock().map_err(|e| fail("lock", e))?;
    let mut keyring = load(path)?.unwrap_or_default();
    let outcome = change(&mut keyring)?;
    let temp = sibling(path, "tmp");
    // Left over from a write that died: made anew, so that it is surely the owner's only.
    let _ = std::fs::remove_file(&temp);
    let mut file = private_file(&temp, true).map_err(|e| fail("write", e))?;
    file.write_all(&keyring.to_file())
        .and_then(|()| file.sync_all())
        .and_then(|()| std::fs::rename(&temp, path))
        .map_err(|e| fail("write", e))?;
    // The rename is durable once the folder is.
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        File::open(dir)
            .and_then(|d| d.sync_all())
            .map_err(|e| fail("sync the folder of", e))?;
    }
    Ok(outcome)
}

/// `path` with `.suffix` appended to its file name.
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_owned();
    name.push(format!(".{suffix}"));
    path.with_file_name(name)
}

/// Opens `path` for writing (a new file when `new`), readable by its owner only when it is
/// created.
fn private_file(path: &Path, new: bool) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true);
    if new {
        options.create_new(true);
    } else {
        options.create(true).truncate(false);
    }
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}
