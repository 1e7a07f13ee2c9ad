//! Page layout: turns a [`Document`] into pages of drawing operations, in points from the
//! top left of an A4 page. Rows, paragraphs and signature boxes are kept whole; a table
//! continues on the next page under its repeated header row. Footers are added once the
//! number of pages is known.

use super::fonts::{Weight, family};
use super::wrap::{widest_piece, wrap};
use super::{Bilingual, Block, Document, QrBlock, Signer};

pub const PAGE_W: f32 = 595.28;
pub const PAGE_H: f32 = 841.89;
const MARGIN: f32 = 42.0;
const TOP: f32 = 32.0;
const WIDTH: f32 = PAGE_W - 2.0 * MARGIN;
const LABEL_W: f32 = 100.0;
const PAD: f32 = 3.0;
const LEADING: f32 = 1.25;

pub type Rgb = (u8, u8, u8);
pub const BLACK: Rgb = (0, 0, 0);
pub const INK: Rgb = (40, 40, 40);
pub const GREY: Rgb = (105, 105, 105);
pub const RULE: Rgb = (140, 140, 140);
pub const SHADE: Rgb = (232, 234, 237);
pub const LIGHT: Rgb = (246, 247, 248);
pub const RED: Rgb = (196, 22, 28);

/// One drawing operation.
#[derive(Debug, Clone)]
pub enum Op {
    /// One line of text; `y` is the baseline.
    Text {
        x: f32,
        y: f32,
        size: f32,
        weight: Weight,
        color: Rgb,
        text: String,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<Rgb>,
        stroke: Option<(Rgb, f32)>,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        color: Rgb,
        width: f32,
    },
    /// A QR code: `size` modules a side (row by row, true = dark), each `module` points.
    Qr {
        x: f32,
        y: f32,
        module: f32,
        size: usize,
        dark: Vec<bool>,
    },
}

/// A text style.
#[derive(Clone, Copy)]
struct Style {
    size: f32,
    weight: Weight,
    color: Rgb,
}

const fn style(size: f32, weight: Weight, color: Rgb) -> Style {
    Style {
        size,
        weight,
        color,
    }
}

const BODY: Style = style(9.0, Weight::Regular, BLACK);
const CELL: Style = style(8.0, Weight::Regular, BLACK);
const LABEL_1: Style = style(7.0, Weight::Regular, GREY);
const LABEL_2: Style = style(6.5, Weight::Regular, GREY);
const HEAD_1: Style = style(7.0, Weight::Bold, INK);
const HEAD_2: Style = style(6.5, Weight::Regular, INK);
const SMALL: Style = style(6.5, Weight::Regular, GREY);

impl Style {
    fn line_h(self) -> f32 {
        // Small print (labels, captions) sits tighter than body text.
        if self.size < 7.5 {
            self.size * 1.18
        } else {
            self.size * LEADING
        }
    }

    fn width(self, text: &str) -> f32 {
        family(self.weight).width(text, self.size)
    }

    fn wrap(self, text: &str, width: f32) -> Vec<String> {
        let fam = family(self.weight);
        wrap(text, width, |s| fam.width(s, self.size))
    }
}

/// Wrapped lines in one style: a unit of text to measure and then place.
struct Para {
    style: Style,
    lines: Vec<String>,
}

impl Para {
    fn new(style: Style, text: &str, width: f32) -> Para {
        Para {
            style,
            lines: style.wrap(text, width),
        }
    }

    fn height(&self) -> f32 {
        self.lines.len() as f32 * self.style.line_h()
    }
}

fn height(paras: &[Para]) -> f32 {
    paras.iter().map(Para::height).sum()
}

/// Where the layout is: the pages so far and the top of the free space on the last one.
struct Composer<'d> {
    doc: &'d Document,
    pages: Vec<Vec<Op>>,
    y: f32,
    bottom: f32,
}

