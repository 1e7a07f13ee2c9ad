//! Benchmark, ignored by `cargo test`: does a flood of logins slow the lab down? It measures
//! `/samples` for a signed-in registrar, idle and while 50 clients send wrong passwords as
//! fast as the server answers, once with the default bound on concurrent password checks and
//! once practically unbounded, for comparison. Only the bounded run is asserted: its median
//! must stay within twice the idle median. Run it on a release build:
//!
//! ```sh
//! cargo test --release --test bench_login_flood -- --ignored --nocapture
//! ```
//!
//! The address throttle is lifted (`login.max_failed` very high) so that every attempt costs
//! an Argon2 check, as a flood from many addresses would.

#[allow(dead_code)]
#[path = "api/helpers.rs"]
mod helpers;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use helpers::{Client, TestApp, received_samples, spawn_app_with};

const FLOOD: usize = 50;
const PAGES: usize = 150;

/// Median and 95th percentile, in milliseconds.
fn summary(mut times: Vec<Duration>) -> (f64, f64) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    (
        ms(times[times.len() / 2]),
        ms(times[times.len() * 95 / 100]),
    )
}

fn pages(client: &Client) -> Vec<Duration> {
    (0..PAGES)
        .map(|_| {
            let started = Instant::now();
            let res = client.get("/samples");
            assert_eq!(res.status, 200);
            started.elapsed()
        })
        .collect()
}

struct Figures {
    idle: (f64, f64),
    flood: (f64, f64),
    logins_per_second: f64,
}

fn run(parallel_checks: usize) -> Figures {
    let app: TestApp = spawn_app_with(|s| {
        s.login.max_failed = i32::MAX;
        s.login.parallel_password_checks = parallel_checks;
        s.database.pool_size = 8;
        // The flood comes from one address on purpose: it measures the password bound, not
        // the per-address connection cap.
        s.server.max_connections_per_address = 0;
    });
    received_samples(&app, 6);
    let registrar = app.signed_in("registrar_kz");
    pages(&registrar); // warm up
    let idle = pages(&registrar);

    let stop = Arc::new(AtomicBool::new(false));
    let attempts = Arc::new(AtomicU64::new(0));
    let deadline = Instant::now() + Duration::from_secs(120);
    let flood: Vec<_> = (0..FLOOD)
        .map(|i| {
            let client = app.client();
            let (stop, attempts) = (stop.clone(), attempts.clone());
            std::thread::spawn(move || {
                let token = client.get("/login").csrf_token();
                let email = format!("flood{i}@nowhere.example");
                while !stop.load(Ordering::Relaxed) && Instant::now() < deadline {
                    let res = client.post_raw(
                        "/login",
                        &[
                            ("csrf_token", token.as_str()),
                            ("email", email.as_str()),
                            ("password", "wrong-password"),
                        ],
                    );
                    assert_eq!(res.status, 422, "{}", res.body);
                    attempts.fetch_add(1, Ordering::Relaxed);
                }
            })
        })
        .collect();
    // Let every flooding client get going before measuring.
    while attempts.load(Ordering::Relaxed) < FLOOD as u64 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    let started = Instant::now();
    let before = attempts.load(Ordering::Relaxed);
    let during = pages(&registrar);
    let logins = attempts.load(Ordering::Relaxed) - before;
    let elapsed = started.elapsed().as_secs_f64();
    stop.store(true, Ordering::Relaxed);
    for t in flood {
        t.join().unwrap();
    }
    Figures {
        idle: summary(idle),
        flood: summary(during),
        logins_per_second: logins as f64 / elapsed,
    }
}

#[test]
#[ignore = "a benchmark: cargo test --release --test bench_login_flood -- --ignored --nocapture"]
fn a_login_flood_does_not_slow_down_the_pages() {
    let bounded = run(0);
    let unbounded = run(FLOOD);

    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("\n/samples for a signed-in registrar, {PAGES} requests, median / p95 in ms");
    println!("{cores} cores; flood: {FLOOD} clients sending wrong passwords");
    for (name, f) in [
        ("bounded (default)", &bounded),
        ("unbounded (50)", &unbounded),
    ] {
        println!(
            "{name:>18}: idle {:6.2} / {:6.2}   flood {:6.2} / {:6.2}   ratio {:4.2} / {:4.2}   {:5.1} logins/s",
            f.idle.0,
            f.idle.1,
            f.flood.0,
            f.flood.1,
            f.flood.0 / f.idle.0,
            f.flood.1 / f.idle.1,
            f.logins_per_second,
        );
    }
    assert!(
        bounded.flood.0 <= 2.0 * bounded.idle.0,
        "the flood slowed /samples from {:.2} to {:.2} ms",
        bounded.idle.0,
        bounded.flood.0
    );
}
