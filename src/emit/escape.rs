//! Text from a policy or a path, escaped for the output it lands in: one
//! helper per place. Nothing a source file holds (its name included) can
//! end a comment, start an item, or put live HTML or a link of another
//! scheme into a document.

/// Characters an editor shows as nothing or that reorder the text around
/// them: bidi embeddings, overrides and isolates, zero-width characters,
/// the byte-order mark, and control characters (tab and newline included:
/// a comment or header line must stay one line).
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2069}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{FEFF}'
        )
}

/// Whether `c` is printable for YAML (which refuses a stream holding any
/// other character) and not [`is_hidden`].
pub fn is_printable(c: char) -> bool {
    matches!(c, '\u{20}'..='\u{7E}' | '\u{A0}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
        && !is_hidden(c)
}

/// Characters not [`is_printable`] written as `\u{..}`, so a line stays
/// one visible line.
fn visible(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if !is_printable(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// Text for a Rust line comment (`// ...`) or inside a block comment: one
/// line, and no `*/` or `/*` to end or nest a block comment.
pub fn rust_comment(text: &str) -> String {
    visible(text).replace("*/", "* /").replace("/*", "/ *")
}

/// Text for a YAML comment (`# ...`): one line.
pub fn yaml_comment(text: &str) -> String {
    visible(text)
}

/// Text for an HTML comment in Markdown (`<!-- ... -->`): one line, no
/// `--` (which could end the comment, as `-->` or `--!>`), no `<` or `>`.
pub fn markdown_comment(text: &str) -> String {
    let mut out = visible(text)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    while out.contains("--") {
        out = out.replace("--", "-&#45;");
    }
    out
}

/// Link targets rendered as links; any other scheme is written as text.
fn allowed_target(target: &str) -> bool {
    let t = target
        .trim_start()
        .trim_start_matches('<')
        .to_ascii_lowercase();
    t.starts_with('#')
        || t.starts_with("http://")
        || t.starts_with("https://")
        || t.starts_with("mailto:")
}

/// A Markdown document body whose texts come from a policy: no raw HTML
/// (every `<` is `&lt;`, every `&` that could start an entity is `&amp;`),
/// and links (`[text](target)`, `[label]: target`) only to `#anchors`,
/// http(s) and mailto; others keep their text but lose the link.
///
/// The emitter writes no HTML of its own in a body, so escaping the whole
/// body leaves nothing of the policy's out.
pub fn markdown_body(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        markdown_line(line, &mut out);
    }
    out
}

fn markdown_line(line: &str, out: &mut String) {
    // A link reference definition: `[label]: target`.
    let lead = line.len() - line.trim_start_matches(' ').len();
    let rest = &line[lead..];
    if lead <= 3 && rest.starts_with('[') {
        if let Some(end) = rest.find("]:") {
            if !allowed_target(&rest[end + 2..]) {
                out.push_str(&line[..lead]);
                out.push('\\');
                return markdown_inline(rest, out);
            }
        }
    }
    markdown_inline(line, out);
}

fn markdown_inline(line: &str, out: &mut String) {
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '<' => out.push_str("&lt;"),
            '&' if starts_entity(&line[i + 1..]) => out.push_str("&amp;"),
            ']' if line[i + 1..].starts_with('(') && !allowed_target(&line[i + 2..]) => {
                out.push_str("]\\(");
                chars.next();
            }
            c => out.push(c),
        }
    }
}

/// Whether the text after a `&` would make it a character reference.
fn starts_entity(after: &str) -> bool {
    let name: String = after
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '#')
        .collect();
    !name.is_empty() && after[name.len()..].starts_with(';')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_stay_one_line_and_closed() {
        let path = "a\npub fn injected_by_path() -> u32 { 42 }*/\u{202E}";
        let rust = rust_comment(path);
        assert!(!rust.contains('\n') && !rust.contains("*/") && !rust.contains('\u{202E}'));
        assert!(!yaml_comment(path).contains('\n'));
        let md = markdown_comment("y--><img src=x onerror=alert(1)><!--.policy");
        assert!(!md.contains("--") && !md.contains('<') && !md.contains('>'));
    }

    #[test]
    fn markdown_has_no_html_and_only_safe_links() {
        let body = markdown_body(
            "# <script>alert(1)</script>\n[a](javascript:alert(1)) [b](https://x.org) [c](#c)\n[d]: javascript:x\n&lt; & > quote",
        );
        assert!(!body.contains("<script"));
        assert!(body.contains("[a]\\(javascript:"));
        assert!(body.contains("[b](https://x.org)"));
        assert!(body.contains("[c](#c)"));
        assert!(body.contains("\\[d]: javascript:x"));
        assert!(body.contains("&amp;lt; & > quote"));
    }
}
