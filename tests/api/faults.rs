//! Faults: the real `jointlab` binary killed with SIGKILL in the middle of concurrent
//! registrations, result entries and signatures keeps every write it acknowledged, with
//! gapless codes and numbers and an intact audit chain; two server processes on one database
//! under concurrent load hand out no number twice and write one chain. Both backends.

use std::collections::{BTreeMap, HashSet};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use diesel::prelude::*;
use jointlab::db::schema::{certificates, samples, tests};

use crate::backup::register;
use crate::helpers::*;
use crate::testing::rows;

/// A `jointlab serve` process over the app's database and data folder.
struct Server {
    child: Child,
    address: String,
}

impl Server {
    fn start(app: &TestApp) -> Server {
        let data = &app.settings.data.dir;
        let mut child = Command::new(env!("CARGO_BIN_EXE_jointlab"))
            .arg("serve")
            .current_dir(data.parent().unwrap())
            .env_remove("JOINTLAB_ENV")
            .env_remove("RUST_LOG")
            .env("JOINTLAB__DATABASE__URL", &app.settings.database.url)
            .env("JOINTLAB__DATABASE__POOL_SIZE", "4")
            .env("JOINTLAB__DATA__DIR", data)
            .env("JOINTLAB__SERVER__LISTEN", "127.0.0.1:0")
            .env("JOINTLAB__SERVER__WORKERS", "2")
            .env("JOINTLAB__MAIL__WORKER", "false")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the jointlab binary starts");
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let address = lines
            .by_ref()
            .map_while(Result::ok)
            .find_map(|l| l.strip_prefix("jointlab listening on ").map(str::to_owned))
            .expect("the server says where it listens");
        // Keep reading, so that a full pipe never blocks the server.
        std::thread::spawn(move || lines.for_each(drop));
        Server { child, address }
    }

    fn signed_in(&self, app: &TestApp, key: &str) -> Client {
        let client = Client::new(&self.address);
        let res = client.login(&app.user(key).email, PASSWORD);
        assert_eq!(res.status, 303, "login of {key}: {}", res.body);
        client
    }

