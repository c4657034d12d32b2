//! The semantic diff between two versions of a policy.
//!
//! [`diff`] compares two validated models, keyed by declaration id (never
//! by position), and lists every change with its class for the customer:
//! a [`Class::Reduction`] (worse for the customer), an
//! [`Class::Extension`] (better), [`Class::Editorial`] (wording only) or
//! [`Class::Mixed`] (deadlines later for some submissions, earlier for
//! others).
//! Like a semver checker it then states the version bump the changes
//! require and whether the new version's header honours it. Renderers
//! ([`render_text`], [`render_markdown`], [`render_json`]) are pure
//! functions of the [`Diff`]; [`replay`] replays past cases against both
//! versions. The library does no I/O: the CLI reads the files (or `git
//! show`s them).
//!
//! # What counts as a change
//!
//! Comparison is on the model, so reordering declarations, reformatting and
//! comments are no change at all. Declarations are matched by id (the
//! policy header by its kind); a declaration whose kind changed is removed
//! and added. A declaration added or removed is classed by what it holds:
//! the declarations that went or came with it and grant or take something
//! (a tier, a phase, a rule, a grid, ...) are each listed with their own
//! class, and give theirs to it (a section removed with two phases is a
//! reduction; with a phase and a rule that cannot be told, or with some
//! better and some worse, it cannot be told). Wording inside it (topics,
//! examples, claims) and the holidays of a calendar or holiday set added or
//! removed whole are reported with it only. Moving a declaration under another parent (a
//! section to another section, say) is reported as an **editorial** change
//! of placement: it moves text in the document but grants or takes nothing;
//! the one exception is a holiday moved to another calendar, which is a
//! holiday added to that calendar, a **reduction**. The header's `version`,
//! `effective` and `updated` are not changes: they are what the version
//! checks read.
//!
//! # Classification rules
//!
//! Each change is classified by the schema type of what changed:
//!
//! | what | reduction when | extension when |
//! |---|---|---|
//! | response target (grid cells, a tier's `response-target`) | every deadline later or equal, some later | every deadline earlier or equal, some earlier |
//! | a calendar's `open` hours, `zone`, holidays and `closed` days | the deadlines of the targets on it: every one later or equal | every one earlier or equal |
//! | coverage cell | downgraded in the order supported > psa > not-available > not-supported | upgraded |
//! | incidents | fewer (`n/a` < any count < `unlimited`) | more |
//! | session cell | shorter (`not-available` < minutes < `unlimited`) | longer |
//! | money (`price`, `rate`) | higher, same currency and unit | lower |
//! | yes/no (tier entitlements, `free`, phase flags, `separate-business-days`, yes-no cells) | yes → no | no → yes |
//! | `latest-build` (a condition on the customer) | no → yes | yes → no |
//! | reference lists (`channels`, `access`, `licenses`, a rule's or contact's `tiers`, `severities`, `topics`) | an item removed | an item added |
//! | text lists: a product's `databases`, `components`, a rule's `also` | an item removed | an item added |
//! | text lists: a rule's `requires`, a grid's `pauses` | an item added | an item removed |
//! | a tier's `hours` | 24x7 > calendar > best-effort, downwards | upwards |
//! | a rule's `increment` and `minimum` (billing) | longer | shorter |
//! | a rule's `attempts` (before closing a case) | fewer | more |
//! | a license's `nodes` range | narrower (contained in the old) | wider (contains the old) |
//! | a declaration (tier, license, channel, area, product, service, contact, resource, operator, phase) | removed | added |
//! | a grid row or column (cells other than text) | removed | added |
//!
//! **Deadlines** decide targets and calendars (`deadlines`, over
//! [`crate::facts::deadlines`]): each target on the calendar it runs on in
//! each version (its own `on CALENDAR`, else its tier's, else the default),
//! every submission instant in the four years from the new `effective`
//! date, holidays and changes of summer time included, compared exactly
//! by the runtime ([`policyc_runtime::deadlines`]). All deadlines equal is
//! editorial ("the same deadline for every submission"); some later and
//! some earlier is **mixed**, whose reason says how many submissions move
//! each way and by how much at most. A calendar's change is judged by
//! every business target that runs on it, all of the calendar's changes
//! together (each of them gets the same verdict); a calendar no target
//! runs on, by its open time (less open time is later deadlines). A tier's
//! `hours` moved to another calendar is judged by the deadlines of the
//! tier's unchanged targets on the old calendar and the new.
//! Two 24x7 targets, or two business targets on the same calendar, are
//! compared by amount: the same answer without a sweep.
//!
//! **Editorial**: titles, prose, text fields, notes on values, text cells,
//! severity examples, list items and outcomes, claims, examples, the
//! comparison matrix's layout, the order of items in a list, placement,
//! sections, topics, lists and parties added or removed.
//!
//! **Cannot tell**: anything else that changes meaning but has no order —
//! a tier's hours moved to another calendar with no business target of
//! the tier on it, a reference to another declaration (a license's `tier`,
//! a rule's `request-via`), a target becoming or ceasing to be `n/a`, a
//! price in another currency or unit, opening hours both added and removed,
//! grids, calendars, severities and rules added or removed, a grid's shape.
//! These are classed **reduction** (the conservative class), flagged
//! `uncertain`, and their reason says "cannot tell which way this cuts".
//! Reversing such a change leaves it a reduction; reversing any other
//! change swaps reduction and extension.
//!
//! Prose (a declaration's prose blocks, text and prose fields) is compared
//! as the document renders it, interpolations resolved by the model's
//! resolver: a source edit that renders the same words (an interpolation
//! replacing the text it writes) is no change, and a prose change is shown
//! as rendered text.
//!
//! # Order of the changes
//!
//! For a reviewer: the policy's changes by class, most serious first
//! (reductions, extensions, editorial: a class's place is its severity),
//! then the changes within worked examples (`example` declarations), which
//! the renderers fold into a group of their own.
//!
//! # Version discipline
//!
//! Versions are `MAJOR.MINOR[.PATCH]`, read from the header's `version` (a
//! version literal: `1.0`, `1.0.1`), compared part by part as numbers
//! (`1.10` after `1.9`; a missing patch is 0). A reduction or a mixed
//! change requires a major bump, an extension a minor one, an editorial
//! change a patch (any later version). A violation is reported when the new
//! version is lower than the bump requires (or not a version at all), or
//! when a bump is required or declared and the new `effective` date (a
//! month counts as its first day) is not later than the old one.
//!
//! # JSON output (`policyc-diff/1`)
//!
//! [`render_json`] writes one object; field names are stable:
//!
//! ```text
//! {
//!   "format": "policyc-diff/1",
//!   "policy": "customer-support",                 // the new header's id
//!   "old": { "version": "1.0", "effective": "2026-06" },   // null when absent
//!   "new": { "version": "1.0", "effective": "2026-06" },
//!   "summary": { "total": 1, "mixed": 0, "reduction": 1, "extension": 0, "editorial": 0,
//!                "examples": 0 },             // of the total, changes within worked examples
//!   "required_bump": "major",                     // "none" | "patch" | "minor" | "major"
//!   "declared_bump": "none",                      // the same, or null when NEW is lower or unreadable
//!   "violations": [ { "code": "version-not-bumped", "message": "..." } ],
//!           // codes: "version-unreadable", "version-lower", "version-not-bumped",
//!           //        "effective-not-later", "effective-missing"
//!   "changes": [ {    // most serious class first, worked examples last
//!       "class": "reduction",         // "mixed" | "reduction" | "extension" | "editorial"
//!       "uncertain": false,                       // true: "cannot tell which way this cuts"
//!       "reason": "slower target",
//!       "change": "cell",   // "added" | "removed" | "moved" | "title" | "field" | "prose"
//!                           // | "cell" | "row-added" | "row-removed" | "column-added"
//!                           // | "column-removed" | "item-added" | "item-removed"
//!       "kind": "grid", "id": "response-time", "title": "Response Time SLA by Tier",
//!       "field": null,      // the field, for field, prose (of a field), item-* changes
//!       "row": "sev-2", "column": "enterprise",   // cells, rows, columns; else null
//!       "item": null,       // item-* changes: the item added or removed
//!       "before": "4 hours 24x7", "after": "8 hours 24x7",   // as written (prose: as rendered); null when absent
//!       "words": null       // prose: [ { "op": "equal"|"delete"|"insert", "text": "..." } ]
//!   } ],
//!   "replay": null,   // with --replay: { "cases", "compared", "earlier", "later", "unchanged",
//!                     //   "no_longer_due", "newly_due", "skipped",
//!                     //   "moves": [ { "id", "tier", "severity", "submitted",   // times in the calendar's zone
//!                     //                "before", "after", "minutes" } ],   // largest first
//!                     //   "problems": [ { "line", "message" } ] }
//!   "rendered": null  // with --rendered: the unified diff of the two Markdown documents
//! }
//! ```

