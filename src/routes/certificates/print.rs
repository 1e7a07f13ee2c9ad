//! `GET /certificates/{id}.pdf`: the document as printed — A4, Chinese and Russian side by
//! side, made in-process (`crate::pdf`) from the contents frozen on the record, with the QR
//! code of the token's verification URL, the code for manual entry, both signatures, and a
//! stamp when it is not (or no longer) valid.

use actix_web::http::header;
use actix_web::{HttpResponse, web};

use super::{Document, conformity_text, kind_key, limit_text, reading_text, signed_times};
use crate::auth::CertificateReader;
use crate::domain::Side;
use crate::domain::certificate::{Names, ResultLine};
use crate::error::AppError;
use crate::i18n::{Lang, t};
use crate::models::certificate::{CertificateId, Standing};
use crate::pdf::{self, Bilingual, Block, QrBlock, Signer};
use crate::web::AppState;

/// The two languages of the printed document: the destination's first, then Russian.
const PRIMARY: Lang = Lang::Zh;
const SECONDARY: Lang = Lang::Ru;

fn both(key: &str) -> Bilingual {
    Bilingual::new(t(PRIMARY, key), t(SECONDARY, key))
}

fn names(n: &Names) -> String {
    two_lines(n.get(&PRIMARY), n.get(&SECONDARY))
}

fn two_lines(a: &str, b: &str) -> String {
    if a == b {
        a.to_owned()
    } else {
        format!("{a}\n{b}")
    }
}

fn keyed(prefix: &str, key: &str) -> String {
    let full = format!("{prefix}{key}");
    two_lines(t(PRIMARY, &full), t(SECONDARY, &full))
}

/// A result as a table row; the sample's code leads it when the consignment has several.
fn result_row(line: &ResultLine, with_sample: bool) -> Vec<String> {
    let side = Side::parse(&line.side).map_or(String::new(), |s| keyed("side.", s.as_str()));
    let mut row = Vec::with_capacity(7);
    if with_sample {
        row.push(line.sample.clone());
    }
    row.extend([
        side,
        format!("{} ({})", names(&line.method), line.method_code),
        line.standard.clone(),
        two_lines(&reading_text(PRIMARY, line), &reading_text(SECONDARY, line)),
        two_lines(&limit_text(PRIMARY, line), &limit_text(SECONDARY, line)),
        two_lines(
            conformity_text(PRIMARY, line),
            conformity_text(SECONDARY, line),
        ),
    ]);
    row
}

