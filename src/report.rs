//! Rendering diagnostics: graphical (miette, with or without colour; the
//! `fancy` feature), plain `file:line:col:` lines (always there: what
//! [`render`] writes without `fancy`, e.g. in a build script's
//! `default-features = false` build), and JSON. Pure functions of the
//! diagnostics and the source text.

use crate::diagnostic::{Diagnostic, Severity};
use std::fmt::Write as _;

/// Where each line of a text starts: positions in `O(log lines)` rather
/// than a scan from the start of the file for every label.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// The index of `source`'s lines (a line ends at `\n`, as miette draws
    /// them).
    pub fn new(source: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', source.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }

    /// The 0-based line holding byte `offset`.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset) - 1
    }

    /// Where the 0-based `line` starts, if the text has it.
    pub fn start(&self, line: usize) -> Option<usize> {
        self.starts.get(line).copied()
    }

    /// One line and column, 1-based, at a byte offset (as [`line_column`]).
    pub fn line_column(&self, source: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(source.len());
        let line = self.line(offset);
        let start = self.starts[line];
        let column = source
            .get(start..offset)
            .map_or_else(|| source[start..].chars().count(), |l| l.chars().count());
        (line + 1, column + 1)
    }
}

/// How to draw diagnostics.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// Unicode art with colour, for terminals.
    Color,
    /// Unicode art without colour: pipes, files, `NO_COLOR`, snapshots.
    Plain,
}

/// Renders diagnostics of one file: as miette would show them with the
/// `fancy` feature, else as [`plain`] does (`style` then has no effect).
pub fn render(name: &str, source: &str, diagnostics: &[Diagnostic], style: Style) -> String {
    #[cfg(feature = "fancy")]
    {
        graphical::render(name, source, diagnostics, style)
    }
    #[cfg(not(feature = "fancy"))]
    {
        let _ = style;
        plain(name, source, diagnostics)
    }
}

/// Renders diagnostics of one file as plain text, as compilers write them
/// for editors and logs: `file:line:col: error[E304]: message`, then each
/// label's line with the label under it, then the help.
///
/// ```text
/// v1.0.policy:12:26: error[E304]: ...
///    12 | | sev-2 | 4 hourz |
///       |           ^^^^^^^ not a target
///    = help: ...
/// ```
pub fn plain(name: &str, source: &str, diagnostics: &[Diagnostic]) -> String {
    let lines = LineIndex::new(source);
    let mut out = String::new();
    for d in diagnostics {
        match d.labels.first() {
            Some(label) => {
                let (line, column) = lines.line_column(source, label.span.start);
                let _ = write!(out, "{name}:{line}:{column}: ");
            }
            None => {
                let _ = write!(out, "{name}: ");
            }
        }
        let _ = writeln!(out, "{}[{}]: {}", d.severity, d.code, d.message);
        let width = d
            .labels
            .iter()
            .map(|l| lines.line(l.span.start.min(source.len())) + 1)
            .max()
            .map_or(1, |n| n.to_string().len());
        let mut previous = None;
        for label in &d.labels {
            let start = label.span.start.min(source.len());
            let line = lines.line(start);
            let from = lines.starts[line];
            let to = source[from..].find('\n').map_or(source.len(), |i| from + i);
            let text = source.get(from..to).unwrap_or("").trim_end_matches('\r');
            if previous != Some(line) {
                let _ = writeln!(out, "   {:>width$} | {}", line + 1, text.replace('\t', " "));
            }
            previous = Some(line);
            let before = source.get(from..start).map_or(0, |t| t.chars().count());
            let end = label.span.end.clamp(start, to);
            let under = source
                .get(start..end)
                .map_or(0, |t| t.chars().count())
                .max(1);
            let _ = writeln!(
                out,
                "   {:>width$} | {}{} {}",
                "",
                " ".repeat(before),
                "^".repeat(under),
                label.text
            );
        }
        if let Some(help) = &d.help {
            let _ = writeln!(out, "   {:>width$} = help: {help}", "");
        }
        out.push('\n');
    }
    out
}

/// One line and column, 1-based, at a byte offset.
pub fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(source.len());
    let before = source.get(..offset).unwrap_or(source);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// A line and column, 1-based.
#[derive(Clone, Copy, Debug, serde::Serialize)]
pub struct JsonPosition {
    /// The column, in characters.
    pub column: usize,
    /// The line.
    pub line: usize,
}

