//! The lab's pages on a 390 × 844 phone, in Kazakh and Chinese, over the demo data: the bench,
//! batch entry, a worksheet, review, a sample, the lists and each lab role's home. The page
//! never scrolls sideways, the key columns (code, status, result input) are on screen, codes do
//! not break inside, the menu waits behind its button (and opens on a press), filters are
//! folded, and whatever scrolls can be reached by keyboard. Then the same pages at 1280 px, so
//! the wide layout still shows the menu and the filters. Screenshots for a person to look at.

use serde_json::{Value, json};

use crate::helpers::spawn_app;
use crate::phone::sign_out;
use crate::screenshots;
use crate::webdriver::Browser;

const PASSWORD: &str = "phone-lab-password-1";

/// The first link in `main` whose href matches the CSS attribute test `href`.
fn first_link(browser: &Browser, href: &str) -> String {
    let found = browser.execute(&format!(
        "var a = document.querySelector(\"main a[href{href}]\"); return a ? a.getAttribute('href') : null;"
    ));
    found
        .as_str()
        .unwrap_or_else(|| panic!("no link [href{href}] on {}", browser.url()))
        .to_owned()
}

/// Measures the page as it is shown: sideways overflow, the `keys` selectors that are missing
/// or off screen, scrolling elements a keyboard cannot reach, codes broken across lines.
fn measure(browser: &Browser, keys: &[&str]) -> Value {
    let keys = serde_json::to_string(keys).unwrap();
    browser.execute(&format!(
        r#"var keys = {keys};
        var vw = document.documentElement.clientWidth;
        var out = {{ overflow: document.documentElement.scrollWidth - vw, missing: [],
                    offscreen: [], unreachable: [], broken: [] }};
        var shown = function (e) {{ return e.checkVisibility() && e.getClientRects().length > 0; }};
        keys.forEach(function (s) {{
          var els = Array.prototype.filter.call(document.querySelectorAll(s), shown);
          if (els.length === 0) out.missing.push(s);
          els.forEach(function (e) {{
            var r = e.getBoundingClientRect();
            if (r.left < -0.5 || r.right > vw + 0.5)
              out.offscreen.push(s + ' «' + (e.textContent || e.id).trim().slice(0, 30) + '» '
                + Math.round(r.left) + '..' + Math.round(r.right));
          }});
        }});
        document.querySelectorAll('body *').forEach(function (e) {{
          var cs = getComputedStyle(e);
          var scrolls = (e.scrollWidth > e.clientWidth && /auto|scroll/.test(cs.overflowX))
            || (e.scrollHeight > e.clientHeight && /auto|scroll/.test(cs.overflowY));
          if (scrolls && e.tabIndex < 0) out.unreachable.push(e.outerHTML.slice(0, 160));
          if (scrolls && e.tabIndex >= 0 && !/^(TEXTAREA|SELECT|INPUT)$/.test(e.tagName)
              && !(e.getAttribute('aria-label') || '').trim())
            out.unreachable.push('unnamed: ' + e.outerHTML.slice(0, 160));
        }});
        document.querySelectorAll('main code').forEach(function (c) {{
          if (c.checkVisibility() && c.getClientRects().length > 1) out.broken.push(c.textContent);
        }});
        return out;"#
    ))
}

/// Opens `path` in `lang` and asserts the phone rules; saves `phone-lab-{shot}-{lang}.png`.
fn phone_page(browser: &Browser, base: &str, path: &str, lang: &str, shot: &str, keys: &[&str]) {
    let sep = if path.contains('?') { '&' } else { '?' };
    browser.goto(&format!("{base}{path}{sep}lang={lang}"));
    browser.wait_for_text("</main>");
    browser.screenshot(&screenshots().join(format!("phone-lab-{shot}-{lang}.png")));
    let m = measure(browser, keys);
    let where_ = format!("{path} in {lang} at 390 px");
    // A second picture further down, where the last key column is.
    if let Some(last) = keys.last() {
        browser.execute(&format!(
            "var e = document.querySelector({:?}); if (e) e.scrollIntoView({{block: 'center'}}); return null;",
            last
        ));
        browser.screenshot(&screenshots().join(format!("phone-lab-{shot}-{lang}-down.png")));
    }
    assert_eq!(m["overflow"], json!(0), "{where_} scrolls sideways");
    for what in ["missing", "offscreen", "unreachable", "broken"] {
        assert_eq!(m[what], json!([]), "{where_}: {what}");
    }
    // The menu is folded: its button on screen near the top, its links not shown.
    let menu = menu_state(browser);
    assert_eq!(menu["open"], json!(false), "{where_}: {menu}");
    assert_eq!(
        menu["shown"],
        json!(0),
        "{where_}: menu links shown: {menu}"
    );
    assert!(menu["total"].as_u64().unwrap_or(0) >= 2, "{where_}: {menu}");
    assert_eq!(
        menu["button"],
        json!(true),
        "{where_}: no menu button: {menu}"
    );
    let header = menu["header"].as_f64().unwrap();
    assert!(
        header < 130.0,
        "{where_}: the header takes {header} px of 844"
    );
}

