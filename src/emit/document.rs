//! The `policyc/1` tree ([`crate::serial::tree`]) of a validated policy,
//! which the JSON and YAML emitters serialize.

use super::Meta;
use crate::ast::{
    CellRef, ClaimExpr, Clock, FieldRef, HolidayRule, Item, Literal, Money, Selector, Target,
    WeeklyHours,
};
use crate::facts::Valid;
use crate::model::prose::Interpolator;
use crate::model::{
    Body, Cell, Decl, Field, Hours, Incidents, Interpolation, Policy, Prose, ProsePart,
    ResponseTarget, Session, Value,
};
use crate::serial::tree::*;
use crate::value_text;

/// The `policyc/1` document of a policy.
pub fn document(valid: &Valid, meta: &Meta) -> Document {
    let policy = valid.policy();
    {
        Document {
            format: FORMAT.to_owned(),
            generated: meta.marker(),
            source: Source {
                file: meta.source.clone(),
                hash: meta.source_hash.clone(),
            },
            policy: summary(policy, meta),
            declarations: policy
                .decls
                .iter()
                .map(|decl| declaration(policy, decl))
                .collect(),
        }
    }
}

fn summary(policy: &Policy, meta: &Meta) -> Summary {
    use crate::schema::fields::policy::{EFFECTIVE, PROVIDER, REVIEW, UPDATED, VERSION};
    let header = policy.header();
    let get = |name: &str| header.and_then(|h| h.value(name)).map(plain_scalar);
    Summary {
        id: header.map_or_else(|| meta.policy_id.clone(), |h| h.id.value.clone()),
        title: header
            .and_then(|h| h.title.as_ref())
            .map(|t| t.value.clone()),
        version: get(VERSION),
        provider: get(PROVIDER),
        effective: get(EFFECTIVE),
        updated: get(UPDATED),
        review: get(REVIEW),
    }
}

/// A scalar as a plain string: text unquoted, others as written.
fn plain_scalar(value: &Value) -> String {
    match value {
        Value::Text(t) | Value::Zone(t) | Value::Number(t) | Value::Version(t) => t.clone(),
        other => value_text::show(other),
    }
}

fn declaration(policy: &Policy, decl: &Decl) -> Declaration {
    let fields = decl
        .fields
        .iter()
        .map(|(name, field)| ((*name).to_owned(), field_value(policy, &field.value)))
        .collect();
    let notes = decl
        .fields
        .iter()
        .filter_map(|(name, field)| field.note.clone().map(|n| ((*name).to_owned(), n)))
        .collect();
    let body = decl
        .body
        .iter()
        .map(|b| match b {
            Body::Prose(p) => BodyItem::Prose(prose(policy, p)),
            Body::Decl(i) => BodyItem::Declaration(
                policy
                    .decls
                    .get(*i)
                    .map_or_else(String::new, |d| d.id.value.clone()),
            ),
        })
        .collect();
    let grid = decl.grid.as_ref().map(|grid| {
        let any_note = grid
            .cells
            .iter()
            .flatten()
            .flatten()
            .any(|c| c.note.is_some());
        GridDoc {
            rows: grid.rows.iter().map(|r| r.value.clone()).collect(),
            columns: grid.columns.iter().map(|c| c.value.clone()).collect(),
            cells: grid
                .cells
                .iter()
                .map(|row| {
                    row.iter()
                        .map(|c| c.as_ref().map(|c| field_value(policy, &c.value)))
                        .collect()
                })
                .collect(),
            notes: any_note.then(|| {
                grid.cells
                    .iter()
                    .map(|row| {
                        row.iter()
                            .map(|c| c.as_ref().and_then(|c| c.note.clone()))
                            .collect()
                    })
                    .collect()
            }),
        }
    });
    Declaration {
        kind: decl.kind.name().to_owned(),
        id: decl.id.value.clone(),
        title: decl.title.as_ref().map(|t| t.value.clone()),
        parent: decl
            .parent
            .and_then(|p| policy.decls.get(p))
            .map(|p| p.id.value.clone()),
        fields,
        notes,
        body,
        grid,
    }
}

