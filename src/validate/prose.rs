//! Prose interpolations: `{id}`, `{id.field}`, `{grid[row, column]}`.
//! `{{` and `}}` stand for literal braces.

use crate::ast;
use crate::codes::Code;
use crate::diagnostic::{did_you_mean, Diagnostic};
use crate::model::{Body, Interpolation, Policy, Prose, ProsePart, Value};
use crate::span::{Span, Spanned};

/// Splits a prose block at its interpolations.
pub fn split(prose: &ast::Prose) -> (Vec<ProsePart>, Vec<Diagnostic>) {
    let text = crate::parse::dedent(&prose.raw);
    // Most prose has no braces: one part, nothing to check.
    if memchr::memchr2(b'{', b'}', prose.raw.as_bytes()).is_none() {
        let parts = if text.is_empty() {
            Vec::new()
        } else {
            vec![ProsePart::Text(text)]
        };
        return (parts, Vec::new());
    }
    let mut diagnostics = Vec::new();
    // Spans come from the raw text; the parts from the dedented text. Both
    // hold the same interpolations in the same order.
    let spans: Vec<Span> = scan(&prose.raw, &mut Vec::new())
        .into_iter()
        .filter_map(|piece| match piece {
            Piece::Interpolation(_, start, end) => {
                Some(Span::new(prose.text_start + start, prose.text_start + end))
            }
            Piece::Text(_) => None,
        })
        .collect();
    let mut problems = Vec::new();
    let pieces = scan(&text, &mut problems);
    for (kind, raw_offset) in scan_problems(&prose.raw) {
        let at = prose.text_start + raw_offset;
        diagnostics.push(
            Diagnostic::new(Code::E401, kind)
                .label(Span::new(at, at + 1), "here")
                .help("write `{id}`, `{id.field}` or `{grid[row, column]}`; `{{` and `}}` for literal braces"),
        );
    }
    let mut parts = Vec::new();
    let mut spans = spans.into_iter();
    for piece in pieces {
        match piece {
            Piece::Text(t) => match parts.last_mut() {
                Some(ProsePart::Text(previous)) => previous.push_str(&t),
                _ => parts.push(ProsePart::Text(t)),
            },
            Piece::Interpolation(inner, _, _) => {
                let span = spans.next().unwrap_or(prose.span);
                match interpolation(&inner, span) {
                    Some(i) => parts.push(ProsePart::Value(i)),
                    None => diagnostics.push(
                        Diagnostic::new(Code::E401, format!("`{{{inner}}}` is not an interpolation"))
                            .label(span, "cannot read this")
                            .help("write `{id}`, `{id.field}` or `{grid[row, column]}`; `{{` and `}}` for literal braces"),
                    ),
                }
            }
        }
    }
    (parts, diagnostics)
}

enum Piece {
    Text(String),
    Interpolation(String, usize, usize),
}

/// Splits text into literal pieces and `{...}` pieces with byte offsets.
fn scan(text: &str, problems: &mut Vec<usize>) -> Vec<Piece> {
    // Most prose has no braces at all.
    if memchr::memchr2(b'{', b'}', text.as_bytes()).is_none() {
        return if text.is_empty() {
            Vec::new()
        } else {
            vec![Piece::Text(text.to_owned())]
        };
    }
    let mut pieces = Vec::new();
    let mut literal = String::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' if bytes.get(i + 1) == Some(&b'{') => {
                literal.push('{');
                i += 2;
            }
            b'}' if bytes.get(i + 1) == Some(&b'}') => {
                literal.push('}');
                i += 2;
            }
            b'{' => match text[i + 1..].find(['}', '\n', '{']) {
                Some(len) if bytes[i + 1 + len] == b'}' => {
                    if !literal.is_empty() {
                        pieces.push(Piece::Text(std::mem::take(&mut literal)));
                    }
                    pieces.push(Piece::Interpolation(
                        text[i + 1..i + 1 + len].to_owned(),
                        i,
                        i + len + 2,
                    ));
                    i += len + 2;
                }
                _ => {
                    problems.push(i);
                    literal.push('{');
                    i += 1;
                }
            },
            _ => {
                // Copy up to the next brace in one go; a lone `}` is text.
                let here = text[i..].chars().next().map_or(1, char::len_utf8);
                let next = text[i + here..]
                    .find(['{', '}'])
                    .map_or(text.len(), |n| i + here + n);
                literal.push_str(text.get(i..next).unwrap_or_default());
                i = next;
            }
        }
    }
    if !literal.is_empty() {
        pieces.push(Piece::Text(literal));
    }
    pieces
}

fn scan_problems(raw: &str) -> Vec<(String, usize)> {
    let mut problems = Vec::new();
    scan(raw, &mut problems);
    problems
        .into_iter()
        .map(|at| ("`{` is not closed on its line".to_owned(), at))
        .collect()
}

