//! Benchmark, ignored by `cargo test`: how long does a printed certificate take to render,
//! and how big is it? Renders the one-page fixture and a three-page one 50 times each and
//! prints median and p95 milliseconds and the size; asserts the one-page budget (median
//! ≤ 30 ms, ≤ 150 KB) in release builds. Run it with:
//!
//! ```sh
//! cargo test --release --test bench_pdf -- --ignored --nocapture
//! ```

#[path = "pdf/fixture.rs"]
mod fixture;

use std::time::{Duration, Instant};

use jointlab::pdf::{Document, render};

const TRIES: usize = 50;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Median and p95 in ms, and the size in bytes.
fn measure(doc: &Document) -> (f64, f64, usize) {
    // The first render parses the fonts; it is not what a request pays.
    let size = render(doc).expect("renders").len();
    let mut times: Vec<Duration> = (0..TRIES)
        .map(|_| {
            let started = Instant::now();
            let bytes = render(doc).expect("renders");
            let took = started.elapsed();
            assert_eq!(bytes.len(), size, "rendering is deterministic");
            took
        })
        .collect();
    times.sort();
    (ms(times[TRIES / 2]), ms(times[TRIES * 95 / 100]), size)
}

#[test]
#[ignore = "a benchmark: cargo test --release --test bench_pdf -- --ignored --nocapture"]
fn render_time_and_size() {
    let started = Instant::now();
    render(&Document::default()).expect("renders");
    println!(
        "first render (parses the fonts): {:.1} ms",
        ms(started.elapsed())
    );
    let (median, p95, bytes) = measure(&fixture::certificate());
    println!(
        "1 page:  median {median:.1} ms, p95 {p95:.1} ms, {:.1} KB",
        bytes as f64 / 1024.0
    );
    let (median3, p95_3, bytes3) = measure(&fixture::three_pages());
    println!(
        "3 pages: median {median3:.1} ms, p95 {p95_3:.1} ms, {:.1} KB",
        bytes3 as f64 / 1024.0
    );
    assert!(bytes <= 150 * 1024, "one page is {bytes} bytes");
    if !cfg!(debug_assertions) {
        assert!(median <= 30.0, "one page takes {median:.1} ms");
    }
}
