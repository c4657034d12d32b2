//! The canonical layout of a policy file, for `policyc fmt`.
//!
//! [`format_source`] re-prints a valid policy from its syntax tree, so that
//! two files that mean the same and carry the same comments are written the
//! same way. The layout:
//!
//! - **Indentation**: 4 spaces per nesting level; no tabs, no trailing spaces;
//!   `\n` line endings, one final newline; a byte-order mark is dropped.
//! - **Declarations**: `kind id "Title" {` on one line, the body one level
//!   deeper, `}` on its own line; an empty body (no entries, no comments) is
//!   `kind id "Title" {}`. One-line bodies such as `{ on: 01-01 }` are
//!   expanded: one entry per line.
//! - **Fields**: `name: value`, one per line. The values of a run of
//!   consecutive one-line fields start in the same column, one space after the
//!   longest `name:` of the run (`version:   1.0`). A run is broken by a blank
//!   line, by any other entry, and by a field whose value takes several lines
//!   (which is written with a single space: `components: [`). Comment lines do
//!   not break a run.
//! - **Lists**: `[a, b, c]` on the field's line when that line fits in
//!   100 columns; otherwise (or when a comment or a prose block is inside the
//!   list) one item per line, one level deeper, each with a trailing comma,
//!   and `]` on its own line.
//! - **Prose**: a prose entry is `"""`, its text, `"""`, each on its own line
//!   at the entry's indentation; a prose field value opens with `"""` after
//!   `name: `, and its text and closing `"""` are one level deeper. The text
//!   is re-indented but otherwise kept as written: lines are **not** wrapped
//!   or joined, because line breaks in Markdown can be meaningful (lists,
//!   tables, hard breaks) and reflowing would make every edit a large diff.
//!   Blank lines at the ends of the text and trailing spaces are dropped (the
//!   compiler ignores them). Prose inside a list or a grid cell is kept
//!   exactly as written.
//! - **Grids**: the rows of a grid are aligned column by column by display
//!   width (wide CJK characters count two columns, combining marks none),
//!   every cell padded with one space on each side: `| *     | community |`.
//! - **Blank lines**: none after `{` or before `}`; between the entries of a
//!   body, a blank line where the author left one or more. At the top level,
//!   exactly two blank lines follow each declaration's `}`; elsewhere the
//!   author's single blank lines between top-level comments are kept.
//! - **Literals** are re-printed from their value: `easter-2` becomes
//!   `easter - 2`, `1 business days` becomes `1 business day`,
//!   `USD 250.00/hour` becomes `USD 250/hour`, `120 minutes` becomes
//!   `2 hours`. Quoted strings and titles keep their escapes as written;
//!   numbers keep their digits (`1.0`); notes are written `value (note)`.
//! - **Comments** are kept, in order. A comment on its own line stays on its
//!   own line before the same entry (or list item, or grid row), at that
//!   entry's indentation; a comment at the end of a line stays at the end of
//!   that line, two spaces after it; comments at the end of a body stay
//!   before its `}`. A comment written inside a one-line construct (between
//!   a field's name and its value, or inside a declaration's header) ends up
//!   at the end of that line, or, if it stood on its own line, on its own
//!   line before the construct.

use crate::ast::{
    CellRef, ClaimExpr, Declaration, Entry, Field, File, Item, Literal, Row, Selector, Value,
};
use crate::diagnostic::Diagnostic;
use crate::value_text;
use unicode_width::UnicodeWidthStr;

/// Spaces per nesting level.
pub const INDENT: usize = 4;

/// The width a list must fit in to stay on its field's line.
pub const MAX_WIDTH: usize = 100;

/// Formats a policy source in the canonical layout (see the module
/// documentation).
///
/// A source with any error (from [`crate::check_source`]) is not formatted:
/// its diagnostics, warnings included, are returned instead. Pure: no I/O.
pub fn format_source(source: &str) -> Result<String, Vec<Diagnostic>> {
    format_source_with(source, &|_| {
        Err("the formatter was given no reader of shared files".to_owned())
    })
}

