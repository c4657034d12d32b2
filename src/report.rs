//! Rendering diagnostics: graphical (miette, with or without colour) and
//! JSON. Pure functions of the diagnostics and the source text.

use crate::diagnostic::{Diagnostic, Severity};
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};
use std::fmt;
use std::sync::Arc;

/// Where each line of a text starts: positions in `O(log lines)` rather
/// than a scan from the start of the file for every label.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// The index of `source`'s lines (a line ends at `\n`).
    pub fn new(source: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr_newlines(source.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }

    /// The 0-based line holding byte `offset`.
    fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset) - 1
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

fn memchr_newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes
        .iter()
        .enumerate()
        .filter(|(_, &b)| b == b'\n')
        .map(|(i, _)| i)
}

/// A file's text as miette reads it, shared by every diagnostic of the
/// file: a label's lines are found through the line index, and only they
/// are scanned.
struct Source {
    name: String,
    text: Arc<str>,
    lines: LineIndex,
    /// A lone `\r` is a line break to miette but not to the index: such a
    /// text is read whole, as miette would.
    lone_cr: bool,
}

impl Source {
    fn new(name: &str, text: &str) -> Self {
        let bytes = text.as_bytes();
        let lone_cr = bytes
            .iter()
            .enumerate()
            .any(|(i, &b)| b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
        Source {
            name: name.to_owned(),
            text: Arc::from(text),
            lines: LineIndex::new(text),
            lone_cr,
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
        let (first, window) = if self.lone_cr || span.offset() > text.len() {
            (0, text)
        } else {
            let end = (span.offset() + span.len()).min(text.len());
            let first = self
                .lines
                .line(span.offset())
                .saturating_sub(context_lines_before);
            let last = self.lines.line(end) + context_lines_after + 2;
            let from = self.lines.starts[first];
            let to = self
                .lines
                .starts
                .get(last + 1)
                .copied()
                .unwrap_or(text.len());
            (first, &text[from..to])
        };
        let from = self.lines.starts[first];
        let inner = SourceSpan::new((span.offset() - from).into(), span.len());
        let contents = window.read_span(&inner, context_lines_before, context_lines_after)?;
        let base = if window.len() == text.len() { 0 } else { first };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            contents.data(),
            SourceSpan::new(
                (contents.span().offset() + from).into(),
                contents.span().len(),
            ),
            contents.line() + base,
            contents.column(),
            contents.line_count() + base,
        )))
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

/// Renders diagnostics of one file as miette would show them.
pub fn render(name: &str, source: &str, diagnostics: &[Diagnostic], style: Style) -> String {
    let theme = match style {
        Style::Color => GraphicalTheme::unicode(),
        Style::Plain => GraphicalTheme::unicode_nocolor(),
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(100)
        .with_links(false);
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

/// One line and column, 1-based, at a byte offset.
pub fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(source.len());
    let before = source.get(..offset).unwrap_or(source);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Diagnostics as JSON values: code, severity, message, file, line, column,
/// end (line and column), help and labels.
pub fn to_json(name: &str, source: &str, diagnostics: &[Diagnostic]) -> Vec<serde_json::Value> {
    let lines = LineIndex::new(source);
    let line_column = |source: &str, offset: usize| lines.line_column(source, offset);
    diagnostics
        .iter()
        .map(|d| {
            let span = d.primary_span();
            let (line, column) = line_column(source, span.start);
            let (end_line, end_column) = line_column(source, span.end);
            serde_json::json!({
                "code": d.code,
                "severity": d.severity.to_string(),
                "message": d.message,
                "file": name,
                "line": line,
                "column": column,
                "end": { "line": end_line, "column": end_column },
                "help": d.help,
                "labels": d.labels.iter().map(|l| {
                    let (line, column) = line_column(source, l.span.start);
                    serde_json::json!({ "line": line, "column": column, "text": l.text })
                }).collect::<Vec<_>>(),
            })
        })
        .collect()
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
        f.write_str(&self.diagnostic.message)
    }
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(self.diagnostic.code.as_str()))
    }

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
