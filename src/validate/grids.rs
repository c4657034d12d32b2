//! Grids: their rows and columns are ids of the declared kinds, each once,
//! and every pair has a cell (or the grid says what holds `otherwise`).

use super::references::resolve;
use crate::codes::Code;
use crate::diagnostic::Diagnostic;
use crate::model::view::{GridDecl, View};
use crate::model::{Decl, Policy};
use crate::schema::{fields, Kind};
use crate::span::Spanned;

/// Reports grid problems.
pub fn check_grids(policy: &Policy) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    for view in policy.all::<GridDecl>() {
        let decl = view.decl();
        let Some(grid) = &decl.grid else { continue };
        let (Some(rows), Some(columns)) = (view.rows(), view.columns()) else {
            continue;
        };
        diagnostics.extend(check_otherwise(view));
        if grid.malformed {
            continue;
        }
        diagnostics.extend(check_axis(policy, decl, &grid.rows, rows, "row"));
        diagnostics.extend(check_axis(policy, decl, &grid.columns, columns, "column"));
    }
    diagnostics
}

fn check_axis(
    policy: &Policy,
    decl: &Decl,
    ids: &[Spanned<String>],
    kind: Kind,
    axis: &str,
) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    // Ids a misspelt row or column was most likely meant to be: they are
    // not reported missing again (one typo, one error).
    let mut meant: Vec<&str> = Vec::new();
    let mut first: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (i, id) in ids.iter().enumerate() {
        first.entry(id.as_str()).or_insert(i);
        if let Some(d) = resolve(policy, id, &[kind]) {
            diagnostics.push(d);
            let candidates = policy.of_kind(kind).map(|d| d.id.as_str());
            meant.extend(crate::diagnostic::did_you_mean(&id.value, candidates));
        }
        if let Some(&earlier) = first.get(id.as_str()).filter(|&&e| e < i) {
            let earlier = &ids[earlier];
            diagnostics.push(
                Diagnostic::new(
                    Code::E305,
                    format!(
                        "the {axis} `{}` appears twice in the grid `{}`",
                        id.value, decl.id.value
                    ),
                )
                .label(id.span, "again")
                .label(earlier.span, "first here")
                .help(format!("each {axis} has one set of cells; merge the two")),
            );
        }
    }
    // Severities and tiers are what every question is asked by: a grid
    // over them lists each. Any other axis (areas, limits, releases)
    // lists what the policy states; what it does not list is not stated.
    // A partial policy (syntax errors) may have lost a row's or column's
    // declaration, or the rows of the grid's own declaration.
    // An `otherwise:` written but refused was reported.
    let otherwise_refused = policy
        .index_of(decl.id.as_str())
        .is_some_and(|i| policy.gaps.field(i, fields::grid::OTHERWISE));
    if decl.value(fields::grid::OTHERWISE).is_none()
        && matches!(kind, Kind::Severity | Kind::Tier)
        && !policy.gaps.partial
        && !otherwise_refused
    {
        let written: std::collections::HashSet<&str> = ids.iter().map(|r| r.as_str()).collect();
        let missing: Vec<&str> = policy
            .of_kind(kind)
            .map(|d| d.id.as_str())
            .filter(|id| !written.contains(id) && !meant.contains(id))
            .collect();
        if !missing.is_empty() {
            let list = missing
                .iter()
                .map(|m| format!("`{m}`"))
                .collect::<Vec<_>>()
                .join(", ");
            diagnostics.push(
                Diagnostic::new(
                    Code::E306,
                    format!("the grid `{}` has no {axis} for {list}", decl.id.value),
                )
                .label(decl.id.span, "incomplete grid")
                .help(format!(
                    "add a {axis} for every {}, or say what holds elsewhere with `otherwise: ...`",
                    kind.name()
                )),
            );
        }
    }
    diagnostics
}

/// `otherwise:` holds a value of the grid's cell type.
fn check_otherwise(grid: GridDecl<'_>) -> Vec<Diagnostic> {
    let (Some(field), Some(cell_type)) = (grid.decl().field(fields::grid::OTHERWISE), grid.cells())
    else {
        return Vec::new();
    };
    if crate::model::typing::fits(cell_type, &field.value) {
        return Vec::new();
    }
    vec![Diagnostic::new(
        Code::E304,
        format!("`otherwise` holds {}", cell_type.describe()),
    )
    .label(field.span, "wrong kind of value")
    .help(format!("the grid's cells are `{}`", cell_type.name()))]
}
