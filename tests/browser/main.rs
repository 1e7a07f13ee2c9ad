//! Browser tests in headless Chromium. They need `chromium` and `chromium-driver` (Debian),
//! so they are ignored by a plain `cargo test`; `.ci/run` runs them with
//! `cargo test --test browser -- --ignored`, where a missing browser fails the run.

mod a11y;
#[allow(dead_code)]
#[path = "../api/helpers.rs"]
mod helpers;
mod offline;
mod phone;
mod phone_lab;
mod webdriver;
mod worksheet;

use helpers::{PASSWORD, spawn_app};
use jointlab::i18n::{Lang, t, tf};
use webdriver::Browser;

fn screenshots() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots")
}

#[test]
#[ignore = "needs chromium and chromedriver: cargo test --test browser -- --ignored"]
fn sign_in_switch_to_chinese_and_sign_out() {
    let app = spawn_app();
    let profile = std::env::temp_dir().join(format!("jl-chromium-{}", uuid::Uuid::now_v7()));
    let browser = Browser::start(&profile);

    browser.goto(&format!("{}/", app.address));
    assert!(browser.url().contains("/login?next=/"), "{}", browser.url());
    browser.type_into("#email", &app.user("reviewer_kz").email);
    browser.type_into("#password", PASSWORD);
    browser.click("button[type=submit].primary");
    browser.wait_for_url("the home page", |u| {
        u.ends_with('/') && !u.contains("/login")
    });
    assert!(browser.source().contains(t(Lang::En, "nav.home")));

    browser.click("a[hreflang=zh-Hans]");
    browser.wait_for_url("the Chinese page", |u| u.contains("lang=zh"));
    let page = browser.wait_for_text("lang=\"zh-Hans\"");
    assert!(page.contains("lang=\"zh-Hans\""), "not Chinese: {page}");
    assert_eq!(
        browser.text("h1"),
        tf(
            Lang::Zh,
            "home.greeting",
            &[("name", &app.user("reviewer_kz").display_name)]
        )
    );
    assert!(page.contains(t(Lang::Zh, "role.reviewer")) && page.contains(t(Lang::Zh, "side.kz")));
    browser.screenshot(&screenshots().join("home-zh.png"));

    browser.click("form[action='/logout'] button");
    browser.wait_for_url("the login page", |u| u.contains("/login?signed_out=1"));
    let login = browser.wait_for_text(t(Lang::Zh, "login.signed_out"));
    assert!(
        login.contains(t(Lang::Zh, "login.signed_out")),
        "sign-out notice not in Chinese: {login}"
    );
    browser.goto(&format!("{}/", app.address));
    assert!(
        browser.url().contains("/login"),
        "still signed in after logout"
    );
    browser.screenshot(&screenshots().join("login-zh.png"));
    drop(browser);
    let _ = std::fs::remove_dir_all(profile);
}

