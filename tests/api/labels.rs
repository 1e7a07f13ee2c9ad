//! The label sheet: one bilingual label per portion whose QR decodes to the portion's own
//! identifier, which the sample search accepts; A4 or 58 × 40 mm; refusals as for every page.

use diesel::prelude::*;
use jointlab::db::schema::samples;
use jointlab::i18n::{Lang, t};

use crate::helpers::*;

/// A received sample's id and code.
fn a_sample(app: &TestApp) -> (String, String) {
    received_samples(app, 0);
    let id = new_sample(app, "LABEL-1");
    let code: String = samples::table
        .filter(samples::seal_number.eq("LABEL-1"))
        .select(samples::code)
        .first(&mut *app.conn())
        .unwrap();
    (id, code)
}

/// The labels of a sheet, in order (KZ, CN, counter-sample), as HTML.
fn labels_of(body: &str) -> Vec<&str> {
    body.split("<div class=\"label\">").skip(1).collect()
}

/// Whether `tool` is on the PATH; outside CI a missing tool skips the check with a message.
fn have(tool: &str) -> bool {
    let found = std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(tool).is_file()));
    if !found {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{tool} is missing (apt-get install librsvg2-bin zbar-tools)"
        );
        eprintln!("SKIPPED: {tool} is not installed (apt-get install librsvg2-bin zbar-tools)");
    }
    found
}