impl Composer<'_> {
    fn ops(&mut self) -> &mut Vec<Op> {
        self.pages.last_mut().expect("a page is open")
    }

    fn text(&mut self, x: f32, top: f32, style: Style, text: &str) {
        if text.is_empty() {
            return;
        }
        self.ops().push(Op::Text {
            x,
            // The baseline, so that capitals and ideographs sit inside the line box.
            y: top + style.size * 1.0,
            size: style.size,
            weight: style.weight,
            color: style.color,
            text: text.to_owned(),
        });
    }

    /// Places `paras` one under another from `top`; returns the bottom.
    fn paras(&mut self, x: f32, mut top: f32, paras: &[Para]) -> f32 {
        for para in paras {
            for line in &para.lines {
                self.text(x, top, para.style, line);
                top += para.style.line_h();
            }
        }
        top
    }

    fn centered(&mut self, top: f32, para: &Para) -> f32 {
        let mut top = top;
        for line in &para.lines {
            let x = MARGIN + (WIDTH - para.style.width(line)) / 2.0;
            self.text(x, top, para.style, line);
            top += para.style.line_h();
        }
        top
    }

    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, fill: Option<Rgb>, stroke: Option<Rgb>) {
        self.ops().push(Op::Rect {
            x,
            y,
            w,
            h,
            fill,
            stroke: stroke.map(|c| (c, 0.5)),
        });
    }

    fn rule(&mut self, y: f32, width: f32, color: Rgb) {
        self.ops().push(Op::Line {
            x1: MARGIN,
            y1: y,
            x2: MARGIN + WIDTH,
            y2: y,
            color,
            width,
        });
    }

    /// Starts a new page when `h` points do not fit on this one; true if it did.
    fn room(&mut self, h: f32) -> bool {
        if self.y + h <= self.bottom {
            return false;
        }
        self.pages.push(Vec::new());
        self.continuation_header();
        true
    }

    fn first_header(&mut self) {
        let doc = self.doc;
        let number = style(12.0, Weight::Bold, BLACK);
        let box_w = (number.width(&doc.number) + 20.0).clamp(110.0, WIDTH / 2.0);
        let box_h: f32 = 30.0;
        let lines = Para::new(number, &doc.number, box_w - 12.0);
        let box_h = box_h.max(lines.height() + 12.0);
        let box_x = MARGIN + WIDTH - box_w;
        self.rect(box_x, TOP, box_w, box_h, None, Some(INK));
        let mut top = TOP + (box_h - lines.height()) / 2.0;
        for line in &lines.lines {
            let x = box_x + (box_w - number.width(line)) / 2.0;
            self.text(x, top, number, line);
            top += number.line_h();
        }
        let sub: Vec<Para> = doc
            .subtitle
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let weight = if i == 0 {
                    Weight::Bold
                } else {
                    Weight::Regular
                };
                Para::new(style(8.5, weight, INK), s, WIDTH - box_w - 16.0)
            })
            .collect();
        let sub_bottom = self.paras(MARGIN, TOP + 2.0, &sub);
        let y = sub_bottom.max(TOP + box_h) + 6.0;
        self.rule(y, 1.2, INK);
        let mut y = y + 8.0;
        let t1 = Para::new(style(16.0, Weight::Bold, BLACK), &doc.title.primary, WIDTH);
        let t2 = Para::new(style(12.0, Weight::Bold, INK), &doc.title.secondary, WIDTH);
        y = self.centered(y, &t1) + 2.0;
        y = self.centered(y, &t2) + 4.0;
        if let Some(stamp) = &doc.stamp {
            let s = style(13.0, Weight::Bold, RED);
            let text = format!("{}  ·  {}", stamp.primary, stamp.secondary);
            let w = s.width(&text).min(WIDTH - 20.0) + 28.0;
            let lines = Para::new(s, &text, w - 28.0);
            let h = lines.height() + 12.0;
            let x = MARGIN + (WIDTH - w) / 2.0;
            self.ops().push(Op::Rect {
                x,
                y,
                w,
                h,
                fill: None,
                stroke: Some((RED, 1.8)),
            });
            self.ops().push(Op::Rect {
                x: x + 3.0,
                y: y + 3.0,
                w: w - 6.0,
                h: h - 6.0,
                fill: None,
                stroke: Some((RED, 0.6)),
            });
            self.centered(y + 6.0, &lines);
            y += h + 6.0;
        }
        self.rule(y, 0.5, RULE);
        self.y = y + 4.0;
    }

    fn continuation_header(&mut self) {
        let doc = self.doc;
        let number = style(9.0, Weight::Bold, BLACK);
        let nw = number.width(&doc.number);
        self.text(MARGIN + WIDTH - nw, TOP, number, &doc.number);
        let mut title = format!("{} / {}", doc.title.primary, doc.title.secondary);
        let head = style(8.0, Weight::Regular, GREY);
        let max = WIDTH - nw - 16.0;
        let first = head.wrap(&title, max).swap_remove(0);
        self.text(MARGIN, TOP, head, &first);
        if let Some(stamp) = &doc.stamp {
            title = format!("{} / {}", stamp.primary, stamp.secondary);
            let s = style(8.0, Weight::Bold, RED);
            let x = MARGIN + head.width(&first) + 10.0;
            if x + s.width(&title) < MARGIN + max {
                self.text(x, TOP, s, &title);
            }
        }
        let y = TOP + 16.0;
        self.rule(y, 0.5, RULE);
        self.y = y + 4.0;
    }

    /// The heading of a block: primary in bold, secondary beside it, a rule under both.
    fn heading(&mut self, heading: &Bilingual) -> f32 {
        let s1 = style(9.5, Weight::Bold, BLACK);
        let s2 = style(8.5, Weight::Regular, INK);
        let top = self.y + 8.0;
        self.text(MARGIN, top, s1, &heading.primary);
        let x = MARGIN + s1.width(&heading.primary) + 8.0;
        let room = MARGIN + WIDTH - x;
        let second = s2.wrap(&heading.secondary, room).swap_remove(0);
        self.text(x, top + 0.8, s2, &second);
        let y = top + s1.line_h() + 1.0;
        self.rule(y, 0.8, INK);
        self.y = y + 3.0;
        self.y
    }

    /// Starts a block whose heading must sit on one page with at least `first` points of it.
    fn block_start(&mut self, heading: &Bilingual, first: f32) {
        self.room(8.0 + BODY.line_h() + 4.0 + first);
        self.heading(heading);
    }

    /// Label and value rows; two short values (up to two short lines) share a row, as on a
    /// paper form.
    fn fields(&mut self, heading: &Bilingual, rows: &[(Bilingual, String)]) {
        let full_w = WIDTH - LABEL_W;
        let half_w = WIDTH / 2.0 - LABEL_W;
        let short = |value: &str| {
            value.lines().count() <= 2 && value.lines().all(|l| BODY.width(l) <= half_w - 2.0 * PAD)
        };
        let cell = |(label, value): &(Bilingual, String), w: f32| -> (Vec<Para>, Para) {
            let label = vec![
                Para::new(LABEL_1, &label.primary, LABEL_W - 2.0 * PAD),
                Para::new(LABEL_2, &label.secondary, LABEL_W - 2.0 * PAD),
            ];
            (label, Para::new(BODY, value, w - 2.0 * PAD))
        };
        let mut lines: Vec<Vec<(Vec<Para>, Para)>> = Vec::new();
        let mut i = 0;
        while i < rows.len() {
            if i + 1 < rows.len() && short(&rows[i].1) && short(&rows[i + 1].1) {
                lines.push(vec![cell(&rows[i], half_w), cell(&rows[i + 1], half_w)]);
                i += 2;
            } else {
                lines.push(vec![cell(&rows[i], full_w)]);
                i += 1;
            }
        }
        let line_h = |cells: &Vec<(Vec<Para>, Para)>| {
            cells
                .iter()
                .map(|(label, value)| height(label).max(value.height()))
                .fold(0.0, f32::max)
                + 2.0 * PAD
        };
        self.block_start(heading, lines.first().map_or(0.0, line_h));
        for cells in &lines {
            let h = line_h(cells);
            self.room(h);
            let y = self.y;
            let value_w = if cells.len() == 2 { half_w } else { full_w };
            let mut x = MARGIN;
            for (label, value) in cells {
                self.rect(x, y, LABEL_W, h, Some(LIGHT), Some(RULE));
                self.rect(x + LABEL_W, y, value_w, h, None, Some(RULE));
                self.paras(x + PAD, y + PAD, label);
                self.paras(x + LABEL_W + PAD, y + PAD, std::slice::from_ref(value));
                x += LABEL_W + value_w;
            }
            self.y += h;
        }
    }

    fn table(
        &mut self,
        heading: &Bilingual,
        columns: &[Bilingual],
        rows: &[Vec<String>],
        widths: &[f32],
    ) {
        let n = columns.len().max(1);
        let widths = column_widths(columns, rows, widths);
        let cell_w = |i: usize| widths[i] - 2.0 * PAD;
        let header: Vec<Vec<Para>> = columns
            .iter()
            .enumerate()
            .map(|(i, c)| {
                vec![
                    Para::new(HEAD_1, &c.primary, cell_w(i)),
                    Para::new(HEAD_2, &c.secondary, cell_w(i)),
                ]
            })
            .collect();
        let header_h = header.iter().map(|c| height(c)).fold(0.0, f32::max) + 2.0 * PAD;
        let body: Vec<Vec<Vec<Para>>> = rows
            .iter()
            .map(|row| {
                (0..n)
                    .map(|i| {
                        let text = row.get(i).map_or("", String::as_str);
                        vec![Para::new(CELL, text, cell_w(i))]
                    })
                    .collect()
            })
            .collect();
        let row_h = |cells: &Vec<Vec<Para>>| {
            cells.iter().map(|c| height(c)).fold(0.0, f32::max) + 2.0 * PAD
        };
        self.block_start(heading, header_h + body.first().map_or(0.0, row_h));
        self.table_row(&widths, &header, header_h, Some(SHADE));
        for cells in &body {
            let h = row_h(cells);
            if self.room(h) {
                self.table_row(&widths, &header, header_h, Some(SHADE));
            }
            self.table_row(&widths, cells, h, None);
        }
    }

    fn table_row(&mut self, widths: &[f32], cells: &[Vec<Para>], h: f32, fill: Option<Rgb>) {
        let mut x = MARGIN;
        let y = self.y;
        for (w, cell) in widths.iter().zip(cells) {
            self.rect(x, y, *w, h, fill, Some(RULE));
            self.paras(x + PAD, y + PAD, cell);
            x += w;
        }
        self.y += h;
    }

    fn paragraphs(&mut self, heading: &Bilingual, items: &[Bilingual]) {
        let indent = 18.0;
        let second = style(8.5, Weight::Regular, INK);
        let laid: Vec<Vec<Para>> = items
            .iter()
            .map(|item| {
                vec![
                    Para::new(
                        style(8.5, Weight::Regular, BLACK),
                        &item.primary,
                        WIDTH - indent,
                    ),
                    Para::new(second, &item.secondary, WIDTH - indent),
                ]
            })
            .collect();
        self.block_start(heading, laid.first().map_or(0.0, |p| height(p) + 4.0));
        for (i, item) in laid.iter().enumerate() {
            self.room(height(item) + 4.0);
            let top = self.y + 3.0;
            self.text(
                MARGIN,
                top,
                style(8.5, Weight::Regular, BLACK),
                &format!("{}.", i + 1),
            );
            self.y = self.paras(MARGIN + indent, top, item) + 1.0;
        }
    }

    /// Signature boxes side by side; with `qr`, the QR code at their right and its caption
    /// under them.
    fn signatures(&mut self, heading: &Bilingual, signers: &[Signer], qr: Option<&Qr>) {
        let n = signers.len().max(1);
        let gap = 12.0;
        let qr_w = qr.map_or(0.0, |q| q.side + 2.0 * q.quiet);
        let room = WIDTH - qr_w;
        let w = (room - gap * (n - 1) as f32) / n as f32;
        let inner = w - 2.0 * PAD - 4.0;
        let laid: Vec<Vec<Para>> = signers
            .iter()
            .map(|s| {
                let side = format!("{} / {}", s.side.primary, s.side.secondary);
                let meaning = format!("{} / {}", s.meaning.primary, s.meaning.secondary);
                let mut p = vec![
                    Para::new(LABEL_1, &meaning, inner),
                    Para::new(style(10.0, Weight::Bold, BLACK), &s.name, inner),
                    Para::new(style(7.5, Weight::Regular, INK), &side, inner),
                ];
                p.extend(s.signed_at.iter().map(|t| Para::new(SMALL, t, inner)));
                p
            })
            .collect();
        let box_h = laid.iter().map(|p| height(p)).fold(40.0, f32::max) + 2.0 * PAD + 7.0;
        let caption: Vec<Para> = qr.map_or(Vec::new(), |q| {
            q.caption
                .iter()
                .map(|c| Para::new(style(8.0, Weight::Regular, INK), c, room - 8.0))
                .collect()
        });
        let caption_h = if caption.is_empty() {
            0.0
        } else {
            height(&caption) + 8.0
        };
        let h = (box_h + caption_h).max(qr_w - qr.map_or(0.0, |q| q.quiet));
        self.block_start(heading, h + 6.0);
        let y = self.y + 6.0;
        for (i, p) in laid.iter().enumerate() {
            let x = MARGIN + i as f32 * (w + gap);
            self.ops().push(Op::Rect {
                x,
                y,
                w,
                h: box_h,
                fill: None,
                stroke: Some((INK, 0.7)),
            });
            // Some air between the meaning and the name, as on a paper form.
            let top = self.paras(x + PAD + 2.0, y + PAD + 2.0, &p[..1]) + 3.0;
            self.paras(x + PAD + 2.0, top, &p[1..]);
        }
        self.paras(MARGIN, y + box_h + 8.0, &caption);
        if let Some(q) = qr {
            self.ops().push(q.op(MARGIN + WIDTH - q.side, y));
        }
        self.y = y + h;
    }

    /// The QR code on its own, caption at its left, when there are no signatures.
    fn qr(&mut self, q: &Qr) {
        let caption_w = WIDTH - q.side - q.quiet - 12.0;
        let caption: Vec<Para> = q
            .caption
            .iter()
            .map(|c| Para::new(style(8.0, Weight::Regular, INK), c, caption_w))
            .collect();
        let h = q.side.max(height(&caption));
        self.room(h + 2.0 * q.quiet);
        let y = self.y + q.quiet;
        self.ops().push(q.op(MARGIN + WIDTH - q.side, y));
        self.paras(
            MARGIN,
            y + (q.side - height(&caption)).max(0.0) / 2.0,
            &caption,
        );
        self.y = y + h + q.quiet;
    }

    fn footers(&mut self) {
        let count = self.pages.len();
        let lines: Vec<String> = self
            .doc
            .footer
            .iter()
            .flat_map(|f| SMALL.wrap(f, WIDTH - 60.0))
            .collect();
        let num = style(8.0, Weight::Regular, INK);
        for (i, page) in self.pages.iter_mut().enumerate() {
            let mut c = Composer {
                doc: self.doc,
                pages: vec![std::mem::take(page)],
                y: 0.0,
                bottom: 0.0,
            };
            let y = PAGE_H - footer_height(lines.len());
            c.rule(y, 0.5, RULE);
            let mut top = y + 4.0;
            let n = format!("{} / {}", i + 1, count);
            c.text(MARGIN + WIDTH - num.width(&n), top, num, &n);
            for line in &lines {
                c.text(MARGIN, top, SMALL, line);
                top += SMALL.line_h();
            }
            *page = c.pages.swap_remove(0);
        }
    }
}