/// The document shape of a value.
pub fn field_value(policy: &Policy, value: &Value) -> FieldValue {
    use FieldValue as F;
    let s = |t: &str| F::String(t.to_owned());
    match value {
        Value::Text(t) | Value::Zone(t) | Value::Number(t) | Value::Version(t) => {
            F::String(t.clone())
        }
        Value::Prose(p) => F::Prose(prose(policy, p)),
        Value::Texts(items) => F::Strings(items.clone()),
        Value::Count(n) => F::Integer(*n),
        Value::Date(d) => F::String(date(*d)),
        Value::Month(y, m) => F::String(format!("{y:04}-{m:02}")),
        Value::Range(from, to) => F::Range(RangeDoc {
            from: *from,
            to: *to,
        }),
        Value::Money(m) => F::Money(money(m)),
        Value::Duration(minutes) => F::Minutes(MinutesDoc { minutes: *minutes }),
        Value::Period(p) => F::Period(PeriodDoc {
            amount: p.amount,
            unit: format!("{}s", p.unit.singular()),
        }),
        Value::NotApplicable => s("n/a"),
        Value::Bool(b) => F::Bool(*b),
        Value::Incidents(Incidents::Count(n)) => F::Integer(*n),
        Value::Incidents(Incidents::Unlimited) => s("unlimited"),
        Value::Incidents(Incidents::NotApplicable) => s("n/a"),
        Value::Target(t) => F::Target(response_target(t)),
        Value::Hours(Hours::BestEffort) => s("best-effort"),
        Value::Hours(Hours::Around) => s("24x7"),
        Value::Hours(Hours::Calendar(id)) => F::Calendar(CalendarDoc {
            calendar: id.value.clone(),
        }),
        Value::Ref(id) => F::String(id.value.clone()),
        Value::Refs(ids) | Value::FieldNames(ids) => {
            F::Strings(ids.iter().map(|i| i.value.clone()).collect())
        }
        Value::Kind(k) => s(k.name()),
        Value::CellType(c) => s(c.name()),
        Value::Role(r) => s(r.name()),
        Value::Limit(l) => s(&value_text::limit(l)),
        Value::Observance(o) => s(o.name()),
        Value::Weekly(w) => F::Weekly(w.iter().map(weekly).collect()),
        Value::Dates(d) => F::Strings(d.iter().map(|d| date(*d)).collect()),
        Value::Holiday(h) => F::Holiday(holiday(h)),
        Value::Claim(c) => F::Claim(Box::new(claim(&c.expr))),
        Value::Coverage(c) => s(value_text::coverage(*c)),
        Value::Session(Session::Minutes(m)) => F::Minutes(MinutesDoc { minutes: *m }),
        Value::Session(Session::Unlimited) => s("unlimited"),
        Value::Session(Session::NotAvailable) => s("not-available"),
        Value::Instant(i) => F::String(i.to_rfc3339()),
    }
}

