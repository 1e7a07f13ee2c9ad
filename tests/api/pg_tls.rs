//! PostgreSQL over TLS: `sslmode=require` encrypts the connection, `verify-full` checks the
//! server's certificate and refuses an untrusted one with a clear error. Only on the
//! PostgreSQL run; with CI=true a server without SSL fails the test instead of skipping it.

use std::time::Duration;

use diesel::prelude::*;
use diesel::sql_types::{Bool, Text};
use jointlab::db::{Db, DbConn};

use crate::helpers::*;

#[derive(QueryableByName)]
struct Ssl {
    #[diesel(sql_type = Bool)]
    ssl: bool,
}

#[derive(QueryableByName)]
struct Setting {
    #[diesel(sql_type = Text)]
    value: String,
}

/// A self-signed CA certificate (its key thrown away) that signed no server's certificate.
const UNTRUSTED_CA: &str = "\
-----BEGIN CERTIFICATE-----\n\
MIIBtDCCAVmgAwIBAgIUU3tylLafoPO++3kbUykdHUOPdyEwCgYIKoZIzj0EAwIw\n\
LjEsMCoGA1UEAwwjam9pbnRsYWIgdGVzdCBDQSB0aGF0IHNpZ25zIG5vdGhpbmcw\n\
IBcNMjYxMjAyMDkwNDU3WhgPMjEyNjExMDgwOTA0NTdaMC4xLDAqBgNVBAMMI2pv\n\
aW50bGFiIHRlc3QgQ0EgdGhhdCBzaWducyBub3RoaW5nMFkwEwYHKoZIzj0CAQYI\n\
KoZIzj0DAQcDQgAEZg9TR9iRHRe5laeefAd2qwKHIyZIt9m1Ba7xvsJsZEcMHgWv\n\
Pq7svYR+sUuHkpP9ackvODbUQVaFpB7XkckTuKNTMFEwHQYDVR0OBBYEFKt9VKAq\n\
UYuE+Tu86yMfI2Jv4pd5MB8GA1UdIwQYMBaAFKt9VKAqUYuE+Tu86yMfI2Jv4pd5\n\
MA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDSQAwRgIhAOZgtSaoQICk5o4H\n\
keX6LK9U8s6iv3D3RUAW81YwH6PyAiEAz9E9XXIKT4fTviCPKZRNw0hVJteSZ4h4\n\
aKVDJKxr8IE=\n\
-----END CERTIFICATE-----\n\
";

/// `url` with extra connection parameters.
fn with_params(url: &str, params: &str) -> String {
    let sep = if url.contains('?') { '&' } else { '?' };
    format!("{url}{sep}{params}")
}

fn show(conn: &mut DbConn, name: &str) -> String {
    diesel::sql_query(format!("SELECT current_setting('{name}') AS value"))
        .get_result::<Setting>(conn)
        .unwrap()
        .value
}

fn encrypted(db: &Db) -> bool {
    diesel::sql_query("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
        .get_result::<Ssl>(&mut *db.get().unwrap())
        .unwrap()
        .ssl
}

/// The test server's URL when it serves TLS; `None` (skip) without a PostgreSQL server, and
/// without SSL outside CI.
fn tls_server() -> Option<String> {
    let url = postgres_url()?;
    let db = Db::connect(&url, 1, Duration::from_secs(5)).expect("the server is reachable");
    let ssl = show(&mut db.get().unwrap(), "ssl");
    if ssl != "on" {
        assert_ne!(
            std::env::var("CI").as_deref(),
            Ok("true"),
            "CI: the PostgreSQL server has ssl = {ssl}; turn it on (Debian's default, with the \
             snakeoil certificate) to test TLS"
        );
        eprintln!("skipped: the PostgreSQL server has ssl = {ssl}");
        return None;
    }
    Some(url)
}

#[test]
fn sslmode_require_encrypts_the_connection() {
    let Some(url) = tls_server() else { return };
    let plain = Db::connect(
        &with_params(&url, "sslmode=disable"),
        1,
        Duration::from_secs(5),
    )
    .unwrap();

    let tls = Db::connect(
        &with_params(&url, "sslmode=require"),
        1,
        Duration::from_secs(5),
    )
    .expect("sslmode=require connects");

    assert!(encrypted(&tls), "sslmode=require is not encrypted");
    assert!(
        !encrypted(&plain),
        "the control connection is encrypted too"
    );
}

#[test]
fn verify_full_accepts_the_servers_own_certificate_and_refuses_an_untrusted_one() {
    let Some(url) = tls_server() else { return };
    let admin = Db::connect(&url, 1, Duration::from_secs(5)).unwrap();
    let cert = show(&mut admin.get().unwrap(), "ssl_cert_file");

    let dir = std::env::temp_dir().join(format!("jointlab-tls-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).unwrap();
    let other_ca = dir.join("other-ca.pem");
    std::fs::write(&other_ca, UNTRUSTED_CA).unwrap();
    // A root that did not sign the server's certificate.
    let untrusted = Db::connect(
        &with_params(
            &url,
            &format!("sslmode=verify-full&sslrootcert={}", other_ca.display()),
        ),
        1,
        Duration::from_secs(2),
    );
    // Trusted, but for another name than the one connected to.
    let wrong_name = Db::connect(
        &with_params(
            &with_host(&url, "not-the-server.invalid"),
            &format!("sslmode=verify-full&sslrootcert={cert}&hostaddr=127.0.0.1"),
        ),
        1,
        Duration::from_secs(2),
    );

    let _ = std::fs::remove_dir_all(&dir);
    let message = untrusted
        .err()
        .expect("an untrusted certificate was accepted");
    assert!(message.contains("certificate verify failed"), "{message}");
    let message = wrong_name
        .err()
        .expect("a certificate for another name was accepted");
    assert!(message.contains("does not match host name"), "{message}");
    // The server's own certificate, trusted, for the name it carries.
    let Some(name) = subject_name(&cert) else {
        eprintln!("skipped the accepted case: no openssl to read {cert}");
        return;
    };
    let trusted = Db::connect(
        &with_params(
            &with_host(&url, &name),
            &format!("sslmode=verify-full&sslrootcert={cert}&hostaddr=127.0.0.1"),
        ),
        1,
        Duration::from_secs(5),
    )
    .expect("verify-full with the server's certificate as root");
    assert!(encrypted(&trusted));
}

/// `url` naming the server `host` (the test server listens on 127.0.0.1: `hostaddr`).
fn with_host(url: &str, host: &str) -> String {
    let start = url
        .find('@')
        .or_else(|| url.find("://").map(|i| i + 2))
        .unwrap()
        + 1;
    let end = start
        + url[start..]
            .find([':', '/', '?'])
            .unwrap_or(url.len() - start);
    format!("{}{host}{}", &url[..start], &url[end..])
}

/// The certificate's common name, read by the `openssl` command.
fn subject_name(cert: &str) -> Option<String> {
    let out = std::process::Command::new("openssl")
        .args([
            "x509",
            "-in",
            cert,
            "-noout",
            "-subject",
            "-nameopt",
            "sep_multiline",
        ])
        .output()
        .ok()?;
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.trim().strip_prefix("CN=").map(str::to_owned))
}