mod classify;
mod compare;
pub mod deadlines;
mod json;
mod markdown;
pub mod replay;
mod summaries;
mod text;
mod version;
mod words;

pub use json::render_json;
pub use markdown::render_markdown;
pub use replay::{replay, Replay};
pub use summaries::{change_summaries, summaries, ChangeSummary};
pub use text::render_text;
pub use version::{Bump, Version, VersionCheck, Violation};
pub use words::{word_diff, Word, WordOp};

use crate::facts::Valid;
use crate::schema::Kind;

/// How a change affects the customer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Class {
    /// Wording only: titles, prose, descriptions, notes.
    Editorial,
    /// Better for the customer.
    Extension,
    /// Worse for the customer (or a change whose direction cannot be told).
    Reduction,
    /// Worse for some customers and better for others: deadlines that move
    /// later for some submissions and earlier for others. Requires a major
    /// bump and fails `--fail-on reduction` like a reduction.
    Mixed,
}

impl Class {
    /// Every class, most serious first.
    pub const ALL: [Class; 4] = [
        Class::Mixed,
        Class::Reduction,
        Class::Extension,
        Class::Editorial,
    ];

    /// `mixed`, `reduction`, `extension`, `editorial`.
    pub fn name(self) -> &'static str {
        match self {
            Class::Mixed => "mixed",
            Class::Reduction => "reduction",
            Class::Extension => "extension",
            Class::Editorial => "editorial",
        }
    }

    /// The version bump a change of this class requires.
    pub fn bump(self) -> Bump {
        match self {
            Class::Mixed | Class::Reduction => Bump::Major,
            Class::Extension => Bump::Minor,
            Class::Editorial => Bump::Patch,
        }
    }

    /// Reduction and extension swapped.
    pub fn reversed(self) -> Class {
        match self {
            Class::Reduction => Class::Extension,
            Class::Extension => Class::Reduction,
            Class::Editorial => Class::Editorial,
            Class::Mixed => Class::Mixed,
        }
    }
}

