//! The syntax tree of a policy file, with spans.
//!
//! This is what the file says, not yet what it means: every declaration has
//! the same shape, and literals are typed but not yet checked against the
//! schema. Spans are excluded from equality (see [`crate::span`]).

use crate::span::{Span, Spanned};

/// A parsed policy file.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct File {
    /// Top-level declarations, in file order.
    pub declarations: Vec<Declaration>,
    /// The top-level declarations a syntax error broke: not in
    /// `declarations`, recorded so that what they would have declared is
    /// not reported missing.
    pub broken: Vec<Broken>,
}

/// A top-level declaration lost to a syntax error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Broken {
    /// From its first line to where parsing resumed.
    pub span: Span,
    /// The ids it may declare: the second word of each of its lines that
    /// start with two words (`KIND ID ...`), read without the grammar.
    pub ids: Vec<String>,
}

/// `KIND ID "Title" { ... }`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Declaration {
    /// The kind, e.g. `tier`.
    pub kind: Spanned<String>,
    /// The id, e.g. `advanced`.
    pub id: Spanned<String>,
    /// The display title.
    pub title: Option<Spanned<String>>,
    /// The body, in file order.
    pub entries: Vec<Entry>,
    /// The whole declaration.
    pub span: Span,
}

/// One entry of a declaration's body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    /// `name: value`.
    Field(Field),
    /// `| a | b |`.
    Row(Row),
    /// A prose block on its own.
    Prose(Prose),
    /// A nested declaration.
    Declaration(Box<Declaration>),
}

/// `name: value`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    /// The field's name.
    pub name: Spanned<String>,
    /// Its value.
    pub value: Value,
    /// The whole field.
    pub span: Span,
}

/// A grid row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The cells, left to right.
    pub cells: Vec<Cell>,
    /// The whole row.
    pub span: Span,
}

/// A grid cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    /// `*`, the header's corner.
    Corner(Span),
    /// Any value.
    Value(Item),
}

impl Cell {
    /// Where the cell was written.
    pub fn span(&self) -> Span {
        match self {
            Cell::Corner(span) => *span,
            Cell::Value(item) => item.span,
        }
    }
}

/// A field's value: one item or a list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// One item.
    Single(Item),
    /// `[a, b]`.
    List(Vec<Item>, Span),
}

impl Value {
    /// Where the value was written.
    pub fn span(&self) -> Span {
        match self {
            Value::Single(item) => item.span,
            Value::List(_, span) => *span,
        }
    }

    /// The items: one for a single value.
    pub fn items(&self) -> &[Item] {
        match self {
            Value::Single(item) => std::slice::from_ref(item),
            Value::List(items, _) => items,
        }
    }
}

/// A literal with an optional note: `best-effort (forums)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// The literal.
    pub literal: Literal,
    /// The note in parentheses.
    pub note: Option<Box<Spanned<String>>>,
    /// The literal and its note.
    pub span: Span,
}

/// A block of Markdown prose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prose {
    /// Where the text between the quotes starts in the source.
    pub text_start: usize,
    /// The raw text between the quotes, as written. The text it stands for
    /// is [`crate::parse::dedent`] of it (computed where it is used, once).
    pub raw: String,
    /// The whole block with its quotes.
    pub span: Span,
}

/// A typed literal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Literal {
    /// `"""..."""`.
    Prose(Box<Prose>),
    /// `"..."`, escapes resolved.
    Text(String),
    /// `1 business day`, `4 hours 24x7`.
    Target(Target),
    /// `30 minutes`, `2 hours`: a length in minutes.
    Duration(u64),
    /// `365 days`, `6 months`: a length of calendar time.
    Period(Period),
    /// `USD 250/hour`.
    Money(Box<Money>),
    /// `20 members`, `12 hours/quarter`.
    Quantity(Box<Quantity>),
    /// `2..5`.
    Range(u64, u64),
    /// `2026-06-13`.
    Date(chrono::NaiveDate),
    /// `2026-06`: year and month.
    Month(i32, u32),
    /// A holiday's yearly rule.
    Holiday(HolidayRule),
    /// `09:00`: minutes after midnight.
    Time(u32),
    /// `09:00-17:00`: opening and closing minutes.
    TimeRange(u32, u32),
    /// `mon-fri 09:00-17:00`.
    Weekly(WeeklyHours),
    /// A word with a fixed meaning.
    Keyword(Keyword),
    /// `12`, `1.0`, as written.
    Number(String),
    /// `1.0.1`: a version of three parts, as written (`1.0` is a
    /// [`Literal::Number`]).
    Version(String),
    /// `grid[row, column]`.
    CellRef(Box<CellRef>),
    /// `decl.field`.
    FieldRef(Box<FieldRef>),
    /// A declaration's id.
    Reference(String),
    /// A claim's expression.
    Claim(Box<ClaimExpr>),
    /// A literal that was written but is not valid; its diagnostic is
    /// already reported.
    Invalid,
}

