//! What the document links: section anchors (named by the section's id),
//! web addresses written out in prose, contact addresses, and the symbols
//! of a table's legend as a list.
//!
//! Links are made only of characters that cannot end or extend Markdown
//! syntax (no brackets, parentheses, angle brackets, quotes, pipes,
//! backslashes, ampersands or backticks), and only to `http`, `https` and
//! `mailto`.

/// Where a section's anchor goes, before [`anchors`] writes it: NUL, which
/// no source text holds (the parser refuses it), so no policy text can
/// write an anchor.
const MARK: char = '\u{0}';

/// The placeholder of the anchor of the section `id`.
pub fn anchor_marker(id: &str) -> String {
    format!("{MARK}anchor:{id}{MARK}")
}

/// Whether `id` is an identifier of the language (`[a-z][a-z0-9-]*`), so
/// that it can stand in HTML and a URL fragment as is.
pub fn is_plain_id(id: &str) -> bool {
    id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Writes each anchor placeholder as `<a id="ID"></a>`; a placeholder
/// whose id is not plain is dropped.
pub fn anchors(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 256);
    let mut rest = text;
    let start = format!("{MARK}anchor:");
    while let Some(at) = rest.find(&start) {
        out.push_str(&rest[..at]);
        let after = &rest[at + start.len()..];
        match after.find(MARK) {
            Some(end) => {
                let id = &after[..end];
                if is_plain_id(id) {
                    out.push_str(&format!("<a id=\"{id}\"></a>"));
                }
                rest = &after[end + MARK.len_utf8()..];
            }
            None => {
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A character a written-out address may hold.
fn url_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '-' | '.' | '_' | '~' | ':' | '/' | '?' | '#' | '@' | '%' | '+' | '=' | ',' | '!' | '$'
        )
}

/// Every `http://` or `https://` address written out in the text (at the
/// start of a line or after white space, outside code spans) as a link
/// to itself, `[https://...](https://...)`; punctuation ending a sentence
/// stays out.
pub fn bare_urls(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let mut ticks = 0;
        let mut i = 0;
        let bytes = line.as_bytes();
        while i < line.len() {
            let rest = &line[i..];
            let starts = (rest.starts_with("https://") || rest.starts_with("http://"))
                && ticks % 2 == 0
                && (i == 0 || bytes[i - 1] == b' ' || bytes[i - 1] == b'\t');
            if starts {
                let len: usize = rest
                    .chars()
                    .take_while(|&c| url_char(c))
                    .map(char::len_utf8)
                    .sum();
                let url = rest[..len].trim_end_matches(['.', ',', ':', '!', '?']);
                let scheme = if url.starts_with("https://") { 8 } else { 7 };
                if url.len() > scheme {
                    out.push_str(&format!("[{url}]({url})"));
                    i += url.len();
                    continue;
                }
            }
            let Some(c) = rest.chars().next() else { break };
            if c == '`' {
                ticks += 1;
            }
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// A contact's address as a link: an e-mail address to `mailto:`, a web
/// address (with or without `https://`) to itself; anything else as is.
pub fn address(text: &str) -> String {
    let text = text.trim();
    if text.is_empty() || !text.chars().all(url_char) {
        return text.to_owned();
    }
    let host_like = |s: &str| {
        let host = s.split('/').next().unwrap_or("");
        host.contains('.')
            && !host.starts_with('.')
            && !host.ends_with('.')
            && host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
    };
    if let Some((local, domain)) = text.split_once('@') {
        let local_ok = !local.is_empty()
            && local
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-'));
        if local_ok && !domain.contains('/') && host_like(domain) {
            return format!("[{text}](mailto:{text})");
        }
        return text.to_owned();
    }
    if text.starts_with("https://") || text.starts_with("http://") {
        return format!("[{text}]({text})");
    }
    if text.contains(':') || !host_like(text) {
        return text.to_owned();
    }
    format!("[{text}](https://{text})")
}

/// A legend that reads `SYMBOL = meaning SYMBOL = meaning ...` (each
/// symbol one word), as `SYMBOL = meaning` items; `None` for any other
/// text.
pub fn legend_items(legend: &str) -> Option<Vec<String>> {
    let words: Vec<&str> = legend.split_whitespace().collect();
    let equals: Vec<usize> = (0..words.len()).filter(|&i| words[i] == "=").collect();
    if equals.len() < 2 || equals.first() != Some(&1) {
        return None;
    }
    let mut items = Vec::new();
    for (n, &at) in equals.iter().enumerate() {
        // The meaning runs to the word before the next symbol.
        let end = equals.get(n + 1).map_or(words.len(), |next| next - 1);
        if end <= at + 1 {
            return None;
        }
        items.push(format!(
            "{} = {}",
            words[at - 1],
            words[at + 1..end].join(" ")
        ));
    }
    Some(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_only_for_plain_ids() {
        let text = format!("{}\n## A\n{}", anchor_marker("a-1"), anchor_marker("x\"y"));
        assert_eq!(anchors(&text), "<a id=\"a-1\"></a>\n## A\n");
    }

    #[test]
    fn bare_urls_become_autolinks() {
        assert_eq!(
            bare_urls("1 https://support.example.com/a-b.\nsee `http://x.org` or (http://y.org)"),
            "1 [https://support.example.com/a-b](https://support.example.com/a-b).\nsee `http://x.org` or (http://y.org)"
        );
        assert_eq!(bare_urls("https:// alone"), "https:// alone");
    }

    #[test]
    fn addresses_link_by_what_they_are() {
        assert_eq!(
            address("support.example.com"),
            "[support.example.com](https://support.example.com)"
        );
        assert_eq!(
            address("help@example.com"),
            "[help@example.com](mailto:help@example.com)"
        );
        assert_eq!(address("[email protected]"), "[email protected]");
        assert_eq!(address("javascript:alert(1)"), "javascript:alert(1)");
        assert_eq!(address("+1 555 0100"), "+1 555 0100");
    }

    #[test]
    fn legends_split_at_their_symbols() {
        assert_eq!(
            legend_items("✓ = Supported – = Not available at this tier N/S = Not supported"),
            Some(vec![
                "✓ = Supported".to_owned(),
                "– = Not available at this tier".to_owned(),
                "N/S = Not supported".to_owned()
            ])
        );
        assert_eq!(legend_items("Everything = one thing"), None);
        assert_eq!(legend_items("a = = b = c"), None);
    }
}
