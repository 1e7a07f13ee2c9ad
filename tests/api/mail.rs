//! The mail outbox against a real SMTP server on loopback (in-process): what arrives, to whom,
//! in which language, with which attachment; an SMTP outage; a restart between commit and
//! send; two instances on one PostgreSQL; the admin page; the figures of issue 11.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use diesel::prelude::*;
use jointlab::config::Settings;
use jointlab::db::schema::{notifications, outbox};
use jointlab::db::write_tx;
use jointlab::domain::notice::NoticeKind;
use jointlab::mail::{Notice, Site};
use jointlab::models::User;
use mailin_embedded::{Handler, Response, Server, response};

use crate::helpers::{TestApp, issue_certificate, race, revoke_certificate, spawn_app_with};

/// One message as the SMTP server received it.
#[derive(Debug, Clone)]
pub struct Received {
    pub to: Vec<String>,
    pub raw: String,
}

impl Received {
    /// The decoded `Subject:` header.
    pub fn subject(&self) -> String {
        let mut lines = self.raw.split("\r\n");
        let mut value = String::new();
        while let Some(line) = lines.next() {
            if let Some(v) = line.strip_prefix("Subject: ") {
                value.push_str(v);
                for more in lines.by_ref() {
                    // Unfolding removes the line break only, not the white space.
                    if more.starts_with([' ', '\t']) {
                        value.push_str(more);
                    } else {
                        break;
                    }
                }
                break;
            }
        }
        decode_words(&value)
    }

    /// The bytes of the first base64 part of `content_type`.
    pub fn part(&self, content_type: &str) -> Option<Vec<u8>> {
        let start = self.raw.find(&format!("Content-Type: {content_type}"))?;
        let rest = &self.raw[start..];
        let body_start = rest.find("\r\n\r\n")? + 4;
        let body = &rest[body_start..];
        let end = body.find("\r\n--").unwrap_or(body.len());
        base64(&body[..end])
    }
}

/// RFC 2047 encoded words (`=?utf-8?b?…?=`, `=?utf-8?q?…?=`) decoded; other text kept.
pub fn decode_words(value: &str) -> String {
    let mut out = Vec::new();
    let mut rest = value;
    while let Some(start) = rest.find("=?") {
        let before = &rest[..start];
        if !before.trim().is_empty() {
            out.extend_from_slice(before.as_bytes());
        }
        let word = &rest[start + 2..];
        let parts: Vec<&str> = word.splitn(3, '?').collect();
        let Some(end) = parts.get(2).and_then(|p| p.find("?=")) else {
            out.extend_from_slice(&rest.as_bytes()[start..]);
            rest = "";
            break;
        };
        let text = &parts[2][..end];
        match parts[1].to_ascii_lowercase().as_str() {
            "b" => out.extend(base64(text).unwrap_or_default()),
            _ => out.extend(quoted(text)),
        }
        let consumed = 2 + parts[0].len() + 1 + parts[1].len() + 1 + end + 2;
        rest = &rest[start + consumed..];
    }
    out.extend_from_slice(rest.as_bytes());
    String::from_utf8_lossy(&out).into_owned()
}

fn quoted(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'_' => out.push(b' '),
            b'=' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
                out.push(u8::from_str_radix(hex, 16).unwrap_or(b'?'));
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    out
}

fn base64(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut acc = 0u32;
    let mut bits = 0;
    for c in text.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' | b'\r' | b'\n' | b' ' => continue,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Some(out)
}

#[derive(Clone)]
struct Collect {
    inbox: Arc<Mutex<Vec<Received>>>,
    to: Vec<String>,
    data: Vec<u8>,
}

impl Handler for Collect {
    fn data_start(&mut self, _domain: &str, _from: &str, _is8bit: bool, to: &[String]) -> Response {
        self.to = to.to_vec();
        self.data.clear();
        response::OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.data.extend_from_slice(buf);
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        self.inbox.lock().unwrap().push(Received {
            to: std::mem::take(&mut self.to),
            raw: String::from_utf8_lossy(&std::mem::take(&mut self.data)).into_owned(),
        });
        response::OK
    }
}

/// An SMTP server on a loopback port, keeping what it receives.
pub struct MailServer {
    pub port: u16,
    inbox: Arc<Mutex<Vec<Received>>>,
}

impl MailServer {
    /// A free port with nothing listening on it yet: SMTP is down until [`MailServer::start`].
    pub fn down() -> MailServer {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        MailServer {
            port,
            inbox: Arc::default(),
        }
    }

    pub fn up() -> MailServer {
        let server = MailServer::down();
        server.start();
        server
    }

