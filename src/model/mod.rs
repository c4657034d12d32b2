//! The validated model of a policy: what it means, ready for the emitters,
//! the diff and the enforcement code.
//!
//! Invariants, once [`crate::validate`] returned no error: every reference
//! resolves to a declaration of an allowed kind; ids are unique; every field
//! has its schema type; every grid is complete with one cell per row and
//! column. Spans are kept for diagnostics but excluded from equality.

mod field_map;
pub use field_map::FieldMap;
pub mod prose;
pub mod typing;
pub mod view;

use crate::ast::{ClaimExpr, Clock, HolidayRule, Money, Period, Target, TimeUnit, WeeklyHours};
use crate::schema::{CellType, Kind, Role};
use crate::span::{Span, Spanned};
use std::collections::HashMap;

/// A validated policy.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Policy {
    /// Every declaration, in document order (parents before children).
    pub decls: Vec<Decl>,
    /// The top-level declarations.
    pub roots: Vec<usize>,
    /// Declaration index by id.
    pub by_id: HashMap<String, usize>,
    /// What the model lacks because an error was reported about it.
    pub gaps: Gaps,
}

/// What the model lacks because an error was already reported about it:
/// a check that lands in a gap says nothing, since what it would report
/// follows from that error (one mistake, one error). Empty for a policy
/// without errors.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Gaps {
    /// Fields written but not in the model, by declaration index: their
    /// value did not fit (E209 and friends), or their name was misspelt
    /// (E107) and the schema's field it most likely meant stands here.
    pub fields: std::collections::BTreeSet<(usize, &'static str)>,
    /// Whether declarations were lost to syntax errors: checks of the
    /// whole policy (completeness, order, contradictions, claims, unused
    /// declarations) are then skipped.
    pub partial: bool,
    /// Ids the declarations lost to syntax errors may declare: references
    /// to them are not reported unknown.
    pub lost_ids: std::collections::BTreeSet<String>,
    /// Ids that fields not in the model refer to: not reported unused.
    pub refs: std::collections::BTreeSet<String>,
}

impl Gaps {
    /// Whether the field `name` of the declaration at `index` was written
    /// but is not in the model (its error was reported).
    pub fn field(&self, index: usize, name: &str) -> bool {
        self.fields
            .range((index, "")..)
            .take_while(|(i, _)| *i == index)
            .any(|(_, n)| *n == name)
    }

    /// Whether `id` may be declared by a declaration lost to a syntax
    /// error.
    pub fn may_declare(&self, id: &str) -> bool {
        self.lost_ids.contains(id)
    }
}

/// A declaration and what it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decl {
    /// Its kind.
    pub kind: Kind,
    /// Its id.
    pub id: Spanned<String>,
    /// Its title.
    pub title: Option<Spanned<String>>,
    /// Its fields by name.
    pub fields: FieldMap,
    /// Prose and nested declarations, in document order.
    pub body: Vec<Body>,
    /// A grid's cells.
    pub grid: Option<Box<Grid>>,
    /// The enclosing declaration.
    pub parent: Option<usize>,
    /// The whole declaration.
    pub span: Span,
}

/// Prose or a nested declaration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Body {
    /// A prose block.
    Prose(Prose),
    /// A nested declaration, by index.
    Decl(usize),
}

/// A field's value and where it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    /// The field's name, as the schema spells it, and where it was written.
    pub name: Spanned<&'static str>,
    /// Its value.
    pub value: Value,
    /// A note written after the value.
    pub note: Option<String>,
    /// Where each item of the value was written (one for single values).
    pub item_spans: Vec<Span>,
    /// The whole field.
    pub span: Span,
}

/// A grid: rows and columns by id, and a cell for each pair.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Grid {
    /// Row ids, in written order.
    pub rows: Vec<Spanned<String>>,
    /// Column ids, in written order.
    pub columns: Vec<Spanned<String>>,
    /// `cells[row][column]`; `None` where missing (an error).
    pub cells: Vec<Vec<Option<Cell>>>,
    /// Whether the grid's shape could not be read (an error was reported);
    /// checks of completeness skip it.
    pub malformed: bool,
}

/// One grid cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    /// Its value.
    pub value: Value,
    /// A note written after it.
    pub note: Option<String>,
    /// Where it was written.
    pub span: Span,
}

/// A block of Markdown prose, split at its interpolations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prose {
    /// Text and interpolations, in order.
    pub parts: Vec<ProsePart>,
    /// The whole block.
    pub span: Span,
}

/// Part of a prose block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProsePart {
    /// Literal Markdown.
    Text(String),
    /// `{...}`: a value taken from the data.
    Value(Interpolation),
}

