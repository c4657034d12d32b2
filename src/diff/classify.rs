//! The direction of a change for the customer, from the schema type of
//! what changed (see the rules in the [module documentation](super));
//! targets and calendars by their deadlines (`super::deadlines`).

use super::Class;
use crate::ast::WeeklyHours;
use crate::model::{Coverage, Hours, Incidents, Limit, Session, Value};
use crate::schema::fields::{
    calendar, claim, contact, grid, license, phase, product, release, rule, tier,
};
use crate::schema::{CellType, Kind};
use std::cmp::Ordering;

/// The one order of coverage values, most generous first: supported > psa
/// > not-available > not-supported. Higher is better for the customer.
pub fn generosity(coverage: Coverage) -> u8 {
    match coverage {
        Coverage::Supported => 3,
        Coverage::Psa => 2,
        Coverage::NotAvailable => 1,
        Coverage::NotSupported => 0,
    }
}

/// A class with its reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    /// The class.
    pub class: Class,
    /// Whether the direction could not be told.
    pub uncertain: bool,
    /// One line.
    pub reason: String,
}

impl Verdict {
    /// Wording only.
    pub fn editorial(reason: impl Into<String>) -> Verdict {
        Verdict {
            class: Class::Editorial,
            uncertain: false,
            reason: reason.into(),
        }
    }

    /// Better for the customer.
    pub fn extension(reason: impl Into<String>) -> Verdict {
        Verdict {
            class: Class::Extension,
            uncertain: false,
            reason: reason.into(),
        }
    }

    /// Worse for the customer.
    pub fn reduction(reason: impl Into<String>) -> Verdict {
        Verdict {
            class: Class::Reduction,
            uncertain: false,
            reason: reason.into(),
        }
    }

    /// Better for some customers, worse for others (deadlines that move
    /// both ways).
    pub fn mixed(reason: impl Into<String>) -> Verdict {
        Verdict {
            class: Class::Mixed,
            uncertain: false,
            reason: reason.into(),
        }
    }

    /// A change of meaning whose direction cannot be told: the
    /// conservative class.
    pub fn cannot_tell(what: &str) -> Verdict {
        Verdict {
            class: Class::Reduction,
            uncertain: true,
            reason: format!("{what}; cannot tell which way this cuts"),
        }
    }
}

/// Which way a change of an ordered value goes.
enum Dir {
    Better,
    Worse,
    /// Different values at the same place in the order.
    Level,
    /// No order applies.
    Unknown,
}

/// Higher is better.
fn higher<K: Ord>(old: K, new: K) -> Dir {
    match new.cmp(&old) {
        Ordering::Greater => Dir::Better,
        Ordering::Less => Dir::Worse,
        Ordering::Equal => Dir::Level,
    }
}

fn verdict(dir: Dir, better: &str, worse: &str, what: &str) -> Verdict {
    match dir {
        Dir::Better => Verdict::extension(better),
        Dir::Worse => Verdict::reduction(worse),
        Dir::Level | Dir::Unknown => Verdict::cannot_tell(&format!("{what} changed")),
    }
}

/// Kinds whose every field is wording or bookkeeping for the document:
/// nothing in them binds the provider to the customer.
pub fn editorial_kind(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Example
            | Kind::Claim
            | Kind::Comparison
            | Kind::List
            | Kind::Label
            | Kind::Section
            | Kind::Topic
            | Kind::Party
    )
}

fn incidents_key(i: Incidents) -> (u8, u64) {
    match i {
        Incidents::NotApplicable => (0, 0),
        Incidents::Count(n) => (1, n),
        Incidents::Unlimited => (2, 0),
    }
}

/// The order of limits of one unit: `n/a`, amounts, `unlimited` (the
/// caller compares amounts of the same unit only).
fn limit_key(l: &Limit) -> (u8, u64) {
    match l {
        Limit::NotApplicable => (0, 0),
        Limit::Amount(q) => (1, q.amount),
        Limit::Unlimited => (2, 0),
    }
}

fn session_key(s: Session) -> (u8, u64) {
    match s {
        Session::NotAvailable => (0, 0),
        Session::Minutes(m) => (1, m),
        Session::Unlimited => (2, 0),
    }
}

fn hours_key(h: &Hours) -> u8 {
    match h {
        Hours::BestEffort => 0,
        Hours::Calendar(_) => 1,
        Hours::Around => 2,
    }
}

