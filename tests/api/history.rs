//! History and the audit log read in words: on the seeded demo, in the four languages, no
//! internal code, backtick, JSON or `system:` actor is visible; each event links to its
//! record, and the links open; the auditor's filters by record and by person select exactly
//! the right events and answer junk with a message, never a 500.

use std::collections::BTreeSet;

use diesel::prelude::*;
use jointlab::db::schema::{applications, audit_events, certificates, consignments, samples};
use jointlab::i18n::Lang;

use crate::helpers::{Client, TestApp, shown, spawn_app};

/// The demo, seeded once per test.
fn seeded() -> TestApp {
    let app = spawn_app();
    app.cli(&["seed-demo", "--password", "history-demo-password-1"])
        .unwrap();
    app
}

/// The text a reader sees: tags, scripts and styles removed, entities decoded.
fn visible(html: &str) -> String {
    let mut text = html.to_owned();
    for tag in ["script", "style"] {
        while let Some(start) = text.find(&format!("<{tag}")) {
            let close = format!("</{tag}>");
            let end = text[start..]
                .find(&close)
                .map_or(text.len(), |e| start + e + close.len());
            text.replace_range(start..end, " ");
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&#60;", "<")
        .replace("&#62;", ">")
        .replace("&#38;", "&")
}

/// The internal codes in `text`: `word.word` and `snake_case` words, backticks, JSON, system
/// actors. E-mail addresses are people's addresses, not codes.
fn codes(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for word in text.split(|c: char| c.is_whitespace() || "(),;:«»\"'".contains(c)) {
        if word.contains('@') || word.is_empty() {
            continue;
        }
        let word = word.trim_end_matches('.');
        let lower_code = |s: &str| {
            !s.is_empty()
                && s.bytes().next().is_some_and(|b| b.is_ascii_lowercase())
                && s.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        };
        let dotted = word.contains('.') && word.split('.').all(lower_code);
        let snake = word.contains('_') && lower_code(word);
        if dotted || snake {
            found.push(word.to_owned());
        }
    }
    for marker in ["`", "{", "}", "\":", "system:"] {
        if text.contains(marker) {
            found.push(marker.to_owned());
        }
    }
    found
}

/// The part of `body` between `start` and the next `end` (the page's history).
fn section<'a>(body: &'a str, start: &str, end: &str) -> &'a str {
    let from = body
        .find(start)
        .unwrap_or_else(|| panic!("no {start:?} on the page"));
    let to = body[from..].find(end).map_or(body.len(), |e| from + e);
    &body[from..to]
}

/// The local links of `html`.
fn links(html: &str) -> BTreeSet<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|h| h.split('"').next())
        .map(|h| h.replace("&#38;", "&"))
        .filter(|h| h.starts_with('/') && !h.contains("lang="))
        .collect()
}

/// The event numbers listed on an audit log page.
fn seqs(html: &str) -> Vec<i64> {
    html.split("<td class=\"num\">")
        .skip(1)
        .filter_map(|s| s.split('<').next()?.trim().parse().ok())
        .collect()
}

fn first_id(app: &TestApp, table: &str) -> String {
    let mut conn = app.conn();
    let id: Option<String> = match table {
        "samples" => samples::table
            .select(samples::id)
            .order(samples::code)
            .first::<jointlab::models::sample::SampleId>(&mut *conn)
            .optional()
            .unwrap()
            .map(|i| i.to_string()),
        "consignments" => consignments::table
            .select(consignments::id)
            .order(consignments::code)
            .first::<jointlab::models::consignment::ConsignmentId>(&mut *conn)
            .optional()
            .unwrap()
            .map(|i| i.to_string()),
        "applications" => applications::table
            .select(applications::id)
            .order(applications::code)
            .first::<jointlab::models::application::ApplicationId>(&mut *conn)
            .optional()
            .unwrap()
            .map(|i| i.to_string()),
        _ => certificates::table
            .filter(certificates::number.is_not_null())
            .select(certificates::id)
            .first::<jointlab::models::certificate::CertificateId>(&mut *conn)
            .optional()
            .unwrap()
            .map(|i| i.to_string()),
    };
    id.unwrap_or_else(|| panic!("the demo has no {table}"))
}

