//! Doc comments: text wrapped into `///` lines within rustfmt's width, and
//! text from a policy made safe for rustdoc (no links, HTML, code blocks).

use super::layout::{max_width, spaces, width};

/// Doc comment lines for `text` at `indent`, wrapped at spaces to stay
/// within the line width. The text is Markdown; pass text from a policy
/// through [`escape_doc`] first.
pub fn doc(indent: usize, text: &str) -> Vec<String> {
    let pad = spaces(indent);
    let room = max_width().saturating_sub(indent + 4).max(40);
    let mut out = Vec::new();
    for raw in text.trim().lines() {
        let line = raw.trim();
        if line.is_empty() {
            out.push(format!("{pad}///"));
            continue;
        }
        let continuation = if line.starts_with("- ") || line.starts_with("* ") {
            "  "
        } else {
            ""
        };
        let mut current = String::new();
        for word in line.split(' ').filter(|w| !w.is_empty()) {
            let too_long = width(&current) + 1 + width(word) > room;
            if !current.trim().is_empty() && too_long && !starts_block(word) {
                out.push(format!("{pad}/// {current}"));
                current = continuation.to_owned();
            }
            if !current.trim().is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
        if !current.trim().is_empty() {
            out.push(format!("{pad}/// {current}"));
        }
    }
    out
}

/// Whether a word at the start of a line would make Markdown read a list
/// item, a heading, a quote or a table.
fn starts_block(word: &str) -> bool {
    let digits = word.trim_end_matches(['.', ')']);
    matches!(word, "-" | "*" | "+" | "|")
        || word.starts_with('#')
        || word.starts_with('=')
        || (!digits.is_empty()
            && digits.len() < word.len()
            && digits.chars().all(|c| c.is_ascii_digit()))
}

/// Text from a policy made safe for a doc comment: rustdoc would read
/// brackets as links, angle brackets as HTML, and backticks as code (and
/// run code blocks as tests).
pub fn escape_doc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '[' => out.push_str("\\["),
            ']' => out.push_str("\\]"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '`' => out.push_str("\\`"),
            '\n' => out.push('\n'),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Inline code in a doc comment: `` `text` ``, with the text made safe.
pub fn code(text: &str) -> String {
    let clean: String = text
        .chars()
        .map(|c| if c == '`' || c.is_control() { '\'' } else { c })
        .collect();
    format!("`{clean}`")
}
