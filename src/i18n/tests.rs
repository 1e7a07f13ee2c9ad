use super::*;

#[test]
fn negotiates_by_quality() {
    assert_eq!(negotiate("zh-CN,zh;q=0.9,en;q=0.8"), Some(Lang::Zh));
    assert_eq!(negotiate("de-DE, ru;q=0.5, kk;q=0.7"), Some(Lang::Kk));
    assert_eq!(negotiate("fr, de"), None);
    assert_eq!(negotiate("en;q=0, ru;q=0.1"), Some(Lang::Ru));
}

#[test]
fn substitutes_arguments_as_plain_text() {
    let text = tf(Lang::En, "home.greeting", &[("name", "Aigerim")]);

    // No Unicode isolation marks (U+2068, U+2069) around the argument.
    assert_eq!(text, "Welcome, Aigerim");
}

#[test]
fn t_formats_each_message_once() {
    let first = t(Lang::Ru, "login.title");
    let again = t(Lang::Ru, "login.title");

    assert_eq!(first, "Вход");
    assert!(std::ptr::eq(first, again), "t formatted the message again");
    assert_eq!(t(Lang::En, "no.such.key"), "[?]");
}

/// The plural category each language's bundle picks for `count`.
fn category(lang: Lang, count: i64) -> String {
    let probe = "n = { $count ->\n [one] one\n [few] few\n [many] many\n *[other] other\n}\n";
    let bundle = bundle(lang, FluentResource::try_new(probe.to_owned()).unwrap()).unwrap();
    let pattern = bundle.get_message("n").unwrap().value().unwrap();
    let mut args = FluentArgs::new();
    args.set("count", count);
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
    assert!(errors.is_empty(), "{errors:?}");
    text.into_owned()
}

#[test]
fn each_language_follows_its_cldr_plural_rules() {
    let cases = [
        (
            Lang::En,
            [(1, "one"), (2, "other"), (5, "other"), (21, "other")],
        ),
        (Lang::Ru, [(1, "one"), (2, "few"), (5, "many"), (21, "one")]),
        (
            Lang::Ru,
            [(11, "many"), (12, "many"), (22, "few"), (0, "many")],
        ),
        // Kazakh is in CLDR (one: n = 1); Chinese has only "other".
        (
            Lang::Kk,
            [(1, "one"), (2, "other"), (5, "other"), (21, "other")],
        ),
        (
            Lang::Zh,
            [(1, "other"), (2, "other"), (5, "other"), (0, "other")],
        ),
    ];

    for (lang, counts) in cases {
        for (count, expected) in counts {
            assert_eq!(category(lang, count), expected, "{lang} {count}");
        }
    }
}

#[test]
fn every_message_formats_without_errors_given_its_variables() {
    let mut report = Vec::new();

    for lang in Lang::ALL {
        let catalog = parse_catalog(lang.catalog_source()).unwrap();
        for (key, message) in &catalog {
            let mut args = FluentArgs::new();
            for name in &message.variables {
                if name == "count" {
                    args.set("count", 3);
                } else {
                    args.set(name.as_str(), "x");
                }
            }
            if let Err((_, error)) = try_format(*lang, key, &args) {
                report.push(format!("{lang} {key}: {error}"));
            }
            if message.variables.is_empty() && !messages(*lang).plain[key].complete {
                report.push(format!("{lang} {key}: not formatted for t"));
            }
        }
    }

    assert!(report.is_empty(), "\n{}", report.join("\n"));
}

#[test]
fn a_message_without_its_count_still_shows_text() {
    let text = t(Lang::En, "dashboard.on_bench");

    assert_eq!(text, "tests on the bench");
}
