//! The bench as analysts work: a worksheet per sample and side, results as labs write them
//! (kept as typed), a review that keeps what the reviewer did, and forms that keep their type.

use diesel::prelude::*;
use jointlab::db::schema::{test_methods, tests};
use jointlab::i18n::Lang;
use jointlab::models::lab_test::LabTestId;

use crate::helpers::*;

/// A test of a side on a sample: id, method code, version.
struct Row {
    id: String,
    code: String,
    version: String,
}

/// The side's tests of one sample, by method code.
fn rows_of(app: &TestApp, sample: &str, side: &str) -> Vec<Row> {
    let sample: jointlab::models::sample::SampleId = sample.parse().unwrap();
    let rows: Vec<(LabTestId, jointlab::models::TestMethodId, i32)> = tests::table
        .filter(tests::sample_id.eq(sample))
        .filter(tests::side.eq(side))
        .select((tests::id, tests::test_method_id, tests::version))
        .load(&mut *app.conn())
        .unwrap();
    rows.into_iter()
        .map(|(id, method, version)| {
            let code: String = test_methods::table
                .find(method)
                .select(test_methods::code)
                .first(&mut *app.conn())
                .unwrap();
            Row {
                id: id.to_string(),
                code,
                version: version.to_string(),
            }
        })
        .collect()
}

fn row<'a>(rows: &'a [Row], code: &str) -> &'a Row {
    rows.iter().find(|r| r.code == code).unwrap()
}

