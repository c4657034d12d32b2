//! Enforcement: the policy's SLA and entitlements evaluated for one case.
//!
//! The model says what the policy states; this module turns it into the
//! runtime's types ([`policyc_runtime`]) and asks the runtime, so that the
//! CLI (`policyc sla`, `policyc test`), the examples checked by `policyc
//! check` and generated code share one implementation of every rule.
//!
//! * [`calendar`] builds a runtime calendar from a `calendar` declaration;
//!   [`calendar_for_tier`] picks the one a tier runs on.
//! * [`response_target`], [`sla`]: the response grid's target for a tier and
//!   severity, the due instant and, with `now`, the status.
//! * [`entitlement`]: the decisions a support desk takes (tickets, incidents,
//!   screen sharing, charges, custom builds, remote login, RCA, hotfixes,
//!   lifecycle, closing cases, who CCX support goes to).
//! * [`examples`]: the policy's own `example` declarations, computed and
//!   compared with what they expect.
//!
//! Pure: no I/O, no panics on any model.

pub mod entitlement;
pub mod examples;

use crate::diagnostic::did_you_mean;
use crate::model::{Decl, Hours, Policy, ResponseTarget, Value};
use crate::schema::{CellType, Kind};
use crate::value_text;
use chrono::{DateTime, Datelike, FixedOffset};
use chrono_tz::Tz;
use policyc_runtime as rt;
use std::fmt;

/// Why a question about a policy cannot be answered.
#[derive(Clone, Debug, PartialEq)]
pub enum Error {
    /// An id that names no declaration of the kind asked for.
    UnknownId {
        /// The kind looked for.
        kind: Kind,
        /// The id as given.
        id: String,
        /// The closest id of that kind, if any is close.
        suggestion: Option<String>,
    },
    /// The policy lacks what the question needs, e.g. a calendar.
    Missing(String),
    /// A calendar, rule or value in the policy that cannot be used as is.
    Invalid(String),
    /// The SLA clock refused the case.
    Sla(rt::SlaError),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::UnknownId {
                kind,
                id,
                suggestion,
            } => {
                write!(f, "unknown {} `{id}`", kind.name())?;
                match suggestion {
                    Some(s) => write!(f, "; did you mean `{s}`?"),
                    None => Ok(()),
                }
            }
            Error::Missing(what) | Error::Invalid(what) => f.write_str(what),
            Error::Sla(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<rt::SlaError> for Error {
    fn from(e: rt::SlaError) -> Error {
        Error::Sla(e)
    }
}

/// The declaration `id`, which must be of `kind`; an unknown id comes with
/// the closest id of that kind.
pub fn lookup<'p>(policy: &'p Policy, kind: Kind, id: &str) -> Result<&'p Decl, Error> {
    match policy.get(id) {
        Some(decl) if decl.kind == kind => Ok(decl),
        _ => Err(Error::UnknownId {
            kind,
            id: id.to_owned(),
            suggestion: did_you_mean(id, policy.of_kind(kind).map(|d| d.id.as_str()))
                .map(str::to_owned),
        }),
    }
}

/// The name every runtime holiday built here carries: runtime holiday names
/// are `&'static str`, so the real names stay in the model (see
/// [`closed_because`]).
pub const HOLIDAY_NAME: &str = "holiday";