/// [`format_source`] of a policy that includes shared files, read with
/// `read` to check the policy (the formatter never rewrites them).
pub fn format_source_with(
    source: &str,
    read: crate::include::Read<'_>,
) -> Result<String, Vec<Diagnostic>> {
    let checked = crate::check_source_with(source, read);
    if checked.has_errors() {
        return Err(checked.diagnostics);
    }
    let parsed = crate::parse::parse(source);
    let comments = scan_comments(source, &parsed.file);
    let mut printer = Printer {
        src: source,
        comments,
        next: 0,
        lines: Vec::new(),
        prev_end: 0,
        fresh: true,
        top_gap: false,
    };
    printer.file(&parsed.file);
    let mut out = printer.lines.join("\n");
    if !out.is_empty() {
        out.push('\n');
    }
    Ok(out)
}

/// The comments of a policy source, in order, as written (from `#` to the
/// end of the line, trailing spaces removed); empty when it does not parse.
/// The formatter keeps exactly these: tests compare them before and after.
pub fn comments(source: &str) -> Vec<String> {
    let parsed = crate::parse::parse(source);
    if parsed.has_syntax_errors() {
        return Vec::new();
    }
    scan_comments(source, &parsed.file)
        .into_iter()
        .map(|comment| comment.text)
        .collect()
}

/// A `# ...` comment of the source.
#[derive(Clone, Debug)]
struct Comment {
    /// Where `#` is.
    start: usize,
    /// The end of its line (before `\n`).
    end: usize,
    /// The text from `#`, trailing spaces removed.
    text: String,
    /// Whether only spaces precede it on its line.
    own_line: bool,
}

/// Every comment of `source`: every `#` outside the tokens of the tree (names,
/// strings, literals, rows, prose), which are the only places a `#` can be
/// anything but a comment.
fn scan_comments(source: &str, file: &File) -> Vec<Comment> {
    let mut opaque = Vec::new();
    for declaration in &file.declarations {
        collect_tokens(declaration, &mut opaque);
    }
    opaque.sort_unstable();
    let bytes = source.as_bytes();
    let mut comments = Vec::new();
    let mut next = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(&(start, end)) = opaque.get(next) {
            if i >= start {
                i = i.max(end);
                next += 1;
                continue;
            }
        }
        if bytes[i] == b'#' {
            let end = source[i..].find('\n').map_or(source.len(), |n| i + n);
            let line_start = source[..i].rfind('\n').map_or(0, |n| n + 1);
            let own_line = source[line_start..i]
                .chars()
                .all(|c| c.is_whitespace() || c == '\u{FEFF}');
            comments.push(Comment {
                start: i,
                end,
                text: source[i..end].trim_end().to_owned(),
                own_line,
            });
            i = end;
        } else {
            i += 1;
        }
    }
    comments
}

/// The spans of the tokens of a declaration, in which `#` is not a comment.
fn collect_tokens(declaration: &Declaration, out: &mut Vec<(usize, usize)>) {
    out.push(declaration.kind.span.key());
    out.push(declaration.id.span.key());
    if let Some(title) = &declaration.title {
        out.push(title.span.key());
    }
    for entry in &declaration.entries {
        match entry {
            Entry::Field(field) => {
                out.push(field.name.span.key());
                out.extend(field.value.items().iter().map(|item| item.span.key()));
            }
            Entry::Row(row) => out.push(row.span.key()),
            Entry::Prose(prose) => out.push(prose.span.key()),
            Entry::Declaration(inner) => collect_tokens(inner, out),
        }
    }
}

/// Where an entry starts in the source.
fn entry_start(entry: &Entry) -> usize {
    match entry {
        Entry::Field(field) => field.span.start,
        Entry::Row(row) => row.span.start,
        Entry::Prose(prose) => prose.span.start,
        Entry::Declaration(declaration) => declaration.span.start,
    }
}

/// Where an entry ends in the source.
fn entry_end(entry: &Entry) -> usize {
    match entry {
        Entry::Field(field) => field.span.end,
        Entry::Row(row) => row.span.end,
        Entry::Prose(prose) => prose.span.end,
        Entry::Declaration(declaration) => declaration.span.end,
    }
}

