//! The SLA clock: due dates and status of a case under a response target.
//!
//! # Semantics
//!
//! * The clock starts at the submission instant; all arithmetic is on absolute time.
//! * [`ResponseTarget::Hours24x7`]`(n)` counts `n` hours of elapsed real time.
//! * [`ResponseTarget::BusinessDays`]`(n)` counts `n` ×
//!   [`Calendar::business_day_minutes`] of open time and
//!   [`ResponseTarget::BusinessHours`]`(n)` counts `n` × 60 minutes of open time.
//!   An open interval includes its opening instant and excludes its closing
//!   instant; a case submitted while closed starts counting at the next opening.
//! * Pauses are `[start, end)` intervals during which the clock does not run;
//!   overlapping pauses count once; a pause ending before it starts is an error.
//! * The due instant is the earliest instant at which counted time reaches the
//!   target (a target reached exactly at closing time is due at closing time).
//! * [`ResponseTarget::BestEffort`] has no due instant.
//! * A business clock looks at most [`HORIZON_DAYS`] calendar days past the
//!   submission; if the target is not reached by then the result is
//!   [`SlaError::NoDeadlineWithinHorizon`].
//! * Instants are handled as nanoseconds since the Unix epoch, so they must lie
//!   between the years 1678 and 2262 ([`SlaError::OutOfRange`] otherwise).

use std::fmt;
use std::ops::ControlFlow;

use chrono::{DateTime, Days, FixedOffset, SecondsFormat, TimeDelta, TimeZone, Utc};
use chrono_tz::Tz;

use crate::calendar::{next_day, Calendar, CalendarCache};
use crate::target::{Clock, ResponseTarget};

/// The default share of the target after which a case is [`SlaState::AtRisk`].
pub const DEFAULT_AT_RISK_SHARE: f64 = 0.75;

/// How many calendar days past the submission a business clock searches (about 10 years).
pub const HORIZON_DAYS: u32 = 3660;

const NANOS_PER_MINUTE: i64 = 60_000_000_000;

/// An interval `[start, end)` during which the SLA clock does not run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Pause {
    /// When the pause begins (inclusive).
    pub start: DateTime<FixedOffset>,
    /// When the pause ends (exclusive).
    pub end: DateTime<FixedOffset>,
}

impl Pause {
    /// Builds a pause.
    pub const fn new(start: DateTime<FixedOffset>, end: DateTime<FixedOffset>) -> Pause {
        Pause { start, end }
    }
}

/// Why an SLA computation failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SlaError {
    /// A pause's end is before its start.
    PauseEndsBeforeStart,
    /// The target cannot be reached within [`HORIZON_DAYS`] (e.g. a calendar
    /// that is never open).
    NoDeadlineWithinHorizon,
    /// The target cannot be reached within [`HORIZON_DAYS`] because the
    /// pauses run past that horizon: the clock is stopped, not the calendar
    /// short of opening time.
    PausedPastHorizon,
    /// An instant is outside the supported range (years 1678 to 2262).
    OutOfRange,
    /// The at-risk share is not a number between 0 and 1.
    InvalidAtRiskShare,
}

impl fmt::Display for SlaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SlaError::PauseEndsBeforeStart => "pause ends before it starts",
            SlaError::NoDeadlineWithinHorizon => {
                "no deadline within 10 years: the calendar has too little opening time"
            }
            SlaError::PausedPastHorizon => {
                "no deadline within 10 years: the clock is paused past them"
            }
            SlaError::OutOfRange => "date is outside the supported range (years 1678 to 2262)",
            SlaError::InvalidAtRiskShare => "at-risk share must be a number between 0 and 1",
        })
    }
}

impl std::error::Error for SlaError {}

/// Where a case stands against its target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum SlaState {
    /// Less than the at-risk share of the target has been used.
    OnTrack,
    /// At least the at-risk share of the target has been used, and it is not past due.
    AtRisk,
    /// The due instant has passed.
    Breached,
    /// The target is best effort: no deadline.
    BestEffort,
}

impl fmt::Display for SlaState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SlaState::OnTrack => "on track",
            SlaState::AtRisk => "at risk",
            SlaState::Breached => "breached",
            SlaState::BestEffort => "best effort",
        })
    }
}

