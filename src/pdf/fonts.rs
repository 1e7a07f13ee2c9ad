//! The shipped fonts (`assets/fonts/`), parsed once: which font covers a character, how wide a
//! run of text is, and the glyphs krilla draws. Each character comes from the first font of
//! its weight that has it: Noto Sans (Latin, Cyrillic with the Kazakh letters), then Noto Sans
//! CJK SC (subset to the Chinese characters in common use).

use std::ops::Range;
use std::sync::LazyLock;

use krilla::text::{Font, GlyphId, KrillaGlyph};
use skrifa::charmap::Charmap;
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::{FontRef, MetadataProvider};

static SANS_REGULAR: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
static SANS_BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");
static CJK_REGULAR: &[u8] = include_bytes!("../../assets/fonts/NotoSansCJKsc-Regular.subset.otf");
static CJK_BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSansCJKsc-Bold.subset.otf");

/// Regular or bold text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

/// One font file: its skrifa view (coverage, advances) and its krilla handle (drawing).
pub struct Face {
    charmap: Charmap<'static>,
    metrics: GlyphMetrics<'static>,
    units_per_em: f32,
    pub krilla: Font,
}

impl Face {
    fn load(data: &'static [u8]) -> Face {
        let font = FontRef::new(data).expect("a shipped font parses");
        let metrics = font.glyph_metrics(Size::unscaled(), LocationRef::default());
        let units_per_em = f32::from(
            font.metrics(Size::unscaled(), LocationRef::default())
                .units_per_em,
        );
        let krilla = Font::new(data.into(), 0).expect("krilla reads a shipped font");
        Face {
            // Looked up for every character: choosing the cmap subtable once saves a tenth
            // of the render time.
            charmap: font.charmap(),
            metrics,
            units_per_em,
            krilla,
        }
    }

    fn glyph(&self, ch: char) -> Option<GlyphId> {
        let id = self.charmap.map(ch)?;
        Some(GlyphId::new(id.to_u32()))
    }

    /// The advance of `glyph` in em.
    fn advance(&self, glyph: GlyphId) -> f32 {
        self.metrics
            .advance_width(skrifa::GlyphId::new(glyph.to_u32()))
            .unwrap_or(0.0)
            / self.units_per_em
    }
}

/// The fonts of one weight, in fallback order.
pub struct Family {
    pub faces: [Face; 2],
}

static REGULAR: LazyLock<Family> = LazyLock::new(|| Family {
    faces: [Face::load(SANS_REGULAR), Face::load(CJK_REGULAR)],
});
static BOLD: LazyLock<Family> = LazyLock::new(|| Family {
    faces: [Face::load(SANS_BOLD), Face::load(CJK_BOLD)],
});

pub fn family(weight: Weight) -> &'static Family {
    match weight {
        Weight::Regular => &REGULAR,
        Weight::Bold => &BOLD,
    }
}

/// The first character that neither weight's fonts cover. Line breaks and tabs count as
/// printable: the layout handles them.
pub fn unprintable(text: &str) -> Option<char> {
    text.chars().find(|&ch| {
        !matches!(ch, '\n' | '\r' | '\t')
            && [Weight::Regular, Weight::Bold]
                .iter()
                .any(|&w| family(w).face_of(ch).is_none())
    })
}

/// A stretch of text drawn with one font.
#[derive(Debug, PartialEq, Eq)]
pub struct Run {
    pub face: usize,
    pub range: Range<usize>,
}

impl Family {
    /// The index of the first face that has `ch`.
    fn face_of(&self, ch: char) -> Option<usize> {
        self.faces.iter().position(|f| f.glyph(ch).is_some())
    }

    /// Splits `text` into runs by the font that covers each character. A character no font
    /// has goes to the last face (it prints as that font's empty box); spaces and other
    /// characters both fonts have stay in the current run, so that a Chinese phrase with a
    /// space in it is not cut into three runs.
    pub fn runs(&self, text: &str) -> Vec<Run> {
        let mut runs: Vec<Run> = Vec::new();
        for (i, ch) in text.char_indices() {
            let end = i + ch.len_utf8();
            let face = match runs.last() {
                Some(run) if self.faces[run.face].glyph(ch).is_some() => run.face,
                _ => self.face_of(ch).unwrap_or(self.faces.len() - 1),
            };
            match runs.last_mut() {
                Some(run) if run.face == face => run.range.end = end,
                _ => runs.push(Run {
                    face,
                    range: i..end,
                }),
            }
        }
        runs
    }

    /// The width of `text` at `size` points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let mut em = 0.0;
        for run in self.runs(text) {
            let face = &self.faces[run.face];
            for ch in text[run.range].chars() {
                em += face.advance(face.glyph(ch).unwrap_or(GlyphId::new(0)));
            }
        }
        em * size
    }

    /// The glyphs of one run, positioned by their advances; text ranges are relative to the
    /// run's own text.
    pub fn glyphs(&self, face: usize, text: &str) -> Vec<KrillaGlyph> {
        let face = &self.faces[face];
        text.char_indices()
            .map(|(i, ch)| {
                let glyph = face.glyph(ch).unwrap_or(GlyphId::new(0));
                KrillaGlyph::new(
                    glyph,
                    face.advance(glyph),
                    0.0,
                    0.0,
                    0.0,
                    i..i + ch.len_utf8(),
                    None,
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kazakh_letters_come_from_noto_sans_and_chinese_from_cjk() {
        let text = "ӘҒҚҢӨҰҮҺІ 小麦";
        let runs = REGULAR.runs(text);
        assert_eq!(runs.len(), 2, "{runs:?}");
        assert_eq!(runs[0].face, 0);
        assert_eq!(&text[runs[0].range.clone()], "ӘҒҚҢӨҰҮҺІ ");
        assert_eq!(runs[1].face, 1);
        assert_eq!(&text[runs[1].range.clone()], "小麦");
    }

    #[test]
    fn a_space_between_chinese_words_stays_in_the_chinese_run() {
        let runs = BOLD.runs("小麦 检疫，合格");
        assert_eq!(
            runs,
            vec![Run {
                face: 1,
                range: 0..22
            }]
        );
    }

    #[test]
    fn widths_add_up_and_scale_with_size() {
        let a = REGULAR.width("Алтын", 10.0);
        let b = REGULAR.width(" Дала", 10.0);
        assert!((REGULAR.width("Алтын Дала", 10.0) - (a + b)).abs() < 1e-3);
        assert!((REGULAR.width("Алтын", 20.0) - 2.0 * a).abs() < 1e-3);
        // CJK characters are one em wide.
        assert!((REGULAR.width("小麦", 10.0) - 20.0).abs() < 0.5);
    }

    #[test]
    fn unprintable_finds_what_no_font_has() {
        assert_eq!(
            unprintable("Ақ бидай «Алтын Дала» ЖШС 小麦，合格。\nNo 1"),
            None
        );
        assert_eq!(unprintable("wheat 🌾"), Some('🌾'));
        assert_eq!(unprintable("龘"), Some('龘'));
    }
}