fn menu_state(browser: &Browser) -> Value {
    browser.execute(
        "var d = document.querySelector('details.menu');\
         var links = Array.prototype.slice.call(d.querySelectorAll('.main-nav a, form[action=\"/logout\"] button'));\
         var vw = document.documentElement.clientWidth;\
         var inside = function (e) { var r = e.getBoundingClientRect();\
           return e.checkVisibility() && r.width > 0 && r.left >= 0 && r.right <= vw + 0.5; };\
         return { open: d.open, total: links.length, shown: links.filter(inside).length,\
           button: inside(d.querySelector('summary')),\
           header: document.querySelector('header.top').getBoundingClientRect().height };",
    )
}

/// The menu's button opens it (every link then on screen) and closes it again.
fn menu_opens_on_a_press(browser: &Browser, lang: &str, shot: &str) {
    browser.click("summary.menu-button");
    let open = menu_state(browser);
    assert_eq!(open["open"], json!(true), "{open}");
    assert_eq!(
        open["shown"], open["total"],
        "{lang}: links hidden in the open menu: {open}"
    );
    browser.screenshot(&screenshots().join(format!("phone-lab-{shot}-menu-{lang}.png")));
    browser.click("summary.menu-button");
    assert_eq!(menu_state(browser)["shown"], json!(0));
}

/// A list page's filters: folded on a phone with none in use, open once one is.
fn filters_fold(browser: &Browser, base: &str, path: &str, lang: &str) {
    let state = "var d = document.querySelector('details.filters-fold');\
                 return [d.open, d.querySelector('form').checkVisibility(),\
                         d.querySelector('summary').checkVisibility()];";
    browser.goto(&format!("{base}{path}?lang={lang}"));
    browser.wait_for_text("</main>");
    assert_eq!(
        browser.execute(state),
        json!([false, false, true]),
        "{path}"
    );
    browser.click("details.filters-fold > summary");
    assert_eq!(browser.execute(state), json!([true, true, true]), "{path}");
    browser.goto(&format!("{base}{path}?lang={lang}&q=JL-"));
    browser.wait_for_text("</main>");
    assert_eq!(
        browser.execute(state),
        json!([true, true, true]),
        "{path}?q="
    );
}

/// At 1280 px the menu's links and the filters show without a press, and no button is drawn.
fn wide_page(browser: &Browser, base: &str, path: &str, lang: &str, shot: &str) {
    browser.goto(&format!("{base}{path}?lang={lang}"));
    browser.wait_for_text("</main>");
    browser.screenshot(&screenshots().join(format!("wide-lab-{shot}-{lang}.png")));
    let menu = menu_state(browser);
    assert_eq!(menu["open"], json!(true), "{path} at 1280: {menu}");
    assert_eq!(menu["shown"], menu["total"], "{path} at 1280: {menu}");
    assert_eq!(menu["button"], json!(false), "{path} at 1280: {menu}");
    // Without the script that opens it, CSS alone shows the closed menu's links.
    browser.execute("document.querySelector('details.menu').open = false; return null;");
    let css_only = menu_state(browser);
    assert_eq!(css_only["open"], json!(false), "{css_only}");
    assert_eq!(
        css_only["shown"], css_only["total"],
        "{path}, closed: {css_only}"
    );
    browser.execute("document.querySelector('details.menu').open = true; return null;");
    let m = measure(browser, &["main h1"]);
    assert_eq!(m["overflow"], json!(0), "{path} at 1280");
    assert_eq!(m["unreachable"], json!([]), "{path} at 1280");
    let filters = browser.execute(
        "var f = document.querySelector('form.filters');\
         return f ? f.checkVisibility() : null;",
    );
    assert_ne!(
        filters,
        json!(false),
        "{path} at 1280: the filters are folded"
    );
}

