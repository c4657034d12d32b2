//! Declarations that exist only to be referred to, but never are.

use crate::ast::{ClaimExpr, Selector};
use crate::codes::Code;
use crate::diagnostic::Diagnostic;
use crate::model::{Hours, Interpolation, Policy, ProsePart, Value};
use crate::schema::Kind;
use std::collections::HashSet;

/// Kinds whose declarations are pointless unless something refers to them.
const REFERRED_KINDS: &[Kind] = &[
    Kind::Channel,
    Kind::Party,
    Kind::Calendar,
    Kind::License,
    Kind::Holidays,
];

/// Warns about channels, parties, calendars, licenses and holiday sets
/// nothing uses.
pub fn check_unused(policy: &Policy) -> Vec<Diagnostic> {
    let used = used_ids(policy);
    let referred = || {
        policy
            .decls
            .iter()
            .filter(|d| REFERRED_KINDS.contains(&d.kind))
            .map(|d| d.id.as_str())
    };
    let unused: Vec<_> = policy
        .decls
        .iter()
        .filter(|d| REFERRED_KINDS.contains(&d.kind) && !used.contains(d.id.as_str()))
        // Named by a field whose error was reported: perhaps used.
        .filter(|d| !policy.gaps.refs.contains(d.id.as_str()))
        .collect();
    if unused.is_empty() {
        return Vec::new();
    }
    // What a misspelt reference (reported unknown, with this "did you
    // mean") most likely meant is used. Measured against the unused ones
    // first: thousands of unknown ids cost one comparison each.
    let unused_ids = || unused.iter().map(|d| d.id.as_str());
    let meant: HashSet<&str> = used
        .iter()
        .filter(|id| policy.get(id).is_none())
        .filter(|id| crate::diagnostic::did_you_mean(id, unused_ids()).is_some())
        .filter_map(|id| crate::diagnostic::did_you_mean(id, referred()))
        .collect();
    unused
        .into_iter()
        .filter(|d| !meant.contains(d.id.as_str()))
        .map(|d| {
            Diagnostic::new(
                Code::W701,
                format!("the {} `{}` is never used", d.kind.name(), d.id.value),
            )
            .label(d.id.span, "declared here")
            .help("refer to it from the policy, or remove it")
        })
        .collect()
}

/// Every id something refers to.
pub fn used_ids(policy: &Policy) -> HashSet<&str> {
    let mut used = HashSet::new();
    for decl in &policy.decls {
        for field in decl.fields.values() {
            match &field.value {
                Value::Ref(id) | Value::Hours(Hours::Calendar(id)) => {
                    used.insert(id.as_str());
                }
                Value::Refs(ids) => used.extend(ids.iter().map(|i| i.as_str())),
                Value::Target(t) => used.extend(t.calendar()),
                Value::Claim(claim) => {
                    let cells = match &claim.expr {
                        ClaimExpr::Same(c)
                        | ClaimExpr::EveryIs(c, _)
                        | ClaimExpr::EveryRuns(c, _)
                        | ClaimExpr::CellIs(c, _) => c,
                        ClaimExpr::FieldIs(f, _) => {
                            used.insert(f.decl.as_str());
                            continue;
                        }
                    };
                    used.insert(cells.grid.as_str());
                    for s in [&cells.row, &cells.column] {
                        if let Selector::Id(id) = s {
                            used.insert(id.as_str());
                        }
                    }
                }
                _ => {}
            }
        }
        if let Some(grid) = &decl.grid {
            used.extend(grid.rows.iter().map(|r| r.as_str()));
            used.extend(grid.columns.iter().map(|c| c.as_str()));
            for cell in grid.cells.iter().flatten().flatten() {
                match &cell.value {
                    Value::Ref(id) => {
                        used.insert(id.as_str());
                    }
                    Value::Target(t) => used.extend(t.calendar()),
                    _ => {}
                }
            }
        }
    }
    for prose in super::prose::all_prose(policy) {
        for part in &prose.parts {
            if let ProsePart::Value(i) = part {
                match i {
                    Interpolation::Title(id) | Interpolation::Field(id, _) => {
                        used.insert(id.as_str());
                    }
                    Interpolation::Cell(grid, row, column) => {
                        used.extend([grid.as_str(), row.as_str(), column.as_str()]);
                    }
                }
            }
        }
    }
    used
}
