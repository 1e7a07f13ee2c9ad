//! The lists as their readers meet them: every home tile opens a list of exactly the rows it
//! counts, column headers sort (both ways, paging by a stable order), every intake list
//! downloads as CSV (the filtered rows, in the reader's scope and language), and the exporter
//! filter is a search field.

use jointlab::i18n::Lang;

use crate::helpers::{Client, TestApp, drawn_at, en, spawn_app};

const DEMO_PASSWORD: &str = "lists-demo-password-1";
const GRAIN: &str = "exporter@zhetysu-grain.kz";
const MEAT: &str = "exporter@altyndala.kz";

fn demo_app() -> TestApp {
    let app = spawn_app();
    app.cli(&["seed-demo", "--password", DEMO_PASSWORD])
        .expect("seed-demo runs");
    app
}

fn demo_client(app: &TestApp, email: &str) -> Client {
    let client = app.client();
    let res = client.login(email, DEMO_PASSWORD);
    assert_eq!(res.status, 303, "login of {email}: {}", res.body);
    client
}

/// An href as written into a page, decoded.
fn unescape(href: &str) -> String {
    href.replace("&#38;", "&").replace("&amp;", "&")
}

/// The rows of the tables of a page (every `<tr>` inside a `<tbody>`).
fn tbody_rows(body: &str) -> usize {
    body.split("<tbody>")
        .skip(1)
        .map(|part| {
            part.split("</tbody>")
                .next()
                .unwrap_or("")
                .matches("<tr")
                .count()
        })
        .sum()
}

/// The part of `body` from the element with id `id` to the end of its section.
fn section<'a>(body: &'a str, id: &str) -> &'a str {
    let start = body
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no #{id} on the page"));
    let rest = &body[start..];
    &rest[..rest.find("</section>").unwrap_or(rest.len())]
}

