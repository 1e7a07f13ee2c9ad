//! The certificate as printed: `GET /certificates/{id}.pdf` for those who may read it, checked
//! with independent tools — qpdf, pdffonts, pdftotext, pdftoppm + zbarimg. Without the tools a
//! test says so and passes, except in CI (`CI=true`), where a missing tool fails it.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::certificates::{FAILING, drafted, row, sign_as};
use crate::helpers::{
    PASSWORD, TestApp, issue_certificate, registered_for_wheat, spawn_app, tested_consignment,
};

fn have(tools: &[&str]) -> bool {
    let missing: Vec<&&str> = tools
        .iter()
        .filter(|tool| {
            !std::env::var_os("PATH").is_some_and(|paths| {
                std::env::split_paths(&paths).any(|dir| dir.join(tool).is_file())
            })
        })
        .collect();
    if !missing.is_empty() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{missing:?} missing (apt-get install qpdf poppler-utils zbar-tools)"
        );
        eprintln!(
            "SKIPPED: {missing:?} not installed (apt-get install qpdf poppler-utils zbar-tools)"
        );
    }
    missing.is_empty()
}

fn run(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool).args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "{tool} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Transport details a Kazakh clerk writes: every letter Russian lacks (Ә Ғ Қ Ң Ө Ұ Ү Һ І).
const KAZAKH: &str = "Вагондар 61234567; Қорғас станциясы, Әлихан Бөкейхан көшесі; Ұлы Жібек жолы; Іле өңірі; Ғалым Үсенов; Һ";

/// A certificate drafted with Kazakh transport details and co-signed; returns its id.
fn issued_with_kazakh(app: &TestApp) -> String {
    issue_certificate(app, "乌鲁木齐粮油有限公司", KAZAKH)
}

fn save(app: &TestApp, name: &str, bytes: &[u8]) -> PathBuf {
    let path = app.settings.data.dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn text_of(path: &Path) -> String {
    run("pdftotext", &["-enc", "UTF-8", path.to_str().unwrap(), "-"])
}

#[test]
fn the_exporter_downloads_the_certificate_pdf_and_independent_tools_read_it_back() {
    let app = spawn_app();
    let id = issued_with_kazakh(&app);
    let (_, number, token, _) = row(&app, &id);
    let (number, token) = (number.unwrap(), token.unwrap());
    let path = format!("/certificates/{id}.pdf");

    let (status, kind, pdf) = app.signed_in("exporter").get_bytes(&path);
    let (other, _, _) = app.signed_in("exporter_b").get_bytes(&path);
    let (inspector, _, _) = app.signed_in("analyst_kz").get_bytes(&path);
    let (visitor, _, _) = app.client().get_bytes(&path);

    assert_eq!((status, kind.as_str()), (200, "application/pdf"));
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(pdf.len() <= 150 * 1024, "{} bytes", pdf.len());
    assert_eq!(
        other, 404,
        "another exporter's certificate does not exist for them"
    );
    assert_eq!(inspector, 403);
    assert_eq!(visitor, 303, "a visitor signs in first");
    if !have(&["qpdf", "pdffonts", "pdftotext", "pdftoppm", "zbarimg"]) {
        return;
    }
    let file = save(&app, "certificate.pdf", &pdf);
    let f = file.to_str().unwrap();
    run("qpdf", &["--check", f]);
    let fonts = run("pdffonts", &[f]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{fonts}");
    for line in &rows {
        let cols: Vec<&str> = line.split_whitespace().collect();
        // `… emb sub uni object ID`: the object ID is two words, so `emb` is fifth from the end.
        assert_eq!(cols[cols.len() - 5], "yes", "not embedded: {line}");
    }
    let text = text_of(&file);
    for expected in [
        number.as_str(),
        "植物检疫证书",
        "Фитосанитарный сертификат",
        "乌鲁木齐粮油有限公司",
        "Қорғас",
        "Әлихан",
        "Ұлы",
        "Іле",
        "өңірі",
        "Ғалым Үсенов",
        "Һ",
        "Test certifier_kz",
        "Test certifier_cn",
        "AFB1",
        "GB 5009.22-2016",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} not read back from:\n{text}"
        );
    }
    let page = app.settings.data.dir.join("page");
    run(
        "pdftoppm",
        &[
            "-r",
            "150",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            f,
            page.to_str().unwrap(),
        ],
    );
    let png = app.settings.data.dir.join("page.png");
    let decoded = run("zbarimg", &["--quiet", "--raw", png.to_str().unwrap()]);
    assert_eq!(
        decoded.trim(),
        format!(
            "{}/v/{token}",
            app.settings.server.public_url.trim_end_matches('/')
        ),
        "the QR code on the first page opens the certificate's verification"
    );
}

#[test]
fn a_draft_prints_only_for_certifiers_with_its_stamp_and_a_notice_prints_what_failed() {
    let app = spawn_app();
    registered_for_wheat(&app);
    let (consignment, _) = tested_consignment(&app, 1, &[]);
    let draft = drafted(&app, &consignment);
    let (failing, _) = tested_consignment(&app, 1, FAILING);
    let notice = drafted(&app, &failing);
    assert_eq!(sign_as(&app, "certifier_kz", &notice, PASSWORD).status, 303);
    assert_eq!(sign_as(&app, "certifier_cn", &notice, PASSWORD).status, 303);

    let (certifier, kind, draft_pdf) = app
        .signed_in("certifier_cn")
        .get_bytes(&format!("/certificates/{draft}.pdf"));
    let (exporter, _, _) = app
        .signed_in("exporter")
        .get_bytes(&format!("/certificates/{draft}.pdf"));
    let (notice_status, _, notice_pdf) = app
        .signed_in("exporter")
        .get_bytes(&format!("/certificates/{notice}.pdf"));

    assert_eq!((certifier, kind.as_str()), (200, "application/pdf"));
    assert_eq!(exporter, 404, "an exporter never sees a draft");
    assert_eq!(notice_status, 200);
    if !have(&["pdftotext"]) {
        return;
    }
    let draft_text = text_of(&save(&app, "draft.pdf", &draft_pdf));
    assert!(
        draft_text.contains("Проект"),
        "the draft says it is one:\n{draft_text}"
    );
    let notice_text = text_of(&save(&app, "notice.pdf", &notice_pdf));
    let number = row(&app, &notice).1.unwrap();
    assert!(number.contains("-NC-"));
    for expected in [
        number.as_str(),
        "不合格通知书",
        "Уведомление о несоответствии",
        "AFB1",
        "6 µg/kg",
        "≤ 5 µg/kg",
    ] {
        assert!(
            notice_text.contains(expected),
            "{expected:?} not in the notice:\n{notice_text}"
        );
    }
}
