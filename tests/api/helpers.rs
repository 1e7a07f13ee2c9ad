//! `spawn_app()`: a real server on port 0 over a fresh database (a temp SQLite file, or a
//! uniquely named PostgreSQL database when `JOINTLAB_TEST_DATABASE_URL` names a server),
//! with one account per role and side, and a cookie-keeping HTTP client.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::OnceLock;

use diesel::Connection;
use diesel::RunQueryDsl;
use diesel::pg::PgConnection;
use jointlab::config::{Secret, Settings};
use jointlab::db::{Db, DbConn, write_tx};
use jointlab::domain::{Bin, DisplayName, Email, Role, Side};
use jointlab::i18n::Lang;
use jointlab::models::exporter::NewExporter;
use jointlab::models::user::Account;
use jointlab::models::{Actor, BorderPost, Exporter, User};
use jointlab::startup::Application;

/// The password of every seeded test account.
pub const PASSWORD: &str = "Test-password-2026";

/// The seeded accounts, by key: `admin`, `registrar_kz` … `auditor_cn`, `exporter`,
/// `exporter_b`, `inspector`.
pub const ACCOUNTS: &[(&str, Role, Option<Side>)] = &[
    ("admin", Role::Admin, None),
    ("registrar_kz", Role::Registrar, Some(Side::Kz)),
    ("registrar_cn", Role::Registrar, Some(Side::Cn)),
    ("analyst_kz", Role::Analyst, Some(Side::Kz)),
    ("analyst_cn", Role::Analyst, Some(Side::Cn)),
    ("reviewer_kz", Role::Reviewer, Some(Side::Kz)),
    ("reviewer_cn", Role::Reviewer, Some(Side::Cn)),
    ("certifier_kz", Role::Certifier, Some(Side::Kz)),
    ("certifier_cn", Role::Certifier, Some(Side::Cn)),
    ("auditor_kz", Role::Auditor, Some(Side::Kz)),
    ("auditor_cn", Role::Auditor, Some(Side::Cn)),
    ("exporter", Role::Exporter, None),
    ("exporter_b", Role::Exporter, None),
    ("inspector", Role::Inspector, None),
];

fn password_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| jointlab::auth::password::hash(PASSWORD))
}

enum Backend {
    Sqlite,
    Postgres { admin_url: String, name: String },
}

pub struct TestApp {
    pub address: String,
    pub settings: Settings,
    pub users: HashMap<&'static str, User>,
    pub exporters: Vec<Exporter>,
    db: Option<Db>,
    handle: actix_web::dev::ServerHandle,
    thread: Option<std::thread::JoinHandle<()>>,
    backend: Backend,
    dir: PathBuf,
}

/// The PostgreSQL server the suite should use, if any.
pub fn postgres_url() -> Option<String> {
    std::env::var("JOINTLAB_TEST_DATABASE_URL")
        .ok()
        .filter(|u| !u.is_empty())
}

/// `url` with its database name replaced by `name`.
pub fn with_database(url: &str, name: &str) -> String {
    let (base, query) = url
        .split_once('?')
        .map_or((url, None), |(b, q)| (b, Some(q)));
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let path_start = base[scheme_end..]
        .find('/')
        .map_or(base.len(), |i| scheme_end + i);
    let mut out = format!("{}/{name}", &base[..path_start]);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    out
}

/// A fresh, empty database: a temp SQLite file or a new PostgreSQL database. Returns its URL.
fn fresh_database(dir: &std::path::Path) -> (String, Backend) {
    match postgres_url() {
        None => (
            format!("sqlite://{}", dir.join("jointlab.db").display()),
            Backend::Sqlite,
        ),
        Some(admin_url) => {
            let name = format!("jl_test_{}", uuid::Uuid::now_v7().simple());
            let mut conn = PgConnection::establish(&admin_url)
                .expect("JOINTLAB_TEST_DATABASE_URL is reachable");
            diesel::sql_query(format!("CREATE DATABASE {name}"))
                .execute(&mut conn)
                .expect("create test database");
            (
                with_database(&admin_url, &name),
                Backend::Postgres { admin_url, name },
            )
        }
    }
}