    /// SIGKILL: no shutdown, no flush, connections cut mid-request.
    fn kill(&mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `n` certificates, each of a tested consignment, drafted and signed by the Kazakh certifier:
/// the Chinese signature issues them and assigns their numbers.
fn awaiting_second_signature(app: &TestApp, n: usize) -> Vec<String> {
    registered_for_wheat(app);
    let kz = app.signed_in("certifier_kz");
    (0..n)
        .map(|_| {
            let (consignment, _) = tested_consignment(app, 1, &[]);
            let res = kz.post_from(
                &format!("/consignments/{consignment}/certificates/new"),
                &format!("/consignments/{consignment}/certificates"),
                &[
                    ("consignee", "Urumqi Grain Co."),
                    ("transport_details", "Wagon 1"),
                ],
            );
            assert_eq!(res.status, 303, "{}", res.body);
            let id = res
                .location()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_owned();
            assert_eq!(sign(&kz, &id), Some(true));
            id
        })
        .collect()
}

/// Signs certificate `id`: `Some(true)` when acknowledged (303), `None` when no answer came.
fn sign(client: &Client, id: &str) -> Option<bool> {
    let page = format!("/certificates/{id}");
    let shown = client.try_get(&page)?;
    let version = field_value(&shown.body, "version")?;
    let res = client.try_post_raw(
        &format!("{page}/sign"),
        &[
            ("csrf_token", &shown.csrf_token()),
            ("version", &version),
            ("password", PASSWORD),
        ],
    )?;
    Some(res.status == 303)
}

/// What the clients were told was done.
#[derive(Default)]
struct Acknowledged {
    samples: Mutex<Vec<String>>,
    entries: Mutex<Vec<(String, String)>>,
    signatures: Mutex<Vec<String>>,
}

fn len<T>(m: &Mutex<Vec<T>>) -> usize {
    m.lock().unwrap().len()
}

/// Registers samples until the server stops answering.
fn keep_registering(client: &Client, consignment: &str, tag: &str, acked: &Mutex<Vec<String>>) {
    let Some(form) = client.try_get(&format!("/consignments/{consignment}/samples/new")) else {
        return;
    };
    let token = form.csrf_token();
    for i in 0.. {
        match register(client, consignment, &token, &format!("{tag}-{i}")) {
            Some(id) => acked.lock().unwrap().push(id),
            None => return,
        }
    }
}

/// Enters a value for every row of the bench of `method`, one row a request.
fn keep_entering(client: &Client, method: &str, value: &str, acked: &Mutex<Vec<(String, String)>>) {
    let path = format!("/bench/{method}");
    let Some(bench) = client.try_get(&path) else {
        return;
    };
    let token = bench.csrf_token();
    for (id, version) in rows(&bench) {
        let fields = [
            ("csrf_token", token.as_str()),
            (&format!("v_{id}"), version.as_str()),
            (&format!("r_{id}"), value),
        ];
        match client.try_post_raw(&path, &fields) {
            Some(res) if res.status == 303 => acked.lock().unwrap().push((id, value.to_owned())),
            Some(res) => panic!("entry of {id}: {} {}", res.status, res.body),
            None => return,
        }
    }
}

/// The numbers of `codes` (`PREFIX-YYYY-NNNNNN`) by prefix and year, each list sorted.
fn numbers_by_series(codes: &[String]) -> BTreeMap<String, Vec<i64>> {
    let mut series: BTreeMap<String, Vec<i64>> = BTreeMap::new();
    for code in codes {
        let (prefix, number) = code.rsplit_once('-').unwrap();
        series
            .entry(prefix.to_owned())
            .or_default()
            .push(number.parse().unwrap());
    }
    for numbers in series.values_mut() {
        numbers.sort_unstable();
    }
    series
}

/// Every series of codes runs 1, 2, 3 … with no gap and no number twice.
fn assert_gapless(what: &str, codes: &[String]) {
    for (prefix, numbers) in numbers_by_series(codes) {
        let expected: Vec<i64> = (1..=numbers.len() as i64).collect();
        assert_eq!(numbers, expected, "{what} {prefix}: not gapless and unique");
    }
}

fn sample_codes(app: &TestApp) -> Vec<String> {
    samples::table
        .select(samples::code)
        .load(&mut *app.conn())
        .unwrap()
}

fn certificate_numbers(app: &TestApp) -> Vec<String> {
    certificates::table
        .filter(certificates::number.is_not_null())
        .select(certificates::number.assume_not_null())
        .load(&mut *app.conn())
        .unwrap()
}

/// Every acknowledged sample, entry and signature is stored.
fn assert_all_kept(app: &TestApp, acked: &Acknowledged) {
    let stored: HashSet<String> = samples::table
        .select(samples::id)
        .load::<jointlab::models::sample::SampleId>(&mut *app.conn())
        .unwrap()
        .iter()
        .map(ToString::to_string)
        .collect();
    for id in acked.samples.lock().unwrap().iter() {
        assert!(stored.contains(id), "acknowledged sample {id} is lost");
    }
    for (id, value) in acked.entries.lock().unwrap().iter() {
        let (status, stored) = tests::table
            .find(id.parse::<jointlab::models::lab_test::LabTestId>().unwrap())
            .select((tests::status, tests::value))
            .first::<(String, Option<String>)>(&mut *app.conn())
            .unwrap();
        assert_eq!(
            (status.as_str(), stored.as_deref()),
            ("entered", Some(value.as_str())),
            "acknowledged entry of test {id} is lost"
        );
    }
    for id in acked.signatures.lock().unwrap().iter() {
        let (status, number) = certificates::table
            .find(
                id.parse::<jointlab::models::certificate::CertificateId>()
                    .unwrap(),
            )
            .select((certificates::status, certificates::number))
            .first::<(String, Option<String>)>(&mut *app.conn())
            .unwrap();
        assert_eq!(status, "issued", "acknowledged signature of {id} is lost");
        assert!(number.is_some(), "issued {id} has no number");
    }
}

#[test]
fn kill_9_during_concurrent_writes_loses_no_acknowledged_write_and_leaves_no_gap() {
    let app = spawn_app();
    let (_, afb1) = received_samples(&app, 6);
    let consignment = crate::backup::first_consignment(&app);
    let certificates = awaiting_second_signature(&app, 3);
    let mut server = Server::start(&app);
    let registrars = [
        server.signed_in(&app, "registrar_kz"),
        server.signed_in(&app, "registrar_cn"),
    ];
    let analysts = [
        server.signed_in(&app, "analyst_kz"),
        server.signed_in(&app, "analyst_cn"),
    ];
    let certifier = server.signed_in(&app, "certifier_cn");
    let acked = Acknowledged::default();

    std::thread::scope(|scope| {
        for (n, client) in registrars.iter().enumerate() {
            let (consignment, acked) = (&consignment, &acked.samples);
            scope.spawn(move || keep_registering(client, consignment, &format!("K{n}"), acked));
        }
        for (n, client) in analysts.iter().enumerate() {
            let (afb1, acked) = (&afb1, &acked.entries);
            scope.spawn(move || keep_entering(client, afb1, &format!("1.{}", n + 2), acked));
        }
        let (certificates, signatures, certifier) = (&certificates, &acked.signatures, &certifier);
        let (samples, entries) = (&acked.samples, &acked.entries);
        scope.spawn(move || {
            for (n, id) in certificates.iter().enumerate() {
                match sign(certifier, id) {
                    Some(true) => signatures.lock().unwrap().push(id.clone()),
                    Some(false) => panic!("signature of {id} refused"),
                    None => return,
                }
                // After the first, the next signatures wait for the other writers' first
                // acknowledgements, so the kill always cuts the signing short (on a loaded
                // machine the three could otherwise all be done before it).
                let waited = Instant::now() + Duration::from_secs(10);
                while n == 0 && (len(samples) < 4 || len(entries) < 2) && Instant::now() < waited {
                    std::thread::sleep(Duration::from_millis(2));
                }
            }
        });
        // Kill once every kind of write has been acknowledged at least once, while the
        // writers still run (signatures are the slowest: one Argon2 check each).
        let deadline = Instant::now() + Duration::from_secs(10);
        while (len(&acked.samples) < 4 || len(&acked.entries) < 2 || len(&acked.signatures) < 1)
            && Instant::now() < deadline
        {
            std::thread::sleep(Duration::from_millis(2));
        }
        server.kill();
    });
    assert!(len(&acked.signatures) >= 1 && len(&acked.entries) >= 2 && len(&acked.samples) >= 4);
    assert!(
        len(&acked.signatures) < certificates.len(),
        "the kill came after every signature: nothing was cut"
    );

    eprintln!(
        "killed after {} registrations, {} entries, {} signatures acknowledged",
        len(&acked.samples),
        len(&acked.entries),
        len(&acked.signatures)
    );
    let restarted = Server::start(&app);

    assert_all_kept(&app, &acked);
    let codes = sample_codes(&app);
    assert_gapless("sample codes", &codes);
    assert_gapless("certificate numbers", &certificate_numbers(&app));
    assert_eq!(app.cli(&["verify-audit"]), Ok(()));
    // After the restart the series goes on from the last stored number.
    let client = restarted.signed_in(&app, "registrar_kz");
    let token = client
        .get(&format!("/consignments/{consignment}/samples/new"))
        .csrf_token();
    let id = register(&client, &consignment, &token, "AFTER-RESTART").expect("registered");
    let mut after = sample_codes(&app);
    assert_eq!(after.len(), codes.len() + 1);
    assert_gapless("sample codes after the restart", &after);
    after.retain(|c| !codes.contains(c));
    let code: String = samples::table
        .find(id.parse::<jointlab::models::sample::SampleId>().unwrap())
        .select(samples::code)
        .first(&mut *app.conn())
        .unwrap();
    assert_eq!(after, vec![code]);
}

#[test]
fn two_server_processes_on_one_database_hand_out_each_code_and_number_once() {
    let app = spawn_app();
    received_samples(&app, 0);
    let consignment = crate::backup::first_consignment(&app);
    let certificates = awaiting_second_signature(&app, 4);
    let servers = [Server::start(&app), Server::start(&app)];
    let registrars: Vec<Client> = servers
        .iter()
        .flat_map(|s| {
            [
                s.signed_in(&app, "registrar_kz"),
                s.signed_in(&app, "registrar_cn"),
            ]
        })
        .collect();
    let certifiers: Vec<Client> = servers
        .iter()
        .map(|s| s.signed_in(&app, "certifier_cn"))
        .collect();
    let before = sample_codes(&app).len();
    let acked = Acknowledged::default();
    let stop = std::sync::atomic::AtomicBool::new(false);

    std::thread::scope(|scope| {
        for (n, client) in registrars.iter().enumerate() {
            let (consignment, acked, stop) = (&consignment, &acked.samples, &stop);
            scope.spawn(move || {
                let token = client
                    .get(&format!("/consignments/{consignment}/samples/new"))
                    .csrf_token();
                for i in 0.. {
                    if stop.load(std::sync::atomic::Ordering::Relaxed) {
                        break;
                    }
                    let id = register(client, consignment, &token, &format!("T{n}-{i}"))
                        .expect("registered");
                    acked.lock().unwrap().push(id);
                }
            });
        }
        // Each instance gives half of the certificates their second signature, at once.
        for (n, client) in certifiers.iter().enumerate() {
            let (certificates, signatures) = (&certificates, &acked.signatures);
            scope.spawn(move || {
                for id in certificates.iter().skip(n).step_by(2) {
                    assert_eq!(sign(client, id), Some(true), "signature of {id}");
                    signatures.lock().unwrap().push(id.clone());
                }
            });
        }
        while len(&acked.signatures) < certificates.len() || len(&acked.samples) < 20 {
            std::thread::sleep(Duration::from_millis(5));
        }
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
    });

    assert_all_kept(&app, &acked);
    let codes = sample_codes(&app);
    assert_eq!(
        codes.len(),
        before + len(&acked.samples),
        "a sample not acknowledged is stored"
    );
    assert_gapless("sample codes", &codes);
    let numbers = certificate_numbers(&app);
    assert_eq!(numbers.len(), certificates.len());
    assert_gapless("certificate numbers", &numbers);
    assert_eq!(app.cli(&["verify-audit"]), Ok(()));
}
