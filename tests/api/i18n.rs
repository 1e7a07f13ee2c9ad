//! The four catalogs (complete, translated, consistent with the code that uses them) and the
//! choice of language over HTTP: `?lang=`, the visitor's cookie, `Accept-Language`, the
//! account's stored language and the switcher's links.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use jointlab::i18n::{Catalog, Lang, parse_catalog, tn};
use jointlab::models::User;

use crate::helpers::*;

fn catalog(lang: Lang) -> Catalog {
    parse_catalog(lang.catalog_source()).unwrap_or_else(|e| panic!("catalog {lang}: {e}"))
}

const TRANSLATIONS: [Lang; 3] = [Lang::Ru, Lang::Kk, Lang::Zh];

fn html_lang(lang: Lang) -> String {
    format!(r#"<html lang="{}""#, lang.tag())
}

#[test]
fn the_four_catalogs_parse_and_have_the_same_keys() {
    let en: BTreeSet<String> = catalog(Lang::En).into_keys().collect();
    let mut report = Vec::new();

    for lang in TRANSLATIONS {
        let keys: BTreeSet<String> = catalog(lang).into_keys().collect();
        let missing: Vec<_> = en.difference(&keys).collect();
        let extra: Vec<_> = keys.difference(&en).collect();
        if !missing.is_empty() {
            report.push(format!("{lang} lacks {missing:?}"));
        }
        if !extra.is_empty() {
            report.push(format!("{lang} has keys English lacks: {extra:?}"));
        }
    }

    assert!(en.len() > 100, "the English catalog looks truncated");
    assert!(report.is_empty(), "\n{}", report.join("\n"));
}

#[test]
fn every_text_is_translated_and_uses_the_same_variables() {
    let en = catalog(Lang::En);
    let mut report = Vec::new();

    for lang in Lang::ALL {
        for (key, message) in catalog(*lang) {
            if message.text.trim().is_empty() {
                report.push(format!("{lang} {key}: empty"));
            }
            let Some(english) = en.get(&key).filter(|_| *lang != Lang::En) else {
                continue;
            };
            if message.text == english.text && key != "app.name" {
                report.push(format!("{lang} {key}: not translated ({:?})", message.text));
            }
            if message.variables != english.variables {
                report.push(format!(
                    "{lang} {key}: uses {:?}, English {:?}",
                    message.variables, english.variables
                ));
            }
        }
    }

    assert!(report.is_empty(), "\n{}", report.join("\n"));
}

#[test]
fn the_catalogs_keep_their_header_for_translators() {
    for lang in Lang::ALL {
        let source = lang.catalog_source();

        assert!(source.starts_with("### "), "{lang}.ftl lost its header");
        assert!(
            source.lines().take(3).any(|l| l.contains("GLOSSARY.md")),
            "{lang}.ftl no longer points translators to the glossary"
        );
    }
}

#[test]
fn counts_take_the_plural_form_of_each_language() {
    let portions = |lang, n| format!("{n} {}", tn(lang, "dashboard.to_receive", n, &[]));

    assert_eq!(portions(Lang::Ru, 1), "1 часть пробы ожидает приёмки");
    assert_eq!(portions(Lang::Ru, 2), "2 части проб ожидают приёмки");
    assert_eq!(portions(Lang::Ru, 5), "5 частей проб ожидают приёмки");
    assert_eq!(portions(Lang::Ru, 11), "11 частей проб ожидают приёмки");
    assert_eq!(portions(Lang::Ru, 21), "21 часть пробы ожидает приёмки");
    assert_eq!(portions(Lang::Ru, 22), "22 части проб ожидают приёмки");
    assert_eq!(portions(Lang::En, 1), "1 portion waiting to be received");
    assert_eq!(portions(Lang::En, 5), "5 portions waiting to be received");
    // Kazakh nouns stay singular after a numeral.
    assert_eq!(portions(Lang::Kk, 1), "1 сынама бөлігі қабылдауды күтуде");
    assert_eq!(portions(Lang::Kk, 5), "5 сынама бөлігі қабылдауды күтуде");
    assert_eq!(portions(Lang::Zh, 5), "5 个分样待接收");
    let ru = |key, n| tn(Lang::Ru, key, n, &[]);
    assert_eq!(ru("dashboard.on_bench", 3), "испытания на рабочем месте");
    assert_eq!(ru("dashboard.to_review", 1), "результат на проверке");
    assert_eq!(
        ru("dashboard.discrepancies", 7),
        "открытых расхождений результатов"
    );
    let en = |key, n| tn(Lang::En, key, n, &[]);
    assert_eq!(en("dashboard.on_bench", 1), "test on the bench");
    assert_eq!(en("dashboard.to_review", 0), "results to review");
    assert_eq!(en("dashboard.discrepancies", 1), "open discrepancy");
}

/// Every file under `dir` whose name ends with `ext`.
fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, ext, out);
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
}

