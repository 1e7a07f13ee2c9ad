//! The HTTP layer's shared parts: application state, the route table, the request context
//! middleware, security headers and page rendering.

pub mod client;
pub mod context;
pub mod db;
pub mod hygiene;
pub mod page;
pub mod request_id;

pub use context::RequestContext;
pub use page::{Base, answer, render, render_status, see_other};

use crate::auth::password::PasswordChecks;
use crate::config::Settings;
use crate::db::Db;

/// What every handler can reach.
pub struct AppState {
    pub db: Db,
    pub settings: Settings,
    /// The bound on Argon2 work running at once (logins, password changes).
    pub password_checks: PasswordChecks,
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

/// A local path safe to redirect to after login (no scheme, no `//host`).
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') => n.to_owned(),
        _ => "/".to_owned(),
    }
}

/// The value of one query-string parameter.
pub fn query_param(query: &str, name: &str) -> Option<String> {
    serde_urlencoded::from_str::<Vec<(String, String)>>(query)
        .ok()?
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    #[test]
    fn next_is_local_only() {
        assert_eq!(
            super::safe_next(Some("/admin/users?x=1")),
            "/admin/users?x=1"
        );
        assert_eq!(super::safe_next(Some("//evil.example/")), "/");
        assert_eq!(super::safe_next(Some("https://evil.example/")), "/");
        assert_eq!(super::safe_next(Some("/\\evil.example")), "/");
        assert_eq!(super::safe_next(None), "/");
    }
}
