//! Holiday sets: each set once, as a table, with the calendars that
//! include it; a calendar names the sets it includes; an observed holiday's
//! date says how it moves off the weekend.

use super::context::Ctx;
use super::table::{Block, Table};
use crate::model::view::{CalendarDecl, HolidayDecl, View};
use crate::model::Decl;
use crate::schema::fields::{calendar, holiday};
use crate::schema::Kind;

/// A holiday's date in a table cell: `July 4`, or `July 4 (observed:
/// Saturday → Friday, Sunday → Monday)`.
pub fn date_cell(ctx: &Ctx<'_>, decl: &Decl) -> String {
    let date = ctx.field_cell(decl, holiday::ON);
    match HolidayDecl::of(decl).and_then(|h| h.observed()) {
        Some(observed) => format!("{date} (observed: {})", observed.describe()),
        None => date,
    }
}

/// A holiday set: its title, a table of its holidays, and the calendars
/// that include it.
pub fn set(ctx: &Ctx<'_>, decl: &Decl) -> Vec<Block> {
    let mut blocks = vec![Block::Text(format!("**{}**", decl.display()))];
    let mut table = Table::new([
        ctx.kind_label(Kind::Holiday),
        ctx.field_label(Kind::Holiday, crate::schema::fields::holiday::ON),
    ]);
    for h in decl.body.iter().filter_map(|b| match b {
        crate::model::Body::Decl(i) => ctx.policy.decls.get(*i),
        crate::model::Body::Prose(_) => None,
    }) {
        if h.kind == Kind::Holiday {
            table.row(vec![h.display().to_owned(), date_cell(ctx, h)]);
        }
    }
    if !table.is_empty() {
        blocks.push(Block::Text(table.render()));
    }
    let including: Vec<&str> = ctx
        .policy
        .all::<CalendarDecl>()
        .filter(|c| c.holidays().contains(decl.id.as_str()))
        .map(|c| c.decl().display())
        .collect();
    if !including.is_empty() {
        blocks.push(Block::Text(format!(
            "Included by: {}.",
            including.join(", ")
        )));
    }
    blocks
}

/// The holiday sets a calendar includes, as a line: `Holiday sets: U.S.
/// federal holidays.`; nothing when it includes none.
pub fn included(ctx: &Ctx<'_>, decl: &Decl) -> Option<Block> {
    let sets = CalendarDecl::of(decl)?.holidays();
    if sets.is_empty() {
        return None;
    }
    let label = ctx.field_label(Kind::Calendar, calendar::HOLIDAYS);
    Some(Block::Text(format!(
        "{label}: {}.",
        ctx.titles(sets.iter(), ", ")
    )))
}
