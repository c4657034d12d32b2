//! Walking two models side by side, keyed by id.

use super::classify::{self, ListRule, Verdict};
use super::{Change, GridView, Presence, What};
use crate::emit::markdown::ProseRenderer;
use crate::facts::Valid;
use crate::model::view::{GridDecl, View};
use crate::model::{Body, Decl, Grid, Policy, Prose, ProsePart, Value};
use crate::schema::fields::{holiday, policy};
use crate::schema::{CellType, Kind};
use crate::value_text::show;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;

/// Header fields the version checks read; not changes themselves.
const VERSION_FIELDS: [&str; 3] = [policy::VERSION, policy::EFFECTIVE, policy::UPDATED];

/// Every change from `old` to `new`, and views of the grids that changed.
pub fn compare(old_valid: &Valid, new_valid: &Valid) -> (Vec<Change>, Vec<GridView>) {
    let (old, new) = (old_valid.policy(), new_valid.policy());
    let mut cx = Cx {
        old,
        new,
        rendered: [ProseRenderer::new(old_valid), ProseRenderer::new(new_valid)],
        changes: Vec::new(),
        grids: Vec::new(),
    };
    if let (Some(a), Some(b)) = (old.header(), new.header()) {
        cx.decl(a, b);
    }
    for d in &new.decls {
        if d.kind == Kind::Policy {
            continue;
        }
        match old.get(&d.id.value) {
            Some(o) if o.kind == d.kind => cx.decl(o, d),
            _ if absorbed(new, old, d) => {}
            _ => cx.presence(new, old, d, true),
        }
    }
    for d in &old.decls {
        if d.kind == Kind::Policy || present(new, d) || absorbed(old, new, d) {
            continue;
        }
        cx.presence(old, new, d, false);
    }
    (cx.changes, cx.grids)
}

/// Whether `d` (of `p`) is in `other`, by id and kind.
fn present(other: &Policy, d: &Decl) -> bool {
    other
        .get(&d.id.value)
        .is_some_and(|o| o.kind == d.kind && d.kind != Kind::Policy)
}

/// The parent of `d`, unless it is the policy header.
fn parent<'p>(p: &'p Policy, d: &Decl) -> Option<&'p Decl> {
    d.parent
        .and_then(|i| p.decls.get(i))
        .filter(|parent| parent.kind != Kind::Policy)
}

/// Whether `d`, added or removed with its parent, is reported only
/// through it: wording (a topic, an example, a claim, ...) and the
/// holidays of a calendar or holiday set (the calendar is judged whole, a
/// set through the calendars' `holidays:`). What grants or takes something
/// (a tier, a phase, a rule, a grid, ...) is listed on its own.
fn absorbed(p: &Policy, other: &Policy, d: &Decl) -> bool {
    parent(p, d).is_some_and(|parent| {
        !present(other, parent)
            && (classify::presence(d.kind, true).class == super::Class::Editorial
                || matches!(parent.kind, Kind::Calendar | Kind::Holidays))
    })
}

/// The declarations listed with `root`, added or removed with it: its
/// descendants in `p` that are not [`absorbed`].
fn listed_with<'p>(p: &'p Policy, other: &Policy, root: &Decl) -> Vec<&'p Decl> {
    let Some(index) = p.decls.iter().position(|d| std::ptr::eq(d, root)) else {
        return Vec::new();
    };
    let inside = |d: &Decl| {
        let mut at = d.parent;
        // Parents come before their children: the walk ends.
        while let Some(i) = at {
            if i == index {
                return true;
            }
            at = p.decls.get(i).and_then(|d| d.parent);
        }
        false
    };
    p.decls
        .iter()
        .filter(|d| !present(other, d) && !absorbed(p, other, d) && inside(d))
        .collect()
}

