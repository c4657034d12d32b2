//! Comparing the deadlines of two response targets, each on its calendar,
//! for every submission instant in a window.
//!
//! # Exactness
//!
//! Instants are whole nanoseconds, as in [`crate::sla`]. Let `F(t)` be the
//! open time of a calendar up to `t` (the union of its open spans, as the
//! [`BusinessClock`](crate::BusinessClock) walks them) and `G(x)` the
//! earliest instant at which `F` reaches `x`. A business target of `n`
//! counted nanoseconds is due at `G(F(s) + n)` for a submission at `s`
//! (a target reached exactly at closing time is due at closing time); a
//! 24x7 target of `d` at `s + d`.
//!
//! Between two consecutive *critical instants* — the window's ends, every
//! opening and closing of either calendar, and every submission whose
//! deadline falls exactly on an opening or closing (`F(s) = F(c) - n`) — both
//! deadlines are linear in `s` with slope 0 or 1, so their difference is
//! linear with slope -1, 0 or 1. [`compare`] evaluates the difference at
//! each critical instant and at the first and last nanosecond between two
//! of them: those values bound it on the whole piece, and how many
//! nanoseconds of each piece move later or earlier follows exactly from a
//! slope of ±1. The count of critical instants is linear in the number of
//! open spans in the window (about 4 per opening of each calendar).

use chrono::{DateTime, Days, Utc};

use crate::calendar::{next_day, Calendar, CalendarCache};
use crate::sla::HORIZON_DAYS;
use crate::target::{Clock, ResponseTarget};

const NANOS_PER_MINUTE: i64 = 60_000_000_000;

/// A response target on the calendar its clock runs on.
#[derive(Clone, Copy, Debug)]
pub struct Side<'a> {
    /// The target.
    pub target: ResponseTarget,
    /// The calendar a business target counts open time on (unused by 24x7
    /// targets).
    pub calendar: &'a Calendar,
}

/// Submissions that move one way, and how far.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Moves {
    /// How much of the window (nanoseconds of submission time) moves this
    /// way; 0 with `largest > 0` when only isolated instants do.
    pub measure: i64,
    /// The largest move, in nanoseconds (0: none).
    pub largest: i64,
}

impl Moves {
    /// Whether any submission moves this way.
    pub fn any(&self) -> bool {
        self.largest > 0
    }

    fn add(&mut self, measure: i64, value: i64) {
        self.measure = self.measure.saturating_add(measure);
        self.largest = self.largest.max(value);
    }
}

/// The deadlines of `new` against those of `old` over a window of
/// submissions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Comparison {
    /// The window's length in nanoseconds.
    pub window: i64,
    /// Submissions whose deadline is later under `new`.
    pub later: Moves,
    /// Submissions whose deadline is earlier under `new`.
    pub earlier: Moves,
}

/// Which way deadlines move.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    /// Every deadline is the same.
    Same,
    /// Every deadline is later or the same, some later.
    Later,
    /// Every deadline is earlier or the same, some earlier.
    Earlier,
    /// Some later, some earlier.
    Mixed,
}

impl Comparison {
    /// Which way deadlines move.
    pub fn direction(&self) -> Direction {
        match (self.later.any(), self.earlier.any()) {
            (false, false) => Direction::Same,
            (true, false) => Direction::Later,
            (false, true) => Direction::Earlier,
            (true, true) => Direction::Mixed,
        }
    }

    /// Both comparisons together (targets that change together, e.g. every
    /// target on a calendar that changed, over the same window): the larger
    /// share and the largest move each way.
    pub fn merge(self, other: Comparison) -> Comparison {
        let pick = |a: Moves, b: Moves| Moves {
            measure: a.measure.max(b.measure),
            largest: a.largest.max(b.largest),
        };
        Comparison {
            window: self.window.max(other.window),
            later: pick(self.later, other.later),
            earlier: pick(self.earlier, other.earlier),
        }
    }

    /// The share of submissions moving later, 0 to 1.
    pub fn later_share(&self) -> f64 {
        self.later.measure as f64 / self.window.max(1) as f64
    }

