//! `GET /samples/{id}/labels`: a printable sheet, one label per portion with the sample's
//! code, commodity, portion and a QR code that decodes to the code.

use actix_web::{HttpResponse, web};
use askama::Template;
use qrcode::QrCode;
use qrcode::render::svg;

use crate::auth::LabelPrinter;
use crate::error::AppError;
use crate::models::catalog::{Commodity, Named};
use crate::models::consignment::Consignment;
use crate::models::sample::{Portion, Sample, SampleId};
use crate::web::{AppState, Base, render};

#[derive(Template)]
#[template(path = "samples/labels.html")]
struct LabelSheet {
    base: Base,
    sample: Sample,
    consignment: Consignment,
    commodity: Commodity,
    portions: Vec<Portion>,
    qr: String,
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
) -> Result<HttpResponse, AppError> {
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
    let qr = qr_svg(&sample.code, &format!("QR {}", sample.code))?;
    render(&LabelSheet {
        base,
        sample,
        consignment,
        commodity,
        portions,
        qr,
    })
}
