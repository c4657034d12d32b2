//! The rules deciding severity, as one table per run of rules: whom each
//! covers, its cap and its default. Other rules show nothing here (their
//! prose is what they encode).

use super::context::Ctx;
use super::table::{Block, Table};
use crate::model::view::RuleDecl;
use crate::model::Decl;
use crate::schema::fields::rule;
use crate::schema::Kind;

fn label(ctx: &Ctx<'_>, field: &str) -> String {
    ctx.field_label(Kind::Rule, field)
}

/// The table of the rules in `decls` that decide severity; nothing when
/// none does.
pub fn rules(ctx: &Ctx<'_>, decls: &[&Decl]) -> Vec<Block> {
    let deciding = ctx.facts.severity_rules();
    let mut table = Table::new([
        ctx.kind_label(Kind::Rule),
        "Applies to".to_owned(),
        label(ctx, rule::HIGHEST_SEVERITY),
        label(ctx, rule::DEFAULT_SEVERITY),
    ]);
    for decl in decls {
        let Some(r) = deciding.iter().find(|r| r.id.value == decl.id.value) else {
            continue;
        };
        table.row(vec![
            decl.display().to_owned(),
            covers(ctx, *r),
            r.highest_severity()
                .map(|s| ctx.title(s.as_str()))
                .unwrap_or_default(),
            r.default_severity()
                .map(|s| ctx.title(s.as_str()))
                .unwrap_or_default(),
        ]);
    }
    if table.is_empty() {
        Vec::new()
    } else {
        vec![Block::Text(table.render())]
    }
}

/// `Tiers: Japan; Channels: Email; When: ...`.
fn covers(ctx: &Ctx<'_>, r: RuleDecl<'_>) -> String {
    let mut parts = Vec::new();
    for (field, ids) in [
        (rule::TIERS, r.tiers()),
        (rule::LICENSES, r.licenses()),
        (rule::CHANNELS, r.channels()),
    ] {
        if !ids.is_empty() {
            parts.push(format!(
                "{}: {}",
                label(ctx, field),
                ctx.titles(ids.iter(), ", ")
            ));
        }
    }
    if let Some(when) = r.when() {
        parts.push(format!("{}: {when}", label(ctx, rule::WHEN)));
    }
    parts.join("; ")
}