/// (status, reading, value, as entered, instrument, date, comment) of a test.
type Stored = (
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn stored(app: &TestApp, id: &str) -> Stored {
    let id: LabTestId = id.parse().unwrap();
    tests::table
        .find(id)
        .select((
            tests::status,
            tests::reading,
            tests::value,
            tests::reading_as_entered,
            tests::instrument,
            tests::analysed_on,
            tests::result_comment,
        ))
        .first(&mut *app.conn())
        .unwrap()
}

fn conformity(app: &TestApp, id: &str) -> Option<String> {
    let id: LabTestId = id.parse().unwrap();
    tests::table
        .find(id)
        .select(tests::conformity)
        .first(&mut *app.conn())
        .unwrap()
}

/// Posts a worksheet: per row (test, version) the fields given by prefix (`r`, `i`, `d`, `c`).
fn post_sheet(client: &Client, sample: &str, rows: &[(&Row, &[(&str, &str)])]) -> Resp {
    let path = format!("/samples/{sample}/worksheet");
    let token = client.get(&path).csrf_token();
    let mut fields: Vec<(String, String)> = vec![("csrf_token".into(), token)];
    for (row, values) in rows {
        fields.push((format!("v_{}", row.id), row.version.clone()));
        for (prefix, value) in *values {
            fields.push((format!("{prefix}_{}", row.id), (*value).to_owned()));
        }
    }
    let borrowed: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    client.post_raw(&path, &borrowed)
}

fn yesterday() -> String {
    (chrono::Utc::now() - chrono::Duration::days(1))
        .format("%Y-%m-%d")
        .to_string()
}

#[test]
fn bench_ux_worksheet_saves_a_whole_sample_with_readings_as_labs_write_them() {
    let app = spawn_app();
    let (samples, _) = received_samples(&app, 1);
    let sample = &samples[0];
    let analyst = app.signed_in("analyst_kz");
    let rows = rows_of(&app, sample, "kz");
    assert_eq!(rows.len(), 12);
    let page = analyst.get(&format!("/samples/{sample}/worksheet"));
    assert_eq!(page.status, 200);
    for r in &rows {
        assert!(
            page.body.contains(&format!("name=\"v_{}\"", r.id)),
            "{}",
            r.code
        );
    }
    // Unit, LOD/LOQ and the China limit beside the input.
    assert!(page.body.contains("µg/kg"));
    assert!(page.body.contains(&en("worksheet.loq")));
    assert!(page.body.contains(&html("≤ 5 µg/kg")));
    // The bench and the sample page link the worksheet for the analyst.
    let link = format!("href=\"/samples/{sample}/worksheet\"");
    assert!(analyst.get("/bench").body.contains(&link));
    assert!(
        analyst
            .get(&format!("/samples/{sample}"))
            .body
            .contains(&link)
    );
    let date = yesterday();
    let entries: Vec<(&str, &str)> = vec![
        ("TROGOD", "not_detected"),
        ("TILIND", "not_detected"),
        ("AMBROS", "detected"),
        ("AFB1", "<0.01"),
        ("DON", "< LOQ"),
        ("OTA", "nd"),
        ("ZEN", "не обнаружено"),
        ("PB", "0.20"),
        ("CD", "0,050"),
        ("HG", "анықталмады"),
        ("AS", "未检出"),
        ("CS-137", "12,5"),
    ];
    let fields: Vec<Vec<(&str, &str)>> = entries
        .iter()
        .map(|(code, value)| {
            let mut f = vec![("r", *value)];
            if *code == "AFB1" {
                f.extend([
                    ("i", "HPLC Agilent 1260"),
                    ("d", date.as_str()),
                    ("c", "Duplicate agrees"),
                ]);
            }
            f
        })
        .collect();
    let posted: Vec<(&Row, &[(&str, &str)])> = entries
        .iter()
        .zip(&fields)
        .map(|((code, _), f)| (row(&rows, code), f.as_slice()))
        .collect();
    let res = post_sheet(&analyst, sample, &posted);
    assert_eq!(res.status, 303, "{}", res.body);
    let s = |code| stored(&app, &row(&rows, code).id);
    let some = |t: &str| Some(t.to_owned());
    let afb1 = s("AFB1");
    assert_eq!(afb1.0, "entered");
    assert_eq!(
        (afb1.1, afb1.2, afb1.3),
        (some("below_loq"), some("0.01"), some("<0.01"))
    );
    assert_eq!(
        (afb1.4, afb1.5, afb1.6),
        (
            some("HPLC Agilent 1260"),
            some(&date),
            some("Duplicate agrees")
        )
    );
    assert_eq!(conformity(&app, &row(&rows, "AFB1").id), some("conforms"));
    assert_eq!((s("PB").2, s("PB").3), (some("0.2"), some("0.20")));
    // Exactly at the 0.2 mg/kg limit: conforms (decimal comparison).
    assert_eq!(conformity(&app, &row(&rows, "PB").id), some("conforms"));
    assert_eq!((s("CD").2, s("CD").3), (some("0.05"), some("0,050")));
    assert_eq!((s("CS-137").2, s("CS-137").3), (some("12.5"), some("12,5")));
    assert_eq!((s("DON").1, s("DON").3), (some("below_loq"), None));
    for code in ["OTA", "ZEN", "HG", "AS", "TROGOD", "TILIND"] {
        assert_eq!(s(code).1, some("not_detected"), "{code}");
    }
    assert_eq!(s("AMBROS").1, some("detected"));
    // Shown as typed on the sample page and on review.
    let sample_page = analyst.get(&format!("/samples/{sample}"));
    for text in ["<0.01 µg/kg", "0.20 mg/kg", "0,050 mg/kg", "12,5 Bq/kg"] {
        assert!(sample_page.body.contains(&html(text)), "{text}");
    }
    let review = app.signed_in("reviewer_kz").get("/review");
    assert!(review.body.contains(&html("<0.01 µg/kg")));
    // The reviewer reads the instrument, the date and the comment beside the result.
    assert!(review.body.contains("HPLC Agilent 1260"));
    assert!(review.body.contains("Duplicate agrees"));
    // Nothing is left for the worksheet.
    let again = analyst.get(&format!("/samples/{sample}/worksheet"));
    assert!(again.body.contains(&en("worksheet.empty")));
}

#[test]
fn bench_ux_batch_accepts_every_spelling_and_shows_it_as_typed() {
    let app = spawn_app();
    let spellings: [(&str, &str, Option<&str>, Option<&str>); 10] = [
        ("12.5", "value", Some("12.5"), Some("12.5 µg/kg")),
        ("12,5", "value", Some("12.5"), Some("12,5 µg/kg")),
        ("<0.01", "below_loq", Some("0.01"), Some("<0.01 µg/kg")),
        ("< LOQ", "below_loq", None, None),
        ("< 0,01", "below_loq", Some("0.01"), Some("< 0,01 µg/kg")),
        ("nd", "not_detected", None, None),
        ("ND", "not_detected", None, None),
        ("не обнаружено", "not_detected", None, None),
        ("анықталмады", "not_detected", None, None),
        ("未检出", "not_detected", None, None),
    ];
    let (samples, afb1) = received_samples(&app, spellings.len());
    let analyst = app.signed_in("analyst_kz");
    let page = analyst.get(&format!("/bench/{afb1}"));
    let rows = crate::testing::rows(&page);
    assert_eq!(rows.len(), spellings.len());
    let values: Vec<(&(String, String), &str)> = rows
        .iter()
        .zip(&spellings)
        .map(|(r, (typed, ..))| (r, *typed))
        .collect();
    let res = crate::testing::enter(&analyst, &afb1, &values);
    assert_eq!(res.status, 303, "{}", res.body);
    let review = app
        .signed_in("reviewer_kz")
        .get(&format!("/review?method={afb1}"));
    for ((id, _), (typed, reading, value, shown)) in rows.iter().zip(&spellings) {
        let got = stored(&app, id);
        assert_eq!(got.1.as_deref(), Some(*reading), "{typed}");
        assert_eq!(got.2.as_deref(), *value, "{typed}");
        if let Some(shown) = shown {
            assert!(
                review.body.contains(&html(shown)),
                "{typed} shown as {shown}"
            );
        }
    }
    assert!(review.body.contains(&en("reading.not_detected")));
    let _ = samples;
}

#[test]
fn bench_ux_bad_input_comes_back_beside_the_field_and_nothing_is_saved() {
    let app = spawn_app();
    let (samples, _) = received_samples(&app, 1);
    let sample = &samples[0];
    let analyst = app.signed_in("analyst_kz");
    let rows = rows_of(&app, sample, "kz");
    let (afb1, cd, pb) = (row(&rows, "AFB1"), row(&rows, "CD"), row(&rows, "PB"));
    let res = post_sheet(
        &analyst,
        sample,
        &[
            (afb1, &[("r", "<abc"), ("i", "LC-MS 7")]),
            (cd, &[("r", "0.05"), ("d", "2999-01-01")]),
            (pb, &[("r", "0.1"), ("c", "fine")]),
        ],
    );
    assert_eq!(res.status, 422, "{}", res.body);
    // Beside the field, and in the summary at the top linked to it.
    assert!(res.body.contains(&format!("id=\"e_r_{}\"", afb1.id)));
    assert!(res.body.contains(&format!("href=\"#r_{}\"", afb1.id)));
    assert!(res.body.contains(&format!("href=\"#d_{}\"", cd.id)));
    assert!(res.body.contains(&en("field.number")));
    assert!(res.body.contains(&en("worksheet.date_future")));
    let first_row = res.body.find(&format!("name=\"v_{}\"", afb1.id)).unwrap();
    assert!(res.body.find("error-summary").unwrap() < first_row);
    // Everything typed is still there.
    assert!(res.body.contains(&html("<abc")));
    assert!(res.body.contains("LC-MS 7"));
    assert!(res.body.contains("2999-01-01"));
    assert!(res.body.contains(">fine</textarea>"));
    // All or none: the good rows were not saved either.
    for r in [afb1, cd, pb] {
        assert_eq!(stored(&app, &r.id).0, "pending");
    }
    // Details without a reading are refused beside the reading.
    let res = post_sheet(&analyst, sample, &[(afb1, &[("i", "LC-MS 7")])]);
    assert_eq!(res.status, 422);
    assert!(res.body.contains(&en("field.required")));
    // A forged version is a bad request, not a 500.
    let res = post_sheet(
        &analyst,
        sample,
        &[(
            &Row {
                id: afb1.id.clone(),
                code: String::new(),
                version: "x".into(),
            },
            &[("r", "1")],
        )],
    );
    assert_eq!(res.status, 400);
}

#[test]
fn bench_ux_qualitative_methods_offer_a_choice_in_the_users_language() {
    let app = spawn_app();
    let (samples, _) = received_samples(&app, 1);
    let sample = &samples[0];
    let analyst = app.signed_in("analyst_kz");
    let rows = rows_of(&app, sample, "kz");
    let tilind = row(&rows, "TILIND");
    for lang in [Lang::Kk, Lang::Ru, Lang::Zh, Lang::En] {
        let page = analyst.get(&format!(
            "/samples/{sample}/worksheet?lang={}",
            lang.as_str()
        ));
        assert!(page.body.contains(&format!(
            "type=\"radio\" name=\"r_{}\" value=\"not_detected\"",
            tilind.id
        )));
        assert!(page.body.contains(&shown(lang, "reading.not_detected")));
        assert!(page.body.contains(&shown(lang, "reading.detected")));
    }
    // The per-method batch offers the same choice as a select.
    let method: String = row(&rows, "TILIND").code.clone();
    let method_id: jointlab::models::TestMethodId = test_methods::table
        .filter(test_methods::code.eq(&method))
        .select(test_methods::id)
        .first(&mut *app.conn())
        .unwrap();
    let batch = analyst.get(&format!("/bench/{method_id}?lang=zh"));
    assert!(
        batch
            .body
            .contains(&format!("<select id=\"r_{}\"", tilind.id))
    );
    assert!(batch.body.contains("未检出"));
    // Anything else than a choice is refused beside the field; the choice made is kept.
    analyst.get("/bench?lang=en");
    let res = post_sheet(&analyst, sample, &[(tilind, &[("r", "maybe")])]);
    assert_eq!(res.status, 422);
    assert!(res.body.contains(&en("field.choose")));
    let res = post_sheet(
        &analyst,
        sample,
        &[
            (tilind, &[("r", "detected")]),
            (row(&rows, "AFB1"), &[("r", "x")]),
        ],
    );
    assert_eq!(res.status, 422);
    assert!(res.body.contains(&format!(
        "name=\"r_{}\" value=\"detected\" checked",
        tilind.id
    )));
    let res = post_sheet(&analyst, sample, &[(tilind, &[("r", "not_detected")])]);
    assert_eq!(res.status, 303);
    assert_eq!(stored(&app, &tilind.id).1.as_deref(), Some("not_detected"));
}

#[test]
fn bench_ux_worksheet_is_for_analysts_of_the_side_only() {
    let app = spawn_app();
    let (samples, _) = received_samples(&app, 1);
    let sample = &samples[0];
    let path = format!("/samples/{sample}/worksheet");
    for user in [
        "reviewer_kz",
        "registrar_kz",
        "certifier_kz",
        "auditor_kz",
        "exporter",
    ] {
        assert_eq!(app.signed_in(user).get(&path).status, 403, "{user}");
    }
    assert_eq!(app.client().get(&path).status, 303);
    // The other side sees only its own tests, and cannot write one of ours.
    let cn = app.signed_in("analyst_cn");
    let kz_rows = rows_of(&app, sample, "kz");
    let cn_page = cn.get(&path);
    assert_eq!(cn_page.status, 200);
    assert!(!cn_page.body.contains(&kz_rows[0].id));
    for r in rows_of(&app, sample, "cn") {
        assert!(cn_page.body.contains(&r.id));
    }
    let res = post_sheet(&cn, sample, &[(row(&kz_rows, "AFB1"), &[("r", "1")])]);
    assert_eq!(res.status, 404);
    assert_eq!(stored(&app, &row(&kz_rows, "AFB1").id).0, "pending");
    // An unknown sample is not found.
    let unknown = jointlab::models::sample::SampleId::new();
    assert_eq!(cn.get(&format!("/samples/{unknown}/worksheet")).status, 404);
    // The sample page does not offer the worksheet to a reviewer.
    let reviewer_page = app
        .signed_in("reviewer_kz")
        .get(&format!("/samples/{sample}"));
    assert!(!reviewer_page.body.contains(&format!("href=\"{path}\"")));
}

#[test]
fn bench_ux_stale_worksheet_is_409_and_keeps_the_input() {
    let app = spawn_app();
    let (samples, afb1) = received_samples(&app, 1);
    let sample = &samples[0];
    let analyst = app.signed_in("analyst_kz");
    let rows = rows_of(&app, sample, "kz");
    // Someone enters the AFB1 result on the batch page after our page was loaded.
    let other = app.signed_in("analyst_kz");
    let batch = other.get(&format!("/bench/{afb1}"));
    let batch_rows = crate::testing::rows(&batch);
    let res = crate::testing::enter(&other, &afb1, &[(&batch_rows[0], "3")]);
    assert_eq!(res.status, 303);
    let res = post_sheet(
        &analyst,
        sample,
        &[
            (row(&rows, "AFB1"), &[("r", "4,5"), ("i", "HPLC 2")]),
            (row(&rows, "CD"), &[("r", "0,07")]),
        ],
    );
    assert_eq!(res.status, 409, "{}", res.body);
    assert!(res.body.contains(&en("bench.conflict")));
    assert!(res.body.contains("0,07"));
    assert_eq!(stored(&app, &row(&rows, "CD").id).0, "pending");
    assert_eq!(stored(&app, &row(&rows, "AFB1").id).2.as_deref(), Some("3"));
}

#[test]
fn bench_ux_parallel_worksheet_saves_are_done_once() {
    let app = spawn_app();
    let (samples, _) = received_samples(&app, 1);
    let sample = &samples[0];
    let rows = rows_of(&app, sample, "kz");
    let path = format!("/samples/{sample}/worksheet");
    let mut fields: Vec<(String, String)> = Vec::new();
    for code in ["AFB1", "CD", "TILIND"] {
        let r = row(&rows, code);
        fields.push((format!("v_{}", r.id), r.version.clone()));
        let value = if code == "TILIND" {
            "not_detected"
        } else {
            "<0.01"
        };
        fields.push((format!("r_{}", r.id), value.to_owned()));
    }
    let borrowed: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let answers = race(&app, "analyst_kz", 6, &path, &path, &borrowed);
    let statuses: Vec<u16> = answers.iter().map(|r| r.status).collect();
    assert_eq!(
        statuses.iter().filter(|s| **s == 303).count(),
        1,
        "{statuses:?}"
    );
    assert!(
        statuses.iter().all(|s| matches!(s, 303 | 409)),
        "{statuses:?}"
    );
    let entered: i64 = jointlab::db::schema::audit_events::table
        .filter(jointlab::db::schema::audit_events::action.eq("test.entered"))
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(entered, 3);
}

#[test]
fn bench_ux_review_keeps_ticks_and_reason_with_a_linked_summary() {
    let app = spawn_app();
    let (_, afb1) = received_samples(&app, 2);
    let analyst = app.signed_in("analyst_kz");
    let batch = analyst.get(&format!("/bench/{afb1}"));
    let rows = crate::testing::rows(&batch);
    let values: Vec<(&(String, String), &str)> = rows.iter().map(|r| (r, "1.0")).collect();
    assert_eq!(crate::testing::enter(&analyst, &afb1, &values).status, 303);
    let reviewer = app.signed_in("reviewer_kz");
    let review = reviewer.get("/review");
    let token = review.csrf_token();
    let versions: Vec<(String, String)> = rows
        .iter()
        .map(|(id, _)| {
            let v = field_value(&review.body, &format!("v_{id}")).unwrap();
            (format!("v_{id}"), v)
        })
        .collect();
    // Reject with both ticked and no reason.
    let mut fields: Vec<(&str, &str)> = vec![("csrf_token", &token), ("action", "reject")];
    for ((id, _), (k, v)) in rows.iter().zip(&versions) {
        fields.extend([("test", id.as_str()), (k.as_str(), v.as_str())]);
    }
    fields.push(("reason", "  "));
    let res = reviewer.post_raw("/review", &fields);
    assert_eq!(res.status, 422, "{}", res.body);
    for (id, _) in &rows {
        assert!(
            res.body.contains(&format!("id=\"t_{id}\" aria-label=")),
            "{id}"
        );
    }
    let ticked = res.body.matches(" checked>").count();
    assert_eq!(ticked, 2, "{}", res.body);
    let summary = res.body.find("error-summary").unwrap();
    assert!(summary < res.body.find("name=\"test\"").unwrap());
    assert!(res.body.contains("href=\"#reason\""));
    // The results are shown as typed (1.0, not 1).
    assert!(res.body.contains("1.0 µg/kg"));
    // A reason without any tick: the reason stays, the summary links to the first box.
    let mut fields: Vec<(&str, &str)> = vec![("csrf_token", &token), ("action", "reject")];
    for (k, v) in &versions {
        fields.push((k.as_str(), v.as_str()));
    }
    fields.push(("reason", "Calibration drift"));
    let res = reviewer.post_raw("/review", &fields);
    assert_eq!(res.status, 422);
    assert!(res.body.contains("value=\"Calibration drift\""));
    assert!(res.body.contains("href=\"#t_"));
    assert!(res.body.contains(&en("review.none_selected")));
    for (id, _) in &rows {
        assert_eq!(stored(&app, id).0, "entered");
    }
}

#[test]
fn bench_ux_application_form_keeps_the_date_type_and_warns_of_a_past_date() {
    let app = spawn_app();
    received_samples(&app, 0);
    let exporter = app.signed_in("exporter");
    let destination: jointlab::models::LimitSetId = jointlab::db::schema::limit_sets::table
        .filter(jointlab::db::schema::limit_sets::code.eq("CN"))
        .select(jointlab::db::schema::limit_sets::id)
        .first(&mut *app.conn())
        .unwrap();
    let destination = destination.to_string();
    let post = app.user("inspector").border_post_id.unwrap().to_string();
    let wheat = wheat_id(&app).to_string();
    let past = yesterday();
    let base = |quantity: &'static str, date: String| {
        vec![
            ("commodity", wheat.clone()),
            ("quantity", quantity.to_owned()),
            ("unit", "t".to_owned()),
            ("lots", "Wagons 1-2".to_owned()),
            ("origin_region", "Almaty region".to_owned()),
            ("origin_district", "Panfilov".to_owned()),
            ("producer", "Test Grain LLP".to_owned()),
            ("consignee", "Urumqi Grain Co.".to_owned()),
            ("border_post", post.clone()),
            ("transport", "rail".to_owned()),
            ("planned_date", date),
            ("destination", destination.clone()),
        ]
    };
    let send = |fields: &[(&str, String)]| {
        let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        exporter.post_from("/applications/new", "/applications", &borrowed)
    };
    // A failed form keeps the date input a date input, with the value.
    let res = send(&base("-5", planned_date().to_owned()));
    assert_eq!(res.status, 422, "{}", res.body);
    assert!(res.body.contains(&format!(
        "name=\"planned_date\" type=\"date\" value=\"{}\"",
        planned_date()
    )));
    // A past date comes back once with a warning beside it; sent again, it stands.
    let res = send(&base("10", past.clone()));
    assert_eq!(res.status, 422, "{}", res.body);
    assert!(res.body.contains(&en("entry.planned_date_past")));
    assert!(res.body.contains("type=\"date\""));
    assert_eq!(
        field_value(&res.body, "confirm_past_date"),
        Some(past.clone())
    );
    let mut confirmed = base("10", past.clone());
    confirmed.push(("confirm_past_date", past));
    let res = send(&confirmed);
    assert_eq!(res.status, 303, "{}", res.body);
}

