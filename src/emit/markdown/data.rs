//! Declarations the published document has no table for: shown only for
//! what they add to the prose, so that no sentence is said twice.
//!
//! Licenses, products, operators and channels become one bullet per
//! declaration, listing only the facts the prose does not already state
//! (none, in a faithful policy). A calendar becomes its opening hours (if
//! the prose lacks them) and a table of its public holidays. Parties, rules
//! and claims show nothing: the prose around them is what they encode.

use super::context::Ctx;
use super::style;
use super::table::{Block, Table};
use crate::model::view::{CalendarDecl, ChannelDecl, LicenseDecl, OperatorDecl, ProductDecl, View};
use crate::model::Decl;
use crate::schema::fields::{operator, product};
use crate::schema::Kind;

/// Whether declarations of this kind render as facts (a bullet each).
pub fn is_fact_kind(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::License | Kind::Product | Kind::Operator | Kind::Channel
    )
}

/// One bullet list for a run of declarations of one fact kind; nothing if
/// the prose already says everything.
pub fn facts(ctx: &Ctx<'_>, decls: &[&Decl]) -> Vec<Block> {
    let lines: Vec<String> = decls.iter().filter_map(|d| fact(ctx, d)).collect();
    if lines.is_empty() {
        Vec::new()
    } else {
        vec![Block::List(lines)]
    }
}

fn fact(ctx: &Ctx<'_>, decl: &Decl) -> Option<String> {
    let pieces = match decl.kind {
        Kind::License => license(ctx, decl),
        Kind::Product => product(ctx, decl),
        Kind::Operator => operator(ctx, decl),
        Kind::Channel => channel(ctx, decl),
        _ => Vec::new(),
    };
    (!pieces.is_empty()).then(|| format!("**{}**: {}", decl.display(), pieces.join("; ")))
}

/// Keeps `text` unless the prose says `key`.
fn unsaid(ctx: &Ctx<'_>, key: &str, text: String) -> Option<String> {
    (!ctx.said(key)).then_some(text)
}

fn license(ctx: &Ctx<'_>, d: &Decl) -> Vec<String> {
    let Some(d) = LicenseDecl::of(d) else {
        return Vec::new();
    };
    let mut pieces = Vec::new();
    if let Some(m) = d.price() {
        let price = style::money(m);
        let text = match d.price_note() {
            Some(note) => format!("{note} {price}"),
            None => price.clone(),
        };
        pieces.extend(unsaid(ctx, &price, text));
    }
    if let Some((a, b)) = d.nodes() {
        let nodes = style::range(a, b);
        pieces.extend(unsaid(ctx, &nodes, format!("{nodes} nodes")));
    }
    for t in [d.billing(), d.features()].into_iter().flatten() {
        pieces.extend(unsaid(ctx, t, t.to_owned()));
    }
    if d.free() == Some(true) {
        pieces.extend(unsaid(ctx, "free", "free".to_owned()));
    }
    if let Some(t) = d.only_where() {
        pieces.extend(unsaid(ctx, t, format!("only where {t}")));
    }
    pieces
}

fn product(ctx: &Ctx<'_>, d: &Decl) -> Vec<String> {
    let Some(d) = ProductDecl::of(d) else {
        return Vec::new();
    };
    let mut pieces = Vec::new();
    for (field, items) in [
        (product::COMPONENTS, d.components()),
        (product::DATABASES, d.databases()),
    ] {
        if let Some(items) = items {
            if items.iter().any(|i| !ctx.said(i)) {
                pieces.push(labelled(ctx, Kind::Product, field, &items.join(", ")));
            }
        }
    }
    for (field, party) in [
        (product::SUPPORT_TO, d.support_to()),
        (product::FIRST_LINE, d.first_line()),
        (product::SECOND_LINE, d.second_line()),
    ] {
        if let Some(id) = party {
            let party = ctx.title(id.as_str());
            pieces.extend(unsaid(
                ctx,
                &party,
                labelled(ctx, Kind::Product, field, &party),
            ));
        }
    }
    pieces
}

fn operator(ctx: &Ctx<'_>, d: &Decl) -> Vec<String> {
    let Some(d) = OperatorDecl::of(d) else {
        return Vec::new();
    };
    let database = d.database().unwrap_or_default();
    if ctx.said(d.display()) && ctx.said(database) {
        return Vec::new();
    }
    let mut pieces = vec![database.to_owned()];
    if let Some(product) = d.product() {
        pieces.push(labelled(
            ctx,
            Kind::Operator,
            operator::PRODUCT,
            &ctx.title(product.as_str()),
        ));
    }
    pieces.retain(|p| !p.is_empty());
    pieces
}

fn channel(ctx: &Ctx<'_>, d: &Decl) -> Vec<String> {
    ChannelDecl::of(d)
        .and_then(|c| c.address())
        .and_then(|a| unsaid(ctx, a, a.to_owned()))
        .into_iter()
        .collect()
}

fn labelled(ctx: &Ctx<'_>, kind: Kind, field: &str, value: &str) -> String {
    let label = ctx.field_label(kind, field);
    format!("{label}: {value}")
}

/// A calendar: its hours unless the prose states them, then a table of
/// its public holidays and closure days.
pub fn calendar(ctx: &Ctx<'_>, decl: &Decl, holidays: &[&Decl]) -> Vec<Block> {
    let mut blocks = Vec::new();
    if let Some(hours) = opening_hours(ctx, decl) {
        blocks.push(Block::Text(hours));
    }
    let mut table = Table::new(["Public holiday", "Date"]);
    for h in holidays {
        table.row(vec![
            h.display().to_owned(),
            super::holidays::date_cell(ctx, h),
        ]);
    }
    if let Some(dates) = CalendarDecl::of(decl).and_then(|c| c.closed()) {
        for d in dates {
            table.row(vec!["Closed".to_owned(), style::date(*d)]);
        }
    }
    if !table.is_empty() {
        blocks.push(Block::Text(table.render()));
    }
    blocks
}

/// `Business hours: Monday – Friday, 09:00 – 17:00, Central European Time
/// (CET/CEST).`, unless the prose says both the hours and the zone.
fn opening_hours(ctx: &Ctx<'_>, decl: &Decl) -> Option<String> {
    let calendar = CalendarDecl::of(decl)?;
    let weekly = calendar.open()?;
    let hours: Vec<String> = weekly.iter().map(style::weekly).collect();
    let zone = calendar
        .zone_label()
        .or_else(|| calendar.zone())
        .unwrap_or_default();
    if hours.iter().all(|h| ctx.said(h)) && ctx.said(zone) {
        return None;
    }
    let zone = if zone.is_empty() {
        String::new()
    } else {
        format!(", {zone}")
    };
    Some(format!("{}: {}{zone}.", decl.display(), hours.join("; ")))
}
