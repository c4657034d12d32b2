//! The "what changed" page between two consecutive versions, from the
//! semantic diff: the changes by class, most serious first, each with why
//! it has its class and a link to its section in the new version; grids
//! with their changed cells marked, prose as a word diff, other values
//! before and after. Changes within worked examples only with `--examples`.

use super::layout::{self, Page};
use super::versions::Version;
use super::{html, pictures, Options};
use crate::diff::{self, Change, Class, Diff, GridView, What, WordOp};
use crate::emit::markdown::ProseRenderer;
use crate::facts::Valid;
use crate::schema::Kind;
use std::collections::{BTreeMap, BTreeSet};

/// The page's file name in the policy's folder.
pub fn file(old: &Version<'_>, new: &Version<'_>) -> String {
    format!("changes-{}-to-{}.html", old.name(), new.name())
}

/// A class's heading.
fn heading(class: Class) -> &'static str {
    match class {
        Class::Mixed => "Mixed: later for some, earlier for others",
        Class::Reduction => "Reductions: less for the customer",
        Class::Extension => "Extensions: more for the customer",
        Class::Editorial => "Editorial: wording only",
    }
}

/// The id of the section a declaration is in (itself, when a section).
fn section_of(valid: &Valid, id: &str) -> Option<String> {
    let policy = valid.policy();
    let mut at = policy.decls.iter().position(|d| d.id.as_str() == id)?;
    loop {
        let decl = policy.decls.get(at)?;
        if decl.kind == Kind::Section {
            return Some(decl.id.as_str().to_owned());
        }
        at = decl.parent?;
    }
}

/// Both versions' documents, for values written as their tables write
/// them.
struct Renderers<'a> {
    old: ProseRenderer<'a>,
    new: ProseRenderer<'a>,
}

impl Renderers<'_> {
    /// A row or column of a grid as the documents label it.
    fn label(&self, id: &str) -> String {
        self.new
            .label(id)
            .or_else(|| self.old.label(id))
            .unwrap_or_else(|| id.to_owned())
    }

    /// A value as written in the policy, with a list of declared ids
    /// (`[web, email]`) written as the documents name them (`Web, Email`).
    fn value(&self, text: &str) -> String {
        let Some(inner) = text.strip_prefix('[').and_then(|t| t.strip_suffix(']')) else {
            // A declaration named by its id (a parent, a reference).
            return match html::is_id(text) {
                true => self
                    .new
                    .label(text)
                    .or_else(|| self.old.label(text))
                    .unwrap_or_else(|| text.to_owned()),
                false => text.to_owned(),
            };
        };
        if inner.trim().is_empty() {
            return "none".to_owned();
        }
        let names: Option<Vec<String>> = inner
            .split(',')
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(|item| self.new.label(item).or_else(|| self.old.label(item)))
            .collect();
        match names {
            Some(names) if !names.is_empty() => names.join(", "),
            _ => text.to_owned(),
        }
    }

    /// A cell before and after, as each document writes it; the value as
    /// written in the policy where a document has no such cell.
    fn cell(
        &self,
        grid: &str,
        row: &str,
        column: &str,
        raw: (Option<String>, Option<String>),
    ) -> (Option<String>, Option<String>) {
        let before = raw
            .0
            .map(|b| self.old.grid_cell(grid, row, column).unwrap_or(b));
        let after = raw
            .1
            .map(|a| self.new.grid_cell(grid, row, column).unwrap_or(a));
        (before, after)
    }
}

