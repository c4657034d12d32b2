//! HTML escaping: every text from a policy, a file name or a diff goes
//! through one of these before it lands in a page.

use std::fmt::Write;

/// Text for an element's content: `&`, `<`, `>` escaped, and characters
/// that hide or reorder text (bidi controls, zero-width characters,
/// controls but tab and newline) written as their code point.
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\t' | '\n' => out.push(c),
            c if crate::emit::escape::is_hidden(c) => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// Text for a double-quoted attribute value: [`text`], and `"` and `'`
/// escaped, line breaks as spaces.
pub fn attr(s: &str) -> String {
    text(s)
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
        .replace(['\n', '\t'], " ")
}

/// A link target as an attribute value, when it is one a page may link
/// to: `http://`, `https://`, `mailto:` or a fragment (`#...`) of plain
/// characters. Anything else (`javascript:`, `data:`, relative paths that
/// could climb out of the site) is `None`: the text stays, the link goes.
pub fn url(target: &str) -> Option<String> {
    let t = target.trim();
    let lower = t.to_ascii_lowercase();
    let scheme_ok = lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("mailto:")
        || (t.starts_with('#')
            && t[1..]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
    // No white space or control characters: they could hide the real
    // target from a reader of the page.
    let clean = !t
        .chars()
        .any(|c| c.is_whitespace() || crate::emit::escape::is_hidden(c));
    (scheme_ok && clean && !t.is_empty()).then(|| attr(t))
}

/// Text in which `` `code` `` spans (as the diff's reasons write ids) are
/// `<code>`: [`text`], then the backticks paired; an odd one stays a
/// backtick.
pub fn with_code(s: &str) -> String {
    let escaped = text(s);
    let parts: Vec<&str> = escaped.split('`').collect();
    if parts.len() % 2 == 0 {
        return escaped;
    }
    let mut out = String::with_capacity(escaped.len() + 16);
    for (i, part) in parts.iter().enumerate() {
        if i % 2 == 1 {
            out.push_str("<code>");
            out.push_str(part);
            out.push_str("</code>");
        } else {
            out.push_str(part);
        }
    }
    out
}

/// Whether `id` is an identifier of the language (`[a-z][a-z0-9-]*`), which
/// may stand in an `id` attribute and a fragment as is.
pub fn is_id(id: &str) -> bool {
    crate::emit::markdown::links::is_plain_id(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_inert() {
        assert_eq!(text("<script>&amp;"), "&lt;script&gt;&amp;amp;");
        assert_eq!(
            attr("a\" onmouseover='x'"),
            "a&quot; onmouseover=&#39;x&#39;"
        );
        assert_eq!(text("a\u{202E}b"), "a\\u{202e}b");
    }

    #[test]
    fn backticks_are_code() {
        assert_eq!(
            with_code("calendar `a<b` changed"),
            "calendar <code>a&lt;b</code> changed"
        );
        assert_eq!(with_code("one ` tick"), "one ` tick");
    }

    #[test]
    fn only_web_mail_and_fragments_link() {
        assert_eq!(
            url("https://x.org/?a=1&b=2").as_deref(),
            Some("https://x.org/?a=1&amp;b=2")
        );
        assert_eq!(url("mailto:a@b.c").as_deref(), Some("mailto:a@b.c"));
        assert_eq!(url("#response-sla").as_deref(), Some("#response-sla"));
        assert_eq!(url("javascript:alert(1)"), None);
        assert_eq!(url(" JaVaScRiPt:alert(1)"), None);
        assert_eq!(url("data:text/html,x"), None);
        assert_eq!(url("../../etc/passwd"), None);
        assert_eq!(url("#\"><script>"), None);
        assert_eq!(url("https://x.org/\u{202E}gpj.exe"), None);
    }
}
