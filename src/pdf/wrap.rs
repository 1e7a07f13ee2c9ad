//! Line breaking: Latin and Cyrillic break at spaces, Chinese between any two characters
//! (but not before a closing or after an opening punctuation mark), and a token too long for
//! a line (a URL) breaks wherever it must. `'\n'` is a hard break.

/// Whether `ch` is a CJK ideograph, kana or full-width form: text that breaks anywhere.
fn is_cjk(ch: char) -> bool {
    matches!(ch as u32,
        0x2E80..=0x2FFF | 0x3000..=0x303F | 0x3040..=0x30FF | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF
        | 0x20000..=0x2FFFF)
}

/// Marks a line may not start with.
fn no_break_before(ch: char) -> bool {
    "，。、；：？！）》」』】〕〉…—·,.;:?!)]}%".contains(ch)
}

/// Marks a line may not end with.
fn no_break_after(ch: char) -> bool {
    "（《「『【〔〈([{«".contains(ch)
}

/// A piece of text between break opportunities, and whether a space stood before it.
struct Piece<'a> {
    text: &'a str,
    after_space: bool,
}

fn pieces(line: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    for (n, word) in line.split(' ').enumerate() {
        let mut start = 0;
        let mut prev: Option<char> = None;
        for (i, ch) in word.char_indices() {
            if let Some(p) = prev
                && (is_cjk(p) || is_cjk(ch))
                && !no_break_before(ch)
                && !no_break_after(p)
            {
                out.push(Piece {
                    text: &word[start..i],
                    after_space: n > 0 && start == 0,
                });
                start = i;
            }
            prev = Some(ch);
        }
        if start < word.len() {
            out.push(Piece {
                text: &word[start..],
                after_space: n > 0 && start == 0,
            });
        }
    }
    out
}

/// The width of the widest piece of `text` that cannot be broken (a word, a Chinese
/// character with its punctuation): the narrowest column it fits in unbroken.
pub fn widest_piece(text: &str, measure: impl Fn(&str) -> f32) -> f32 {
    text.split('\n')
        .flat_map(pieces)
        .map(|p| measure(p.text))
        .fold(0.0, f32::max)
}

/// Breaks `text` into lines no wider than `width`, as measured by `measure`.
pub fn wrap(text: &str, width: f32, measure: impl Fn(&str) -> f32) -> Vec<String> {
    let space = measure(" ");
    let mut lines = Vec::new();
    for hard in text.split('\n') {
        let hard = hard.trim_end_matches('\r');
        let mut line = String::new();
        let mut used = 0.0;
        for piece in pieces(hard) {
            let gap = if piece.after_space && !line.is_empty() {
                space
            } else {
                0.0
            };
            let w = measure(piece.text);
            if used + gap + w <= width {
                if gap > 0.0 {
                    line.push(' ');
                }
                line.push_str(piece.text);
                used += gap + w;
                continue;
            }
            if w <= width {
                lines.push(std::mem::take(&mut line));
                line.push_str(piece.text);
                used = w;
                continue;
            }
            // Too long for any line: fill this line, then break it anywhere.
            if gap > 0.0 && used + gap < width {
                line.push(' ');
                used += gap;
            }
            for ch in piece.text.chars() {
                let cw = measure(ch.encode_utf8(&mut [0; 4]));
                if used + cw > width && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    used = 0.0;
                }
                line.push(ch);
                used += cw;
            }
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character one unit wide.
    fn chars(s: &str) -> f32 {
        s.chars().count() as f32
    }

    #[test]
    fn latin_and_cyrillic_break_at_spaces() {
        assert_eq!(
            wrap("Алтын Дала ЖШС exporter", 11.0, chars),
            vec!["Алтын Дала", "ЖШС", "exporter"]
        );
    }

    #[test]
    fn chinese_breaks_between_characters() {
        assert_eq!(
            wrap("小麦植物检疫证书", 3.0, chars),
            vec!["小麦植", "物检疫", "证书"]
        );
    }

    #[test]
    fn closing_punctuation_stays_with_the_character_before_it() {
        // "格，" is not split before the comma, "《检" not after the bracket.
        assert_eq!(
            wrap("检测合格，放行", 4.0, chars),
            vec!["检测合", "格，放行"]
        );
        assert_eq!(wrap("见《检疫》", 3.0, chars), vec!["见《检", "疫》"]);
    }

    #[test]
    fn mixed_text_breaks_at_the_script_boundary() {
        assert_eq!(wrap("HS1001小麦", 7.0, chars), vec!["HS1001小", "麦"]);
    }

    #[test]
    fn a_long_url_breaks_anywhere() {
        let lines = wrap("see https://lab.example/v/abcdefghij end", 10.0, chars);
        assert_eq!(
            lines,
            vec!["see https:", "//lab.exam", "ple/v/abcd", "efghij end"]
        );
        assert!(lines.iter().all(|l| chars(l) <= 10.0));
    }

    #[test]
    fn newlines_are_hard_breaks_and_empty_lines_survive() {
        assert_eq!(wrap("a\n\nb c", 10.0, chars), vec!["a", "", "b c"]);
        assert_eq!(wrap("", 10.0, chars), vec![""]);
    }

    #[test]
    fn the_widest_piece_is_the_longest_word() {
        assert_eq!(widest_piece("не обнаружено\n未检出", chars), 10.0);
        assert_eq!(widest_piece("小麦，合格", chars), 2.0);
    }

    #[test]
    fn nothing_is_lost() {
        let text = "Фитосанитарный сертификат 植物检疫证书 ӘҒҚҢӨҰҮҺІ https://x.y/z";
        for width in [1.0, 3.0, 7.0, 20.0] {
            let joined: String = wrap(text, width, chars).concat();
            assert_eq!(joined.replace(' ', ""), text.replace(' ', ""), "{width}");
        }
    }
}
