//! Contradictions: where the policy states one fact twice and the two
//! statements disagree. Each is a warning pointing at both places; the
//! compiler never picks a side.

use crate::codes::Code;
use crate::diagnostic::Diagnostic;
use crate::facts::Facts;
use crate::model::view::View;
use crate::model::view::{ContactDecl, GridDecl, LicenseDecl, PhaseDecl, RuleDecl, TierDecl};
use crate::model::{Cell, Coverage, Grid, Hours, ResponseTarget, Value};
use crate::schema::fields::{license, phase, rule, tier as tier_field};
use crate::schema::Role;
use crate::span::Spanned;
use crate::value_text::{show, target};

/// Runs every contradiction check.
pub fn check_contradictions(facts: &Facts) -> Vec<Diagnostic> {
    let checks: &[fn(&Facts) -> Vec<Diagnostic>] = &[
        tier_target_vs_grid,
        tier_hours_vs_grid,
        tier_channels_vs_access,
        license_listing_vs_license,
        scope_vs_entitlement,
        lifecycle_hotfixes_vs_rule,
        contact_topics_vs_request_route,
    ];
    checks.iter().flat_map(|check| check(facts)).collect()
}

/// The grid deciding the response targets, with its cells.
fn response_grid(facts: &Facts) -> Option<(GridDecl<'_>, &Grid)> {
    let decl = facts.grid(Role::ResponseTargets)?;
    Some((decl, decl.decl().grid.as_ref()?))
}

/// W602: a tier's stated response target against its column of the grid.
fn tier_target_vs_grid(facts: &Facts) -> Vec<Diagnostic> {
    let Some((grid_decl, grid)) = response_grid(facts) else {
        return Vec::new();
    };
    let mut diagnostics = Vec::new();
    for tier in facts.policy().all::<TierDecl>() {
        let Some(field) = tier.decl().field(tier_field::RESPONSE_TARGET) else {
            continue;
        };
        let Value::Target(stated) = &field.value else {
            continue;
        };
        if *stated == ResponseTarget::NotApplicable {
            continue;
        }
        // `response-target-for` limits the stated target to some severities.
        let covered = tier.response_target_for();
        let differing: Vec<_> = column_cells(grid, &tier.id.value)
            .into_iter()
            .filter(|(row, _)| covered.is_empty() || covered.contains(row.as_str()))
            .filter(|(_, cell)| !matches!(&cell.value, Value::Target(t) if t == stated))
            .collect();
        if differing.is_empty() {
            continue;
        }
        let d = Diagnostic::new(Code::W602,
            format!(
                "the document contradicts itself: the tier `{}` responds in {}, but `{}` says otherwise for {}",
                tier.id.value,
                target(stated),
                grid_decl.id.value,
                rows_of(&differing)
            ),
        )
        .label(field.span, format!("the tier states `{}`", target(stated)));
        diagnostics
            .push(label_cells(d, &differing).help(
                "a faithful copy of a published text keeps both statements; make them agree in the next version",
            ));
    }
    diagnostics
}

/// W603: a tier said to be covered 24x7 whose targets run on business days.
fn tier_hours_vs_grid(facts: &Facts) -> Vec<Diagnostic> {
    let Some((_, grid)) = response_grid(facts) else {
        return Vec::new();
    };
    let mut diagnostics = Vec::new();
    for tier in facts.policy().all::<TierDecl>() {
        let Some(field) = tier.decl().field(tier_field::HOURS) else {
            continue;
        };
        if field.value != Value::Hours(Hours::Around) {
            continue;
        }
        // The coverage claims the severities it names; where it names none,
        // it claims nothing the grid could contradict.
        let covered = tier.hours_for();
        if covered.is_empty() {
            continue;
        }
        let business: Vec<_> = column_cells(grid, &tier.id.value)
            .into_iter()
            .filter(|(severity, _)| covered.contains(severity.as_str()))
            .filter(|(_, cell)| {
                matches!(&cell.value, Value::Target(ResponseTarget::Within(t)) if t.clock() == crate::ast::Clock::Business)
            })
            .collect();
        if business.is_empty() {
            continue;
        }
        let d = Diagnostic::new(Code::W603,
            format!(
                "the document contradicts itself: the tier `{}` is covered 24x7, but its targets for {} run on business days",
                tier.id.value,
                rows_of(&business)
            ),
        )
        .label(field.span, "24x7 coverage stated here");
        diagnostics.push(
            label_cells(d, &business).help(
                "list in `hours-for` only the severities the 24x7 coverage applies to, or give them 24x7 targets",
            ),
        );
    }
    diagnostics
}

