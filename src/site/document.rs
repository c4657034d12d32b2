//! The policy document as HTML: the Markdown emitter's document (its
//! structure, tables and section anchors) read with a CommonMark + GFM
//! parser and written as HTML here, element by element, so that every text
//! is escaped by [`super::html`] and nothing of the policy's becomes markup.
//!
//! The emitter's only HTML is a section's anchor (`<a id="ID"></a>`, alone
//! in its paragraph before the heading): it becomes the heading's `id`.
//! Any other HTML is shown as text; links go only to http(s), mailto and
//! plain fragments; images show their text (a page loads nothing).

use super::html;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// What a page adds to the document at its sections.
pub trait Sections {
    /// Written after the heading of the section `id`.
    fn after_heading(&self, id: &str) -> String;
    /// Written at the end of the section `id`'s own content (before the
    /// next section's heading, or at the end of the document).
    fn at_end(&self, id: &str) -> String;
}

/// The id of a section's anchor, when `events` (from a paragraph's start)
/// are exactly the emitter's anchor paragraph.
fn anchor(events: &[Event<'_>]) -> Option<String> {
    match events {
        [Event::Start(Tag::Paragraph), Event::InlineHtml(open), Event::InlineHtml(close), Event::End(TagEnd::Paragraph), ..]
            if &**close == "</a>" =>
        {
            let id = open.strip_prefix("<a id=\"")?.strip_suffix("\">")?;
            html::is_id(id).then(|| id.to_owned())
        }
        _ => None,
    }
}

/// The lines of a legend, when `events` (from a paragraph's start) are a
/// paragraph of two or more lines of plain text broken by hard breaks, each
/// reading `SYMBOL = meaning` (how the emitter writes a table's legend); and
/// how many events the paragraph takes.
fn legend(events: &[Event<'_>]) -> Option<(Vec<String>, usize)> {
    if !matches!(events.first(), Some(Event::Start(Tag::Paragraph))) {
        return None;
    }
    let mut lines = vec![String::new()];
    for (i, event) in events.iter().enumerate().skip(1) {
        match event {
            Event::Text(t) => lines.last_mut()?.push_str(t),
            Event::HardBreak => lines.push(String::new()),
            Event::End(TagEnd::Paragraph) => {
                let symbols = lines.iter().all(|l| {
                    l.split_once(" = ").is_some_and(|(k, v)| {
                        !k.is_empty() && !k.contains(' ') && !v.trim().is_empty()
                    })
                });
                return (lines.len() >= 2 && symbols).then_some((lines, i + 1));
            }
            _ => return None,
        }
    }
    None
}

fn level(l: HeadingLevel) -> usize {
    match l {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// The document (Markdown from [`crate::emit::markdown::document`]) as
/// HTML, with what `sections` adds at each section.
pub fn render(markdown: &str, sections: &dyn Sections) -> String {
    let events: Vec<Event<'_>> = Parser::new_ext(markdown, Options::ENABLE_TABLES).collect();
    let mut out = String::with_capacity(markdown.len() * 2);
    let mut pending: Option<String> = None;
    let mut open_section: Option<String> = None;
    let mut heading_id: Option<String> = None;
    let mut links: Vec<bool> = Vec::new();
    let mut in_head = false;
    let mut cell = 0usize;
    let mut cell_tags: Vec<&'static str> = Vec::new();
    let mut lists = 0usize;
    // The table of contents: the heading before the first section, and
    // the list after it, in a navigation landmark.
    let mut toc = TocState::Before;
    let mut i = 0;
    while i < events.len() {
        if let Some(id) = anchor(&events[i..]) {
            if let Some(prev) = open_section.take() {
                out.push_str(&sections.at_end(&prev));
            }
            pending = Some(id);
            i += 4;
            continue;
        }
        if let Some((lines, taken)) = legend(&events[i..]) {
            out.push_str("<ul class=\"legend\">\n");
            for line in lines {
                out.push_str(&format!("<li>{}</li>\n", html::text(&line)));
            }
            out.push_str("</ul>\n");
            i += taken;
            continue;
        }
        let event = &events[i];
        i += 1;
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => out.push_str("<p>"),
                Tag::Heading { level: l, .. } => {
                    if toc == TocState::Open {
                        out.push_str("</nav>\n");
                        toc = TocState::Done;
                    }
                    let n = level(*l);
                    heading_id = pending.take();
                    match &heading_id {
                        Some(id) => {
                            open_section = Some(id.clone());
                            out.push_str(&format!("<h{n} id=\"{}\">", html::attr(id)));
                        }
                        None if n == 2 && toc == TocState::Before && open_section.is_none() => {
                            toc = TocState::Open;
                            out.push_str("<nav class=\"toc\" aria-labelledby=\"_contents\">\n<h2 id=\"_contents\">");
                        }
                        None => out.push_str(&format!("<h{n}>")),
                    }
                }
                Tag::BlockQuote(_) => out.push_str("<blockquote>\n"),
                Tag::CodeBlock(_) => out.push_str("<pre><code>"),
                Tag::List(Some(start)) if *start != 1 => {
                    lists += 1;
                    out.push_str(&format!("<ol start=\"{start}\">\n"));
                }
                Tag::List(Some(_)) => {
                    lists += 1;
                    out.push_str("<ol>\n");
                }
                Tag::List(None) => {
                    lists += 1;
                    out.push_str("<ul>\n");
                }
                Tag::Item => out.push_str("<li>"),
                Tag::Table(_) => {
                    out.push_str("<div class=\"table\"><table>\n");
                }
                Tag::TableHead => {
                    in_head = true;
                    cell = 0;
                    out.push_str("<thead>\n<tr>");
                }
                Tag::TableRow => {
                    cell = 0;
                    out.push_str("<tr>");
                }
                Tag::TableCell => {
                    let tag = if in_head {
                        out.push_str("<th scope=\"col\">");
                        "th"
                    } else if cell == 0 {
                        out.push_str("<th scope=\"row\">");
                        "th"
                    } else {
                        out.push_str("<td>");
                        "td"
                    };
                    cell_tags.push(tag);
                    cell += 1;
                }
                Tag::Emphasis => out.push_str("<em>"),
                Tag::Strong => out.push_str("<strong>"),
                Tag::Strikethrough => out.push_str("<del>"),
                Tag::Link { dest_url, .. } => match html::url(dest_url) {
                    Some(href) => {
                        links.push(true);
                        out.push_str(&format!("<a href=\"{href}\">"));
                    }
                    None => links.push(false),
                },
                // An image shows its text: a page loads nothing.
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph => out.push_str("</p>\n"),
                TagEnd::Heading(l) => {
                    let n = level(*l);
                    if toc == TocState::Open && heading_id.is_none() && open_section.is_none() {
                        out.push_str("</h2>\n");
                    } else {
                        out.push_str(&format!("</h{n}>\n"));
                    }
                    if let Some(id) = heading_id.take() {
                        out.push_str(&sections.after_heading(&id));
                    }
                }
                TagEnd::BlockQuote(_) => out.push_str("</blockquote>\n"),
                TagEnd::CodeBlock => out.push_str("</code></pre>\n"),
                TagEnd::List(ordered) => {
                    lists = lists.saturating_sub(1);
                    out.push_str(if *ordered { "</ol>\n" } else { "</ul>\n" });
                    if lists == 0 && toc == TocState::Open {
                        out.push_str("</nav>\n");
                        toc = TocState::Done;
                    }
                }
                TagEnd::Item => out.push_str("</li>\n"),
                TagEnd::Table => out.push_str("</tbody>\n</table></div>\n"),
                TagEnd::TableHead => {
                    in_head = false;
                    out.push_str("</tr>\n</thead>\n<tbody>\n");
                }
                TagEnd::TableRow => out.push_str("</tr>\n"),
                TagEnd::TableCell => {
                    let tag = cell_tags.pop().unwrap_or("td");
                    out.push_str(&format!("</{tag}>"));
                }
                TagEnd::Emphasis => out.push_str("</em>"),
                TagEnd::Strong => out.push_str("</strong>"),
                TagEnd::Strikethrough => out.push_str("</del>"),
                TagEnd::Link if links.pop() == Some(true) => out.push_str("</a>"),
                _ => {}
            },
            Event::Text(t) => out.push_str(&html::text(t)),
            Event::Code(t) => {
                out.push_str("<code>");
                out.push_str(&html::text(t));
                out.push_str("</code>");
            }
            // HTML the emitter did not write as an anchor is text.
            Event::Html(t) | Event::InlineHtml(t) => out.push_str(&html::text(t)),
            Event::SoftBreak => out.push('\n'),
            Event::HardBreak => out.push_str("<br>\n"),
            Event::Rule => out.push_str("<hr>\n"),
            _ => {}
        }
    }
    if toc == TocState::Open {
        out.push_str("</nav>\n");
    }
    if let Some(prev) = open_section.take() {
        out.push_str(&sections.at_end(&prev));
    }
    out
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum TocState {
    Before,
    Open,
    Done,
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Marks;
    impl Sections for Marks {
        fn after_heading(&self, id: &str) -> String {
            format!("[after {id}]")
        }
        fn at_end(&self, id: &str) -> String {
            format!("[end {id}]")
        }
    }

    #[test]
    fn anchors_become_heading_ids() {
        let md = "# T\n\n## Table of Contents\n\n- [A](#a)\n\n<a id=\"a\"></a>\n\n## 1. A\n\ntext\n\n<a id=\"b\"></a>\n\n### 1.1 B\n";
        let html = render(md, &Marks);
        assert_eq!(
            html,
            "<h1>T</h1>\n<nav class=\"toc\" aria-labelledby=\"_contents\">\n<h2 id=\"_contents\">Table of Contents</h2>\n<ul>\n<li><a href=\"#a\">A</a></li>\n</ul>\n</nav>\n<h2 id=\"a\">1. A</h2>\n[after a]<p>text</p>\n[end a]<h3 id=\"b\">1.1 B</h3>\n[after b][end b]"
        );
    }

    #[test]
    fn legends_are_lists() {
        let html = render(
            "✓ = Supported  \n– = Not &lt;b>here&lt;/b>\n\nA = b  \nno symbol\n",
            &Marks,
        );
        assert_eq!(
            html,
            "<ul class=\"legend\">\n<li>✓ = Supported</li>\n<li>– = Not &lt;b&gt;here&lt;/b&gt;</li>\n</ul>\n<p>A = b<br>\nno symbol</p>\n"
        );
    }

    #[test]
    fn tables_have_header_cells() {
        let html = render("| A | B |\n|---|---|\n| x | y |\n", &Marks);
        assert_eq!(
            html,
            "<div class=\"table\"><table>\n<thead>\n<tr><th scope=\"col\">A</th><th scope=\"col\">B</th></tr>\n</thead>\n<tbody>\n<tr><th scope=\"row\">x</th><td>y</td></tr>\n</tbody>\n</table></div>\n"
        );
    }

    #[test]
    fn other_html_and_links_are_text() {
        let html = render(
            "<script>alert(1)</script>\n\n[x](javascript:alert(1)) <b onclick=y>z</b> ![i](https://x.org/i.png)",
            &Marks,
        );
        assert!(!html.contains("<script") && !html.contains("<b ") && !html.contains("<img"));
        assert!(html.contains("&lt;script&gt;") && !html.contains("href"));
    }
}
