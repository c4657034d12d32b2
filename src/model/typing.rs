//! Literals typed as model values: what a field, a grid cell or a claim's
//! operand holds, by the type the schema gives it. Shared by the model
//! builder, the `policyc/1` reader and the claims, so that a literal means
//! the same wherever it is read.

use super::{Claim, Coverage, Hours, Incidents, Limit, Policy, ResponseTarget, Session, Value};
use crate::ast::{ClaimExpr, Item, Keyword, Literal};
use crate::schema::{fields, CellType, Kind, Type};
use crate::span::Spanned;

/// A literal as a value of a scalar type, if it fits. Prose blocks are
/// not scalars: the model builder splits them at their interpolations.
pub fn simple_value(ty: Type, literal: &Literal) -> Option<Value> {
    Some(match (ty, literal) {
        (Type::Text, Literal::Text(t)) => Value::Text(t.clone()),
        (Type::Prose, Literal::Text(t)) => Value::Text(t.clone()),
        (Type::Number, Literal::Number(n)) => Value::Number(n.clone()),
        // A version has two or three parts: `1.0`, `1.0.1`.
        (Type::Version, Literal::Number(n)) if n.contains('.') => Value::Version(n.clone()),
        (Type::Version, Literal::Version(v)) => Value::Version(v.clone()),
        (Type::Count, Literal::Number(n)) => Value::Count(n.parse().ok()?),
        (Type::Date, Literal::Date(d)) | (Type::DateOrMonth, Literal::Date(d)) => Value::Date(*d),
        (Type::DateOrMonth, Literal::Month(y, m)) => Value::Month(*y, *m),
        (Type::Range, Literal::Range(a, b)) => Value::Range(*a, *b),
        (Type::Money, Literal::Money(m)) => Value::Money((**m).clone()),
        (Type::Duration, Literal::Duration(d)) => Value::Duration(*d),
        // `365 days` is a target of calendar days and a period alike.
        (Type::Period, Literal::Target(t))
            if t.clock == crate::ast::Clock::Continuous && t.unit == crate::ast::TimeUnit::Days =>
        {
            Value::Period(crate::ast::Period {
                amount: t.amount,
                unit: crate::ast::PeriodUnit::Days,
            })
        }
        // `1 week` is a target of seven calendar days.
        (Type::Target, Literal::Period(p)) if p.unit == crate::ast::PeriodUnit::Weeks => {
            Value::Target(ResponseTarget::Within(crate::ast::Target::new(
                p.amount.checked_mul(7)?,
                crate::ast::TimeUnit::Days,
                crate::ast::Clock::Continuous,
            )))
        }
        (Type::Period, Literal::Period(p)) => Value::Period(*p),
        (Type::YesNo, Literal::Keyword(Keyword::Yes)) => Value::Bool(true),
        (Type::YesNo, Literal::Keyword(Keyword::No)) => Value::Bool(false),
        (Type::Incidents, Literal::Number(n)) => {
            Value::Incidents(Incidents::Count(n.parse().ok()?))
        }
        (Type::Incidents, Literal::Keyword(Keyword::Unlimited)) => {
            Value::Incidents(Incidents::Unlimited)
        }
        (Type::Incidents, Literal::Keyword(Keyword::NotApplicable)) => {
            Value::Incidents(Incidents::NotApplicable)
        }
        (Type::Target, Literal::Target(t)) => Value::Target(ResponseTarget::Within(t.clone())),
        (Type::Target, Literal::Keyword(Keyword::BestEffort)) => {
            Value::Target(ResponseTarget::BestEffort)
        }
        (Type::Target, Literal::Keyword(Keyword::NotApplicable)) => {
            Value::Target(ResponseTarget::NotApplicable)
        }
        (Type::Hours, Literal::Keyword(Keyword::BestEffort)) => Value::Hours(Hours::BestEffort),
        (Type::Hours, Literal::Keyword(Keyword::Around)) => Value::Hours(Hours::Around),
        (Type::Holiday, Literal::Holiday(h)) => Value::Holiday(*h),
        (Type::Quantity, _) => Value::Limit(limit(literal)?),
        // A label names a kind, or a field a kind has.
        (Type::LabelOf, Literal::Reference(kind)) if Kind::parse(kind).is_some() => {
            Value::Text(kind.clone())
        }
        (Type::LabelOf, Literal::FieldRef(f))
            if Kind::parse(&f.decl.value).is_some_and(|k| k.field(&f.field.value).is_some()) =>
        {
            Value::Text(format!("{}.{}", f.decl.value, f.field.value))
        }
        (Type::Start, Literal::Reference(word)) if START_WORDS.contains(&word.as_str()) => {
            Value::Text(word.clone())
        }
        (Type::Claim, Literal::Claim(c)) => Value::Claim(Box::new(Claim {
            expr: (**c).clone(),
            operand: None,
        })),
        _ => return None,
    })
}

