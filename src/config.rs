//! Configuration: layered files then environment, deserialised into typed values and passed
//! around. Secrets are wrapped so that they never print, and generated on first start.

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The built-in defaults, so that the binary runs even outside the repository.
const DEFAULTS: &str = include_str!("../config/default.toml");

#[derive(Debug, Clone, Deserialize)]
pub struct Settings {
    pub server: ServerSettings,
    pub database: DatabaseSettings,
    pub data: DataSettings,
    pub mail: MailSettings,
    pub session: SessionSettings,
    pub login: LoginSettings,
    pub certificates: CertificateSettings,
    #[serde(default)]
    pub signing: SigningSettings,
    #[serde(default)]
    pub api: ApiSettings,
}

/// The JSON API's per-token rate limit.
#[derive(Debug, Clone, Deserialize)]
pub struct ApiSettings {
    /// Requests one token may make in each window.
    pub rate_limit: u32,
    pub window_seconds: u64,
}

impl Default for ApiSettings {
    fn default() -> Self {
        ApiSettings {
            rate_limit: 120,
            window_seconds: 60,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct ServerSettings {
    pub listen: String,
    pub public_url: String,
    #[serde(default)]
    pub workers: usize,
    /// Reverse proxies whose `X-Forwarded-For` is believed: behind one of them, a client is
    /// known by the address the proxy names, not by the proxy's own.
    #[serde(default)]
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// Largest request body accepted; a larger one is answered 413 before anything else.
    pub max_body_bytes: usize,
    /// Time a client has to send a request's head (actix `client_request_timeout`).
    pub client_request_timeout_seconds: u64,
    /// Time a client has to close its side once the answer is sent (actix
    /// `client_disconnect_timeout`).
    pub client_disconnect_timeout_seconds: u64,
    /// Time a client has to send a request's whole body, counted from its first read.
    pub body_timeout_seconds: u64,
    /// Connections one client address may hold open at once (0 = no limit).
    pub max_connections_per_address: usize,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DatabaseSettings {
    pub url: String,
    pub pool_size: u32,
    pub connect_timeout_seconds: u64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DataSettings {
    pub dir: PathBuf,
}

/// Where the certificate-signing keys live.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct SigningSettings {
    /// The key file; empty means `signing-keys.json` in `data.dir`.
    #[serde(default)]
    pub keys_file: PathBuf,
    /// The `iss` claim of certificate tokens.
    #[serde(default = "default_issuer")]
    pub issuer: String,
}

fn default_issuer() -> String {
    "KZCN".to_owned()
}

#[derive(Debug, Clone, Deserialize)]
pub struct MailSettings {
    pub smtp_url: String,
    pub from: String,
    /// Taken from `data.dir/smtp.password` (generated) when not configured.
    #[serde(default)]
    pub smtp_password: Option<Secret>,
    /// Whether this instance runs the mail worker (any number of instances may).
    #[serde(default = "default_true")]
    pub worker: bool,
    /// How often the worker looks for due messages when the queue was empty.
    #[serde(default = "default_poll_millis")]
    pub poll_millis: u64,
    /// Messages one worker claims at a time.
    #[serde(default = "default_batch")]
    pub batch: i64,
    /// SMTP exchanges one worker runs at once (each a connection of lettre's pool).
    #[serde(default = "default_parallel_sends")]
    pub parallel_sends: usize,
    /// The wait after the first failure; it doubles with each further failure up to the cap.
    #[serde(default = "default_backoff_base")]
    pub backoff_base_seconds: i64,
    #[serde(default = "default_backoff_cap")]
    pub backoff_cap_seconds: i64,
    /// Failed attempts after which a message is parked (shown on /admin/outbox for a retry).
    #[serde(default = "default_max_attempts")]
    pub max_attempts: i32,
    /// How long a claimed message is held by its worker; far longer than one SMTP exchange
    /// (`timeout_seconds`), so that no other worker sends it meanwhile.
    #[serde(default = "default_lease")]
    pub lease_seconds: i64,
    /// The SMTP connection's timeout.
    #[serde(default = "default_smtp_timeout")]
    pub timeout_seconds: u64,
    /// Minutes a password reset link stays usable.
    #[serde(default = "default_reset_minutes")]
    pub reset_minutes: i64,
}

fn default_true() -> bool {
    true
}
fn default_poll_millis() -> u64 {
    1000
}
fn default_batch() -> i64 {
    20
}
fn default_parallel_sends() -> usize {
    4
}
fn default_backoff_base() -> i64 {
    30
}
fn default_backoff_cap() -> i64 {
    600
}
fn default_max_attempts() -> i32 {
    50
}
fn default_lease() -> i64 {
    300
}
fn default_smtp_timeout() -> u64 {
    30
}
fn default_reset_minutes() -> i64 {
    30
}

#[derive(Debug, Clone, Deserialize)]
pub struct SessionSettings {
    pub idle_timeout_minutes: i64,
    /// Keys CSRF tokens; taken from `data.dir/session.key` (generated) when not configured.
    #[serde(default)]
    pub key: Option<Secret>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct LoginSettings {
    pub max_failed: i32,
    pub lockout_minutes: i64,
    /// Password checks (Argon2) running at once; 0 = one less than the cores, at least one.
    #[serde(default)]
    pub parallel_password_checks: usize,
}

#[derive(Debug, Clone, Deserialize)]
pub struct CertificateSettings {
    /// Days an issued phytosanitary certificate stays valid.
    pub phytosanitary_valid_days: i64,
    /// Days an issued veterinary certificate stays valid.
    pub veterinary_valid_days: i64,
    /// Number and code lookups from one client that may find nothing in an hour before each
    /// further lookup waits 1 s, 2 s, 4 s … up to `lookup_max_wait_minutes`.
    pub lookup_free_failures: i32,
    pub lookup_max_wait_minutes: i64,
    /// Seconds a QR link's verdict page is answered from memory (0 = never).
    pub verdict_cache_seconds: u64,
}

impl Settings {
    /// Reads the layers from `dir` (normally `config/`), for environment `env`
    /// (`JOINTLAB_ENV`, default `development`), then `JOINTLAB__SECTION__KEY` variables.
    pub fn load_from(dir: &Path, env: &str) -> Result<Self, config::ConfigError> {
        config::Config::builder()
            .add_source(config::File::from_str(DEFAULTS, config::FileFormat::Toml))
            .add_source(config::File::from(dir.join("default.toml")).required(false))
            .add_source(config::File::from(dir.join(format!("{env}.toml"))).required(false))
            .add_source(
                config::Environment::with_prefix("JOINTLAB")
                    .prefix_separator("__")
                    .separator("__"),
            )
            .build()?
            .try_deserialize()
    }

    /// The usual layering: `config/` in the working directory and `JOINTLAB_ENV`.
    pub fn load() -> Result<Self, config::ConfigError> {
        let env = std::env::var("JOINTLAB_ENV").unwrap_or_else(|_| "development".into());
        Self::load_from(Path::new("config"), &env)
    }

    /// Built-in defaults only, for tests that set every value they care about.
    pub fn defaults() -> Self {
        config::Config::builder()
            .add_source(config::File::from_str(DEFAULTS, config::FileFormat::Toml))
            .build()
            .and_then(|c| c.try_deserialize())
            .expect("the embedded config/default.toml is valid")
    }

    /// Cookies get `Secure` when users reach us over https.
    pub fn secure_cookies(&self) -> bool {
        self.server.public_url.starts_with("https://")
    }

    /// The file of the certificate-signing keys: `signing.keys_file`, or
    /// `signing-keys.json` in `data.dir` when that is empty.
    pub fn keys_file(&self) -> PathBuf {
        if self.signing.keys_file.as_os_str().is_empty() {
            self.data.dir.join("signing-keys.json")
        } else {
            self.signing.keys_file.clone()
        }
    }

    /// Fills in the secrets that are not configured from files under `data.dir`, creating
    /// them (random, owner-readable only) on first start.
    pub fn resolve_secrets(&mut self) -> std::io::Result<()> {
        if self.session.key.is_none() {
            self.session.key = Some(load_or_create_secret(&self.data.dir, "session.key")?);
        }
        if self.mail.smtp_password.is_none() {
            self.mail.smtp_password = Some(load_or_create_secret(&self.data.dir, "smtp.password")?);
        }
        Ok(())
    }
}

/// A value that must never reach a log or a page: `Debug` prints a placeholder and there is
/// no `Display`.
#[derive(Clone, Deserialize, PartialEq, Eq)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: String) -> Self {
        Secret(value)
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret([redacted])")
    }
}

fn load_or_create_secret(dir: &Path, name: &str) -> std::io::Result<Secret> {
    let path = dir.join(name);
    match std::fs::read_to_string(&path) {
        Ok(text) if !text.trim().is_empty() => return Ok(Secret(text.trim().to_owned())),
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    std::fs::create_dir_all(dir)?;
    let value = crate::auth::token::random_hex(32);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(&path) {
        Ok(mut file) => {
            std::io::Write::write_all(&mut file, value.as_bytes())?;
            Ok(Secret(value))
        }
        // Another process created it first: use theirs.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            Ok(Secret(std::fs::read_to_string(&path)?.trim().to_owned()))
        }
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_never_print() {
        let s = Secret::new("hunter2-very-secret".into());
        assert!(!format!("{s:?}").contains("hunter2"));
    }

    #[test]
    fn generated_secret_is_persisted() {
        let dir = std::env::temp_dir().join(format!("jl-secret-{}", uuid::Uuid::now_v7()));
        let a = load_or_create_secret(&dir, "session.key").unwrap();
        let b = load_or_create_secret(&dir, "session.key").unwrap();
        assert_eq!(a, b);
        assert_eq!(a.expose().len(), 64);
        std::fs::remove_dir_all(dir).unwrap();
    }
}
