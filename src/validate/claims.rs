//! Claims: statements that a property holds, checked against the data.
//! A claim that fails is an error; a claim `stated-in` a section records
//! what the document itself says, and its failure is a contradiction in the
//! document (a warning pointing at the statement and at the data).

use super::references::resolve;
use crate::ast::{CellRef, ClaimExpr, FieldRef, Selector};
use crate::codes::Code;
use crate::diagnostic::Diagnostic;
use crate::model::{Cell, Claim, Decl, Policy, Value};
use crate::schema::{fields, Kind};
use crate::span::Span;
use crate::value_text::show;

/// Evaluates every claim.
pub fn check_claims(policy: &Policy) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    for decl in policy.of_kind(Kind::Claim) {
        let Some(field) = decl.field(fields::claim::HOLDS) else {
            continue;
        };
        let Value::Claim(claim) = &field.value else {
            continue;
        };
        match evaluate(policy, claim) {
            Err(problems) => diagnostics.extend(problems),
            Ok(failures) if failures.is_empty() => {}
            Ok(failures) => {
                let stated = decl.field(fields::claim::STATED_IN);
                let mut d = match stated {
                    Some(_) => Diagnostic::new(Code::W601,
                        format!("the document contradicts itself: the claim `{}` does not hold", decl.id.value),
                    )
                    .label(field.span, format!("the document states: {}", decl.display()))
                    .help("a faithful copy of a published text keeps both sides; resolve the contradiction in the next version"),
                    None => Diagnostic::new(Code::E410, format!("the claim `{}` does not hold", decl.id.value))
                        .label(field.span, "claimed here")
                        .help("change the data, or the claim if the data is right"),
                };
                for (span, text) in failures {
                    d = d.label(span, text);
                }
                diagnostics.push(d);
            }
        }
    }
    diagnostics
}

/// The labelled places where `expr` fails; an error if it cannot be
/// evaluated (unknown grid, row or field).
pub fn evaluate(policy: &Policy, claim: &Claim) -> Result<Vec<(Span, String)>, Vec<Diagnostic>> {
    match &claim.expr {
        ClaimExpr::Same(cells) => {
            let (_, selected) = select(policy, cells)?;
            let Some(first) = selected.first() else {
                return Ok(Vec::new());
            };
            Ok(selected
                .iter()
                .filter(|c| c.value != first.value)
                .map(|c| {
                    (
                        c.span,
                        format!("`{}` differs from `{}`", show(&c.value), show(&first.value)),
                    )
                })
                .collect())
        }
        ClaimExpr::EveryIs(cells, _) | ClaimExpr::CellIs(cells, _) => {
            let (_, selected) = select(policy, cells)?;
            let expected = claim.operand.as_ref();
            Ok(selected
                .iter()
                .filter(|c| Some(&c.value) != expected)
                .map(|c| (c.span, format!("this is `{}`", show(&c.value))))
                .collect())
        }
        ClaimExpr::EveryRuns(cells, clock) => {
            let (_, selected) = select(policy, cells)?;
            Ok(selected
                .iter()
                .filter(|c| match &c.value {
                    Value::Target(crate::model::ResponseTarget::Within(t)) => {
                        t.clock() != clock.value
                    }
                    _ => true,
                })
                .map(|c| {
                    (
                        c.span,
                        format!(
                            "`{}` does not run on the {} clock",
                            show(&c.value),
                            clock.value.as_str()
                        ),
                    )
                })
                .collect())
        }
        ClaimExpr::FieldIs(reference, _) => {
            let (_, field) = field_of(policy, reference)?;
            if Some(&field.value) == claim.operand.as_ref() {
                Ok(Vec::new())
            } else {
                Ok(vec![(
                    field.span,
                    format!("this is `{}`", show(&field.value)),
                )])
            }
        }
    }
}

fn field_of<'p>(
    policy: &'p Policy,
    reference: &FieldRef,
) -> Result<(&'p Decl, &'p crate::model::Field), Vec<Diagnostic>> {
    let Some(index) = policy.index_of(&reference.decl.value) else {
        let kinds: Vec<Kind> = Kind::ALL.to_vec();
        return Err(resolve(policy, &reference.decl, &kinds)
            .into_iter()
            .collect());
    };
    let decl = &policy.decls[index];
    match decl.fields.get(reference.field.value.as_str()) {
        Some(field) => Ok((decl, field)),
        // Written, but its value or its name was reported.
        None if policy.gaps.field(index, &reference.field.value) => Err(Vec::new()),
        None => Err(vec![Diagnostic::new(
            Code::E403,
            format!(
                "the {} `{}` has no field `{}`",
                decl.kind.name(),
                decl.id.value,
                reference.field.value
            ),
        )
        .label(reference.field.span, "unknown field")
        .help("claim a field the declaration sets")]),
    }
}

/// The grid and the cells a reference selects.
fn select<'p>(
    policy: &'p Policy,
    cells: &CellRef,
) -> Result<(&'p Decl, Vec<&'p Cell>), Vec<Diagnostic>> {
    if let Some(d) = resolve(policy, &cells.grid, &[Kind::Grid]) {
        return Err(vec![d]);
    }
    let Some(decl) = policy.get(&cells.grid.value) else {
        return Err(Vec::new());
    };
    let Some(grid) = &decl.grid else {
        return Err(Vec::new());
    };
    let mut problems = Vec::new();
    let pick = |selector: &Selector,
                ids: &[crate::span::Spanned<String>],
                problems: &mut Vec<Diagnostic>|
     -> Vec<usize> {
        match selector {
            Selector::All(_) => (0..ids.len()).collect(),
            Selector::Id(id) => match ids.iter().position(|r| r.value == id.value) {
                Some(i) => vec![i],
                // A declared id missing from a grid that misspells one of
                // its rows or columns: the grid's error says it all.
                None if (policy.get(&id.value).is_some() || policy.gaps.may_declare(&id.value))
                    && misspelt(policy, ids) =>
                {
                    Vec::new()
                }
                None => {
                    let mut d = Diagnostic::new(
                        Code::E404,
                        format!(
                            "the grid `{}` has no row or column `{}`",
                            cells.grid.value, id.value
                        ),
                    )
                    .label(id.span, "not in the grid");
                    if let Some(s) =
                        crate::diagnostic::did_you_mean(&id.value, ids.iter().map(|i| i.as_str()))
                    {
                        d = d.help(format!("did you mean `{s}`?"));
                    } else {
                        d = d.help("name a row id first, then a column id");
                    }
                    problems.push(d);
                    Vec::new()
                }
            },
        }
    };
    let rows = pick(&cells.row, &grid.rows, &mut problems);
    let columns = pick(&cells.column, &grid.columns, &mut problems);
    let skipped = |selector: &Selector, picked: &[usize]| {
        matches!(selector, Selector::Id(_)) && picked.is_empty()
    };
    if !problems.is_empty() || skipped(&cells.row, &rows) || skipped(&cells.column, &columns) {
        return Err(problems);
    }
    let mut selected = Vec::new();
    for r in rows {
        for &c in &columns {
            if let Some(Some(cell)) = grid.cells.get(r).and_then(|row| row.get(c)) {
                selected.push(cell);
            }
        }
    }
    Ok((decl, selected))
}

/// Whether some row or column id of a grid names no declaration.
fn misspelt(policy: &Policy, ids: &[crate::span::Spanned<String>]) -> bool {
    ids.iter().any(|id| policy.get(&id.value).is_none())
}
