//! The Rust types of the policy's data, and its values as expressions of
//! those types.
//!
//! What a field method, a grid function or a constant returns is decided
//! once, in the plan, as a [`RustType`]: decisions compare types, never
//! their text, which is written only when an item is printed.

use super::layout::Expr;
use super::names::type_name;
use super::plan::{IdSet, Plan};
use super::text::plain;
use super::RT;
use crate::ast;
use crate::facts::calendars::{runtime_holiday, HOLIDAY_NAME};
use crate::model::{Coverage, Hours, Incidents, ResponseTarget, Session, Value};
use crate::schema::{CellType, Kind, Type};
use crate::span::Spanned;
use policyc_runtime as rt;

/// A Rust type the generated code uses for the policy's data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RustType {
    /// `bool`.
    Bool,
    /// `&'static str`.
    Str,
    /// `&'static [&'static str]`.
    Strs,
    /// `u64`: a count.
    Count,
    /// `u32`: a duration in minutes.
    Minutes,
    /// `::std::ops::RangeInclusive<u64>`.
    Range,
    /// The runtime's `Money`.
    Money,
    /// The runtime's `Incidents`.
    Incidents,
    /// The runtime's `Limit`.
    Limit,
    /// The runtime's `ResponseTarget`.
    Target,
    /// The runtime's `Coverage`.
    Coverage,
    /// The runtime's `Session`.
    Session,
    /// The runtime's `SupportHours`.
    Hours,
    /// The runtime's `HolidayRule`.
    Holiday,
    /// The runtime's `Day`.
    Day,
    /// The enum of an id set, e.g. `Tier`.
    Enum(Kind),
    /// A slice of the enum of an id set, e.g. `&'static [Tier]`.
    Enums(Kind),
}

impl RustType {
    /// The type as a function or a method returns it.
    pub fn text(self) -> String {
        self.write("&'static ")
    }

    /// The type as a constant holds it (`'static` implied).
    pub fn in_const(self) -> String {
        self.write("&")
    }

    /// The type with references written `reference` (`&'static ` or `&`).
    fn write(self, reference: &str) -> String {
        match self {
            RustType::Bool => "bool".to_owned(),
            RustType::Str => format!("{reference}str"),
            RustType::Strs => format!("{reference}[{reference}str]"),
            RustType::Count => "u64".to_owned(),
            RustType::Minutes => "u32".to_owned(),
            RustType::Range => "::std::ops::RangeInclusive<u64>".to_owned(),
            RustType::Money => format!("{RT}::Money"),
            RustType::Incidents => format!("{RT}::Incidents"),
            RustType::Limit => format!("{RT}::Limit"),
            RustType::Target => format!("{RT}::ResponseTarget"),
            RustType::Coverage => format!("{RT}::Coverage"),
            RustType::Session => format!("{RT}::Session"),
            RustType::Hours => format!("{RT}::SupportHours"),
            RustType::Holiday => format!("{RT}::HolidayRule"),
            RustType::Day => format!("{RT}::Day"),
            RustType::Enum(kind) => type_name(kind),
            RustType::Enums(kind) => format!("{reference}[{}]", type_name(kind)),
        }
    }

    /// The type of a grid's cells.
    pub fn of_cells(cells: CellType) -> RustType {
        match cells {
            CellType::Target => RustType::Target,
            CellType::Coverage => RustType::Coverage,
            CellType::YesNo => RustType::Bool,
            CellType::Session => RustType::Session,
            CellType::Text => RustType::Str,
            CellType::Incidents => RustType::Incidents,
            CellType::Quantity => RustType::Limit,
            CellType::Date => RustType::Day,
        }
    }
}

/// What a function returns: a type, in an `Option` where some value is
/// missing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Returns {
    /// The type of a value.
    pub ty: RustType,
    /// Whether values are wrapped in `Option`.
    pub optional: bool,
}

impl Returns {
    /// The return type as written.
    pub fn text(self) -> String {
        if self.optional {
            format!("Option<{}>", self.ty.text())
        } else {
            self.ty.text()
        }
    }

