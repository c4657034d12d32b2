//! Response targets in a sensible order: within a tier, a more severe level
//! is not answered more slowly than a less severe one; for a severity, a
//! higher tier is not slower than a lower one. Severities count from the
//! most severe (declared first); tiers rank as their `rank:` says, and a
//! tier without one is compared with none (the policy does not say where
//! it stands).
//!
//! "More slowly" is decided by deadlines, as the diff decides the direction
//! of a changed target ([`crate::facts::deadlines`]): each target on the
//! calendar it runs on, for every submission in the years from the
//! policy's `effective` date. A warning is given only where one target's
//! deadline is never earlier than the other's and sometimes later: `1
//! business day` and `8 business hours` on an 8-hour calendar are the same
//! deadline, and `1 business day` against `24 hours 24x7` is later for some
//! submissions and earlier for others, so neither is out of order. At most
//! [`SWEEPS`] distinct pairs are compared submission by submission (pairs
//! on one clock and calendar compare by amount, at no cost); past that,
//! pairs that would need a sweep get no warning, so that a grid of many
//! calendars cannot make `check` slow.

use crate::codes::Code;
use crate::diagnostic::Diagnostic;
use crate::facts::deadlines::{self as fd, Placed};
use crate::facts::Facts;
use crate::model::{Cell, ResponseTarget, Value};
use crate::schema::{fields, CellType, Kind};
use crate::span::Spanned;
use crate::value_text::target;
use policyc_runtime::deadlines::Direction;
use std::collections::HashMap;

/// How many distinct pairs of targets and calendars `check` compares
/// submission by submission (about a millisecond each).
pub const SWEEPS: usize = 500;

/// Warns about targets out of order in every severity-by-tier target grid.
pub fn check_target_order(facts: &Facts) -> Vec<Diagnostic> {
    let policy = facts.policy();
    let window = fd::window(policy);
    let mut diagnostics = Vec::new();
    let severities: Vec<&str> = policy
        .of_kind(Kind::Severity)
        .map(|d| d.id.as_str())
        .collect();
    let tiers: Vec<&str> = policy.of_kind(Kind::Tier).map(|d| d.id.as_str()).collect();
    let severity_order = first_positions(&severities);
    let tier_order = first_positions(&tiers);
    let rank = |tier: &str| match policy.get(tier).and_then(|d| d.value(fields::tier::RANK)) {
        Some(Value::Count(n)) => Some(*n),
        _ => None,
    };
    // Comparisons by targets and calendars: a grid repeats its values.
    let mut known: HashMap<(ResponseTarget, Option<usize>, ResponseTarget, Option<usize>), bool> =
        HashMap::new();
    let mut sweeps = 0;
    for (index, decl) in policy.decls.iter().enumerate() {
        if decl.kind != Kind::Grid
            || decl.value(fields::grid::CELLS) != Some(&Value::CellType(CellType::Target))
        {
            continue;
        }
        let Some(grid) = &decl.grid else { continue };
        if !matches!(
            (
                decl.value(fields::grid::ROWS),
                decl.value(fields::grid::COLUMNS),
            ),
            (
                Some(Value::Kind(Kind::Severity)),
                Some(Value::Kind(Kind::Tier))
            )
        ) {
            continue;
        }
        // The grid's own rows and columns, in the order of declaration
        // (more severe first): the comparisons grow with the grid, not with
        // every severity and tier of the file.
        let rows = in_declared_order(&grid.rows, &severity_order);
        let columns = in_declared_order(&grid.columns, &tier_order);
        let (rows, columns) = (&rows, &columns);
        let at = |severity: &str, tier: &str| -> Option<(&Cell, Placed<'_>)> {
            let cell = grid.cell(severity, tier)?;
            match &cell.value {
                Value::Target(t) => Some((
                    cell,
                    Placed {
                        target: t,
                        calendar: facts.cell_calendar(index, severity, tier, t),
                    },
                )),
                _ => None,
            }
        };
        // Whether `slow`'s deadline is never earlier than `fast`'s, and
        // sometimes later.
        let mut later = |fast: Placed<'_>, slow: Placed<'_>| -> bool {
            let key = (
                fast.target.clone(),
                fast.calendar.map(|c| c.index),
                slow.target.clone(),
                slow.calendar.map(|c| c.index),
            );
            *known.entry(key).or_insert_with(|| {
                if !fd::by_amount(fast, slow) {
                    if sweeps >= SWEEPS {
                        return false;
                    }
                    sweeps += 1;
                }
                fd::compare(fast, slow, window)
                    .is_ok_and(|order| order.direction() == Direction::Later)
            })
        };
        // Out-of-order pairs, summed up per grid: one warning each for
        // severities and tiers, listing the pairs.
        let mut severity_pairs: Vec<Diagnostic> = Vec::new();
        let mut tier_pairs: Vec<Diagnostic> = Vec::new();
        for tier in columns {
            for (i, more) in rows.iter().enumerate() {
                for less in &rows[i + 1..] {
                    let (Some((a, ta)), Some((b, tb))) = (at(more, tier), at(less, tier)) else {
                        continue;
                    };
                    if later(tb, ta) {
                        severity_pairs.push(
                            Diagnostic::new(Code::W501, format!("`{more}` is answered more slowly than `{less}` at the tier `{tier}`"))
                                .label(a.span, format!("`{}` for the more severe `{more}`", target(ta.target)))
                                .label(b.span, format!("`{}` for the less severe `{less}`", target(tb.target)))
                                .help("a more severe level usually gets a target at least as fast; its deadline is never earlier and sometimes later: check the two cells"),
                        );
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
                    if later(ta, tb) {
                        tier_pairs.push(
                            Diagnostic::new(Code::W502, format!("the tier `{higher}` answers `{severity}` more slowly than the lower tier `{lower}`"))
                                .label(b.span, format!("`{}` at `{higher}`", target(tb.target)))
                                .label(a.span, format!("`{}` at `{lower}`", target(ta.target)))
                                .help(format!("`{higher}` ranks above `{lower}` (`rank:`); a higher tier usually answers at least as fast, and its deadline here is never earlier and sometimes later")),
                        );
                    }
                }
            }
        }
        let grid_id = decl.id.as_str();
        diagnostics.extend(summary(Code::W501, grid_id, severity_pairs));
        diagnostics.extend(summary(Code::W502, grid_id, tier_pairs));
    }
    diagnostics
}

/// Each id's first position among `ids`.
fn first_positions<'a>(ids: &[&'a str]) -> HashMap<&'a str, usize> {
    let mut order = HashMap::new();
    for (i, id) in ids.iter().enumerate() {
        order.entry(*id).or_insert(i);
    }
    order
}

