//! A tiny SVG writer: elements, attributes and text, every value escaped
//! for XML (and so for HTML, where the pictures are inlined). Tag and
//! attribute names are the code's own; values and text may come from a
//! policy.

/// Text or an attribute value for XML and HTML: `&`, `<`, `>`, `"` and `'`
/// as entities; characters XML 1.0 does not allow (most controls, lone
/// `U+FFFE`/`U+FFFF`) and characters that hide or reorder text (bidi
/// controls, zero-width characters) as U+FFFD, so that a policy's words
/// cannot end an element, add one, or show other words than they hold.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if crate::emit::escape::is_hidden(c) || c == '\u{FFFE}' || c == '\u{FFFF}' => {
                out.push('\u{FFFD}');
            }
            c => out.push(c),
        }
    }
    out
}

/// An id usable in an `id` attribute and a reference to it: letters,
/// digits, `-` and `_`; anything else becomes `_`.
pub fn id_part(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// A number of pixels as SVG writes it: whole numbers bare, others with
/// at most two decimals (deterministic: no float formatting surprises).
pub fn px(value: f64) -> String {
    let hundredths = (value * 100.0).round() as i64;
    if hundredths % 100 == 0 {
        format!("{}", hundredths / 100)
    } else {
        let text = format!("{:.2}", hundredths as f64 / 100.0);
        text.trim_end_matches('0').to_owned()
    }
}

/// An SVG document being written.
#[derive(Debug, Default)]
pub struct Svg {
    out: String,
}

impl Svg {
    /// An empty document.
    pub fn new() -> Svg {
        Svg::default()
    }

    fn tag(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attrs {
            self.out.push(' ');
            self.out.push_str(key);
            self.out.push_str("=\"");
            self.out.push_str(&escape(value));
            self.out.push('"');
        }
    }

    /// `<name attrs>`: an element with children, closed by [`Svg::close`].
    pub fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.tag(name, attrs);
        self.out.push_str(">\n");
    }

    /// `</name>`.
    pub fn close(&mut self, name: &str) {
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    /// `<name attrs/>`.
    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.tag(name, attrs);
        self.out.push_str("/>\n");
    }

    /// `<name attrs>text</name>`, the text escaped.
    pub fn text(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) {
        self.tag(name, attrs);
        self.out.push('>');
        self.out.push_str(&escape(text));
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    /// `<name attrs><title>tip</title></name>`: an element with a tooltip
    /// (read by screen readers too).
    pub fn with_title(&mut self, name: &str, attrs: &[(&str, &str)], tip: &str) {
        self.tag(name, attrs);
        self.out.push_str("><title>");
        self.out.push_str(&escape(tip));
        self.out.push_str("</title></");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    /// The document.
    pub fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policy_text_cannot_leave_its_element() {
        let mut svg = Svg::new();
        svg.text(
            "text",
            &[("x", "1\" onload=\"alert(1)")],
            "</text><script>alert('x')</script>&amp;\u{202E}",
        );
        let out = svg.finish();
        assert_eq!(
            out,
            "<text x=\"1&quot; onload=&quot;alert(1)\">&lt;/text&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;amp;\u{FFFD}</text>\n"
        );
    }

    #[test]
    fn ids_and_numbers() {
        assert_eq!(id_part("sev-1 <a>"), "sev-1__a_");
        assert_eq!(px(12.0), "12");
        assert_eq!(px(12.5), "12.5");
        assert_eq!(px(1.0 / 3.0), "0.33");
    }
}