    /// The share of submissions moving earlier, 0 to 1.
    pub fn earlier_share(&self) -> f64 {
        self.earlier.measure as f64 / self.window.max(1) as f64
    }
}

/// Why two targets could not be compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CompareError {
    /// A target is best effort: it has no deadline to compare.
    BestEffort,
    /// A business calendar never opens, or too little to reach a target
    /// within [`HORIZON_DAYS`] of the window's end.
    NoDeadlineWithinHorizon,
    /// An instant or a target is out of the supported range, or the window
    /// is empty.
    OutOfRange,
}

impl std::fmt::Display for CompareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            CompareError::BestEffort => "a best-effort target has no deadline",
            CompareError::NoDeadlineWithinHorizon => {
                "a calendar opens too little to reach the target within 10 years"
            }
            CompareError::OutOfRange => "an instant or target is out of the supported range",
        })
    }
}

impl std::error::Error for CompareError {}

/// The open time of a calendar from some day on: merged spans and the open
/// time before each.
#[derive(Debug)]
struct Timeline {
    spans: Vec<(i64, i64)>,
    /// Open time before `spans[i]`.
    before: Vec<i64>,
    /// Open time up to the end of `spans[i]`.
    through: Vec<i64>,
}

impl Timeline {
    /// Spans from the day before `from` until `need` nanoseconds of open
    /// time past `to` (at most [`HORIZON_DAYS`] days past it).
    fn build(calendar: &Calendar, from: i64, to: i64, need: i64) -> Result<Timeline, CompareError> {
        let mut cache = CalendarCache::new(calendar);
        if cache.never_open() {
            return Err(CompareError::NoDeadlineWithinHorizon);
        }
        let tz = calendar.tz;
        let day = |t: i64| {
            DateTime::<Utc>::from_timestamp_nanos(t)
                .with_timezone(&tz)
                .date_naive()
        };
        let first = day(from).pred_opt().ok_or(CompareError::OutOfRange)?;
        let end_day = day(to);
        let last = end_day
            .checked_add_days(Days::new(u64::from(HORIZON_DAYS)))
            .ok_or(CompareError::OutOfRange)?;
        let mut spans: Vec<(i64, i64)> = Vec::new();
        let mut before = Vec::new();
        let mut total: i64 = 0;
        let mut past_to: i64 = 0;
        let mut date = first;
        loop {
            let day_spans = cache.spans(date).map_err(|_| CompareError::OutOfRange)?;
            for &(s, e) in day_spans {
                // Union with what came before (a DST fold can overlap).
                let s = spans.last().map_or(s, |&(_, pe): &(i64, i64)| s.max(pe));
                if s >= e {
                    continue;
                }
                match spans.last_mut() {
                    Some(last) if last.1 == s => last.1 = e,
                    _ => {
                        before.push(total);
                        spans.push((s, e));
                    }
                }
                total += e - s;
                past_to += e - s.max(to).min(e);
            }
            if date > end_day && past_to >= need {
                break;
            }
            if date >= last {
                return Err(CompareError::NoDeadlineWithinHorizon);
            }
            date = next_day(date).ok_or(CompareError::OutOfRange)?;
        }
        let through = spans
            .iter()
            .zip(&before)
            .map(|(&(s, e), b)| b + (e - s))
            .collect();
        Ok(Timeline {
            spans,
            before,
            through,
        })
    }

    /// Open time up to `t`.
    fn open_until(&self, t: i64) -> i64 {
        // The last span starting at or before `t`.
        let i = self.spans.partition_point(|&(s, _)| s <= t);
        if i == 0 {
            return 0;
        }
        let (s, e) = self.spans[i - 1];
        self.before[i - 1] + (t.min(e) - s)
    }

    /// The earliest instant at which open time reaches `x > 0`.
    fn reaching(&self, x: i64) -> Option<i64> {
        // The first span whose end reaches `x`.
        let i = self.through.partition_point(|&c| c < x);
        let (s, _) = *self.spans.get(i)?;
        Some(s + (x - self.before[i]))
    }
}