/// The columns' widths in points: as `relative` asks, but widened where a column's longest
/// word would otherwise be cut, taking the room from columns that have some to spare.
fn column_widths(columns: &[Bilingual], rows: &[Vec<String>], relative: &[f32]) -> Vec<f32> {
    let n = columns.len().max(1);
    let total: f32 = relative.iter().sum();
    let mut widths: Vec<f32> = if relative.len() == n && total > 0.0 {
        relative.iter().map(|w| w / total * WIDTH).collect()
    } else {
        vec![WIDTH / n as f32; n]
    };
    // What each column needs: its widest unbreakable piece (`min`), and its widest line
    // (`natural`) unless that is longer than a quarter of the page.
    let measure = |style: Style, text: &str, natural: bool| {
        let fam = family(style.weight);
        let w = |s: &str| fam.width(s, style.size);
        if natural {
            text.split('\n').map(w).fold(0.0, f32::max)
        } else {
            widest_piece(text, w)
        }
    };
    let need = |natural: bool| -> Vec<f32> {
        (0..n)
            .map(|i| {
                let mut w = columns.get(i).map_or(0.0, |c| {
                    measure(HEAD_1, &c.primary, natural).max(measure(HEAD_2, &c.secondary, natural))
                });
                for row in rows {
                    w = w.max(measure(
                        CELL,
                        row.get(i).map_or("", String::as_str),
                        natural,
                    ));
                }
                let w = w + 2.0 * PAD + 0.5;
                // Longer than that (a URL, a sentence) wraps or breaks anywhere instead.
                if w > WIDTH / 4.0 { 0.0 } else { w }
            })
            .collect()
    };
    for natural in [true, false] {
        let need = need(natural);
        let deficit: f32 = (0..n).map(|i| (need[i] - widths[i]).max(0.0)).sum();
        let slack: f32 = (0..n).map(|i| (widths[i] - need[i]).max(0.0)).sum();
        if deficit <= slack {
            if deficit > 0.0 {
                for i in 0..n {
                    let spare = widths[i] - need[i];
                    if spare < 0.0 {
                        widths[i] = need[i];
                    } else {
                        widths[i] -= spare / slack * deficit;
                    }
                }
            }
            break;
        }
    }
    widths
}

