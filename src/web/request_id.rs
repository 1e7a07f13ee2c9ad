//! One id and one tracing span per request. The id comes from the `X-Request-Id` header when
//! a proxy sent a sane one (so its logs and ours line up), else a fresh UUIDv7; it goes back in
//! the response's `X-Request-Id`. The span wraps everything the request does — middleware,
//! handler and the database calls that `Db::run` carries onto the blocking pool — and one line
//! is logged when the request completes.

use std::time::Instant;

use actix_web::HttpMessage;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use tracing::Instrument;

pub const HEADER: HeaderName = HeaderName::from_static("x-request-id");

/// The id of the request being served, for handlers that want to show or pass it on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestId(pub String);

/// A caller's id is kept only if it is a plain token: 1 to 64 of `[A-Za-z0-9_-]`, so that it
/// cannot forge log lines or smuggle anything into a header.
pub fn is_sane(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The middleware; `startup` wraps it around everything else.
pub async fn middleware(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let started = Instant::now();
    let id = req
        .headers()
        .get(&HEADER)
        .and_then(|v| v.to_str().ok())
        .filter(|v| is_sane(v))
        .map_or_else(|| uuid::Uuid::now_v7().to_string(), str::to_owned);
    let span = tracing::info_span!(
        "request",
        id = %id,
        method = %req.method(),
        path = %req.path()
    );
    req.extensions_mut().insert(RequestId(id.clone()));
    // Entered on every poll: whatever the handler calls (Db::run captures the current span)
    // happens inside this request's span.
    let outcome = async move { next.call(req).await }
        .instrument(span.clone())
        .await;
    let ms = started.elapsed().as_millis() as u64;
    let mut res = match outcome {
        Ok(res) => res.map_into_boxed_body(),
        Err(e) => {
            // Left for actix to turn into a response (the request has been handed on).
            let status = e.as_response_error().status_code().as_u16();
            span.in_scope(|| tracing::warn!(status, ms, error = %e, "request failed"));
            return Err(e);
        }
    };
    let status = res.status().as_u16();
    span.in_scope(|| {
        if status >= 500 {
            tracing::warn!(status, ms, "request completed");
        } else {
            tracing::info!(status, ms, "request completed");
        }
    });
    if let Ok(value) = HeaderValue::from_str(&id) {
        res.headers_mut().insert(HEADER, value);
    }
    Ok(res)
}

#[cfg(test)]
mod tests {
    use std::collections::{HashMap, HashSet};
    use std::sync::{Mutex, OnceLock};
    use std::thread::ThreadId;

    use actix_web::test as actix_test;
    use actix_web::{App, HttpResponse, web};
    use tracing::span::{Attributes, Id};
    use tracing::{Subscriber, field};
    use tracing_subscriber::layer::{Context, SubscriberExt};
    use tracing_subscriber::registry::LookupSpan;

    use super::*;
    use crate::db::Db;

    #[test]
    fn sane_ids_are_short_plain_tokens() {
        assert!(is_sane("0199a3b2-7c1e-7d2f-9a4b-1234567890ab"));
        assert!(is_sane("edge_42-A"));
        assert!(is_sane(&"a".repeat(64)));
        assert!(!is_sane(""));
        assert!(!is_sane(&"a".repeat(65)));
        for bad in ["a b", "a\nb", "id;drop", "ид", "a/b", "a=b"] {
            assert!(!is_sane(bad), "{bad:?}");
        }
    }

    /// Remembers, per request id, the threads on which its "request" span was entered.
    #[derive(Default)]
    struct Entries {
        ids: Mutex<HashMap<Id, String>>,
        threads: Mutex<HashMap<String, HashSet<ThreadId>>>,
    }

    struct Recorder(&'static Entries);

    struct IdVisitor(Option<String>);

    impl field::Visit for IdVisitor {
        fn record_debug(&mut self, f: &field::Field, value: &dyn std::fmt::Debug) {
            if f.name() == "id" {
                self.0 = Some(format!("{value:?}"));
            }
        }
    }

    impl<S: Subscriber + for<'a> LookupSpan<'a>> tracing_subscriber::Layer<S> for Recorder {
        fn on_new_span(&self, attrs: &Attributes<'_>, id: &Id, _: Context<'_, S>) {
            if attrs.metadata().name() == "request" {
                let mut visitor = IdVisitor(None);
                attrs.record(&mut visitor);
                if let Some(rid) = visitor.0 {
                    self.0.ids.lock().unwrap().insert(id.clone(), rid);
                }
            }
        }

        fn on_enter(&self, id: &Id, _: Context<'_, S>) {
            if let Some(rid) = self.0.ids.lock().unwrap().get(id) {
                let mut threads = self.0.threads.lock().unwrap();
                threads
                    .entry(rid.clone())
                    .or_default()
                    .insert(std::thread::current().id());
            }
        }
    }

    fn entries() -> &'static Entries {
        static ENTRIES: OnceLock<&'static Entries> = OnceLock::new();
        ENTRIES.get_or_init(|| {
            let entries: &'static Entries = Box::leak(Box::default());
            let subscriber = tracing_subscriber::registry().with(Recorder(entries));
            tracing::subscriber::set_global_default(subscriber)
                .expect("no other global subscriber in the unit tests");
            entries
        })
    }

    #[actix_web::test]
    async fn the_request_span_reaches_the_database_calls() {
        let entries = entries();
        let dir = std::env::temp_dir().join(format!("jl-span-{}", uuid::Uuid::now_v7()));
        let url = format!("sqlite://{}", dir.join("span.db").display());
        let db = Db::connect(&url, 1, std::time::Duration::from_secs(5)).unwrap();
        let app = actix_test::init_service(
            App::new()
                .app_data(web::Data::new(db))
                .route(
                    "/db",
                    web::get().to(|db: web::Data<Db>| async move {
                        db.run(|conn| {
                            use diesel::connection::SimpleConnection;
                            Ok(conn.batch_execute("SELECT 1")?)
                        })
                        .await?;
                        Ok::<_, crate::error::AppError>(HttpResponse::Ok().finish())
                    }),
                )
                .wrap(actix_web::middleware::from_fn(middleware)),
        )
        .await;

        let req = actix_test::TestRequest::get()
            .uri("/db")
            .insert_header((HEADER, "span-check-1"))
            .to_request();
        let res = actix_test::call_service(&app, req).await;

        assert_eq!(res.status(), 200);
        assert_eq!(res.headers().get(&HEADER).unwrap(), "span-check-1");
        let threads = entries.threads.lock().unwrap();
        let entered = threads.get("span-check-1").expect("the request span");
        // The worker's thread, and the blocking thread that ran the query inside the span.
        assert!(entered.contains(&std::thread::current().id()));
        assert!(
            entered.len() >= 2,
            "never entered off the worker: {entered:?}"
        );
        drop(threads);
        let _ = std::fs::remove_dir_all(dir);
    }
}
