//! A small XML writer: elements in document order, text and attribute values escaped, and
//! characters XML 1.0 does not allow dropped. Enough for one document type written by code
//! that knows its schema; no namespaces are checked and nothing is parsed.

/// An XML document being written, two spaces of indentation per level.
pub struct XmlWriter {
    out: String,
    open: Vec<&'static str>,
}

impl Default for XmlWriter {
    fn default() -> Self {
        XmlWriter::new()
    }
}

impl XmlWriter {
    /// A document with its XML declaration (UTF-8).
    pub fn new() -> XmlWriter {
        XmlWriter {
            out: String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"),
            open: Vec::new(),
        }
    }

    fn indent(&mut self) {
        for _ in 0..self.open.len() {
            self.out.push_str("  ");
        }
    }

    fn start_tag(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.indent();
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attributes {
            self.out.push(' ');
            self.out.push_str(key);
            self.out.push_str("=\"");
            escape_into(&mut self.out, value);
            self.out.push('"');
        }
    }

    /// Opens element `name`; [`XmlWriter::close`] ends it.
    pub fn open(&mut self, name: &'static str, attributes: &[(&str, &str)]) -> &mut Self {
        self.start_tag(name, attributes);
        self.out.push_str(">\n");
        self.open.push(name);
        self
    }

    /// Ends the element opened last.
    pub fn close(&mut self) -> &mut Self {
        let name = self.open.pop().expect("an element is open");
        self.indent();
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
        self
    }

    /// An element holding only `text`.
    pub fn text(&mut self, name: &str, attributes: &[(&str, &str)], text: &str) -> &mut Self {
        self.start_tag(name, attributes);
        self.out.push('>');
        escape_into(&mut self.out, text);
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
        self
    }

    /// The document; every element must be closed.
    pub fn finish(self) -> String {
        assert!(self.open.is_empty(), "unclosed elements: {:?}", self.open);
        self.out
    }
}

/// Whether XML 1.0 allows `c` in a document (§2.2 `Char`).
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

/// Appends `text` escaped for element content and double-quoted attribute values; characters
/// XML cannot carry at all (most C0 controls, U+FFFE, U+FFFF) are left out.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Kept as references so that attribute-value normalisation keeps them.
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if allowed(c) => out.push(c),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(text: &str) -> String {
        let mut out = String::new();
        escape_into(&mut out, text);
        out
    }

    #[test]
    fn markup_is_escaped_and_forbidden_characters_dropped() {
        assert_eq!(
            escaped("a<b>&\"c\"'d'"),
            "a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;"
        );
        assert_eq!(escaped("x\u{0}\u{1b}y\u{FFFE}"), "xy");
        assert_eq!(escaped("小麦 Пшеница Қ"), "小麦 Пшеница Қ");
        assert_eq!(escaped("a\tb\nc"), "a&#9;b&#10;c");
    }

    #[test]
    fn elements_nest_and_attributes_are_quoted() {
        let mut w = XmlWriter::new();
        w.open("a", &[("x", "1 \"2\"")]);
        w.text("b", &[("languageID", "zh")], "<小麦>");
        w.close();
        assert_eq!(
            w.finish(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a x=\"1 &quot;2&quot;\">\n  <b languageID=\"zh\">&lt;小麦&gt;</b>\n</a>\n"
        );
    }
}
