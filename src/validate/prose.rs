//! Prose interpolations: `{id}`, `{id.field}`, `{grid[row, column]}`.
//! `{{` and `}}` stand for literal braces.

use crate::ast;
use crate::codes::Code;
use crate::diagnostic::{did_you_mean, Diagnostic};
use crate::model::prose::MAX_DEPTH;
use crate::model::{Body, Interpolation, Policy, Prose, ProsePart, Value};
use crate::span::{Span, Spanned};
use std::collections::HashMap;

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
                    if policy.get(&id.value).is_none() && !policy.gaps.may_declare(&id.value) {
                        diagnostics.push(unknown(id));
                    }
                }
                Interpolation::Field(id, field) => match policy.index_of(&id.value) {
                    None if policy.gaps.may_declare(&id.value) => {}
                    None => diagnostics.push(unknown(id)),
                    // Written, but its value or its name was reported.
                    Some(index) if policy.gaps.field(index, &field.value) => {}
                    Some(index)
                        if !policy.decls[index]
                            .fields
                            .contains_key(field.value.as_str()) =>
                    {
                        let decl = &policy.decls[index];
                        let names = decl
                            .kind
                            .fields()
                            .iter()
                            .map(|f| f.name)
                            .filter(|n| decl.fields.contains_key(n));
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
                    None if policy.gaps.may_declare(&grid.value) => {}
                    None => diagnostics.push(unknown(grid)),
                    Some(decl) => {
                        let found = decl
                            .grid
                            .as_ref()
                            .and_then(|g| g.cell(&row.value, &column.value));
                        if found.is_none() {
                            diagnostics.extend(missing_cell(policy, decl, grid, row, column));
                        }
                    }
                },
            }
        }
    }
    diagnostics
}

/// E404: which part of `{grid[row, column]}` names nothing; nothing when
/// an error already reported explains it: the cell is there but its value
/// was refused (E302, E303, E304), the grid's shape could not be read, or
/// the grid misspells one of its rows or columns (E111) and the id looked
/// up is declared (the misspelt one was most likely meant).
fn missing_cell(
    policy: &Policy,
    decl: &crate::model::Decl,
    grid: &Spanned<String>,
    row: &Spanned<String>,
    column: &Spanned<String>,
) -> Option<Diagnostic> {
    let Some(cells) = &decl.grid else {
        return Some(
            Diagnostic::new(
                Code::E404,
                format!("`{}` is a {}, not a grid", grid.value, decl.kind.name()),
            )
            .label(grid.span, "not a grid")
            .help("interpolate a cell of a grid: `{grid[row, column]}`"),
        );
    };
    if cells.malformed {
        return None;
    }
    let has =
        |ids: &[Spanned<String>], id: &Spanned<String>| ids.iter().any(|i| i.value == id.value);
    let (axis, id, ids) = if !has(&cells.rows, row) {
        ("row", row, &cells.rows)
    } else if !has(&cells.columns, column) {
        ("column", column, &cells.columns)
    } else {
        // Both are there: the cell's value was refused, and said so.
        return None;
    };
    let declared = policy.get(&id.value).is_some() || policy.gaps.may_declare(&id.value);
    if declared && ids.iter().any(|i| policy.get(&i.value).is_none()) {
        return None;
    }
    let mut d = Diagnostic::new(
        Code::E404,
        format!("the grid `{}` has no {axis} `{}`", grid.value, id.value),
    )
    .label(id.span, format!("no such {axis}"));
    d = match did_you_mean(&id.value, ids.iter().map(|i| i.as_str())) {
        Some(s) => d.help(format!("did you mean `{s}`?")),
        None => d.help("name a row id and a column id of the grid, in that order"),
    };
    Some(d)
}

