//! Enforcement: the policy's SLA and entitlements evaluated for one case.
//!
//! A thin layer over the facts ([`crate::facts`]) and the runtime
//! ([`policyc_runtime`]): it looks ids up (with "did you mean"), reads the
//! facts of a [`Valid`] policy and asks the runtime, so that the CLI
//! (`policyc sla`, `policyc test`), the examples checked by `policyc check`,
//! the diff's replay and generated code share one implementation of every
//! rule.
//!
//! * [`response_target`], [`sla`], [`Clocks`]: the response grid's target
//!   for a tier and severity, the due instant and, with `now`, the status.
//! * [`entitlement`]: the decisions a support desk takes (tickets, incidents,
//!   screen sharing, charges, custom builds, remote login, RCA, hotfixes,
//!   lifecycle, closing cases, who CCX support goes to).
//! * [`severity`]: the severity a case is given (caps and defaults), and
//!   severities named by id or alias.
//! * [`lifecycle`]: the lifecycle phase a release is in on a day.
//! * [`examples`]: the policy's own `example` declarations, computed and
//!   compared with what they expect.
//!
//! Pure: no I/O, no panics on any input.

pub mod entitlement;
pub mod examples;
pub mod lifecycle;
pub mod severity;

use crate::diagnostic::did_you_mean;
use crate::facts::calendars::CalendarFacts;
use crate::facts::metrics::Metric;
use crate::facts::Valid;
use crate::model::view::{GridDecl, SeverityDecl, TierDecl, View};
use crate::model::{Policy, ResponseTarget, Value};
use crate::schema::{Kind, Role};
use crate::value_text;
use chrono::{DateTime, FixedOffset};
use chrono_tz::Tz;
use policyc_runtime as rt;
use std::collections::HashMap;
use std::fmt;

pub use crate::facts::calendars::HOLIDAY_NAME;

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
    /// A value in the policy that cannot be used as is.
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

/// The declaration `id` as a view of its kind; an unknown id comes with the
/// closest id of that kind.
pub fn lookup<'p, V: View<'p> + 'p>(policy: &'p Policy, id: &str) -> Result<V, Error> {
    policy.find::<V>(id).ok_or_else(|| Error::UnknownId {
        kind: V::KIND,
        id: id.to_owned(),
        suggestion: did_you_mean(id, policy.of_kind(V::KIND).map(|d| d.id.as_str()))
            .map(str::to_owned),
    })
}

/// "no rule decides {what}": how to give a policy the rule a question needs.
fn no_rule(role: Role) -> Error {
    let how = match role.terms().first() {
        Some(term) => format!(
            "give a `rule` the field `{term}`, or `decides: {}`",
            role.name()
        ),
        None => format!("give a `rule` the field `decides: {}`", role.name()),
    };
    Error::Missing(format!("no rule decides {}: {how}", role.describe()))
}

/// The calendar a tier runs on.
pub fn tier_calendar<'v>(policy: &'v Valid, tier: &str) -> Result<&'v CalendarFacts, Error> {
    let decl: TierDecl<'_> = lookup(policy.policy(), tier)?;
    policy
        .tier_calendar(decl)
        .ok_or_else(|| Error::Missing("the policy declares no `calendar`".to_owned()))
}

/// The policy's default calendar (its first).
pub fn default_calendar(policy: &Valid) -> Result<&CalendarFacts, Error> {
    policy
        .default_calendar()
        .ok_or_else(|| Error::Missing("the policy declares no `calendar`".to_owned()))
}

/// The cell for a severity and tier of the grid deciding `role` (a grid by
/// severity and tier), with the grid; an unknown id, a policy without such
/// a grid, or a cell of another type (`what`, for the message) is an error.
pub fn severity_tier_cell<'v, T>(
    policy: &'v Valid,
    role: Role,
    tier: &str,
    severity: &str,
    what: &str,
    typed: impl FnOnce(&'v Value) -> Option<T>,
) -> Result<(GridDecl<'v>, T), Error> {
    lookup::<TierDecl<'_>>(policy.policy(), tier)?;
    lookup::<SeverityDecl<'_>>(policy.policy(), severity)?;
    let grid = policy.grid(role).ok_or_else(|| {
        let shape = role
            .shape()
            .map(|s| {
                format!(
                    " (`rows: {}`, `columns: {}`, `cells: {}`)",
                    s.rows.name(),
                    s.columns.name(),
                    s.cells.name()
                )
            })
            .unwrap_or_default();
        Error::Missing(format!(
            "no grid decides {}{shape}; a grid of another shape says so with `decides: {}`",
            role.describe(),
            role.name()
        ))
    })?;
    grid_cell(grid, tier, severity, what, typed)
}