    /// Starts serving on the port (in a thread that lives as long as the test process).
    pub fn start(&self) {
        let listener = std::net::TcpListener::bind(("127.0.0.1", self.port)).unwrap();
        let mut server = Server::new(Collect {
            inbox: self.inbox.clone(),
            to: Vec::new(),
            data: Vec::new(),
        });
        server.with_name("smtp.test").with_tcp_listener(listener);
        std::thread::spawn(move || {
            let _ = server.serve();
        });
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    pub fn received(&self) -> Vec<Received> {
        self.inbox.lock().unwrap().clone()
    }

    /// Waits until a message satisfies `wanted` (or `within` passed); returns those that do.
    pub fn wait_until(
        &self,
        wanted: impl Fn(&Received) -> bool,
        within: Duration,
    ) -> Vec<Received> {
        let until = Instant::now() + within;
        loop {
            let got: Vec<Received> = self.received().into_iter().filter(|r| wanted(r)).collect();
            if !got.is_empty() || Instant::now() > until {
                return got;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Waits until at least `n` messages arrived (or `within` passed); returns them all.
    pub fn wait_for(&self, n: usize, within: Duration) -> Vec<Received> {
        let until = Instant::now() + within;
        loop {
            let got = self.received();
            if got.len() >= n || Instant::now() > until {
                return got;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

/// The worker on, polling quickly, retrying after a second, against `smtp`.
pub fn mailing(settings: &mut Settings, smtp: &MailServer) {
    settings.mail.worker = true;
    settings.mail.smtp_url = smtp.url();
    settings.mail.poll_millis = 20;
    settings.mail.backoff_base_seconds = 1;
    settings.mail.backoff_cap_seconds = 1;
    settings.mail.timeout_seconds = 5;
}

/// Queues `n` messages to `to` in one transaction, numbered in their subjects.
pub fn queue(app: &TestApp, to: &User, n: usize) {
    let site = Site::from_settings(&app.settings);
    write_tx(&mut app.conn(), |conn| {
        for i in 0..n {
            let notice = Notice::new(NoticeKind::ApplicationReturned, "/applications".into())
                .with("code", format!("N{i:05}"))
                .with("reason", "test");
            jointlab::mail::enqueue(conn, &site, to, &notice, &site.url("/applications"))?;
        }
        Ok::<_, diesel::result::Error>(())
    })
    .unwrap();
}

fn count(app: &TestApp, sent: bool) -> i64 {
    let query = outbox::table.count().into_boxed();
    let query = if sent {
        query.filter(outbox::sent_at.is_not_null())
    } else {
        query.filter(outbox::sent_at.is_null())
    };
    query.get_result(&mut *app.conn()).unwrap()
}

/// Each subject once: the numbers `N00000`… of [`queue`] arrived exactly once each.
fn assert_each_once(received: &[Received], n: usize) {
    let mut subjects: Vec<String> = received.iter().map(|r| r.subject()).collect();
    subjects.sort();
    let before = subjects.len();
    subjects.dedup();
    assert_eq!(before, subjects.len(), "a message arrived twice");
    assert_eq!(subjects.len(), n, "{subjects:?}");
}

#[test]
fn an_issued_certificate_reaches_the_exporter_in_his_language_with_the_pdf_and_in_his_inbox() {
    let smtp = MailServer::up();
    let app = spawn_app_with(|s| mailing(s, &smtp));
    let exporter = app.user("exporter").clone();
    // The exporter reads Russian.
    diesel::update(jointlab::db::schema::users::table.find(exporter.id))
        .set(jointlab::db::schema::users::language.eq("ru"))
        .execute(&mut *app.conn())
        .unwrap();

    let id = issue_certificate(&app, "Xinjiang Grain Co., Urumqi", "Wagons 1–3");

    let to_exporter = |r: &Received| r.to.iter().any(|t| t.contains(&exporter.email));
    let mail = smtp.wait_until(
        |r| to_exporter(r) && r.subject().starts_with("Сертификат"),
        Duration::from_secs(20),
    );
    assert_eq!(mail.len(), 1, "{:?}", smtp.received());
    let subject = mail[0].subject();
    assert!(subject.starts_with("Сертификат KZCN-PC-"), "{subject}");
    assert!(subject.ends_with(" выдан"), "{subject}");
    assert!(mail[0].raw.contains("application/pdf"), "no PDF part");
    assert!(mail[0].raw.contains(".pdf\""), "no file name");
    let pdf = mail[0].part("application/pdf").expect("a base64 PDF part");
    assert!(pdf.starts_with(b"%PDF-"), "the attachment is not a PDF");
    // The link leads to the record.
    let html = mail[0].part("text/html").unwrap_or_default();
    let text = String::from_utf8_lossy(&html).to_string() + &mail[0].raw;
    assert!(text.contains(&format!("/certificates/{id}")), "no link");

    // The same event in the exporter's inbox, with the unread count in the header.
    let client = app.signed_in("exporter");
    let page = client.get("/notifications");
    assert_eq!(page.status, 200);
    assert!(page.body.contains(&format!("/certificates/{id}")));
    let unread: i64 = notifications::table
        .filter(notifications::user_id.eq(exporter.id))
        .filter(notifications::read_at.is_null())
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert!(unread >= 1);
    assert!(
        page.body.contains(&format!("class=\"badge\">{unread}<")),
        "unread count"
    );
}

#[test]
fn a_revocation_is_mailed_and_an_opted_out_event_only_reaches_the_inbox() {
    let smtp = MailServer::up();
    let app = spawn_app_with(|s| mailing(s, &smtp));
    let exporter = app.signed_in("exporter");
    // Opt out of everything but revocations.
    let res = exporter.post_from(
        "/account",
        "/account/mail",
        &[("receive", "certificate_revoked")],
    );
    assert_eq!(res.status, 303, "{}", res.body);
    let id = issue_certificate(&app, "Xinjiang Grain Co., Urumqi", "Wagons 1–3");
    revoke_certificate(&app, &id, "Wrong consignee");
    smtp.wait_until(
        |r| r.subject().ends_with(" revoked"),
        Duration::from_secs(20),
    );
    std::thread::sleep(Duration::from_millis(300));
    let got: Vec<Received> = smtp
        .received()
        .into_iter()
        .filter(|r| r.to.iter().any(|t| t.contains("exporter@")))
        .collect();
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(
        got[0].subject().ends_with(" revoked"),
        "{}",
        got[0].subject()
    );
    let kinds: Vec<String> = notifications::table
        .filter(notifications::user_id.eq(app.user("exporter").id))
        .select(notifications::kind)
        .load(&mut *app.conn())
        .unwrap();
    for kind in [
        "application_accepted",
        "portion_received",
        "testing_complete",
        "certificate_issued",
        "certificate_revoked",
    ] {
        assert!(kinds.contains(&kind.to_owned()), "{kind}: {kinds:?}");
    }
}

#[test]
fn with_smtp_down_mail_waits_and_when_it_returns_each_message_arrives_once() {
    let smtp = MailServer::down();
    // A backoff as long as production's: the messages must not wait for it once SMTP is back.
    let app = spawn_app_with(|s| {
        mailing(s, &smtp);
        s.mail.backoff_base_seconds = 30;
        s.mail.backoff_cap_seconds = 600;
    });
    let to = app.user("exporter").clone();
    queue(&app, &to, 5);
    // Attempts fail and are counted; nothing is dropped.
    let until = Instant::now() + Duration::from_secs(10);
    loop {
        let failed: i64 = outbox::table
            .filter(outbox::attempts.ge(1))
            .count()
            .get_result(&mut *app.conn())
            .unwrap();
        if failed == 5 || Instant::now() > until {
            assert_eq!(failed, 5);
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(count(&app, false), 5);
    let errors: Vec<Option<String>> = outbox::table
        .select(outbox::last_error)
        .load(&mut *app.conn())
        .unwrap();
    assert!(errors.iter().all(|e| e.is_some()));

    let back = Instant::now();
    smtp.start();
    let got = smtp.wait_for(5, Duration::from_secs(20));
    let delay = back.elapsed();
    std::thread::sleep(Duration::from_millis(1500));
    assert_each_once(&smtp.received(), 5);
    assert_eq!(got.len(), 5);
    assert_eq!(count(&app, true), 5);
    eprintln!(
        "FIGURE delivery delay after the SMTP outage ended: {} ms (backoff 30 s, poll 20 ms)",
        delay.as_millis()
    );
}

#[test]
fn a_message_committed_but_not_sent_before_the_server_stopped_is_sent_once_after_restart() {
    let smtp = MailServer::up();
    // The first instance has no worker: it stops between the commit and the send.
    let app = spawn_app_with(|s| {
        mailing(s, &smtp);
        s.mail.worker = false;
    });
    let to = app.user("exporter").clone();
    queue(&app, &to, 3);
    app.stop_server();
    std::thread::sleep(Duration::from_millis(200));
    assert!(smtp.received().is_empty());

    let _restarted = app.another_instance(|s| s.mail.worker = true);
    smtp.wait_for(3, Duration::from_secs(20));
    std::thread::sleep(Duration::from_millis(500));
    assert_each_once(&smtp.received(), 3);
    assert_eq!(count(&app, true), 3);
}

#[test]
fn two_instances_on_one_postgresql_never_send_a_message_twice() {
    let app_probe = crate::helpers::postgres_url();
    if app_probe.is_none() {
        eprintln!("skipped: JOINTLAB_TEST_DATABASE_URL is not set");
        return;
    }
    let smtp = MailServer::up();
    let n = 150;
    // Both workers start on a full queue, claiming small batches.
    let app = spawn_app_with(|s| {
        mailing(s, &smtp);
        s.mail.worker = false;
        s.mail.batch = 3;
    });
    let to = app.user("exporter").clone();
    queue(&app, &to, n);
    let _a = app.another_instance(|s| s.mail.worker = true);
    let _b = app.another_instance(|s| s.mail.worker = true);
    smtp.wait_for(n, Duration::from_secs(60));
    std::thread::sleep(Duration::from_millis(500));
    assert_each_once(&smtp.received(), n);
    assert_eq!(count(&app, true), n as i64);
}

#[test]
fn one_worker_sends_a_queue_to_the_loopback_server_and_the_rate_is_reported() {
    let smtp = MailServer::up();
    let n = 200;
    let app = spawn_app_with(|s| {
        mailing(s, &smtp);
        s.mail.worker = false;
    });
    let to = app.user("exporter").clone();
    queue(&app, &to, n);
    let started = Instant::now();
    let _worker = app.another_instance(|s| s.mail.worker = true);
    let got = smtp.wait_for(n, Duration::from_secs(120));
    let took = started.elapsed();
    assert_eq!(got.len(), n);
    assert_each_once(&got, n);
    eprintln!(
        "FIGURE one worker: {n} messages in {} ms = {:.0} messages/s ({})",
        took.as_millis(),
        n as f64 / took.as_secs_f64(),
        if app.is_postgres() {
            "PostgreSQL"
        } else {
            "SQLite"
        }
    );
}

/// A message that failed `max_attempts` times, parked.
fn parked_app(smtp: &MailServer) -> TestApp {
    let app = spawn_app_with(|s| {
        mailing(s, smtp);
        s.mail.max_attempts = 1;
    });
    let to = app.user("exporter").clone();
    queue(&app, &to, 1);
    let until = Instant::now() + Duration::from_secs(10);
    while outbox::table
        .filter(outbox::parked_at.is_not_null())
        .count()
        .get_result::<i64>(&mut *app.conn())
        .unwrap()
        == 0
    {
        assert!(Instant::now() < until, "not parked");
        std::thread::sleep(Duration::from_millis(20));
    }
    app
}

#[test]
fn a_parked_message_is_shown_to_the_admin_and_a_retry_sends_it_once() {
    let smtp = MailServer::down();
    let app = parked_app(&smtp);
    let admin = app.signed_in("admin");
    let page = admin.get("/admin/outbox?state=parked");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("exporter@test.jointlab.local"));
    let id: jointlab::models::outbox::OutboxId = outbox::table
        .select(outbox::id)
        .first(&mut *app.conn())
        .unwrap();
    smtp.start();
    // Parked stays parked: nothing is sent without the retry.
    std::thread::sleep(Duration::from_millis(300));
    assert!(smtp.received().is_empty());

    let path = format!("/admin/outbox/{id}/retry");
    let answers = race(&app, "admin", 4, "/admin/outbox?state=parked", &path, &[]);
    let mut statuses: Vec<u16> = answers.iter().map(|r| r.status).collect();
    statuses.sort();
    assert_eq!(statuses, vec![303, 409, 409, 409], "{answers:?}");
    smtp.wait_for(1, Duration::from_secs(10));
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(smtp.received().len(), 1);
    assert!(
        admin
            .get("/admin/outbox?state=sent")
            .body
            .contains("N00000")
    );
}

#[test]
fn the_outbox_page_is_the_admins_only_and_its_retry_needs_the_csrf_token() {
    let smtp = MailServer::down();
    let app = parked_app(&smtp);
    for who in ["registrar_kz", "exporter", "auditor_kz", "certifier_cn"] {
        assert_eq!(app.signed_in(who).get("/admin/outbox").status, 403, "{who}");
    }
    let id: jointlab::models::outbox::OutboxId = outbox::table
        .select(outbox::id)
        .first(&mut *app.conn())
        .unwrap();
    let admin = app.signed_in("admin");
    let res = admin.post_raw(&format!("/admin/outbox/{id}/retry"), &[]);
    assert_eq!(res.status, 403);
    let res = admin.post_raw(
        &format!("/admin/outbox/{id}/retry"),
        &[("csrf_token", "0000")],
    );
    assert_eq!(res.status, 403);
    // Still parked.
    assert!(
        admin
            .get("/admin/outbox?state=parked")
            .body
            .contains("exporter@")
    );
    // Another role's forged retry is refused too.
    let registrar = app.signed_in("registrar_kz");
    let token = registrar.get("/account").csrf_token();
    let res = registrar.post_raw(
        &format!("/admin/outbox/{id}/retry"),
        &[("csrf_token", &token)],
    );
    assert_eq!(res.status, 403);
}