/// A prose field: a node of the graph of interpolations.
type Node = (usize, &'static str);

/// E405 and E406: interpolated prose fields that lead back to themselves,
/// or nest deeper than [`MAX_DEPTH`]. Without this check an output would
/// follow the loop forever; with it, every interpolation of a valid policy
/// is written out in full.
pub fn check_interpolation_loops(policy: &Policy) -> Vec<Diagnostic> {
    // The interpolations of one prose field into another: most prose
    // interpolates no field, so the graph holds only the fields that do
    // or are interpolated.
    let mut links: Vec<(Node, Node, Span)> = Vec::new();
    for (i, decl) in policy.decls.iter().enumerate() {
        for (name, field) in &decl.fields {
            let Value::Prose(prose) = &field.value else {
                continue;
            };
            for part in &prose.parts {
                let ProsePart::Value(Interpolation::Field(id, target_field)) = part else {
                    continue;
                };
                let target = policy.index_of(id.as_str()).and_then(|d| {
                    let (target_name, target) = policy.decls[d]
                        .fields
                        .get_key_value(target_field.as_str())?;
                    matches!(target.value, Value::Prose(_)).then_some((d, *target_name))
                });
                if let Some(target) = target {
                    links.push(((i, *name), target, id.span));
                }
            }
        }
    }
    if links.is_empty() {
        return Vec::new();
    }
    let mut nodes: Vec<Node> = Vec::new();
    let mut index: HashMap<Node, usize> = HashMap::new();
    let mut node = |n: Node, nodes: &mut Vec<Node>| {
        *index.entry(n).or_insert_with(|| {
            nodes.push(n);
            nodes.len() - 1
        })
    };
    // edges[n]: (target node, where the interpolation is written).
    let mut edges: Vec<Vec<(usize, Span)>> = Vec::new();
    for (from, to, span) in links {
        let (from, to) = (node(from, &mut nodes), node(to, &mut nodes));
        edges.resize(nodes.len(), Vec::new());
        edges[from].push((to, span));
    }
    let name = |n: usize| {
        let (decl, field) = nodes[n];
        format!("{}.{field}", policy.decls[decl].id.as_str())
    };
    let mut diagnostics = Vec::new();
    // Depth-first, without recursion: colour 0 unseen, 1 on the path, 2 done.
    let mut colour = vec![0u8; nodes.len()];
    // The longest chain of prose fields from each node (itself included),
    // and the next node on it.
    let mut depth = vec![1usize; nodes.len()];
    let mut next: Vec<Option<usize>> = vec![None; nodes.len()];
    for root in 0..nodes.len() {
        if colour[root] != 0 {
            continue;
        }
        // (node, index of the next edge to follow); the path is the stack.
        let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
        colour[root] = 1;
        while let Some(&mut (node, ref mut edge)) = stack.last_mut() {
            let Some((target, _)) = edges[node].get(*edge) else {
                colour[node] = 2;
                stack.pop();
                // Back in the parent: the finished chain counts for it.
                if let Some(&(parent, _)) = stack.last() {
                    if depth[node] + 1 > depth[parent] {
                        depth[parent] = depth[node] + 1;
                        next[parent] = Some(node);
                    }
                }
                continue;
            };
            let target = *target;
            let at = *edge;
            *edge += 1;
            match colour[target] {
                0 => {
                    colour[target] = 1;
                    stack.push((target, 0));
                }
                1 => {
                    // A loop: from `target` along the path back to `node`.
                    let start = stack.iter().position(|&(n, _)| n == target).unwrap_or(0);
                    let mut steps: Vec<(usize, usize)> = stack[start..]
                        .iter()
                        .map(|&(n, e)| (n, e.saturating_sub(1)))
                        .collect();
                    if let Some(last) = steps.last_mut() {
                        last.1 = at;
                    }
                    diagnostics.push(loop_diagnostic(&steps, &edges, &name));
                }
                _ => {}
            }
            // A chain finished earlier counts too.
            if colour[target] == 2 && depth[target] + 1 > depth[node] {
                depth[node] = depth[target] + 1;
                next[node] = Some(target);
            }
        }
    }
    // A chain too deep is reported where it starts: at a prose field no
    // other prose field interpolates.
    let mut interpolated = vec![false; nodes.len()];
    for targets in &edges {
        for (target, _) in targets {
            interpolated[*target] = true;
        }
    }
    for n in 0..nodes.len() {
        if depth[n] <= MAX_DEPTH || interpolated[n] {
            continue;
        }
        let mut chain = vec![name(n)];
        let mut at = n;
        while let Some(following) = next[at] {
            chain.push(name(following));
            at = following;
        }
        let (decl, field) = nodes[n];
        let span = policy.decls[decl]
            .field(field)
            .map_or(policy.decls[decl].id.span, |f| f.span);
        diagnostics.push(
            Diagnostic::new(
                Code::E406,
                format!(
                    "interpolated fields nest {} deep, more than {MAX_DEPTH}: {}",
                    depth[n],
                    chain
                        .iter()
                        .map(|c| format!("`{c}`"))
                        .collect::<Vec<_>>()
                        .join(" → ")
                ),
            )
            .label(span, format!("`{}` starts the chain of {} fields", chain[0], depth[n]))
            .help(format!(
                "a field's prose may show fields that show fields, {MAX_DEPTH} levels at most; write some of the text out"
            )),
        );
    }
    diagnostics
}

/// E405 for one loop: `steps` are (node, edge) pairs, each edge leading to
/// the next step's node and the last one back to the first.
fn loop_diagnostic(
    steps: &[(usize, usize)],
    edges: &[Vec<(usize, Span)>],
    name: &dyn Fn(usize) -> String,
) -> Diagnostic {
    let names: Vec<String> = steps.iter().map(|&(n, _)| name(n)).collect();
    let message = match names.as_slice() {
        [one] => format!("the field `{one}` shows itself"),
        [first, rest @ ..] => format!(
            "interpolations go round in a loop: `{first}` shows {}, which shows `{first}` again",
            rest.iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", which shows ")
        ),
        [] => "interpolations go round in a loop".to_owned(),
    };
    let mut d = Diagnostic::new(Code::E405, message);
    for (i, &(node, edge)) in steps.iter().enumerate() {
        if let Some((_, span)) = edges[node].get(edge) {
            let label = match (steps.len(), names.get(i + 1)) {
                (1, _) => "shows itself here".to_owned(),
                (_, Some(following)) => format!("`{}` shows `{following}` here", names[i]),
                (_, None) => format!("and `{}` shows `{}` again here", names[i], names[0]),
            };
            d = d.label(*span, label);
        }
    }
    d.help("a field cannot show itself, directly or through other fields; write the text out in one of them")
}