/// The cell of a grid by severity and tier, typed.
fn grid_cell<'v, T>(
    grid: GridDecl<'v>,
    tier: &str,
    severity: &str,
    what: &str,
    typed: impl FnOnce(&'v Value) -> Option<T>,
) -> Result<(GridDecl<'v>, T), Error> {
    match grid.value_at(severity, tier).and_then(typed) {
        Some(value) => Ok((grid, value)),
        None => Err(Error::Missing(format!(
            "the grid `{}` has no {what} for `{severity}` at `{tier}`",
            grid.id.as_str()
        ))),
    }
}

/// The metric `id`, or the policy's first (its first response) for `None`.
pub fn metric<'v>(policy: &'v Valid, id: Option<&str>) -> Result<&'v Metric, Error> {
    match id {
        Some(id) => policy.metric(id).ok_or_else(|| Error::UnknownId {
            kind: Kind::Metric,
            id: id.to_owned(),
            suggestion: did_you_mean(id, policy.metrics().iter().map(|m| m.id.as_str()))
                .map(str::to_owned),
        }),
        None => policy.metrics().first().ok_or_else(|| {
            Error::Missing(
                "no grid states response targets (`rows: severity`, `columns: tier`, `cells: target`)"
                    .to_owned(),
            )
        }),
    }
}

/// The target of a metric (`None`: the first) for a tier and severity.
pub fn metric_target(
    policy: &Valid,
    metric_id: Option<&str>,
    tier: &str,
    severity: &str,
) -> Result<ResponseTarget, Error> {
    if metric_id.is_none() {
        return response_target(policy, tier, severity);
    }
    let metric = metric(policy, metric_id)?;
    lookup::<TierDecl<'_>>(policy.policy(), tier)?;
    lookup::<SeverityDecl<'_>>(policy.policy(), severity)?;
    let grid = policy
        .policy()
        .decls
        .get(metric.grid)
        .and_then(GridDecl::of)
        .ok_or_else(|| Error::Missing(format!("the metric `{}` has no grid", metric.id)))?;
    let (_, target) = grid_cell(grid, tier, severity, "target", |v| match v {
        Value::Target(t) => Some(t.clone()),
        _ => None,
    })?;
    Ok(target)
}

/// The response target for a tier and severity, as the grid deciding the
/// response targets states it.
pub fn response_target(
    policy: &Valid,
    tier: &str,
    severity: &str,
) -> Result<ResponseTarget, Error> {
    let (_, target) = severity_tier_cell(
        policy,
        Role::ResponseTargets,
        tier,
        severity,
        "target",
        |v| match v {
            Value::Target(t) => Some(t.clone()),
            _ => None,
        },
    )?;
    Ok(target)
}

/// A model target as the runtime's; `None` for `n/a`.
pub fn runtime_target(target: &ResponseTarget) -> Option<rt::ResponseTarget> {
    target.runtime()
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
    /// The metric whose target applies; `None` for the policy's first (its
    /// first response). For a cadence, `submitted` is the last update.
    pub metric: Option<&'a str>,
    /// The customer's time zone: the zone of calendars whose hours are the
    /// customer's (`customer-zone: yes`).
    pub zone: Option<Tz>,
    /// The customer's own calendar (from an order form), with its id:
    /// replaces the policy's calendar of that id, or where its id is none
    /// of the policy's, any calendar an order form may replace
    /// (`order-form-overrides: yes`).
    pub calendar: Option<(&'a str, &'a rt::Calendar)>,
    /// The policy's calendar the customer's business hours follow (for a
    /// policy whose hours depend on where the customer is): replaces the
    /// tier's calendar for targets that name none.
    pub hours: Option<&'a str>,
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

/// The SLA clocks of one policy, one per calendar, each keeping the
/// holidays and opening spans it has worked out: for many cases against
/// one version (the diff's replay), build one and ask it each.
pub struct Clocks<'v> {
    policy: &'v Valid,
    by_calendar: HashMap<usize, rt::BusinessClock<'v>>,
    utc: rt::BusinessClock<'v>,
}

/// A calendar without opening hours in UTC: the zone of 24x7 deadlines in
/// a policy without calendars.
static UTC: rt::Calendar = rt::Calendar::from_static(Tz::UTC, &[], &[], &[]);

