//! The in-process PDF renderer of printed documents (certificates, notices): A4, Chinese and
//! Russian side by side, with the shipped fonts embedded and subset, text that copies and
//! extracts as text, a QR code, and page numbers. Callers describe the document
//! ([`Document`]); this module lays it out ([`layout`]) and writes it with krilla ([`draw`]).

mod draw;
mod fonts;
mod layout;
mod wrap;

/// A text in two languages: the primary (Chinese) first, then the secondary (Russian).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Bilingual {
    pub primary: String,
    pub secondary: String,
}

impl Bilingual {
    pub fn new(primary: impl Into<String>, secondary: impl Into<String>) -> Self {
        Bilingual {
            primary: primary.into(),
            secondary: secondary.into(),
        }
    }
}

/// A printable document: a header (lab names, title, number, stamp), blocks in order, a QR
/// code at the end, and footer lines on every page.
#[derive(Clone, Debug, Default)]
pub struct Document {
    /// The document's kind, e.g. 植物检疫证书 / Фитосанитарный сертификат.
    pub title: Bilingual,
    /// The lab's name, one line per language.
    pub subtitle: Vec<String>,
    /// The certificate number, shown large in a box top right.
    pub number: String,
    /// REVOKED, EXPIRED, DRAFT…: printed in red under the title, and beside the title on
    /// every further page.
    pub stamp: Option<Bilingual>,
    pub blocks: Vec<Block>,
    pub qr: Option<QrBlock>,
    /// Small lines at the foot of every page, beside "N / M".
    pub footer: Vec<String>,
}

/// One section of the document, under its heading.
#[derive(Clone, Debug)]
pub enum Block {
    /// Label (both languages, small and grey) and value (may contain `'\n'`), one row each.
    Fields {
        heading: Bilingual,
        rows: Vec<(Bilingual, String)>,
    },
    /// A table with a shaded header row repeated on each page; `widths` are relative (equal
    /// widths when their number differs from the columns'); cells wrap and may contain `'\n'`.
    Table {
        heading: Bilingual,
        columns: Vec<Bilingual>,
        rows: Vec<Vec<String>>,
        widths: Vec<f32>,
    },
    /// Numbered declarations, each in both languages.
    Paragraphs {
        heading: Bilingual,
        items: Vec<Bilingual>,
    },
    /// Signature boxes side by side.
    Signatures {
        heading: Bilingual,
        signers: Vec<Signer>,
    },
}

/// One signature: what it means (issued, co-signed…), who, for which side, and when.
#[derive(Clone, Debug)]
pub struct Signer {
    pub meaning: Bilingual,
    pub name: String,
    pub side: Bilingual,
    pub signed_at: Vec<String>,
}

/// A QR code of `url` with caption lines beside it (the manual-entry address and code).
#[derive(Clone, Debug)]
pub struct QrBlock {
    pub url: String,
    pub caption: Vec<String>,
}

/// Lays out and writes `doc` as a PDF.
pub fn render(doc: &Document) -> Result<Vec<u8>, String> {
    let pages = layout::layout(doc)?;
    draw::draw(doc, &pages)
}

/// The first character of `text` that none of the shipped fonts has (it would print as an
/// empty box); `None` when all of it prints.
pub fn unprintable(text: &str) -> Option<char> {
    fonts::unprintable(text)
}