/// A dotted lower-case name: `[a-z_]+(\.[a-z_]+)+`.
fn is_key_shaped(s: &str) -> bool {
    s.contains('.')
        && s.split('.')
            .all(|seg| !seg.is_empty() && seg.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'))
}

/// The contents of the double-quoted, key-shaped literals of `source`.
fn quoted_names(source: &str) -> Vec<&str> {
    let bytes = source.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'"' {
            i += 1;
            continue;
        }
        let start = i + 1;
        let mut end = start;
        while end < bytes.len() && matches!(bytes[end], b'a'..=b'z' | b'_' | b'.') {
            end += 1;
        }
        if end < bytes.len() && bytes[end] == b'"' && is_key_shaped(&source[start..end]) {
            out.push(&source[start..end]);
            i = end + 1;
        } else {
            i = end.max(start);
        }
    }
    out
}

#[test]
fn the_scanner_picks_out_dotted_names_between_quotes() {
    let source = r#"t("field.email") ("a", "b.c d") x."y.z" "home.duties.{}" "app.name""#;

    let names = quoted_names(source);

    assert_eq!(names, ["field.email", "y.z", "app.name"]);
}

#[test]
fn every_catalog_key_named_in_the_code_and_templates_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let en = catalog(Lang::En);
    let sections: HashSet<&str> = en.keys().map(|k| k.split('.').next().unwrap()).collect();
    let mut sources = Vec::new();
    files(&root.join("src"), "rs", &mut sources);
    files(&root.join("templates"), "html", &mut sources);
    let mut checked = BTreeSet::new();
    let mut unknown = BTreeSet::new();

    for path in &sources {
        let text = std::fs::read_to_string(path).unwrap();
        for name in quoted_names(&text) {
            let section = name.split('.').next().unwrap();
            // A file the application serves (e.g. "app.css") is not a key.
            if !sections.contains(section) || root.join("static").join(name).is_file() {
                continue;
            }
            checked.insert(name.to_owned());
            // A prefix (e.g. "error.not_found") is completed into keys at run time.
            let prefix = format!("{name}.");
            if !en.contains_key(name) && !en.keys().any(|k| k.starts_with(&prefix)) {
                let file = path.strip_prefix(root).unwrap().display().to_string();
                unknown.insert(format!("{name:?} in {file}"));
            }
        }
    }

    assert!(checked.len() > 80, "the scan found only {checked:?}");
    assert!(checked.contains("error.not_found") && checked.contains("users.title"));
    assert!(unknown.is_empty(), "not in en.ftl:\n{unknown:#?}");
}

#[test]
fn the_lang_parameter_switches_the_language_and_a_cookie_keeps_it() {
    let app = spawn_app();
    let client = app.client();

    let switched = client.get("/login?lang=zh");
    let cookie = client.cookie("jl_lang");
    let later = client.get("/login");

    assert_eq!(switched.status, 200);
    let title = format!("<h1>{}</h1>", shown(Lang::Zh, "login.title"));
    for res in [&switched, &later] {
        assert!(res.body.contains(&html_lang(Lang::Zh)), "{}", res.body);
        assert!(res.body.contains(&title), "{}", res.body);
        assert!(!res.body.contains(&shown(Lang::En, "login.lead")));
    }
    assert_eq!(cookie.as_deref(), Some("zh"));
}

#[test]
fn a_visitor_gets_the_language_of_the_browser() {
    let app = spawn_app();
    let mut russian = app.client();
    russian.accept_language = Some("ru-RU,ru;q=0.9".into());
    let mut unknown = app.client();
    unknown.accept_language = Some("de-DE,fr;q=0.8".into());

    let res = russian.get("/login");
    let fallback = unknown.get("/login");

    assert_eq!(res.status, 200);
    assert!(res.body.contains(&html_lang(Lang::Ru)), "{}", res.body);
    let title = format!("<h1>{}</h1>", shown(Lang::Ru, "login.title"));
    assert!(res.body.contains(&title), "{}", res.body);
    assert!(
        fallback.body.contains(&html_lang(Lang::En)),
        "no English fallback"
    );
}

/// The actions of the audit log, oldest first.
fn audit_actions(app: &TestApp) -> Vec<String> {
    use diesel::prelude::*;
    use jointlab::db::schema::audit_events;
    audit_events::table
        .order(audit_events::seq)
        .select(audit_events::action)
        .load(&mut *app.conn())
        .unwrap()
}

