//! The Markdown emitter: the whole policy document, publishable as is.
//!
//! The document reads like the published policy: a title block with the
//! header table, a table of contents, then every section in order with its
//! number, its prose (interpolations resolved from the data) and its
//! declarations. Runs of declarations the published text shows as a table
//! (resources, tiers, severities, phases, releases, services, contacts) become one
//! GFM table; the comparison matrix is derived from tier data; grids become
//! tables; runs of examples become "Worked examples" tables. Declarations that only encode what the prose says render
//! nothing, so no sentence appears twice.
//!
//! Pure: the output is a function of the model and the [`Meta`] alone.

mod context;
mod data;
mod examples;
mod holidays;
pub mod links;
mod releases;
mod severity;
mod style;
pub use style::weekday;
mod table;
mod tables;

use super::Meta;
use crate::facts::Valid;
use crate::model::{Body, Decl, Policy};
use crate::schema::Kind;
use context::Ctx;
use table::Block;

/// Prose as the document renders it: interpolations resolved through the
/// model's resolver and written in document style. For the diff, which
/// compares prose as a reader sees it.
pub struct ProseRenderer<'a>(Ctx<'a>);

impl<'a> ProseRenderer<'a> {
    /// The renderer of `valid`'s prose.
    pub fn new(valid: &'a Valid) -> ProseRenderer<'a> {
        ProseRenderer(Ctx::new(valid))
    }

    /// A prose block as the document writes it.
    pub fn render(&self, prose: &crate::model::Prose) -> String {
        self.0.prose(prose)
    }

    /// A grid's cell as the document's table writes it (`2 hours (24×7)`,
    /// `PSA`), with its note; `None` when the grid or cell does not exist.
    pub fn grid_cell(&self, grid: &str, row: &str, column: &str) -> Option<String> {
        self.0.grid_cell(grid, row, column)
    }

    /// How the document labels the row or column `id` of a table: a
    /// severity by its id upper-cased (`SEV-1`), anything else by its
    /// short name or title; `None` when `id` is not declared.
    pub fn label(&self, id: &str) -> Option<String> {
        let decl = self.0.policy.get(id)?;
        Some(if decl.kind == Kind::Severity {
            self.0.row_label(decl)
        } else {
            self.0.short(id)
        })
    }
}

/// What the document shows beyond the policy's text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The "Worked examples" tables: test cases a reader of the policy
    /// does not need, so left out unless asked for (`--examples`).
    pub examples: bool,
}

/// Emits the policy as a Markdown document (GitHub-flavoured: tables),
/// without its worked examples.
pub fn emit(valid: &Valid, meta: &Meta) -> String {
    emit_with(valid, meta, Options::default())
}

/// Emits the policy as a Markdown document with `options`.
pub fn emit_with(valid: &Valid, meta: &Meta, options: Options) -> String {
    let header = table::join(&[Block::Text(format!(
        "<!-- {} -->",
        super::escape::markdown_comment(&meta.marker())
    ))]);
    format!("{header}\n\n{}\n", document(valid, options))
}

/// The document without its `@generated` comment: the title block, the
/// table of contents and every section, each section's heading after an
/// anchor named by the section's id (`<a id="overview"></a>`), which the
/// table of contents links to. Every text from the policy is escaped
/// ([`super::escape::markdown_body`]); the anchors are the only HTML.
pub fn document(valid: &Valid, options: Options) -> String {
    let mut ctx = Ctx::new(valid);
    ctx.examples = options.examples;
    let policy = valid.policy();
    let mut blocks = title_block(&ctx);
    let mut body = Vec::new();
    for &root in &policy.roots {
        body.extend(declaration(&ctx, root, 1));
    }
    blocks.push(Block::Text("## Table of Contents".to_owned()));
    blocks.extend(contents(policy, &ctx.section_numbers));
    blocks.push(Block::Text(table::join(&body)));
    let escaped = super::escape::markdown_body(&table::join(&blocks));
    links::anchors(&links::bare_urls(&escaped))
}

