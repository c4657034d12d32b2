//! The diff for a terminal.

use super::words::{condensed, word_diff, WordOp};
use super::{Change, Class, Diff, What};
use std::fmt::Write as _;

const RESET: &str = "\x1b[0m";

fn paint(color: bool, code: &str, text: &str) -> String {
    if color {
        format!("\x1b[{code}m{text}{RESET}")
    } else {
        text.to_owned()
    }
}

fn class_code(class: Class) -> &'static str {
    match class {
        Class::Mixed => "1;35",
        Class::Reduction => "1;31",
        Class::Extension => "1;32",
        Class::Editorial => "36",
    }
}

/// `before → after`, `added: after`, `removed: before`.
pub(super) fn values(change: &Change) -> String {
    match &change.what {
        What::Added | What::RowAdded(_) | What::ColumnAdded(_) => {
            return format!("added: {}", change.after.as_deref().unwrap_or(""));
        }
        What::Removed | What::RowRemoved(_) | What::ColumnRemoved(_) => {
            return format!("removed: {}", change.before.as_deref().unwrap_or(""));
        }
        What::ItemAdded { item, .. } => return format!("added: {item}"),
        What::ItemRemoved { item, .. } => return format!("removed: {item}"),
        _ => {}
    }
    match (&change.before, &change.after) {
        (Some(a), Some(b)) => format!("{a} → {b}"),
        (None, Some(b)) => format!("(none) → {b}"),
        (Some(a), None) => format!("{a} → (none)"),
        (None, None) => String::new(),
    }
}

/// The summary line: `3 changes: 1 reduction, 1 extension, 1 editorial`.
pub(super) fn summary(diff: &Diff) -> String {
    let c = diff.counts;
    let n = c.total();
    let examples = match c.examples {
        0 => String::new(),
        1 => " (1 in a worked example)".to_owned(),
        e => format!(" ({e} in worked examples)"),
    };
    // Mixed changes are named only when there are some.
    let mixed = if c.mixed > 0 {
        format!("{} mixed, ", c.mixed)
    } else {
        String::new()
    };
    format!(
        "{n} {}: {mixed}{} {}, {} {}, {} editorial{examples}",
        if n == 1 { "change" } else { "changes" },
        c.reduction,
        if c.reduction == 1 {
            "reduction"
        } else {
            "reductions"
        },
        c.extension,
        if c.extension == 1 {
            "extension"
        } else {
            "extensions"
        },
        c.editorial,
    )
}

/// The changes within worked examples, by example in order of first
/// appearance: `(id, changes)`.
pub(super) fn examples(diff: &Diff) -> Vec<(&str, Vec<&Change>)> {
    let mut groups: Vec<(&str, Vec<&Change>)> = Vec::new();
    for change in diff.changes.iter().filter(|c| c.in_example()) {
        match groups.iter_mut().find(|(id, _)| *id == change.id) {
            Some((_, changes)) => changes.push(change),
            None => groups.push((&change.id, vec![change])),
        }
    }
    groups
}

/// One example's changes folded: `added`, `removed`, `title, due changed`.
pub(super) fn folded(changes: &[&Change]) -> String {
    if let Some(c) = changes
        .iter()
        .find(|c| matches!(c.what, What::Added | What::Removed))
    {
        return c.what.tag().to_owned();
    }
    let mut parts: Vec<String> = Vec::new();
    for c in changes {
        let part = match &c.what {
            What::Title => "title".to_owned(),
            What::Prose(None) => "prose".to_owned(),
            What::Moved => "placement".to_owned(),
            other => other.field().unwrap_or("value").to_owned(),
        };
        if !parts.contains(&part) {
            parts.push(part);
        }
    }
    format!("{} changed", parts.join(", "))
}

/// The head of the worked examples' group: `14 changes in 8 worked
/// examples`.
pub(super) fn examples_head(diff: &Diff, groups: usize) -> String {
    let n = diff.counts.examples;
    format!(
        "{n} {} in {groups} worked {}",
        if n == 1 { "change" } else { "changes" },
        if groups == 1 { "example" } else { "examples" }
    )
}

/// The declared bump in words.
pub(super) fn declared(diff: &Diff) -> String {
    diff.version.declared.map_or_else(
        || "unknown (lower or unreadable)".to_owned(),
        |b| b.name().to_owned(),
    )
}

/// Renders the diff for a terminal; ANSI colour when `color`.
pub fn render_text(diff: &Diff, color: bool) -> String {
    let mut out = String::new();
    let v = &diff.version;
    let or_none = |s: &Option<String>| s.clone().unwrap_or_else(|| "(none)".to_owned());
    let _ = writeln!(
        out,
        "policy {}: version {} → {}, effective {} → {}",
        diff.policy,
        or_none(&v.old),
        or_none(&v.new),
        or_none(&v.old_effective),
        or_none(&v.new_effective)
    );
    if diff.is_empty() {
        let _ = writeln!(out, "no semantic change");
    } else {
        let _ = writeln!(out, "{}", summary(diff));
    }
    let _ = writeln!(
        out,
        "version bump required: {}; declared: {}",
        diff.required_bump.name(),
        declared(diff)
    );
    for violation in &v.violations {
        let _ = writeln!(
            out,
            "{} [{}] {}",
            paint(color, "1;31", "violation"),
            violation.code,
            violation.message
        );
    }
    if !diff.changes.is_empty() {
        out.push('\n');
    }
    for change in diff.changes.iter().filter(|c| !c.in_example()) {
        let class = format!("{:<10}", change.class.name());
        let mut head = format!(
            "{} {}",
            paint(color, class_code(change.class), &class),
            change.location()
        );
        let prose = matches!(change.what, What::Prose(_));
        if !prose {
            let _ = write!(head, ": {}", values(change));
        }
        let _ = writeln!(out, "{head}");
        let _ = writeln!(out, "{:11}{}", "", change.reason);
        if prose {
            let words = word_diff(
                change.before.as_deref().unwrap_or(""),
                change.after.as_deref().unwrap_or(""),
            );
            let mut line = String::new();
            for w in condensed(&words, 6) {
                line.push_str(&match w.op {
                    WordOp::Equal => w.text.clone(),
                    WordOp::Delete => paint(color, "31", &format!("[-{}-]", w.text)),
                    WordOp::Insert => paint(color, "32", &format!("{{+{}+}}", w.text)),
                });
            }
            for l in line.lines() {
                let _ = writeln!(out, "{:11}{l}", "");
            }
        }
    }
    let groups = examples(diff);
    if !groups.is_empty() {
        let _ = writeln!(
            out,
            "\n{} (`policyc test` checks each against its policy):",
            examples_head(diff, groups.len())
        );
        for (id, changes) in &groups {
            let _ = writeln!(out, "  example {id}: {}", folded(changes));
        }
    }
    if let Some(replay) = &diff.replay {
        out.push('\n');
        out.push_str(&replay.render_text());
    }
    if let Some(rendered) = &diff.rendered {
        out.push_str("\nrendered documents:\n");
        out.push_str(rendered);
    }
    out
}