#[test]
fn bench_ux_batch_page_shows_the_oldest_tests_and_the_next_ones_once_saved() {
    let app = spawn_app();
    let shown = jointlab::queries::testing::BATCH_SHOWN as usize;
    let (samples, afb1) = received_samples(&app, shown + 1);
    let analyst = app.signed_in("analyst_kz");
    let page = analyst.get(&format!("/bench/{afb1}"));
    assert_eq!(page.status, 200);
    let rows = crate::testing::rows(&page);
    assert_eq!(
        rows.len(),
        shown,
        "a backlog is shown oldest first, bounded"
    );
    let hint = jointlab::i18n::tf(
        Lang::En,
        "scale.oldest_shown",
        &[
            ("shown", shown.to_string().as_str()),
            ("total", (shown + 1).to_string().as_str()),
        ],
    );
    assert!(
        page.body.contains(&html(&hint)),
        "the page says how many wait"
    );
    // The newest sample's test is not among them; saving the page brings it.
    let newest = samples.last().unwrap();
    let code = |id: &str| -> String {
        tests::table
            .filter(tests::id.eq(id.parse::<LabTestId>().unwrap()))
            .select(tests::sample_id)
            .first::<jointlab::models::sample::SampleId>(&mut *app.conn())
            .unwrap()
            .to_string()
    };
    assert!(rows.iter().all(|(id, _)| code(id) != *newest));
    let values: Vec<(&(String, String), &str)> = rows.iter().map(|r| (r, "0.5")).collect();
    let res = crate::testing::enter(&analyst, &afb1, &values);
    assert_eq!(res.status, 303, "{}", res.body);
    let page = analyst.get(&format!("/bench/{afb1}"));
    let rows = crate::testing::rows(&page);
    assert_eq!(rows.len(), 1);
    assert_eq!(code(&rows[0].0), *newest);
    assert!(!page.body.contains(&html(&hint)));
}