/// The status of a case at some instant. (With the `serde` feature it is
/// `Serialize` only: chrono cannot deserialize a `DateTime<Tz>`.)
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct SlaStatus {
    /// The overall state.
    pub state: SlaState,
    /// The due instant, in the calendar's time zone; `None` for best effort.
    pub due: Option<DateTime<Tz>>,
    /// Counted clock time so far (open time for business targets, real time for
    /// 24x7 and best effort), pauses excluded; zero before the submission.
    pub elapsed: TimeDelta,
    /// Counted clock time left before the target is reached (zero once reached);
    /// `None` for best effort.
    pub remaining: Option<TimeDelta>,
    /// Real time past the due instant when breached, else `None`.
    pub overdue: Option<TimeDelta>,
}

/// An SLA clock for one calendar that memoizes holidays and opening spans per
/// year, for computing many due dates quickly.
///
/// The free functions [`due`] and [`status`] build a fresh clock per call; keep
/// a `BusinessClock` around (one per thread; it is `Send` but needs `&mut`)
/// when computing many.
#[derive(Debug)]
pub struct BusinessClock<'a> {
    cache: CalendarCache<'a>,
    pauses: Vec<(i64, i64)>,
}

fn nanos<Z: TimeZone>(t: &DateTime<Z>) -> Result<i64, SlaError> {
    t.timestamp_nanos_opt().ok_or(SlaError::OutOfRange)
}

fn delta(ns: i64) -> TimeDelta {
    TimeDelta::nanoseconds(ns)
}

/// Sorted, merged `[start, end)` pauses in nanoseconds (empty ones dropped).
fn merge_pauses(pauses: &[Pause], out: &mut Vec<(i64, i64)>) -> Result<(), SlaError> {
    out.clear();
    for p in pauses {
        if p.end < p.start {
            return Err(SlaError::PauseEndsBeforeStart);
        }
        let (s, e) = (nanos(&p.start)?, nanos(&p.end)?);
        if s < e {
            out.push((s, e));
        }
    }
    out.sort_unstable();
    let mut kept = 0;
    for i in 0..out.len() {
        let cur = out[i];
        if kept > 0 && cur.0 <= out[kept - 1].1 {
            out[kept - 1].1 = out[kept - 1].1.max(cur.1);
        } else {
            out[kept] = cur;
            kept += 1;
        }
    }
    out.truncate(kept);
    Ok(())
}

/// Walks the counted parts of `[s, e)` (the parts outside pauses), in order.
/// `next_pause` only moves forward, so callers must pass intervals in order.
fn for_each_counted<T>(
    pauses: &[(i64, i64)],
    next_pause: &mut usize,
    mut s: i64,
    e: i64,
    f: &mut impl FnMut(i64, i64) -> ControlFlow<T>,
) -> ControlFlow<T> {
    while s < e {
        while pauses.get(*next_pause).is_some_and(|p| p.1 <= s) {
            *next_pause += 1;
        }
        match pauses.get(*next_pause) {
            Some(&(ps, pe)) if ps <= s => s = pe.min(e),
            Some(&(ps, _)) if ps < e => {
                f(s, ps)?;
                s = ps;
            }
            _ => {
                f(s, e)?;
                s = e;
            }
        }
    }
    ControlFlow::Continue(())
}

impl<'a> BusinessClock<'a> {
    /// A clock for `calendar` with an empty cache.
    pub fn new(calendar: &'a Calendar) -> BusinessClock<'a> {
        BusinessClock {
            cache: CalendarCache::new(calendar),
            pauses: Vec::new(),
        }
    }

    /// The calendar this clock runs on.
    pub fn calendar(&self) -> &'a Calendar {
        self.cache.calendar()
    }

    /// The target as counted nanoseconds (`None` for best effort or if it does not fit).
    fn target_nanos(&self, target: ResponseTarget) -> Option<Option<i64>> {
        let minutes = match target.nominal_minutes(self.calendar().business_day_minutes()) {
            None => return Some(None),
            Some(m) => m,
        };
        let ns = i64::try_from(minutes)
            .ok()
            .and_then(|m| m.checked_mul(NANOS_PER_MINUTE));
        ns.map(Some)
    }

