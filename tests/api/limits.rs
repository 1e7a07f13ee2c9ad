//! Limits on what one client may ask of the server: body size, body pace, connections.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use jointlab::i18n::{Lang, t};

use crate::helpers::{PASSWORD, html, spawn_app, spawn_app_with};

const TEN_MB: usize = 10 * 1024 * 1024;

#[test]
fn a_ten_megabyte_login_form_is_413_not_403() {
    let app = spawn_app();
    let client = app.client();
    let token = client.get("/login").csrf_token();
    let filler = "x".repeat(TEN_MB);
    let res = client.post_raw(
        "/login",
        &[
            ("csrf_token", &token),
            ("email", &app.user("admin").email),
            ("password", PASSWORD),
            ("filler", &filler),
        ],
    );
    assert_eq!(res.status, 413, "{}", res.body);
    assert!(
        res.body
            .contains(&html(t(Lang::En, "error.payload_too_large.title")))
    );
    assert!(client.cookie("jl_session").is_none());
}

#[test]
fn a_ten_megabyte_form_of_a_signed_in_user_is_413() {
    let app = spawn_app();
    let client = app.signed_in("admin");
    let filler = "x".repeat(TEN_MB);
    let res = client.post(
        "/account/preferences",
        &[("language", "ru"), ("filler", &filler)],
    );
    assert_eq!(res.status, 413, "{}", res.body);
    // Without a token at all it is still the size that answers.
    let res = client.post_raw("/account/preferences", &[("filler", &filler)]);
    assert_eq!(res.status, 413, "{}", res.body);
}

/// What the server sends until it closes the connection (or `limit` passes), when its
/// answer began and when the connection was closed.
fn read_until_closed(stream: &mut TcpStream, limit: Duration) -> (String, Duration, Duration) {
    let started = Instant::now();
    stream.set_read_timeout(Some(limit)).unwrap();
    let mut received = Vec::new();
    let mut answered = None;
    let mut buf = [0u8; 4096];
    loop {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                answered.get_or_insert_with(|| started.elapsed());
                received.extend_from_slice(&buf[..n]);
            }
        }
    }
    let closed = started.elapsed();
    let text = String::from_utf8_lossy(&received).into_owned();
    (text, answered.unwrap_or(closed), closed)
}

#[test]
fn a_trickling_body_is_cut_off_in_time() {
    let app = spawn_app_with(|s| {
        s.server.body_timeout_seconds = 1;
        s.server.client_disconnect_timeout_seconds = 1;
    });
    let mut stream = TcpStream::connect(app.address.trim_start_matches("http://")).unwrap();
    stream
        .write_all(
            b"POST /login HTTP/1.1\r\nHost: localhost\r\n\
              Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n",
        )
        .unwrap();
    let mut writer = stream.try_clone().unwrap();
    let trickle = std::thread::spawn(move || {
        for _ in 0..100 {
            if writer.write_all(b"a").is_err() {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    });
    let (answer, answered, closed) = read_until_closed(&mut stream, Duration::from_secs(10));
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(
        answer.contains(&html(t(Lang::En, "error.request_timeout.title"))),
        "{answer}"
    );
    assert!(
        answered < Duration::from_secs(3),
        "answered after {answered:?}"
    );
    assert!(closed < Duration::from_secs(4), "closed after {closed:?}");
    trickle.join().unwrap();
}

/// Sends a GET on an open connection, keeping it open, and returns the start of the answer.
fn get_on(stream: &mut TcpStream, path: &str) -> String {
    stream
        .write_all(format!("GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n").as_bytes())
        .unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let mut buf = [0u8; 65536];
    let n = stream.read(&mut buf).unwrap_or(0);
    String::from_utf8_lossy(&buf[..n]).into_owned()
}

#[test]
fn connections_beyond_the_per_address_cap_are_refused() {
    let app = spawn_app_with(|s| s.server.max_connections_per_address = 2);
    let address = app.address.trim_start_matches("http://").to_owned();
    let mut first = TcpStream::connect(&address).unwrap();
    let mut second = TcpStream::connect(&address).unwrap();
    assert!(get_on(&mut first, "/healthz").starts_with("HTTP/1.1 200"));
    assert!(get_on(&mut second, "/healthz").starts_with("HTTP/1.1 200"));

    let mut third = TcpStream::connect(&address).unwrap();
    third
        .write_all(b"GET /login HTTP/1.1\r\nHost: localhost\r\nAccept-Language: ru\r\n\r\n")
        .unwrap();
    let (answer, _, closed) = read_until_closed(&mut third, Duration::from_secs(10));
    assert!(answer.starts_with("HTTP/1.1 429"), "{answer}");
    assert!(
        answer.contains(&html(t(Lang::Ru, "error.too_many_connections.title"))),
        "{answer}"
    );
    assert!(closed < Duration::from_secs(5), "closed after {closed:?}");
    // The first two keep working.
    assert!(get_on(&mut first, "/login").starts_with("HTTP/1.1 200"));

    // A place given back is free again.
    drop(second);
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let mut fourth = TcpStream::connect(&address).unwrap();
        let answer = get_on(&mut fourth, "/login");
        if answer.starts_with("HTTP/1.1 200") {
            break;
        }
        assert!(Instant::now() < deadline, "no place freed: {answer}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn a_chunked_body_growing_past_the_limit_is_413() {
    let app = spawn_app_with(|s| s.server.max_body_bytes = 4096);
    let mut stream = TcpStream::connect(app.address.trim_start_matches("http://")).unwrap();
    let mut request = b"POST /login HTTP/1.1\r\nHost: localhost\r\n\
        Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\
        Connection: close\r\n\r\n"
        .to_vec();
    for _ in 0..8 {
        request.extend_from_slice(format!("400\r\n{}\r\n", "x".repeat(1024)).as_bytes());
    }
    request.extend_from_slice(b"0\r\n\r\n");
    stream.write_all(&request).unwrap();
    let (answer, _, _) = read_until_closed(&mut stream, Duration::from_secs(10));
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
}