/// Which minutes of the week are open.
fn open_minutes(hours: &[WeeklyHours]) -> Vec<bool> {
    let mut open = vec![false; 7 * 1440];
    for h in hours {
        let from = h.from.num_days_from_monday() as usize;
        let to = h.to.num_days_from_monday() as usize;
        let days: Vec<usize> = if from <= to {
            (from..=to).collect()
        } else {
            (from..7).chain(0..=to).collect()
        };
        let (start, end) = (h.open.min(1440) as usize, h.close.min(1440) as usize);
        for day in days {
            for slot in open
                .iter_mut()
                .skip(day * 1440 + start)
                .take(end.saturating_sub(start))
            {
                *slot = true;
            }
        }
    }
    open
}

/// Containment: `Better` when `new` holds all of `old` and more.
fn containment(old_has_all_new: bool, new_has_all_old: bool) -> Dir {
    match (new_has_all_old, old_has_all_new) {
        (true, true) => Dir::Level,
        (true, false) => Dir::Better,
        (false, true) => Dir::Worse,
        (false, false) => Dir::Unknown,
    }
}

/// The verdict on a single value (a field or a grid cell) that changed
/// from `old` to `new`. `kind` and `field` say where it is (`field` is
/// empty for a grid cell); `label` names it in reasons.
pub fn value(kind: Kind, field: &str, label: &str, old: &Value, new: &Value) -> Verdict {
    if editorial_kind(kind) {
        return Verdict::editorial(format!("{label} reworded"));
    }
    match (old, new) {
        // Decided by deadlines, on the calendars the targets run on
        // (`super::deadlines`, which replaces this verdict).
        (Value::Target(_), Value::Target(_)) => Verdict::cannot_tell("target changed"),
        (Value::Coverage(a), Value::Coverage(b)) => verdict(
            higher(generosity(*a), generosity(*b)),
            "coverage upgraded",
            "coverage downgraded",
            "coverage",
        ),
        (Value::Incidents(a), Value::Incidents(b)) => verdict(
            higher(incidents_key(*a), incidents_key(*b)),
            "more incidents",
            "fewer incidents",
            "incidents",
        ),
        // A limit compares where both count the same thing per the same
        // period: more is an extension (more contacts, more hours).
        (Value::Limit(Limit::Amount(a)), Value::Limit(Limit::Amount(b)))
            if a.unit != b.unit || a.per != b.per =>
        {
            Verdict::cannot_tell(&format!("{label} counts another thing"))
        }
        (Value::Limit(a), Value::Limit(b)) => verdict(
            higher(limit_key(a), limit_key(b)),
            "higher limit",
            "lower limit",
            label,
        ),
        (Value::Session(a), Value::Session(b)) => verdict(
            higher(session_key(*a), session_key(*b)),
            "longer sessions",
            "shorter sessions",
            "session limit",
        ),
        (Value::Bool(a), Value::Bool(b)) => match field {
            rule::LATEST_BUILD => verdict(
                higher(*b, *a),
                "condition on the customer lifted",
                "condition on the customer added",
                label,
            ),
            calendar::ORDER_FORM_OVERRIDES => Verdict::cannot_tell(&format!("{label} changed")),
            _ => verdict(
                higher(*a, *b),
                &format!("{label}: now yes"),
                &format!("{label}: now no"),
                label,
            ),
        },
        (Value::Money(a), Value::Money(b)) if a.currency == b.currency && a.per == b.per => {
            verdict(
                higher(b.minor, a.minor),
                "lower price",
                "higher price",
                label,
            )
        }
        (Value::Money(_), Value::Money(_)) => {
            Verdict::cannot_tell(&format!("{label} in another currency or unit"))
        }
        (Value::Duration(a), Value::Duration(b))
            if matches!(field, rule::INCREMENT | rule::MINIMUM) =>
        {
            verdict(
                higher(*b, *a),
                &format!("shorter {label}: lower charges"),
                &format!("longer {label}: higher charges"),
                label,
            )
        }
        // A cell of a grid of dates: the day a lifecycle phase ends for a
        // release. Later is longer support.
        (Value::Date(a), Value::Date(b)) if kind == Kind::Grid && field.is_empty() => verdict(
            higher(*a, *b),
            "the phase ends later: longer support",
            "the phase ends sooner: the customer loses support sooner",
            label,
        ),
        (Value::Date(_), Value::Date(_)) if kind == Kind::Release && field == release::RELEASED => {
            Verdict::cannot_tell(&format!("{label} changed: the phases it counts from move"))
        }
        (Value::Period(a), Value::Period(b)) if kind == Kind::Phase && field == phase::LASTS => {
            let (a, b) = (
                crate::facts::lifecycle::runtime_period(*a).average_length(),
                crate::facts::lifecycle::runtime_period(*b).average_length(),
            );
            verdict(
                higher(a, b),
                "the phase lasts longer",
                "the phase is shorter",
                label,
            )
        }
        (Value::Count(a), Value::Count(b)) if kind == Kind::Phase && field == phase::LATEST => {
            verdict(
                higher(*a, *b),
                "more of the latest releases are in the phase",
                "fewer of the latest releases are in the phase",
                label,
            )
        }
        (Value::Count(a), Value::Count(b)) if field == rule::ATTEMPTS => verdict(
            higher(*a, *b),
            "more contact attempts before a case is closed",
            "fewer contact attempts before a case is closed",
            label,
        ),
        (Value::Range(a0, a1), Value::Range(b0, b1)) => verdict(
            containment(a0 <= b0 && b1 <= a1, b0 <= a0 && a1 <= b1),
            &format!("wider {label}"),
            &format!("narrower {label}"),
            label,
        ),
        (Value::Hours(a), Value::Hours(b)) => match (a, b) {
            (Hours::Calendar(_), Hours::Calendar(_)) => {
                Verdict::cannot_tell("support hours moved to another calendar")
            }
            _ => verdict(
                higher(hours_key(a), hours_key(b)),
                "longer support hours",
                "shorter support hours",
                label,
            ),
        },
        (Value::Weekly(a), Value::Weekly(b)) => {
            let (a, b) = (open_minutes(a), open_minutes(b));
            let subset = |x: &[bool], y: &[bool]| x.iter().zip(y).all(|(x, y)| !x || *y);
            verdict(
                containment(subset(&b, &a), subset(&a, &b)),
                "more opening hours",
                "fewer opening hours",
                "opening hours (some added, some removed)",
            )
        }
        (Value::Text(_), Value::Text(_))
        | (Value::Prose(_), _)
        | (_, Value::Prose(_))
        | (Value::Texts(_), Value::Texts(_))
        | (Value::Number(_), Value::Number(_))
        | (Value::Date(_), Value::Date(_))
        | (Value::Month(..), _)
        | (Value::Claim(_), Value::Claim(_))
        | (Value::Instant(_), Value::Instant(_))
        | (Value::FieldNames(_), Value::FieldNames(_)) => {
            Verdict::editorial(format!("{label} reworded"))
        }
        (Value::Ref(_), Value::Ref(_)) if matches!(field, claim::STATED_IN | rule::SEE) => {
            Verdict::editorial(format!("{label}: another cross-reference"))
        }
        _ => Verdict::cannot_tell(&format!("{label} changed")),
    }
}