#[test]
fn lang_in_the_url_changes_the_pages_language_but_never_the_account() {
    let app = spawn_app();
    let client = app.signed_in("exporter");
    let id = app.user("exporter").id;
    let events = audit_actions(&app);

    let switched = client.get("/?lang=zh");
    let next_page = client.get("/");

    for res in [&switched, &next_page] {
        assert_eq!(res.status, 200);
        assert!(res.body.contains(&html_lang(Lang::Zh)), "{}", res.body);
        assert!(res.body.contains(&shown(Lang::Zh, "home.duties.exporter")));
    }
    assert_eq!(client.cookie("jl_lang").as_deref(), Some("zh"));
    let stored = User::find(&mut app.conn(), id).unwrap().unwrap();
    assert_eq!(
        stored.language,
        Lang::En,
        "a GET changed the saved language"
    );
    assert_eq!(audit_actions(&app), events, "a GET wrote an audit event");
    // A new browser, with no language cookie: the account's saved language decides.
    let fresh = app.signed_in("exporter");
    assert_eq!(fresh.cookie("jl_lang"), None);
    assert!(fresh.get("/").body.contains(&html_lang(Lang::En)));
}

#[test]
fn the_saved_language_changes_on_the_account_page_with_one_audit_event() {
    let app = spawn_app();
    let client = app.signed_in("exporter");
    let id = app.user("exporter").id;
    client.get("/account?lang=zh");
    let events = audit_actions(&app);

    let res = client.post(
        "/account/preferences",
        &[("language", "kk"), ("time_zone", "almaty")],
    );
    let home = client.get("/");

    assert_eq!(res.status, 303, "{}", res.body);
    let stored = User::find(&mut app.conn(), id).unwrap().unwrap();
    assert_eq!(stored.language, Lang::Kk);
    let after = audit_actions(&app);
    assert_eq!(
        after.len(),
        events.len() + 1,
        "{:?}",
        &after[events.len()..]
    );
    assert_eq!(after.last().unwrap(), "user.preferences_changed");
    // The saved choice takes effect at once in this browser (its cookie is replaced)…
    assert_eq!(client.cookie("jl_lang").as_deref(), Some("kk"));
    assert!(home.body.contains(&html_lang(Lang::Kk)), "{}", home.body);
    // …and follows the account to a new browser.
    let fresh = app.signed_in("exporter");
    let home = fresh.get("/");
    assert!(home.body.contains(&html_lang(Lang::Kk)), "{}", home.body);
    assert!(home.body.contains(&shown(Lang::Kk, "home.duties.exporter")));
}

#[test]
fn lang_in_the_url_wins_over_the_cookie_which_wins_over_the_account() {
    let app = spawn_app();
    let client = app.signed_in("admin");
    let saved = client.post(
        "/account/preferences",
        &[("language", "ru"), ("time_zone", "almaty")],
    );
    assert_eq!(saved.status, 303);

    let by_url = client.get("/?lang=en");
    let by_cookie = client.get("/");
    let mut browser_says_zh = app.signed_in("admin");
    browser_says_zh.accept_language = Some("zh-CN,zh;q=0.9".into());
    let by_account = browser_says_zh.get("/");

    assert!(by_url.body.contains(&html_lang(Lang::En)));
    assert!(by_cookie.body.contains(&html_lang(Lang::En)));
    assert!(by_account.body.contains(&html_lang(Lang::Ru)));
}

/// The switcher's link to `lang` on a page, entities decoded.
fn switcher_href(body: &str, lang: Lang) -> String {
    let marker = format!(r#"" lang="{tag}" hreflang="{tag}""#, tag = lang.tag());
    let end = body
        .find(&marker)
        .unwrap_or_else(|| panic!("no switcher link to {lang}: {body}"));
    let start = body[..end].rfind(r#"<a href=""#).unwrap() + r#"<a href=""#.len();
    body[start..end].replace("&#38;", "&").replace("&amp;", "&")
}

#[test]
fn the_switcher_links_keep_the_other_query_parameters() {
    let app = spawn_app();
    let admin = app.signed_in("admin");

    let list = admin.get("/admin/users?role=analyst");
    let searched = admin.get("/admin/users?lang=en&q=Test%20analyst&role=analyst");

    assert_eq!(list.status, 200);
    // askama writes `&` as `&#38;` (the same as `&amp;` to a browser).
    assert!(
        list.body
            .contains(r#"<a href="/admin/users?role=analyst&#38;lang=kk" lang="kk""#),
        "{}",
        list.body
    );
    for lang in Lang::ALL {
        let expected = format!("/admin/users?role=analyst&lang={lang}");
        assert_eq!(switcher_href(&list.body, *lang), expected);
    }
    assert_eq!(
        switcher_href(&searched.body, Lang::Zh),
        "/admin/users?q=Test+analyst&role=analyst&lang=zh"
    );
    let followed = admin.get(&switcher_href(&list.body, Lang::Kk));
    assert!(followed.body.contains(&html_lang(Lang::Kk)));
    assert!(
        followed
            .body
            .contains(r#"<option value="analyst" selected>"#)
    );
    assert!(followed.body.contains("analyst.cn@test.jointlab.local"));
    assert!(!followed.body.contains("admin@test.jointlab.local"));
}
