//! The serialization tree of the `policyc/1` format, shared by the JSON and
//! YAML emitters and by the reader.
//!
//! These types are the format: the internal model carries no serde derives,
//! so it can change without changing what consumers read.
//! [`crate::emit::document`] builds the tree from a validated policy;
//! [`super::read`] reads it back. The JSON Schema in [`super::json_schema`]
//! documents every shape defined here.
//!
//! The tree is generic over the type of field and cell values: the emitters
//! use [`FieldValue`], whose shape depends on the value's schema type; the
//! reader uses `serde_json::Value` and decodes each value by the type the
//! schema gives its field.

use crate::model::Coverage;
use crate::value_text;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The value of [`Document::format`].
pub const FORMAT: &str = "policyc/1";

/// A whole policy: the root of the `policyc/1` format.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "V: Deserialize<'de>"))]
pub struct Document<V = FieldValue> {
    /// Always [`FORMAT`].
    pub format: String,
    /// The `@generated` marker.
    pub generated: String,
    /// Where the policy came from.
    pub source: Source,
    /// A summary of the policy header, for consumers that need only that.
    pub policy: Summary,
    /// Every declaration, in document order (parents before children).
    pub declarations: Vec<Declaration<V>>,
}

/// The source file of a document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The file as given to policyc, with `/` separators.
    pub file: String,
    /// FNV-1a 64-bit hash of the source bytes, 16 hex digits.
    pub hash: String,
}

/// The policy header in brief. Redundant with the `policy` declaration,
/// which is what the reader uses.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Summary {
    /// The policy's id.
    pub id: String,
    /// Its title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Its version as written, e.g. `1.0`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Who provides support.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// When it takes effect: a date or a month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective: Option<String>,
    /// When it was last updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    /// Its review cycle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<String>,
}

/// One declaration.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "V: Deserialize<'de>"))]
pub struct Declaration<V = FieldValue> {
    /// Its kind, e.g. `tier`.
    pub kind: String,
    /// Its id, unique in the document.
    pub id: String,
    /// Its title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The id of the enclosing declaration; absent at the top level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Field values by field name.
    pub fields: BTreeMap<String, V>,
    /// Notes written after field values, by field name; absent when none.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub notes: BTreeMap<String, String>,
    /// Prose blocks and nested declarations, in document order.
    pub body: Vec<BodyItem>,
    /// A grid's rows, columns and cells; only on grids.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grid: Option<GridDoc<V>>,
}

/// One entry of a declaration's body.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase", deny_unknown_fields)]
pub enum BodyItem {
    /// `{"prose": {...}}`.
    Prose(ProseDoc),
    /// `{"declaration": "id"}`: a nested declaration, listed in full in
    /// [`Document::declarations`].
    Declaration(String),
}

/// A grid's contents.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "V: Deserialize<'de>"))]
pub struct GridDoc<V = FieldValue> {
    /// Row ids, in written order.
    pub rows: Vec<String>,
    /// Column ids, in written order.
    pub columns: Vec<String>,
    /// `cells[row][column]`, row-major; `null` for a missing cell.
    pub cells: Vec<Vec<Option<V>>>,
    /// Notes written after cells, the same shape as `cells`, `null` where a
    /// cell has none; absent when no cell has a note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<Vec<Vec<Option<String>>>>,
}

/// A prose block.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProseDoc {
    /// The Markdown with every interpolation replaced by its value as the
    /// policy writes it (a title for `{id}`); ready to display.
    pub markdown: String,
    /// The text and interpolations, in order: what the policy says.
    pub parts: Vec<PartDoc>,
}

/// Part of a prose block.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase", deny_unknown_fields)]
pub enum PartDoc {
    /// `{"text": "..."}`: literal Markdown (braces are literal).
    Text(String),
    /// `{"ref": {...}}`: an interpolation.
    Ref(RefDoc),
}