/// A QR code ready to place: modules, their size, and the caption.
struct Qr {
    size: usize,
    dark: Vec<bool>,
    module: f32,
    side: f32,
    quiet: f32,
    caption: Vec<String>,
}

impl Qr {
    fn new(qr: &QrBlock) -> Result<Qr, String> {
        let code = qrcode::QrCode::new(qr.url.as_bytes()).map_err(|e| format!("QR code: {e}"))?;
        let size = code.width();
        let dark = code
            .to_colors()
            .iter()
            .map(|c| *c == qrcode::Color::Dark)
            .collect();
        // About 90 pt wide, never under 1.2 pt a module, so that a 150 dpi scan reads it.
        let module = (90.0 / size as f32).max(1.2);
        Ok(Qr {
            size,
            dark,
            module,
            side: module * size as f32,
            quiet: 4.0 * module,
            caption: qr.caption.clone(),
        })
    }

    fn op(&self, x: f32, y: f32) -> Op {
        Op::Qr {
            x,
            y,
            module: self.module,
            size: self.size,
            dark: self.dark.clone(),
        }
    }
}

/// From the footer rule to the page's bottom edge.
fn footer_height(lines: usize) -> f32 {
    lines.max(1) as f32 * SMALL.line_h() + 4.0 + 22.0
}

/// The pages of `doc`, each a list of drawing operations.
pub fn layout(doc: &Document) -> Result<Vec<Vec<Op>>, String> {
    let footer_lines: usize = doc
        .footer
        .iter()
        .map(|f| SMALL.wrap(f, WIDTH - 60.0).len())
        .sum();
    let mut c = Composer {
        doc,
        pages: vec![Vec::new()],
        y: TOP,
        bottom: PAGE_H - footer_height(footer_lines) - 8.0,
    };
    c.first_header();
    let mut qr = doc.qr.as_ref().map(Qr::new).transpose()?;
    for block in &doc.blocks {
        match block {
            Block::Fields { heading, rows } => c.fields(heading, rows),
            Block::Table {
                heading,
                columns,
                rows,
                widths,
            } => c.table(heading, columns, rows, widths),
            Block::Paragraphs { heading, items } => c.paragraphs(heading, items),
            Block::Signatures { heading, signers } => {
                // The QR code beside the first signatures, where an inspector looks.
                let beside = qr.take();
                c.signatures(heading, signers, beside.as_ref());
            }
        }
    }
    if let Some(qr) = &qr {
        c.qr(qr);
    }
    c.footers();
    Ok(c.pages)
}