#[test]
#[ignore = "needs chromium and chromedriver: cargo test --test browser -- --ignored"]
fn application_to_acceptance_to_samples_to_label_sheet() {
    use diesel::prelude::*;
    use jointlab::db::schema::{commodities, limit_sets};

    let app = spawn_app();
    {
        let mut conn = app.conn();
        jointlab::db::write_tx(&mut conn, |conn| {
            jointlab::demo::catalog::seed_catalog(conn, &jointlab::models::Actor::system("test"))
        })
        .unwrap();
    }
    let wheat: jointlab::models::CommodityId = commodities::table
        .filter(commodities::hs_code.eq("100199"))
        .select(commodities::id)
        .first(&mut *app.conn())
        .unwrap();
    let china: jointlab::models::LimitSetId = limit_sets::table
        .filter(limit_sets::code.eq("CN"))
        .select(limit_sets::id)
        .first(&mut *app.conn())
        .unwrap();
    let post = app.user("inspector").border_post_id.unwrap();
    let profile = std::env::temp_dir().join(format!("jl-chromium-{}", uuid::Uuid::now_v7()));
    let browser = Browser::start(&profile);
    let sign_in = |key: &str| {
        browser.goto(&format!("{}/login", app.address));
        browser.type_into("#email", &app.user(key).email);
        browser.type_into("#password", PASSWORD);
        browser.click("button[type=submit].primary");
        browser.wait_for_url("the home page", |u| !u.contains("/login"));
    };

    // The exporter applies.
    sign_in("exporter");
    browser.goto(&format!("{}/applications/new", app.address));
    browser.select("#commodity", &wheat.to_string());
    browser.type_into("#quantity", "1380");
    browser.select("#unit", "t");
    browser.type_into("#lots", "Wagons 61234567-61234586");
    browser.type_into("#origin_region", "Almaty region");
    browser.type_into("#origin_district", "Panfilov district");
    browser.type_into("#producer", "Test Grain LLP");
    browser.type_into("#consignee", "Xinjiang Grain Co., Urumqi");
    browser.select("#border_post", &post.to_string());
    browser.select("#transport", "rail");
    browser.execute(&format!(
        "document.getElementById('planned_date').value = '{}';",
        helpers::planned_date()
    ));
    browser.select("#destination", &china.to_string());
    browser.click("main form button.primary");
    let application = browser.wait_for_url("the application", |u| {
        u.contains("/applications/") && !u.ends_with("/new")
    });
    browser.wait_for_text("APP-");
    browser.click("form[action='/logout'] button");
    browser.wait_for_url("the login page", |u| u.contains("/login"));

    // A registrar accepts it and registers a sample.
    sign_in("registrar_kz");
    browser.goto(&application);
    browser.click("form[action$='/accept'] button");
    browser.wait_for_url("the consignment", |u| u.contains("/consignments/"));
    browser.wait_for_text("KC-");
    browser.click("a[href$='/samples/new']");
    browser.wait_for_url("the sample form", |u| u.ends_with("/samples/new"));
    browser.type_into("#seal_number", "KZ 0042117");
    browser.type_into("#mass", "2.5");
    browser.select("#mass_unit", "kg");
    browser.click("main form button.primary");
    browser.wait_for_url("the sample", |u| {
        u.contains("/samples/") && !u.contains("/new")
    });
    browser.wait_for_text("JL-");
    browser.screenshot(&screenshots().join("sample.png"));

    // The label sheet: one QR label per portion.
    browser.click("a[href$='/labels']");
    browser.wait_for_url("the label sheet", |u| u.ends_with("/labels"));
    let sheet = browser.wait_for_text("class=\"labels\"");
    assert_eq!(sheet.matches("<svg ").count(), 3, "{sheet}");
    assert!(sheet.contains("KZ 0042117"));
    browser.screenshot(&screenshots().join("labels.png"));
    drop(browser);
    let _ = std::fs::remove_dir_all(profile);
}

/// The `<tr>…</tr>` of `source` that contains `needle`.
fn row_with<'a>(source: &'a str, needle: &str) -> &'a str {
    let at = source
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not on the page: {source}"));
    let start = source[..at].rfind("<tr").unwrap();
    let end = at + source[at..].find("</tr>").unwrap();
    &source[start..end]
}