/// Reads the inside of `{...}`.
fn interpolation(inner: &str, span: Span) -> Option<Interpolation> {
    let inner = inner.trim();
    let is_id = |s: &str| {
        s.starts_with(|c: char| c.is_ascii_lowercase())
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    };
    let spanned = |s: &str| Spanned::new(s.to_owned(), span);
    if let Some((grid, rest)) = inner.split_once('[') {
        let rest = rest.strip_suffix(']')?;
        let (row, column) = rest.split_once(',')?;
        let (grid, row, column) = (grid.trim(), row.trim(), column.trim());
        if is_id(grid) && is_id(row) && is_id(column) {
            return Some(Interpolation::Cell(
                spanned(grid),
                spanned(row),
                spanned(column),
            ));
        }
        return None;
    }
    if let Some((decl, field)) = inner.split_once('.') {
        if is_id(decl) && is_id(field) {
            return Some(Interpolation::Field(spanned(decl), spanned(field)));
        }
        return None;
    }
    is_id(inner).then(|| Interpolation::Title(spanned(inner)))
}

/// Every prose block of the policy, with where it stands.
pub fn all_prose(policy: &Policy) -> Vec<&Prose> {
    let mut out = Vec::new();
    for decl in &policy.decls {
        for body in &decl.body {
            if let Body::Prose(p) = body {
                out.push(p);
            }
        }
        for field in decl.fields.values() {
            if let Value::Prose(p) = &field.value {
                out.push(p);
            }
        }
    }
    out
}

/// Reports interpolations that do not resolve.
pub fn check_interpolations(policy: &Policy) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let ids = || policy.by_id.keys().map(String::as_str);
    let unknown = |id: &Spanned<String>| {
        let mut d = Diagnostic::new(
            Code::E402,
            format!("`{}` in this interpolation is not declared", id.value),
        )
        .label(id.span, "unknown id");
        if let Some(s) = did_you_mean(&id.value, ids()) {
            d = d.help(format!("did you mean `{s}`?"));
        } else {
            d = d.help("interpolate the id of a declaration of this policy");
        }
        d
    };
    for prose in all_prose(policy) {
        for part in &prose.parts {
            let ProsePart::Value(interpolation) = part else {
                continue;
            };
            match interpolation {
                Interpolation::Title(id) => {
                    if policy.get(&id.value).is_none() {
                        diagnostics.push(unknown(id));
                    }
                }
                Interpolation::Field(id, field) => match policy.get(&id.value) {
                    None => diagnostics.push(unknown(id)),
                    Some(decl) if !decl.fields.contains_key(field.value.as_str()) => {
                        let names = decl
                            .kind
                            .fields()
                            .iter()
                            .map(|f| f.name)
                            .filter(|n| decl.fields.contains_key(*n));
                        let mut d = Diagnostic::new(
                            Code::E403,
                            format!(
                                "the {} `{}` has no field `{}`",
                                decl.kind.name(),
                                id.value,
                                field.value
                            ),
                        )
                        .label(field.span, "unknown field");
                        d = match did_you_mean(&field.value, names) {
                            Some(n) => d.help(format!("did you mean `{n}`?")),
                            None => d.help("interpolate a field the declaration sets"),
                        };
                        diagnostics.push(d);
                    }
                    Some(_) => {}
                },
                Interpolation::Cell(grid, row, column) => match policy.get(&grid.value) {
                    None => diagnostics.push(unknown(grid)),
                    Some(decl) => {
                        let found = decl
                            .grid
                            .as_ref()
                            .and_then(|g| g.cell(&row.value, &column.value));
                        if found.is_none() {
                            diagnostics.push(missing_cell(decl, grid, row, column));
                        }
                    }
                },
            }
        }
    }
    diagnostics
}

/// E404: which part of `{grid[row, column]}` names nothing.
fn missing_cell(
    decl: &crate::model::Decl,
    grid: &Spanned<String>,
    row: &Spanned<String>,
    column: &Spanned<String>,
) -> Diagnostic {
    let Some(cells) = &decl.grid else {
        return Diagnostic::new(
            Code::E404,
            format!("`{}` is a {}, not a grid", grid.value, decl.kind.name()),
        )
        .label(grid.span, "not a grid")
        .help("interpolate a cell of a grid: `{grid[row, column]}`");
    };
    let (axis, id, ids) = if !cells.rows.iter().any(|r| r.value == row.value) {
        ("row", row, &cells.rows)
    } else {
        ("column", column, &cells.columns)
    };
    let mut d = Diagnostic::new(
        Code::E404,
        format!("the grid `{}` has no {axis} `{}`", grid.value, id.value),
    )
    .label(id.span, format!("no such {axis}"));
    d = match did_you_mean(&id.value, ids.iter().map(|i| i.as_str())) {
        Some(s) => d.help(format!("did you mean `{s}`?")),
        None => d.help("name a row id and a column id of the grid, in that order"),
    };
    d
}
