//! Benchmark, ignored by `cargo test`: do an unknown e-mail, a wrong password and a throttled
//! attempt take the same time? 50 tries of each, interleaved, each from its own forwarded
//! address (behind a trusted proxy) so that only the throttled ones wait. Asserts that the
//! medians differ by at most 10 ms. Run it with:
//!
//! ```sh
//! cargo test --release --test bench_login_timing -- --ignored --nocapture
//! ```

#[allow(dead_code)]
#[path = "api/helpers.rs"]
mod helpers;

use std::time::{Duration, Instant};

use helpers::{Client, TestApp, spawn_app_with};

const TRIES: usize = 50;

fn median_ms(mut times: Vec<Duration>) -> f64 {
    times.sort();
    times[times.len() / 2].as_secs_f64() * 1000.0
}

fn from(app: &TestApp, address: &str) -> Client {
    let mut client = app.client();
    client.headers = vec![("X-Forwarded-For".into(), address.into())];
    client
}

fn timed(client: &Client, email: &str, password: &str) -> Duration {
    let started = Instant::now();
    let res = client.login(email, password);
    let took = started.elapsed();
    assert_eq!(res.status, 422, "{}", res.body);
    took
}

#[test]
#[ignore]
fn unknown_wrong_and_throttled_answers_take_the_same_time() {
    let app = spawn_app_with(|s| s.server.trusted_proxies = vec!["127.0.0.1".parse().unwrap()]);
    let known = app.user("reviewer_kz").email.clone();
    let throttled = from(&app, "192.0.2.1");
    for _ in 0..6 {
        throttled.login(&known, "wrong-password");
    }
    let (mut unknown, mut wrong, mut waiting) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..TRIES {
        let address = format!("198.51.{}.{}", i / 200, i % 200 + 1);
        let email = format!("nobody{i}@test.jointlab.local");
        unknown.push(timed(&from(&app, &address), &email, "wrong-password"));
        let address = format!("203.0.{}.{}", i / 200, i % 200 + 1);
        wrong.push(timed(&from(&app, &address), &known, "wrong-password"));
        waiting.push(timed(&throttled, &known, "wrong-password"));
    }
    let (unknown, wrong, waiting) = (median_ms(unknown), median_ms(wrong), median_ms(waiting));
    println!(
        "\nmedian of {TRIES} in ms: unknown e-mail {unknown:.2}, wrong password {wrong:.2}, \
         throttled {waiting:.2}"
    );
    assert!((unknown - wrong).abs() <= 10.0, "{unknown} vs {wrong}");
    assert!((waiting - wrong).abs() <= 10.0, "{waiting} vs {wrong}");
}