/// The home page's tiles that are links: (number shown, href).
pub fn tiles(home: &str) -> Vec<(i64, String)> {
    home.split("<a class=\"tile")
        .skip(1)
        .map(|tile| {
            let href = tile
                .split("href=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap();
            let n = tile
                .split("<span class=\"n\">")
                .nth(1)
                .unwrap()
                .split('<')
                .next()
                .unwrap();
            (n.trim().parse().unwrap(), unescape(href))
        })
        .collect()
}

/// The number of rows the page at `href` lists, read the way each page lists them.
fn rows_behind(client: &Client, href: &str) -> usize {
    let (path, anchor) = href.split_once('#').unwrap_or((href, ""));
    let page = client.get(path);
    assert_eq!(page.status, 200, "{href}: {}", page.status);
    match (path.split('?').next().unwrap(), anchor) {
        ("/bench", _) => {
            let pending = page.body.split("</section>").next().unwrap();
            pending.matches("<tr><td><a href=\"/samples/").count()
        }
        ("/review", _) => page.body.matches("name=\"v_").count(),
        (_, "") => tbody_rows(&page.body),
        (_, anchor) => section(&page.body, anchor).matches("<li").count(),
    }
}

/// Every tile of `client`'s home opens a page listing exactly its number of rows; returns
/// the tiles.
fn check_tiles(who: &str, client: &Client) -> Vec<(i64, String)> {
    let home = client.get("/");
    assert_eq!(home.status, 200);
    let tiles = tiles(&home.body);
    for (n, href) in &tiles {
        assert_eq!(
            rows_behind(client, href) as i64,
            *n,
            "{who}: the tile {href} shows {n}"
        );
    }
    tiles
}

#[test]
fn every_tile_of_every_role_opens_a_list_of_exactly_the_rows_it_counts() {
    let app = demo_app();
    let mut nonzero = 0;
    for key in [
        "registrar_kz",
        "registrar_cn",
        "analyst_kz",
        "analyst_cn",
        "reviewer_kz",
        "reviewer_cn",
        "certifier_kz",
        "certifier_cn",
        "auditor_kz",
        "auditor_cn",
        "inspector",
    ] {
        let tiles = check_tiles(key, &app.signed_in(key));
        assert!(!tiles.is_empty(), "{key} has no tile");
        nonzero += tiles.iter().filter(|(n, _)| *n > 0).count();
    }
    for email in [GRAIN, MEAT] {
        let tiles = check_tiles(email, &demo_client(&app, email));
        assert_eq!(tiles.len(), 2, "{email}: {tiles:?}");
        nonzero += tiles.iter().filter(|(n, _)| *n > 0).count();
    }
    // The registrar's home: applications waiting, portions to receive on their side,
    // discrepancies, each a filtered list.
    let registrar = app.signed_in("registrar_kz");
    let tiles = tiles(&registrar.get("/").body);
    let of = |prefix: &str| {
        tiles
            .iter()
            .find(|(_, href)| href.starts_with(prefix))
            .unwrap_or_else(|| panic!("no tile {prefix}: {tiles:?}"))
            .0
    };
    assert!(of("/applications?status=submitted") > 0);
    assert!(of("/samples?receive=kz") > 0);
    assert!(of("/samples?discrepancy=open") > 0);
    // The narrowed list says so, with the way back to every sample.
    let narrowed = registrar.get("/samples?receive=kz").body;
    assert!(narrowed.contains(&en("lists.only_to_receive")));
    assert!(narrowed.contains("name=\"receive\" value=\"kz\""));
    let narrowed = registrar.get("/samples?discrepancy=open").body;
    assert!(narrowed.contains(&en("lists.only_discrepancies")));
    assert!(nonzero >= 10, "the demo data leaves too many tiles at 0");
    // The administrator's accounts table: each number opens the active accounts it counts.
    let admin = app.signed_in("admin");
    let home = admin.get("/").body;
    let links: Vec<(i64, String)> = home
        .split("<a href=\"/admin/users?")
        .skip(1)
        .map(|part| {
            let (query, rest) = part.split_once("\">").unwrap();
            let n = rest.split('<').next().unwrap().trim().parse().unwrap();
            (n, unescape(&format!("/admin/users?{query}")))
        })
        .collect();
    assert!(links.len() >= 5, "{links:?}");
    for (n, href) in links {
        assert_eq!(tbody_rows(&admin.get(&href).body) as i64, n, "{href}");
    }
}

/// The codes of the rows of an intake list page, in order.
fn codes(body: &str) -> Vec<String> {
    body.split("<tbody>")
        .nth(1)
        .unwrap_or("")
        .split("<tr>")
        .skip(1)
        .map(|row| {
            row.split("<code>")
                .nth(1)
                .unwrap()
                .split('<')
                .next()
                .unwrap()
                .to_owned()
        })
        .collect()
}

/// Parses a CSV answer: checks the BOM and returns its rows of cells.
pub fn parse_csv(bytes: &[u8]) -> Vec<Vec<String>> {
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "no byte-order mark");
    let text = std::str::from_utf8(&bytes[3..]).expect("UTF-8");
    let (mut rows, mut row, mut cell) = (Vec::new(), Vec::new(), String::new());
    let (mut quoted, mut chars) = (false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    rows
}

fn csv_of(client: &Client, path: &str) -> Vec<Vec<String>> {
    let (status, kind, bytes) = client.get_bytes(path);
    assert_eq!(status, 200, "{path}");
    assert_eq!(kind, "text/csv; charset=utf-8", "{path}");
    parse_csv(&bytes)
}

/// Registers `seals.len()` samples on the first consignment with one signed-in registrar.
fn register_samples(app: &TestApp, seals: &[&str]) {
    use diesel::prelude::*;
    let consignment = jointlab::db::schema::consignments::table
        .select(jointlab::db::schema::consignments::id)
        .first::<jointlab::models::consignment::ConsignmentId>(&mut *app.conn())
        .unwrap()
        .to_string();
    let registrar = app.signed_in("registrar_kz");
    let form = registrar.get(&format!("/consignments/{consignment}/samples/new"));
    let csrf = form.csrf_token();
    for seal in seals {
        let res = registrar.post_raw(
            &format!("/consignments/{consignment}/samples"),
            &[
                ("csrf_token", csrf.as_str()),
                ("seal_number", seal),
                ("mass", "2"),
                ("mass_unit", "kg"),
                ("storage", "ambient"),
                ("drawn_at", drawn_at()),
                ("drawn_by", "Test"),
            ],
        );
        assert_eq!(res.status, 303, "sample {seal}: {}", res.body);
    }
}

#[test]
fn column_headers_sort_both_ways_and_pages_follow_the_sort_without_overlap() {
    let app = demo_app();
    // 56 more samples, seals repeating, so that a page ends inside a run of equal seals.
    let seals: Vec<String> = (0..56).map(|i| format!("S-{}", i % 4)).collect();
    register_samples(&app, &seals.iter().map(String::as_str).collect::<Vec<_>>());
    let registrar = app.signed_in("registrar_kz");
    let list = registrar.get("/samples");
    assert!(
        list.body.contains("aria-sort=\"descending\""),
        "the default order (newest first) is marked on its header"
    );
    let total = csv_of(&registrar, "/samples.csv").len() - 1;
    assert!(total > 56);
    for (key, column) in [("code", 0), ("seal", 1), ("created", 5)] {
        for dir in ["asc", "desc"] {
            let first = registrar.get(&format!("/samples?sort={key}&dir={dir}"));
            assert_eq!(first.status, 200);
            let marked = if dir == "asc" {
                "ascending"
            } else {
                "descending"
            };
            assert!(
                first
                    .body
                    .contains(&format!("aria-sort=\"{marked}\"><a href=\"/samples?")),
                "{key} {dir}: the header is not marked"
            );
            // The CSV holds the whole selection in the list's order.
            let rows = csv_of(&registrar, &format!("/samples.csv?sort={key}&dir={dir}"));
            let values: Vec<&str> = rows[1..].iter().map(|r| r[column].as_str()).collect();
            let mut sorted = values.clone();
            sorted.sort();
            if dir == "desc" {
                sorted.reverse();
            }
            assert_eq!(values, sorted, "{key} {dir}");
            // Page after page, by the next links: every sample once, in the CSV's order.
            let mut seen = Vec::new();
            let mut page = first;
            loop {
                seen.extend(codes(&page.body));
                let Some(next) = page
                    .body
                    .split("class=\"pager\"><a class=\"button\" href=\"")
                    .nth(1)
                else {
                    break;
                };
                let next = unescape(next.split('"').next().unwrap());
                assert!(next.contains(&format!("sort={key}")), "{next}");
                page = registrar.get(&next);
            }
            let csv_codes: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
            assert_eq!(
                seen, csv_codes,
                "{key} {dir}: the pages differ from the CSV"
            );
        }
    }
    // Status: sorted by the status code, each status in one run.
    for dir in ["asc", "desc"] {
        let rows = csv_of(&registrar, &format!("/samples.csv?sort=status&dir={dir}"));
        let code_of = |label: &str| {
            jointlab::models::sample::SampleStatus::ALL
                .iter()
                .map(|s| s.as_str())
                .find(|s| jointlab::i18n::t(Lang::En, &format!("samples.status.{s}")) == label)
                .unwrap_or_else(|| panic!("a status in words: {label}"))
        };
        let statuses: Vec<&str> = rows[1..].iter().map(|r| code_of(&r[6])).collect();
        let mut sorted = statuses.clone();
        sorted.sort();
        if dir == "desc" {
            sorted.reverse();
        }
        assert_eq!(statuses, sorted, "status {dir}");
    }
    // Consignments and applications sort by code too.
    for list in ["/consignments", "/applications"] {
        let asc = codes(&registrar.get(&format!("{list}?sort=code&dir=asc")).body);
        let desc = codes(&registrar.get(&format!("{list}?sort=code&dir=desc")).body);
        assert!(asc.len() > 1, "{list}");
        let mut sorted = asc.clone();
        sorted.sort();
        assert_eq!(asc, sorted, "{list}");
        sorted.reverse();
        assert_eq!(desc, sorted, "{list}");
    }
    // An unknown key or direction is ignored: the default order, not an error.
    let default = codes(&registrar.get("/samples").body);
    for odd in [
        "/samples?sort=password_hash&dir=up",
        "/samples?sort=code%3B%20DROP%20TABLE%20samples&dir=asc",
        "/samples?sort=&dir=sideways",
    ] {
        let page = registrar.get(odd);
        assert_eq!(page.status, 200, "{odd}");
        assert_eq!(codes(&page.body), default, "{odd}");
    }
    let csv = registrar.get("/samples.csv?sort=nonsense");
    assert_eq!(csv.status, 200);
}

#[test]
fn each_intake_list_downloads_as_csv_in_the_readers_language_with_the_filtered_rows() {
    let app = demo_app();
    register_samples(
        &app,
        &[
            "=HYPERLINK(\"http://x\")",
            "+1",
            "-2",
            "@SUM(A1)",
            "\"Ақмола\" 小麦",
        ],
    );
    let registrar = app.signed_in("registrar_kz");
    use jointlab::models::application::ApplicationStatus;
    use jointlab::models::consignment::ConsignmentStatus;
    use jointlab::models::sample::SampleStatus;
    let names = |all: &[&'static str]| all.to_vec();
    for (list, status_prefix, all) in [
        (
            "/samples",
            "samples.status.",
            names(
                &SampleStatus::ALL
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>(),
            ),
        ),
        (
            "/consignments",
            "consignments.status.",
            names(
                &ConsignmentStatus::ALL
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>(),
            ),
        ),
        (
            "/applications",
            "applications.status.",
            names(
                &ApplicationStatus::ALL
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>(),
            ),
        ),
    ] {
        let page = registrar.get(list);
        let link = format!("href=\"{list}.csv?");
        assert!(page.body.contains(&link), "{list}: no CSV link");
        let (status, _, _) = registrar.get_bytes(&format!("{list}.csv"));
        assert_eq!(status, 200);
        let res = registrar.get(&format!("{list}.csv"));
        let disposition = res.header("content-disposition").unwrap_or_default();
        assert!(
            disposition.starts_with("attachment; filename=\"") && disposition.ends_with(".csv\""),
            "{disposition}"
        );
        // Every row the list shows (fewer than a page here), and the header row first.
        let rows = csv_of(&registrar, &format!("{list}.csv"));
        assert_eq!(rows.len() - 1, tbody_rows(&page.body), "{list}");
        assert_eq!(rows[0][0], jointlab::i18n::t(Lang::En, "intake.code"));
        assert!(
            rows.iter().all(|r| r.len() == rows[0].len()),
            "{list}: ragged rows"
        );
        // Filtered by each status: only those rows, the status in words.
        let mut total = 0;
        for status in all {
            let filtered = csv_of(&registrar, &format!("{list}.csv?status={status}"));
            let shown = tbody_rows(&registrar.get(&format!("{list}?status={status}")).body);
            assert_eq!(filtered.len() - 1, shown, "{list}?status={status}");
            let word = jointlab::i18n::t(Lang::En, &format!("{status_prefix}{status}"));
            assert!(
                filtered[1..].iter().all(|r| r.last().unwrap() == word),
                "{list}"
            );
            total += shown;
        }
        assert_eq!(total, rows.len() - 1, "{list}: the statuses add up");
    }
    // Formulas are neutralised, other text kept whole.
    let rows = csv_of(&registrar, "/samples.csv?sort=created&dir=desc");
    let seals: Vec<&str> = rows[1..6].iter().map(|r| r[1].as_str()).collect();
    for expected in [
        "'=HYPERLINK(\"http://x\")",
        "'+1",
        "'-2",
        "'@SUM(A1)",
        "\"Ақмола\" 小麦",
    ] {
        assert!(seals.contains(&expected), "{expected} not in {seals:?}");
    }
    // In Kazakh and Chinese: the headers and statuses in the reader's language.
    for lang in [Lang::Kk, Lang::Zh] {
        registrar.get(&format!("/?lang={lang}"));
        let rows = csv_of(&registrar, "/samples.csv");
        assert_eq!(rows[0][0], jointlab::i18n::t(lang, "intake.code"));
        assert_eq!(rows[0][6], jointlab::i18n::t(lang, "intake.status"));
        assert!(rows.len() > 1);
        let words: Vec<&str> = jointlab::models::sample::SampleStatus::ALL
            .iter()
            .map(|s| jointlab::i18n::t(lang, &format!("samples.status.{s}")))
            .collect();
        assert!(
            rows[1..].iter().all(|r| words.contains(&r[6].as_str())),
            "{lang}"
        );
    }
}

#[test]
fn an_exporters_csv_holds_only_their_companys_rows_and_other_roles_are_refused() {
    let app = demo_app();
    let grain = demo_client(&app, GRAIN);
    let meat = demo_client(&app, MEAT);
    let registrar = app.signed_in("registrar_kz");
    let meat_id = {
        use diesel::prelude::*;
        jointlab::db::schema::exporters::table
            .filter(jointlab::db::schema::exporters::name.like("Other Meat%"))
            .select(jointlab::db::schema::exporters::id)
            .first::<jointlab::models::ExporterId>(&mut *app.conn())
            .unwrap()
    };
    for list in ["/samples", "/consignments", "/applications"] {
        let all = csv_of(&registrar, &format!("{list}.csv"));
        let exporter_column = all[0]
            .iter()
            .position(|h| h == jointlab::i18n::t(Lang::En, "intake.exporter"))
            .unwrap();
        let of = |rows: &[Vec<String>], name: &str| {
            rows[1..]
                .iter()
                .filter(|r| r[exporter_column].starts_with(name))
                .count()
        };
        assert!(
            of(&all, "Test Grain") > 0 && of(&all, "Other Meat") > 0,
            "{list}"
        );
        for (client, own, other) in [
            (&grain, "Test Grain", "Other Meat"),
            (&meat, "Other Meat", "Test Grain"),
        ] {
            let rows = csv_of(client, &format!("{list}.csv"));
            assert_eq!(of(&rows, own), rows.len() - 1, "{list}: {own} sees others");
            assert_eq!(of(&rows, other), 0, "{list}");
            assert_eq!(of(&rows, own), of(&all, own), "{list}: {own}'s rows");
            assert_eq!(rows.len() - 1, tbody_rows(&client.get(list).body), "{list}");
        }
        // Naming the other company in the filter finds nothing.
        let rows = csv_of(&grain, &format!("{list}.csv?exporter={meat_id}"));
        assert_eq!(rows.len(), 1, "{list}");
        // Roles that may not open the list may not download it either.
        for key in ["inspector", "admin"] {
            let client = app.signed_in(key);
            let page = client.get(list).status;
            let csv = client.get(&format!("{list}.csv")).status;
            assert_eq!(csv, page, "{key} {list}");
            assert!(matches!(csv, 403 | 303), "{key} {list}: {csv}");
        }
        let anonymous = app.client().get(&format!("{list}.csv"));
        assert_eq!(anonymous.status, 303, "{list}");
    }
}

#[test]
fn the_exporter_filter_is_a_search_field_matching_name_or_bin() {
    let app = demo_app();
    let registrar = app.signed_in("registrar_kz");
    let bin = {
        use diesel::prelude::*;
        jointlab::db::schema::exporters::table
            .filter(jointlab::db::schema::exporters::name.like("Test Grain%"))
            .select(jointlab::db::schema::exporters::bin)
            .first::<String>(&mut *app.conn())
            .unwrap()
    };
    let all = tbody_rows(&registrar.get("/consignments").body);
    for needle in ["grain", bin.as_str()] {
        let page = registrar.get(&format!("/consignments?exporter={needle}"));
        assert_eq!(page.status, 200);
        assert!(
            page.body.contains(&format!(
                "id=\"exporter\" name=\"exporter\" type=\"search\" value=\"{needle}\""
            )),
            "the field keeps its value"
        );
        assert!(!page.body.contains("<select id=\"exporter\""));
        let shown = tbody_rows(&page.body);
        assert!(shown > 0 && shown < all, "{needle}: {shown} of {all}");
        assert!(!page.body.contains("Other Meat"), "{needle}");
        let rows = csv_of(&registrar, &format!("/consignments.csv?exporter={needle}"));
        assert_eq!(rows.len() - 1, shown);
        // The sort links keep the filter.
        assert!(page.body.contains("sort=code&#38;dir=asc"));
        assert!(page.body.contains(&format!("exporter={needle}&#38;")));
    }
    let none = registrar.get("/consignments?exporter=%25%25no-such%25");
    assert_eq!(none.status, 200);
    assert_eq!(tbody_rows(&none.body), 0);
    assert!(en("intake.none").len() > 1 && none.body.contains(&en("intake.none")));
}

#[test]
fn companies_accounts_and_certificates_sort_and_download_in_scope() {
    let app = demo_app();
    let registrar = app.signed_in("registrar_kz");
    // Companies: by BIN both ways, by name; the CSV holds what the list shows.
    for (sort, column) in [("bin", 1), ("name", 0)] {
        for dir in ["asc", "desc"] {
            let rows = csv_of(&registrar, &format!("/exporters.csv?sort={sort}&dir={dir}"));
            let values: Vec<&str> = rows[1..].iter().map(|r| r[column].as_str()).collect();
            let mut sorted = values.clone();
            sorted.sort();
            if dir == "desc" {
                sorted.reverse();
            }
            assert!(values.len() >= 2);
            assert_eq!(values, sorted, "exporters {sort} {dir}");
            let page = registrar.get(&format!("/exporters?sort={sort}&dir={dir}"));
            assert_eq!(tbody_rows(&page.body), values.len());
            let marked = if dir == "asc" {
                "ascending"
            } else {
                "descending"
            };
            assert!(page.body.contains(&format!("aria-sort=\"{marked}\"")));
        }
    }
    assert_eq!(registrar.get("/admin/users.csv").status, 403);
    // Accounts: by e-mail both ways, filtered by role, the role in words.
    let admin = app.signed_in("admin");
    for dir in ["asc", "desc"] {
        let rows = csv_of(
            &admin,
            &format!("/admin/users.csv?dir={dir}&role=registrar"),
        );
        let emails: Vec<&str> = rows[1..].iter().map(|r| r[1].as_str()).collect();
        let mut sorted = emails.clone();
        sorted.sort();
        if dir == "desc" {
            sorted.reverse();
        }
        assert!(emails.len() >= 4, "{emails:?}");
        assert_eq!(emails, sorted);
        assert!(
            rows[1..]
                .iter()
                .all(|r| r[2] == jointlab::i18n::t(Lang::En, "role.registrar"))
        );
        let page = admin.get(&format!("/admin/users?dir={dir}&role=registrar"));
        assert_eq!(tbody_rows(&page.body), emails.len());
    }
    // Certificates: an exporter's download holds their documents only, as their list does.
    let grain = demo_client(&app, GRAIN);
    let meat = demo_client(&app, MEAT);
    let mut seen = 0;
    for (client, other) in [(&grain, &meat), (&meat, &grain)] {
        let rows = csv_of(client, "/certificates.csv");
        let page = client.get("/certificates");
        assert_eq!(rows.len() - 1, tbody_rows(&page.body));
        let own: Vec<String> = csv_of(client, "/consignments.csv")[1..]
            .iter()
            .map(|r| r[0].clone())
            .collect();
        let others: Vec<String> = csv_of(other, "/consignments.csv")[1..]
            .iter()
            .map(|r| r[0].clone())
            .collect();
        for row in &rows[1..] {
            assert!(
                own.contains(&row[2]) && !others.contains(&row[2]),
                "{row:?}"
            );
        }
        seen += rows.len() - 1;
    }
    assert!(seen > 0, "the demo issues certificates");
    let auditor = app.signed_in("auditor_kz");
    let all = csv_of(&auditor, "/certificates.csv");
    assert!(all.len() > seen);
    let inspector = app.signed_in("inspector");
    assert_eq!(
        inspector.get("/certificates.csv").status,
        inspector.get("/certificates").status
    );
}

#[test]
fn every_row_of_a_list_and_its_download_names_its_company() {
    use diesel::prelude::*;
    use jointlab::db::schema::exporters;
    let app = demo_app();
    let registrar = app.signed_in("registrar_kz");
    let bins: Vec<String> = exporters::table
        .select(exporters::bin)
        .load(&mut *app.conn())
        .unwrap();
    let named = |text: &str| bins.iter().any(|bin| text.contains(&format!("({bin})")));
    for path in ["/samples", "/consignments", "/applications"] {
        let page = registrar.get(path).body;
        let tbody = page.split("<tbody>").nth(1).unwrap();
        let rows: Vec<&str> = tbody
            .split("</tbody>")
            .next()
            .unwrap()
            .split("<tr")
            .skip(1)
            .collect();
        assert!(rows.len() > 1, "{path}");
        for row in rows {
            assert!(named(row), "{path}: a row without its company: {row}");
        }
        let csv = csv_of(&registrar, &format!("{path}.csv"));
        assert!(csv.len() > 2, "{path}.csv");
        for row in &csv[1..] {
            assert!(named(&row.join(",")), "{path}.csv: {row:?}");
        }
    }
}