/// Builds the runtime calendar of the `calendar` declaration `id`: its zone,
/// weekly opening hours, holidays and extra closure days.
pub fn calendar(policy: &Policy, id: &str) -> Result<rt::Calendar, Error> {
    let decl = lookup(policy, Kind::Calendar, id)?;
    let invalid = |what: String| Error::Invalid(format!("the calendar `{id}` {what}"));
    let tz: Tz = match decl.value("zone") {
        Some(Value::Zone(zone)) => zone
            .parse()
            .map_err(|_| invalid(format!("has an unknown time zone `{zone}`")))?,
        _ => return Err(invalid("has no time zone".to_owned())),
    };
    let mut hours = Vec::new();
    if let Some(Value::Weekly(weekly)) = decl.value("open") {
        for w in weekly {
            let (open, close) = match (u16::try_from(w.open), u16::try_from(w.close)) {
                (Ok(o), Ok(c)) if o < c && c <= 1440 => (o, c),
                _ => {
                    return Err(invalid(
                        "has opening hours that close before they open".into(),
                    ))
                }
            };
            let (from, to) = (w.from.num_days_from_monday(), w.to.num_days_from_monday());
            let mut day = w.from;
            for _ in from..=to {
                hours.push(rt::OpeningHours::new(day, open, close));
                day = day.succ();
            }
        }
    }
    let mut holidays = Vec::new();
    for child in policy
        .index_of(id)
        .into_iter()
        .flat_map(|i| policy.children(i))
    {
        let Some(Value::Holiday(rule)) = policy.decls.get(child).and_then(|d| d.value("on")) else {
            continue;
        };
        holidays.push(
            holiday_rule(rule)
                .ok_or_else(|| invalid("has a holiday rule out of range".to_owned()))?,
        );
    }
    let mut closures = Vec::new();
    if let Some(Value::Dates(dates)) = decl.value("closed") {
        for d in dates {
            // Months and days of a valid date fit in a byte.
            let (m, day) = (d.month() as u8, d.day() as u8);
            closures.push((d.year(), m, day));
        }
    }
    let calendar = rt::Calendar::new(tz, hours, holidays, closures);
    calendar
        .validate()
        .map_err(|e| invalid(format!("cannot be used: {e}")))?;
    Ok(calendar)
}

/// A model holiday rule as a runtime one named [`HOLIDAY_NAME`].
fn holiday_rule(rule: &crate::ast::HolidayRule) -> Option<rt::HolidayRule> {
    use crate::ast::HolidayRule as H;
    let byte = |n: u32| u8::try_from(n).ok();
    Some(match *rule {
        H::Fixed { month, day } => rt::HolidayRule::Fixed {
            name: HOLIDAY_NAME,
            month: byte(month)?,
            day: byte(day)?,
        },
        H::Easter { days } => rt::HolidayRule::EasterOffset {
            name: HOLIDAY_NAME,
            days: i16::try_from(days).ok()?,
        },
        H::WeekdayBetween { weekday, from, to } => rt::HolidayRule::WeekdayBetween {
            name: HOLIDAY_NAME,
            weekday,
            from_month: byte(from.0)?,
            from_day: byte(from.1)?,
            to_month: byte(to.0)?,
            to_day: byte(to.1)?,
        },
    })
}

/// Why the calendar `id` is closed all day on `date`: the title of the
/// holiday that falls then, or `closed` for an extra closure day; `None` on
/// a day it is not closed for either reason.
pub fn closed_because(policy: &Policy, id: &str, date: chrono::NaiveDate) -> Option<String> {
    let index = policy.index_of(id)?;
    for child in policy.children(index) {
        let Some(decl) = policy.decls.get(child) else {
            continue;
        };
        let Some(Value::Holiday(rule)) = decl.value("on") else {
            continue;
        };
        let Some(rule) = holiday_rule(rule) else {
            continue;
        };
        let year = date.year();
        if rule.date_in(year) == Some(date)
            || year.checked_sub(1).and_then(|y| rule.date_in(y)) == Some(date)
        {
            return Some(decl.display().to_owned());
        }
    }
    match policy.decls.get(index)?.value("closed") {
        Some(Value::Dates(dates)) if dates.contains(&date) => Some("closed".to_owned()),
        _ => None,
    }
}

/// The id of the calendar a tier runs on: the tier's `hours` when they name
/// a calendar, else the policy's first calendar.
pub fn calendar_id_for_tier<'p>(policy: &'p Policy, tier: &str) -> Result<&'p str, Error> {
    let decl = lookup(policy, Kind::Tier, tier)?;
    if let Some(Value::Hours(Hours::Calendar(id))) = decl.value("hours") {
        return Ok(id.as_str());
    }
    first_calendar(policy)
}