/// `# Title`, `Updated ...`, the header table and the header's prose.
fn title_block(ctx: &Ctx<'_>) -> Vec<Block> {
    use crate::schema::fields::policy::{EFFECTIVE, PROVIDER, REVIEW, UPDATED, VERSION};
    let Some(header) = ctx.policy.header() else {
        return Vec::new();
    };
    let mut blocks = vec![Block::Text(format!("# {}", header.display()))];
    if let Some(updated) = header.value(UPDATED) {
        blocks.push(Block::Text(format!("Updated {}", ctx.value(updated))));
    }
    // A list of labelled values: the published table had no header row,
    // and a GFM table takes its first row as one.
    let pairs: Vec<String> = [EFFECTIVE, PROVIDER, VERSION, REVIEW]
        .into_iter()
        .filter_map(|name| {
            let label = ctx.field_label(Kind::Policy, name);
            let value = ctx.value(header.value(name)?);
            Some(format!("- **{}:** {}", label.trim(), value.trim()))
        })
        .collect();
    if !pairs.is_empty() {
        blocks.push(Block::Text(pairs.join("\n")));
    }
    blocks.extend(prose_of(ctx, header));
    blocks
}

fn prose_of(ctx: &Ctx<'_>, decl: &Decl) -> Vec<Block> {
    decl.body
        .iter()
        .filter_map(|b| match b {
            Body::Prose(p) => Some(Block::Text(ctx.prose(p))),
            Body::Decl(_) => None,
        })
        .collect()
}

/// The heading of a section or topic whose parent's heading is at `level`.
/// `numbers`: [`Policy::section_numbers`].
fn heading(
    policy: &Policy,
    numbers: &[Option<String>],
    index: usize,
    level: usize,
) -> Option<String> {
    let decl = policy.decls.get(index)?;
    let hashes = "#".repeat((level + 1).min(6));
    let number = numbers.get(index).cloned().flatten();
    let number = match (decl.kind, decl.parent) {
        (Kind::Section, None) => number.map(|n| format!("{n}. ")),
        (Kind::Section, Some(_)) => number.map(|n| format!("{n} ")),
        _ => None,
    };
    Some(format!(
        "{hashes} {}{}",
        number.unwrap_or_default(),
        decl.display()
    ))
}

/// One declaration standing alone, at a parent heading `level`.
fn declaration(ctx: &Ctx<'_>, index: usize, level: usize) -> Vec<Block> {
    let Some(decl) = ctx.policy.decls.get(index) else {
        return Vec::new();
    };
    match decl.kind {
        Kind::Policy => Vec::new(),
        Kind::Section | Kind::Topic => {
            let mut blocks: Vec<Block> = Vec::new();
            if decl.kind == Kind::Section {
                blocks.push(Block::Text(links::anchor_marker(decl.id.as_str())));
            }
            blocks.extend(heading(ctx.policy, &ctx.section_numbers, index, level).map(Block::Text));
            blocks.extend(body(ctx, decl, level + 1));
            blocks
        }
        _ => run(ctx, &[index], level),
    }
}

/// A declaration's body: prose and runs of declarations of one kind.
fn body(ctx: &Ctx<'_>, decl: &Decl, level: usize) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut pending: Vec<usize> = Vec::new();
    for entry in &decl.body {
        match entry {
            Body::Prose(p) => {
                blocks.extend(run(ctx, &pending, level));
                pending.clear();
                blocks.push(Block::Text(ctx.prose(p)));
            }
            Body::Decl(i) => {
                let kind_of = |i: &usize| ctx.policy.decls.get(*i).map(|d| d.kind);
                if pending.first().and_then(kind_of) != kind_of(i) {
                    blocks.extend(run(ctx, &pending, level));
                    pending.clear();
                }
                pending.push(*i);
            }
        }
    }
    blocks.extend(run(ctx, &pending, level));
    blocks
}