impl<'v> Clocks<'v> {
    /// The clocks of `policy`, with empty caches.
    pub fn new(policy: &'v Valid) -> Clocks<'v> {
        Clocks {
            policy,
            by_calendar: HashMap::new(),
            utc: rt::BusinessClock::new(&UTC),
        }
    }

    /// The due instant (and, with `now`, the status) of a case: the response
    /// grid's target for its tier and severity, on the tier's calendar. A
    /// 24x7 target needs no calendar; the due instant is then in the
    /// calendar's zone if there is one, else UTC.
    pub fn sla(&mut self, case: &Case<'_>) -> Result<Sla, Error> {
        let policy = self.policy;
        let target = metric_target(policy, case.metric, case.tier, case.severity)?;
        let runtime = runtime_target(&target).ok_or_else(|| {
            Error::Missing(format!(
                "no response target applies to `{}` at `{}` (`n/a`)",
                case.severity, case.tier
            ))
        })?;
        let needs_calendar = runtime.clock() == Some(rt::Clock::Business);
        let calendar = match target.calendar() {
            Some(id) => policy
                .calendar(id)
                .ok_or_else(|| Error::Missing(format!("the calendar `{id}` cannot be used"))),
            None => match case.hours {
                Some(id) => policy.calendar(id).ok_or_else(|| Error::UnknownId {
                    kind: Kind::Calendar,
                    id: id.to_owned(),
                    suggestion: did_you_mean(id, policy.calendars().iter().map(|c| c.id.as_str()))
                        .map(str::to_owned),
                }),
                None => tier_calendar(policy, case.tier),
            },
        };
        let calendar = match calendar {
            Ok(calendar) => calendar,
            Err(e) if needs_calendar => return Err(e),
            Err(_) => {
                let (due, status) = run(&mut self.utc, runtime, case)?;
                return Ok(Sla {
                    target,
                    calendar: None,
                    due,
                    status,
                });
            }
        };
        // The customer's own calendar or zone: a fresh clock on it.
        let customer = match (case.calendar, case.zone) {
            (Some((id, own)), _)
                if calendar.replaceable && (id == calendar.id || policy.calendar(id).is_none()) =>
            {
                Some(own.clone())
            }
            (Some((id, _)), _) if needs_calendar && id != calendar.id && policy.calendar(id).is_some() => None,
            (Some(_), _) if needs_calendar => {
                return Err(Error::Invalid(format!(
                    "the calendar `{}` is not one an order form may replace (it has no `order-form-overrides: yes`)",
                    calendar.id
                )))
            }
            (_, Some(zone)) if calendar.customer_zone => Some(calendar.runtime.in_zone(zone)),
            (None, _) if calendar.order_form_only && needs_calendar => {
                return Err(Error::Missing(format!(
                    "the calendar `{}` is defined by each customer's order form: give the customer's calendar",
                    calendar.id
                )))
            }
            _ => None,
        };
        let (due, status) = match customer {
            Some(own) => run(&mut rt::BusinessClock::new(&own), runtime, case)?,
            None => run(
                self.by_calendar
                    .entry(calendar.index)
                    .or_insert_with(|| rt::BusinessClock::new(&calendar.runtime)),
                runtime,
                case,
            )?,
        };
        Ok(Sla {
            target,
            calendar: Some(calendar.id.clone()),
            due,
            status,
        })
    }
}

/// The due instant of a case on a clock, and its status at `now` if asked.
fn run(
    clock: &mut rt::BusinessClock<'_>,
    target: rt::ResponseTarget,
    case: &Case<'_>,
) -> Result<(Option<DateTime<Tz>>, Option<rt::SlaStatus>), Error> {
    let due = clock.due(target, case.submitted, case.pauses)?;
    let status = match case.now {
        Some(now) => {
            Some(clock.status(target, case.submitted, case.pauses, now, case.at_risk_share)?)
        }
        None => None,
    };
    Ok((due, status))
}

/// The SLA of one case (see [`Clocks::sla`]).
pub fn sla(policy: &Valid, case: &Case<'_>) -> Result<Sla, Error> {
    Clocks::new(policy).sla(case)
}

/// Why the calendar `calendar` is closed all day on `date`: the title of
/// the holiday that falls then, or `closed` for an extra closure day; `None`
/// on a day it is not closed for either reason.
pub fn closed_because(
    policy: &Valid,
    calendar: &CalendarFacts,
    date: chrono::NaiveDate,
) -> Option<String> {
    match calendar.closed_because(date)? {
        Some(holiday) => policy
            .policy()
            .decls
            .get(holiday)
            .map(|d| d.display().to_owned()),
        None => Some("closed".to_owned()),
    }
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
pub fn target_text(target: &ResponseTarget) -> String {
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