/// A response target: an amount of time on a clock. `1 business day` is
/// one business day of the tier's calendar; `30 business minutes on
/// us-hours` half an hour of `us-hours`' open time; `4 hours 24x7` four
/// hours of elapsed time; `5 days` five calendar days.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Target {
    /// How many units.
    pub amount: u32,
    /// Of what.
    pub unit: TimeUnit,
    /// Counted how: open time of a calendar, or elapsed time.
    pub clock: Clock,
    /// The calendar a business target counts on, when it names one;
    /// otherwise the tier's. Always `None` on the continuous clock.
    pub on: Option<Box<str>>,
}

/// The unit of a response target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TimeUnit {
    /// Minutes.
    Minutes,
    /// Hours.
    Hours,
    /// Days: business days (the length of the calendar's longest opening
    /// day) on the business clock, calendar days (24 hours) on the
    /// continuous one.
    Days,
}

/// A limit: `20 members`, `12 hours/quarter`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Quantity {
    /// How many.
    pub amount: u64,
    /// Of what: `members`, `hours`; empty for a bare number.
    pub unit: String,
    /// Per what: `["quarter"]`.
    pub per: Vec<String>,
}

/// A length of calendar time: `365 days`, `12 weeks`, `6 months`, `2 years`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Period {
    /// How many units.
    pub amount: u32,
    /// The unit.
    pub unit: PeriodUnit,
}

/// A unit of calendar time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PeriodUnit {
    /// `days`.
    Days,
    /// `weeks`.
    Weeks,
    /// `months`.
    Months,
    /// `years`.
    Years,
}

impl PeriodUnit {
    /// The unit as written, singular: `day`.
    pub fn singular(self) -> &'static str {
        match self {
            PeriodUnit::Days => "day",
            PeriodUnit::Weeks => "week",
            PeriodUnit::Months => "month",
            PeriodUnit::Years => "year",
        }
    }

    /// The unit written `word` (singular or plural).
    pub fn parse(word: &str) -> Option<PeriodUnit> {
        Some(match word.strip_suffix('s').unwrap_or(word) {
            "day" => PeriodUnit::Days,
            "week" => PeriodUnit::Weeks,
            "month" => PeriodUnit::Months,
            "year" => PeriodUnit::Years,
            _ => return None,
        })
    }
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let plural = if self.amount == 1 { "" } else { "s" };
        write!(f, "{} {}{plural}", self.amount, self.unit.singular())
    }
}

/// An amount of money: `USD 250/hour`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Money {
    /// ISO 4217 code.
    pub currency: String,
    /// Amount in hundredths.
    pub minor: u64,
    /// Units after the amount: `["hour"]`, `["node", "month"]`.
    pub per: Vec<String>,
}

/// How a holiday falls each year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HolidayRule {
    /// The same month and day.
    Fixed {
        /// 1-12.
        month: u32,
        /// 1-31.
        day: u32,
    },
    /// Easter Sunday plus `days`.
    Easter {
        /// May be negative.
        days: i32,
    },
    /// The `weekday` within an inclusive range of days.
    WeekdayBetween {
        /// The day of the week.
        weekday: chrono::Weekday,
        /// First day of the range (month, day).
        from: (u32, u32),
        /// Last day of the range (month, day).
        to: (u32, u32),
    },
}

/// Opening hours on a span of weekdays.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct WeeklyHours {
    /// First day.
    pub from: chrono::Weekday,
    /// Last day (inclusive).
    pub to: chrono::Weekday,
    /// Opening minute after local midnight.
    pub open: u32,
    /// Closing minute after local midnight.
    pub close: u32,
}