/// What changed, and where in the declaration.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum What {
    /// The declaration was added (`after` is its title).
    Added,
    /// The declaration was removed (`before` is its title).
    Removed,
    /// The declaration moved under another parent (`before`/`after`: the
    /// parent ids, `(top level)` for none).
    Moved,
    /// Its title.
    Title,
    /// A field's value or note.
    Field(String),
    /// Prose: the declaration's own prose blocks (`None`) or a text field.
    Prose(Option<String>),
    /// One grid cell, by row id and column id.
    Cell {
        /// The row id.
        row: String,
        /// The column id.
        column: String,
    },
    /// A grid row added (`after`: its cells).
    RowAdded(String),
    /// A grid row removed (`before`: its cells).
    RowRemoved(String),
    /// A grid column added (`after`: its cells).
    ColumnAdded(String),
    /// A grid column removed (`before`: its cells).
    ColumnRemoved(String),
    /// An item added to a list field (`before`/`after`: the whole lists).
    ItemAdded {
        /// The field.
        field: String,
        /// The item, as written.
        item: String,
    },
    /// An item removed from a list field.
    ItemRemoved {
        /// The field.
        field: String,
        /// The item, as written.
        item: String,
    },
}

impl What {
    /// The JSON tag: `cell`, `item-added`, ...
    pub fn tag(&self) -> &'static str {
        match self {
            What::Added => "added",
            What::Removed => "removed",
            What::Moved => "moved",
            What::Title => "title",
            What::Field(_) => "field",
            What::Prose(_) => "prose",
            What::Cell { .. } => "cell",
            What::RowAdded(_) => "row-added",
            What::RowRemoved(_) => "row-removed",
            What::ColumnAdded(_) => "column-added",
            What::ColumnRemoved(_) => "column-removed",
            What::ItemAdded { .. } => "item-added",
            What::ItemRemoved { .. } => "item-removed",
        }
    }

    /// The same change seen from the other side.
    pub fn reversed(&self) -> What {
        match self {
            What::Added => What::Removed,
            What::Removed => What::Added,
            What::RowAdded(r) => What::RowRemoved(r.clone()),
            What::RowRemoved(r) => What::RowAdded(r.clone()),
            What::ColumnAdded(c) => What::ColumnRemoved(c.clone()),
            What::ColumnRemoved(c) => What::ColumnAdded(c.clone()),
            What::ItemAdded { field, item } => What::ItemRemoved {
                field: field.clone(),
                item: item.clone(),
            },
            What::ItemRemoved { field, item } => What::ItemAdded {
                field: field.clone(),
                item: item.clone(),
            },
            other => other.clone(),
        }
    }

    /// The field concerned, if any.
    pub fn field(&self) -> Option<&str> {
        match self {
            What::Field(f) | What::Prose(Some(f)) => Some(f),
            What::ItemAdded { field, .. } | What::ItemRemoved { field, .. } => Some(field),
            _ => None,
        }
    }
}