/// The id of the policy's first calendar.
pub fn first_calendar(policy: &Policy) -> Result<&str, Error> {
    policy
        .of_kind(Kind::Calendar)
        .next()
        .map(|d| d.id.as_str())
        .ok_or_else(|| Error::Missing("the policy declares no `calendar`".to_owned()))
}

/// The calendar a tier runs on (see [`calendar_id_for_tier`]).
pub fn calendar_for_tier(policy: &Policy, tier: &str) -> Result<rt::Calendar, Error> {
    calendar(policy, calendar_id_for_tier(policy, tier)?)
}

/// The first grid whose rows, columns and cells are of these kinds.
pub fn grid_of(policy: &Policy, rows: Kind, columns: Kind, cells: CellType) -> Option<&Decl> {
    policy.of_kind(Kind::Grid).find(|g| {
        g.value("rows") == Some(&Value::Kind(rows))
            && g.value("columns") == Some(&Value::Kind(columns))
            && g.value("cells") == Some(&Value::CellType(cells))
    })
}

/// A grid's value at a row and column: the cell, else the grid's `otherwise`.
pub fn grid_value<'p>(grid: &'p Decl, row: &str, column: &str) -> Option<&'p Value> {
    match grid.grid.as_ref().and_then(|g| g.cell(row, column)) {
        Some(cell) => Some(&cell.value),
        None => grid.value("otherwise"),
    }
}

/// The response target for a tier and severity, as the response grid (rows
/// severity, columns tier, cells target) states it.
pub fn response_target(
    policy: &Policy,
    tier: &str,
    severity: &str,
) -> Result<ResponseTarget, Error> {
    lookup(policy, Kind::Tier, tier)?;
    lookup(policy, Kind::Severity, severity)?;
    let grid = grid_of(policy, Kind::Severity, Kind::Tier, CellType::Target).ok_or_else(|| {
        Error::Missing(
            "the policy has no response grid (`rows: severity`, `columns: tier`, `cells: target`)"
                .to_owned(),
        )
    })?;
    match grid_value(grid, severity, tier) {
        Some(Value::Target(t)) => Ok(*t),
        _ => Err(Error::Missing(format!(
            "the grid `{}` has no target for `{severity}` at `{tier}`",
            grid.id.as_str()
        ))),
    }
}

/// A model target as the runtime's; `None` for `n/a`.
pub fn runtime_target(target: ResponseTarget) -> Option<rt::ResponseTarget> {
    use crate::ast::Target as T;
    match target {
        ResponseTarget::BestEffort => Some(rt::ResponseTarget::BestEffort),
        ResponseTarget::NotApplicable => None,
        ResponseTarget::Within(T::BusinessDays(n)) => Some(rt::ResponseTarget::BusinessDays(n)),
        ResponseTarget::Within(T::BusinessHours(n)) => Some(rt::ResponseTarget::BusinessHours(n)),
        ResponseTarget::Within(T::Hours24x7(n)) => Some(rt::ResponseTarget::Hours24x7(n)),
    }
}

/// One case for the SLA clock.
#[derive(Clone, Debug)]
pub struct Case<'a> {
    /// The tier's id.
    pub tier: &'a str,
    /// The severity's id.
    pub severity: &'a str,
    /// When the case was submitted.
    pub submitted: DateTime<FixedOffset>,
    /// Intervals during which the clock does not run.
    pub pauses: &'a [rt::Pause],
    /// The instant to compute the status at, if any.
    pub now: Option<DateTime<FixedOffset>>,
    /// The share of the target after which a case is at risk.
    pub at_risk_share: f64,
}

/// What the SLA clock says about a case.
#[derive(Clone, Debug, PartialEq)]
pub struct Sla {
    /// The target, as the response grid writes it.
    pub target: ResponseTarget,
    /// The calendar whose zone the due instant is given in (and, for a
    /// business-clock target, whose hours count); `None` when the policy has
    /// none and the target does not need one.
    pub calendar: Option<String>,
    /// The due instant; `None` for best effort.
    pub due: Option<DateTime<Tz>>,
    /// The status at `now`, when asked.
    pub status: Option<rt::SlaStatus>,
}