pub fn test_settings(dir: &std::path::Path, url: String) -> Settings {
    let mut settings = Settings::defaults();
    settings.server.listen = "127.0.0.1:0".into();
    settings.server.workers = 2;
    settings.database.url = url;
    settings.database.pool_size = 4;
    settings.database.connect_timeout_seconds = 5;
    settings.data.dir = dir.join("data");
    settings.session.key = Some(Secret::new(format!("test-key-{}", uuid::Uuid::now_v7())));
    // Tests revoke and scan again at once; the test of the verdict cache turns it on.
    settings.certificates.verdict_cache_seconds = 0;
    // No SMTP server listens in most tests: the mail tests start one and a worker.
    settings.mail.worker = false;
    settings
}

pub fn spawn_app() -> TestApp {
    spawn_app_with(|_| {})
}

/// Like [`spawn_app`], with a chance to change the settings first.
pub fn spawn_app_with(adjust: impl FnOnce(&mut Settings)) -> TestApp {
    let dir = std::env::temp_dir().join(format!("jointlab-test-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).unwrap();
    let (url, backend) = fresh_database(&dir);
    let mut settings = test_settings(&dir, url);
    adjust(&mut settings);
    let server_settings = settings.clone();
    let (tx, rx) = std::sync::mpsc::channel();
    let thread = std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            match Application::build(server_settings) {
                Ok(app) => {
                    let port = app.port();
                    let db = app.db().clone();
                    let server = app.into_server();
                    tx.send(Ok((port, db, server.handle()))).unwrap();
                    let _ = server.await;
                }
                Err(e) => tx.send(Err(e)).unwrap(),
            }
        });
    });
    let (port, db, handle) = rx.recv().unwrap().expect("the application starts");
    let (users, exporters) = seed_accounts(&db);
    TestApp {
        address: format!("http://127.0.0.1:{port}"),
        settings,
        users,
        exporters,
        db: Some(db),
        handle,
        thread: Some(thread),
        backend,
        dir,
    }
}

fn seed_accounts(db: &Db) -> (HashMap<&'static str, User>, Vec<Exporter>) {
    let mut conn = db.get().unwrap();
    write_tx(&mut conn, |conn: &mut DbConn| {
        let actor = Actor::system("test");
        let companies = [
            ("Test Grain LLP", "08014000123"),
            ("Other Meat JSC", "11024000457"),
        ]
        .iter()
        .map(|(name, prefix)| {
            NewExporter::new(
                name,
                &Bin::complete(prefix).unwrap(),
                "Almaty",
                "x@example.kz",
            )
            .insert(conn)
        })
        .collect::<Result<Vec<_>, _>>()?;
        let post = BorderPost::find_by_code(conn, "NZH")?.expect("border posts are seeded");
        let mut users = HashMap::new();
        for (key, role, side) in ACCOUNTS {
            let exporter_id = match *key {
                "exporter" => Some(companies[0].id),
                "exporter_b" => Some(companies[1].id),
                _ => None,
            };
            let account = Account::new(
                Email::parse(&format!("{}@test.jointlab.local", key.replace('_', "."))).unwrap(),
                DisplayName::parse(&format!("Test {key}")).unwrap(),
                *role,
                *side,
                exporter_id,
                (*role == Role::Inspector).then_some(post.id),
                Lang::En,
            )
            .unwrap();
            users.insert(
                *key,
                jointlab::workflows::accounts::create(
                    conn,
                    &actor,
                    &account,
                    password_hash(),
                    false,
                )
                .unwrap_or_else(|halt| panic!("seed account {key}: {halt:?}")),
            );
        }
        Ok::<_, diesel::result::Error>((users, companies))
    })
    .expect("seed test accounts")
}

impl TestApp {
    pub fn db(&self) -> &Db {
        self.db.as_ref().unwrap()
    }

    pub fn conn(&self) -> impl std::ops::DerefMut<Target = DbConn> + '_ {
        self.db().get().unwrap()
    }

    pub fn is_postgres(&self) -> bool {
        matches!(self.backend, Backend::Postgres { .. })
    }

    pub fn user(&self, key: &str) -> &User {
        &self.users[key]
    }

    /// A new client with an empty cookie jar.
    pub fn client(&self) -> Client {
        Client::new(&self.address)
    }

    /// A client signed in as the seeded account `key`.
    pub fn signed_in(&self, key: &str) -> Client {
        let client = self.client();
        let res = client.login(&self.users[key].email, PASSWORD);
        assert_eq!(res.status, 303, "login of {key} failed: {}", res.body);
        client
    }

    /// Runs a `jointlab` subcommand against this app's database and settings.
    pub fn cli(&self, args: &[&str]) -> Result<(), String> {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        let command = jointlab::cli::Command::parse_args(&args).map_err(|e| e.to_string())?;
        jointlab::cli::run(command, self.settings.clone())
    }
}