/// A limit as written: `20 members`, `12 hours/quarter`, `3`, `2 hours`,
/// `5 days`, `unlimited`, `n/a`.
fn limit(literal: &Literal) -> Option<Limit> {
    use crate::ast::{Clock, Quantity, TimeUnit};
    let amount = |amount: u64, unit: &str| {
        Limit::Amount(Quantity {
            amount,
            unit: unit.to_owned(),
            per: Vec::new(),
        })
    };
    Some(match literal {
        Literal::Quantity(q) => Limit::Amount((**q).clone()),
        Literal::Number(n) => amount(n.parse().ok()?, ""),
        Literal::Keyword(Keyword::Unlimited) => Limit::Unlimited,
        Literal::Keyword(Keyword::NotApplicable) => Limit::NotApplicable,
        Literal::Duration(minutes) if minutes % 60 == 0 => {
            amount(minutes / 60, if *minutes == 60 { "hour" } else { "hours" })
        }
        Literal::Duration(minutes) => {
            amount(*minutes, if *minutes == 1 { "minute" } else { "minutes" })
        }
        Literal::Target(t) if t.clock == Clock::Continuous && t.unit == TimeUnit::Days => amount(
            u64::from(t.amount),
            if t.amount == 1 { "day" } else { "days" },
        ),
        Literal::Period(p) => {
            let unit = p.unit.singular();
            let plural = format!("{unit}s");
            amount(
                u64::from(p.amount),
                if p.amount == 1 { unit } else { &plural },
            )
        }
        _ => return None,
    })
}

/// The words of [`Type::Start`]: where a metric's clock starts.
pub const START_WORDS: [&str; 2] = ["submission", "last-update"];

/// A grid cell's literal as a value; with a cell type, in that type's terms.
pub fn cell_value(cell_type: Option<CellType>, item: &Item) -> Value {
    let literal = &item.literal;
    let as_type = match cell_type {
        Some(CellType::Target) => simple_value(Type::Target, literal),
        Some(CellType::Incidents) => simple_value(Type::Incidents, literal),
        Some(CellType::Quantity) => simple_value(Type::Quantity, literal),
        Some(CellType::YesNo) => simple_value(Type::YesNo, literal),
        Some(CellType::Text) => simple_value(Type::Text, literal),
        Some(CellType::Date) => match literal {
            Literal::Date(d) => Some(Value::Date(*d)),
            Literal::Keyword(Keyword::NotApplicable) => Some(Value::NotApplicable),
            _ => None,
        },
        _ => None,
    };
    if let Some(v) = as_type {
        return v;
    }
    match literal {
        Literal::Keyword(Keyword::Supported) => Value::Coverage(Coverage::Supported),
        Literal::Keyword(Keyword::NotAvailable) if cell_type == Some(CellType::Session) => {
            Value::Session(Session::NotAvailable)
        }
        Literal::Keyword(Keyword::NotAvailable) => Value::Coverage(Coverage::NotAvailable),
        Literal::Keyword(Keyword::NotSupported) => Value::Coverage(Coverage::NotSupported),
        Literal::Keyword(Keyword::Psa) => Value::Coverage(Coverage::Psa),
        Literal::Keyword(Keyword::Unlimited) if cell_type == Some(CellType::Session) => {
            Value::Session(Session::Unlimited)
        }
        Literal::Duration(m) => Value::Session(Session::Minutes(*m)),
        Literal::Keyword(Keyword::BestEffort) => Value::Target(ResponseTarget::BestEffort),
        Literal::Keyword(Keyword::NotApplicable) => Value::Target(ResponseTarget::NotApplicable),
        Literal::Target(t) => Value::Target(ResponseTarget::Within(t.clone())),
        Literal::Keyword(Keyword::Yes) => Value::Bool(true),
        Literal::Keyword(Keyword::No) => Value::Bool(false),
        Literal::Keyword(Keyword::Unlimited) => Value::Incidents(Incidents::Unlimited),
        Literal::Text(t) => Value::Text(t.clone()),
        Literal::Number(n) => Value::Number(n.clone()),
        Literal::Reference(r) => Value::Ref(Spanned::new(r.clone(), item.span)),
        _ => Value::Text(String::new()),
    }
}

