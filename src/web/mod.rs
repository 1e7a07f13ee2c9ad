//! The HTTP layer's shared parts: application state, the route table, the request context
//! middleware, security headers and page rendering.

pub mod body;
pub mod client;
pub mod connections;
pub mod context;
pub mod csv;
pub mod db;
pub mod history;
pub mod hygiene;
pub mod page;
pub mod redirect;
pub mod request_id;

pub use context::RequestContext;
pub use page::{Base, answer, render, render_status, see_other};
pub use redirect::safe_next;

use crate::auth::password::PasswordChecks;
use crate::config::Settings;
use crate::db::Db;
use crate::signing::SharedKeyring;

/// What every handler can reach.
pub struct AppState {
    pub db: Db,
    pub settings: Settings,
    /// The bound on Argon2 work running at once (logins, password changes).
    pub password_checks: PasswordChecks,
    /// The certificate-signing keys, re-read when `rotate-keys` or `revoke-key` change them.
    pub keyring: SharedKeyring,
    /// QR-link verdict pages kept for an instant (`certificates.verdict_cache_seconds`).
    pub verdicts: crate::routes::verify::cache::VerdictCache,
    /// Requests per API token in the current window (`api.rate_limit`).
    pub api_limits: crate::routes::api::limit::RateLimiter,
}

impl AppState {
    pub fn csrf_key(&self) -> &str {
        self.settings
            .session
            .key
            .as_ref()
            .map(|s| s.expose())
            .expect("secrets are resolved before the server starts")
    }
}

/// Declares the application's routes once: `configure` registers them and `ROUTES` lists
/// them, so the authorization-matrix test sees every route that exists.
#[macro_export]
macro_rules! routes {
    ($( $method:ident $path:literal => $handler:path ),* $(,)?) => {
        /// Every route the application registers, as (method, path pattern).
        pub const ROUTES: &[(&str, &str)] = &[ $( (stringify!($method), $path) ),* ];

        pub fn configure(cfg: &mut actix_web::web::ServiceConfig) {
            $( cfg.route($path, actix_web::web::$method().to($handler)); )*
        }
    };
}

pub use crate::percent::url_encode;

/// The value of one query-string parameter.
pub fn query_param(query: &str, name: &str) -> Option<String> {
    serde_urlencoded::from_str::<Vec<(String, String)>>(query)
        .ok()?
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}