    /// A value as returned: wrapped in `Some` when optional, `None` when
    /// missing.
    pub fn value(self, value: Option<&Expr>) -> Expr {
        match value {
            Some(e) if self.optional => e.clone().some(),
            Some(e) => e.clone(),
            None => Expr::atom("None"),
        }
    }
}

/// A value with its Rust type.
#[derive(Clone, Debug)]
pub struct Typed {
    /// Its type.
    pub ty: RustType,
    /// The expression; `None` for `n/a` (a target that does not apply),
    /// which makes the type an `Option`.
    pub value: Option<Expr>,
}

impl Typed {
    /// A value of type `ty`.
    pub fn of(ty: RustType, value: Expr) -> Option<Typed> {
        Some(Typed {
            ty,
            value: Some(value),
        })
    }
}

/// A field's value, typed by the field's schema type; `name` names a
/// holiday rule. `None` for a value the generated code does not hold.
pub fn typed(plan: &Plan, ty: Type, value: &Value, name: &str) -> Option<Typed> {
    match (ty, value) {
        (
            Type::Text
            | Type::Prose
            | Type::Number
            | Type::Zone
            | Type::Date
            | Type::DateOrMonth
            | Type::Instant,
            v,
        ) => Typed::of(RustType::Str, Expr::Str(plain(plan.policy, v))),
        (Type::Texts, Value::Texts(items)) => Typed::of(
            RustType::Strs,
            Expr::slice(items.iter().map(|s| Expr::Str(s.clone())).collect()),
        ),
        (Type::Count, Value::Count(n)) => Typed::of(RustType::Count, Expr::atom(n.to_string())),
        (Type::Range, Value::Range(a, b)) => Typed::of(
            RustType::Range,
            Expr::call(
                "::std::ops::RangeInclusive::new",
                vec![Expr::atom(a.to_string()), Expr::atom(b.to_string())],
            ),
        ),
        (Type::Money, Value::Money(m)) => Typed::of(RustType::Money, money(m)),
        (Type::Duration, Value::Duration(n)) => {
            Typed::of(RustType::Minutes, Expr::atom(clamp_u32(*n).to_string()))
        }
        (Type::YesNo, Value::Bool(b)) => Typed::of(RustType::Bool, Expr::atom(b.to_string())),
        (Type::Incidents, Value::Incidents(i)) => Typed::of(RustType::Incidents, incidents(*i)),
        (Type::Target, Value::Target(target)) => Some(Typed {
            ty: RustType::Target,
            value: response_target(target),
        }),
        (Type::Hours, Value::Hours(hours)) => {
            let expr = match hours {
                Hours::BestEffort => Expr::atom(format!("{RT}::SupportHours::BestEffort")),
                Hours::Around => Expr::atom(format!("{RT}::SupportHours::Continuous")),
                Hours::Calendar(id) => Expr::call(
                    format!("{RT}::SupportHours::Calendar"),
                    vec![Expr::atom(format!("&{}", plan.calendar_name(id.as_str())?))],
                ),
            };
            Typed::of(RustType::Hours, expr)
        }
        (Type::Holiday, Value::Holiday(rule)) => {
            let rule = runtime_holiday(rule, None, HOLIDAY_NAME)?;
            Typed::of(RustType::Holiday, holiday(&format!("{RT}::"), name, &rule))
        }
        (Type::Ref(kinds), Value::Ref(id)) => match ref_set(plan, kinds) {
            Some(set) => Typed::of(RustType::Enum(set.kind), Expr::atom(set.path(id.as_str())?)),
            None => Typed::of(RustType::Str, Expr::Str(id.value.clone())),
        },
        (Type::Refs(kinds), Value::Refs(ids)) => references(ref_set(plan, kinds), ids),
        _ => None,
    }
}

/// The id set that references to `kinds` take: one id-set kind.
fn ref_set<'c, 'p>(plan: &'c Plan<'p>, kinds: &[Kind]) -> Option<&'c IdSet<'p>> {
    match kinds {
        [kind] if kind.is_id_set() => plan.set(*kind),
        _ => None,
    }
}

