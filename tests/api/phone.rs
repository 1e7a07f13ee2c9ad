//! A phone at the post, at the HTML level (the browser walk in tests/browser/phone.rs checks
//! the rendering): the menu sits behind one `<details>` button, the list filters fold away
//! unless one is in use, and every scrolling table region can be reached by keyboard — in all
//! four languages, with no JavaScript needed.

use jointlab::i18n::Lang;

use crate::helpers::*;

const LANGS: [Lang; 4] = [Lang::Kk, Lang::Ru, Lang::Zh, Lang::En];

/// The part of `body` from `start` to the first `end` after it.
fn between<'a>(body: &'a str, start: &str, end: &str) -> &'a str {
    let from = body
        .find(start)
        .unwrap_or_else(|| panic!("no {start} in {body}"));
    let rest = &body[from..];
    &rest[..rest.find(end).map_or(rest.len(), |i| i + end.len())]
}

/// The opening tag of every element of `body` whose class attribute starts with `class`.
fn tags_of_class<'a>(body: &'a str, class: &str) -> Vec<&'a str> {
    let needle = format!("class=\"{class}");
    body.match_indices(&needle)
        .map(|(i, _)| {
            let open = body[..i].rfind('<').unwrap();
            &body[open..i + body[i..].find('>').unwrap() + 1]
        })
        .collect()
}

#[test]
fn the_menu_sits_behind_one_button_in_every_language() {
    let app = spawn_app();
    for key in ["registrar_kz", "analyst_cn", "exporter"] {
        let client = app.signed_in(key);
        for lang in LANGS {
            let res = client.get(&format!("/?lang={}", lang.as_str()));
            assert_eq!(res.status, 200);
            let menu = between(&res.body, "<details class=\"menu\"", "</details>");
            // Closed as sent: only a phone shows it so; a wide screen's CSS shows the content.
            assert!(
                menu.starts_with("<details class=\"menu\" id=\"menu\">"),
                "{menu}"
            );
            let button = between(menu, "<summary", "</summary>");
            assert!(
                button.contains(&shown(lang, "phone.menu")),
                "{key} {lang}: {button}"
            );
            // Every navigation link and the sign-out form are inside the fold.
            assert!(menu.contains("class=\"main-nav\""), "{menu}");
            assert!(menu.contains("action=\"/logout\""), "{menu}");
            assert!(menu.contains(&shown(lang, "nav.home")), "{menu}");
            assert_eq!(res.body.matches("class=\"main-nav\"").count(), 1);
        }
    }
    // Signed out there is nothing to fold: no menu button on the sign-in page.
    let login = app.client().get("/login?lang=kk");
    assert_eq!(login.status, 200);
    assert!(!login.body.contains("menu-button"), "{}", login.body);
}

#[test]
fn list_filters_fold_away_unless_one_is_in_use() {
    let app = spawn_app();
    received_samples(&app, 1);
    let registrar = app.signed_in("registrar_kz");
    for lang in LANGS {
        for list in ["/samples", "/consignments", "/applications"] {
            let res = registrar.get(&format!("{list}?lang={}", lang.as_str()));
            assert_eq!(res.status, 200, "{list}");
            let fold = between(
                &res.body,
                "<details class=\"fold filters-fold\"",
                "</details>",
            );
            assert!(
                fold.starts_with("<details class=\"fold filters-fold\">"),
                "{list} {lang}: folded when no filter is used: {fold}"
            );
            let button = between(fold, "<summary", "</summary>");
            assert!(button.contains(&shown(lang, "phone.filters")), "{button}");
            assert!(fold.contains("role=\"search\""), "the form is in the fold");
            assert!(fold.contains(&shown(lang, "form.filter")), "{fold}");

            // A filter in use: the fold is open and says so.
            let res = registrar.get(&format!("{list}?lang={}&q=JL-", lang.as_str()));
            let fold = between(
                &res.body,
                "<details class=\"fold filters-fold\"",
                "</details>",
            );
            assert!(
                fold.starts_with("<details class=\"fold filters-fold\" open>"),
                "{list} {lang}: open while a filter is used: {fold}"
            );
            assert!(
                fold.contains(&shown(lang, "phone.filters_active")),
                "{fold}"
            );
        }
    }
    // The sort order alone is not a filter: the fold stays closed.
    let res = registrar.get("/samples?sort=oldest");
    assert!(res.body.contains("<details class=\"fold filters-fold\">"));
    // The audit log's filters fold the same way; a refused filter keeps them open.
    let auditor = app.signed_in("auditor_kz");
    for (query, open) in [
        ("", false),
        ("?entity=sample", true),
        ("?entity=no_such_kind", true),
    ] {
        let res = auditor.get(&format!("/admin/audit{query}"));
        assert_eq!(res.status, 200, "{query}");
        let fold = between(
            &res.body,
            "<details class=\"fold filters-fold\"",
            "</details>",
        );
        assert!(fold.contains("action=\"/admin/audit\""), "{fold}");
        assert_eq!(
            fold.starts_with("<details class=\"fold filters-fold\" open>"),
            open,
            "{query}: {fold}"
        );
    }
}

#[test]
fn every_scrolling_table_region_is_named_and_reachable_by_keyboard() {
    let app = spawn_app();
    let (samples, afb1) = received_samples(&app, 2);
    let pages = [
        ("registrar_kz", "/samples".to_owned()),
        ("registrar_kz", "/consignments".to_owned()),
        ("registrar_kz", "/applications".to_owned()),
        ("registrar_kz", "/exporters".to_owned()),
        ("analyst_kz", "/bench".to_owned()),
        ("analyst_kz", format!("/bench/{afb1}")),
        ("analyst_kz", format!("/samples/{}", samples[0])),
    ];
    for (key, path) in &pages {
        let client = app.signed_in(key);
        for lang in LANGS {
            let res = client.get(&format!("{path}?lang={}", lang.as_str()));
            assert_eq!(res.status, 200, "{path}");
            let regions = tags_of_class(&res.body, "scroll");
            assert!(!regions.is_empty(), "{path}: no table region");
            for tag in regions {
                assert!(
                    tag.contains("tabindex=\"0\"")
                        && tag.contains("role=\"region\"")
                        && !tag.contains("aria-label=\"\""),
                    "{path} {lang}: {tag}"
                );
                assert!(tag.contains("aria-label=\""), "{path} {lang}: {tag}");
            }
        }
    }
    // The batch-entry table keeps its result column on a phone (the waiting and seal
    // columns give way), and the list keeps code and status.
    let bench = app.signed_in("analyst_kz").get(&format!("/bench/{afb1}"));
    assert!(
        bench
            .body
            .contains("<table class=\"table\" data-phone-hide=\"2 3\">"),
        "{}",
        bench.body
    );
    let list = app.signed_in("registrar_kz").get("/samples");
    assert!(list.body.contains("data-phone-hide=\"2 3 4 5 6\""));
}