const CODE: &str = "main td:first-child code";
const STATUS: &str = "main td .tag";

#[test]
#[ignore = "needs chromium and chromedriver: cargo test --test browser -- --ignored"]
fn the_lab_pages_fit_a_phone_in_kazakh_and_chinese() {
    let app = spawn_app();
    app.cli(&["seed-demo", "--password", PASSWORD]).unwrap();
    let profile = std::env::temp_dir().join(format!("jl-chromium-{}", uuid::Uuid::now_v7()));
    let browser = Browser::start(&profile);
    let base = app.address.clone();
    let sign_in = |role: &str| {
        browser.goto(&format!("{base}/login"));
        browser.type_into("#email", &format!("{role}.kz@demo.jointlab.local"));
        browser.type_into("#password", PASSWORD);
        browser.click("button[type=submit].primary");
        browser.wait_for_url("the home page", |u| !u.contains("/login"));
    };
    let mut wide: Vec<(String, String)> = Vec::new();

    browser.resize(390, 844);
    for role in ["registrar", "analyst", "reviewer", "certifier", "auditor"] {
        sign_in(role);
        for lang in ["kk", "zh"] {
            phone_page(
                &browser,
                &base,
                "/",
                lang,
                &format!("{role}-home"),
                &["main h1"],
            );
            menu_opens_on_a_press(&browser, lang, role);
        }
        let mut pages: Vec<(String, &str, Vec<&str>)> = Vec::new();
        match role {
            "registrar" => {
                browser.goto(&format!("{base}/samples"));
                let sample = first_link(&browser, "^='/samples/'");
                for list in ["/samples", "/consignments", "/applications"] {
                    pages.push((list.to_owned(), &list[1..], vec![CODE, STATUS]));
                    for lang in ["kk", "zh"] {
                        filters_fold(&browser, &base, list, lang);
                    }
                }
                pages.push((sample, "sample", vec!["main h1 code", "main .heading .tag"]));
                wide.push(("/samples".into(), "registrar-samples".into()));
            }
            "analyst" => {
                browser.goto(&format!("{base}/bench"));
                let batch = first_link(&browser, "^='/bench/'");
                let worksheet = first_link(&browser, "$='/worksheet'");
                let sample = worksheet.trim_end_matches("/worksheet").to_owned();
                pages.push((
                    "/bench".into(),
                    "bench",
                    vec![CODE, "main td a[href$='/worksheet']", STATUS],
                ));
                pages.push((batch.clone(), "batch", vec![CODE, "main td [id^='r_']"]));
                pages.push((
                    worksheet.clone(),
                    "worksheet",
                    vec!["main h1 code", "main [id^='r_']", "main [id^='i_']"],
                ));
                pages.push((
                    sample,
                    "sample",
                    vec![
                        "main h1 code",
                        "main table td:nth-child(3)",
                        "main table td:nth-child(4)",
                    ],
                ));
                wide.push(("/bench".into(), "analyst-bench".into()));
                wide.push((batch, "analyst-batch".into()));
                wide.push((worksheet, "analyst-worksheet".into()));
            }
            "reviewer" => {
                pages.push((
                    "/review".into(),
                    "review",
                    vec!["main td a code", "main td input[name=test]", STATUS],
                ));
                wide.push(("/review".into(), "reviewer-review".into()));
            }
            _ => {}
        }
        for (path, shot, keys) in &pages {
            for lang in ["kk", "zh"] {
                phone_page(&browser, &base, path, lang, &format!("{role}-{shot}"), keys);
            }
        }
        sign_out(&browser);
    }

    // The same pages on a desktop screen: menu and filters shown, no sideways scroll.
    browser.resize(1280, 900);
    for role in ["registrar", "analyst", "reviewer"] {
        sign_in(role);
        for (path, shot) in wide.iter().filter(|(_, s)| s.starts_with(role)) {
            for lang in ["kk", "zh"] {
                wide_page(&browser, &base, path, lang, shot);
            }
        }
        sign_out(&browser);
    }
    drop(browser);
    let _ = std::fs::remove_dir_all(profile);
}