/// One change between the two versions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Its class for the customer.
    pub class: Class,
    /// Whether its direction could not be told (then the class is
    /// [`Class::Reduction`] and the reason says so).
    pub uncertain: bool,
    /// One line saying why it has its class.
    pub reason: String,
    /// The kind of the declaration concerned.
    pub kind: Kind,
    /// Its id.
    pub id: String,
    /// Its title (the new one when both exist), or its id.
    pub title: String,
    /// What changed.
    pub what: What,
    /// The old value as written in the policy language; `None` when absent.
    pub before: Option<String>,
    /// The new value; `None` when absent.
    pub after: Option<String>,
}

impl Change {
    /// The same change seen from the other side (what `diff(new, old)`
    /// reports): before and after swapped, additions as removals, reduction
    /// and extension swapped unless the direction could not be told. The
    /// reason is kept as is.
    pub fn reversed(&self) -> Change {
        Change {
            class: if self.uncertain {
                self.class
            } else {
                self.class.reversed()
            },
            uncertain: self.uncertain,
            reason: self.reason.clone(),
            kind: self.kind,
            id: self.id.clone(),
            title: self.title.clone(),
            what: self.what.reversed(),
            before: self.after.clone(),
            after: self.before.clone(),
        }
    }

    /// Whether the change is within a worked example (an `example`
    /// declaration): shown in a group of its own, after the policy's
    /// changes.
    pub fn in_example(&self) -> bool {
        self.kind == Kind::Example
    }

    /// Where the change is, in the policy's terms: `response-time[sev-2,
    /// enterprise]`, `enterprise.incidents`, `tier gold`, `title of section
    /// overview`.
    pub fn location(&self) -> String {
        let decl = format!("{} {}", self.kind.name(), self.id);
        match &self.what {
            What::Added | What::Removed => decl,
            What::Moved => format!("placement of {decl}"),
            What::Title => format!("title of {decl}"),
            What::Field(f) => format!("{decl}: {f}"),
            What::Prose(None) => format!("prose of {decl}"),
            What::Prose(Some(f)) => format!("{decl}: {f}"),
            What::Cell { row, column } => format!("{}[{row}, {column}]", self.id),
            What::RowAdded(r) | What::RowRemoved(r) => format!("{}[{r}, *]", self.id),
            What::ColumnAdded(c) | What::ColumnRemoved(c) => format!("{}[*, {c}]", self.id),
            What::ItemAdded { field, .. } | What::ItemRemoved { field, .. } => {
                format!("{decl}: {field}")
            }
        }
    }
}

/// Changes counted by class.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Mixed changes (deadlines later for some submissions, earlier for
    /// others).
    pub mixed: usize,
    /// Reductions.
    pub reduction: usize,
    /// Extensions.
    pub extension: usize,
    /// Editorial changes.
    pub editorial: usize,
    /// Of all these, the changes within worked examples.
    pub examples: usize,
}

impl Counts {
    /// Counts the classes of `changes`.
    pub fn of(changes: &[Change]) -> Counts {
        let mut counts = Counts::default();
        for change in changes {
            *counts.get_mut(change.class) += 1;
            counts.examples += usize::from(change.in_example());
        }
        counts
    }

    /// The count of one class.
    pub fn get(&self, class: Class) -> usize {
        match class {
            Class::Mixed => self.mixed,
            Class::Reduction => self.reduction,
            Class::Extension => self.extension,
            Class::Editorial => self.editorial,
        }
    }