/// What `{...}` in prose refers to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Interpolation {
    /// `{id}`: a declaration's title.
    Title(Spanned<String>),
    /// `{id.field}`: a field's value.
    Field(Spanned<String>, Spanned<String>),
    /// `{grid[row, column]}`: one cell.
    Cell(Spanned<String>, Spanned<String>, Spanned<String>),
}

/// A typed value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// Quoted text.
    Text(String),
    /// Prose, possibly with interpolations.
    Prose(Prose),
    /// A list of texts.
    Texts(Vec<String>),
    /// A number as written.
    Number(String),
    /// A version, `MAJOR.MINOR` or `MAJOR.MINOR.PATCH`, as written.
    Version(String),
    /// A whole number.
    Count(u64),
    /// A date.
    Date(chrono::NaiveDate),
    /// A year and a month.
    Month(i32, u32),
    /// An inclusive range.
    Range(u64, u64),
    /// Money.
    Money(Money),
    /// A duration in minutes.
    Duration(u64),
    /// A length of calendar time.
    Period(Period),
    /// `n/a` in a grid of dates: no date stated.
    NotApplicable,
    /// `yes` or `no`.
    Bool(bool),
    /// Incidents per contract year.
    Incidents(Incidents),
    /// A response target.
    Target(ResponseTarget),
    /// Support hours.
    Hours(Hours),
    /// A reference.
    Ref(Spanned<String>),
    /// References.
    Refs(Vec<Spanned<String>>),
    /// A kind.
    Kind(Kind),
    /// A cell type.
    CellType(CellType),
    /// Weekly opening hours.
    Weekly(Vec<WeeklyHours>),
    /// Dates.
    Dates(Vec<chrono::NaiveDate>),
    /// A holiday rule.
    Holiday(HolidayRule),
    /// A claim.
    Claim(Box<Claim>),
    /// An IANA zone name.
    Zone(String),
    /// A coverage value.
    Coverage(Coverage),
    /// A session length.
    Session(Session),
    /// Names of tier fields.
    FieldNames(Vec<Spanned<String>>),
    /// An instant.
    Instant(chrono::DateTime<chrono::FixedOffset>),
    /// What a declaration decides.
    Role(Role),
    /// A limit.
    Limit(Limit),
    /// How a holiday on a weekend is observed.
    Observance(crate::schema::Observance),
}

/// A limit: an amount of something, per some period or unit, or none.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Limit {
    /// `20 members`, `12 hours/quarter`, `3`.
    Amount(crate::ast::Quantity),
    /// `unlimited`.
    Unlimited,
    /// `n/a`: the limit does not apply.
    NotApplicable,
}

/// A claim: what it says, and its operand typed as what it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claim {
    /// The claim as written.
    pub expr: ClaimExpr,
    /// The operand of `is`, typed as the cells or the field the claim is
    /// about; `None` for `same` and `runs`, and where the subject does not
    /// resolve (an error).
    pub operand: Option<Value>,
}

/// Incidents per contract year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Incidents {
    /// A number of incidents.
    Count(u64),
    /// No limit.
    Unlimited,
    /// Incidents do not apply.
    NotApplicable,
}

/// A response target cell.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ResponseTarget {
    /// No deadline.
    BestEffort,
    /// No target applies.
    NotApplicable,
    /// A deadline on a clock.
    Within(Target),
}

/// Support hours of a tier.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Hours {
    /// Best effort.
    BestEffort,
    /// Around the clock.
    Around,
    /// The opening hours of a calendar.
    Calendar(Spanned<String>),
}

/// Whether an area is covered at a tier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Coverage {
    /// Supported.
    Supported,
    /// Available under a Professional Services Agreement.
    Psa,
    /// Not available at this tier.
    NotAvailable,
    /// Not supported at any tier.
    NotSupported,
}

/// A session entitlement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Session {
    /// Included, up to this many minutes per session.
    Minutes(u64),
    /// Included without a limit.
    Unlimited,
    /// Not available.
    NotAvailable,
}

impl Policy {
    /// The declaration with id `id`.
    pub fn get(&self, id: &str) -> Option<&Decl> {
        self.by_id.get(id).map(|&i| &self.decls[i])
    }

    /// Declarations of one kind, in document order.
    pub fn of_kind(&self, kind: Kind) -> impl Iterator<Item = &Decl> {
        self.decls.iter().filter(move |d| d.kind == kind)
    }

    /// The policy header.
    pub fn header(&self) -> Option<&Decl> {
        self.of_kind(Kind::Policy).next()
    }

