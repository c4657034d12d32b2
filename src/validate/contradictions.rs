//! Contradictions: where the policy states one fact twice and the two
//! statements disagree. Each is a warning pointing at both places; the
//! compiler never picks a side.

use crate::codes::Code;
use crate::diagnostic::Diagnostic;
use crate::model::{Cell, Coverage, Decl, Grid, Hours, Policy, ResponseTarget, Value};
use crate::schema::{CellType, Kind};
use crate::span::Spanned;
use crate::value_text::{show, target};

/// Runs every contradiction check.
pub fn check_contradictions(policy: &Policy) -> Vec<Diagnostic> {
    let checks: &[fn(&Policy) -> Vec<Diagnostic>] = &[
        tier_target_vs_grid,
        tier_hours_vs_grid,
        tier_channels_vs_access,
        license_listing_vs_license,
        scope_vs_entitlement,
        lifecycle_hotfixes_vs_rule,
        contact_topics_vs_request_route,
    ];
    checks.iter().flat_map(|check| check(policy)).collect()
}

/// The severity-by-tier grid of response targets.
fn response_grid(policy: &Policy) -> Option<(&Decl, &Grid)> {
    let decl = policy.of_kind(Kind::Grid).find(|g| {
        g.value("rows") == Some(&Value::Kind(Kind::Severity))
            && g.value("columns") == Some(&Value::Kind(Kind::Tier))
            && g.value("cells") == Some(&Value::CellType(CellType::Target))
    })?;
    Some((decl, decl.grid.as_ref()?))
}

/// W602: a tier's stated response target against its column of the grid.
fn tier_target_vs_grid(policy: &Policy) -> Vec<Diagnostic> {
    let Some((grid_decl, grid)) = response_grid(policy) else {
        return Vec::new();
    };
    let mut diagnostics = Vec::new();
    for tier in policy.of_kind(Kind::Tier) {
        let Some(field) = tier.fields.get("response-target") else {
            continue;
        };
        let Value::Target(stated) = field.value else {
            continue;
        };
        if stated == ResponseTarget::NotApplicable {
            continue;
        }
        // `response-target-for` limits the stated target to some severities.
        let covered = tier.refs("response-target-for");
        let differing: Vec<_> = column_cells(grid, &tier.id.value)
            .into_iter()
            .filter(|(row, _)| covered.is_empty() || covered.contains(&row.as_str()))
            .filter(|(_, cell)| cell.value != Value::Target(stated))
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
                "v1.0 keeps both statements as written; make them agree in the next version",
            ));
    }
    diagnostics
}

/// W603: a tier said to be covered 24x7 whose targets run on business days.
fn tier_hours_vs_grid(policy: &Policy) -> Vec<Diagnostic> {
    let Some((_, grid)) = response_grid(policy) else {
        return Vec::new();
    };
    let mut diagnostics = Vec::new();
    for tier in policy.of_kind(Kind::Tier) {
        let Some(field) = tier.fields.get("hours") else {
            continue;
        };
        if field.value != Value::Hours(Hours::Around) {
            continue;
        }
        let business: Vec<_> = column_cells(grid, &tier.id.value)
            .into_iter()
            .filter(|(_, cell)| {
                matches!(cell.value, Value::Target(ResponseTarget::Within(t)) if t.clock() == crate::ast::Clock::Business)
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
                "say which severities the 24x7 coverage applies to, or give them 24x7 targets",
            ),
        );
    }
    diagnostics
}

/// W604: a tier's channels (the tier table) against its stated access.
fn tier_channels_vs_access(policy: &Policy) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    for tier in policy.of_kind(Kind::Tier) {
        let (Some(channels), Some(access)) =
            (tier.fields.get("channels"), tier.fields.get("access"))
        else {
            continue;
        };
        let (a, b) = (tier.refs("channels"), tier.refs("access"));
        let only_channels: Vec<&str> = a.iter().filter(|c| !b.contains(c)).copied().collect();
        let only_access: Vec<&str> = b.iter().filter(|c| !a.contains(c)).copied().collect();
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
fn license_listing_vs_license(policy: &Policy) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    for tier in policy.of_kind(Kind::Tier) {
        let Some(field) = tier.fields.get("licenses") else {
            continue;
        };
        let Value::Refs(ids) = &field.value else {
            continue;
        };
        for id in ids {
            let Some(license) = policy.get(&id.value).filter(|d| d.kind == Kind::License) else {
                continue;
            };
            if let Some(Value::Ref(mapped)) = license.value("tier") {
                let resolves = policy
                    .get(&mapped.value)
                    .is_some_and(|d| d.kind == Kind::Tier);
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
            if let Some(condition) = license.fields.get("only-where") {
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
fn scope_vs_entitlement(policy: &Policy) -> Vec<Diagnostic> {
    let Some(scope) = policy.of_kind(Kind::Grid).find(|g| {
        g.value("rows") == Some(&Value::Kind(Kind::Area))
            && g.value("cells") == Some(&Value::CellType(CellType::Coverage))
    }) else {
        return Vec::new();
    };
    let Some(scope_grid) = &scope.grid else {
        return Vec::new();
    };
    let mut diagnostics = Vec::new();
    for linked in policy.of_kind(Kind::Grid) {
        let Some(Value::Ref(area)) = linked.value("area") else {
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

/// W607: a lifecycle phase offering hotfixes to all, against a hotfix rule
/// that restricts them.
fn lifecycle_hotfixes_vs_rule(policy: &Policy) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let rules: Vec<&Decl> = policy
        .of_kind(Kind::Rule)
        .filter(|r| {
            r.flag("latest-build") == Some(true)
                || !r.refs("tiers").is_empty() && r.id.as_str().contains("hotfix")
        })
        .collect();
    for phase in policy.of_kind(Kind::Phase) {
        // A phase that defers to the rule deciding who gets hotfixes
        // (`hotfixes-per`) does not contradict it.
        if phase.fields.contains_key("hotfixes-per") {
            continue;
        }
        let Some(field) = phase.fields.get("hotfixes") else {
            continue;
        };
        if field.value != Value::Bool(true) {
            continue;
        }
        for rule in &rules {
            let restriction = rule
                .fields
                .get("tiers")
                .or_else(|| rule.fields.get("latest-build"));
            let Some(restriction) = restriction else {
                continue;
            };
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
fn contact_topics_vs_request_route(policy: &Policy) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    for contact in policy.of_kind(Kind::Contact) {
        let Some(Value::Refs(topics)) = contact.value("topics") else {
            continue;
        };
        for topic in topics {
            let Some(rule) = policy.get(&topic.value).filter(|d| d.kind == Kind::Rule) else {
                continue;
            };
            let Some(Value::Ref(via)) = rule.value("request-via") else {
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