/// The distinct header ids of a grid that are declared, in the order of
/// their declaration.
fn in_declared_order<'a>(
    header: &'a [Spanned<String>],
    order: &HashMap<&str, usize>,
) -> Vec<&'a str> {
    let mut ids: Vec<(usize, &str)> = header
        .iter()
        .filter_map(|id| order.get(id.as_str()).map(|&at| (at, id.as_str())))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids.into_iter().map(|(_, id)| id).collect()
}

/// How many out-of-order pairs a summary names, and cells it marks.
const SHOWN: usize = 5;

/// The warnings of one grid and code as one: a single pair as it is; more
/// as one warning naming the first [`SHOWN`] pairs and counting the rest,
/// with their cells marked. Linear in the pairs.
fn summary(code: Code, grid: &str, pairs: Vec<Diagnostic>) -> Option<Diagnostic> {
    if pairs.len() <= 1 {
        return pairs.into_iter().next();
    }
    let count = pairs.len();
    let named: Vec<String> = pairs
        .iter()
        .take(SHOWN)
        .map(|d| d.message.clone())
        .collect();
    let rest = match count.saturating_sub(SHOWN) {
        0 => String::new(),
        n => format!("; and {n} more"),
    };
    let what = if code == Code::W501 {
        "severities answered out of order"
    } else {
        "tiers answering out of order"
    };
    let mut summary = Diagnostic::new(
        code,
        format!(
            "the grid `{grid}` has {count} {what}: {}{rest}",
            named.join("; ")
        ),
    );
    let mut seen = std::collections::HashSet::new();
    for label in pairs.iter().take(SHOWN).flat_map(|d| d.labels.iter()) {
        if seen.insert((label.span.start, label.span.end)) {
            summary = summary.label(label.span, label.text.clone());
        }
    }
    if let Some(help) = pairs.first().and_then(|d| d.help.clone()) {
        summary = summary.help(help);
    }
    Some(summary)
}
