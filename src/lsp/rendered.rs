//! What the Markdown document shows for a piece of the source: the text of
//! an interpolation, the value of a grid cell, the number of a section.
//! Everything comes from the library's renderer
//! ([`policyc::emit::markdown::ProseRenderer`]) and the model's numbering
//! ([`policyc::model::Policy::section_number`]): nothing is written here
//! in another way than the document writes it. Text values need a valid
//! policy; section numbers only a model.

use policyc::emit::markdown::ProseRenderer;
use policyc::facts::Valid;
use policyc::model::{Body, Interpolation, Policy, Prose, ProsePart, Value};
use policyc::schema::Kind;
use policyc::span::{Span, Spanned};

/// An interpolation of the source and where it ends.
pub struct Written<'p> {
    /// The interpolation.
    pub interpolation: &'p Interpolation,
    /// From its `{` to past its `}`.
    pub span: Span,
}

/// Every interpolation of `policy`'s prose written in `text`, in no
/// particular order.
pub fn interpolations<'p>(policy: &'p Policy, text: &str) -> Vec<Written<'p>> {
    let mut out = Vec::new();
    for decl in &policy.decls {
        let prose = decl
            .body
            .iter()
            .filter_map(|b| match b {
                Body::Prose(p) => Some(p),
                Body::Decl(_) => None,
            })
            .chain(decl.fields.values().filter_map(|f| match &f.value {
                Value::Prose(p) => Some(p),
                _ => None,
            }));
        for p in prose {
            for part in &p.parts {
                let ProsePart::Value(interpolation) = part else {
                    continue;
                };
                if let Some(span) = braces(interpolation, text) {
                    out.push(Written {
                        interpolation,
                        span,
                    });
                }
            }
        }
    }
    out
}

/// The span of an interpolation from its `{` to past its `}`: the model
/// gives each of its ids the span of the whole interpolation.
fn braces(interpolation: &Interpolation, text: &str) -> Option<Span> {
    let (Interpolation::Title(id) | Interpolation::Field(id, _) | Interpolation::Cell(id, _, _)) =
        interpolation;
    let written = text.get(id.span.start..id.span.end)?;
    (written.starts_with('{') && written.ends_with('}')).then_some(id.span)
}

/// The interpolation as the document writes it, on one line. (A renderer
/// reads all the policy's prose when made: make one per request.)
pub fn interpolation(
    renderer: &ProseRenderer<'_>,
    interpolation: &Interpolation,
    span: Span,
) -> String {
    let prose = Prose {
        parts: vec![ProsePart::Value(interpolation.clone())],
        span,
    };
    one_line(&renderer.render(&prose))
}

/// The cell `grid[row, column]` as the document writes it.
pub fn cell(valid: &Valid, grid: &str, row: &str, column: &str) -> Option<String> {
    let at = Span::default();
    let interpolation = Interpolation::Cell(
        Spanned::new(grid.to_owned(), at),
        Spanned::new(row.to_owned(), at),
        Spanned::new(column.to_owned(), at),
    );
    valid.policy().resolve(&interpolation)?;
    Some(self::interpolation(
        &ProseRenderer::new(valid),
        &interpolation,
        at,
    ))
}

/// The number of each section, as its heading in the document shows it
/// (`2.` at the top level, `2.1` nested), with the span of its title (or
/// of its id, when it has no title).
pub fn section_numbers(policy: &Policy) -> Vec<(String, Span, bool)> {
    let numbers = policy.section_numbers();
    policy
        .decls
        .iter()
        .enumerate()
        .filter(|(_, d)| d.kind == Kind::Section)
        .filter_map(|(i, d)| {
            let number = numbers.get(i).cloned().flatten()?;
            let number = match d.parent {
                None => format!("{number}."),
                Some(_) => number,
            };
            Some(match &d.title {
                Some(title) => (number, title.span, true),
                None => (number, d.id.span, false),
            })
        })
        .collect()
}

/// `text` on one line, cut to a length an editor shows beside code.
pub fn one_line(text: &str) -> String {
    const MAX: usize = 80;
    let visible: String = text
        .chars()
        .filter(|&c| !policyc::emit::escape::is_hidden(c) || c.is_whitespace())
        .collect();
    let words: Vec<&str> = visible.split_whitespace().collect();
    let line = words.join(" ");
    if line.chars().count() <= MAX {
        return line;
    }
    let mut cut: String = line.chars().take(MAX - 1).collect();
    cut.push('…');
    cut
}
