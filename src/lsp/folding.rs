//! Folding ranges: every declaration's `{ ... }` (a grid's among them),
//! each run of grid rows, every prose block of more than one line, each
//! run of two or more comment lines, and each `# region` ... `# endregion`
//! (the markers of the VS Code extension's language configuration, which
//! an editor no longer reads once a server folds). A block or prose range
//! folds from its first line to the line before its end (`}` and the
//! closing `"""` stay in sight), and is left out when that leaves nothing
//! to fold.

use super::position::Lines;
use lsp_types::{FoldingRange, FoldingRangeKind};
use policyc::ast::{Declaration, Entry, File, Item, Literal};
use policyc::span::Span;

/// The folding ranges of `text`, parsed as `file`, in order of their
/// first line.
pub fn ranges(text: &str, file: &File, lines: &Lines) -> Vec<FoldingRange> {
    let mut folds = Folds {
        text,
        lines,
        out: Vec::new(),
        prose: Vec::new(),
    };
    for decl in &file.declarations {
        folds.declaration(decl);
    }
    folds.comments();
    let mut out = folds.out;
    out.sort_by_key(|r| (r.start_line, std::cmp::Reverse(r.end_line)));
    out
}

struct Folds<'a> {
    text: &'a str,
    lines: &'a Lines,
    out: Vec<FoldingRange>,
    /// The lines of every prose block, first and last: no comment there.
    prose: Vec<(u32, u32)>,
}

impl Folds<'_> {
    /// A range over `span`, the line of its end kept in sight.
    fn fold(&mut self, span: Span, kind: Option<FoldingRangeKind>) {
        let start = self.lines.line(self.text, span.start);
        let end = self.lines.line(self.text, span.end);
        self.push(start, end.saturating_sub(1), kind);
    }

    fn push(&mut self, start: u32, end: u32, kind: Option<FoldingRangeKind>) {
        if end > start {
            self.out.push(FoldingRange {
                start_line: start,
                end_line: end,
                kind,
                ..FoldingRange::default()
            });
        }
    }

    fn declaration(&mut self, decl: &Declaration) {
        self.fold(decl.span, None);
        let mut rows: Option<Span> = None;
        for entry in &decl.entries {
            match entry {
                Entry::Row(row) => {
                    rows = Some(rows.map_or(row.span, |r| r.to(row.span)));
                    continue;
                }
                Entry::Field(field) => {
                    for item in field.value.items() {
                        self.item(item);
                    }
                }
                Entry::Prose(prose) => self.prose(prose.span),
                Entry::Declaration(inner) => self.declaration(inner),
            }
            self.rows(rows.take());
        }
        self.rows(rows);
    }

    /// A run of grid rows: all of its lines.
    fn rows(&mut self, rows: Option<Span>) {
        if let Some(span) = rows {
            let start = self.lines.line(self.text, span.start);
            let end = self.lines.line(self.text, span.end);
            self.push(start, end, Some(FoldingRangeKind::Region));
        }
    }

    fn item(&mut self, item: &Item) {
        if let Literal::Prose(prose) = &item.literal {
            self.prose(prose.span);
        }
    }

    fn prose(&mut self, span: Span) {
        let start = self.lines.line(self.text, span.start);
        let end = self.lines.line(self.text, span.end);
        self.prose.push((start, end));
        self.fold(span, None);
    }

    /// Runs of lines that hold only a comment, and regions between
    /// `# region` and `# endregion`, outside prose.
    fn comments(&mut self) {
        self.prose.sort_unstable();
        let mut prose = self.prose.iter().peekable();
        let mut run: Option<(u32, u32)> = None;
        let mut runs = Vec::new();
        let mut regions = Vec::new();
        let mut closed = Vec::new();
        for (n, line) in (0u32..).zip(self.text.split('\n')) {
            while prose.peek().is_some_and(|&&(_, end)| end < n) {
                prose.next();
            }
            let in_prose = prose
                .peek()
                .is_some_and(|&&(start, end)| start <= n && n <= end);
            let comment = line.trim_start().strip_prefix('#').filter(|_| !in_prose);
            let marker = comment.map(|c| c.trim_start()).and_then(|c| {
                let word = c.split(|ch: char| !ch.is_ascii_alphanumeric()).next()?;
                ["region", "endregion"].into_iter().find(|m| *m == word)
            });
            match (comment, marker) {
                (Some(_), Some("region")) => regions.push(n),
                (Some(_), Some(_)) => {
                    if let Some(start) = regions.pop() {
                        closed.push((start, n));
                    }
                }
                (Some(_), None) => {
                    run = Some(run.map_or((n, n), |(start, _)| (start, n)));
                    continue;
                }
                (None, _) => {}
            }
            // A marker or code ends a run of comments.
            runs.extend(run.take());
        }
        runs.extend(run);
        for (start, end) in runs {
            self.push(start, end, Some(FoldingRangeKind::Comment));
        }
        for (start, end) in closed {
            self.push(start, end, Some(FoldingRangeKind::Region));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_rows_prose_and_comments() {
        let text = "# one\n# two\n# region grids\n# three\ngrid g \"G\" {\n    rows: tier\n    | * | a |\n    | a | yes |\n    \"\"\"\n    # not a comment\n    # nor this\n    \"\"\"\n}\n#endregion\n";
        let parsed = policyc::parse::parse(text);
        let lines = Lines::new(text);
        let got: Vec<(u32, u32, Option<FoldingRangeKind>)> = ranges(text, &parsed.file, &lines)
            .into_iter()
            .map(|r| (r.start_line, r.end_line, r.kind))
            .collect();
        assert_eq!(
            got,
            [
                (0, 1, Some(FoldingRangeKind::Comment)),
                (2, 13, Some(FoldingRangeKind::Region)),
                (4, 11, None),
                (6, 7, Some(FoldingRangeKind::Region)),
                (8, 10, None),
            ]
        );
    }
}