/// A label of a [`JsonDiagnostic`].
#[derive(Clone, Debug, serde::Serialize)]
pub struct JsonLabel<'a> {
    /// Where it starts: column.
    pub column: usize,
    /// Where it starts: line.
    pub line: usize,
    /// What it says.
    pub text: &'a str,
}

/// A diagnostic as `check --format json` writes it (fields in the order
/// written: alphabetical).
#[derive(Clone, Debug, serde::Serialize)]
pub struct JsonDiagnostic<'a> {
    /// The stable code, e.g. `E111`.
    pub code: &'a str,
    /// Where the primary span starts: column.
    pub column: usize,
    /// Where the primary span ends.
    pub end: JsonPosition,
    /// The file's name.
    pub file: &'a str,
    /// The help, if any.
    pub help: Option<&'a str>,
    /// Every label.
    pub labels: Vec<JsonLabel<'a>>,
    /// Where the primary span starts: line.
    pub line: usize,
    /// The message.
    pub message: &'a str,
    /// `error` or `warning`.
    pub severity: &'static str,
}

/// Diagnostics as JSON records, one at a time: code, severity, message,
/// file, line, column, end (line and column), help and labels. Lazy, so a
/// writer can stream any number of them.
pub fn json_diagnostics<'a>(
    name: &'a str,
    source: &'a str,
    diagnostics: &'a [Diagnostic],
) -> impl Iterator<Item = JsonDiagnostic<'a>> + 'a {
    let lines = LineIndex::new(source);
    diagnostics.iter().map(move |d| {
        let span = d.primary_span();
        let (line, column) = lines.line_column(source, span.start);
        let (end_line, end_column) = lines.line_column(source, span.end);
        JsonDiagnostic {
            code: d.code.as_str(),
            column,
            end: JsonPosition {
                column: end_column,
                line: end_line,
            },
            file: name,
            help: d.help.as_deref(),
            labels: d
                .labels
                .iter()
                .map(|l| {
                    let (line, column) = lines.line_column(source, l.span.start);
                    JsonLabel {
                        column,
                        line,
                        text: &l.text,
                    }
                })
                .collect(),
            line,
            message: &d.message,
            severity: match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
        }
    })
}

/// Diagnostics as JSON values (see [`json_diagnostics`]).
pub fn to_json(name: &str, source: &str, diagnostics: &[Diagnostic]) -> Vec<serde_json::Value> {
    json_diagnostics(name, source, diagnostics)
        .map(|d| serde_json::to_value(d).unwrap_or_default())
        .collect()
}

#[cfg(feature = "fancy")]
mod graphical {
    use super::{LineIndex, Style};
    use crate::diagnostic::{Diagnostic, Severity};
    use miette::{
        GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
        SourceCode, SourceSpan, SpanContents,
    };
    use std::fmt;
    use std::sync::Arc;

    /// A file's text as miette reads it, shared by every diagnostic of the
    /// file: a label's lines are found through the line index, and only they
    /// are scanned.
    struct Source {
        name: String,
        text: Arc<str>,
        lines: LineIndex,
    }

    impl Source {
        fn new(name: &str, text: &str) -> Self {
            Source {
                name: name.to_owned(),
                text: Arc::from(text),
                lines: LineIndex::new(text),
            }
        }
    }