#[test]
#[ignore = "needs chromium and chromedriver: cargo test --test browser -- --ignored"]
fn batch_entry_and_batch_verification() {
    use diesel::prelude::*;
    use jointlab::db::schema::{samples, tests};
    use jointlab::models::lab_test::LabTestId;
    use jointlab::models::sample::SampleId;

    let app = spawn_app();
    let (sample_ids, afb1) = helpers::received_samples(&app, 3);
    // The Kazakh AFB1 test of each sample, with the value the analyst will type.
    let values = ["1.2", "5", "7.5"];
    let rows: Vec<(LabTestId, String, &str)> = sample_ids
        .iter()
        .zip(values)
        .map(|(sample, value)| {
            let sample: SampleId = sample.parse().unwrap();
            let method: jointlab::models::TestMethodId = afb1.parse().unwrap();
            let test: LabTestId = tests::table
                .filter(tests::sample_id.eq(sample))
                .filter(tests::side.eq("kz"))
                .filter(tests::test_method_id.eq(method))
                .select(tests::id)
                .first(&mut *app.conn())
                .unwrap();
            let code: String = samples::table
                .find(sample)
                .select(samples::code)
                .first(&mut *app.conn())
                .unwrap();
            (test, code, value)
        })
        .collect();
    let stored = |id: LabTestId| -> (String, Option<String>, Option<String>) {
        tests::table
            .find(id)
            .select((tests::status, tests::value, tests::conformity))
            .first(&mut *app.conn())
            .unwrap()
    };

    let profile = std::env::temp_dir().join(format!("jl-chromium-{}", uuid::Uuid::now_v7()));
    let browser = Browser::start(&profile);
    let sign_in = |key: &str| {
        browser.goto(&format!("{}/login", app.address));
        browser.type_into("#email", &app.user(key).email);
        browser.type_into("#password", PASSWORD);
        browser.click("button[type=submit].primary");
        browser.wait_for_url("the home page", |u| !u.contains("/login"));
    };
    let sign_out = || {
        browser.click("form[action='/logout'] button");
        browser.wait_for_url("the login page", |u| u.contains("/login"));
    };

    // The Kazakh analyst enters the three aflatoxin results on one page.
    sign_in("analyst_kz");
    browser.goto(&format!("{}/bench", app.address));
    let bench = browser.wait_for_text(t(Lang::En, "bench.enter_results"));
    assert!(bench.contains("<code>AFB1</code>"), "{bench}");
    browser.click(&format!("a.button[href='/bench/{afb1}']"));
    browser.wait_for_url("the batch page", |u| u.ends_with(&format!("/bench/{afb1}")));
    let batch = browser.wait_for_text(t(Lang::En, "bench.save_all"));
    for (id, code, _) in &rows {
        assert!(row_with(&batch, code).contains(&format!("id=\"r_{id}\"")));
    }
    for (id, _, value) in &rows {
        browser.type_into(&format!("#r_{id}"), value);
    }
    browser.screenshot(&screenshots().join("bench-batch.png"));
    browser.click("form.batch button[type=submit].primary");
    browser.wait_for_url("the bench", |u| u.contains("/bench?saved=1"));
    browser.wait_for_text(t(Lang::En, "bench.lead"));
    for (id, _, value) in &rows {
        let (status, stored_value, _) = stored(*id);
        assert_eq!(
            (status.as_str(), stored_value.as_deref()),
            ("entered", Some(*value))
        );
    }
    sign_out();

    // A Kazakh reviewer sees the three with the China limit and verifies them in one action.
    sign_in("reviewer_kz");
    browser.goto(&format!("{}/review", app.address));
    let review = browser.wait_for_text(t(Lang::En, "review.verify"));
    let conformity = |value: &str| {
        let (_, code, _) = rows.iter().find(|(_, _, v)| *v == value).unwrap();
        row_with(&review, &format!("<code>{code}</code>")).to_owned()
    };
    for value in values {
        let row = conformity(value);
        assert!(row.contains("≤ 5 µg/kg"), "{row}");
        assert!(row.contains(&app.user("analyst_kz").display_name), "{row}");
    }
    assert!(conformity("1.2").contains("conformity-conforms"));
    assert!(conformity("5").contains("conformity-conforms"));
    let over = conformity("7.5");
    assert!(
        over.contains("conformity-does_not_conform")
            && over.contains(t(Lang::En, "conformity.does_not_conform")),
        "{over}"
    );
    // One click on "select all" (the page's own script, allowed by its CSP) ticks every row.
    browser.click("[data-select-all]");
    let ticked = browser.execute(
        "return [...document.querySelectorAll('input[name=test]')].filter(c => c.checked).length;",
    );
    assert_eq!(ticked, serde_json::json!(3));
    browser.screenshot(&screenshots().join("review-batch.png"));
    browser.click("button[name=action][value=verify]");
    browser.wait_for_url("the review queue", |u| u.contains("/review?done=1"));
    let done = browser.wait_for_text(t(Lang::En, "review.empty"));
    assert!(done.contains(t(Lang::En, "review.done")), "{done}");
    for (_, code, _) in &rows {
        assert!(
            !done.contains(code.as_str()),
            "{code} still waits for review"
        );
    }
    let expected = |value: &str| match value {
        "7.5" => "does_not_conform",
        _ => "conforms",
    };
    for (id, _, value) in &rows {
        assert_eq!(
            stored(*id),
            (
                "verified".to_owned(),
                Some((*value).to_owned()),
                Some(expected(value).to_owned())
            )
        );
    }
    let verifier: Option<jointlab::models::UserId> = tests::table
        .find(rows[2].0)
        .select(tests::verified_by)
        .first(&mut *app.conn())
        .unwrap();
    assert_eq!(verifier, Some(app.user("reviewer_kz").id));

    // The sample page of the one over the limit shows it verified and not conforming.
    browser.goto(&format!("{}/samples/{}", app.address, sample_ids[2]));
    let sample = browser.wait_for_text("<code>AFB1</code>");
    let row = row_with(&sample, "7.5 µg/kg");
    assert!(
        row.contains(t(Lang::En, "tests.status.verified"))
            && row.contains(t(Lang::En, "conformity.does_not_conform")),
        "{row}"
    );
    drop(browser);
    let _ = std::fs::remove_dir_all(profile);
}

