//! `GET /samples/{id}/labels?size=a4|58x40`: a printable sheet, one bilingual label per portion
//! with the portion's own identifier (`JL-2026-000007-KZ`) in text and as a QR code.

use actix_web::{HttpResponse, web};
use askama::Template;
use qrcode::QrCode;
use qrcode::render::svg;

use crate::auth::LabelPrinter;
use crate::error::AppError;
use crate::i18n::{Lang, t};
use crate::models::catalog::{Commodity, Named};
use crate::models::consignment::Consignment;
use crate::models::sample::{Portion, PortionKind, Sample, SampleId};
use crate::web::{AppState, Base, render};

crate::text_enum! {
    /// The paper the sheet is laid out for: A4 sheets cut by hand, or a label printer's roll.
    LabelSize {
        A4 => "a4",
        Roll58x40 => "58x40",
    }
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct LabelQuery {
    pub size: String,
}

/// One portion's text in one of the label's two languages.
struct LabelText {
    lang: Lang,
    portion: &'static str,
    commodity: String,
}

/// One portion's label.
struct Label {
    identifier: String,
    qr: String,
    texts: [LabelText; 2],
    seal: String,
}

#[derive(Template)]
#[template(path = "samples/labels.html")]
struct LabelSheet {
    base: Base,
    sample: Sample,
    consignment: Consignment,
    labels: Vec<Label>,
    size: LabelSize,
}

impl LabelSheet {
    fn sizes(&self) -> &'static [LabelSize] {
        LabelSize::ALL
    }
}

/// The two languages of a portion's label, the first the larger. The rule is the reader's:
/// the Kazakh portion and the counter-sample stay in Kazakhstan (the counter-sample store is
/// on the Kazakh side), so they read in Kazakh for the people who hold them and in Chinese for
/// the partner lab; the Chinese portion goes to China, so it reads in Chinese first and in
/// Russian, the language both sides' inspectors share at the border.
fn label_languages(portion: PortionKind) -> [Lang; 2] {
    match portion {
        PortionKind::Kz | PortionKind::Counter => [Lang::Kk, Lang::Zh],
        PortionKind::Cn => [Lang::Zh, Lang::Ru],
    }
}

fn label(sample: &Sample, commodity: &Commodity, portion: &Portion) -> Result<Label, AppError> {
    let identifier = portion.portion.identifier(&sample.code);
    let langs = label_languages(portion.portion);
    let texts = langs.map(|lang| LabelText {
        lang,
        portion: t(lang, &format!("portion.{}", portion.portion.as_str())),
        commodity: commodity.name(&lang).to_owned(),
    });
    let seal = format!(
        "{} / {}",
        t(langs[0], "labels.seal"),
        t(langs[1], "labels.seal")
    );
    Ok(Label {
        qr: qr_svg(&identifier, &format!("QR {identifier}"))?,
        identifier,
        texts,
        seal,
    })
}

/// The QR code of `text` as inline SVG markup, black on a white background.
pub fn qr_svg(text: &str, label: &str) -> Result<String, AppError> {
    let code =
        QrCode::new(text.as_bytes()).map_err(|e| AppError::internal(format!("QR code: {e}")))?;
    let image = code
        .render::<svg::Color>()
        .min_dimensions(160, 160)
        .quiet_zone(true)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build();
    // Inline in HTML: no XML declaration; a name for screen readers.
    let image = image
        .trim_start_matches(|c| c != '>')
        .trim_start_matches('>')
        .to_owned();
    let escaped: String = label
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == ' ')
        .collect();
    Ok(image.replacen(
        "<svg ",
        &format!("<svg role=\"img\" aria-label=\"{escaped}\" "),
        1,
    ))
}

pub async fn show(
    state: web::Data<AppState>,
    base: Base,
    who: LabelPrinter,
    id: web::Path<SampleId>,
    query: web::Query<LabelQuery>,
) -> Result<HttpResponse, AppError> {
    let size = LabelSize::parse(&query.size).unwrap_or(LabelSize::A4);
    let id = id.into_inner();
    let user = who.0;
    let (sample, consignment, commodity, portions) = state
        .db
        .run(move |conn| {
            let sample = Sample::find_for(conn, user.scope(), id)?.ok_or(AppError::NotFound)?;
            let consignment = Consignment::find_for(conn, user.scope(), sample.consignment_id)?
                .ok_or(AppError::NotFound)?;
            let commodity =
                Commodity::find(conn, consignment.commodity_id)?.ok_or(AppError::NotFound)?;
            Ok((sample, consignment, commodity, Sample::portions(conn, id)?))
        })
        .await?;
    let labels = portions
        .iter()
        .map(|p| label(&sample, &commodity, p))
        .collect::<Result<_, _>>()?;
    render(&LabelSheet {
        base,
        sample,
        consignment,
        labels,
        size,
    })
}