/// How one entry of a body is laid out, decided for the whole body first.
#[derive(Clone, Debug)]
enum Plan {
    /// A field: the column width of its run (the longest name), and whether
    /// its value takes several lines.
    Field { width: usize, multiline: bool },
    /// A grid row, already aligned.
    Row(String),
    /// A small declaration on one line, in a run aligned together.
    Compact(String),
    /// Anything else.
    Other,
}

/// Writes the tree back out, line by line, with the comments.
struct Printer<'s> {
    /// The source, for comments, blank lines and strings as written.
    src: &'s str,
    /// Every comment, in source order.
    comments: Vec<Comment>,
    /// The first comment not yet written.
    next: usize,
    /// The output so far.
    lines: Vec<String>,
    /// Where the last thing written ended in the source.
    prev_end: usize,
    /// Just after `{` or at the start of the file: no blank line here.
    fresh: bool,
    /// Just after a top-level `}`: two blank lines before what follows.
    top_gap: bool,
}

impl Printer<'_> {
    fn file(&mut self, file: &File) {
        for declaration in &file.declarations {
            let comments = self.take(declaration.span.start);
            self.comment_lines(comments, 0);
            self.declaration(declaration, 0);
            self.top_gap = true;
        }
        let comments = self.take(usize::MAX);
        self.comment_lines(comments, 0);
    }

    /// The comments not yet written that start before `before`.
    fn take(&mut self, before: usize) -> Vec<Comment> {
        let mut taken = Vec::new();
        while let Some(comment) = self.comments.get(self.next) {
            if comment.start >= before {
                break;
            }
            taken.push(comment.clone());
            self.next += 1;
        }
        taken
    }

    /// Whether a comment not yet written starts before `before`.
    fn has_comment_before(&self, before: usize) -> bool {
        self.comments
            .get(self.next)
            .is_some_and(|comment| comment.start < before)
    }

    fn push(&mut self, indent: usize, text: &str) {
        let mut line = " ".repeat(indent * INDENT);
        line.push_str(text);
        self.lines.push(line);
    }

    /// A comment at the end of the last line written.
    fn append(&mut self, comment: &Comment) {
        match self.lines.last_mut() {
            Some(line) if !line.trim().is_empty() => {
                line.push_str("  ");
                line.push_str(&comment.text);
            }
            _ => self.lines.push(comment.text.clone()),
        }
    }

    /// Starts a new thing (entry or comment line) that begins at `start` in
    /// the source: the blank lines before it.
    fn begin(&mut self, start: usize) {
        if self.top_gap {
            self.lines.push(String::new());
            self.lines.push(String::new());
            self.top_gap = false;
        } else if !self.fresh && self.blank_between(self.prev_end, start) {
            self.lines.push(String::new());
        }
        self.fresh = false;
    }

    /// Whether the source has a blank line between `from` and `to`.
    fn blank_between(&self, from: usize, to: usize) -> bool {
        let Some(gap) = self.src.get(from..to) else {
            return false;
        };
        let pieces: Vec<&str> = gap.split('\n').collect();
        pieces.len() > 2
            && pieces[1..pieces.len() - 1]
                .iter()
                .any(|line| line.trim().is_empty())
    }

    /// Comments between entries: own-line ones on their own lines at
    /// `indent`, trailing ones at the end of the last line.
    fn comment_lines(&mut self, comments: Vec<Comment>, indent: usize) {
        for comment in comments {
            if comment.own_line {
                self.begin(comment.start);
                self.push(indent, &comment.text);
            } else {
                self.append(&comment);
            }
            self.prev_end = comment.end;
        }
    }

    /// A line with the comments found inside the construct it prints: at its
    /// end, or all before it if one of them stood on its own line (or if
    /// `end_allowed` is false).
    fn line_with(&mut self, inside: &[Comment], indent: usize, text: &str, end_allowed: bool) {
        if !end_allowed || inside.iter().any(|c| c.own_line) {
            for comment in inside {
                self.push(indent, &comment.text);
            }
            self.push(indent, text);
        } else {
            self.push(indent, text);
            for comment in inside {
                self.append(comment);
            }
        }
    }

    fn declaration(&mut self, declaration: &Declaration, indent: usize) {
        let header_end = declaration
            .title
            .as_ref()
            .map_or(declaration.id.span.end, |title| title.span.end);
        let close = declaration.span.end.saturating_sub(1);
        let brace = self.find_brace(header_end, close);
        let inside = self.take(brace);
        let mut header = format!("{} {}", declaration.kind.value, declaration.id.value);
        if let Some(title) = &declaration.title {
            header.push(' ');
            header.push_str(self.src.get(title.span.start..title.span.end).unwrap_or(""));
        }
        self.begin(declaration.span.start);
        if declaration.entries.is_empty() && !self.has_comment_before(close) {
            header.push_str(" {}");
            self.line_with(&inside, indent, &header, true);
            self.prev_end = declaration.span.end;
            return;
        }
        header.push_str(" {");
        self.line_with(&inside, indent, &header, true);
        self.fresh = true;
        self.entries(&declaration.entries, indent + 1);
        let comments = self.take(close);
        self.comment_lines(comments, indent + 1);
        self.push(indent, "}");
        self.fresh = false;
        self.prev_end = declaration.span.end;
    }

    /// The `{` of a declaration, after its header, skipping comments.
    fn find_brace(&self, from: usize, limit: usize) -> usize {
        let bytes = self.src.as_bytes();
        let limit = limit.min(bytes.len());
        let mut i = from;
        while i < limit {
            match bytes[i] {
                b'{' => return i,
                b'#' => {
                    while i < limit && bytes[i] != b'\n' {
                        i += 1;
                    }
                }
                _ => i += 1,
            }
        }
        limit
    }

    fn entries(&mut self, entries: &[Entry], indent: usize) {
        let plans = self.plan(entries, indent);
        for (entry, plan) in entries.iter().zip(plans) {
            let comments = self.take(entry_start(entry));
            self.comment_lines(comments, indent);
            match (entry, plan) {
                (Entry::Field(field), Plan::Field { width, multiline }) => {
                    self.field(field, indent, width, multiline);
                }
                (Entry::Row(row), Plan::Row(text)) => {
                    self.begin(row.span.start);
                    self.push(indent, &text);
                }
                (Entry::Prose(prose), _) => {
                    self.begin(prose.span.start);
                    self.push(indent, "\"\"\"");
                    self.prose_text(&crate::parse::dedent(&prose.raw), indent);
                    self.push(indent, "\"\"\"");
                }
                (Entry::Declaration(declaration), Plan::Compact(line)) => {
                    self.begin(declaration.span.start);
                    self.push(indent, &line);
                }
                (Entry::Declaration(declaration), _) => self.declaration(declaration, indent),
                // Plans are made one per entry, of the same kind.
                (Entry::Field(field), _) => self.field(field, indent, field.name.value.len(), true),
                (Entry::Row(row), _) => {
                    self.begin(row.span.start);
                    let text = self.row_cells(row).join(" | ");
                    self.push(indent, &format!("| {text} |"));
                }
            }
            self.prev_end = entry_end(entry);
        }
    }

    fn prose_text(&mut self, text: &str, indent: usize) {
        if text.is_empty() {
            return;
        }
        for line in text.split('\n') {
            if line.trim().is_empty() {
                self.lines.push(String::new());
            } else {
                self.push(indent, line);
            }
        }
    }

    /// Decides the alignment of fields and grid rows of one body.
    fn plan(&self, entries: &[Entry], indent: usize) -> Vec<Plan> {
        let mut plans: Vec<Plan> = entries
            .iter()
            .map(|entry| match entry {
                Entry::Field(field) => Plan::Field {
                    width: field.name.value.len(),
                    multiline: self.forced_multiline(field),
                },
                _ => Plan::Other,
            })
            .collect();
        // Field runs: lists that do not fit go on several lines, which
        // breaks their run; repeat until nothing changes (it only ever
        // moves fields out of runs, so it ends).
        loop {
            let runs = self.field_runs(entries, &plans);
            let mut changed = false;
            for run in &runs {
                let width = run
                    .iter()
                    .filter_map(|&i| match &entries[i] {
                        Entry::Field(field) => Some(field.name.value.len()),
                        _ => None,
                    })
                    .max()
                    .unwrap_or(0);
                for &i in run {
                    let Entry::Field(field) = &entries[i] else {
                        continue;
                    };
                    if let Value::List(items, _) = &field.value {
                        let inline = self.inline_list(items);
                        if indent * INDENT + width + 2 + inline.width() > MAX_WIDTH {
                            plans[i] = Plan::Field {
                                width: field.name.value.len(),
                                multiline: true,
                            };
                            changed = true;
                            continue;
                        }
                    }
                    plans[i] = Plan::Field {
                        width,
                        multiline: false,
                    };
                }
            }
            if !changed {
                break;
            }
        }
        self.plan_compact(entries, indent, &mut plans);
        // Grid rows: consecutive rows (comments between them allowed) are
        // aligned together.
        let mut i = 0;
        while i < entries.len() {
            if !matches!(entries[i], Entry::Row(_)) {
                i += 1;
                continue;
            }
            let mut j = i;
            let mut table = Vec::new();
            while let Some(Entry::Row(row)) = entries.get(j) {
                table.push(self.row_cells(row));
                j += 1;
            }
            let columns = table.iter().map(Vec::len).max().unwrap_or(0);
            let widths: Vec<usize> = (0..columns)
                .map(|c| {
                    table
                        .iter()
                        .filter_map(|cells| cells.get(c))
                        .map(|cell| cell.width())
                        .max()
                        .unwrap_or(0)
                })
                .collect();
            for (k, cells) in table.into_iter().enumerate() {
                let mut line = String::from("|");
                for (c, cell) in cells.iter().enumerate() {
                    let pad = widths
                        .get(c)
                        .copied()
                        .unwrap_or(0)
                        .saturating_sub(cell.width());
                    line.push(' ');
                    line.push_str(cell);
                    line.push_str(&" ".repeat(pad));
                    line.push_str(" |");
                }
                plans[i + k] = Plan::Row(line);
            }
            i = j;
        }
        plans
    }

    /// Small declarations stay on one line, like rows of a table: a run of
    /// consecutive declarations of one kind, each with no body or a single
    /// one-line field and no comment inside, is written one per line with
    /// ids and titles in aligned columns, if every line fits.
    fn plan_compact(&self, entries: &[Entry], indent: usize, plans: &mut [Plan]) {
        let mut i = 0;
        while i < entries.len() {
            let Some((first, _)) = self.compact_parts(&entries[i]) else {
                i += 1;
                continue;
            };
            let mut run = vec![i];
            let mut j = i + 1;
            while let Some(entry) = entries.get(j) {
                let same_kind = matches!(self.compact_parts(entry), Some((d, _)) if d.kind.value == first.kind.value);
                if !same_kind || self.blank_between(entry_end(&entries[j - 1]), entry_start(entry))
                {
                    break;
                }
                run.push(j);
                j += 1;
            }
            let parts: Vec<(String, String, String)> = run
                .iter()
                .filter_map(|&k| self.compact_parts(&entries[k]))
                .map(|(d, body)| {
                    let title = d
                        .title
                        .as_ref()
                        .and_then(|t| self.src.get(t.span.start..t.span.end))
                        .unwrap_or("")
                        .to_owned();
                    (format!("{} {}", d.kind.value, d.id.value), title, body)
                })
                .collect();
            let id_width = parts.iter().map(|p| p.0.width()).max().unwrap_or(0);
            let title_width = parts.iter().map(|p| p.1.width()).max().unwrap_or(0);
            let lines: Vec<String> = parts
                .iter()
                .map(|(head, title, body)| {
                    let mut line = format!("{head}{}", " ".repeat(id_width - head.width()));
                    if title_width > 0 {
                        line.push(' ');
                        line.push_str(title);
                        line.push_str(&" ".repeat(title_width - title.width()));
                    }
                    line.push(' ');
                    line.push_str(body);
                    line
                })
                .collect();
            if lines
                .iter()
                .all(|l| indent * INDENT + l.width() <= MAX_WIDTH)
            {
                for (&k, line) in run.iter().zip(lines) {
                    plans[k] = Plan::Compact(line);
                }
            }
            i = j;
        }
    }

    /// A declaration that may stand on one line, and its body as written
    /// there: `{}` or `{ name: value }`.
    fn compact_parts<'e>(&self, entry: &'e Entry) -> Option<(&'e Declaration, String)> {
        let Entry::Declaration(declaration) = entry else {
            return None;
        };
        let has_comment = self
            .comments
            .iter()
            .any(|c| c.start > declaration.span.start && c.start < declaration.span.end);
        if has_comment {
            return None;
        }
        match declaration.entries.as_slice() {
            [] => Some((declaration, "{}".to_owned())),
            [Entry::Field(field)] => match &field.value {
                Value::Single(item) if !matches!(item.literal, Literal::Prose(_)) => Some((
                    declaration,
                    format!("{{ {}: {} }}", field.name.value, self.item(item)),
                )),
                _ => None,
            },
            _ => None,
        }
    }

    /// Runs of consecutive one-line fields, by entry index.
    fn field_runs(&self, entries: &[Entry], plans: &[Plan]) -> Vec<Vec<usize>> {
        let mut runs: Vec<Vec<usize>> = Vec::new();
        let mut current: Vec<usize> = Vec::new();
        for (i, entry) in entries.iter().enumerate() {
            let one_line = matches!(
                (entry, &plans[i]),
                (
                    Entry::Field(_),
                    Plan::Field {
                        multiline: false,
                        ..
                    }
                )
            );
            if !one_line {
                if !current.is_empty() {
                    runs.push(std::mem::take(&mut current));
                }
                continue;
            }
            if let Some(&last) = current.last() {
                if self.blank_between(entry_end(&entries[last]), entry_start(entry)) {
                    runs.push(std::mem::take(&mut current));
                }
            }
            current.push(i);
        }
        if !current.is_empty() {
            runs.push(current);
        }
        runs
    }

    /// Whether a field's value takes several lines whatever the width: a
    /// prose value, or a list holding prose or comments.
    fn forced_multiline(&self, field: &Field) -> bool {
        match &field.value {
            Value::Single(item) => matches!(item.literal, Literal::Prose(_)),
            Value::List(items, span) => {
                items
                    .iter()
                    .any(|item| matches!(item.literal, Literal::Prose(_)))
                    || self
                        .comments
                        .iter()
                        .any(|c| c.start > span.start && c.start < span.end)
            }
        }
    }

    fn inline_list(&self, items: &[Item]) -> String {
        let items: Vec<String> = items.iter().map(|item| self.item(item)).collect();
        format!("[{}]", items.join(", "))
    }

    fn field(&mut self, field: &Field, indent: usize, width: usize, multiline: bool) {
        let name = &field.name.value;
        let value_start = field.value.span().start;
        let inside = self.take(value_start);
        self.begin(field.span.start);
        match &field.value {
            Value::Single(Item {
                literal: Literal::Prose(prose),
                ..
            }) => {
                // A comment after `"""` would be prose: comments go before.
                self.line_with(&inside, indent, &format!("{name}: \"\"\""), false);
                self.prose_text(&crate::parse::dedent(&prose.raw), indent + 1);
                self.push(indent + 1, "\"\"\"");
            }
            Value::List(items, span) if multiline => {
                self.line_with(&inside, indent, &format!("{name}: ["), true);
                for item in items {
                    let comments = self.take(item.span.start);
                    self.list_comments(comments, indent + 1);
                    let text = self.item(item);
                    self.push(indent + 1, &format!("{text},"));
                }
                let comments = self.take(span.end.saturating_sub(1));
                self.list_comments(comments, indent + 1);
                self.push(indent, "]");
            }
            value => {
                let text = match value {
                    Value::Single(item) => self.item(item),
                    Value::List(items, _) => self.inline_list(items),
                };
                let pad = " ".repeat(width.saturating_sub(name.len()) + 1);
                self.line_with(&inside, indent, &format!("{name}:{pad}{text}"), true);
            }
        }
    }

    /// Comments inside a list: no blank lines.
    fn list_comments(&mut self, comments: Vec<Comment>, indent: usize) {
        for comment in comments {
            if comment.own_line {
                self.push(indent, &comment.text);
            } else {
                self.append(&comment);
            }
        }
    }

    fn row_cells(&self, row: &Row) -> Vec<String> {
        row.cells
            .iter()
            .map(|cell| match cell {
                crate::ast::Cell::Corner(_) => "*".to_owned(),
                crate::ast::Cell::Value(item) => self.item(item),
            })
            .collect()
    }

    /// A value with its note.
    fn item(&self, item: &Item) -> String {
        let mut text = self.literal(item);
        if let Some(note) = &item.note {
            text.push_str(" (");
            text.push_str(&note.value);
            text.push(')');
        }
        text
    }

    /// The literal of an item, as written (strings, prose inside values) or
    /// re-printed from its value.
    fn literal(&self, item: &Item) -> String {
        match &item.literal {
            Literal::Prose(prose) => format!("\"\"\"{}\"\"\"", prose.raw),
            Literal::Text(_) | Literal::Invalid => self.as_written(item),
            Literal::Target(target) => value_text::within(target),
            Literal::Duration(minutes) => value_text::duration(*minutes),
            Literal::Period(period) => period.to_string(),
            Literal::Money(money) => value_text::money(money),
            Literal::Quantity(q) => value_text::quantity(q),
            Literal::Range(from, to) => format!("{from}..{to}"),
            Literal::Date(date) => date.format("%Y-%m-%d").to_string(),
            Literal::Month(year, month) => format!("{year:04}-{month:02}"),
            Literal::Holiday(rule) => value_text::holiday(rule),
            Literal::Time(time) => value_text::clock_time(*time),
            Literal::TimeRange(open, close) => format!(
                "{}-{}",
                value_text::clock_time(*open),
                value_text::clock_time(*close)
            ),
            Literal::Weekly(hours) => value_text::weekly(hours),
            Literal::Keyword(keyword) => keyword.as_str().to_owned(),
            Literal::Number(number) | Literal::Version(number) => number.clone(),
            Literal::CellRef(cells) => cell_ref(cells),
            Literal::FieldRef(field) => format!("{}.{}", field.decl.value, field.field.value),
            Literal::Reference(id) => id.clone(),
            Literal::Claim(claim) => match claim.as_ref() {
                ClaimExpr::Same(cells) => format!("same {}", cell_ref(cells)),
                ClaimExpr::EveryIs(cells, operand) => {
                    format!("every {} is {}", cell_ref(cells), self.item(operand))
                }
                ClaimExpr::EveryRuns(cells, clock) => {
                    format!("every {} runs {}", cell_ref(cells), clock.value.as_str())
                }
                ClaimExpr::CellIs(cells, operand) => {
                    format!("{} is {}", cell_ref(cells), self.item(operand))
                }
                ClaimExpr::FieldIs(field, operand) => format!(
                    "{}.{} is {}",
                    field.decl.value,
                    field.field.value,
                    self.item(operand)
                ),
            },
        }
    }

    /// The literal of an item exactly as written, without its note.
    fn as_written(&self, item: &Item) -> String {
        let end = item
            .note
            .as_ref()
            .map_or(item.span.end, |note| note.span.start);
        self.src
            .get(item.span.start..end)
            .unwrap_or("")
            .trim_end()
            .to_owned()
    }
}

/// `grid[row, column]`.
fn cell_ref(cells: &CellRef) -> String {
    let selector = |s: &Selector| match s {
        Selector::All(_) => "*".to_owned(),
        Selector::Id(id) => id.value.clone(),
    };
    format!(
        "{}[{}, {}]",
        cells.grid.value,
        selector(&cells.row),
        selector(&cells.column)
    )
}