/// The verdict on a field written on one side only, where its absence has
/// a known meaning: a condition (`only-where`) added narrows an entitlement;
/// `response-target-for` and `hotfixes-per` only say which data decides
/// (the SLA grid, the hotfix rule), which is unchanged by them.
pub fn field_presence(kind: Kind, field: &str, label: &str, added: bool) -> Option<Verdict> {
    Some(match (kind, field) {
        (Kind::License, license::ONLY_WHERE) => verdict(
            higher(added, !added),
            "condition lifted",
            "condition added",
            label,
        ),
        (Kind::Tier, tier::RESPONSE_TARGET_FOR) => Verdict::editorial(format!(
            "{label} {}: the summary target now names the severities it covers; the SLA grid decides",
            if added { "added" } else { "removed" }
        )),
        (Kind::Phase, phase::HOTFIXES_PER) => Verdict::editorial(format!(
            "{label} {}: the phase refers to the rule that decides who gets hotfixes",
            if added { "added" } else { "removed" }
        )),
        _ => return None,
    })
}

/// How additions to a list field count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListRule {
    /// An added item is better for the customer (channels, tiers, ...).
    AddBetter,
    /// An added item is worse (holidays, closure days, requirements).
    AddWorse,
    /// Items are wording.
    Editorial,
}

