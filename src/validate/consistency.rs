//! Response targets in a sensible order: within a tier, a more severe level
//! is not answered more slowly than a less severe one; for a severity, a
//! higher tier is not slower than a lower one. Severities count from the
//! most severe (declared first); tiers rank as their `rank:` says, and a
//! tier without one is compared with none (the policy does not say where
//! it stands).

use crate::codes::Code;
use crate::diagnostic::Diagnostic;
use crate::model::{Cell, Policy, ResponseTarget, Value};
use crate::schema::{fields, CellType, Kind};
use crate::value_text::target;

/// Warns about targets out of order in every severity-by-tier target grid.
pub fn check_target_order(policy: &Policy) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let severities: Vec<&str> = policy
        .of_kind(Kind::Severity)
        .map(|d| d.id.as_str())
        .collect();
    let tiers: Vec<&str> = policy.of_kind(Kind::Tier).map(|d| d.id.as_str()).collect();
    let rank = |tier: &str| match policy.get(tier).and_then(|d| d.value(fields::tier::RANK)) {
        Some(Value::Count(n)) => Some(*n),
        _ => None,
    };
    for decl in policy.of_kind(Kind::Grid) {
        if decl.value(fields::grid::CELLS) != Some(&Value::CellType(CellType::Target)) {
            continue;
        }
        let Some(grid) = &decl.grid else { continue };
        let (rows, columns) = match (
            decl.value(fields::grid::ROWS),
            decl.value(fields::grid::COLUMNS),
        ) {
            (Some(Value::Kind(Kind::Severity)), Some(Value::Kind(Kind::Tier))) => {
                (&severities, &tiers)
            }
            _ => continue,
        };
        let at = |severity: &str, tier: &str| -> Option<(&Cell, ResponseTarget)> {
            let cell = grid.cell(severity, tier)?;
            match &cell.value {
                Value::Target(t) => Some((cell, t.clone())),
                _ => None,
            }
        };
        for tier in columns {
            for (i, more) in rows.iter().enumerate() {
                for less in &rows[i + 1..] {
                    let (Some((a, ta)), Some((b, tb))) = (at(more, tier), at(less, tier)) else {
                        continue;
                    };
                    if let (Some(x), Some(y)) = (ta.slowness(), tb.slowness()) {
                        if x > y {
                            diagnostics.push(
                                Diagnostic::new(Code::W501, format!("`{more}` is answered more slowly than `{less}` at the tier `{tier}`"))
                                    .label(a.span, format!("`{}` for the more severe `{more}`", target(&ta)))
                                    .label(b.span, format!("`{}` for the less severe `{less}`", target(&tb)))
                                    .help("a more severe level usually gets a target at least as fast; check the two cells"),
                            );
                        }
                    }
                }
            }
        }
        for severity in rows {
            for lower in columns.iter() {
                for higher in columns.iter() {
                    let ranked = matches!((rank(lower), rank(higher)), (Some(l), Some(h)) if l < h);
                    if !ranked {
                        continue;
                    }
                    let (Some((a, ta)), Some((b, tb))) =
                        (at(severity, lower), at(severity, higher))
                    else {
                        continue;
                    };
                    if let (Some(x), Some(y)) = (ta.slowness(), tb.slowness()) {
                        if y > x {
                            diagnostics.push(
                                Diagnostic::new(Code::W502, format!("the tier `{higher}` answers `{severity}` more slowly than the lower tier `{lower}`"))
                                    .label(b.span, format!("`{}` at `{higher}`", target(&tb)))
                                    .label(a.span, format!("`{}` at `{lower}`", target(&ta)))
                                    .help(format!("`{higher}` ranks above `{lower}` (`rank:`); a higher tier usually answers at least as fast")),
                            );
                        }
                    }
                }
            }
        }
    }
    diagnostics
}
