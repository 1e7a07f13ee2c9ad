//! Writes laid-out pages with krilla: text as real text in runs of one font each (so it
//! extracts and copies), rules and boxes as paths, the QR code as one filled path.

use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;

use super::Document;
use super::fonts::family;
use super::layout::{Op, PAGE_H, PAGE_W, Rgb};

fn paint(c: Rgb) -> krilla::paint::Paint {
    rgb::Color::new(c.0, c.1, c.2).into()
}

fn fill(c: Rgb) -> Fill {
    Fill {
        paint: paint(c),
        ..Fill::default()
    }
}

fn text(surface: &mut Surface, x: f32, y: f32, size: f32, fam: &super::fonts::Family, s: &str) {
    let mut x = x;
    for run in fam.runs(s) {
        let part = &s[run.range];
        let glyphs = fam.glyphs(run.face, part);
        let face = &fam.faces[run.face];
        surface.draw_glyphs(
            Point::from_xy(x, y),
            &glyphs,
            face.krilla.clone(),
            part,
            size,
            false,
        );
        x += glyphs.iter().map(|g| g.x_advance).sum::<f32>() * size;
    }
}

fn op(surface: &mut Surface, op: &Op) {
    match op {
        Op::Text {
            x,
            y,
            size,
            weight,
            color,
            text: s,
        } => {
            surface.set_stroke(None);
            surface.set_fill(Some(fill(*color)));
            text(surface, *x, *y, *size, family(*weight), s);
        }
        Op::Rect {
            x,
            y,
            w,
            h,
            fill: f,
            stroke,
        } => {
            let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) else {
                return;
            };
            let mut pb = PathBuilder::new();
            pb.push_rect(rect);
            let Some(path) = pb.finish() else { return };
            surface.set_fill(f.map(fill));
            surface.set_stroke(stroke.map(|(c, width)| Stroke {
                paint: paint(c),
                width,
                ..Stroke::default()
            }));
            surface.draw_path(&path);
        }
        Op::Line {
            x1,
            y1,
            x2,
            y2,
            color,
            width,
        } => {
            let mut pb = PathBuilder::new();
            pb.move_to(*x1, *y1);
            pb.line_to(*x2, *y2);
            let Some(path) = pb.finish() else { return };
            surface.set_fill(None);
            surface.set_stroke(Some(Stroke {
                paint: paint(*color),
                width: *width,
                ..Stroke::default()
            }));
            surface.draw_path(&path);
        }
        Op::Qr {
            x,
            y,
            module,
            size,
            dark,
        } => {
            // One path of horizontal runs of dark modules: fewer operators than one square
            // each, and no hairline seams between neighbours when rasterised.
            let mut pb = PathBuilder::new();
            for (row, line) in dark.chunks(*size).enumerate() {
                let mut col = 0;
                while col < *size {
                    if !line[col] {
                        col += 1;
                        continue;
                    }
                    let start = col;
                    while col < *size && line[col] {
                        col += 1;
                    }
                    if let Some(r) = Rect::from_xywh(
                        x + start as f32 * module,
                        y + row as f32 * module,
                        (col - start) as f32 * module,
                        *module,
                    ) {
                        pb.push_rect(r);
                    }
                }
            }
            if let Some(path) = pb.finish() {
                surface.set_stroke(None);
                surface.set_fill(Some(fill((0, 0, 0))));
                surface.draw_path(&path);
            }
        }
    }
}

/// The PDF of the laid-out `pages`.
pub fn draw(doc: &Document, pages: &[Vec<Op>]) -> Result<Vec<u8>, String> {
    let mut pdf = krilla::Document::new();
    pdf.set_metadata(
        Metadata::new()
            .title(format!(
                "{} / {} {}",
                doc.title.primary, doc.title.secondary, doc.number
            ))
            .creator("jointlab".to_owned()),
    );
    for ops in pages {
        let settings = PageSettings::from_wh(PAGE_W, PAGE_H).ok_or("A4 is a page size")?;
        let mut page = pdf.start_page_with(settings);
        let mut surface = page.surface();
        for o in ops {
            op(&mut surface, o);
        }
        surface.finish();
        page.finish();
    }
    pdf.finish().map_err(|e| format!("PDF: {e:?}"))
}
