//! The lab's pages against the two outside judges named by the bench issue: axe-core (the WCAG
//! 2.1 A and AA rules, in Chromium, at a 1280 px desk and a 390 × 844 phone) and the Nu HTML
//! Checker (the HTML as the server sent it), in all four languages, over the demo data.
//!
//! Both come from the npm registry: `npm ci --ignore-scripts --prefix tests/browser/a11y`
//! (`.ci/run` does it); the Nu checker needs Java.

use std::path::{Path, PathBuf};

use crate::helpers::spawn_app;
use crate::screenshots;
use crate::webdriver::Browser;

const PASSWORD: &str = "a11y-walk-password-1";
const LANGS: [&str; 4] = ["kk", "ru", "zh", "en"];
const WIDTHS: [(u32, u32); 2] = [(1280, 900), (390, 844)];

fn tools() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/a11y/node_modules");
    assert!(
        dir.join("axe-core/axe.min.js").exists() && dir.join("vnu-jar/build/dist/vnu.jar").exists(),
        "axe-core and vnu-jar are missing: npm ci --ignore-scripts --prefix tests/browser/a11y"
    );
    dir
}

/// `path` with `lang=` added to its query.
fn with_lang(path: &str, lang: &str) -> String {
    let sep = if path.contains('?') { '&' } else { '?' };
    format!("{path}{sep}lang={lang}")
}

/// The first links on the current page whose path starts with `prefix` and ends with `suffix`.
fn links(browser: &Browser, prefix: &str, suffix: &str, n: usize) -> Vec<String> {
    let found = browser.execute(&format!(
        "return Array.prototype.map.call(document.querySelectorAll('main a[href^=\"{prefix}\"]'),\
           function (a) {{ return a.getAttribute('href'); }});"
    ));
    let mut out: Vec<String> = found
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str().map(str::to_owned))
        .filter(|h| h.ends_with(suffix) && !h.contains('#'))
        .collect();
    out.dedup();
    out.truncate(n);
    out
}

/// Runs axe's WCAG 2.1 A/AA rules on the current page; the violations, one line each.
fn axe(browser: &Browser, source: &str) -> Vec<String> {
    let loaded = browser.execute("return typeof window.axe === 'object';");
    if loaded != serde_json::json!(true) {
        browser.execute(&format!("{source}\n;return true;"));
    }
    let result = browser.execute_async(
        "var done = arguments[arguments.length - 1];\
         axe.run(document, { runOnly: { type: 'tag',\
             values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })\
           .then(function (r) { done(r.violations.map(function (v) {\
             return v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 4).map(function (n) {\
               return n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' ');\
             }).join(' | ');\
           })); })\
           .catch(function (e) { done(['axe failed: ' + e]); });",
    );
    result
        .as_array()
        .unwrap_or_else(|| panic!("axe gave {result}"))
        .iter()
        .map(|v| v.as_str().unwrap_or_default().to_owned())
        .collect()
}

/// The page's HTML as the server sends it (same cookies), for the Nu checker.
fn served_html(browser: &Browser) -> String {
    let html = browser.execute_async(
        "var done = arguments[arguments.length - 1];\
         fetch(location.href, { credentials: 'same-origin' })\
           .then(function (r) { return r.text(); }).then(done)\
           .catch(function (e) { done('fetch failed: ' + e); });",
    );
    html.as_str().unwrap_or_default().to_owned()
}

struct Walk<'a> {
    browser: &'a Browser,
    base: String,
    axe_source: String,
    html_dir: PathBuf,
    pages: usize,
    failures: Vec<String>,
}

impl Walk<'_> {
    /// Checks one page in every language at both widths; keeps its HTML for the Nu checker.
    fn page(&mut self, who: &str, path: &str) {
        for lang in LANGS {
            for (width, height) in WIDTHS {
                self.browser.resize(width, height);
                self.browser
                    .goto(&format!("{}{}", self.base, with_lang(path, lang)));
                self.browser.wait_for_text("</main>");
                for violation in axe(self.browser, &self.axe_source) {
                    self.failures
                        .push(format!("{who} {path} [{lang}, {width} px] {violation}"));
                }
                if width == 390 && lang != "en" {
                    let name: String = path
                        .chars()
                        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                        .collect();
                    let name: String = name.chars().take(60).collect();
                    self.browser.screenshot(
                        &screenshots().join(format!("a11y-{who}{name}-{lang}-390.png")),
                    );
                }
            }
            let html = served_html(self.browser);
            assert!(html.contains("</main>"), "{who} {path}: {html}");
            self.pages += 1;
            std::fs::write(
                self.html_dir
                    .join(format!("page-{:03}-{lang}.html", self.pages)),
                format!("<!-- {who} {path} -->\n{html}"),
            )
            .unwrap();
        }
    }
}

