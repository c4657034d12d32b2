//! Declarations the published document shows as tables: one table per run
//! of consecutive declarations of a kind, the comparison matrix derived
//! from tier data, and grids.

use super::context::{normalize, Ctx};
use super::style;
use super::table::{Block, Table};
use crate::model::view::{ComparisonDecl, GridDecl, LicenseDecl, TierDecl, View};
use crate::model::{Decl, Incidents, Value};
use crate::schema::fields::{area, contact, phase, resource, severity, tier as tier_field};
use crate::schema::Kind;

/// Whether a run of declarations of this kind renders as one table.
pub fn is_table_kind(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Resource
            | Kind::Tier
            | Kind::Severity
            | Kind::Phase
            | Kind::Release
            | Kind::Service
            | Kind::Contact
            | Kind::Area
    )
}

/// One table for a run of declarations of one table kind.
pub fn run(ctx: &Ctx<'_>, decls: &[&Decl]) -> Vec<Block> {
    let Some(kind) = decls.first().map(|d| d.kind) else {
        return Vec::new();
    };
    let table = match kind {
        Kind::Tier => tiers(ctx, decls),
        Kind::Severity => severities(ctx, decls),
        Kind::Area => {
            let loose: Vec<&Decl> = decls
                .iter()
                .copied()
                .filter(|d| !in_a_grid(ctx, d))
                .collect();
            plain(ctx, Kind::Area, &loose, &[area::DESCRIPTION])
        }
        Kind::Phase => plain(ctx, kind, decls, &[phase::SUPPORT, phase::FIXES]),
        Kind::Release => super::releases::table(ctx, decls),
        Kind::Contact => plain(ctx, kind, decls, &[contact::ADDRESS, contact::NOTES]),
        // Resources and services: their description.
        _ => plain(ctx, kind, decls, &[resource::DESCRIPTION]),
    };
    if table.is_empty() {
        Vec::new()
    } else {
        vec![Block::Text(table.render())]
    }
}

/// Label, then one column per field, headed by the field's label.
fn plain(ctx: &Ctx<'_>, kind: Kind, decls: &[&Decl], fields: &[&str]) -> Table {
    let mut table = Table::new(
        std::iter::once(ctx.kind_label(kind))
            .chain(fields.iter().map(|f| ctx.field_label(kind, f))),
    );
    for decl in decls {
        let mut row = vec![ctx.row_label(decl)];
        row.extend(fields.iter().map(|f| {
            let cell = ctx.field_cell(decl, f);
            if kind == Kind::Contact && *f == contact::ADDRESS {
                super::links::address(&cell)
            } else {
                cell
            }
        }));
        table.row(row);
    }
    table
}

/// Level | Name | Definition | Example Issues, with a column of aliases
/// where a severity has some (and of examples only where one has some).
fn severities(ctx: &Ctx<'_>, decls: &[&Decl]) -> Table {
    let kind = Kind::Severity;
    let has = |field: &str| decls.iter().any(|d| d.value(field).is_some());
    let mut columns = vec![severity::DEFINITION];
    if has(severity::ALIASES) {
        columns.insert(0, severity::ALIASES);
    }
    if has(severity::EXAMPLES) {
        columns.push(severity::EXAMPLES);
    }
    let mut table = Table::new(
        [ctx.kind_label(kind), "Name".to_owned()]
            .into_iter()
            .chain(columns.iter().map(|f| ctx.field_label(kind, f))),
    );
    for decl in decls {
        let mut row = vec![ctx.row_label(decl), decl.display().to_owned()];
        row.extend(columns.iter().map(|f| ctx.field_cell(decl, f)));
        table.row(row);
    }
    table
}

/// Tier | licenses | channels | hours | incidents.
fn tiers(ctx: &Ctx<'_>, decls: &[&Decl]) -> Table {
    let kind = Kind::Tier;
    let tiers: Vec<TierDecl<'_>> = decls.iter().filter_map(|d| TierDecl::of(d)).collect();
    // A column only for what some tier states, each headed by the policy's
    // `label` for it, else the generic label.
    let columns: Vec<&str> = [
        tier_field::LICENSES,
        tier_field::CHANNELS,
        tier_field::HOURS,
        tier_field::INCIDENTS,
    ]
    .into_iter()
    .filter(|field| tiers.iter().any(|t| t.decl().field(field).is_some()))
    .collect();
    let mut header = vec![ctx.kind_label(kind)];
    header.extend(columns.iter().map(|c| ctx.field_label(kind, c)));
    let mut table = Table::new(header);
    for tier in tiers {
        let mut row = vec![tier.display().to_owned()];
        for column in &columns {
            row.push(match *column {
                tier_field::LICENSES => ctx.titles(tier.licenses().iter(), ", "),
                tier_field::CHANNELS => {
                    let channels = tier.channels();
                    match channels.first() {
                        Some(only) if channels.len() == 1 => format!("{} only", ctx.title(only)),
                        _ => ctx.titles(channels.iter(), " / "),
                    }
                }
                other => ctx.field_cell(&tier, other),
            });
        }
        table.row(row);
    }
    table
}

/// Whether an area is a row of some grid, which then carries it.
fn in_a_grid(ctx: &Ctx<'_>, area: &Decl) -> bool {
    ctx.policy.all::<GridDecl>().any(|g| {
        g.rows() == Some(Kind::Area)
            && g.grid
                .as_ref()
                .is_some_and(|grid| grid.rows.iter().any(|r| r.as_str() == area.id.as_str()))
    })
}

/// A caption for a table whose title is not its section's.
fn caption(ctx: &Ctx<'_>, decl: &Decl) -> Option<Block> {
    let title = decl.title.as_ref()?.as_str();
    let parent = decl.parent.and_then(|p| ctx.policy.decls.get(p));
    match parent {
        Some(p) if normalize(p.display()) == normalize(title) => None,
        _ => Some(Block::Text(format!("**{title}**"))),
    }
}