/// W604: a tier's channels (the tier table) against its stated access.
fn tier_channels_vs_access(facts: &Facts) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    for tier in facts.policy().all::<TierDecl>() {
        let (Some(channels), Some(access)) = (
            tier.decl().field(tier_field::CHANNELS),
            tier.decl().field(tier_field::ACCESS),
        ) else {
            continue;
        };
        let (a, b) = (tier.channels(), tier.access());
        let only_channels: Vec<&str> = a.iter().filter(|c| !b.contains(c)).collect();
        let only_access: Vec<&str> = b.iter().filter(|c| !a.contains(c)).collect();
        if only_channels.is_empty() && only_access.is_empty() {
            continue;
        }
        let mut parts = Vec::new();
        if !only_channels.is_empty() {
            parts.push(format!(
                "{} only among its channels",
                quoted(&only_channels)
            ));
        }
        if !only_access.is_empty() {
            parts.push(format!("{} only in its access", quoted(&only_access)));
        }
        diagnostics.push(
            Diagnostic::new(
                Code::W604,
                format!(
                    "the document contradicts itself: the tier `{}` lists {}",
                    tier.id.value,
                    parts.join(" and ")
                ),
            )
            .label(channels.span, format!("channels {}", show(&channels.value)))
            .label(access.span, format!("access {}", show(&access.value)))
            .help("list the same channels in both places"),
        );
    }
    diagnostics
}

/// W605: a tier listing a license whose own mapping disagrees or is
/// conditional.
fn license_listing_vs_license(facts: &Facts) -> Vec<Diagnostic> {
    let policy = facts.policy();
    let mut diagnostics = Vec::new();
    for tier in policy.all::<TierDecl>() {
        for id in tier.licenses().spanned() {
            let Some(license) = policy.find::<LicenseDecl>(&id.value) else {
                continue;
            };
            if let Some(mapped) = license.tier() {
                let resolves = policy.find::<TierDecl>(&mapped.value).is_some();
                if resolves && mapped.value != tier.id.value {
                    diagnostics.push(
                        Diagnostic::new(Code::W605,
                            format!(
                                "the document contradicts itself: the tier `{}` lists the license `{}`, which maps to `{}`",
                                tier.id.value, id.value, mapped.value
                            ),
                        )
                        .label(id.span, format!("listed under `{}`", tier.id.value))
                        .label(mapped.span, format!("mapped to `{}`", mapped.value))
                        .help("a license maps to one tier; make the two agree"),
                    );
                }
            }
            if let Some(condition) = license.decl().field(license::ONLY_WHERE) {
                diagnostics.push(
                    Diagnostic::new(Code::W605,
                        format!(
                            "the document contradicts itself: the tier `{}` lists the license `{}` without condition, but it qualifies only where {}",
                            tier.id.value,
                            id.value,
                            show(&condition.value).trim_matches('"')
                        ),
                    )
                    .label(id.span, "listed without condition")
                    .label(condition.span, "condition stated here")
                    .help("show the condition where the license is listed, or drop it"),
                );
            }
        }
    }
    diagnostics
}

/// W606: the scope matrix says an area is supported at a tier, but the
/// grid deciding that area's entitlement sends some cases elsewhere.
fn scope_vs_entitlement(facts: &Facts) -> Vec<Diagnostic> {
    let Some(scope) = facts.grid(Role::Scope) else {
        return Vec::new();
    };
    let Some(scope_grid) = &scope.decl().grid else {
        return Vec::new();
    };
    let mut diagnostics = Vec::new();
    for linked in facts.policy().all::<GridDecl>() {
        let Some(area) = linked.area() else {
            continue;
        };
        let Some(grid) = &linked.grid else { continue };
        for column in &grid.columns {
            let Some(scope_cell) = scope_grid.cell(&area.value, &column.value) else {
                continue;
            };
            if scope_cell.value != Value::Coverage(Coverage::Supported) {
                continue;
            }
            let narrower: Vec<_> = column_cells(grid, &column.value)
                .into_iter()
                .filter(|(_, cell)| {
                    matches!(
                        cell.value,
                        Value::Coverage(
                            Coverage::Psa | Coverage::NotAvailable | Coverage::NotSupported
                        )
                    )
                })
                .collect();
            if narrower.is_empty() {
                continue;
            }
            let d = Diagnostic::new(Code::W606,
                format!(
                    "the document contradicts itself: `{}` lists `{}` as supported at `{}`, but `{}` does not include it for {}",
                    scope.id.value,
                    area.value,
                    column.value,
                    linked.id.value,
                    rows_of(&narrower)
                ),
            )
            .label(scope_cell.span, "supported, without condition");
            let d = label_cells(d, &narrower);
            diagnostics.push(d.help("qualify the scope matrix, or widen the entitlement"));
        }
    }
    diagnostics
}