/// An interpolation: `{"declaration": id}` (its title),
/// `{"declaration": id, "field": name}` (a field's value) or
/// `{"grid": id, "row": id, "column": id}` (one cell).
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RefDoc {
    /// The declaration, for a title or a field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declaration: Option<String>,
    /// The field's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// The grid, for a cell.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grid: Option<String>,
    /// The cell's row id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<String>,
    /// The cell's column id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
}

/// A field or cell value, shaped by its schema type. Serialized without a
/// tag: the type of the field (or the grid's `cells`) says which shape to
/// expect.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum FieldValue {
    /// Text, ids, numbers as written, dates, zones, keywords.
    String(String),
    /// Counts.
    Integer(u64),
    /// `yes` / `no`.
    Bool(bool),
    /// Lists of texts, ids or dates.
    Strings(Vec<String>),
    /// Prose.
    Prose(ProseDoc),
    /// `{"from": 2, "to": 5}`.
    Range(RangeDoc),
    /// Money.
    Money(MoneyDoc),
    /// `{"minutes": 30}`: durations and session lengths.
    Minutes(MinutesDoc),
    /// `{"amount": 365, "unit": "days"}`: lengths of calendar time.
    Period(PeriodDoc),
    /// Response targets.
    Target(TargetDoc),
    /// `{"calendar": "id"}`: support hours of a calendar.
    Calendar(CalendarDoc),
    /// Weekly opening hours.
    Weekly(Vec<WeeklyDoc>),
    /// A holiday rule.
    Holiday(HolidayDoc),
    /// A claim.
    Claim(Box<ClaimDoc>),
}

/// `{"from": 2, "to": 5}`: an inclusive range.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RangeDoc {
    /// Lowest value.
    pub from: u64,
    /// Highest value.
    pub to: u64,
}

/// `{"currency": "USD", "minor": 25000, "per": ["hour"]}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MoneyDoc {
    /// ISO 4217 code.
    pub currency: String,
    /// Amount in hundredths of the currency.
    pub minor: u64,
    /// Units the amount is per: `["node", "month"]`; empty for a flat sum.
    pub per: Vec<String>,
}

/// `{"amount": 6, "unit": "months"}`: a length of calendar time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeriodDoc {
    /// How many units.
    pub amount: u32,
    /// `days`, `weeks`, `months` or `years`.
    pub unit: String,
}

/// `{"minutes": 120}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MinutesDoc {
    /// A length in minutes.
    pub minutes: u64,
}

/// `{"kind": "business-days", "amount": 1}`, `{"kind": "best-effort"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetDoc {
    /// One of [`TARGET_KINDS`], `best-effort` or `n/a`.
    pub kind: String,
    /// The number of days, hours or minutes; on every kind but
    /// `best-effort` and `n/a`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<u32>,
    /// The calendar a business target counts on, when it names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar: Option<String>,
}

/// The kinds of a target with an amount, as the JSON and YAML write them,
/// with their clock and unit.
pub const TARGET_KINDS: [(&str, crate::ast::Clock, crate::ast::TimeUnit); 6] = {
    use crate::ast::{Clock::*, TimeUnit::*};
    [
        ("business-days", Business, Days),
        ("business-hours", Business, Hours),
        ("business-minutes", Business, Minutes),
        ("hours-24x7", Continuous, Hours),
        ("minutes-24x7", Continuous, Minutes),
        ("calendar-days", Continuous, Days),
    ]
};

/// `{"calendar": "business-hours"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarDoc {
    /// The calendar's id.
    pub calendar: String,
}

/// `{"from": "mon", "to": "fri", "open": "09:00", "close": "17:00"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeeklyDoc {
    /// First day: `mon` ... `sun`.
    pub from: String,
    /// Last day, inclusive.
    pub to: String,
    /// Opening time, local `HH:MM`.
    pub open: String,
    /// Closing time, local `HH:MM`.
    pub close: String,
}