/// A run of consecutive declarations of one kind.
fn run(ctx: &Ctx<'_>, indices: &[usize], level: usize) -> Vec<Block> {
    let decls: Vec<&Decl> = indices
        .iter()
        .filter_map(|&i| ctx.policy.decls.get(i))
        .collect();
    let Some(kind) = decls.first().map(|d| d.kind) else {
        return Vec::new();
    };
    let mut blocks: Vec<Block> = match kind {
        Kind::Section | Kind::Topic => {
            return indices
                .iter()
                .flat_map(|&i| declaration(ctx, i, level))
                .collect()
        }
        k if tables::is_table_kind(k) => tables::run(ctx, &decls),
        k if data::is_fact_kind(k) => data::facts(ctx, &decls),
        Kind::Comparison => decls
            .iter()
            .flat_map(|d| tables::comparison(ctx, d))
            .collect(),
        Kind::Grid => decls
            .iter()
            .flat_map(|d| tables::grid(ctx, d, prose_of(ctx, d)))
            .collect(),
        Kind::List => decls.iter().map(|d| list(d)).collect(),
        Kind::Example if ctx.examples => examples::table(ctx, &decls),
        Kind::Example => return Vec::new(),
        Kind::Calendar => return decls.iter().flat_map(|d| calendar(ctx, d)).collect(),
        Kind::Holidays => return decls.iter().flat_map(|d| holidays::set(ctx, d)).collect(),
        Kind::Rule => severity::rules(ctx, &decls),
        _ => Vec::new(),
    };
    // What a tier, a product or a rule holds of its own follows it.
    if kind != Kind::Grid {
        for decl in &decls {
            blocks.extend(body(ctx, decl, level));
        }
    }
    blocks
}

fn list(decl: &Decl) -> Block {
    use crate::model::view::{ListDecl, View};
    Block::List(
        ListDecl::of(decl)
            .and_then(|l| l.items())
            .map(<[String]>::to_vec)
            .unwrap_or_default(),
    )
}

/// A calendar: its own prose, then its hours and holidays.
fn calendar(ctx: &Ctx<'_>, decl: &Decl) -> Vec<Block> {
    let mut blocks = prose_of(ctx, decl);
    let holidays: Vec<&Decl> = decl
        .body
        .iter()
        .filter_map(|b| match b {
            Body::Decl(i) => ctx.policy.decls.get(*i),
            Body::Prose(_) => None,
        })
        .filter(|d| d.kind == Kind::Holiday)
        .collect();
    blocks.extend(data::calendar(ctx, decl, &holidays));
    blocks.extend(holidays::included(ctx, decl));
    blocks
}

/// The table of contents: every section, nested, linked to its anchor
/// (the section's id).
fn contents(policy: &Policy, numbers: &[Option<String>]) -> Vec<Block> {
    let mut lines = Vec::new();
    for (index, decl) in policy.decls.iter().enumerate() {
        if decl.kind != Kind::Section {
            continue;
        }
        let (Some(number), Some(line)) = (
            numbers.get(index).cloned().flatten(),
            heading(policy, numbers, index, section_depth(policy, index)),
        ) else {
            continue;
        };
        let text = line.trim_start_matches('#').trim_start();
        let indent = "  ".repeat(number.matches('.').count());
        lines.push(format!("{indent}- [{text}](#{})", decl.id.as_str()));
    }
    if lines.is_empty() {
        Vec::new()
    } else {
        vec![Block::Text(lines.join("\n"))]
    }
}

/// The heading level of a section's parent.
fn section_depth(policy: &Policy, index: usize) -> usize {
    let mut depth = 1;
    let mut at = policy.decls.get(index).and_then(|d| d.parent);
    while let Some(p) = at {
        depth += 1;
        at = policy.decls.get(p).and_then(|d| d.parent);
    }
    depth
}
