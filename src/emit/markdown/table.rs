//! GFM tables and the blocks a document is joined from.

/// A GFM table: a header row and body rows, every cell one line.
#[derive(Clone, Debug, Default)]
pub struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with these header cells.
    pub fn new<S: Into<String>>(header: impl IntoIterator<Item = S>) -> Table {
        Table {
            header: header.into_iter().map(Into::into).collect(),
            rows: Vec::new(),
        }
    }

    /// Adds a body row.
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// Whether the table has no body rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The table as GFM; rows are padded or cut to the header's width.
    pub fn render(&self) -> String {
        let width = self.header.len();
        let mut lines = vec![line(&self.header, width)];
        lines.push(format!("|{}", "---|".repeat(width)));
        lines.extend(self.rows.iter().map(|r| line(r, width)));
        lines.join("\n")
    }
}

fn line(cells: &[String], width: usize) -> String {
    let mut out = String::from("|");
    for i in 0..width {
        let text = cells.get(i).map(|c| cell(c)).unwrap_or_default();
        if text.is_empty() {
            out.push_str(" |");
        } else {
            out.push(' ');
            out.push_str(&text);
            out.push_str(" |");
        }
    }
    out
}

/// A cell's text: on one line, runs of white space as one space, `|`
/// escaped.
pub fn cell(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(one_line.len());
    let mut escaped = false;
    for c in one_line.chars() {
        if c == '|' && !escaped {
            out.push('\\');
        }
        escaped = c == '\\' && !escaped;
        out.push(c);
    }
    out
}

/// A piece of the document, joined to its neighbours by [`join`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// Markdown as is: a heading, a paragraph, a table.
    Text(String),
    /// The items of a `list` declaration; nested under the previous block's
    /// last item when that item introduces it (ends with `:`).
    List(Vec<String>),
}

/// Joins blocks with blank lines. A block that continues the list the
/// previous block ended with follows it directly, so the list stays one
/// tight list.
pub fn join(blocks: &[Block]) -> String {
    let mut out = String::new();
    // The last line of the previous block when it was a list item, and the
    // indent a nested list under it would take.
    let mut open_item: Option<(String, usize)> = None;
    // The indent of the previous `list` block, continued by the next one.
    let mut list_indent = 0;
    let mut previous_was_list = false;
    for block in blocks {
        let text = match block {
            Block::Text(t) => t.trim_end().to_owned(),
            Block::List(items) => {
                let indent = match &open_item {
                    Some((_, _)) if previous_was_list => list_indent,
                    Some((last, content)) if last.trim_end().ends_with(':') => *content,
                    Some((last, _)) => leading_spaces(last),
                    None => 0,
                };
                list_indent = indent;
                let pad = " ".repeat(indent);
                items
                    .iter()
                    .map(|i| {
                        format!(
                            "{pad}- {}",
                            i.split_whitespace().collect::<Vec<_>>().join(" ")
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            }
        };
        if text.is_empty() {
            continue;
        }
        if !out.is_empty() {
            let tight = open_item.is_some() && list_item(first_line(&text)).is_some();
            out.push_str(if tight { "\n" } else { "\n\n" });
        }
        out.push_str(&text);
        let last = text.lines().last().unwrap_or("");
        open_item = list_item(last).map(|content| (last.to_owned(), content));
        previous_was_list = matches!(block, Block::List(_));
    }
    out
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or("")
}

fn leading_spaces(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// If `line` is a list item (`- x`, `* x`, `+ x`, `1. x`, `1) x`), the
/// column its content starts at.
fn list_item(line: &str) -> Option<usize> {
    let indent = leading_spaces(line);
    let rest = &line[indent..];
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let marker = match rest.as_bytes().get(digits) {
        Some(b'-' | b'*' | b'+') if digits == 0 => 1,
        Some(b'.' | b')') if (1..=9).contains(&digits) => digits + 1,
        _ => return None,
    };
    match rest.as_bytes().get(marker) {
        Some(b' ') => Some(indent + marker + 1),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_escape_pipes_and_stay_on_one_line() {
        assert_eq!(cell("a | b\nc"), "a \\| b c");
        assert_eq!(cell("a \\| b"), "a \\| b");
    }

    #[test]
    fn rows_take_the_header_width() {
        let mut t = Table::new(["A", "B"]);
        t.row(vec!["1".to_owned()]);
        assert_eq!(t.render(), "| A | B |\n|---|---|\n| 1 | |");
    }

    #[test]
    fn a_list_introduced_by_an_item_nests_under_it() {
        let blocks = [
            Block::Text("Intro.\n\n- One:".to_owned()),
            Block::List(vec!["a".to_owned(), "b".to_owned()]),
            Block::Text("- Two".to_owned()),
            Block::Text("After.".to_owned()),
        ];
        assert_eq!(
            join(&blocks),
            "Intro.\n\n- One:\n  - a\n  - b\n- Two\n\nAfter."
        );
    }

    #[test]
    fn a_list_after_a_paragraph_stands_alone() {
        let blocks = [
            Block::Text("## H".to_owned()),
            Block::List(vec!["a".to_owned()]),
        ];
        assert_eq!(join(&blocks), "## H\n\n- a");
    }
}