impl WeeklyHours {
    /// The days the entry covers, in week order: `mon-fri` is Monday to
    /// Friday. None when the first day comes after the last (an error).
    pub fn days(&self) -> impl Iterator<Item = chrono::Weekday> {
        let (from, to) = (
            self.from.num_days_from_monday(),
            self.to.num_days_from_monday(),
        );
        (from..=to).filter_map(|n| {
            u8::try_from(n)
                .ok()
                .and_then(|n| chrono::Weekday::try_from(n).ok())
        })
    }
}

/// Words with a fixed meaning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Keyword {
    /// `unlimited`.
    Unlimited,
    /// `n/a`.
    NotApplicable,
    /// `best-effort`.
    BestEffort,
    /// `24x7`.
    Around,
    /// `yes`.
    Yes,
    /// `no`.
    No,
    /// `supported`.
    Supported,
    /// `not-available`.
    NotAvailable,
    /// `not-supported`.
    NotSupported,
    /// `psa`.
    Psa,
}

impl Keyword {
    /// The keyword as written.
    pub fn as_str(self) -> &'static str {
        match self {
            Keyword::Unlimited => "unlimited",
            Keyword::NotApplicable => "n/a",
            Keyword::BestEffort => "best-effort",
            Keyword::Around => "24x7",
            Keyword::Yes => "yes",
            Keyword::No => "no",
            Keyword::Supported => "supported",
            Keyword::NotAvailable => "not-available",
            Keyword::NotSupported => "not-supported",
            Keyword::Psa => "psa",
        }
    }

    /// The keyword written as `text`.
    pub fn parse(text: &str) -> Option<Keyword> {
        Some(match text {
            "unlimited" => Keyword::Unlimited,
            "n/a" => Keyword::NotApplicable,
            "best-effort" => Keyword::BestEffort,
            "24x7" => Keyword::Around,
            "yes" => Keyword::Yes,
            "no" => Keyword::No,
            "supported" => Keyword::Supported,
            "not-available" => Keyword::NotAvailable,
            "not-supported" => Keyword::NotSupported,
            "psa" => Keyword::Psa,
            _ => return None,
        })
    }
}

/// A row or column selector: an id, or `*` for all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Selector {
    /// Every row or column.
    All(Span),
    /// One row or column.
    Id(Spanned<String>),
}

/// `grid[row, column]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellRef {
    /// The grid's id.
    pub grid: Spanned<String>,
    /// The row selector.
    pub row: Selector,
    /// The column selector.
    pub column: Selector,
}

/// `decl.field`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldRef {
    /// The declaration's id.
    pub decl: Spanned<String>,
    /// The field's name.
    pub field: Spanned<String>,
}

/// What a claim states.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClaimExpr {
    /// `same grid[r, c]`: all selected cells are equal.
    Same(CellRef),
    /// `every grid[r, c] is V`.
    EveryIs(CellRef, Item),
    /// `every grid[r, c] runs CLOCK`.
    EveryRuns(CellRef, Spanned<Clock>),
    /// `grid[r, c] is V`.
    CellIs(CellRef, Item),
    /// `decl.field is V`.
    FieldIs(FieldRef, Item),
}

/// The clock a target runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Clock {
    /// Elapsed real time.
    Continuous,
    /// Open time of the business calendar.
    Business,
}

impl Clock {
    /// As written in the language.
    pub fn as_str(self) -> &'static str {
        match self {
            Clock::Continuous => "24x7",
            Clock::Business => "business",
        }
    }
}

impl Target {
    /// `n` business days on the tier's calendar.
    pub fn business_days(n: u32) -> Target {
        Target::new(n, TimeUnit::Days, Clock::Business)
    }

    /// `n` business hours on the tier's calendar.
    pub fn business_hours(n: u32) -> Target {
        Target::new(n, TimeUnit::Hours, Clock::Business)
    }

    /// `n` hours of elapsed time.
    pub fn hours_24x7(n: u32) -> Target {
        Target::new(n, TimeUnit::Hours, Clock::Continuous)
    }

    /// A target on the tier's calendar (business) or elapsed time.
    pub fn new(amount: u32, unit: TimeUnit, clock: Clock) -> Target {
        Target {
            amount,
            unit,
            clock,
            on: None,
        }
    }

    /// The clock the target runs on.
    pub fn clock(&self) -> Clock {
        self.clock
    }
}