/// Renders an inline SVG with rsvg-convert and decodes it with zbarimg.
fn decode_qr(svg: &str) -> String {
    let dir = std::env::temp_dir().join(format!("jl-label-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("qr.svg"), svg).unwrap();
    let png = dir.join("qr.png");
    let rendered = std::process::Command::new("rsvg-convert")
        .args(["-b", "white", "-w", "400", "-o"])
        .arg(&png)
        .arg(dir.join("qr.svg"))
        .status()
        .unwrap();
    assert!(rendered.success(), "rsvg-convert failed");
    let out = std::process::Command::new("zbarimg")
        .args(["--quiet", "--raw"])
        .arg(&png)
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

fn svg_in(label: &str) -> &str {
    let svg = &label[label.find("<svg ").unwrap()..];
    &svg[..svg.find("</svg>").unwrap() + "</svg>".len()]
}

#[test]
fn labels_each_portion_qr_decodes_to_its_own_identifier() {
    let app = spawn_app();
    let (id, code) = a_sample(&app);
    let page = app
        .signed_in("registrar_kz")
        .get(&format!("/samples/{id}/labels"));
    assert_eq!(page.status, 200);
    let labels = labels_of(&page.body);
    assert_eq!(labels.len(), 3);
    let expected = [
        format!("{code}-KZ"),
        format!("{code}-CN"),
        format!("{code}-C"),
    ];
    for (label, identifier) in labels.iter().zip(&expected) {
        assert!(label.contains(&format!("<div class=\"code\">{identifier}</div>")));
        assert!(
            label.contains("fill=\"#ffffff\""),
            "QR needs a white background"
        );
    }
    if have("rsvg-convert") && have("zbarimg") {
        for (label, identifier) in labels.iter().zip(&expected) {
            assert_eq!(&decode_qr(svg_in(label)), identifier);
        }
    }
}

#[test]
fn labels_read_in_chinese_and_kazakh_or_russian_by_the_portions_side() {
    let app = spawn_app();
    let (id, _) = a_sample(&app);
    // The interface language does not change the label's languages.
    let page = app
        .signed_in("registrar_kz")
        .get(&format!("/samples/{id}/labels?lang=en"));
    assert_eq!(page.status, 200);
    let labels = labels_of(&page.body);
    let has = |label: &str, lang: Lang, key: &str| label.contains(&html(t(lang, key)));
    // KZ portion and counter-sample: Kazakh and Chinese.
    for (label, key) in [(labels[0], "portion.kz"), (labels[2], "portion.counter")] {
        assert!(has(label, Lang::Kk, key), "Kazakh on {key}");
        assert!(has(label, Lang::Zh, key), "Chinese on {key}");
        assert!(label.contains("lang=\"kk\"") && label.contains("lang=\"zh-Hans\""));
        assert!(has(label, Lang::Kk, "labels.seal") && has(label, Lang::Zh, "labels.seal"));
    }
    // CN portion: Chinese and Russian.
    assert!(has(labels[1], Lang::Zh, "portion.cn"));
    assert!(has(labels[1], Lang::Ru, "portion.cn"));
    assert!(labels[1].contains("lang=\"ru\""));
    // Without scripts the page says how to print; the button is for scripts to show.
    assert!(
        page.body
            .contains(&html(t(Lang::En, "labels.print_hint.a4")))
    );
    assert!(
        page.body
            .contains("<script src=\"/static/labels.js\" defer></script>")
    );
    assert!(page.body.contains("data-print hidden"));
    let script = app.client().get("/static/labels.js");
    assert_eq!(script.status, 200);
    assert!(script.body.contains("window.print()"));
}

#[test]
fn labels_search_by_a_portion_identifier_opens_the_sample() {
    let app = spawn_app();
    let (id, code) = a_sample(&app);
    let registrar = app.signed_in("registrar_kz");
    for suffix in ["KZ", "CN", "C"] {
        let res = registrar.get(&format!("/samples?q={code}-{suffix}"));
        assert_eq!(res.status, 303, "{suffix}");
        assert_eq!(res.location(), Some(format!("/samples/{id}").as_str()));
    }
    let res = registrar.get(&format!("/samples?q=%20{}-kz%20", code.to_lowercase()));
    assert_eq!(res.location(), Some(format!("/samples/{id}").as_str()));
    // Not a portion identifier: the list as before.
    let res = registrar.get(&format!("/samples?q={code}-XY"));
    assert_eq!(res.status, 200);
    // The exporter's search stays within its own company's samples.
    assert_eq!(
        app.signed_in("exporter_b")
            .get(&format!("/samples?q={code}-KZ"))
            .status,
        200
    );
}

#[test]
fn labels_size_58x40_gives_the_label_printer_layout() {
    let app = spawn_app();
    let (id, _) = a_sample(&app);
    let registrar = app.signed_in("registrar_kz");
    let a4 = registrar.get(&format!("/samples/{id}/labels"));
    assert!(a4.body.contains("label-sheet size-a4"));
    let roll = registrar.get(&format!("/samples/{id}/labels?size=58x40"));
    assert_eq!(roll.status, 200);
    assert!(roll.body.contains("label-sheet size-58x40"));
    assert!(roll.body.contains(&format!(
        "href=\"/samples/{id}/labels?size=58x40\" aria-current=\"page\""
    )));
    assert!(
        roll.body
            .contains(&html(t(Lang::En, "labels.print_hint.58x40")))
    );
    assert_eq!(labels_of(&roll.body).len(), 3);
    let css = app.client().get("/static/app.css").body;
    assert!(css.contains("@page label-58x40 { size: 58mm 40mm;"));
    assert!(css.contains(".size-58x40 { page: label-58x40; }"));
    assert!(css.contains("@page label-a4 { size: A4;"));
}

#[test]
fn labels_are_refused_to_other_exporters_and_roles_as_before() {
    let app = spawn_app();
    let (id, _) = a_sample(&app);
    let path = format!("/samples/{id}/labels");
    assert_eq!(app.signed_in("exporter").get(&path).status, 403);
    assert_eq!(app.signed_in("exporter_b").get(&path).status, 403);
    assert_eq!(app.signed_in("inspector").get(&path).status, 403);
    assert_eq!(app.signed_in("analyst_cn").get(&path).status, 200);
    assert_eq!(app.client().get(&path).status, 303);
}
