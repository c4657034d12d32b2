//! Rendering diagnostics: graphical (miette, with or without colour) and
//! JSON. Pure functions of the diagnostics and the source text.

use crate::diagnostic::{Diagnostic, Severity};
use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode};
use std::fmt;

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
    for diagnostic in diagnostics {
        let report = Report {
            diagnostic,
            source: NamedSource::new(name, source.to_owned()),
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
    source: NamedSource<String>,
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
            Some(&self.source)
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