#[test]
#[ignore = "needs chromium and chromedriver: cargo test --test browser -- --ignored"]
fn disposal_asks_for_confirmation_and_the_other_side_is_not_offered_a_portion_it_does_not_hold() {
    let app = spawn_app();
    helpers::received_samples(&app, 0);
    let consignment: String = {
        use diesel::prelude::*;
        jointlab::db::schema::consignments::table
            .select(jointlab::db::schema::consignments::id)
            .first::<jointlab::models::consignment::ConsignmentId>(&mut *app.conn())
            .unwrap()
            .to_string()
    };
    // A sample whose Kazakh portion the Kazakh lab has received.
    let kz = app.signed_in("registrar_kz");
    let res = kz.post_from(
        &format!("/consignments/{consignment}/samples/new"),
        &format!("/consignments/{consignment}/samples"),
        &[
            ("seal_number", "KZ 0042199"),
            ("mass", "2"),
            ("mass_unit", "kg"),
            ("storage", "ambient"),
            ("drawn_at", helpers::drawn_at()),
            ("drawn_by", "Test"),
        ],
    );
    let sample = res.location().unwrap().to_owned();
    let version = helpers::field_value(&kz.get(&sample).body, "version").unwrap();
    let res = kz.post_from(
        &sample,
        &format!("{sample}/receipt"),
        &[
            ("version", &version),
            ("portion", "kz"),
            ("seal_intact", "yes"),
            ("decision", "accept"),
        ],
    );
    assert_eq!(res.status, 303);

    let profile = std::env::temp_dir().join(format!("jl-chromium-{}", uuid::Uuid::now_v7()));
    let browser = Browser::start(&profile);
    let sign_in = |key: &str| {
        browser.goto(&format!("{}/login", app.address));
        browser.type_into("#email", &app.user(key).email);
        browser.type_into("#password", PASSWORD);
        browser.click("button[type=submit].primary");
        browser.wait_for_url("the home page", |u| !u.contains("/login"));
    };

    // The Chinese registrar may dispose of what the reception holds, never the Kazakh portion.
    sign_in("registrar_cn");
    browser.goto(&format!("{}{sample}", app.address));
    let page = browser.wait_for_text("JL-");
    let dispose = page
        .split("id=\"dispose-portion\"")
        .nth(1)
        .map(|s| s.split("</select>").next().unwrap().to_owned())
        .unwrap_or_default();
    assert!(
        !dispose.contains("value=\"kz\""),
        "the Kazakh portion is offered to CN: {dispose}"
    );
    browser.click("form[action='/logout'] button");
    browser.wait_for_url("the login page", |u| u.contains("/login"));

    // The Kazakh registrar disposes of the counter-sample, and is asked first.
    sign_in("registrar_kz");
    browser.goto(&format!("{}{sample}?lang=ru", app.address));
    browser.wait_for_text("JL-");
    browser.select("#dispose-portion", "counter");
    browser.type_into("#dispose-reason", "Срок хранения истёк");
    browser.click("form[action$='/dispose'] button");
    let confirm = browser.wait_for_text(t(Lang::Ru, "confirm.cannot_undo"));
    assert!(confirm.contains("Срок хранения истёк"), "{confirm}");
    browser.screenshot(&screenshots().join("confirm-dispose-ru.png"));
    browser.click("form[action$='/dispose'] button.danger");
    browser.wait_for_url("the sample again", |u| {
        u.ends_with(&sample) || u.contains(&format!("{sample}?"))
    });
    let after = browser.wait_for_text(t(Lang::Ru, "portion_status.disposed"));
    assert!(after.contains(t(Lang::Ru, "portion_status.disposed")));
    drop(browser);
    let _ = std::fs::remove_dir_all(profile);
}