/// The seeded pages that show a history: (path, start of the history section).
fn history_pages(app: &TestApp) -> Vec<(String, &'static str)> {
    let timeline = "<ol class=\"timeline history\">";
    vec![
        ("/admin/audit".to_owned(), "<table class=\"table audit\">"),
        (format!("/samples/{}", first_id(app, "samples")), timeline),
        (
            format!("/consignments/{}", first_id(app, "consignments")),
            timeline,
        ),
        (
            format!("/applications/{}", first_id(app, "applications")),
            timeline,
        ),
        (
            format!("/certificates/{}", first_id(app, "certificates")),
            timeline,
        ),
    ]
}

#[test]
fn history_and_audit_pages_read_in_words_in_the_four_languages() {
    let app = seeded();
    let auditor = app.signed_in("auditor_kz");
    let admin = app.signed_in("admin");
    let mut report = Vec::new();

    for (path, start) in history_pages(&app) {
        for lang in Lang::ALL {
            let reader: &Client = if path.starts_with("/admin") && *lang == Lang::Zh {
                &admin
            } else {
                &auditor
            };
            let page = reader.get(&format!("{path}?lang={lang}"));
            assert_eq!(page.status, 200, "{path} in {lang}");
            // The test accounts are named by their keys ("Test auditor_kz"): names, not codes.
            let whole: Vec<String> = codes(&visible(&page.body))
                .into_iter()
                .filter(|c| !app.users.contains_key(c.as_str()))
                .collect();
            if !whole.is_empty() {
                report.push(format!("{path} ({lang}): {whole:?}"));
            }
            let history = section(&page.body, start, "</section>");
            assert!(
                history.contains("<li>") || history.contains("<tr>"),
                "{path} shows no event"
            );
            assert!(
                !history.contains("<code>"),
                "{path} ({lang}) still shows a code"
            );
        }
    }

    assert!(
        report.is_empty(),
        "codes on the pages:\n{}",
        report.join("\n")
    );
    // The words are the catalog's: the demo's registration of a sample, by the system.
    let page = auditor.get(&format!("/samples/{}?lang=kk", first_id(&app, "samples")));
    assert!(
        page.body
            .contains(&shown(Lang::Kk, "history.action.sample.registered"))
    );
    assert!(
        page.body
            .contains(&shown(Lang::Kk, "history.field.seal_number"))
    );
    let page = auditor.get("/admin/audit?person=system%3Aseed-demo&lang=zh");
    assert!(
        page.body
            .contains(&shown(Lang::Zh, "history.system.seed_demo"))
    );
    assert!(
        page.body
            .contains(&shown(Lang::Zh, "history.action.user.created"))
    );
}

#[test]
fn each_event_links_to_its_record_and_the_links_open_for_the_reader() {
    let app = seeded();
    let auditor = app.signed_in("auditor_cn");

    let mut hrefs = BTreeSet::new();
    for filter in ["", "?action=application.", "?action=sample."] {
        let page = auditor.get(&format!("/admin/audit{filter}"));
        hrefs.extend(links(section(
            &page.body,
            "<table class=\"table audit\">",
            "</table>",
        )));
    }
    for record in [
        "/samples/",
        "/consignments/",
        "/certificates/",
        "/applications/",
    ] {
        assert!(
            hrefs.iter().any(|h| h.starts_with(record)),
            "no link to a {record} record in {hrefs:#?}"
        );
    }
    assert!(hrefs.iter().any(|h| h.starts_with("/admin/audit?entity=")));
    assert!(hrefs.iter().any(|h| h.starts_with("/admin/audit?person=")));
    // The auditor is not offered pages of other roles.
    assert!(!hrefs.iter().any(|h| h.starts_with("/admin/users/")
        || h.starts_with("/admin/catalog")
        || h.starts_with("/exporters/")));
    for href in hrefs.iter().take(60) {
        let opened = auditor.get(href);
        assert_eq!(opened.status, 200, "{href}");
    }
    // On a record's page, the history's links open too, for a registrar as for the auditor.
    let sample = first_id(&app, "samples");
    for key in ["registrar_kz", "auditor_cn"] {
        let client = app.signed_in(key);
        let page = client.get(&format!("/samples/{sample}"));
        let history = section(&page.body, "<ol class=\"timeline history\">", "</section>");
        for href in links(history) {
            assert_eq!(client.get(&href).status, 200, "{key}: {href}");
        }
    }
}