impl TestApp {
    /// Stops the server (its port refuses connections from now on); the database stays until
    /// the app is dropped. For the browser's offline checks.
    #[allow(dead_code)]
    pub fn stop_server(&self) {
        actix_web::rt::System::new().block_on(self.handle.stop(false));
    }
}

/// Another server over the same database and data folder: a second instance beside the
/// first, or the first started again after it stopped. Stops when dropped.
pub struct Instance {
    #[allow(dead_code)]
    pub address: String,
    handle: actix_web::dev::ServerHandle,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl TestApp {
    /// Starts another instance with this app's settings, changed by `adjust`.
    #[allow(dead_code)]
    pub fn another_instance(&self, adjust: impl FnOnce(&mut Settings)) -> Instance {
        let mut settings = self.settings.clone();
        adjust(&mut settings);
        let (tx, rx) = std::sync::mpsc::channel();
        let thread = std::thread::spawn(move || {
            actix_web::rt::System::new().block_on(async move {
                match Application::build(settings) {
                    Ok(app) => {
                        let port = app.port();
                        let server = app.into_server();
                        tx.send(Ok((port, server.handle()))).unwrap();
                        let _ = server.await;
                    }
                    Err(e) => tx.send(Err(e)).unwrap(),
                }
            });
        });
        let (port, handle) = rx.recv().unwrap().expect("the instance starts");
        Instance {
            address: format!("http://127.0.0.1:{port}"),
            handle,
            thread: Some(thread),
        }
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        actix_web::rt::System::new().block_on(self.handle.stop(false));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let handle = self.handle.clone();
        actix_web::rt::System::new().block_on(handle.stop(false));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
        self.db.take();
        if let Backend::Postgres { admin_url, name } = &self.backend
            && let Ok(mut conn) = PgConnection::establish(admin_url)
        {
            let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .execute(&mut conn);
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// An HTTP answer, read whole.
#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub body: String,
    pub headers: Vec<(String, String)>,
}

impl Resp {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn location(&self) -> Option<&str> {
        self.header("location")
    }

    /// The value of the first `csrf_token` field of the page.
    pub fn csrf_token(&self) -> String {
        field_value(&self.body, "csrf_token")
            .unwrap_or_else(|| panic!("no csrf_token on the page: {}", self.body))
    }
}

/// `text` as askama escapes it into a page.
pub fn html(text: &str) -> String {
    text.replace('&', "&#38;")
        .replace('<', "&#60;")
        .replace('>', "&#62;")
        .replace('"', "&#34;")
        .replace('\'', "&#39;")
}

/// A catalog text as a page shows it.
pub fn shown(lang: Lang, key: &str) -> String {
    html(jointlab::i18n::t(lang, key))
}

/// A valid BIN (its check digit right) that no company of `app` holds.
pub fn unregistered_bin(app: &TestApp) -> String {
    (0u64..)
        .map(|n| format!("{:012}", 990_000_000_000 + n))
        .find(|b| {
            jointlab::domain::Bin::parse(b).is_ok() && app.exporters.iter().all(|e| e.bin != *b)
        })
        .expect("a free BIN")
}

/// An English catalog text as a page shows it.
pub fn en(key: &str) -> String {
    shown(Lang::En, key)
}

/// The `value` of the first input named `name` in `html`.
pub fn field_value(html: &str, name: &str) -> Option<String> {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html.find(&marker)? + marker.len();
    let end = html[start..].find('"')? + start;
    Some(html[start..end].to_owned())
}

/// A browser-like client: keeps cookies, does not follow redirects, never errors on a status.
pub struct Client {
    agent: ureq::Agent,
    base: String,
    pub accept_language: Option<String>,
    /// Sent with every request, e.g. `X-Forwarded-For` as a proxy would add it.
    pub headers: Vec<(String, String)>,
}

impl Client {
    fn agent() -> ureq::Agent {
        ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .max_redirects_will_error(false)
            .build()
            .into()
    }

    pub fn new(base: &str) -> Self {
        let agent = Self::agent();
        Client {
            agent,
            base: base.to_owned(),
            accept_language: None,
            headers: Vec::new(),
        }
    }

    pub fn get(&self, path: &str) -> Resp {
        let mut req = self.agent.get(format!("{}{path}", self.base));
        if let Some(l) = &self.accept_language {
            req = req.header("Accept-Language", l);
        }
        for (name, value) in &self.headers {
            req = req.header(name, value);
        }
        read_response(req.call())
    }

    /// A GET whose body is bytes (a PDF): the status, the content type and the body.
    pub fn get_bytes(&self, path: &str) -> (u16, String, Vec<u8>) {
        let mut res = self
            .agent
            .get(format!("{}{path}", self.base))
            .call()
            .expect("the server answers");
        let kind = res
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned();
        let body = res
            .body_mut()
            .with_config()
            .limit(10 << 20)
            .read_to_vec()
            .unwrap_or_default();
        (res.status().as_u16(), kind, body)
    }

    /// A GET with one extra request header.
    pub fn get_with_header(&self, path: &str, name: &str, value: &str) -> Resp {
        read_response(
            self.agent
                .get(format!("{}{path}", self.base))
                .header(name, value)
                .call(),
        )
    }

    /// A URL-encoded POST exactly as given (no token added).
    pub fn post_raw(&self, path: &str, fields: &[(&str, &str)]) -> Resp {
        let mut req = self.agent.post(format!("{}{path}", self.base));
        for (name, value) in &self.headers {
            req = req.header(name, value);
        }
        read_response(req.send_form(fields.iter().copied()))
    }

    /// Like [`Client::post_raw`], but `None` when no answer comes (the server was killed).
    #[allow(dead_code)]
    pub fn try_post_raw(&self, path: &str, fields: &[(&str, &str)]) -> Option<Resp> {
        let res = self
            .agent
            .post(format!("{}{path}", self.base))
            .send_form(fields.iter().copied())
            .ok()?;
        Some(read_response(Ok(res)))
    }

    /// Like [`Client::get`], but `None` when no answer comes (the server was killed).
    #[allow(dead_code)]
    pub fn try_get(&self, path: &str) -> Option<Resp> {
        let res = self.agent.get(format!("{}{path}", self.base)).call().ok()?;
        Some(read_response(Ok(res)))
    }

    /// A POST of a URL-encoded body exactly as given (to send what no browser would).
    pub fn post_body(&self, path: &str, body: &str) -> Resp {
        let mut req = self
            .agent
            .post(format!("{}{path}", self.base))
            .header("Content-Type", "application/x-www-form-urlencoded");
        if let Some(l) = &self.accept_language {
            req = req.header("Accept-Language", l);
        }
        for (name, value) in &self.headers {
            req = req.header(name, value);
        }
        read_response(req.send(body))
    }

    /// A POST with no body and the token in the `X-CSRF-Token` header.
    pub fn post_with_header(&self, path: &str, token: &str) -> Resp {
        read_response(
            self.agent
                .post(format!("{}{path}", self.base))
                .header("X-CSRF-Token", token)
                .send_empty(),
        )
    }

    /// A form POST carrying the CSRF token of `form_page` (fetched first).
    pub fn post_from(&self, form_page: &str, path: &str, fields: &[(&str, &str)]) -> Resp {
        let token = self.get(form_page).csrf_token();
        let mut all = vec![("csrf_token", token.as_str())];
        all.extend_from_slice(fields);
        self.post_raw(path, &all)
    }

    /// A form POST with the token of the current session, taken from the home page (or the
    /// login page for visitors).
    pub fn post(&self, path: &str, fields: &[(&str, &str)]) -> Resp {
        let page = self.get("/login");
        let page = if page.status == 303 {
            self.get("/account")
        } else {
            page
        };
        let token = page.csrf_token();
        let mut all = vec![("csrf_token", token.as_str())];
        all.extend_from_slice(fields);
        self.post_raw(path, &all)
    }

    pub fn login(&self, email: &str, password: &str) -> Resp {
        self.post_from(
            "/login",
            "/login",
            &[("email", email), ("password", password)],
        )
    }

    /// The value of a cookie the client holds.
    pub fn cookie(&self, name: &str) -> Option<String> {
        let jar = self.agent.cookie_jar_lock();
        jar.iter()
            .find(|c| c.name() == name)
            .map(|c| c.value().to_owned())
    }

    /// A GET with an explicit `Cookie` header (to replay an old session token).
    pub fn get_with_cookie(&self, path: &str, cookie: &str) -> Resp {
        let agent = Self::agent();
        read_response(
            agent
                .get(format!("{}{path}", self.base))
                .header("Cookie", cookie)
                .call(),
        )
    }
}

/// The demo catalog, one accepted consignment of wheat for China, and `n` samples whose
/// portions both labs received. Returns the sample ids and the AFB1 method id.
pub fn received_samples(app: &TestApp, n: usize) -> (Vec<String>, String) {
    use diesel::ExpressionMethods;
    use diesel::QueryDsl;
    use jointlab::db::schema::{commodities, limit_sets, test_methods};

    write_tx(&mut app.conn(), |conn| {
        jointlab::demo::catalog::seed_catalog(conn, &Actor::system("test"))
    })
    .unwrap();
    let mut conn = app.conn();
    let wheat: jointlab::models::CommodityId = commodities::table
        .filter(commodities::hs_code.eq("100199"))
        .select(commodities::id)
        .first(&mut *conn)
        .unwrap();
    let china: jointlab::models::LimitSetId = limit_sets::table
        .filter(limit_sets::code.eq("CN"))
        .select(limit_sets::id)
        .first(&mut *conn)
        .unwrap();
    let afb1: jointlab::models::TestMethodId = test_methods::table
        .filter(test_methods::code.eq("AFB1"))
        .select(test_methods::id)
        .first(&mut *conn)
        .unwrap();
    drop(conn);
    let post = app.user("inspector").border_post_id.unwrap().to_string();
    let (wheat, china) = (wheat.to_string(), china.to_string());
    let exporter = app.signed_in("exporter");
    let fields = [
        ("commodity", wheat.as_str()),
        ("quantity", "690"),
        ("unit", "t"),
        ("lots", "Wagons 1-10"),
        ("origin_region", "Almaty region"),
        ("origin_district", "Panfilov"),
        ("producer", "Test Grain LLP"),
        ("consignee", "Urumqi Grain Co."),
        ("border_post", post.as_str()),
        ("transport", "rail"),
        ("planned_date", planned_date()),
        ("destination", china.as_str()),
    ];
    let res = exporter.post_from("/applications/new", "/applications", &fields);
    let application = res
        .location()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned();
    let kz = app.signed_in("registrar_kz");
    let cn = app.signed_in("registrar_cn");
    let path = format!("/applications/{application}");
    let version = field_value(&kz.get(&path).body, "version").unwrap();
    let res = kz.post_from(&path, &format!("{path}/accept"), &[("version", &version)]);
    let consignment = res
        .location()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned();
    let mut samples = Vec::new();
    for i in 0..n {
        let seal = format!("SEAL-{i}");
        let fields = [
            ("seal_number", seal.as_str()),
            ("mass", "2"),
            ("mass_unit", "kg"),
            ("storage", "ambient"),
            ("drawn_at", drawn_at()),
            ("drawn_by", "Test"),
        ];
        let res = kz.post_from(
            &format!("/consignments/{consignment}/samples/new"),
            &format!("/consignments/{consignment}/samples"),
            &fields,
        );
        let sample = res
            .location()
            .unwrap()
            .rsplit('/')
            .next()
            .unwrap()
            .to_owned();
        for (client, portion) in [(&kz, "kz"), (&cn, "cn")] {
            let page = format!("/samples/{sample}");
            let v = field_value(&client.get(&page).body, "version").unwrap();
            let res = client.post_from(
                &page,
                &format!("{page}/receipt"),
                &[
                    ("version", &v),
                    ("portion", portion),
                    ("seal_intact", "yes"),
                    ("decision", "accept"),
                ],
            );
            assert_eq!(res.status, 303, "{}", res.body);
        }
        samples.push(sample);
    }
    (samples, afb1.to_string())
}

/// Every `<form method="post">` of a page: its action and the fields it would send as a
/// user sends it (hidden values, the first choice of each select and radio group, and a
/// reason typed into empty text boxes).
pub fn post_forms(body: &str) -> Vec<(String, Vec<(String, String)>)> {
    page_forms(body, "post")
}

/// Every `<form method="…">` of a page with this method, as [`post_forms`] reads them.
pub fn page_forms(body: &str, method: &str) -> Vec<(String, Vec<(String, String)>)> {
    let attr = |tag: &str, name: &str| -> Option<String> {
        let key = format!(" {name}=\"");
        let start = tag.find(&key)? + key.len();
        Some(
            tag[start..]
                .split('"')
                .next()?
                .replace("&#38;", "&")
                .replace("&#34;", "\""),
        )
    };
    let mut forms = Vec::new();
    for chunk in body.split("<form").skip(1) {
        let Some(end) = chunk.find("</form>") else {
            continue;
        };
        let form = &chunk[..end];
        let head = form.split('>').next().unwrap_or("");
        if attr(head, "method").as_deref() != Some(method) {
            continue;
        }
        let Some(action) = attr(head, "action") else {
            continue;
        };
        let mut fields: Vec<(String, String)> = Vec::new();
        for tag in form.split('<').skip(1) {
            let tag = format!(" {}", tag.split('>').next().unwrap_or(""));
            let Some(name) = attr(&tag, "name") else {
                continue;
            };
            if tag.starts_with(" input") {
                let kind = attr(&tag, "type").unwrap_or_else(|| "text".into());
                if matches!(kind.as_str(), "radio" | "checkbox") {
                    if fields.iter().any(|(n, _)| *n == name) {
                        continue;
                    }
                    fields.push((name, attr(&tag, "value").unwrap_or_default()));
                } else {
                    let value = attr(&tag, "value").unwrap_or_default();
                    let value = if value.is_empty() && kind == "text" {
                        "Policy walk".into()
                    } else {
                        value
                    };
                    fields.push((name, value));
                }
            } else if tag.starts_with(" textarea") {
                fields.push((name, "Policy walk".into()));
            } else if tag.starts_with(" select") {
                let first = form[form.find(&tag[1..]).unwrap_or(0)..]
                    .split("</select>")
                    .next()
                    .unwrap_or("")
                    .split("<option")
                    .skip(1)
                    .filter_map(|o| {
                        attr(&format!(" {}", o.split('>').next().unwrap_or("")), "value")
                    })
                    .find(|v| !v.is_empty())
                    .unwrap_or_default();
                fields.push((name, first));
            } else if tag.starts_with(" button") && !fields.iter().any(|(n, _)| *n == name) {
                fields.push((name, attr(&tag, "value").unwrap_or_default()));
            }
        }
        forms.push((action, fields));
    }
    forms
}

/// A planned crossing date two weeks from today (the form accepts a year either way).
pub fn planned_date() -> &'static str {
    static DATE: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        (chrono::Utc::now() + chrono::Duration::days(14))
            .format("%Y-%m-%d")
            .to_string()
    });
    DATE.as_str()
}