/// One side's deadline as a function of the submission.
enum Deadline {
    /// `s + d`.
    Shift(i64),
    /// `G(F(s) + n)`.
    Business { n: i64, timeline: Timeline },
}

impl Deadline {
    fn new(side: &Side<'_>, from: i64, to: i64) -> Result<Deadline, CompareError> {
        let clock = side.target.clock().ok_or(CompareError::BestEffort)?;
        let minutes = side
            .target
            .nominal_minutes(side.calendar.business_day_minutes())
            .ok_or(CompareError::BestEffort)?;
        let n = i64::try_from(minutes)
            .ok()
            .and_then(|m| m.checked_mul(NANOS_PER_MINUTE))
            .ok_or(CompareError::OutOfRange)?;
        if clock == Clock::Continuous || n == 0 {
            to.checked_add(n).ok_or(CompareError::OutOfRange)?;
            return Ok(Deadline::Shift(n));
        }
        let timeline = Timeline::build(side.calendar, from, to, n)?;
        Ok(Deadline::Business { n, timeline })
    }

    fn at(&self, s: i64) -> i64 {
        match self {
            Deadline::Shift(d) => s + d,
            Deadline::Business { n, timeline } => timeline
                .reaching(timeline.open_until(s) + n)
                // The timeline reaches past the window by construction.
                .unwrap_or(i64::MAX),
        }
    }

    /// The instants in `[from, to]` at which the deadline is not linear.
    fn critical(&self, from: i64, to: i64, out: &mut Vec<i64>) {
        let Deadline::Business { n, timeline } = self else {
            return;
        };
        let (lo, hi) = (timeline.open_until(from), timeline.open_until(to));
        for (i, &(s, e)) in timeline.spans.iter().enumerate() {
            if s > to && timeline.through[i] - n > hi {
                break;
            }
            for b in [s, e] {
                if (from..=to).contains(&b) {
                    out.push(b);
                }
            }
            // The submission whose deadline is this closing.
            let level = timeline.through[i] - n;
            if level > lo && level <= hi {
                if let Some(t) = timeline.reaching(level) {
                    out.push(t);
                }
            }
        }
    }
}

/// How many of the `len` nanoseconds of a linear piece with values `a` at
/// its first and `b` at its last nanosecond (slope -1, 0 or 1) are positive.
fn positive(a: i64, b: i64, len: i64) -> i64 {
    match (a > 0, b > 0) {
        (true, true) => len,
        (false, false) => 0,
        (true, false) => a.min(len),
        (false, true) => b.min(len),
    }
}

/// Records a move of `d` for `measure` nanoseconds of submissions.
fn record(result: &mut Comparison, d: i64, measure: i64) {
    match d.cmp(&0) {
        std::cmp::Ordering::Greater => result.later.add(measure, d),
        std::cmp::Ordering::Less => result.earlier.add(measure, -d),
        std::cmp::Ordering::Equal => {}
    }
}

/// Compares the deadlines of `new` with those of `old` for every submission
/// instant in `[from, to)`. Exact (see the [module docs](self)); linear in
/// the calendars' open spans in the window.
pub fn compare(
    old: Side<'_>,
    new: Side<'_>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Comparison, CompareError> {
    let from = from.timestamp_nanos_opt().ok_or(CompareError::OutOfRange)?;
    let to = to.timestamp_nanos_opt().ok_or(CompareError::OutOfRange)?;
    if to <= from {
        return Err(CompareError::OutOfRange);
    }
    let (a, b) = (
        Deadline::new(&old, from, to)?,
        Deadline::new(&new, from, to)?,
    );
    let mut result = Comparison {
        window: to - from,
        ..Comparison::default()
    };
    if let (Deadline::Shift(x), Deadline::Shift(y)) = (&a, &b) {
        let window = result.window;
        record(&mut result, y - x, window);
        return Ok(result);
    }
    let mut points = vec![from, to - 1];
    a.critical(from, to - 1, &mut points);
    b.critical(from, to - 1, &mut points);
    points.sort_unstable();
    points.dedup();
    points.retain(|p| (from..to).contains(p));
    let diff = |s: i64| b.at(s).saturating_sub(a.at(s));
    for (i, &p) in points.iter().enumerate() {
        let d = diff(p);
        record(&mut result, d, 1);
        let Some(&next) = points.get(i + 1) else {
            break;
        };
        if next - p < 2 {
            continue;
        }
        let (first, last, len) = (diff(p + 1), diff(next - 1), next - p - 1);
        let up = positive(first, last, len);
        let down = positive(-first, -last, len);
        // Record the extremes with the counts of their sides.
        if first > 0 || last > 0 {
            result.later.add(up, first.max(last));
        }
        if first < 0 || last < 0 {
            result.earlier.add(down, (-first).max(-last));
        }
    }
    Ok(result)
}

