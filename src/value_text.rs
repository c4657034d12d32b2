//! Values written back in the policy language, for messages and for the
//! formatter: `1 business day`, `4 hours 24x7`, `USD 250/hour`.

use crate::ast::{Clock, HolidayRule, Money, Target, TimeUnit, WeeklyHours};
use crate::model::{Coverage, Hours, Incidents, ResponseTarget, Session, Value};

/// A value as it would be written in a policy.
pub fn show(value: &Value) -> String {
    match value {
        Value::Text(t) | Value::Zone(t) => {
            format!("\"{}\"", t.replace('\\', "\\\\").replace('"', "\\\""))
        }
        Value::Prose(_) => "\"\"\"...\"\"\"".to_owned(),
        Value::Texts(items) => list(items.iter().map(|t| show(&Value::Text(t.clone())))),
        Value::Number(n) | Value::Version(n) => n.clone(),
        Value::Count(n) => n.to_string(),
        Value::Date(d) => d.format("%Y-%m-%d").to_string(),
        Value::Month(y, m) => format!("{y:04}-{m:02}"),
        Value::Range(a, b) => format!("{a}..{b}"),
        Value::Money(m) => money(m),
        Value::Duration(minutes) => duration(*minutes),
        Value::Period(p) => p.to_string(),
        Value::NotApplicable => "n/a".to_owned(),
        Value::Bool(b) => if *b { "yes" } else { "no" }.to_owned(),
        Value::Incidents(i) => incidents(*i),
        Value::Target(t) => target(t),
        Value::Hours(Hours::BestEffort) => "best-effort".to_owned(),
        Value::Hours(Hours::Around) => "24x7".to_owned(),
        Value::Hours(Hours::Calendar(id)) => id.value.clone(),
        Value::Ref(id) => id.value.clone(),
        Value::Refs(ids) | Value::FieldNames(ids) => list(ids.iter().map(|i| i.value.clone())),
        Value::Kind(k) => k.name().to_owned(),
        Value::CellType(c) => c.name().to_owned(),
        Value::Role(r) => r.name().to_owned(),
        Value::Limit(l) => limit(l),
        Value::Observance(o) => o.name().to_owned(),
        Value::Weekly(w) => list(w.iter().map(weekly)),
        Value::Dates(d) => list(d.iter().map(|d| d.format("%Y-%m-%d").to_string())),
        Value::Holiday(h) => holiday(h),
        Value::Claim(_) => "claim".to_owned(),
        Value::Coverage(c) => coverage(*c).to_owned(),
        Value::Session(Session::Minutes(m)) => duration(*m),
        Value::Session(Session::Unlimited) => "unlimited".to_owned(),
        Value::Session(Session::NotAvailable) => "not-available".to_owned(),
        Value::Instant(i) => format!("\"{}\"", i.to_rfc3339()),
    }
}

fn list(items: impl Iterator<Item = String>) -> String {
    format!("[{}]", items.collect::<Vec<_>>().join(", "))
}

/// `USD 250/hour`.
pub fn money(m: &Money) -> String {
    let whole = m.minor / 100;
    let cents = m.minor % 100;
    let amount = if cents == 0 {
        whole.to_string()
    } else {
        format!("{whole}.{cents:02}")
    };
    let per: String = m.per.iter().map(|p| format!("/{p}")).collect();
    format!("{} {amount}{per}", m.currency)
}

/// `30 minutes`, `2 hours`.
pub fn duration(minutes: u64) -> String {
    if minutes % 60 == 0 && minutes > 0 {
        let h = minutes / 60;
        format!("{h} {}", if h == 1 { "hour" } else { "hours" })
    } else {
        format!(
            "{minutes} {}",
            if minutes == 1 { "minute" } else { "minutes" }
        )
    }
}

/// `12`, `unlimited`, `n/a`.
pub fn incidents(i: Incidents) -> String {
    match i {
        Incidents::Count(n) => n.to_string(),
        Incidents::Unlimited => "unlimited".to_owned(),
        Incidents::NotApplicable => "n/a".to_owned(),
    }
}

/// `1 business day`, `4 hours 24x7`, `best-effort`, `n/a`.
pub fn target(t: &ResponseTarget) -> String {
    match t {
        ResponseTarget::BestEffort => "best-effort".to_owned(),
        ResponseTarget::NotApplicable => "n/a".to_owned(),
        ResponseTarget::Within(t) => within(t),
    }
}

/// A target with its clock.
pub fn within(t: &Target) -> String {
    let (n, unit) = (t.amount, unit_word(t.amount, t.unit));
    match (t.clock, t.unit, &t.on) {
        (Clock::Business, _, None) => format!("{n} business {unit}"),
        (Clock::Business, _, Some(on)) => format!("{n} business {unit} on {on}"),
        (Clock::Continuous, TimeUnit::Days, _) => format!("{n} {unit}"),
        (Clock::Continuous, _, _) => format!("{n} {unit} 24x7"),
    }
}

/// `minute` or `minutes`, ..., for `n` of `unit`.
pub fn unit_word(n: u32, unit: TimeUnit) -> &'static str {
    let (one, many) = match unit {
        TimeUnit::Minutes => ("minute", "minutes"),
        TimeUnit::Hours => ("hour", "hours"),
        TimeUnit::Days => ("day", "days"),
    };
    if n == 1 {
        one
    } else {
        many
    }
}

/// `20 members`, `12 hours/quarter`, `3`.
pub fn quantity(q: &crate::ast::Quantity) -> String {
    let mut text = q.amount.to_string();
    if !q.unit.is_empty() {
        text.push(' ');
        text.push_str(&q.unit);
    }
    for per in &q.per {
        text.push('/');
        text.push_str(per);
    }
    text
}

/// A limit as written: `20 members`, `unlimited`, `n/a`.
pub fn limit(l: &crate::model::Limit) -> String {
    match l {
        crate::model::Limit::Amount(q) => quantity(q),
        crate::model::Limit::Unlimited => "unlimited".to_owned(),
        crate::model::Limit::NotApplicable => "n/a".to_owned(),
    }
}

/// `supported`, `psa`, ...
pub fn coverage(c: Coverage) -> &'static str {
    match c {
        Coverage::Supported => "supported",
        Coverage::Psa => "psa",
        Coverage::NotAvailable => "not-available",
        Coverage::NotSupported => "not-supported",
    }
}

/// `mon-fri 09:00-17:00`.
pub fn weekly(w: &WeeklyHours) -> String {
    let day = |d: chrono::Weekday| d.to_string().to_lowercase();
    let days = if w.from == w.to {
        day(w.from)
    } else {
        format!("{}-{}", day(w.from), day(w.to))
    };
    format!("{days} {}-{}", clock_time(w.open), clock_time(w.close))
}

/// `09:00`.
pub fn clock_time(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// `12-25`, `easter + 1`, `sat 06-20..06-26`.
pub fn holiday(h: &HolidayRule) -> String {
    match h {
        HolidayRule::Fixed { month, day } => format!("{month:02}-{day:02}"),
        HolidayRule::Easter { days: 0 } => "easter".to_owned(),
        HolidayRule::Easter { days } if *days > 0 => format!("easter + {days}"),
        HolidayRule::Easter { days } => format!("easter - {}", days.unsigned_abs()),
        HolidayRule::WeekdayBetween { weekday, from, to } => format!(
            "{} {:02}-{:02}..{:02}-{:02}",
            weekday.to_string().to_lowercase(),
            from.0,
            from.1,
            to.0,
            to.1
        ),
    }
}
