//! Building the application: open the database, apply migrations, bind the listener (port 0
//! in tests) and assemble the middleware around the route table.

use std::net::TcpListener;
use std::time::Duration;

use actix_web::dev::Server;
use actix_web::middleware::{Compress, DefaultHeaders, from_fn};
use actix_web::{App, HttpServer, web};

use crate::auth::password::PasswordChecks;
use crate::config::Settings;
use crate::db::{Db, run_migrations};
use crate::error::AppError;
use crate::signing::SharedKeyring;
use crate::web::AppState;
use crate::web::connections::ConnectionCounts;

/// The Content-Security-Policy of every page: nothing inline, nothing from elsewhere.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                       font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; \
                       form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

pub struct Application {
    server: Server,
    port: u16,
    db: Db,
}

/// Opens the pool for `settings` and brings the schema up to date.
pub fn open_database(settings: &Settings) -> Result<Db, String> {
    let db = Db::connect(
        &settings.database.url,
        settings.database.pool_size,
        Duration::from_secs(settings.database.connect_timeout_seconds),
    )?;
    let mut conn = db
        .get()
        .map_err(|e| format!("cannot connect to the database: {e}"))?;
    let applied = run_migrations(&mut conn).map_err(|e| e.to_string())?;
    for version in applied {
        tracing::info!(version, "applied migration");
    }
    let filled = crate::db::write_tx(&mut conn, crate::db::search::backfill)
        .map_err(|e| format!("cannot fill the search columns: {e}"))?;
    if filled > 0 {
        tracing::info!(rows = filled, "filled search columns");
    }
    crate::db::optimize(&mut conn).map_err(|e| format!("cannot optimize: {e}"))?;
    Ok(db)
}

impl Application {
    /// Binds `server.listen` and prepares (but does not start) the server.
    pub fn build(mut settings: Settings) -> Result<Self, String> {
        settings.resolve_secrets().map_err(|e| {
            format!(
                "cannot read or create secrets in {}: {e}",
                settings.data.dir.display()
            )
        })?;
        let keyring =
            SharedKeyring::open(settings.keys_file()).map_err(|e| format!("signing keys: {e}"))?;
        let db = open_database(&settings)?;
        let listener = TcpListener::bind(&settings.server.listen)
            .map_err(|e| format!("cannot listen on {}: {e}", settings.server.listen))?;
        let port = listener.local_addr().map_err(|e| e.to_string())?.port();
        let workers = settings.server.workers;
        let connections = ConnectionCounts::new(
            settings.server.max_connections_per_address,
            settings.server.trusted_proxies.clone(),
        );
        let max_body_bytes = settings.server.max_body_bytes;
        let request_timeout = Duration::from_secs(settings.server.client_request_timeout_seconds);
        let disconnect_timeout =
            Duration::from_secs(settings.server.client_disconnect_timeout_seconds);
        let password_checks = PasswordChecks::new(settings.login.parallel_password_checks);
        tracing::info!(parallel = password_checks.size(), "password checks bounded");
        let verdicts = crate::routes::verify::cache::VerdictCache::new(Duration::from_secs(
            settings.certificates.verdict_cache_seconds,
        ));
        let api_limits = crate::routes::api::limit::RateLimiter::new(
            settings.api.rate_limit,
            Duration::from_secs(settings.api.window_seconds),
        );
        if settings.mail.worker {
            // Inside the actix system that runs the server: the worker ends with it.
            crate::mail::worker::Worker::new(db.clone(), &settings)?.spawn();
        }
        let state = web::Data::new(AppState {
            db: db.clone(),
            settings,
            password_checks,
            keyring,
            verdicts,
            api_limits,
        });
        let mut server = HttpServer::new(move || {
            App::new()
                .app_data(state.clone())
                .app_data(
                    web::FormConfig::default()
                        .limit(max_body_bytes)
                        .error_handler(|e, _| {
                            tracing::debug!(error = %e, "unreadable form");
                            crate::web::body::form_refusal(&e).into()
                        }),
                )
                .app_data(web::PayloadConfig::default().limit(max_body_bytes))
                .app_data(
                    web::JsonConfig::default()
                        .limit(max_body_bytes)
                        .error_handler(|e, _| {
                            use actix_web::error::JsonPayloadError;
                            tracing::debug!(error = %e, "unreadable JSON body");
                            match e {
                                JsonPayloadError::Overflow { .. }
                                | JsonPayloadError::OverflowKnownLength { .. } => {
                                    AppError::PayloadTooLarge.into()
                                }
                                _ => AppError::BadRequest.into(),
                            }
                        }),
                )
                .app_data(
                    web::QueryConfig::default().error_handler(|_, _| AppError::BadRequest.into()),
                )
                .app_data(
                    web::PathConfig::default().error_handler(|_, _| AppError::NotFound.into()),
                )
                .configure(crate::routes::configure)
                .default_service(web::to(|| async {
                    Err::<actix_web::HttpResponse, _>(AppError::NotFound)
                }))
                .wrap(from_fn(crate::web::context::middleware))
                .wrap(
                    DefaultHeaders::new()
                        .add(("Content-Security-Policy", CSP))
                        .add(("X-Content-Type-Options", "nosniff"))
                        .add(("X-Frame-Options", "DENY"))
                        .add(("Referrer-Policy", "same-origin"))
                        .add(("Cross-Origin-Opener-Policy", "same-origin"))
                        .add((
                            "Permissions-Policy",
                            "camera=(), microphone=(), geolocation=()",
                        )),
                )
                .wrap(Compress::default())
                // Outermost: the request id and span cover everything the request does.
                .wrap(from_fn(crate::web::request_id::middleware))
        })
        .on_connect(move |connection, data| connections.admit(connection, data))
        .client_request_timeout(request_timeout)
        .client_disconnect_timeout(disconnect_timeout)
        .listen(listener)
        .map_err(|e| e.to_string())?
        .shutdown_timeout(10);
        if workers > 0 {
            server = server.workers(workers);
        }
        Ok(Application {
            server: server.run(),
            port,
            db,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn db(&self) -> &Db {
        &self.db
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
    }

    /// The server future, for harnesses that drive it themselves.
    pub fn into_server(self) -> Server {
        self.server
    }
}