/// Open time of `old` and `new` compared over `[from, to)`: the
/// nanoseconds open only under `old` (closed by `new`) and only under
/// `new` (opened by it).
pub fn compare_open_time(
    old: &Calendar,
    new: &Calendar,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<(i64, i64), CompareError> {
    let from = from.timestamp_nanos_opt().ok_or(CompareError::OutOfRange)?;
    let to = to.timestamp_nanos_opt().ok_or(CompareError::OutOfRange)?;
    let spans = |cal: &Calendar| -> Result<Vec<(i64, i64)>, CompareError> {
        if CalendarCache::new(cal).never_open() {
            return Ok(Vec::new());
        }
        let t = Timeline::build(cal, from, to, 0)?;
        Ok(t.spans
            .into_iter()
            .map(|(s, e)| (s.max(from), e.min(to)))
            .filter(|(s, e)| s < e)
            .collect())
    };
    let (a, b) = (spans(old)?, spans(new)?);
    let total = |v: &[(i64, i64)]| v.iter().map(|(s, e)| e - s).sum::<i64>();
    let both = intersection(&a, &b);
    Ok((total(&a) - both, total(&b) - both))
}

fn intersection(a: &[(i64, i64)], b: &[(i64, i64)]) -> i64 {
    let (mut i, mut j, mut sum) = (0, 0, 0);
    while let (Some(&(s1, e1)), Some(&(s2, e2))) = (a.get(i), b.get(j)) {
        let (s, e) = (s1.max(s2), e1.min(e2));
        if s < e {
            sum += e - s;
        }
        if e1 < e2 {
            i += 1;
        } else {
            j += 1;
        }
    }
    sum
}

/// The window of submissions from midnight UTC on `date` for `days` days.
pub fn window_from(date: chrono::NaiveDate, days: u64) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    let start = date.and_hms_opt(0, 0, 0)?.and_utc();
    let end = date
        .checked_add_days(Days::new(days))?
        .and_hms_opt(0, 0, 0)?
        .and_utc();
    Some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::OpeningHours;
    use crate::holiday::HolidayRule;
    use crate::sla::BusinessClock;
    use chrono::{NaiveDate, TimeDelta, Weekday};

    fn weekdays(open: u16, close: u16) -> Vec<OpeningHours> {
        [
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
        ]
        .into_iter()
        .map(|d| OpeningHours::new(d, open, close))
        .collect()
    }

    fn stockholm(open: u16, close: u16) -> Calendar {
        Calendar::new(
            "Europe/Stockholm".parse().unwrap(),
            weekdays(open, close),
            vec![HolidayRule::Fixed {
                name: "christmas",
                month: 12,
                day: 25,
            }],
            Vec::new(),
        )
    }

    /// Brute force: every `step` minutes, the runtime's clock.
    fn sweep(old: Side<'_>, new: Side<'_>, from: DateTime<Utc>, days: i64, step: i64) -> Direction {
        let (mut a, mut b) = (
            BusinessClock::new(old.calendar),
            BusinessClock::new(new.calendar),
        );
        let (mut later, mut earlier) = (false, false);
        let mut t = from;
        while t < from + TimeDelta::days(days) {
            let s = t.fixed_offset();
            let x = a.due(old.target, s, &[]).unwrap().unwrap();
            let y = b.due(new.target, s, &[]).unwrap().unwrap();
            later |= y > x;
            earlier |= y < x;
            t += TimeDelta::minutes(step);
        }
        match (later, earlier) {
            (false, false) => Direction::Same,
            (true, false) => Direction::Later,
            (false, true) => Direction::Earlier,
            (true, true) => Direction::Mixed,
        }
    }

    #[test]
    fn one_business_day_and_sixteen_business_hours() {
        let cal = stockholm(540, 1020);
        let from = NaiveDate::from_ymd_opt(2026, 9, 1).unwrap();
        let (s, e) = window_from(from, 60).unwrap();
        let side = |t| Side {
            target: t,
            calendar: &cal,
        };
        let c = compare(
            side(ResponseTarget::BusinessDays(1)),
            side(ResponseTarget::BusinessHours(16)),
            s,
            e,
        )
        .unwrap();
        assert_eq!(c.direction(), Direction::Later);
        // Friday 09:00: Friday 17:00 becomes Monday 17:00 (73 h across the
        // end of summer time).
        assert_eq!(c.later.largest, 73 * 60 * NANOS_PER_MINUTE);
        assert_eq!(c.later_share(), 1.0);
        let c = compare(
            side(ResponseTarget::BusinessDays(1)),
            side(ResponseTarget::BusinessHours(8)),
            s,
            e,
        )
        .unwrap();
        assert_eq!(c.direction(), Direction::Same);
    }

    #[test]
    fn business_day_against_24x7_is_mixed() {
        let cal = stockholm(540, 1020);
        let (s, e) = window_from(NaiveDate::from_ymd_opt(2026, 9, 1).unwrap(), 365).unwrap();
        let c = compare(
            Side {
                target: ResponseTarget::BusinessDays(1),
                calendar: &cal,
            },
            Side {
                target: ResponseTarget::Hours24x7(24),
                calendar: &cal,
            },
            s,
            e,
        )
        .unwrap();
        assert_eq!(c.direction(), Direction::Mixed);
        assert!(c.later_share() > 0.3 && c.earlier_share() > 0.3, "{c:?}");
    }

    #[test]
    fn agrees_with_a_sweep_around_dst() {
        let a = stockholm(540, 1020);
        let b = stockholm(480, 1080);
        let from = NaiveDate::from_ymd_opt(2026, 3, 16).unwrap();
        let (s, e) = window_from(from, 21).unwrap();
        let targets = [
            ResponseTarget::BusinessDays(1),
            ResponseTarget::BusinessHours(4),
            ResponseTarget::BusinessHours(9),
            ResponseTarget::Hours24x7(8),
            ResponseTarget::BusinessMinutes(30),
            ResponseTarget::CalendarDays(1),
        ];
        for &x in &targets {
            for &y in &targets {
                for (ca, cb) in [(&a, &a), (&a, &b), (&b, &a)] {
                    let old = Side {
                        target: x,
                        calendar: ca,
                    };
                    let new = Side {
                        target: y,
                        calendar: cb,
                    };
                    let exact = compare(old, new, s, e).unwrap().direction();
                    let brute = sweep(old, new, s, 21, 15);
                    // A 15-minute sweep can miss what the exact comparison
                    // finds, never the other way round.
                    let fits = match (exact, brute) {
                        (x, y) if x == y => true,
                        (Direction::Mixed, _) => brute != Direction::Mixed,
                        (Direction::Later | Direction::Earlier, Direction::Same) => true,
                        _ => false,
                    };
                    assert!(
                        fits,
                        "{x} on {} vs {y}: exact {exact:?}, sweep {brute:?}",
                        ca == &a
                    );
                }
            }
        }
    }

    #[test]
    fn open_time() {
        let a = stockholm(540, 1020);
        let b = stockholm(540, 1080);
        let (s, e) = window_from(NaiveDate::from_ymd_opt(2026, 9, 1).unwrap(), 7).unwrap();
        let (removed, added) = compare_open_time(&a, &b, s, e).unwrap();
        assert_eq!(removed, 0);
        assert_eq!(added, 5 * 60 * NANOS_PER_MINUTE);
    }
}