/// Whether a cell value fits a cell type.
pub fn fits(ty: CellType, value: &Value) -> bool {
    matches!(
        (ty, value),
        (CellType::Target, Value::Target(_))
            | (CellType::Coverage, Value::Coverage(_))
            | (CellType::YesNo, Value::Bool(_))
            | (CellType::Session, Value::Session(_))
            | (CellType::Text, Value::Text(_))
            | (CellType::Incidents, Value::Incidents(_))
            | (CellType::Quantity, Value::Limit(_))
            | (CellType::Date, Value::Date(_) | Value::NotApplicable)
    )
}

/// An item typed as the field `field` of a `kind` would type it.
pub fn item_as(kind: Kind, field: &str, item: &Item) -> Option<Value> {
    let spec = kind.field(field)?;
    match spec.ty {
        Type::Ref(_) => match &item.literal {
            Literal::Reference(r) => Some(Value::Ref(Spanned::new(r.clone(), item.span))),
            _ => None,
        },
        Type::Hours => match &item.literal {
            Literal::Reference(r) => Some(Value::Hours(Hours::Calendar(Spanned::new(
                r.clone(),
                item.span,
            )))),
            literal => simple_value(Type::Hours, literal),
        },
        ty => simple_value(ty, &item.literal),
    }
}

/// Types the operand of every claim by what the claim is about: a grid's
/// cells by the grid's cell type, a field by its schema type. Runs once the
/// whole model is built (a claim may name a grid declared after it).
pub fn type_claims(policy: &mut Policy) {
    let mut typed = Vec::new();
    for (index, decl) in policy.decls.iter().enumerate() {
        let Some(Value::Claim(claim)) = decl.value(fields::claim::HOLDS) else {
            continue;
        };
        let operand = match &claim.expr {
            ClaimExpr::EveryIs(cells, item) | ClaimExpr::CellIs(cells, item) => policy
                .get(cells.grid.as_str())
                .filter(|g| g.kind == Kind::Grid)
                .map(|grid| {
                    let cell_type = match grid.value(fields::grid::CELLS) {
                        Some(Value::CellType(c)) => Some(*c),
                        _ => None,
                    };
                    cell_value(cell_type, item)
                }),
            ClaimExpr::FieldIs(reference, item) => policy
                .get(reference.decl.as_str())
                .and_then(|decl| item_as(decl.kind, reference.field.as_str(), item)),
            ClaimExpr::Same(_) | ClaimExpr::EveryRuns(..) => None,
        };
        typed.push((index, operand));
    }
    for (index, operand) in typed {
        if let Some(Value::Claim(claim)) = policy
            .decls
            .get_mut(index)
            .and_then(|d| d.fields.get_mut(fields::claim::HOLDS))
            .map(|f| &mut f.value)
        {
            claim.operand = operand;
        }
    }
}