/// A sampling time three days ago (the form accepts the last two years).
pub fn drawn_at() -> &'static str {
    static AT: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        (chrono::Utc::now() - chrono::Duration::days(3))
            .format("%Y-%m-%dT09:30")
            .to_string()
    });
    AT.as_str()
}

/// Posts `fields` from `n` clients of `user`, each with its own session and the CSRF token of
/// `page`, at the same moment; returns the answers (the parallel tests of every state change).
pub fn race(
    app: &TestApp,
    user: &str,
    n: usize,
    page: &str,
    path: &str,
    fields: &[(&str, &str)],
) -> Vec<Resp> {
    let clients: Vec<(Client, String)> = (0..n)
        .map(|_| {
            let client = app.signed_in(user);
            let token = client.get(page).csrf_token();
            (client, token)
        })
        .collect();
    let barrier = std::sync::Barrier::new(n);
    std::thread::scope(|scope| {
        let handles: Vec<_> = clients
            .iter()
            .map(|(client, token)| {
                let barrier = &barrier;
                scope.spawn(move || {
                    let mut all = vec![("csrf_token", token.as_str())];
                    all.extend_from_slice(fields);
                    barrier.wait();
                    client.post_raw(path, &all)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    })
}

/// Registers a sample of the first consignment as `registrar_kz`; returns its id.
pub fn new_sample(app: &TestApp, seal: &str) -> String {
    use diesel::prelude::*;
    let consignment: String = jointlab::db::schema::consignments::table
        .select(jointlab::db::schema::consignments::id)
        .first::<jointlab::models::consignment::ConsignmentId>(&mut *app.conn())
        .unwrap()
        .to_string();
    let res = app.signed_in("registrar_kz").post_from(
        &format!("/consignments/{consignment}/samples/new"),
        &format!("/consignments/{consignment}/samples"),
        &[
            ("seal_number", seal),
            ("mass", "2"),
            ("mass_unit", "kg"),
            ("storage", "ambient"),
            ("drawn_at", drawn_at()),
            ("drawn_by", "Test"),
        ],
    );
    res.location()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned()
}

/// Files the first application's shipment again for the exporter; returns the new,
/// submitted application.
pub fn another_application(app: &TestApp) -> jointlab::models::application::Application {
    use diesel::prelude::*;
    let first = jointlab::models::application::Application::find_for(
        &mut app.conn(),
        jointlab::domain::Scope::All,
        jointlab::db::schema::applications::table
            .select(jointlab::db::schema::applications::id)
            .first(&mut *app.conn())
            .unwrap(),
    )
    .unwrap()
    .unwrap();
    let filed = jointlab::workflows::apply_on(&mut app.conn(), |conn| {
        jointlab::workflows::intake::submit_application(
            conn,
            app.user("exporter"),
            first.exporter_id,
            &first.shipment().unwrap(),
        )
    })
    .unwrap();
    match filed {
        jointlab::workflows::Change::Done(application) => application,
        other => panic!("not filed: {other:?}"),
    }
}

/// One more account with the test password (e.g. a second certifier of a side).
pub fn extra_account(app: &TestApp, key: &str, role: Role, side: Option<Side>) -> User {
    write_tx(&mut app.conn(), |conn: &mut DbConn| {
        let account = Account::new(
            Email::parse(&format!("{}@test.jointlab.local", key.replace('_', "."))).unwrap(),
            DisplayName::parse(&format!("Test {key}")).unwrap(),
            role,
            side,
            None,
            None,
            Lang::En,
        )
        .unwrap();
        Ok::<_, diesel::result::Error>(
            jointlab::workflows::accounts::create(
                conn,
                &Actor::system("test"),
                &account,
                password_hash(),
                false,
            )
            .unwrap_or_else(|halt| panic!("extra account {key}: {halt:?}")),
        )
    })
    .unwrap()
}

/// A consignment whose samples both labs tested through: every test entered (`readings`
/// by method code, `nd` / not detected otherwise) and verified, as the analysts and
/// reviewers of each side. Returns the consignment's id and its samples' ids.
pub fn tested_consignment(
    app: &TestApp,
    samples: usize,
    readings: &[(&str, &str, &str)],
) -> (String, Vec<String>) {
    use jointlab::auth::policy::Staff;
    use jointlab::domain::measure::{Unit, parse_reading};
    use jointlab::models::catalog::ResultKind;
    use jointlab::models::lab_test::TestStatus;
    use jointlab::models::sample::{Sample, SampleId};

    let (ids, _) = received_samples(app, samples);
    let staff = |key: &str| Staff::of(app.user(key).clone()).unwrap();
    let mut consignment = String::new();
    for id in &ids {
        let sample: SampleId = id.parse().unwrap();
        write_tx(&mut app.conn(), |conn: &mut DbConn| {
            for side in ["kz", "cn"] {
                let analyst = staff(&format!("analyst_{side}"));
                let reviewer = staff(&format!("reviewer_{side}"));
                for (test, method) in
                    jointlab::queries::testing::of_sample_side(conn, sample, analyst.side)?
                {
                    if test.status != TestStatus::Pending {
                        continue;
                    }
                    let qualitative = method.result_kind == ResultKind::Qualitative;
                    let input = readings
                        .iter()
                        .find(|(s, code, _)| *s == side && *code == method.code)
                        .map(|(_, _, v)| *v)
                        .unwrap_or(if qualitative { "not_detected" } else { "nd" });
                    let reading = parse_reading(qualitative, input).unwrap();
                    let unit = method.unit.as_deref().and_then(Unit::parse);
                    jointlab::workflows::testing::enter(
                        conn,
                        &analyst,
                        test.id,
                        test.version,
                        &reading,
                        unit,
                    )
                    .unwrap_or_else(|h| panic!("enter {}: {h:?}", method.code));
                    jointlab::workflows::testing::verify(
                        conn,
                        &reviewer,
                        test.id,
                        test.version + 1,
                        &jointlab::mail::Site::from_settings(&app.settings),
                    )
                    .unwrap_or_else(|h| panic!("verify {}: {h:?}", method.code));
                }
            }
            consignment = Sample::find_for(conn, jointlab::domain::Scope::All, sample)?
                .unwrap()
                .consignment_id
                .to_string();
            Ok::<_, diesel::result::Error>(())
        })
        .unwrap();
    }
    (consignment, ids)
}

/// Records, as the system, a GACC registration of the first test company (the "exporter"
/// account's) for wheat, valid since yesterday with no end: China requires one before a
/// certificate is drafted. Seeds the demo catalog first; does nothing when one is held.
pub fn registered_for_wheat(app: &TestApp) {
    use jointlab::models::gacc_registration::{Coverage, RegistrationEntry};
    write_tx(&mut app.conn(), |conn| {
        jointlab::demo::catalog::seed_catalog(conn, &Actor::system("test"))
    })
    .unwrap();
    let exporter = app.exporters[0].id;
    let wheat = wheat_id(app);
    let today = chrono::Utc::now().date_naive();
    let held =
        jointlab::queries::eligibility::registration_for(&mut app.conn(), exporter, wheat, today)
            .unwrap();
    if held.is_some() {
        return;
    }
    let entry = RegistrationEntry {
        exporter_id: exporter,
        register_number: "CKZ3001002021120023".into(),
        coverage: Coverage::Commodity(wheat),
        valid_from: today - chrono::Duration::days(1),
        valid_to: None,
    };
    let change = jointlab::workflows::apply_on(&mut app.conn(), |conn| {
        jointlab::workflows::eligibility::seed_registration(conn, &Actor::system("test"), &entry)
    })
    .unwrap();
    assert!(
        matches!(change, jointlab::workflows::Change::Done(_)),
        "{change:?}"
    );
}

/// The demo catalog's wheat (the catalog must be seeded).
pub fn wheat_id(app: &TestApp) -> jointlab::models::CommodityId {
    use diesel::{ExpressionMethods, QueryDsl};
    use jointlab::db::schema::commodities;
    commodities::table
        .filter(commodities::hs_code.eq("100199"))
        .select(commodities::id)
        .first(&mut *app.conn())
        .unwrap()
}

/// Drafts a certificate for a fresh tested consignment with `consignee` and
/// `transport_details`, and has the Kazakh then the Chinese certifier sign it; returns its id.
#[allow(dead_code)]
pub fn issue_certificate(app: &TestApp, consignee: &str, transport_details: &str) -> String {
    registered_for_wheat(app);
    let (consignment, _) = tested_consignment(app, 1, &[]);
    let res = app.signed_in("certifier_kz").post_from(
        &format!("/consignments/{consignment}/certificates/new"),
        &format!("/consignments/{consignment}/certificates"),
        &[
            ("consignee", consignee),
            ("transport_details", transport_details),
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
    for who in ["certifier_kz", "certifier_cn"] {
        let client = app.signed_in(who);
        let page = format!("/certificates/{id}");
        let version = field_value(&client.get(&page).body, "version").unwrap();
        let signed = client.post_from(
            &page,
            &format!("{page}/sign"),
            &[("version", &version), ("password", PASSWORD)],
        );
        assert_eq!(signed.status, 303, "{}", signed.body);
    }
    id
}

/// Revokes issued certificate `id` as the Chinese certifier, confirmed, with `reason`.
#[allow(dead_code)]
pub fn revoke_certificate(app: &TestApp, id: &str, reason: &str) {
    let cn = app.signed_in("certifier_cn");
    let page = format!("/certificates/{id}");
    let version = field_value(&cn.get(&page).body, "version").unwrap();
    let res = cn.post_from(
        &page,
        &format!("{page}/revoke"),
        &[
            ("version", &version),
            ("reason", reason),
            ("confirm", "yes"),
        ],
    );
    assert_eq!(res.status, 303, "{}", res.body);
}

/// An answer read whole: status, headers and body.
pub fn read_response(res: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Resp {
    let mut res = res.expect("the server answers");
    let status = res.status().as_u16();
    let headers = res
        .headers()
        .iter()
        .map(|(k, v)| (k.as_str().to_owned(), v.to_str().unwrap_or("").to_owned()))
        .collect();
    let body = res.body_mut().read_to_string().unwrap_or_default();
    Resp {
        status,
        body,
        headers,
    }
}