#[test]
#[ignore = "needs chromium, chromedriver, java and the npm tools: see the module's comment"]
fn lab_pages_pass_axe_and_the_nu_checker_at_desk_and_phone_widths_in_four_languages() {
    let tools = tools();
    let app = spawn_app();
    app.cli(&["seed-demo", "--password", PASSWORD]).unwrap();
    let profile = std::env::temp_dir().join(format!("jl-chromium-{}", uuid::Uuid::now_v7()));
    let html_dir = std::env::temp_dir().join(format!("jl-html-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&html_dir).unwrap();
    let browser = Browser::start(&profile);
    let mut walk = Walk {
        browser: &browser,
        base: app.address.clone(),
        axe_source: std::fs::read_to_string(tools.join("axe-core/axe.min.js")).unwrap(),
        html_dir: html_dir.clone(),
        pages: 0,
        failures: Vec::new(),
    };
    let base = app.address.clone();
    let sign_in = |email: &str| {
        browser.resize(1280, 900);
        browser.goto(&format!("{base}/login?lang=en"));
        browser.type_into("#email", email);
        browser.type_into("#password", PASSWORD);
        browser.click("button[type=submit].primary");
        browser.wait_for_url("the home page", |u| !u.contains("/login"));
    };
    let sign_out = || {
        // At a desk's width the menu, and its sign-out button, are open.
        browser.resize(1280, 900);
        browser.goto(&format!("{base}/"));
        browser.wait_for_text("</main>");
        browser.click("form[action='/logout'] button");
        browser.wait_for_url("the login page", |u| u.contains("/login"));
    };

    // The analyst's day: home, bench, a batch, a worksheet, samples, a sample, its labels.
    sign_in("analyst.kz@demo.jointlab.local");
    browser.goto(&format!("{base}/bench?lang=en"));
    let worksheets = links(&browser, "/samples/", "/worksheet", 1);
    let batches = links(&browser, "/bench/", "", 1);
    assert_eq!((worksheets.len(), batches.len()), (1, 1), "the demo bench");
    browser.goto(&format!("{base}/samples?lang=en"));
    let samples = links(&browser, "/samples/", "", 1);
    assert_eq!(samples.len(), 1, "the demo samples");
    for path in [
        "/",
        "/bench",
        &batches[0],
        &worksheets[0],
        "/samples",
        &samples[0],
        &format!("{}/labels", samples[0]),
    ] {
        walk.page("analyst", path);
    }
    sign_out();

    sign_in("reviewer.cn@demo.jointlab.local");
    for path in ["/", "/review"] {
        walk.page("reviewer", path);
    }
    sign_out();

    sign_in("registrar.kz@demo.jointlab.local");
    browser.goto(&format!("{base}/consignments?lang=en"));
    let consignments = links(&browser, "/consignments/", "", 1);
    for path in [
        "/",
        "/applications",
        "/consignments",
        &consignments[0],
        "/samples?status=received",
        "/applications/new",
    ] {
        walk.page("registrar", path);
    }
    sign_out();

    // The administrator's account form: an exporter account's company is named by its BIN.
    sign_in("admin@demo.jointlab.local");
    walk.page("admin", "/admin/users/new");
    sign_out();

    sign_in("auditor.kz@demo.jointlab.local");
    browser.goto(&format!("{base}/admin/audit?lang=en"));
    // The history of one record and one person's events, reached from the log's own links.
    let by_record = links(&browser, "/admin/audit?", "", 40)
        .into_iter()
        .find(|h| h.contains("&id=") && !h.contains("&id=&"))
        .expect("the log links a record's history");
    let by_person = links(&browser, "/admin/audit?", "", 40)
        .into_iter()
        .find(|h| h.starts_with("/admin/audit?person=") && h.len() > "/admin/audit?person=".len())
        .expect("the log links a person's events");
    for path in ["/", "/admin/audit", "/admin/audit?entity=sample"]
        .into_iter()
        .map(str::to_owned)
        .chain([by_record, by_person])
    {
        walk.page("auditor", &path);
    }
    sign_out();

    sign_in("certifier.cn@demo.jointlab.local");
    browser.goto(&format!("{base}/certificates?lang=en"));
    let certificates = links(&browser, "/certificates/", "", 1);
    assert_eq!(certificates.len(), 1, "the demo certificates");
    for path in ["/", "/certificates", "/samples?sort=code&dir=asc"]
        .into_iter()
        .map(str::to_owned)
        .chain(certificates)
    {
        walk.page("certifier", &path);
    }
    sign_out();

    sign_in("exporter@zhetysu-grain.kz");
    for path in ["/", "/applications/new"] {
        walk.page("exporter", path);
    }
    sign_out();
    let (pages, failures) = (walk.pages, walk.failures);
    drop(browser);
    let _ = std::fs::remove_dir_all(profile);

    // The Nu checker reads every page's served HTML in one run of the JVM.
    let mut files: Vec<PathBuf> = std::fs::read_dir(&html_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let out = std::process::Command::new("java")
        .arg("-jar")
        .arg(tools.join("vnu-jar/build/dist/vnu.jar"))
        .args(["--errors-only", "--format", "gnu"])
        .args(&files)
        .output()
        .expect("java runs the Nu HTML checker (apt-get install openjdk-17-jre-headless)");
    let report =
        String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout);
    let errors: Vec<String> = report
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            // Name the page, not only its temporary file.
            let file = line.split(':').next().unwrap_or_default().trim_matches('"');
            let page = std::fs::read_to_string(file)
                .ok()
                .and_then(|s| s.lines().next().map(str::to_owned))
                .unwrap_or_default();
            format!("{page} {line}")
        })
        .collect();
    assert_eq!(pages, files.len());
    assert!(
        failures.is_empty(),
        "axe found {} violations:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(
        out.status.success() && errors.is_empty(),
        "the Nu checker found errors:\n{}",
        errors.join("\n")
    );
    let _ = std::fs::remove_dir_all(html_dir);
}