    fn get_mut(&mut self, class: Class) -> &mut usize {
        match class {
            Class::Mixed => &mut self.mixed,
            Class::Reduction => &mut self.reduction,
            Class::Extension => &mut self.extension,
            Class::Editorial => &mut self.editorial,
        }
    }

    /// Every change.
    pub fn total(&self) -> usize {
        self.mixed + self.reduction + self.extension + self.editorial
    }
}

/// A grid with at least one changed cell, row or column, for the
/// before/after tables of the Markdown output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GridView {
    /// The grid's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Row ids: the new grid's, then rows only the old one has.
    pub rows: Vec<Presence>,
    /// Column ids, likewise.
    pub columns: Vec<Presence>,
    /// `cells[row][column]`: the cell as written before and after.
    pub cells: Vec<Vec<(Option<String>, Option<String>)>>,
}

/// A row or column id of a [`GridView`] and where it exists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Presence {
    /// The id.
    pub id: String,
    /// In the old version.
    pub old: bool,
    /// In the new version.
    pub new: bool,
}

/// The semantic diff of two versions of a policy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diff {
    /// The policy's id (the new header's).
    pub policy: String,
    /// Every change, most serious class first (reductions, extensions,
    /// editorial), then the changes within worked examples; within each,
    /// the header, then declarations in the new version's document order,
    /// then what was removed in the old version's order.
    pub changes: Vec<Change>,
    /// The changes counted by class.
    pub counts: Counts,
    /// The bump the changes require: the largest of their classes'.
    pub required_bump: Bump,
    /// The versions, effective dates and violations.
    pub version: VersionCheck,
    /// Grids with changed cells, rows or columns.
    pub grids: Vec<GridView>,
    /// Past cases replayed against both versions, when asked for.
    pub replay: Option<Replay>,
    /// A unified diff of the two rendered documents, when asked for.
    pub rendered: Option<String>,
}

impl Diff {
    /// The changes counted by class, in one line: `3 changes: 1
    /// reduction, 1 extension, 1 editorial`.
    pub fn summary(&self) -> String {
        if self.is_empty() {
            "no semantic change".to_owned()
        } else {
            text::summary(self)
        }
    }

    /// Whether nothing changed in meaning or wording.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// Whether the diff reaches `fail_on`: a change of that class or a
    /// more serious one (a mixed change counts as a reduction), any change
    /// for `None`, or a version-discipline violation.
    pub fn fails(&self, fail_on: Option<Class>) -> bool {
        let reached = match fail_on {
            None => !self.changes.is_empty(),
            Some(class) => self.changes.iter().any(|c| c.class >= class),
        };
        reached || !self.version.violations.is_empty()
    }
}

/// The semantic diff from `old` to `new`. Pure.
pub fn diff(old: &Valid, new: &Valid) -> Diff {
    let (mut changes, grids) = compare::compare(old, new);
    deadlines::reclassify(old, new, &mut changes);
    // For a reviewer: the policy's changes by class, most serious first (a
    // class's place is its order, so a class added later sorts by its
    // severity), then the worked examples. The sort is stable.
    changes.sort_by_key(|c| (c.in_example(), std::cmp::Reverse(c.class)));
    let counts = Counts::of(&changes);
    let required_bump = changes
        .iter()
        .map(|c| c.class.bump())
        .max()
        .unwrap_or(Bump::None);
    let (old, new) = (old.policy(), new.policy());
    let version = version::check(old, new, required_bump);
    Diff {
        policy: new
            .header()
            .or_else(|| old.header())
            .map_or_else(String::new, |h| h.id.value.clone()),
        changes,
        counts,
        required_bump,
        version,
        grids,
        replay: None,
        rendered: None,
    }
}

/// A unified diff of two rendered Markdown documents (from
/// [`crate::emit::markdown::emit`]), `@generated` marker lines left out.
pub fn rendered_diff(old_name: &str, old: &str, new_name: &str, new: &str) -> String {
    let strip = |text: &str| -> String {
        text.lines()
            .filter(|l| !l.starts_with("<!-- @generated"))
            .map(|l| format!("{l}\n"))
            .collect()
    };
    let (old, new) = (strip(old), strip(new));
    similar::TextDiff::configure()
        .timeout(std::time::Duration::from_secs(2))
        .diff_lines(&old, &new)
        .unified_diff()
        .context_radius(3)
        .header(old_name, new_name)
        .to_string()
}