/// A list of references: a slice of the enum of `set`, or of the ids as
/// strings where there is no one id set.
pub fn references(set: Option<&IdSet>, ids: &[Spanned<String>]) -> Option<Typed> {
    match set {
        Some(set) => {
            let items = ids
                .iter()
                .map(|id| set.path(id.as_str()).map(Expr::atom))
                .collect::<Option<Vec<_>>>()?;
            Typed::of(RustType::Enums(set.kind), Expr::slice(items))
        }
        None => Typed::of(
            RustType::Strs,
            Expr::slice(ids.iter().map(|id| Expr::Str(id.value.clone())).collect()),
        ),
    }
}

/// A grid cell, typed by the grid's cell type; `None` for a value that
/// does not fit it.
pub fn cell(cells: CellType, value: &Value) -> Option<Typed> {
    let ty = RustType::of_cells(cells);
    let atom = |s: String| Typed::of(ty, Expr::atom(s));
    match (cells, value) {
        (CellType::Target, Value::Target(t)) => Some(Typed {
            ty,
            value: response_target(t),
        }),
        (CellType::Coverage, Value::Coverage(c)) => atom(format!(
            "{RT}::Coverage::{}",
            match c {
                Coverage::Supported => "Supported",
                Coverage::Psa => "ProfessionalServices",
                Coverage::NotAvailable => "NotAvailable",
                Coverage::NotSupported => "NotSupported",
            }
        )),
        (CellType::YesNo, Value::Bool(b)) => atom(b.to_string()),
        (CellType::Session, Value::Session(s)) => match s {
            Session::Minutes(m) => Typed::of(
                ty,
                Expr::call(
                    format!("{RT}::Session::UpTo"),
                    vec![Expr::atom(clamp_u32(*m).to_string())],
                ),
            ),
            Session::Unlimited => atom(format!("{RT}::Session::Unlimited")),
            Session::NotAvailable => atom(format!("{RT}::Session::NotAvailable")),
        },
        (CellType::Text, Value::Text(t)) => Typed::of(ty, Expr::Str(t.clone())),
        (CellType::Incidents, Value::Incidents(i)) => Typed::of(ty, incidents(*i)),
        (CellType::Quantity, Value::Limit(l)) => Typed::of(ty, limit(l)),
        (CellType::Date, Value::Date(d)) => Typed::of(ty, day(*d)),
        (CellType::Date, Value::NotApplicable) => Some(Typed { ty, value: None }),
        _ => None,
    }
}

/// `::policyc_runtime::Day { year: 2025, month: 5, day: 20 }`: a struct
/// literal, which a `&'static` slice can hold (a `const fn` call could not
/// be promoted).
pub fn day(date: chrono::NaiveDate) -> Expr {
    use chrono::Datelike;
    Expr::Struct(
        format!("{RT}::Day"),
        vec![
            ("year".to_owned(), Expr::atom(date.year().to_string())),
            ("month".to_owned(), Expr::atom(date.month().to_string())),
            ("day".to_owned(), Expr::atom(date.day().to_string())),
        ],
    )
}

/// `Money::from_code(b"USD", 25000)`.
pub fn money(m: &ast::Money) -> Expr {
    let code = match m.currency.as_bytes() {
        [a, b, c] if [a, b, c].iter().all(|x| x.is_ascii_uppercase()) => m.currency.clone(),
        _ => "XXX".to_owned(),
    };
    let minor = i64::try_from(m.minor).unwrap_or(i64::MAX);
    Expr::call(
        format!("{RT}::Money::from_code"),
        vec![
            Expr::atom(format!("b\"{code}\"")),
            Expr::atom(minor.to_string()),
        ],
    )
}

/// `Limit::of(20, "members", &[])`.
fn limit(l: &crate::model::Limit) -> Expr {
    match l {
        crate::model::Limit::Amount(q) => {
            let per: Vec<String> = q.per.iter().map(|p| format!("{p:?}")).collect();
            Expr::call(
                format!("{RT}::Limit::of"),
                vec![
                    Expr::atom(q.amount.to_string()),
                    Expr::Str(q.unit.clone()),
                    Expr::atom(format!("&[{}]", per.join(", "))),
                ],
            )
        }
        crate::model::Limit::Unlimited => Expr::atom(format!("{RT}::Limit::Unlimited")),
        crate::model::Limit::NotApplicable => Expr::atom(format!("{RT}::Limit::NotApplicable")),
    }
}

