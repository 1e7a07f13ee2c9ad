//! An analyst fills a whole sample's worksheet in the browser, as labs write results: a
//! qualitative choice by its words, `<0.01`, a comma decimal, a trailing zero, an instrument,
//! an analysis date and a comment; then the readings are shown exactly as typed.

use diesel::prelude::*;
use jointlab::db::schema::{test_methods, tests};
use jointlab::i18n::{Lang, t};
use jointlab::models::lab_test::LabTestId;
use jointlab::models::sample::SampleId;

use crate::helpers::{self, PASSWORD, spawn_app};
use crate::screenshots;
use crate::webdriver::Browser;

#[test]
#[ignore = "needs chromium and chromedriver: cargo test --test browser -- --ignored"]
fn a_whole_sample_worksheet_is_entered_in_kazakh_and_shown_as_typed() {
    let app = spawn_app();
    let (samples, _) = helpers::received_samples(&app, 1);
    let sample: SampleId = samples[0].parse().unwrap();
    // The Kazakh side's tests of the sample: (test, method code, qualitative?).
    let rows: Vec<(LabTestId, String, bool)> = tests::table
        .inner_join(test_methods::table)
        .filter(tests::sample_id.eq(sample))
        .filter(tests::side.eq("kz"))
        .select((tests::id, test_methods::code, test_methods::result_kind))
        .load::<(LabTestId, String, String)>(&mut *app.conn())
        .unwrap()
        .into_iter()
        .map(|(id, code, kind)| (id, code, kind == "qualitative"))
        .collect();
    assert!(rows.len() >= 10, "{rows:?}");
    assert!(rows.iter().any(|r| r.2) && rows.iter().any(|r| !r.2));
    // What the analyst types per quantitative method; every other one gets `nd`.
    let typed = |code: &str| match code {
        "AFB1" => "<0.01",
        "PB" => "0.20",
        "CD" => "0,050",
        "CS-137" => "12,5",
        _ => "nd",
    };

    let profile = std::env::temp_dir().join(format!("jl-chromium-{}", uuid::Uuid::now_v7()));
    let browser = Browser::start(&profile);
    browser.goto(&format!("{}/login?lang=kk", app.address));
    browser.type_into("#email", &app.user("analyst_kz").email);
    browser.type_into("#password", PASSWORD);
    browser.click("button[type=submit].primary");
    browser.wait_for_url("the home page", |u| !u.contains("/login"));

    let path = format!("/samples/{sample}/worksheet");
    browser.goto(&format!("{}/bench", app.address));
    let bench = browser.wait_for_text("</main>");
    assert!(
        bench.contains(&format!("href=\"{path}\"")),
        "the bench links it"
    );
    browser.click(&format!("a[href='{path}']"));
    browser.wait_for_url("the worksheet", |u| u.ends_with(&path));
    let page = browser.wait_for_text(t(Lang::Kk, "worksheet.save"));
    // The qualitative results are a choice in Kazakh words, not a code to type.
    assert!(page.contains(t(Lang::Kk, "reading.not_detected")));
    assert!(page.contains(t(Lang::Kk, "reading.detected")));
    let yesterday = (chrono::Utc::now() - chrono::Duration::days(1)).date_naive();
    for (id, code, qualitative) in &rows {
        if *qualitative {
            let choice = if code == "AMBROS" {
                "detected"
            } else {
                "not_detected"
            };
            browser.click(&format!("input[name='r_{id}'][value='{choice}']"));
        } else {
            browser.type_into(&format!("#r_{id}"), typed(code));
        }
        if code == "AFB1" {
            browser.type_into(&format!("#i_{id}"), "HPLC Agilent 1260");
            // A date input takes the date as the locale's keyboard order; set it directly.
            browser.execute(&format!(
                "document.getElementById('d_{id}').value = '{}'; return true;",
                yesterday.format("%Y-%m-%d")
            ));
            browser.type_into(&format!("#c_{id}"), "Қайталау сәйкес");
        }
    }
    browser.screenshot(&screenshots().join("worksheet-filled-kk.png"));
    browser.click("form.worksheet button[type=submit].primary");
    browser.wait_for_url("back from the worksheet", |u| !u.ends_with(&path));

    // Stored as typed, judged exactly.
    let stored = |code: &str| -> (String, Option<String>, Option<String>, Option<String>) {
        let id = rows.iter().find(|r| r.1 == code).unwrap().0;
        tests::table
            .find(id)
            .select((
                tests::status,
                tests::reading,
                tests::reading_as_entered,
                tests::conformity,
            ))
            .first(&mut *app.conn())
            .unwrap()
    };
    for (_, code, _) in &rows {
        assert_eq!(stored(code).0, "entered", "{code}");
    }
    let afb1 = stored("AFB1");
    assert_eq!(
        (afb1.1.as_deref(), afb1.2.as_deref(), afb1.3.as_deref()),
        (Some("below_loq"), Some("<0.01"), Some("conforms"))
    );
    assert_eq!(stored("AMBROS").1.as_deref(), Some("detected"));
    assert_eq!(stored("PB").2.as_deref(), Some("0.20"));

    // The sample page shows each reading as it was typed, with its unit.
    browser.goto(&format!("{}/samples/{sample}", app.address));
    browser.wait_for_text("</main>");
    let shown = browser.execute("return document.querySelector('main').innerText;");
    let shown = shown.as_str().unwrap_or_default();
    for text in ["<0.01 µg/kg", "0.20 mg/kg", "0,050 mg/kg", "12,5 Bq/kg"] {
        assert!(shown.contains(text), "{text} not in {shown}");
    }
    browser.screenshot(&screenshots().join("worksheet-sample-kk.png"));
    drop(browser);
    let _ = std::fs::remove_dir_all(profile);
}
