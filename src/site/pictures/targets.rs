//! Which target applies where, and on which calendar: the placement the
//! diff and the SLA clock use ([`Facts::cell_calendar`],
//! [`Facts::tier_target_calendar`]), read for the pictures.
//!
//! [`Facts::cell_calendar`]: crate::facts::Facts::cell_calendar
//! [`Facts::tier_target_calendar`]: crate::facts::Facts::tier_target_calendar

use crate::facts::deadlines::placed_tier;
use crate::facts::deadlines::Placed;
use crate::facts::Valid;
use crate::model::view::{GridDecl, TierDecl, View};
use crate::model::{ResponseTarget, Value};
use crate::schema::{fields, Role};

/// The first-response targets of a tier, by severity, each on the calendar
/// it runs on: the cells of its column in the grid deciding the response
/// targets (the grid's `otherwise` where a cell is not written), else its
/// own `response-target` for the severities it applies to (every severity
/// of the grid, or `response-target-for`; `None` as the severity when the
/// policy names none). Targets that are `n/a` are left out.
pub fn tier_targets<'v>(v: &'v Valid, tier: &str) -> Vec<(Option<String>, Placed<'v>)> {
    let policy = v.policy();
    let Some(decl) = policy.find::<TierDecl<'_>>(tier) else {
        return Vec::new();
    };
    let grid: Option<(usize, GridDecl<'_>)> = v
        .grid(Role::ResponseTargets)
        .and_then(|g| Some((policy.index_of(g.id.as_str())?, g)));
    let severities: Vec<&str> = grid
        .and_then(|(_, g)| g.decl().grid.as_ref())
        .map(|g| g.rows.iter().map(|r| r.as_str()).collect())
        .unwrap_or_default();
    let in_grid = grid
        .and_then(|(_, g)| g.decl().grid.as_ref())
        .is_some_and(|g| g.columns.iter().any(|c| c.as_str() == tier));
    let mut out = Vec::new();
    let applies = |t: &ResponseTarget| !matches!(t, ResponseTarget::NotApplicable);
    if let (Some((index, g)), true) = (grid, in_grid) {
        for row in &severities {
            if let Some(Value::Target(target)) = g.value_at(row, tier) {
                if applies(target) {
                    let calendar = v.cell_calendar(index, row, tier, target);
                    out.push((Some((*row).to_owned()), Placed { target, calendar }));
                }
            }
        }
        return out;
    }
    let Some(placed) = placed_tier(v, tier) else {
        return out;
    };
    if !applies(placed.target) {
        return out;
    }
    let named = decl.refs(fields::tier::RESPONSE_TARGET_FOR);
    let rows: Vec<&str> = if named.is_empty() { severities } else { named };
    if rows.is_empty() {
        out.push((None, placed));
    }
    for row in rows {
        out.push((Some(row.to_owned()), placed));
    }
    out
}