    /// The first day the policy takes effect: its header's `effective`
    /// date, or the 1st of its `effective` month.
    pub fn effective_from(&self) -> Option<chrono::NaiveDate> {
        match self
            .header()?
            .value(crate::schema::fields::policy::EFFECTIVE)?
        {
            Value::Date(d) => Some(*d),
            Value::Month(y, m) => chrono::NaiveDate::from_ymd_opt(*y, *m, 1),
            _ => None,
        }
    }
}

impl Decl {
    /// A field's value.
    pub fn value(&self, name: &str) -> Option<&Value> {
        self.fields.get(name).map(|f| &f.value)
    }

    /// The title, or the id when there is none.
    pub fn display(&self) -> &str {
        self.title.as_ref().map_or(self.id.as_str(), |t| t.as_str())
    }

    /// A text field.
    pub fn text(&self, name: &str) -> Option<&str> {
        match self.value(name)? {
            Value::Text(t) => Some(t),
            _ => None,
        }
    }

    /// A yes/no field.
    pub fn flag(&self, name: &str) -> Option<bool> {
        match self.value(name)? {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// A reference-list field's ids.
    pub fn refs(&self, name: &str) -> Vec<&str> {
        match self.value(name) {
            Some(Value::Refs(ids)) => ids.iter().map(|s| s.as_str()).collect(),
            Some(Value::Ref(id)) => vec![id.as_str()],
            _ => Vec::new(),
        }
    }
}

impl Grid {
    /// The cell at a row and column id.
    pub fn cell(&self, row: &str, column: &str) -> Option<&Cell> {
        let r = self.rows.iter().position(|r| r.as_str() == row)?;
        let c = self.columns.iter().position(|c| c.as_str() == column)?;
        self.cells.get(r)?.get(c)?.as_ref()
    }
}

impl ResponseTarget {
    /// The target as the runtime's; `None` for `n/a`. The calendar a
    /// business target names is not part of it: the caller picks the
    /// calendar the clock runs on.
    pub fn runtime(&self) -> Option<policyc_runtime::ResponseTarget> {
        use policyc_runtime::ResponseTarget as R;
        Some(match self {
            ResponseTarget::BestEffort => R::BestEffort,
            ResponseTarget::NotApplicable => return None,
            ResponseTarget::Within(t) => match (t.clock, t.unit) {
                (Clock::Business, TimeUnit::Days) => R::BusinessDays(t.amount),
                (Clock::Business, TimeUnit::Hours) => R::BusinessHours(t.amount),
                (Clock::Business, TimeUnit::Minutes) => R::BusinessMinutes(t.amount),
                (Clock::Continuous, TimeUnit::Days) => R::CalendarDays(t.amount),
                (Clock::Continuous, TimeUnit::Hours) => R::Hours24x7(t.amount),
                (Clock::Continuous, TimeUnit::Minutes) => R::Minutes24x7(t.amount),
            },
        })
    }

    /// The calendar a business target names (`on us-hours`), if any.
    pub fn calendar(&self) -> Option<&str> {
        match self {
            ResponseTarget::Within(t) => t.on.as_deref(),
            _ => None,
        }
    }
}

impl Policy {
    /// The section number of every declaration, by index: `1`, `2.4`;
    /// `None` for anything but a `section`. Top-level sections count from 1
    /// in order; a nested section counts among the sections of its parent.
    /// One pass over the declarations (they are in document order, each
    /// after its parent), so numbering thousands of sections stays linear.
    pub fn section_numbers(&self) -> Vec<Option<String>> {
        let mut numbers: Vec<Option<String>> = vec![None; self.decls.len()];
        // Sections counted so far among the children of each declaration,
        // and at the top level.
        let mut counts = vec![0usize; self.decls.len()];
        let mut top = 0usize;
        for (index, decl) in self.decls.iter().enumerate() {
            if decl.kind != Kind::Section {
                continue;
            }
            numbers[index] = match decl.parent {
                None => {
                    top += 1;
                    Some(top.to_string())
                }
                Some(parent) => match numbers.get(parent).cloned().flatten() {
                    Some(above) => {
                        counts[parent] += 1;
                        Some(format!("{above}.{}", counts[parent]))
                    }
                    None => None,
                },
            };
        }
        numbers
    }

    /// The index of the declaration with id `id`.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The children of a declaration, in document order.
    pub fn children(&self, index: usize) -> impl Iterator<Item = usize> + '_ {
        self.decls[index].body.iter().filter_map(|b| match b {
            Body::Decl(i) => Some(*i),
            Body::Prose(_) => None,
        })
    }
}

impl Decl {
    /// A field, with its spans and note.
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields.get(name)
    }
}