    /// Calls `f` on each counted segment `[a, b)` from `start` on, in order,
    /// until `f` breaks or the segments pass `stop` (exclusive) or the horizon.
    fn walk<T>(
        &mut self,
        clock: Clock,
        start: i64,
        stop: i64,
        mut f: impl FnMut(i64, i64) -> ControlFlow<T>,
    ) -> Result<Option<T>, SlaError> {
        let pauses = std::mem::take(&mut self.pauses);
        let result = self.walk_inner(clock, start, stop, &pauses, &mut f);
        self.pauses = pauses;
        result
    }

    fn walk_inner<T>(
        &mut self,
        clock: Clock,
        start: i64,
        stop: i64,
        pauses: &[(i64, i64)],
        f: &mut impl FnMut(i64, i64) -> ControlFlow<T>,
    ) -> Result<Option<T>, SlaError> {
        let mut next_pause = 0;
        match clock {
            Clock::Continuous => match for_each_counted(pauses, &mut next_pause, start, stop, f) {
                ControlFlow::Break(t) => Ok(Some(t)),
                ControlFlow::Continue(()) => Ok(None),
            },
            Clock::Business => {
                if self.cache.never_open() {
                    return Ok(None);
                }
                let tz = self.calendar().tz;
                let local_date = |t: i64| {
                    DateTime::<Utc>::from_timestamp_nanos(t)
                        .with_timezone(&tz)
                        .date_naive()
                };
                let local = local_date(start);
                // The last day to look at: the horizon when searching for a due
                // instant, else the day after `stop` (DST folds may shift a day).
                let last = if stop == i64::MAX {
                    local.checked_add_days(Days::new(u64::from(HORIZON_DAYS)))
                } else {
                    local_date(stop).succ_opt()
                };
                let last = last.ok_or(SlaError::OutOfRange)?;
                // Start a day early: a DST fold across midnight could let the
                // previous day's hours run past `start`.
                let mut date = local.pred_opt().unwrap_or(local);
                let mut cursor = start;
                while date <= last {
                    let spans = self.cache.spans(date).map_err(|_| SlaError::OutOfRange)?;
                    for &(s, e) in spans {
                        let s = s.max(cursor);
                        let e = e.min(stop);
                        if s >= e {
                            continue;
                        }
                        if let ControlFlow::Break(t) =
                            for_each_counted(pauses, &mut next_pause, s, e, f)
                        {
                            return Ok(Some(t));
                        }
                        cursor = e;
                    }
                    if spans.last().is_some_and(|&(_, e)| e >= stop) {
                        return Ok(None);
                    }
                    date = match next_day(date) {
                        Some(d) => d,
                        None => return Err(SlaError::OutOfRange),
                    };
                }
                Ok(None)
            }
        }
    }

    fn due_nanos(
        &mut self,
        target: ResponseTarget,
        submitted: i64,
    ) -> Result<Option<i64>, SlaError> {
        let Some(clock) = target.clock() else {
            return Ok(None);
        };
        let target_ns = match self.target_nanos(target) {
            Some(Some(ns)) => ns,
            Some(None) => return Ok(None),
            None if clock == Clock::Business => return Err(SlaError::NoDeadlineWithinHorizon),
            None => return Err(SlaError::OutOfRange),
        };
        if clock == Clock::Business && self.cache.never_open() {
            return Err(SlaError::NoDeadlineWithinHorizon);
        }
        if target_ns == 0 {
            return Ok(Some(submitted));
        }
        let mut left = target_ns;
        let found = self.walk(clock, submitted, i64::MAX, |a, b| {
            let len = b.saturating_sub(a);
            if len >= left {
                ControlFlow::Break(a + left)
            } else {
                left -= len;
                ControlFlow::Continue(())
            }
        })?;
        let horizon = i64::from(HORIZON_DAYS) * 86_400 * 1_000_000_000;
        let paused_past = self
            .pauses
            .last()
            .is_some_and(|&(_, end)| end.saturating_sub(submitted) >= horizon);
        match (found, clock) {
            (Some(t), _) => Ok(Some(t)),
            (None, Clock::Business) if paused_past => Err(SlaError::PausedPastHorizon),
            (None, Clock::Business) => Err(SlaError::NoDeadlineWithinHorizon),
            (None, Clock::Continuous) => Err(SlaError::OutOfRange),
        }
    }