/// A table's legend: one symbol a line (`✓ = Supported`, hard line
/// breaks) when it reads as `SYMBOL = meaning ...`, else its text. Lines
/// rather than a list, so the legend's sentence reads as written.
fn legend(legend: Option<&str>) -> Option<Block> {
    let legend = legend?;
    match super::links::legend_items(legend) {
        Some(items) => Some(Block::Text(items.join("  \n"))),
        None => Some(Block::Text(legend.to_owned())),
    }
}

/// The tier comparison matrix, derived from the tiers of its licenses.
pub fn comparison(ctx: &Ctx<'_>, decl: &Decl) -> Vec<Block> {
    let Some(comparison) = ComparisonDecl::of(decl) else {
        return Vec::new();
    };
    let licenses = comparison.columns();
    let mut table = Table::new(
        std::iter::once(
            comparison
                .corner()
                .unwrap_or_else(|| comparison.display())
                .to_owned(),
        )
        .chain(licenses.iter().map(|l| ctx.short(l))),
    );
    let labels = comparison.labels().unwrap_or_default();
    for (i, field) in comparison.rows().iter().enumerate() {
        let label = labels
            .get(i)
            .cloned()
            .unwrap_or_else(|| ctx.field_label(Kind::Tier, field));
        let mut row = vec![label];
        for license in licenses.iter() {
            let tier = ctx
                .policy
                .find::<LicenseDecl>(license)
                .and_then(|l| l.tier())
                .and_then(|t| ctx.policy.find::<TierDecl>(t.as_str()));
            row.push(tier.map_or_else(String::new, |t| compared(ctx, t, field)));
        }
        table.row(row);
    }
    let mut blocks: Vec<Block> = caption(ctx, decl).into_iter().collect();
    blocks.push(Block::Text(table.render()));
    blocks.extend(legend(comparison.legend()));
    blocks
}

/// One tier's entry in the comparison matrix.
fn compared(ctx: &Ctx<'_>, tier: TierDecl<'_>, field: &str) -> String {
    match tier.value(field) {
        Some(Value::Refs(ids)) => ids
            .iter()
            .map(|i| ctx.short(i.as_str()))
            .collect::<Vec<_>>()
            .join("/"),
        Some(Value::Incidents(Incidents::Count(n))) if tier.add_on() == Some(true) => {
            format!("{n} (add-on available)")
        }
        Some(Value::Target(t)) => {
            // A summary target limited to some severities says which.
            let covered = tier.response_target_for();
            if covered.is_empty() {
                style::target_short(t)
            } else {
                let levels: Vec<String> = covered.iter().map(|s| s.to_uppercase()).collect();
                format!("{} ({})", style::target_short(t), levels.join(", "))
            }
        }
        Some(v) => ctx.cell(v),
        None => "–".to_owned(),
    }
}

/// A grid: corner label, then (for areas) a description, then one column
/// per written column; then its legend and, unless the prose says it, the
/// pauses of its clock.
pub fn grid(ctx: &Ctx<'_>, decl: &Decl, prose: Vec<Block>) -> Vec<Block> {
    let Some(view) = GridDecl::of(decl) else {
        return prose;
    };
    let rows_kind = view.rows();
    let with_description = rows_kind == Some(Kind::Area);
    let mut blocks: Vec<Block> = caption(ctx, decl).into_iter().collect();
    blocks.extend(prose);
    let Some(grid) = decl.grid.as_ref() else {
        return blocks;
    };
    let mut header = vec![rows_kind.map_or_else(String::new, |k| ctx.kind_label(k))];
    if with_description {
        header.push(ctx.field_label(Kind::Area, area::DESCRIPTION));
    }
    header.extend(grid.columns.iter().map(|c| column_label(ctx, c.as_str())));
    let mut table = Table::new(header);
    for row in &grid.rows {
        let row_decl = ctx.policy.get(row.as_str());
        let mut cells = vec![row_decl.map_or_else(|| row.value.clone(), |d| ctx.row_label(d))];
        if with_description {
            cells.push(row_decl.map_or_else(String::new, |d| ctx.field_cell(d, area::DESCRIPTION)));
        }
        for column in &grid.columns {
            let id = decl.id.as_str();
            cells.push(
                ctx.grid_cell(id, row.as_str(), column.as_str())
                    .unwrap_or_default(),
            );
        }
        table.row(cells);
    }
    blocks.push(Block::Text(table.render()));
    blocks.extend(legend(view.legend()));
    blocks.extend(pauses(ctx, view));
    blocks
}

/// A grid column's header: a tier's `grid-label`, else the title.
fn column_label(ctx: &Ctx<'_>, id: &str) -> String {
    match ctx.policy.get(id) {
        Some(d) => TierDecl::of(d)
            .and_then(|t| t.grid_label())
            .unwrap_or(d.display())
            .to_owned(),
        None => id.to_owned(),
    }
}

/// `SLA clock pauses while waiting for ...`, unless the prose says so.
fn pauses(ctx: &Ctx<'_>, grid: GridDecl<'_>) -> Option<Block> {
    let items = grid.pauses()?;
    let items: Vec<String> = items
        .iter()
        .enumerate()
        .map(|(i, t)| match t.strip_prefix("waiting for ") {
            Some(rest) if i == 0 => rest.to_owned(),
            _ => t.clone(),
        })
        .collect();
    let sentence = format!(
        "SLA clock pauses while waiting for {}.",
        style::join_or(&items)
    );
    (!items.is_empty() && !ctx.said(sentence.trim_end_matches('.')))
        .then_some(Block::Text(sentence))
}