/// W607: a lifecycle phase offering hotfixes to all, against the rule
/// deciding who gets hotfixes, where it restricts them (to some tiers, or
/// to customers on the latest build).
fn lifecycle_hotfixes_vs_rule(facts: &Facts) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let Some(hotfixes) = facts.hotfixes() else {
        return diagnostics;
    };
    let restriction = hotfixes.rule.decl().field(rule::TIERS).or_else(|| {
        hotfixes
            .latest_build
            .then(|| hotfixes.rule.decl().field(rule::LATEST_BUILD))
            .flatten()
    });
    let Some(restriction) = restriction else {
        return diagnostics;
    };
    for phase in facts.policy().all::<PhaseDecl>() {
        // A phase that defers to the rule deciding who gets hotfixes
        // (`hotfixes-per`) does not contradict it.
        if phase.hotfixes_per().is_some() {
            continue;
        }
        let Some(field) = phase.decl().field(phase::HOTFIXES) else {
            continue;
        };
        if field.value != Value::Bool(true) {
            continue;
        }
        {
            let rule = hotfixes.rule;
            diagnostics.push(
                Diagnostic::new(Code::W607,
                    format!(
                        "the document contradicts itself: the phase `{}` offers hotfixes, but the rule `{}` restricts them",
                        phase.id.value, rule.id.value
                    ),
                )
                .label(field.span, "hotfixes available in this phase")
                .label(restriction.span, "restricted here")
                .help("state the restriction in the lifecycle table too"),
            );
        }
    }
    diagnostics
}

/// W608: a contact says it handles a request that its rule routes elsewhere.
fn contact_topics_vs_request_route(facts: &Facts) -> Vec<Diagnostic> {
    let policy = facts.policy();
    let mut diagnostics = Vec::new();
    for contact in policy.all::<ContactDecl>() {
        for topic in contact.topics().spanned() {
            let Some(rule) = policy.find::<RuleDecl>(&topic.value) else {
                continue;
            };
            let Some(via) = rule.request_via() else {
                continue;
            };
            if via.value != contact.id.value {
                diagnostics.push(
                    Diagnostic::new(Code::W608,
                        format!(
                            "the document contradicts itself: `{}` is requested via `{}`, but the contact `{}` lists it too",
                            topic.value, via.value, contact.id.value
                        ),
                    )
                    .label(topic.span, format!("listed under `{}`", contact.id.value))
                    .label(via.span, format!("requested via `{}`", via.value))
                    .help("name one place to send these requests"),
                );
            }
        }
    }
    diagnostics
}

/// The cells of one column of a grid, with their row ids, in row order.
fn column_cells<'g>(grid: &'g Grid, column: &str) -> Vec<(&'g Spanned<String>, &'g Cell)> {
    grid.rows
        .iter()
        .filter_map(|row| grid.cell(&row.value, column).map(|cell| (row, cell)))
        .collect()
}

/// "`sev-2`, `sev-3`": the rows of some cells.
fn rows_of(cells: &[(&Spanned<String>, &Cell)]) -> String {
    let rows: Vec<&str> = cells.iter().map(|(row, _)| row.as_str()).collect();
    quoted(&rows)
}

/// Labels each cell with its value and row.
fn label_cells(mut d: Diagnostic, cells: &[(&Spanned<String>, &Cell)]) -> Diagnostic {
    for (row, cell) in cells {
        d = d.label(
            cell.span,
            format!("`{}` for `{}`", show(&cell.value), row.value),
        );
    }
    d
}

fn quoted(ids: &[&str]) -> String {
    ids.iter()
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