/// Runs a command-line tool on files the test wrote; a missing tool fails the test (CI
/// installs them).
pub fn tool(program: &str, args: &[&str]) -> String {
    let out = std::process::Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} is needed ({e})"));
    assert!(
        out.status.success(),
        "{program}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
#[ignore = "needs chromium and chromedriver: cargo test --test browser -- --ignored"]
fn a_certificate_is_drafted_signed_in_kazakh_co_signed_in_chinese_and_printed() {
    let app = spawn_app();
    helpers::registered_for_wheat(&app);
    let (consignment, _) = helpers::tested_consignment(&app, 1, &[]);
    let profile = std::env::temp_dir().join(format!("jl-chromium-{}", uuid::Uuid::now_v7()));
    let browser = Browser::start(&profile);
    let sign_in = |key: &str| {
        browser.goto(&format!("{}/login", app.address));
        browser.type_into("#email", &app.user(key).email);
        browser.type_into("#password", PASSWORD);
        browser.click("button[type=submit].primary");
        browser.wait_for_url("the home page", |u| !u.contains("/login"));
    };

    // The Kazakh certifier finds the consignment in the queue, drafts and signs, in Kazakh.
    sign_in("certifier_kz");
    browser.goto(&format!("{}/certificates?lang=kk", app.address));
    browser.wait_for_text(t(Lang::Kk, "certification.ready"));
    browser.click(&format!(
        "a[href='/consignments/{consignment}/certificates/new']"
    ));
    browser.wait_for_url("the draft form", |u| u.ends_with("/certificates/new"));
    let form = browser.wait_for_text(t(Lang::Kk, "certification.make_draft"));
    assert!(form.contains("AFB1"), "every result is on the form");
    browser.screenshot(&screenshots().join("certificate-draft-kk.png"));
    browser.click("main form button.primary");
    let draft = browser.wait_for_url("the draft", |u| {
        u.contains("/certificates/") && !u.contains("/new")
    });
    browser.type_into("#password", PASSWORD);
    browser.click("form[action$='/sign'] button.primary");
    let signed = browser.wait_for_text(t(Lang::Kk, "certificate.meaning.issued"));
    assert!(signed.contains(&app.user("certifier_kz").display_name));
    browser.click("form[action='/logout'] button");
    browser.wait_for_url("the login page", |u| u.contains("/login"));

    // The Chinese certifier co-signs, in Chinese: the certificate is issued.
    sign_in("certifier_cn");
    browser.goto(&format!("{draft}?lang=zh"));
    browser.wait_for_text(t(Lang::Zh, "certification.cosign"));
    browser.type_into("#password", PASSWORD);
    browser.click("form[action$='/sign'] button.primary");
    browser.wait_for_url("the issued certificate", |u| u.contains("issued=1"));
    let issued = browser.wait_for_text("KZCN-PC-");
    assert!(issued.contains(t(Lang::Zh, "certificate.meaning.co_signed")));
    assert!(!issued.contains("id=\"password\""), "nothing left to sign");
    browser.screenshot(&screenshots().join("certificate-issued-zh.png"));
    // On a 390 px phone nothing but the results table's own scroll area is wider than the page.
    browser.resize(390, 844);
    browser.goto(&format!("{draft}?lang=zh"));
    browser.wait_for_text("KZCN-PC-");
    let overflow = browser.execute(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;",
    );
    assert_eq!(overflow, serde_json::json!(0), "the page scrolls sideways");
    browser.screenshot(&screenshots().join("certificate-issued-zh-390.png"));
    drop(browser);
    let _ = std::fs::remove_dir_all(&profile);

    // The PDF: its first page as an image, and the QR code on it leads to the token's URL.
    let id = draft.rsplit('/').next().unwrap().split('?').next().unwrap();
    let (status, kind, pdf) = app
        .signed_in("certifier_cn")
        .get_bytes(&format!("/certificates/{id}.pdf"));
    assert_eq!((status, kind.as_str()), (200, "application/pdf"));
    let dir = screenshots();
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("certificate.pdf");
    std::fs::write(&file, &pdf).unwrap();
    let page = dir.join("certificate-page");
    tool(
        "pdftoppm",
        &["-r", "150", "-png", "-f", "1", "-l", "1", "-singlefile"]
            .iter()
            .copied()
            .chain([file.to_str().unwrap(), page.to_str().unwrap()])
            .collect::<Vec<_>>(),
    );
    let png = dir.join("certificate-page.png");
    let decoded = tool("zbarimg", &["--quiet", "--raw", png.to_str().unwrap()]);
    assert!(
        decoded.trim().starts_with(&format!(
            "{}/v/",
            app.settings.server.public_url.trim_end_matches('/')
        )),
        "the QR code reads {decoded:?}"
    );
}
