//! The PDF renderer read back by independent tools: qpdf checks the structure, pdffonts that
//! every font is embedded, pdftotext that Chinese, Russian and Kazakh come out as text,
//! pdftoppm + zbarimg that the QR code decodes to the verification URL. Without a tool a test
//! says so and passes, except in CI (`CI=true`), where a missing tool fails it.

mod fixture;

use std::path::{Path, PathBuf};
use std::process::Command;

use jointlab::pdf::{self, Document};

/// Whether `tool` is on the PATH; outside CI a missing tool skips the test with a message.
fn have(tool: &str) -> bool {
    let found = std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(tool).is_file()));
    if !found {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{tool} is missing (apt-get install qpdf poppler-utils zbar-tools)"
        );
        eprintln!(
            "SKIPPED: {tool} is not installed (apt-get install qpdf poppler-utils zbar-tools)"
        );
    }
    found
}

/// A fresh directory for one test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("jointlab-pdf-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(doc: &Document, dir: &Path) -> PathBuf {
    let bytes = pdf::render(doc).expect("renders");
    assert!(bytes.starts_with(b"%PDF-"), "not a PDF");
    let path = dir.join("out.pdf");
    std::fs::write(&path, bytes).unwrap();
    path
}

fn run(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool).args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "{tool} {args:?}: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn text_of(path: &Path) -> String {
    let text = run(
        "pdftotext",
        &["-layout", "-enc", "UTF-8", path.to_str().unwrap(), "-"],
    );
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn renders_a_one_page_certificate_with_a_valid_structure() {
    let dir = scratch("structure");
    let path = write(&fixture::certificate(), &dir);
    if !have("qpdf") {
        return;
    }
    let out = run("qpdf", &["--check", path.to_str().unwrap()]);
    assert!(
        out.contains("No syntax or stream encoding errors found"),
        "{out}"
    );
    assert!(!out.to_lowercase().contains("warning"), "{out}");
    if have("pdfinfo") {
        let info = run("pdfinfo", &[path.to_str().unwrap()]);
        assert!(info.contains("Pages:           1"), "{info}");
        assert!(info.contains("595.28 x 841.89 pts (A4)"), "{info}");
    }
}

#[test]
fn every_font_is_embedded_and_subset() {
    let dir = scratch("fonts");
    let path = write(&fixture::certificate(), &dir);
    if !have("pdffonts") {
        return;
    }
    let out = run("pdffonts", &[path.to_str().unwrap()]);
    let fonts: Vec<&str> = out.lines().skip(2).collect();
    assert!(fonts.len() >= 3, "{out}");
    for line in fonts {
        let cols: Vec<&str> = line.split_whitespace().collect();
        // name type... emb sub uni object ID: the three flags are the 5th, 4th and 3rd from the end.
        let n = cols.len();
        assert_eq!(cols[n - 5], "yes", "not embedded: {line}");
        assert_eq!(cols[n - 4], "yes", "not subset: {line}");
        assert_eq!(cols[n - 3], "yes", "no ToUnicode: {line}");
    }
}

#[test]
fn chinese_russian_and_kazakh_read_back_as_text() {
    let dir = scratch("text");
    let path = write(&fixture::certificate(), &dir);
    if !have("pdftotext") {
        return;
    }
    let text = text_of(&path);
    for expected in [
        "植物检疫证书",
        "Фитосанитарный сертификат",
        "KZ-CN-2026-00042",
        "«Алтын Дала» ЖШС",
        "小麦",
        "新疆丰收粮油贸易有限公司",
        "Әлия Нұрғалиқызы Сейітқали",
        "«Үлкен Һарман» ш/қ",
        "王建国",
        "符合",
    ] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }
    assert!(text.replace(' ', "").contains("1/1"), "no page number");
    for letter in "ӘҒҚҢӨҰҮҺІ".chars() {
        assert!(text.contains(letter), "{letter} not in:\n{text}");
    }
}

#[test]
fn the_qr_code_decodes_to_exactly_the_url() {
    let dir = scratch("qr");
    let path = write(&fixture::certificate(), &dir);
    if !have("pdftoppm") || !have("zbarimg") {
        return;
    }
    let prefix = dir.join("page");
    run(
        "pdftoppm",
        &[
            "-r",
            "150",
            "-png",
            path.to_str().unwrap(),
            prefix.to_str().unwrap(),
        ],
    );
    let mut pngs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "png"))
        .collect();
    pngs.sort();
    // The QR code is on the last page; zbarimg fails on a page without one.
    let last = pngs.last().expect("a PNG page");
    let out = run("zbarimg", &["--quiet", "--raw", last.to_str().unwrap()]);
    assert_eq!(out.trim_end(), fixture::URL);
}

#[test]
fn a_long_document_has_page_numbers_and_repeats_the_table_header() {
    let dir = scratch("pages");
    let doc = fixture::three_pages();
    let path = write(&doc, &dir);
    if !have("pdftotext") {
        return;
    }
    let pages = run("pdftotext", &["-enc", "UTF-8", path.to_str().unwrap(), "-"]);
    let pages: Vec<&str> = pages
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert_eq!(pages.len(), 3, "expected three pages");
    for (i, page) in pages.iter().enumerate() {
        let page = page.split_whitespace().collect::<Vec<_>>().join(" ");
        let number = format!("{}/3", i + 1);
        assert!(
            page.replace(' ', "").contains(&number),
            "page {}:\n{page}",
            i + 1
        );
        assert!(
            page.contains("KZ-CN-2026-00042"),
            "number on page {}",
            i + 1
        );
        assert!(page.contains("ОТОЗВАН"), "stamp on page {}", i + 1);
        assert!(
            page.contains("lab.example.kz/verify/KZ-CN-2026-00042"),
            "footer on page {}",
            i + 1
        );
    }
    // The results table runs onto page 2, under its header row again.
    let second = pages[1].split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        second.contains("样品编号") && second.contains("Код пробы"),
        "{second}"
    );
}

#[test]
fn unprintable_names_the_first_character_no_font_has() {
    assert_eq!(
        pdf::unprintable("«Алтын Дала» ЖШС ӘҒҚҢӨҰҮҺІ әғқңөұүһі 小麦，合格。"),
        None
    );
    assert_eq!(
        pdf::unprintable("Фитосанитарный сертификат № 42 — 100 %"),
        None
    );
    assert_eq!(pdf::unprintable("wheat 🌾 пшеница"), Some('🌾'));
    // 龘 is a real character, but outside the common-use subset shipped.
    assert_eq!(pdf::unprintable("小麦龘"), Some('龘'));
}

#[test]
fn an_empty_document_still_renders() {
    let bytes = pdf::render(&Document::default()).expect("renders");
    assert!(bytes.starts_with(b"%PDF-"));
}
