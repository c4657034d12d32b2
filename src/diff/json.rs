//! The diff as JSON, format `policyc-diff/1` (schema in the
//! [module documentation](super)).

use super::words::word_diff;
use super::{Change, Diff, What};
use serde_json::{json, Value};

fn change(c: &Change) -> Value {
    let (row, column) = match &c.what {
        What::Cell { row, column } => (Some(row.as_str()), Some(column.as_str())),
        What::RowAdded(r) | What::RowRemoved(r) => (Some(r.as_str()), None),
        What::ColumnAdded(col) | What::ColumnRemoved(col) => (None, Some(col.as_str())),
        _ => (None, None),
    };
    let item = match &c.what {
        What::ItemAdded { item, .. } | What::ItemRemoved { item, .. } => Some(item.as_str()),
        _ => None,
    };
    let words = matches!(c.what, What::Prose(_)).then(|| {
        word_diff(
            c.before.as_deref().unwrap_or(""),
            c.after.as_deref().unwrap_or(""),
        )
        .into_iter()
        .map(|w| json!({ "op": w.op.name(), "text": w.text }))
        .collect::<Vec<_>>()
    });
    json!({
        "class": c.class.name(),
        "uncertain": c.uncertain,
        "reason": c.reason,
        "change": c.what.tag(),
        "kind": c.kind.name(),
        "id": c.id,
        "title": c.title,
        "field": c.what.field(),
        "row": row,
        "column": column,
        "item": item,
        "before": c.before,
        "after": c.after,
        "words": words,
    })
}

/// Renders the diff as pretty-printed JSON, with a final newline.
pub fn render_json(diff: &Diff) -> String {
    let v = &diff.version;
    let side = |version: &Option<String>, effective: &Option<String>| json!({ "version": version, "effective": effective });
    let value = json!({
        "format": "policyc-diff/1",
        "policy": diff.policy,
        "old": side(&v.old, &v.old_effective),
        "new": side(&v.new, &v.new_effective),
        "summary": {
            "total": diff.counts.total(),
            "mixed": diff.counts.mixed,
            "reduction": diff.counts.reduction,
            "extension": diff.counts.extension,
            "editorial": diff.counts.editorial,
            "examples": diff.counts.examples,
        },
        "required_bump": diff.required_bump.name(),
        "declared_bump": v.declared.map(|b| b.name()),
        "violations": v.violations.iter().map(|x| json!({ "code": x.code, "message": x.message })).collect::<Vec<_>>(),
        "changes": diff.changes.iter().map(change).collect::<Vec<_>>(),
        "replay": diff.replay.as_ref().map(|r| r.to_json()),
        "rendered": diff.rendered,
    });
    let mut out = serde_json::to_string_pretty(&value).unwrap_or_default();
    out.push('\n');
    out
}
