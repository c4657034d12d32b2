//! The diff as a pull-request comment (GitHub-flavoured Markdown).

use super::text::{declared, examples, examples_head, folded, summary};
use super::words::{word_diff, WordOp};
use super::{Class, Diff, GridView, What};
use crate::emit::escape;
use std::fmt::Write as _;

/// Text from a policy or a tickets file, safe inside a table cell: no
/// column break, no raw HTML, no link of another scheme (the document's
/// own escaping, [`escape::markdown_body`]), line breaks as `<br>`.
pub(super) fn cell(text: &str) -> String {
    escape::markdown_body(&text.replace('\\', "\\\\").replace('|', "\\|")).replace('\n', "<br>")
}

/// `text` wrapped in `mark` line by line, spaces kept outside the marks.
fn marked(text: &str, mark: &str) -> String {
    text.split('\n')
        .map(|line| {
            let trimmed = line.trim();
            if trimmed.is_empty() {
                return line.to_owned();
            }
            let start = line.len() - line.trim_start().len();
            let end = start + trimmed.len();
            format!("{}{mark}{trimmed}{mark}{}", &line[..start], &line[end..])
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A fence longer than any run of backticks in `text`.
fn fence(text: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    "`".repeat((longest + 1).max(3))
}

fn grid(out: &mut String, g: &GridView) {
    let _ = writeln!(out, "#### {} (`{}`)\n", cell(&g.title), g.id);
    let head = |p: &super::Presence| match (p.old, p.new) {
        (true, true) => cell(&p.id),
        (false, _) => format!("**{}** (added)", cell(&p.id)),
        (true, false) => format!("~~{}~~ (removed)", cell(&p.id)),
    };
    let _ = write!(out, "| * |");
    for c in &g.columns {
        let _ = write!(out, " {} |", head(c));
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "|---|{}", "---|".repeat(g.columns.len()));
    for (r, row) in g.rows.iter().zip(&g.cells) {
        let _ = write!(out, "| {} |", head(r));
        for (before, after) in row {
            let text = match (before, after) {
                (Some(a), Some(b)) if a == b => cell(a),
                (Some(a), Some(b)) => format!("**~~{}~~ {}**", cell(a), cell(b)),
                (None, Some(b)) => format!("**{}**", cell(b)),
                (Some(a), None) => format!("~~{}~~", cell(a)),
                (None, None) => String::new(),
            };
            let _ = write!(out, " {text} |");
        }
        let _ = writeln!(out);
    }
    out.push('\n');
}

/// Renders the diff as Markdown for a pull-request comment: summary counts
/// by class, the bump required against the bump declared, every change in
/// a table, the changed grids with changed cells marked `**~~old~~ new**`,
/// and prose diffs folded in `<details>`.
pub fn render_markdown(diff: &Diff) -> String {
    let mut out = String::new();
    let v = &diff.version;
    let or_none = |s: &Option<String>| s.clone().unwrap_or_else(|| "(none)".to_owned());
    let _ = writeln!(
        out,
        "## Policy diff: `{}` {} → {}\n",
        diff.policy,
        or_none(&v.old),
        or_none(&v.new)
    );
    if diff.is_empty() {
        let _ = writeln!(out, "**No semantic change.**\n");
    } else {
        let _ = writeln!(out, "**{}**\n", summary(diff));
    }
    // The mixed column only when there are mixed changes.
    let c = diff.counts;
    let (head, rule, mixed) = if c.mixed > 0 {
        (" mixed |", "---|", format!(" {} |", c.mixed))
    } else {
        ("", "", String::new())
    };
    let _ = writeln!(
        out,
        "| |{head} reduction | extension | editorial |\n|---|{rule}---|---|---|"
    );
    let _ = writeln!(
        out,
        "| changes |{mixed} {} | {} | {} |\n",
        c.reduction, c.extension, c.editorial
    );
    let _ = writeln!(out, "| | version | effective |\n|---|---|---|");
    let _ = writeln!(
        out,
        "| old | {} | {} |",
        or_none(&v.old),
        or_none(&v.old_effective)
    );
    let _ = writeln!(
        out,
        "| new | {} | {} |\n",
        or_none(&v.new),
        or_none(&v.new_effective)
    );
    let _ = writeln!(
        out,
        "Version bump required: **{}**; declared: **{}**.\n",
        diff.required_bump.name(),
        declared(diff)
    );
    if !v.violations.is_empty() {
        let _ = writeln!(out, "**Version discipline violated:**\n");
        for violation in &v.violations {
            let _ = writeln!(out, "- :x: `{}`: {}", violation.code, violation.message);
        }
        out.push('\n');
    }
    if diff.changes.iter().any(|c| !c.in_example()) {
        let _ = writeln!(out, "### Changes\n");
        let _ = writeln!(
            out,
            "| class | where | before | after | reason |\n|---|---|---|---|---|"
        );
        for change in diff.changes.iter().filter(|c| !c.in_example()) {
            let class = match change.class {
                Class::Editorial => change.class.name().to_owned(),
                other => format!("**{}**", other.name()),
            };
            let (before, after) = if matches!(change.what, What::Prose(_)) {
                ("(below)".to_owned(), "(below)".to_owned())
            } else {
                (
                    change.before.as_deref().map_or_else(String::new, cell),
                    change.after.as_deref().map_or_else(String::new, cell),
                )
            };
            let _ = writeln!(
                out,
                "| {class} | `{}` | {before} | {after} | {} |",
                cell(&change.location()).replace('`', ""),
                cell(&change.reason)
            );
        }
        out.push('\n');
    }
    let groups = examples(diff);
    if !groups.is_empty() {
        let _ = writeln!(
            out,
            "### Worked examples\n\n<details><summary>{}</summary>\n",
            examples_head(diff, groups.len())
        );
        let _ = writeln!(
            out,
            "| example | change | before | after |\n|---|---|---|---|"
        );
        for (id, changes) in &groups {
            // An example added or removed shows its title.
            let (before, after) = changes
                .iter()
                .find(|c| matches!(c.what, What::Added | What::Removed))
                .map_or((String::new(), String::new()), |c| {
                    (
                        c.before.as_deref().map_or_else(String::new, cell),
                        c.after.as_deref().map_or_else(String::new, cell),
                    )
                });
            let _ = writeln!(
                out,
                "| `{id}` | {} | {before} | {after} |",
                cell(&folded(changes))
            );
            for change in changes
                .iter()
                .filter(|c| !matches!(c.what, What::Added | What::Removed))
            {
                let what = match change.what.field() {
                    Some(field) => field.to_owned(),
                    None => change.what.tag().to_owned(),
                };
                let _ = writeln!(
                    out,
                    "| | {} | {} | {} |",
                    cell(&what),
                    change.before.as_deref().map_or_else(String::new, cell),
                    change.after.as_deref().map_or_else(String::new, cell)
                );
            }
        }
        let _ = writeln!(out, "\n</details>\n");
    }
    if !diff.grids.is_empty() {
        let _ = writeln!(out, "### Grids\n");
        for g in &diff.grids {
            grid(&mut out, g);
        }
    }
    let prose: Vec<_> = diff
        .changes
        .iter()
        .filter(|c| matches!(c.what, What::Prose(_)) && !c.in_example())
        .collect();
    if !prose.is_empty() {
        let _ = writeln!(out, "### Prose\n");
        for change in prose {
            let _ = writeln!(
                out,
                "<details><summary>{} ({})</summary>\n",
                escape::markdown_body(&change.location()),
                change.class.name()
            );
            let words = word_diff(
                change.before.as_deref().unwrap_or(""),
                change.after.as_deref().unwrap_or(""),
            );
            // The policy's prose shown as text: its HTML never goes live.
            for w in words {
                let text = escape::markdown_body(&w.text);
                out.push_str(&match w.op {
                    WordOp::Equal => text,
                    WordOp::Delete => marked(&text, "~~"),
                    WordOp::Insert => marked(&text, "**"),
                });
            }
            let _ = writeln!(out, "\n\n</details>\n");
        }
    }
    if let Some(replay) = &diff.replay {
        out.push_str(&replay.render_markdown());
    }
    if let Some(rendered) = &diff.rendered {
        let fence = fence(rendered);
        let _ = writeln!(
            out,
            "<details><summary>Rendered documents</summary>\n\n{fence}diff\n{}{fence}\n\n</details>",
            rendered
        );
    }
    out
}