/// `{"fixed": "12-25"}`, `{"easter": 39}` or
/// `{"weekday": "sat", "from": "06-20", "to": "06-26"}`.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HolidayDoc {
    /// `MM-DD`, every year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixed: Option<String>,
    /// Days after Easter Sunday (negative: before).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub easter: Option<i32>,
    /// The weekday that falls between `from` and `to`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weekday: Option<String>,
    /// First day of the range, `MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Last day of the range, `MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
}

/// A claim: one of `{"same": cells}`, `{"every": cells, "is": operand}`,
/// `{"every": cells, "runs": clock}`, `{"cell": cells, "is": operand}`,
/// `{"field": field, "is": operand}`.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimDoc {
    /// All selected cells are equal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub same: Option<CellsDoc>,
    /// Every selected cell passes the test.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub every: Option<CellsDoc>,
    /// The one cell passes the test.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cell: Option<CellsDoc>,
    /// The field passes the test.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<FieldRefDoc>,
    /// The value the subject must equal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is: Option<OperandDoc>,
    /// The clock every target must run on: `business` or `24x7`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub runs: Option<String>,
}

/// `{"grid": "response-time", "row": "*", "column": "advanced"}`; `*`
/// selects every row or column.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CellsDoc {
    /// The grid's id.
    pub grid: String,
    /// A row id or `*`.
    pub row: String,
    /// A column id or `*`.
    pub column: String,
}

/// `{"declaration": "advanced", "field": "hours"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldRefDoc {
    /// The declaration's id.
    pub declaration: String,
    /// The field's name.
    pub field: String,
}

/// A claim's operand as written, tagged by what was written:
/// `{"target": {...}}`, `{"duration": {"minutes": n}}`, `{"money": {...}}`,
/// `{"keyword": "best-effort"}`, `{"number": "12"}`, `{"text": "..."}` or
/// `{"ref": "id"}`. It is compared after typing it as the subject's type.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase", deny_unknown_fields)]
pub enum OperandDoc {
    /// A response target with its clock.
    Target(TargetDoc),
    /// A duration.
    Duration(MinutesDoc),
    /// Money.
    Money(MoneyDoc),
    /// A keyword: `best-effort`, `n/a`, `yes`, `supported`, ...
    Keyword(String),
    /// A number as written.
    Number(String),
    /// Quoted text.
    Text(String),
    /// An id.
    Ref(String),
}

/// Serializes `{key: value}`: the one-key map an enum variant is in JSON,
/// written out so that YAML shows a plain map too, not a `!tag`.
fn one_key<S: serde::Serializer, T: Serialize + ?Sized>(
    serializer: S,
    key: &str,
    value: &T,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = serializer.serialize_map(Some(1))?;
    map.serialize_entry(key, value)?;
    map.end()
}

impl Serialize for BodyItem {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            BodyItem::Prose(p) => one_key(serializer, "prose", p),
            BodyItem::Declaration(id) => one_key(serializer, "declaration", id),
        }
    }
}

impl Serialize for PartDoc {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            PartDoc::Text(t) => one_key(serializer, "text", t),
            PartDoc::Ref(r) => one_key(serializer, "ref", r),
        }
    }
}

impl Serialize for OperandDoc {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            OperandDoc::Target(t) => one_key(serializer, "target", t),
            OperandDoc::Duration(d) => one_key(serializer, "duration", d),
            OperandDoc::Money(m) => one_key(serializer, "money", m),
            OperandDoc::Keyword(k) => one_key(serializer, "keyword", k),
            OperandDoc::Number(n) => one_key(serializer, "number", n),
            OperandDoc::Text(t) => one_key(serializer, "text", t),
            OperandDoc::Ref(r) => one_key(serializer, "ref", r),
        }
    }
}

/// `mon`, `tue`, ...
pub fn weekday(d: chrono::Weekday) -> String {
    d.to_string().to_lowercase()
}

/// The coverage value written `text`.
pub fn coverage(text: &str) -> Option<Coverage> {
    [
        Coverage::Supported,
        Coverage::Psa,
        Coverage::NotAvailable,
        Coverage::NotSupported,
    ]
    .into_iter()
    .find(|c| value_text::coverage(*c) == text)
}