    impl SourceCode for Source {
        fn read_span<'a>(
            &'a self,
            span: &SourceSpan,
            context_lines_before: usize,
            context_lines_after: usize,
        ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
            let text: &str = &self.text;
            if span.offset() > text.len() {
                return Err(MietteError::OutOfBounds);
            }
            let end = (span.offset() + span.len()).min(text.len());
            // A label's line, and its column in bytes as miette counts it.
            let first = self.lines.line(span.offset());
            let from = self.lines.starts[first];
            let at = span.offset() - from;
            // The whole lines of the span and its context: a snippet draws
            // complete lines, even without context lines.
            let top = first.saturating_sub(context_lines_before);
            let last_byte = if span.is_empty() {
                span.offset()
            } else {
                end - 1
            };
            let last = (self.lines.line(last_byte.max(span.offset())) + context_lines_after)
                .min(self.lines.starts.len() - 1);
            let window_start = self.lines.starts[top];
            let window_end = self
                .lines
                .starts
                .get(last + 1)
                .copied()
                .unwrap_or(text.len());
            Ok(Box::new(MietteSpanContents::new_named(
                self.name.clone(),
                &text.as_bytes()[window_start..window_end],
                SourceSpan::new(window_start.into(), window_end - window_start),
                top,
                if top == first { at } else { 0 },
                last - top + 1,
            )))
        }
    }

    /// Renders diagnostics of one file as miette would show them.
    pub(super) fn render(
        name: &str,
        source: &str,
        diagnostics: &[Diagnostic],
        style: Style,
    ) -> String {
        let theme = match style {
            Style::Color => GraphicalTheme::unicode(),
            Style::Plain => GraphicalTheme::unicode_nocolor(),
        };
        let handler = GraphicalReportHandler::new_themed(theme)
            .with_width(100)
            .with_links(false)
            // As rustc: only the labelled lines, so a diagnostic stays short
            // and labels far apart are drawn as separate snippets.
            .with_context_lines(0);
        let mut out = String::new();
        let source = Source::new(name, source);
        for diagnostic in diagnostics {
            let report = Report {
                diagnostic,
                source: &source,
            };
            if handler.render_report(&mut out, &report).is_err() {
                out.push_str(&format!(
                    "{}[{}]: {}\n",
                    diagnostic.severity, diagnostic.code, diagnostic.message
                ));
            }
            out.push('\n');
        }
        out
    }

    struct Report<'a> {
        diagnostic: &'a Diagnostic,
        source: &'a Source,
    }

    impl fmt::Debug for Report<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.debug_struct("Report")
                .field("diagnostic", self.diagnostic)
                .finish()
        }
    }

    impl fmt::Display for Report<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            // The code leads the message (`[W602] ...`), as a search in a log
            // finds it, instead of taking a header line of its own.
            write!(f, "[{}] {}", self.diagnostic.code, self.diagnostic.message)
        }
    }

    impl std::error::Error for Report<'_> {}

    impl miette::Diagnostic for Report<'_> {
        fn severity(&self) -> Option<miette::Severity> {
            Some(match self.diagnostic.severity {
                Severity::Error => miette::Severity::Error,
                Severity::Warning => miette::Severity::Warning,
            })
        }

        fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
            self.diagnostic
                .help
                .as_ref()
                .map(|h| Box::new(h) as Box<dyn fmt::Display>)
        }

        fn source_code(&self) -> Option<&dyn SourceCode> {
            if self.diagnostic.labels.is_empty() {
                None
            } else {
                Some(self.source)
            }
        }

        fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
            if self.diagnostic.labels.is_empty() {
                return None;
            }
            Some(Box::new(self.diagnostic.labels.iter().enumerate().map(
                |(i, l)| {
                    let span: miette::SourceSpan = l.span.into();
                    if i == 0 {
                        LabeledSpan::new_primary_with_span(Some(l.text.clone()), span)
                    } else {
                        LabeledSpan::new_with_span(Some(l.text.clone()), span)
                    }
                },
            )))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::Code;
    use crate::span::Span;

    #[test]
    fn plain_lines() {
        let source = "policy p \"P\" {\n\tversion: \"1.0\"\n  effective: 2026-13-01\n}\n";
        let at = source.find("2026-13-01").unwrap();
        let diagnostics = [
            Diagnostic::new(Code::E304, "`2026-13-01` is not a date")
                .label(Span::new(at, at + 10), "no month 13")
                .label(Span::new(at + 5, at + 7), "here")
                .label(Span::new(17, 24), "the version")
                .help("write a date, e.g. `2026-12-01`"),
            Diagnostic::new(Code::E001, "not UTF-8"),
        ];
        let rendered = plain("p.policy", source, &diagnostics);
        assert_eq!(
            rendered,
            "p.policy:3:14: error[E304]: `2026-13-01` is not a date\n\
             \x20  3 |   effective: 2026-13-01\n\
             \x20    |              ^^^^^^^^^^ no month 13\n\
             \x20    |                   ^^ here\n\
             \x20  2 |  version: \"1.0\"\n\
             \x20    |   ^^^^^^^ the version\n\
             \x20    = help: write a date, e.g. `2026-12-01`\n\
             \n\
             p.policy: error[E001]: not UTF-8\n\
             \n"
        );
    }
}