    /// The due instant of a case (see the [module docs](crate::sla) for the
    /// exact semantics); `Ok(None)` for best effort.
    pub fn due(
        &mut self,
        target: ResponseTarget,
        submitted: DateTime<FixedOffset>,
        pauses: &[Pause],
    ) -> Result<Option<DateTime<Tz>>, SlaError> {
        let submitted = nanos(&submitted)?;
        let mut merged = std::mem::take(&mut self.pauses);
        let merge = merge_pauses(pauses, &mut merged);
        self.pauses = merged;
        merge?;
        let tz = self.calendar().tz;
        Ok(self
            .due_nanos(target, submitted)?
            .map(|t| DateTime::<Utc>::from_timestamp_nanos(t).with_timezone(&tz)))
    }

    /// Counted clock time in `[from, to)` on `clock`, pauses excluded.
    fn counted(&mut self, clock: Clock, from: i64, to: i64) -> Result<i64, SlaError> {
        if to <= from {
            return Ok(0);
        }
        let mut total: i64 = 0;
        self.walk::<()>(clock, from, to, |a, b| {
            total = total.saturating_add(b.saturating_sub(a));
            ControlFlow::Continue(())
        })?;
        Ok(total)
    }

    /// The status of a case at `now`. `at_risk_share` (usually
    /// [`DEFAULT_AT_RISK_SHARE`]) must be between 0 and 1.
    ///
    /// * `Breached` when `now` is after the due instant;
    /// * else `AtRisk` when counted time so far ≥ `at_risk_share` × target;
    /// * else `OnTrack`; best-effort targets are always `BestEffort`.
    pub fn status(
        &mut self,
        target: ResponseTarget,
        submitted: DateTime<FixedOffset>,
        pauses: &[Pause],
        now: DateTime<FixedOffset>,
        at_risk_share: f64,
    ) -> Result<SlaStatus, SlaError> {
        if !(0.0..=1.0).contains(&at_risk_share) {
            return Err(SlaError::InvalidAtRiskShare);
        }
        let due = self.due(target, submitted, pauses)?;
        let (submitted, now) = (nanos(&submitted)?, nanos(&now)?);
        let clock = target.clock().unwrap_or(Clock::Continuous);
        let elapsed = self.counted(clock, submitted, now)?;
        let (Some(due), Some(Some(target_ns))) = (due, self.target_nanos(target)) else {
            return Ok(SlaStatus {
                state: SlaState::BestEffort,
                due: None,
                elapsed: delta(elapsed),
                remaining: None,
                overdue: None,
            });
        };
        let due_ns = nanos(&due)?;
        let remaining = target_ns.saturating_sub(elapsed).max(0);
        let (state, overdue) = if now > due_ns {
            (SlaState::Breached, Some(delta(now.saturating_sub(due_ns))))
        } else if elapsed as f64 >= at_risk_share * target_ns as f64 {
            (SlaState::AtRisk, None)
        } else {
            (SlaState::OnTrack, None)
        };
        Ok(SlaStatus {
            state,
            due: Some(due),
            elapsed: delta(elapsed),
            remaining: Some(delta(remaining)),
            overdue,
        })
    }
}

/// The due instant of a case; `Ok(None)` for best effort. Builds a fresh
/// [`BusinessClock`]; use one directly to compute many due dates.
pub fn due(
    calendar: &Calendar,
    target: ResponseTarget,
    submitted: DateTime<FixedOffset>,
    pauses: &[Pause],
) -> Result<Option<DateTime<Tz>>, SlaError> {
    BusinessClock::new(calendar).due(target, submitted, pauses)
}

/// The status of a case at `now` (see [`BusinessClock::status`]).
pub fn status(
    calendar: &Calendar,
    target: ResponseTarget,
    submitted: DateTime<FixedOffset>,
    pauses: &[Pause],
    now: DateTime<FixedOffset>,
    at_risk_share: f64,
) -> Result<SlaStatus, SlaError> {
    BusinessClock::new(calendar).status(target, submitted, pauses, now, at_risk_share)
}

/// Formats an instant as RFC 3339 with a numeric offset, e.g.
/// `2026-04-07T14:00:00+02:00`: whole seconds, and the fraction of a second
/// only where there is one (`2026-04-07T14:00:00.500+02:00`), so that a
/// deadline is never shown earlier than it is.
pub fn format_rfc3339<Z: TimeZone>(dt: &DateTime<Z>) -> String
where
    Z::Offset: fmt::Display,
{
    dt.to_rfc3339_opts(SecondsFormat::AutoSi, false)
}