#[test]
fn bench_ux_review_shows_the_oldest_of_each_method_and_one_methods_page_more() {
    let app = spawn_app();
    let shown = jointlab::queries::testing::REVIEW_SHOWN_PER_METHOD as usize;
    let (_, afb1) = received_samples(&app, shown + 1);
    let analyst = app.signed_in("analyst_kz");
    let rows = crate::testing::rows(&analyst.get(&format!("/bench/{afb1}")));
    let values: Vec<(&(String, String), &str)> = rows.iter().map(|r| (r, "0.5")).collect();
    assert_eq!(crate::testing::enter(&analyst, &afb1, &values).status, 303);
    let reviewer = app.signed_in("reviewer_kz");
    let boxes = |body: &str| body.matches("name=\"test\"").count();
    let all = reviewer.get("/review");
    assert_eq!(boxes(&all.body), shown, "the oldest few of a method");
    let method_page = format!("/review?method={afb1}");
    assert!(
        all.body.contains(&html(&method_page)),
        "a link to the method's page"
    );
    let one = reviewer.get(&method_page);
    assert_eq!(one.status, 200);
    assert_eq!(boxes(&one.body), shown + 1);
    // A refusal comes back on the method's page; a decision returns to it.
    let token = one.csrf_token();
    let res = reviewer.post_raw(
        "/review",
        &[
            ("csrf_token", token.as_str()),
            ("method", afb1.as_str()),
            ("action", "verify"),
        ],
    );
    assert_eq!(res.status, 422);
    assert_eq!(boxes(&res.body), shown + 1);
    let ids: Vec<String> = rows.iter().map(|(id, _)| id.clone()).collect();
    let mut fields = vec![
        ("csrf_token".to_owned(), token),
        ("method".to_owned(), afb1.clone()),
        ("action".to_owned(), "verify".to_owned()),
    ];
    for (id, _) in &rows {
        fields.push(("test".to_owned(), id.clone()));
        let version = field_value(&one.body, &format!("v_{id}")).unwrap();
        fields.push((format!("v_{id}"), version));
    }
    let borrowed: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    // The reviewer's side analyst entered them, so the reviewer may verify every one.
    let res = reviewer.post_raw("/review", &borrowed);
    assert_eq!(res.status, 303, "{}", res.body);
    assert_eq!(
        res.location(),
        Some(format!("/review?method={afb1}&done=1").as_str())
    );
    let verified: i64 = tests::table
        .filter(tests::id.eq_any(ids.iter().map(|id| id.parse::<LabTestId>().unwrap())))
        .filter(tests::status.eq("verified"))
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(verified as usize, shown + 1);
    // A method that is not an id is a bad request, not a 500.
    assert_eq!(reviewer.get("/review?method=nonsense").status, 400);
}