/// A grid with its changed cells, rows and columns marked.
fn grid(names: &Renderers<'_>, view: &GridView) -> String {
    let mut out = format!(
        "<div class=\"table\" id=\"grid-{}\"><table>\n<caption>{}</caption>\n<thead>\n<tr><td></td>",
        html::attr(&view.id),
        html::text(&view.title)
    );
    for column in &view.columns {
        let mark = presence(column.old, column.new);
        out.push_str(&format!(
            "<th scope=\"col\"{}>{}</th>",
            if mark.is_empty() {
                ""
            } else {
                " class=\"changed\""
            },
            mark_text(&names.label(&column.id), mark)
        ));
    }
    out.push_str("</tr>\n</thead>\n<tbody>\n");
    for (r, row) in view.rows.iter().enumerate() {
        let row_id = row.id.as_str();
        let mark = presence(row.old, row.new);
        out.push_str(&format!(
            "<tr><th scope=\"row\"{}>{}</th>",
            if mark.is_empty() {
                ""
            } else {
                " class=\"changed\""
            },
            mark_text(&names.label(&row.id), mark)
        ));
        for (c, column) in view.columns.iter().enumerate() {
            let raw = view
                .cells
                .get(r)
                .and_then(|cells| cells.get(c))
                .cloned()
                .unwrap_or_default();
            let same = raw.0 == raw.1;
            let (before, after) = names.cell(&view.id, row_id, &column.id, raw);
            if same {
                out.push_str(&format!(
                    "<td>{}</td>",
                    html::text(after.as_deref().unwrap_or(""))
                ));
                continue;
            }
            out.push_str("<td class=\"changed\">");
            if let Some(b) = &before {
                out.push_str(&format!("<del>{}</del>", html::text(b)));
            }
            if before.is_some() && after.is_some() {
                out.push(' ');
            }
            if let Some(a) = &after {
                out.push_str(&format!("<ins>{}</ins>", html::text(a)));
            }
            out.push_str("</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table></div>\n");
    out
}

/// `added`, `removed` or nothing, for a row or column.
fn presence(old: bool, new: bool) -> &'static str {
    match (old, new) {
        (false, true) => "added",
        (true, false) => "removed",
        _ => "",
    }
}

fn mark_text(title: &str, mark: &str) -> String {
    match mark {
        "added" => format!("<ins>{}</ins> (added)", html::text(title)),
        "removed" => format!("<del>{}</del> (removed)", html::text(title)),
        _ => html::text(title),
    }
}

/// A prose change as a word diff.
fn words(before: &str, after: &str) -> String {
    let mut out = String::from("<p class=\"words\">");
    for w in diff::word_diff(before, after) {
        let text = html::text(&w.text);
        match w.op {
            WordOp::Equal => out.push_str(&text),
            WordOp::Delete => out.push_str(&format!("<del>{text}</del>")),
            WordOp::Insert => out.push_str(&format!("<ins>{text}</ins>")),
        }
    }
    out.push_str("</p>\n");
    out
}

fn before_after(change: &Change, names: &Renderers<'_>) -> String {
    let (before, after) = match &change.what {
        What::Cell { row, column } => names.cell(
            &change.id,
            row,
            column,
            (change.before.clone(), change.after.clone()),
        ),
        _ => (
            change.before.as_deref().map(|b| names.value(b)),
            change.after.as_deref().map(|a| names.value(a)),
        ),
    };
    let mut out = String::from("<dl class=\"facts\">");
    if let Some(b) = &before {
        out.push_str(&format!(
            "<dt>Before</dt><dd><del>{}</del></dd>",
            html::text(b)
        ));
    }
    if let Some(a) = &after {
        out.push_str(&format!(
            "<dt>After</dt><dd><ins>{}</ins></dd>",
            html::text(a)
        ));
    }
    out.push_str("</dl>\n");
    out
}

struct Ctx<'c, 'a> {
    old: &'c Version<'a>,
    new: &'c Version<'a>,
    diff: &'c Diff,
    names: Renderers<'c>,
    heatmaps: BTreeMap<usize, String>,
    grids_shown: BTreeSet<String>,
}

/// One change.
fn change(ctx: &mut Ctx<'_, '_>, index: usize, change: &Change) -> String {
    let mut out = format!(
        "<section class=\"change {}\" aria-labelledby=\"change-{index}\">\n<h3 id=\"change-{index}\">{}</h3>\n",
        change.class.name(),
        html::text(&change.title)
    );
    let section = section_of(ctx.new.valid, &change.id)
        .map(|s| (ctx.new, s))
        .or_else(|| section_of(ctx.old.valid, &change.id).map(|s| (ctx.old, s)));
    let link = match section {
        Some((v, s)) if html::is_id(&s) => format!(
            " · <a href=\"{}#{s}\">in {}</a>",
            html::attr(&v.file()),
            html::text(&v.name())
        ),
        _ => String::new(),
    };
    out.push_str(&format!(
        "<p class=\"where\"><code>{}</code>{link}</p>\n",
        html::text(&change.location())
    ));
    let class = if change.uncertain {
        format!("{} (direction uncertain)", change.class.name())
    } else {
        change.class.name().to_owned()
    };
    out.push_str(&format!(
        "<p><strong>{}</strong>: {}</p>\n",
        html::text(&class),
        html::with_code(&change.reason)
    ));
    match &change.what {
        What::Prose(_) => {
            out.push_str(&words(
                change.before.as_deref().unwrap_or(""),
                change.after.as_deref().unwrap_or(""),
            ));
        }
        What::Cell { .. }
        | What::RowAdded(_)
        | What::RowRemoved(_)
        | What::ColumnAdded(_)
        | What::ColumnRemoved(_) => {
            let view = ctx.diff.grids.iter().find(|g| g.id == change.id);
            match view {
                Some(view) if ctx.grids_shown.insert(view.id.clone()) => {
                    out.push_str(&before_after(change, &ctx.names));
                    out.push_str(&grid(&ctx.names, view));
                }
                Some(view) => {
                    out.push_str(&before_after(change, &ctx.names));
                    out.push_str(&format!(
                        "<p><a href=\"#grid-{}\">The table with every change marked</a></p>\n",
                        html::attr(&view.id)
                    ));
                }
                None => out.push_str(&before_after(change, &ctx.names)),
            }
        }
        // The title says what came or went; the reason, what it held.
        What::Added | What::Removed => {}
        _ => out.push_str(&before_after(change, &ctx.names)),
    }
    if let Some(svg) = ctx.heatmaps.get(&index) {
        out.push_str("<figure class=\"picture\">");
        out.push_str(svg);
        out.push_str("</figure>\n");
    }
    out.push_str("</section>\n");
    out
}

/// The page of the changes from `versions[old]` to `versions[new]`, and
/// its path in the site.
pub fn page(
    versions: &[Version<'_>],
    old: usize,
    new: usize,
    options: &Options,
) -> Option<(String, String)> {
    let (o, n) = (versions.get(old)?, versions.get(new)?);
    let diff = diff::diff(o.valid, n.valid);
    let mut ctx = Ctx {
        old: o,
        new: n,
        diff: &diff,
        names: Renderers {
            old: ProseRenderer::new(o.valid),
            new: ProseRenderer::new(n.valid),
        },
        heatmaps: pictures::heatmaps(o.valid, n.valid, &diff.changes)
            .into_iter()
            .collect(),
        grids_shown: BTreeSet::new(),
    };
    let mut main = format!(
        "<h1>What changed in {}: {} to {}</h1>\n",
        html::text(n.title()),
        html::text(&o.name()),
        html::text(&n.name())
    );
    let date = |v: &Version<'_>| {
        v.effective.map_or_else(
            || "no effective date".to_owned(),
            |d| format!("effective {}", d.format("%Y-%m-%d")),
        )
    };
    main.push_str(&format!(
        "<p><a href=\"{}\">{}</a> ({}) to <a href=\"{}\">{}</a> ({}).</p>\n",
        html::attr(&o.file()),
        html::text(&o.name()),
        date(o),
        html::attr(&n.file()),
        html::text(&n.name()),
        date(n)
    ));
    let shown: Vec<(usize, &Change)> = diff
        .changes
        .iter()
        .enumerate()
        .filter(|(_, c)| options.examples || !c.in_example())
        .collect();
    let declared = diff
        .version
        .declared
        .map_or("none (lower or unreadable)", |b| b.name());
    main.push_str(&format!(
        "<p>{}. Version bump required: {}; declared: {}.</p>\n",
        html::text(&diff.summary()),
        diff.required_bump.name(),
        declared
    ));
    if !diff.version.violations.is_empty() {
        main.push_str("<p>This version breaks the version rules:</p>\n<ul>\n");
        for v in &diff.version.violations {
            main.push_str(&format!("<li>{}</li>\n", html::text(&v.message)));
        }
        main.push_str("</ul>\n");
    }
    if shown.is_empty() {
        main.push_str("<p>No change in meaning or wording.</p>\n");
    }
    for class in Class::ALL {
        let of_class: Vec<&(usize, &Change)> = shown
            .iter()
            .filter(|(_, c)| c.class == class && !c.in_example())
            .collect();
        if of_class.is_empty() {
            continue;
        }
        main.push_str(&format!(
            "<h2>{} ({})</h2>\n",
            heading(class),
            of_class.len()
        ));
        for (i, c) in of_class {
            main.push_str(&change(&mut ctx, *i, c));
        }
    }
    let examples: Vec<&(usize, &Change)> = shown.iter().filter(|(_, c)| c.in_example()).collect();
    if !examples.is_empty() {
        main.push_str(&format!("<h2>Worked examples ({})</h2>\n", examples.len()));
        for (i, c) in examples {
            main.push_str(&change(&mut ctx, *i, c));
        }
    }
    let header = format!(
        "<p><strong>{}</strong>: changes</p>\n",
        html::text(n.title())
    );
    let bar = layout::switcher(versions, None);
    let title = format!("{}: {} to {}", n.title(), o.name(), n.name());
    let marker = layout::marker(
        &n.meta.policyc_version,
        &format!(
            "{} and {} (source fnv1a {} and {})",
            o.meta.source, n.meta.source, o.meta.source_hash, n.meta.source_hash
        ),
    );
    let html = layout::page(&Page {
        title: &title,
        root: "../",
        marker: &marker,
        header,
        bar,
        main,
        today: options.today,
        script: false,
    });
    Some((format!("{}/{}", n.meta.policy_id, file(o, n)), html))
}