fn date(d: chrono::NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn money(m: &Money) -> MoneyDoc {
    MoneyDoc {
        currency: m.currency.clone(),
        minor: m.minor,
        per: m.per.clone(),
    }
}

fn target(t: &Target) -> TargetDoc {
    let kind = crate::serial::tree::TARGET_KINDS
        .iter()
        .find(|(_, clock, unit)| *clock == t.clock && *unit == t.unit)
        .map_or("", |(kind, _, _)| kind);
    TargetDoc {
        kind: kind.to_owned(),
        amount: Some(t.amount),
        calendar: t.on.as_deref().map(str::to_owned),
    }
}

fn response_target(t: &ResponseTarget) -> TargetDoc {
    match t {
        ResponseTarget::Within(t) => target(t),
        ResponseTarget::BestEffort => TargetDoc {
            kind: "best-effort".to_owned(),
            amount: None,
            calendar: None,
        },
        ResponseTarget::NotApplicable => TargetDoc {
            kind: "n/a".to_owned(),
            amount: None,
            calendar: None,
        },
    }
}

fn weekly(w: &WeeklyHours) -> WeeklyDoc {
    WeeklyDoc {
        from: weekday(w.from),
        to: weekday(w.to),
        open: value_text::clock_time(w.open),
        close: value_text::clock_time(w.close),
    }
}

fn month_day((month, day): (u32, u32)) -> String {
    format!("{month:02}-{day:02}")
}

fn holiday(h: &HolidayRule) -> HolidayDoc {
    match *h {
        HolidayRule::Fixed { month, day } => HolidayDoc {
            fixed: Some(month_day((month, day))),
            ..HolidayDoc::default()
        },
        HolidayRule::Easter { days } => HolidayDoc {
            easter: Some(days),
            ..HolidayDoc::default()
        },
        HolidayRule::WeekdayBetween {
            weekday: w,
            from,
            to,
        } => HolidayDoc {
            weekday: Some(weekday(w)),
            from: Some(month_day(from)),
            to: Some(month_day(to)),
            ..HolidayDoc::default()
        },
    }
}

fn cells(c: &CellRef) -> CellsDoc {
    let selector = |s: &Selector| match s {
        Selector::All(_) => "*".to_owned(),
        Selector::Id(id) => id.value.clone(),
    };
    CellsDoc {
        grid: c.grid.value.clone(),
        row: selector(&c.row),
        column: selector(&c.column),
    }
}

fn field_ref(f: &FieldRef) -> FieldRefDoc {
    FieldRefDoc {
        declaration: f.decl.value.clone(),
        field: f.field.value.clone(),
    }
}

/// A claim operand; `None` for a literal no claim can hold (never in a
/// parsed policy).
fn operand(item: &Item) -> Option<OperandDoc> {
    Some(match &item.literal {
        Literal::Target(t) => OperandDoc::Target(target(t)),
        Literal::Duration(m) => OperandDoc::Duration(MinutesDoc { minutes: *m }),
        Literal::Money(m) => OperandDoc::Money(money(m)),
        Literal::Keyword(k) => OperandDoc::Keyword(k.as_str().to_owned()),
        Literal::Number(n) => OperandDoc::Number(n.clone()),
        Literal::Text(t) => OperandDoc::Text(t.clone()),
        Literal::Reference(r) => OperandDoc::Ref(r.clone()),
        _ => return None,
    })
}

fn claim(c: &ClaimExpr) -> ClaimDoc {
    match c {
        ClaimExpr::Same(c) => ClaimDoc {
            same: Some(cells(c)),
            ..ClaimDoc::default()
        },
        ClaimExpr::EveryIs(c, item) => ClaimDoc {
            every: Some(cells(c)),
            is: operand(item),
            ..ClaimDoc::default()
        },
        ClaimExpr::EveryRuns(c, clock) => ClaimDoc {
            every: Some(cells(c)),
            runs: Some(
                match clock.value {
                    Clock::Business => "business",
                    Clock::Continuous => "24x7",
                }
                .to_owned(),
            ),
            ..ClaimDoc::default()
        },
        ClaimExpr::CellIs(c, item) => ClaimDoc {
            cell: Some(cells(c)),
            is: operand(item),
            ..ClaimDoc::default()
        },
        ClaimExpr::FieldIs(f, item) => ClaimDoc {
            field: Some(field_ref(f)),
            is: operand(item),
            ..ClaimDoc::default()
        },
    }
}

fn prose(policy: &Policy, p: &Prose) -> ProseDoc {
    ProseDoc {
        markdown: policy.write_prose(p, &Shown(policy)),
        parts: p
            .parts
            .iter()
            .map(|part| match part {
                ProsePart::Text(t) => PartDoc::Text(t.clone()),
                ProsePart::Value(i) => PartDoc::Ref(match i {
                    Interpolation::Title(id) => RefDoc {
                        declaration: Some(id.value.clone()),
                        ..RefDoc::default()
                    },
                    Interpolation::Field(id, field) => RefDoc {
                        declaration: Some(id.value.clone()),
                        field: Some(field.value.clone()),
                        ..RefDoc::default()
                    },
                    Interpolation::Cell(grid, row, column) => RefDoc {
                        grid: Some(grid.value.clone()),
                        row: Some(row.value.clone()),
                        column: Some(column.value.clone()),
                        ..RefDoc::default()
                    },
                }),
            })
            .collect(),
    }
}

/// Interpolations as a prose document shows them: values as written, text
/// without quotes, references by title, notes left out.
struct Shown<'p>(&'p Policy);

impl Interpolator for Shown<'_> {
    fn field(&self, field: &Field, prose: Option<String>) -> String {
        prose.unwrap_or_else(|| shown(self.0, &field.value))
    }

    fn cell(&self, cell: &Cell) -> String {
        shown(self.0, &cell.value)
    }
}

/// A value as prose shows it: text without quotes, references by title.
fn shown(policy: &Policy, value: &Value) -> String {
    let title = |id: &str| policy.get(id).map_or(id, |d| d.display()).to_owned();
    match value {
        Value::Text(t) | Value::Zone(t) => t.clone(),
        Value::Prose(p) => policy.write_prose(p, &Shown(policy)),
        Value::Texts(items) => items.join(", "),
        Value::Ref(id) | Value::Hours(Hours::Calendar(id)) => title(&id.value),
        Value::Refs(ids) => ids
            .iter()
            .map(|i| title(&i.value))
            .collect::<Vec<_>>()
            .join(", "),
        other => value_text::show(other),
    }
}