/// The due instant (and, with `now`, the status) of a case: the response
/// grid's target for its tier and severity, on the tier's calendar (see
/// [`calendar_id_for_tier`]). A 24x7 target needs no calendar; the due
/// instant is then in the calendar's zone if there is one, else UTC.
pub fn sla(policy: &Policy, case: &Case<'_>) -> Result<Sla, Error> {
    let target = response_target(policy, case.tier, case.severity)?;
    let runtime = runtime_target(target).ok_or_else(|| {
        Error::Missing(format!(
            "no response target applies to `{}` at `{}` (`n/a`)",
            case.severity, case.tier
        ))
    })?;
    let needs_calendar = runtime.clock() == Some(rt::Clock::Business);
    let (calendar_id, calendar) = match calendar_id_for_tier(policy, case.tier) {
        Ok(id) => (Some(id.to_owned()), calendar(policy, id)?),
        Err(e) if needs_calendar => return Err(e),
        Err(_) => (
            None,
            rt::Calendar::new(Tz::UTC, Vec::new(), Vec::new(), Vec::new()),
        ),
    };
    let mut clock = rt::BusinessClock::new(&calendar);
    let due = clock.due(runtime, case.submitted, case.pauses)?;
    let status = match case.now {
        Some(now) => Some(clock.status(
            runtime,
            case.submitted,
            case.pauses,
            now,
            case.at_risk_share,
        )?),
        None => None,
    };
    Ok(Sla {
        target,
        calendar: calendar_id,
        due,
        status,
    })
}

/// An instant as RFC 3339 with seconds, e.g. `2026-04-07T14:00:00+02:00`.
pub fn format_instant<Z: chrono::TimeZone>(instant: &DateTime<Z>) -> String
where
    Z::Offset: fmt::Display,
{
    rt::format_rfc3339(instant)
}

/// Parses an RFC 3339 instant; the message names the text in backticks.
pub fn parse_instant(text: &str) -> Result<DateTime<FixedOffset>, String> {
    DateTime::parse_from_rfc3339(text.trim()).map_err(|_| {
        format!("`{text}` is not an RFC 3339 instant such as `2026-03-13T15:30:00+01:00`")
    })
}

/// Parses a pause written `START/END` (two RFC 3339 instants); a pause that
/// ends before it starts is an error.
pub fn parse_pause(text: &str) -> Result<rt::Pause, String> {
    let Some((start, end)) = text.split_once('/') else {
        return Err(format!(
            "`{text}` is not a pause: write `START/END`, e.g. `2026-06-12T17:00:00+02:00/2026-06-12T18:30:00+02:00`"
        ));
    };
    let (start, end) = (parse_instant(start)?, parse_instant(end)?);
    if end < start {
        return Err(format!("the pause `{text}` ends before it starts"));
    }
    Ok(rt::Pause::new(start, end))
}

/// A target in the policy's words, for messages: `1 business day`.
pub fn target_text(target: ResponseTarget) -> String {
    value_text::target(target)
}

/// A clock duration in words: `3 hours 30 minutes`, `45 seconds`.
pub fn duration_text(delta: chrono::TimeDelta) -> String {
    let total = delta.num_seconds().max(0);
    let (days, hours, minutes, seconds) = (
        total / 86_400,
        total / 3600 % 24,
        total / 60 % 60,
        total % 60,
    );
    let mut parts = Vec::new();
    let mut push = |n: i64, unit: &str| {
        if n > 0 {
            parts.push(format!("{n} {unit}{}", if n == 1 { "" } else { "s" }));
        }
    };
    push(days, "day");
    push(hours, "hour");
    push(minutes, "minute");
    push(seconds, "second");
    if parts.is_empty() {
        "0 minutes".to_owned()
    } else {
        parts.join(" ")
    }
}