/// The printable document of `doc`; `public_url` is where the QR code and the printed
/// verification address lead.
pub fn printable(doc: &Document, public_url: &str) -> pdf::Document {
    let c = &doc.certificate;
    let contents = &doc.contents;
    let base = public_url.trim_end_matches('/');
    let time = |at: &crate::db::types::UtcTime| format!("{} UTC", at.0.format("%Y-%m-%d %H:%M"));
    let mut particulars = vec![
        (
            both("intake.exporter"),
            format!(
                "{}\n{} {}\n{}",
                contents.exporter,
                t(SECONDARY, "field.bin"),
                contents.exporter_bin,
                contents.exporter_address
            ),
        ),
        (both("intake.consignee"), contents.consignee.clone()),
        (
            both("intake.commodity"),
            format!("{}\nHS {}", names(&contents.commodity), contents.hs_code),
        ),
        (
            both("intake.quantity"),
            format!(
                "{} {}",
                contents.quantity,
                two_lines(
                    t(PRIMARY, &format!("unit.{}", contents.unit)),
                    t(SECONDARY, &format!("unit.{}", contents.unit))
                )
                .replace('\n', " / ")
            ),
        ),
        (both("intake.lots"), contents.lots.clone()),
        (
            both("certification.transport_details"),
            format!(
                "{}\n{}",
                keyed("transport.", &contents.transport).replace('\n', " / "),
                contents.transport_details
            ),
        ),
        (
            both("intake.origin"),
            format!(
                "{}, {}\n{}",
                contents.origin_region, contents.origin_district, contents.producer
            ),
        ),
        (
            both("field.border_post"),
            format!(
                "{} ({})",
                names(&contents.post).replace('\n', " / "),
                contents.post_code
            ),
        ),
        (
            both("certification.destination"),
            names(&contents.destination),
        ),
    ];
    if let Some(r) = &contents.gacc_registration {
        particulars.push((both("certification.gacc_registration"), r.clone()));
    }
    particulars.push((
        both("samples.title"),
        contents
            .samples
            .iter()
            .map(|s| format!("{} ({} {})", s.code, t(SECONDARY, "samples.seal"), s.seal))
            .collect::<Vec<_>>()
            .join("\n"),
    ));
    if let Some(at) = &c.issued_at {
        particulars.push((both("certificate.issued_at"), time(at)));
    }
    if let Some(until) = &c.valid_until {
        particulars.push((both("certificate.valid_until"), time(until)));
    }
    if let Some(old) = &doc.replaces {
        particulars.push((
            both("certificate.replaces"),
            format!(
                "{}\n{}",
                old.number.as_deref().unwrap_or(""),
                c.replacement_reason.as_deref().unwrap_or("")
            ),
        ));
    }
    if let (Standing::Revoked, Some(reason)) = (doc.standing, &c.revocation_reason) {
        particulars.push((both("certification.revocation_reason"), reason.clone()));
    }
    if !contents.remarks.is_empty() {
        particulars.push((both("certification.remarks"), contents.remarks.clone()));
    }
    let with_sample = contents.samples.len() > 1;
    let mut columns = vec![
        "field.side",
        "certification.method",
        "certification.standard",
        "certification.result",
        "certification.limit",
        "certification.conformity",
    ];
    let mut widths = vec![1.3, 3.8, 1.9, 1.7, 1.7, 1.4];
    if with_sample {
        columns.insert(0, "intake.code");
        widths.insert(0, 2.2);
    }
    let results = Block::Table {
        heading: both(if c.kind.is_notice() {
            "certification.failing_results"
        } else {
            "certification.results"
        }),
        columns: columns.iter().map(|k| both(k)).collect(),
        rows: contents
            .results
            .iter()
            .map(|r| result_row(r, with_sample))
            .collect(),
        widths,
    };
    let mut blocks = vec![Block::Fields {
        heading: both("certification.particulars"),
        rows: particulars,
    }];
    if !contents.declarations.is_empty() {
        blocks.push(Block::Paragraphs {
            heading: both("certification.declarations"),
            items: contents
                .declarations
                .iter()
                .map(|d| Bilingual::new(d.text.get(&PRIMARY), d.text.get(&SECONDARY)))
                .collect(),
        });
    }
    // Signatures and the QR code on the first page where room allows; the results follow.
    blocks.push(Block::Signatures {
        heading: both("certification.signatures"),
        signers: doc
            .signatures
            .iter()
            .map(|s| {
                let (utc, local) = signed_times(&s.signed_at, s.time_zone);
                Signer {
                    meaning: both(&format!("certificate.meaning.{}", s.meaning.as_str())),
                    name: s.printed_name.clone(),
                    side: both(&format!("side.{}", s.side.as_str())),
                    signed_at: vec![utc, local],
                }
            })
            .collect(),
    });
    blocks.push(results);
    let code = doc.code();
    let number = c
        .number
        .clone()
        .unwrap_or_else(|| keyed("certificate.status.", "draft").replace('\n', " / "));
    let qr = c.token.as_ref().map(|token| QrBlock {
        url: format!("{base}/v/{token}"),
        caption: vec![
            format!("{base}/verify"),
            format!(
                "{} / {}: {code}",
                t(PRIMARY, "certificate.verification_code"),
                t(SECONDARY, "certificate.verification_code")
            ),
        ],
    });
    let stamp = match doc.standing {
        Standing::Valid => None,
        other => Some(both(&format!("certificate.standing.{}", other.as_str()))),
    };
    let mut footer = vec![format!(
        "{} / {}",
        t(PRIMARY, "layout.footer"),
        t(SECONDARY, "layout.footer")
    )];
    if c.verification_code.is_some() {
        footer.push(format!("{base}/verify/{number}?code={code}"));
    }
    pdf::Document {
        title: both(kind_key(c.kind.as_str())),
        subtitle: vec![
            t(PRIMARY, "layout.footer").to_owned(),
            t(SECONDARY, "layout.footer").to_owned(),
        ],
        number,
        stamp,
        blocks,
        qr,
        footer,
    }
}

pub async fn download(
    state: web::Data<AppState>,
    who: CertificateReader,
    path: web::Path<CertificateId>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let scope = who.0.scope();
    let doc = state
        .db
        .run(move |conn| Document::load(conn, scope, id))
        .await?;
    let printable = printable(&doc, &state.settings.server.public_url);
    let bytes = actix_web::rt::task::spawn_blocking(move || pdf::render(&printable))
        .await
        .map_err(AppError::internal)?
        .map_err(AppError::internal)?;
    let name = doc
        .certificate
        .number
        .clone()
        .unwrap_or_else(|| format!("draft-{id}"));
    Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("inline; filename=\"{name}.pdf\""),
        ))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(bytes))
}