#[test]
fn the_auditor_filters_by_record_and_by_person_exactly() {
    let app = seeded();
    let registrar = app.user("registrar_kz").id;
    // The registrar acts once: a sign-in, an event of their own.
    drop(app.signed_in("registrar_kz"));
    let auditor = app.signed_in("auditor_kz");
    let sample = first_id(&app, "samples");
    let of_sample: Vec<i64> = audit_events::table
        .filter(audit_events::entity_type.eq("sample"))
        .filter(audit_events::entity_id.eq(&sample))
        .order(audit_events::seq.desc())
        .select(audit_events::seq)
        .load(&mut *app.conn())
        .unwrap();
    let by_registrar: Vec<i64> = audit_events::table
        .filter(audit_events::actor_id.eq(registrar))
        .order(audit_events::seq.desc())
        .select(audit_events::seq)
        .load(&mut *app.conn())
        .unwrap();
    let by_seed: Vec<i64> = audit_events::table
        .filter(audit_events::actor_label.eq("system:seed-demo"))
        .order(audit_events::seq.desc())
        .limit(30) // one page of the log
        .select(audit_events::seq)
        .load(&mut *app.conn())
        .unwrap();
    assert!(!of_sample.is_empty() && !by_registrar.is_empty() && !by_seed.is_empty());

    let page = auditor.get(&format!("/admin/audit?entity=sample&id={sample}"));
    assert_eq!(page.status, 200);
    assert_eq!(seqs(&page.body), of_sample);
    // The filters keep their values, and the record is named.
    assert!(page.body.contains(&format!("value=\"{sample}\"")));
    assert!(page.body.contains("<option value=\"sample\" selected>"));
    let page = auditor.get(&format!("/admin/audit?person={registrar}"));
    assert_eq!(seqs(&page.body), by_registrar);
    assert!(
        page.body
            .contains(&format!("name=\"person\" value=\"{registrar}\""))
    );
    let page = auditor.get("/admin/audit?person=system%3Aseed-demo");
    assert_eq!(seqs(&page.body), by_seed);
    // Both at once: the registrar never touched the demo's sample.
    let page = auditor.get(&format!(
        "/admin/audit?entity=sample&id={sample}&person={registrar}"
    ));
    assert_eq!(seqs(&page.body), Vec::<i64>::new());
    // A link from an event carries the same filter.
    let log = auditor.get("/admin/audit");
    assert!(
        log.body
            .contains(&format!("/admin/audit?person={registrar}"))
    );
}

#[test]
fn junk_filters_get_a_message_and_no_events_never_a_500() {
    let app = seeded();
    let auditor = app.signed_in("auditor_kz");
    let cases = [
        ("/admin/audit?entity=spaceship", "history.unknown_entity"),
        ("/admin/audit?entity=sample&id=not-a-uuid", "history.bad_id"),
        ("/admin/audit?entity=sample&id=%27%3B--", "history.bad_id"),
        (
            "/admin/audit?id=0192f1c2-7a3e-7c41-9d2b-5e8f0a1b2c3d",
            "history.id_needs_entity",
        ),
        ("/admin/audit?person=nobody", "history.unknown_person"),
        ("/admin/audit?person=system%3A%25", "history.unknown_person"),
        (
            "/admin/audit?action=sample.exploded",
            "history.unknown_action",
        ),
    ];
    for (path, message) in cases {
        let page = auditor.get(path);
        assert_eq!(page.status, 200, "{path}");
        assert!(page.body.contains(&shown(Lang::En, message)), "{path}");
        assert!(seqs(&page.body).is_empty(), "{path} listed events");
    }
    // A well-formed id of no record: simply nothing.
    let page = auditor.get("/admin/audit?entity=sample&id=0192f1c2-7a3e-7c41-9d2b-5e8f0a1b2c3d");
    assert_eq!(page.status, 200);
    assert!(page.body.contains(&shown(Lang::En, "audit.none")));
    // A group of actions still filters (`test.` → every test event).
    let page = auditor.get("/admin/audit?action=sample.");
    assert_eq!(page.status, 200);
    assert!(!seqs(&page.body).is_empty());
}