fn incidents(i: Incidents) -> Expr {
    match i {
        Incidents::Count(n) => Expr::call(
            format!("{RT}::Incidents::Count"),
            vec![Expr::atom(clamp_u32(n).to_string())],
        ),
        Incidents::Unlimited => Expr::atom(format!("{RT}::Incidents::Unlimited")),
        Incidents::NotApplicable => Expr::atom(format!("{RT}::Incidents::NotApplicable")),
    }
}

/// `None` for `n/a`.
fn response_target(target: &ResponseTarget) -> Option<Expr> {
    use policyc_runtime::ResponseTarget as R;
    let call = |name: &str, n: u32| {
        Expr::call(
            format!("{RT}::ResponseTarget::{name}"),
            vec![Expr::atom(n.to_string())],
        )
    };
    Some(match target.runtime()? {
        R::BestEffort => Expr::atom(format!("{RT}::ResponseTarget::BestEffort")),
        R::BusinessDays(n) => call("BusinessDays", n),
        R::BusinessHours(n) => call("BusinessHours", n),
        R::BusinessMinutes(n) => call("BusinessMinutes", n),
        R::Hours24x7(n) => call("Hours24x7", n),
        R::Minutes24x7(n) => call("Minutes24x7", n),
        R::CalendarDays(n) => call("CalendarDays", n),
    })
}

/// The variant of chrono's `Weekday`.
pub fn weekday(day: chrono::Weekday) -> &'static str {
    match day {
        chrono::Weekday::Mon => "Mon",
        chrono::Weekday::Tue => "Tue",
        chrono::Weekday::Wed => "Wed",
        chrono::Weekday::Thu => "Thu",
        chrono::Weekday::Fri => "Fri",
        chrono::Weekday::Sat => "Sat",
        chrono::Weekday::Sun => "Sun",
    }
}

/// A runtime holiday rule named `name`; `rt` is the path prefix of the
/// runtime crate (`::policyc_runtime::` or a local `rt::`).
pub fn holiday(rt: &str, name: &str, rule: &rt::HolidayRule) -> Expr {
    let n = |n: u8| Expr::atom(n.to_string());
    let name = ("name".to_owned(), Expr::Str(name.to_owned()));
    match *rule {
        rt::HolidayRule::Fixed { month, day, .. } => Expr::Struct(
            format!("{rt}HolidayRule::Fixed"),
            vec![name, ("month".into(), n(month)), ("day".into(), n(day))],
        ),
        rt::HolidayRule::Observed {
            month, day, shift, ..
        } => Expr::Struct(
            format!("{rt}HolidayRule::Observed"),
            vec![
                name,
                ("month".into(), n(month)),
                ("day".into(), n(day)),
                (
                    "shift".into(),
                    Expr::atom(format!("{rt}Observance::{shift:?}")),
                ),
            ],
        ),
        rt::HolidayRule::EasterOffset { days, .. } => Expr::Struct(
            format!("{rt}HolidayRule::EasterOffset"),
            vec![name, ("days".into(), Expr::atom(days.to_string()))],
        ),
        rt::HolidayRule::WeekdayBetween {
            weekday: day,
            from_month,
            from_day,
            to_month,
            to_day,
            ..
        } => Expr::Struct(
            format!("{rt}HolidayRule::WeekdayBetween"),
            vec![
                name,
                (
                    "weekday".into(),
                    Expr::atom(format!("{rt}chrono::Weekday::{}", weekday(day))),
                ),
                ("from_month".into(), n(from_month)),
                ("from_day".into(), n(from_day)),
                ("to_month".into(), n(to_month)),
                ("to_day".into(), n(to_day)),
            ],
        ),
    }
}

/// A count as the runtime's `u32`, saturated.
pub fn clamp_u32(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