/// How additions to a list field of a declaration of `kind` count.
pub fn list_rule(kind: Kind, field: &str, value: &Value) -> ListRule {
    if editorial_kind(kind) {
        return ListRule::Editorial;
    }
    match (value, kind, field) {
        // Which inquiries a contact handles is routing, not an entitlement.
        (Value::Refs(_), Kind::Contact, contact::TOPICS) => ListRule::Editorial,
        // The severities a tier's summary target covers: the grid decides.
        (Value::Refs(_), Kind::Tier, tier::RESPONSE_TARGET_FOR) => ListRule::Editorial,
        // A holiday set included: more holidays, fewer business days.
        (Value::Refs(_), Kind::Calendar, calendar::HOLIDAYS) => ListRule::AddWorse,
        (Value::Refs(_), _, _) => ListRule::AddBetter,
        (Value::Dates(_), _, _) => ListRule::AddWorse,
        (Value::Texts(_), Kind::Product, product::DATABASES | product::COMPONENTS) => {
            ListRule::AddBetter
        }
        (Value::Texts(_), Kind::Rule, rule::ALSO) => ListRule::AddBetter,
        (Value::Texts(_), Kind::Rule, rule::REQUIRES) => ListRule::AddWorse,
        (Value::Texts(_), Kind::Grid, grid::PAUSES) => ListRule::AddWorse,
        _ => ListRule::Editorial,
    }
}

/// Whether a value is a list compared item by item.
pub fn is_item_list(value: &Value) -> bool {
    matches!(value, Value::Refs(_) | Value::Texts(_) | Value::Dates(_))
}

/// The verdict on a declaration of `kind` added (`added`) or removed.
pub fn presence(kind: Kind, added: bool) -> Verdict {
    let name = kind.name();
    let verb = if added { "added" } else { "removed" };
    match kind {
        Kind::Tier
        | Kind::License
        | Kind::Channel
        | Kind::Area
        | Kind::Product
        | Kind::Service
        | Kind::Contact
        | Kind::Resource
        | Kind::Operator
        | Kind::Phase
        | Kind::Release => {
            let reason = format!("{name} {verb}");
            if added {
                Verdict::extension(reason)
            } else {
                Verdict::reduction(reason)
            }
        }
        Kind::Holiday => {
            let reason = format!(
                "holiday {verb}: {}",
                if added {
                    "fewer business days"
                } else {
                    "more business days"
                }
            );
            if added {
                Verdict::reduction(reason)
            } else {
                Verdict::extension(reason)
            }
        }
        Kind::Section
        | Kind::Topic
        | Kind::List
        | Kind::Label
        | Kind::Include
        | Kind::Claim
        | Kind::Example
        | Kind::Party
        | Kind::Comparison
        // A set's holidays are judged one by one, and so is a calendar's
        // `holidays:`.
        | Kind::Holidays
        | Kind::Policy => Verdict::editorial(format!("{name} {verb}")),
        Kind::Grid | Kind::Calendar | Kind::Severity | Kind::Metric | Kind::Limit | Kind::Rule => {
            Verdict::cannot_tell(&format!("{name} {verb}"))
        }
    }
}

/// The verdict on a grid row or column added or removed.
pub fn line(cells: Option<CellType>, what: &str, added: bool) -> Verdict {
    let verb = if added { "added" } else { "removed" };
    match cells {
        Some(CellType::Text) => Verdict::editorial(format!("{what} {verb}")),
        Some(_) if added => Verdict::extension(format!("{what} added: new entries")),
        Some(_) => Verdict::reduction(format!("{what} removed: entries withdrawn")),
        None => Verdict::cannot_tell(&format!("{what} {verb}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_holiday_set_included_is_worse() {
        let refs = Value::Refs(Vec::new());
        assert_eq!(
            list_rule(Kind::Calendar, calendar::HOLIDAYS, &refs),
            ListRule::AddWorse
        );
        assert_eq!(
            presence(Kind::Holidays, true).class,
            presence(Kind::Section, true).class
        );
    }

    #[test]
    fn coverage_order() {
        let order = [
            Coverage::NotSupported,
            Coverage::NotAvailable,
            Coverage::Psa,
            Coverage::Supported,
        ];
        assert!(order
            .windows(2)
            .all(|w| generosity(w[0]) < generosity(w[1])));
    }

    #[test]
    fn weekly_containment() {
        let w = |from, to, open, close| WeeklyHours {
            from,
            to,
            open,
            close,
        };
        use chrono::Weekday::*;
        let old = Value::Weekly(vec![w(Mon, Fri, 540, 1020)]);
        let more = Value::Weekly(vec![w(Mon, Sat, 540, 1020)]);
        let v = value(Kind::Calendar, calendar::OPEN, "open", &old, &more);
        assert_eq!(v.class, Class::Extension);
        let v = value(Kind::Calendar, calendar::OPEN, "open", &more, &old);
        assert_eq!(v.class, Class::Reduction);
        let shifted = Value::Weekly(vec![w(Mon, Fri, 480, 960)]);
        let v = value(Kind::Calendar, calendar::OPEN, "open", &old, &shifted);
        assert!(v.uncertain);
    }
}