#[test]
fn only_readers_of_the_log_get_its_links_and_exporters_no_staff_history() {
    let app = seeded();
    let sample = first_id(&app, "samples");
    for key in ["analyst_kz", "registrar_cn", "exporter", "inspector"] {
        assert_eq!(app.signed_in(key).get("/admin/audit").status, 403, "{key}");
    }
    let analyst = app
        .signed_in("analyst_kz")
        .get(&format!("/samples/{sample}"));
    assert_eq!(analyst.status, 200);
    let history = section(
        &analyst.body,
        "<ol class=\"timeline history\">",
        "</section>",
    );
    assert!(
        !history.contains("/admin/"),
        "an analyst is offered the audit log"
    );
    let auditor = app
        .signed_in("auditor_kz")
        .get(&format!("/samples/{sample}"));
    assert!(
        auditor
            .body
            .contains(&format!("/admin/audit?entity=sample&#38;id={sample}"))
    );
}

#[test]
fn the_audit_log_downloads_as_csv_in_words_with_its_filters() {
    let app = seeded();
    let auditor = app.signed_in("auditor_kz");
    // The demo sample with the longest history.
    let ids: Vec<Option<String>> = audit_events::table
        .filter(audit_events::entity_type.eq("sample"))
        .select(audit_events::entity_id)
        .load(&mut *app.conn())
        .unwrap();
    let mut counts = std::collections::BTreeMap::new();
    for id in ids.into_iter().flatten() {
        *counts.entry(id).or_insert(0i64) += 1;
    }
    let (sample, of_sample) = counts.into_iter().max_by_key(|(_, n)| *n).unwrap();
    assert!(of_sample > 2, "{of_sample}");
    // The page offers the download with the same filters.
    let page = auditor.get(&format!("/admin/audit?entity=sample&id={sample}&lang=kk"));
    let href = format!("/admin/audit.csv?action=&#38;entity=sample&#38;id={sample}");
    assert!(page.body.contains(&href), "{}", page.body);

    let (status, kind, bytes) = auditor.get_bytes(&format!(
        "/admin/audit.csv?entity=sample&id={sample}&lang=kk"
    ));
    assert_eq!((status, kind.as_str()), (200, "text/csv; charset=utf-8"));
    let rows = crate::lists::parse_csv(&bytes);
    assert_eq!(
        rows.len() as i64,
        of_sample + 1,
        "a header and one row an event"
    );
    assert_eq!(rows[0][0], shown(Lang::Kk, "audit.at"));
    assert_eq!(rows[0][4], shown(Lang::Kk, "audit.change"));
    let text: String = rows[1..]
        .iter()
        .flatten()
        .map(|c| format!("{c} "))
        .collect();
    assert!(
        codes(&text).is_empty(),
        "codes in the CSV: {:?}",
        codes(&text)
    );
    assert!(!text.contains("system:") && !text.contains('{'), "{text}");
    assert!(
        rows[1..].iter().all(|r| r[4].contains(": ")),
        "each change as field: value: {rows:?}"
    );
    // Every row names the sample's record.
    let code: String = samples::table
        .select(samples::code)
        .filter(
            samples::id.eq(sample
                .parse::<jointlab::models::sample::SampleId>()
                .unwrap()),
        )
        .first(&mut *app.conn())
        .unwrap();
    assert!(rows[1..].iter().all(|r| r[3].contains(&code)), "{rows:?}");
    // A refused filter selects nothing; other roles are refused like the page.
    let (_, _, bytes) = auditor.get_bytes("/admin/audit.csv?entity=no_such_kind");
    assert_eq!(crate::lists::parse_csv(&bytes).len(), 1);
    assert_eq!(
        app.signed_in("analyst_kz").get("/admin/audit.csv").status,
        403
    );
}