/// `4 phases, 1 rule`.
fn kinds_held(decls: &[&Decl]) -> String {
    let mut counts: Vec<(Kind, usize)> = Vec::new();
    for d in decls {
        match counts.iter_mut().find(|(k, _)| *k == d.kind) {
            Some((_, n)) => *n += 1,
            None => counts.push((d.kind, 1)),
        }
    }
    counts
        .iter()
        .map(|(kind, n)| {
            let name = kind.name();
            match (*n, name.ends_with('s')) {
                (1, _) => format!("1 {name}"),
                (n, true) => format!("{n} {name}es"),
                (n, false) => format!("{n} {name}s"),
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

struct Cx<'a> {
    old: &'a Policy,
    new: &'a Policy,
    /// Prose as each side's document renders it: old, new.
    rendered: [ProseRenderer<'a>; 2],
    changes: Vec<Change>,
    grids: Vec<GridView>,
}

/// A value with its note, as written.
fn written(value: &Value, note: Option<&String>) -> String {
    let text = match value {
        Value::Prose(p) => prose_text(p),
        Value::Text(t) => t.clone(),
        other => show(other),
    };
    match note {
        Some(n) => format!("{text} ({n})"),
        None => text,
    }
}

/// A prose block as written, interpolations included.
pub fn prose_text(prose: &Prose) -> String {
    prose
        .parts
        .iter()
        .map(|part| match part {
            ProsePart::Text(t) => t.clone(),
            ProsePart::Value(interpolation) => interpolation.to_string(),
        })
        .collect()
}

/// A declaration's own prose blocks, each written by `write`, joined by
/// blank lines.
fn own_prose(decl: &Decl, write: impl Fn(&Prose) -> String) -> String {
    decl.body
        .iter()
        .filter_map(|b| match b {
            Body::Prose(p) => Some(write(p)),
            Body::Decl(_) => None,
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// A text or prose value as the document renders it.
fn rendered_text(renderer: &ProseRenderer<'_>, value: &Value) -> Option<String> {
    match value {
        Value::Text(t) => Some(t.clone()),
        Value::Prose(p) => Some(renderer.render(p)),
        _ => None,
    }
}

fn parent_id(policy: &Policy, decl: &Decl) -> String {
    decl.parent
        .and_then(|i| policy.decls.get(i))
        .map_or_else(|| "(top level)".to_owned(), |p| p.id.value.clone())
}

fn cell_type(decl: &Decl) -> Option<CellType> {
    GridDecl::of(decl)?.cells()
}

fn label(kind: Kind, field: &str) -> String {
    kind.field(field)
        .map_or(field, |spec| spec.label)
        .to_lowercase()
}

impl Cx<'_> {
    fn push(
        &mut self,
        decl: &Decl,
        what: What,
        verdict: Verdict,
        before: Option<String>,
        after: Option<String>,
    ) {
        self.changes.push(Change {
            class: verdict.class,
            uncertain: verdict.uncertain,
            reason: verdict.reason,
            kind: decl.kind,
            id: decl.id.value.clone(),
            title: decl.display().to_owned(),
            what,
            before,
            after,
        });
    }

    /// `decl` (of `p`) added or removed: classed by what it holds. The
    /// declarations added or removed with it that grant or take something
    /// (each listed on its own) give it their class when they agree, and
    /// make it a change that cannot be told when they do not.
    fn presence(&mut self, p: &Policy, other: &Policy, decl: &Decl, added: bool) {
        let own = classify::presence(decl.kind, added);
        let held = listed_with(p, other, decl);
        // Listed with the declaration it came or went with.
        let with = parent(p, decl)
            .filter(|parent| !present(other, parent))
            .map(|_| {
                let mut top = decl;
                while let Some(up) = parent(p, top).filter(|up| !present(other, up)) {
                    top = up;
                }
                top
            });
        let verdict = if held.is_empty() && with.is_none() {
            own
        } else {
            let verdicts: Vec<Verdict> = std::iter::once(own.clone())
                .filter(|v| v.class != super::Class::Editorial)
                .chain(held.iter().map(|d| classify::presence(d.kind, added)))
                .collect();
            let mut reason = format!(
                "{} {}",
                decl.kind.name(),
                if added { "added" } else { "removed" }
            );
            if !held.is_empty() {
                let _ = write!(reason, " with {} (each listed)", kinds_held(&held));
            }
            if let Some(top) = with {
                let _ = write!(reason, ", with {} {}", top.kind.name(), top.id.value);
            }
            match verdicts.first() {
                None => Verdict::editorial(reason),
                Some(first)
                    if verdicts
                        .iter()
                        .all(|v| !v.uncertain && v.class == first.class) =>
                {
                    Verdict {
                        class: first.class,
                        uncertain: false,
                        reason,
                    }
                }
                // Both ways, or a part that cannot be told.
                Some(_) => Verdict::cannot_tell(&reason),
            }
        };
        let shown = Some(match (decl.kind, decl.value(holiday::ON)) {
            (Kind::Holiday, Some(on)) => format!("{} ({})", decl.display(), show(on)),
            _ => decl.display().to_owned(),
        });
        let (what, before, after) = if added {
            (What::Added, None, shown)
        } else {
            (What::Removed, shown, None)
        };
        self.push(decl, what, verdict, before, after);
    }

    fn decl(&mut self, old: &Decl, new: &Decl) {
        // Placement.
        let (from, to) = (parent_id(self.old, old), parent_id(self.new, new));
        if from != to && new.kind != Kind::Policy {
            let verdict = if new.kind == Kind::Holiday {
                Verdict::cannot_tell("holiday moved to another calendar")
            } else {
                Verdict::editorial("moved in the document")
            };
            self.push(new, What::Moved, verdict, Some(from), Some(to));
        }
        // Title.
        let (t0, t1) = (
            old.title.as_ref().map(|t| t.value.clone()),
            new.title.as_ref().map(|t| t.value.clone()),
        );
        if t0 != t1 {
            self.push(
                new,
                What::Title,
                Verdict::editorial("title reworded"),
                t0,
                t1,
            );
        }
        // Fields.
        let names: BTreeSet<&str> = old
            .fields
            .keys()
            .chain(new.fields.keys())
            .copied()
            .collect();
        for name in names {
            if new.kind == Kind::Policy && VERSION_FIELDS.contains(&name) {
                continue;
            }
            self.field(old, new, name);
        }
        // Prose: a change of the source that a reader sees, shown as
        // rendered (an interpolation that writes the words it replaces is
        // no change).
        let (p0, p1) = (own_prose(old, prose_text), own_prose(new, prose_text));
        let rendered = (
            own_prose(old, |p| self.rendered[0].render(p)),
            own_prose(new, |p| self.rendered[1].render(p)),
        );
        if p0 != p1 && rendered.0 != rendered.1 {
            let (p0, p1) = rendered;
            let verdict = Verdict::editorial("prose reworded");
            let shown = |p: String| (!p.is_empty()).then_some(p);
            self.push(new, What::Prose(None), verdict, shown(p0), shown(p1));
        }
        // Cells.
        if let (Some(a), Some(b)) = (&old.grid, &new.grid) {
            self.grid(old, new, a, b);
        }
    }

    fn field(&mut self, old: &Decl, new: &Decl, name: &str) {
        let (a, b) = (old.fields.get(name), new.fields.get(name));
        let kind = new.kind;
        let label = label(kind, name);
        match (a, b) {
            (Some(a), Some(b)) if a.value == b.value && a.note == b.note => {}
            (Some(a), Some(b)) if a.value == b.value => {
                let what = What::Field(name.to_owned());
                let verdict = Verdict::editorial(format!("note on {label} reworded"));
                let (x, y) = (
                    written(&a.value, a.note.as_ref()),
                    written(&b.value, b.note.as_ref()),
                );
                self.push(new, what, verdict, Some(x), Some(y));
            }
            (Some(a), Some(b))
                if classify::is_item_list(&a.value) && classify::is_item_list(&b.value) =>
            {
                self.list(new, name, &label, &a.value, &b.value);
            }
            (Some(a), Some(b))
                if a.note == b.note
                    && rendered_text(&self.rendered[0], &a.value)
                        .is_some_and(|x| Some(x) == rendered_text(&self.rendered[1], &b.value)) => {
            }
            (Some(a), Some(b)) => {
                let verdict = classify::value(kind, name, &label, &a.value, &b.value);
                let both = (
                    rendered_text(&self.rendered[0], &a.value),
                    rendered_text(&self.rendered[1], &b.value),
                );
                let (x, y, what) = if let (Some(x), Some(y)) = both {
                    let with_note = |text: String, note: Option<&String>| match note {
                        Some(n) => format!("{text} ({n})"),
                        None => text,
                    };
                    (
                        with_note(x, a.note.as_ref()),
                        with_note(y, b.note.as_ref()),
                        What::Prose(Some(name.to_owned())),
                    )
                } else {
                    (
                        written(&a.value, a.note.as_ref()),
                        written(&b.value, b.note.as_ref()),
                        What::Field(name.to_owned()),
                    )
                };
                self.push(new, what, verdict, Some(x), Some(y));
            }
            (None, None) => {}
            (a, b) => {
                // A field present on one side only: compare with what its
                // absence means, where that is known.
                let value = a.or(b).map(|f| &f.value);
                if let Some(verdict) = classify::field_presence(kind, name, &label, b.is_some()) {
                    let x = a.map(|f| written(&f.value, f.note.as_ref()));
                    let y = b.map(|f| written(&f.value, f.note.as_ref()));
                    self.push(new, What::Field(name.to_owned()), verdict, x, y);
                    return;
                }
                let verdict = match value {
                    Some(v) if classify::is_item_list(v) => {
                        let empty = empty_like(v);
                        let (x, y) = if a.is_some() {
                            (v, &empty)
                        } else {
                            (&empty, v)
                        };
                        self.list(new, name, &label, x, y);
                        return;
                    }
                    Some(Value::Text(_) | Value::Prose(_)) => Verdict::editorial(format!(
                        "{label} {}",
                        if a.is_some() { "removed" } else { "added" }
                    )),
                    _ if classify::editorial_kind(kind) => Verdict::editorial(format!(
                        "{label} {}",
                        if a.is_some() { "removed" } else { "added" }
                    )),
                    _ => Verdict::cannot_tell(&format!(
                        "{label} {}",
                        if a.is_some() { "removed" } else { "added" }
                    )),
                };
                let x = a.map(|f| written(&f.value, f.note.as_ref()));
                let y = b.map(|f| written(&f.value, f.note.as_ref()));
                self.push(new, What::Field(name.to_owned()), verdict, x, y);
            }
        }
    }

    /// A list field compared item by item.
    fn list(&mut self, decl: &Decl, name: &str, label: &str, a: &Value, b: &Value) {
        let items = |v: &Value| -> Vec<String> {
            match v {
                Value::Refs(ids) => ids.iter().map(|i| i.value.clone()).collect(),
                Value::Texts(t) => t.iter().map(|t| show(&Value::Text(t.clone()))).collect(),
                Value::Dates(d) => d.iter().map(|d| d.format("%Y-%m-%d").to_string()).collect(),
                other => vec![show(other)],
            }
        };
        let (x, y) = (items(a), items(b));
        let (before, after) = (
            Some(format!("[{}]", x.join(", "))),
            Some(format!("[{}]", y.join(", "))),
        );
        let rule = classify::list_rule(decl.kind, name, b);
        let (xs, ys): (HashSet<&String>, HashSet<&String>) =
            (x.iter().collect(), y.iter().collect());
        if rule == ListRule::Editorial || xs == ys {
            let reason = if xs == ys {
                format!("{label}: same items, another order")
            } else {
                format!("{label} reworded")
            };
            self.push(
                decl,
                What::Field(name.to_owned()),
                Verdict::editorial(reason),
                before,
                after,
            );
            return;
        }
        // "support access: `live-support` added", not a made-up singular.
        let noun = format!("{label}:");
        for item in x.iter().filter(|i| !ys.contains(i)) {
            let reason = format!("{noun} {item} removed");
            let verdict = if rule == ListRule::AddBetter {
                Verdict::reduction(reason)
            } else {
                Verdict::extension(reason)
            };
            let what = What::ItemRemoved {
                field: name.to_owned(),
                item: item.clone(),
            };
            self.push(decl, what, verdict, before.clone(), after.clone());
        }
        for item in y.iter().filter(|i| !xs.contains(i)) {
            let reason = format!("{noun} {item} added");
            let verdict = if rule == ListRule::AddBetter {
                Verdict::extension(reason)
            } else {
                Verdict::reduction(reason)
            };
            let what = What::ItemAdded {
                field: name.to_owned(),
                item: item.clone(),
            };
            self.push(decl, what, verdict, before.clone(), after.clone());
        }
    }

    fn grid(&mut self, old: &Decl, new: &Decl, a: &Grid, b: &Grid) {
        let start = self.changes.len();
        let cells = cell_type(new).filter(|c| Some(*c) == cell_type(old));
        let (ia, ib) = (Index::of(a), Index::of(b));
        let line_of = |g: &Grid, ix: &Index, row: Option<&str>, col: Option<&str>| -> String {
            let parts: Vec<String> = match (row, col) {
                (Some(r), _) => ix
                    .columns
                    .iter()
                    .map(|c| format!("{c}: {}", ix.cell(g, r, c).unwrap_or_default()))
                    .collect(),
                (None, Some(c)) => ix
                    .rows
                    .iter()
                    .map(|r| format!("{r}: {}", ix.cell(g, r, c).unwrap_or_default()))
                    .collect(),
                (None, None) => Vec::new(),
            };
            parts.join(" | ")
        };
        for r in ib.rows.iter().filter(|r| !ia.row.contains_key(*r)) {
            let v = classify::line(cells, &format!("row {r}"), true);
            let after = line_of(b, &ib, Some(r), None);
            self.push(new, What::RowAdded((*r).to_owned()), v, None, Some(after));
        }
        for r in ia.rows.iter().filter(|r| !ib.row.contains_key(*r)) {
            let v = classify::line(cells, &format!("row {r}"), false);
            let before = line_of(a, &ia, Some(r), None);
            self.push(
                new,
                What::RowRemoved((*r).to_owned()),
                v,
                Some(before),
                None,
            );
        }
        for c in ib.columns.iter().filter(|c| !ia.column.contains_key(*c)) {
            let v = classify::line(cells, &format!("column {c}"), true);
            let after = line_of(b, &ib, None, Some(c));
            self.push(
                new,
                What::ColumnAdded((*c).to_owned()),
                v,
                None,
                Some(after),
            );
        }
        for c in ia.columns.iter().filter(|c| !ib.column.contains_key(*c)) {
            let v = classify::line(cells, &format!("column {c}"), false);
            let before = line_of(a, &ia, None, Some(c));
            self.push(
                new,
                What::ColumnRemoved((*c).to_owned()),
                v,
                Some(before),
                None,
            );
        }
        for r in ib.rows.iter().filter(|r| ia.row.contains_key(*r)) {
            for c in ib.columns.iter().filter(|c| ia.column.contains_key(*c)) {
                let (Some(x), Some(y)) = (ia.get(a, r, c), ib.get(b, r, c)) else {
                    continue;
                };
                if x.value == y.value && x.note == y.note {
                    continue;
                }
                let verdict = if x.value == y.value {
                    Verdict::editorial("note reworded")
                } else if cells.is_none() {
                    Verdict::cannot_tell("cell type changed")
                } else {
                    classify::value(new.kind, "", "cell", &x.value, &y.value)
                };
                let what = What::Cell {
                    row: (*r).to_owned(),
                    column: (*c).to_owned(),
                };
                let before = Some(written(&x.value, x.note.as_ref()));
                let after = Some(written(&y.value, y.note.as_ref()));
                self.push(new, what, verdict, before, after);
            }
        }
        if self.changes.len() == start {
            return;
        }
        // The before/after view: the new order, then what only the old had.
        let union = |new: &[&str],
                     old: &[&str],
                     in_old: &HashMap<&str, usize>,
                     in_new: &HashMap<&str, usize>|
         -> Vec<Presence> {
            new.iter()
                .map(|id| Presence {
                    id: (*id).to_owned(),
                    old: in_old.contains_key(id),
                    new: true,
                })
                .chain(
                    old.iter()
                        .filter(|id| !in_new.contains_key(*id))
                        .map(|id| Presence {
                            id: (*id).to_owned(),
                            old: true,
                            new: false,
                        }),
                )
                .collect()
        };
        let rows = union(&ib.rows, &ia.rows, &ia.row, &ib.row);
        let columns = union(&ib.columns, &ia.columns, &ia.column, &ib.column);
        let cells = rows
            .iter()
            .map(|r| {
                columns
                    .iter()
                    .map(|c| (ia.cell(a, &r.id, &c.id), ib.cell(b, &r.id, &c.id)))
                    .collect()
            })
            .collect();
        self.grids.push(GridView {
            id: new.id.value.clone(),
            title: new.display().to_owned(),
            rows,
            columns,
            cells,
        });
    }
}

/// Row and column positions of a grid by id.
struct Index<'g> {
    rows: Vec<&'g str>,
    columns: Vec<&'g str>,
    row: HashMap<&'g str, usize>,
    column: HashMap<&'g str, usize>,
}

impl<'g> Index<'g> {
    fn of(grid: &'g Grid) -> Index<'g> {
        let rows: Vec<&str> = grid.rows.iter().map(|r| r.as_str()).collect();
        let columns: Vec<&str> = grid.columns.iter().map(|c| c.as_str()).collect();
        let position = |ids: &[&'g str]| {
            ids.iter()
                .enumerate()
                .map(|(i, id)| (*id, i))
                .rev()
                .collect()
        };
        Index {
            row: position(&rows),
            column: position(&columns),
            rows,
            columns,
        }
    }

    fn get<'a>(&self, grid: &'a Grid, row: &str, column: &str) -> Option<&'a crate::model::Cell> {
        let (r, c) = (self.row.get(row)?, self.column.get(column)?);
        grid.cells.get(*r)?.get(*c)?.as_ref()
    }

    fn cell(&self, grid: &Grid, row: &str, column: &str) -> Option<String> {
        self.get(grid, row, column)
            .map(|x| written(&x.value, x.note.as_ref()))
    }
}

/// An empty list of the same type.
fn empty_like(value: &Value) -> Value {
    match value {
        Value::Refs(_) => Value::Refs(Vec::new()),
        Value::Dates(_) => Value::Dates(Vec::new()),
        _ => Value::Texts(Vec::new()),
    }
}
