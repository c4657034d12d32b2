//! Business calendars: a time zone, weekly opening hours, holidays and closures.

use std::borrow::Cow;
use std::fmt;

use chrono::{
    DateTime, Datelike, Days, NaiveDate, NaiveDateTime, TimeDelta, TimeZone, Utc, Weekday,
};
use chrono::{LocalResult, Offset};
use chrono_tz::Tz;

use crate::holiday::HolidayRule;

/// Opening hours on one weekday, in minutes after local midnight.
///
/// `open_minute < close_minute <= 1440`; an entry that breaks this is ignored
/// (and reported by [`Calendar::validate`]). Several entries for the same
/// weekday (e.g. a lunch break) are allowed; overlapping ones are merged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct OpeningHours {
    /// The weekday these hours apply to.
    pub weekday: Weekday,
    /// Opening time, minutes after local midnight (540 = 09:00).
    pub open_minute: u16,
    /// Closing time, minutes after local midnight (1020 = 17:00; 1440 = midnight at the end of the day).
    pub close_minute: u16,
}

impl OpeningHours {
    /// Builds an entry; usable in `const` and `static` items.
    pub const fn new(weekday: Weekday, open_minute: u16, close_minute: u16) -> OpeningHours {
        OpeningHours {
            weekday,
            open_minute,
            close_minute,
        }
    }

    /// Whether `open_minute < close_minute <= 1440`.
    pub const fn is_valid(&self) -> bool {
        self.open_minute < self.close_minute && self.close_minute <= 1440
    }
}

/// A business calendar.
///
/// All fields are plain data behind [`Cow`], so generated code can build one in a
/// `static` (with [`Calendar::from_static`] or `Cow::Borrowed`) and a compiler can
/// build one at run time from owned vectors ([`Calendar::new`]).
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Calendar {
    /// The time zone the opening hours are written in.
    pub tz: Tz,
    /// Weekly opening hours; a weekday without entries is closed.
    pub hours: Cow<'static, [OpeningHours]>,
    /// Recurring holidays; the calendar is closed all day on them.
    pub holidays: Cow<'static, [HolidayRule]>,
    /// Extra closed dates as `(year, month, day)`; invalid dates are ignored.
    pub closures: Cow<'static, [(i32, u8, u8)]>,
}

/// A problem found by [`Calendar::validate`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CalendarError {
    /// Opening hours with `open_minute >= close_minute` or `close_minute > 1440`.
    InvalidHours(OpeningHours),
    /// A holiday rule with a month or day that can never exist.
    InvalidHolidayRule(&'static str),
    /// A closure date that does not exist.
    InvalidClosure(i32, u8, u8),
}

impl fmt::Display for CalendarError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CalendarError::InvalidHours(h) => write!(
                f,
                "invalid opening hours on {}: open minute {} must be before close minute {} and close at most 1440",
                h.weekday, h.open_minute, h.close_minute
            ),
            CalendarError::InvalidHolidayRule(name) => {
                write!(f, "holiday rule `{name}` has an impossible month or day")
            }
            CalendarError::InvalidClosure(y, m, d) => {
                write!(f, "closure date {y:04}-{m:02}-{d:02} does not exist")
            }
        }
    }
}

impl std::error::Error for CalendarError {}

impl Calendar {
    /// Builds a calendar from `'static` slices; usable in `static` items.
    pub const fn from_static(
        tz: Tz,
        hours: &'static [OpeningHours],
        holidays: &'static [HolidayRule],
        closures: &'static [(i32, u8, u8)],
    ) -> Calendar {
        Calendar {
            tz,
            hours: Cow::Borrowed(hours),
            holidays: Cow::Borrowed(holidays),
            closures: Cow::Borrowed(closures),
        }
    }

    /// Builds a calendar from owned data.
    pub fn new(
        tz: Tz,
        hours: Vec<OpeningHours>,
        holidays: Vec<HolidayRule>,
        closures: Vec<(i32, u8, u8)>,
    ) -> Calendar {
        Calendar {
            tz,
            hours: Cow::Owned(hours),
            holidays: Cow::Owned(holidays),
            closures: Cow::Owned(closures),
        }
    }

    /// The same calendar with its hours in another zone: business hours
    /// "local to the customer". Shares the hours and holidays.
    pub fn in_zone(&self, tz: Tz) -> Calendar {
        Calendar { tz, ..self.clone() }
    }

    /// Checks opening hours, holiday rules (month 1–12, a day that exists in a
    /// leap year) and closure dates. Invalid entries are otherwise ignored.
    pub fn validate(&self) -> Result<(), CalendarError> {
        if let Some(h) = self.hours.iter().find(|h| !h.is_valid()) {
            return Err(CalendarError::InvalidHours(*h));
        }
        let exists =
            |m: u8, d: u8| NaiveDate::from_ymd_opt(2000, u32::from(m), u32::from(d)).is_some();
        for rule in self.holidays.iter() {
            let ok = match *rule {
                HolidayRule::Fixed { month, day, .. }
                | HolidayRule::Observed { month, day, .. } => exists(month, day),
                HolidayRule::EasterOffset { .. } => true,
                HolidayRule::WeekdayBetween {
                    from_month,
                    from_day,
                    to_month,
                    to_day,
                    ..
                } => exists(from_month, from_day) && exists(to_month, to_day),
            };
            if !ok {
                return Err(CalendarError::InvalidHolidayRule(rule.name()));
            }
        }
        if let Some(&(y, m, d)) = self
            .closures
            .iter()
            .find(|(y, m, d)| closure_date(*y, *m, *d).is_none())
        {
            return Err(CalendarError::InvalidClosure(y, m, d));
        }
        Ok(())
    }

    /// The name of the holiday on `date`, if any (closures are not holidays;
    /// see [`Calendar::is_closure`]).
    pub fn is_holiday(&self, date: NaiveDate) -> Option<&'static str> {
        let year = date.year();
        self.holidays.iter().find_map(|rule| {
            // A wrapping range or an observed date can land in a neighbouring year.
            let hit = rule.dates_near(year).any(|d| d == date);
            hit.then(|| rule.name())
        })
    }

    /// Whether `date` is one of the extra closed dates.
    pub fn is_closure(&self, date: NaiveDate) -> bool {
        self.closures
            .iter()
            .any(|&(y, m, d)| closure_date(y, m, d) == Some(date))
    }

    /// Whether the calendar opens at all on `date` (opening hours that weekday,
    /// not a holiday, not a closure).
    pub fn is_business_day(&self, date: NaiveDate) -> bool {
        !self.local_hours(date.weekday()).is_empty()
            && self.is_holiday(date).is_none()
            && !self.is_closure(date)
    }

    /// The valid opening hours of `weekday`, merged and sorted, as
    /// `(open_minute, close_minute)` pairs.
    pub fn local_hours(&self, weekday: Weekday) -> Vec<(u16, u16)> {
        let mut spans: Vec<(u16, u16)> = self
            .hours
            .iter()
            .filter(|h| h.weekday == weekday && h.is_valid())
            .map(|h| (h.open_minute, h.close_minute))
            .collect();
        spans.sort_unstable();
        let mut merged: Vec<(u16, u16)> = Vec::with_capacity(spans.len());
        for (open, close) in spans {
            match merged.last_mut() {
                Some(last) if open <= last.1 => last.1 = last.1.max(close),
                _ => merged.push((open, close)),
            }
        }
        merged
    }

    /// The length of one business day in minutes: the total opening time of the
    /// longest weekday (480 for Monday–Friday 09:00–17:00; 0 with no hours).
    pub fn business_day_minutes(&self) -> u32 {
        ALL_WEEKDAYS
            .iter()
            .map(|&w| {
                self.local_hours(w)
                    .iter()
                    .map(|&(o, c)| u32::from(c - o))
                    .sum::<u32>()
            })
            .max()
            .unwrap_or(0)
    }

    /// The holidays falling in `year`, sorted by date.
    pub fn holidays_in(&self, year: i32) -> Vec<(NaiveDate, &'static str)> {
        let mut out: Vec<(NaiveDate, &'static str)> = Vec::new();
        for rule in self.holidays.iter() {
            for date in rule.dates_near(year).filter(|d| d.year() == year) {
                out.push((date, rule.name()));
            }
        }
        out.sort_unstable();
        out.dedup_by_key(|(d, _)| *d);
        out
    }

    /// The open intervals of `date` as absolute `[open, close)` instants, sorted
    /// and non-overlapping; empty on holidays, closures and closed weekdays.
    ///
    /// Local wall-clock times are resolved in the calendar's time zone: a time
    /// that does not exist (a DST gap) maps to the first instant after the gap;
    /// a time that occurs twice (a DST fold) maps to the earlier instant.
    pub fn open_intervals_on(&self, date: NaiveDate) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
        if self.is_holiday(date).is_some() || self.is_closure(date) {
            return Vec::new();
        }
        let mut out: Vec<(DateTime<Utc>, DateTime<Utc>)> = Vec::new();
        for (open, close) in self.local_hours(date.weekday()) {
            if let (Some(s), Some(e)) = (
                local_instant(self.tz, date, open),
                local_instant(self.tz, date, close),
            ) {
                if s < e {
                    out.push((s, e));
                }
            }
        }
        out.sort_unstable();
        let mut merged: Vec<(DateTime<Utc>, DateTime<Utc>)> = Vec::with_capacity(out.len());
        for (s, e) in out {
            match merged.last_mut() {
                Some(last) if s <= last.1 => last.1 = last.1.max(e),
                _ => merged.push((s, e)),
            }
        }
        merged
    }

    /// Whether the calendar is open at the instant `at` (opening instants are
    /// open, closing instants are not).
    pub fn is_open_at<Z: TimeZone>(&self, at: DateTime<Z>) -> bool {
        let at = at.with_timezone(&Utc);
        let local = at.with_timezone(&self.tz).date_naive();
        [local.pred_opt(), Some(local)]
            .into_iter()
            .flatten()
            .any(|d| {
                self.open_intervals_on(d)
                    .iter()
                    .any(|&(s, e)| s <= at && at < e)
            })
    }
}

/// Monday to Sunday.
pub(crate) const ALL_WEEKDAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

fn closure_date(y: i32, m: u8, d: u8) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, u32::from(m), u32::from(d))
}

/// The absolute instant of local wall-clock `minute` (0–1440) on `date` in `tz`.
///
/// A DST gap maps to the first instant after the gap; a fold to the earlier instant.
pub(crate) fn local_instant(tz: Tz, date: NaiveDate, minute: u16) -> Option<DateTime<Utc>> {
    let naive = date
        .and_hms_opt(0, 0, 0)?
        .checked_add_signed(TimeDelta::minutes(i64::from(minute)))?;
    resolve_local(tz, naive)
}

fn resolve_local(tz: Tz, naive: NaiveDateTime) -> Option<DateTime<Utc>> {
    match tz.from_local_datetime(&naive) {
        LocalResult::Single(t) => Some(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(a, b) => Some(a.with_timezone(&Utc).min(b.with_timezone(&Utc))),
        LocalResult::None => after_gap(tz, naive),
    }
}

/// The first instant after the DST gap containing the nonexistent local time `naive`.
fn after_gap(tz: Tz, naive: NaiveDateTime) -> Option<DateTime<Utc>> {
    // Gaps are at most a day long (Samoa skipped 30 Dec 2011); search 48 h.
    for step in 1..=2880_i64 {
        let probe = naive.checked_add_signed(TimeDelta::minutes(step))?;
        let Some(found) = tz.from_local_datetime(&probe).earliest() else {
            continue;
        };
        let after = found.offset().fix();
        let mut first = found.with_timezone(&Utc);
        // The gap may end between whole minutes (historic LMT offsets): walk back
        // by seconds while the post-gap offset still applies.
        for _ in 0..59 {
            let Some(earlier) = first.checked_sub_signed(TimeDelta::seconds(1)) else {
                break;
            };
            if tz.offset_from_utc_datetime(&earlier.naive_utc()).fix() != after {
                break;
            }
            first = earlier;
        }
        return Some(first);
    }
    None
}

/// Per-year memo of closed days and per-day open spans, in nanoseconds since
/// the Unix epoch.
#[derive(Debug)]
pub(crate) struct CalendarCache<'a> {
    calendar: &'a Calendar,
    week: [Vec<(u16, u16)>; 7],
    years: Vec<YearTable>,
    last: usize,
}

#[derive(Debug)]
struct YearTable {
    year: i32,
    closed: Vec<bool>,
    /// Per day of year: `(start, len)` into `spans`, `start == u32::MAX` if not yet computed.
    slots: Vec<(u32, u32)>,
    spans: Vec<(i64, i64)>,
}

/// Why a day's spans could not be computed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct OutOfRange;

impl<'a> CalendarCache<'a> {
    pub(crate) fn new(calendar: &'a Calendar) -> CalendarCache<'a> {
        let week = ALL_WEEKDAYS.map(|w| calendar.local_hours(w));
        CalendarCache {
            calendar,
            week,
            years: Vec::new(),
            last: 0,
        }
    }

    pub(crate) fn calendar(&self) -> &'a Calendar {
        self.calendar
    }

    /// Whether no weekday has any opening hours.
    pub(crate) fn never_open(&self) -> bool {
        self.week.iter().all(Vec::is_empty)
    }

    fn year_index(&mut self, year: i32) -> usize {
        if let Some(t) = self.years.get(self.last) {
            if t.year == year {
                return self.last;
            }
        }
        let idx = match self.years.binary_search_by_key(&year, |t| t.year) {
            Ok(i) => i,
            Err(i) => {
                self.years.insert(i, self.build_year(year));
                i
            }
        };
        self.last = idx;
        idx
    }

    fn build_year(&self, year: i32) -> YearTable {
        let days = match NaiveDate::from_ymd_opt(year, 12, 31) {
            Some(d) => d.ordinal() as usize,
            None => 0,
        };
        let mut closed = vec![false; days];
        let mut mark = |date: NaiveDate| {
            if date.year() == year {
                if let Some(slot) = closed.get_mut(date.ordinal0() as usize) {
                    *slot = true;
                }
            }
        };
        for rule in self.calendar.holidays.iter() {
            rule.dates_near(year).for_each(&mut mark);
        }
        for &(y, m, d) in self.calendar.closures.iter() {
            if y == year {
                if let Some(date) = closure_date(y, m, d) {
                    mark(date);
                }
            }
        }
        YearTable {
            year,
            closed,
            slots: vec![(u32::MAX, 0); days],
            spans: Vec::new(),
        }
    }

    /// The open spans of `date`, `[start, end)` in Unix nanoseconds, sorted and
    /// non-overlapping.
    pub(crate) fn spans(&mut self, date: NaiveDate) -> Result<&[(i64, i64)], OutOfRange> {
        let idx = self.year_index(date.year());
        let day = date.ordinal0() as usize;
        let tz = self.calendar.tz;
        let local = &self.week[date.weekday().num_days_from_monday() as usize];
        let table = self.years.get_mut(idx).ok_or(OutOfRange)?;
        let (start, len) = *table.slots.get(day).ok_or(OutOfRange)?;
        if start == u32::MAX {
            let begin = table.spans.len();
            if !table.closed.get(day).copied().unwrap_or(true) {
                for &(open, close) in local {
                    let s = local_instant(tz, date, open).ok_or(OutOfRange)?;
                    let e = local_instant(tz, date, close).ok_or(OutOfRange)?;
                    let s = s.timestamp_nanos_opt().ok_or(OutOfRange)?;
                    let e = e.timestamp_nanos_opt().ok_or(OutOfRange)?;
                    if s < e {
                        table.spans.push((s, e));
                    }
                }
                let new = &mut table.spans[begin..];
                new.sort_unstable();
                // Merge in place (only folds can make local spans overlap).
                let mut kept = 0;
                for i in 0..new.len() {
                    if kept > 0 && new[i].0 <= new[kept - 1].1 {
                        new[kept - 1].1 = new[kept - 1].1.max(new[i].1);
                    } else {
                        new[kept] = new[i];
                        kept += 1;
                    }
                }
                table.spans.truncate(begin + kept);
            }
            let start = u32::try_from(begin).map_err(|_| OutOfRange)?;
            let len = u32::try_from(table.spans.len() - begin).map_err(|_| OutOfRange)?;
            if let Some(slot) = table.slots.get_mut(day) {
                *slot = (start, len);
            }
            return table.spans.get(begin..).ok_or(OutOfRange);
        }
        let start = start as usize;
        table
            .spans
            .get(start..start + len as usize)
            .ok_or(OutOfRange)
    }
}

/// Adds whole days, `None` past chrono's range.
pub(crate) fn next_day(date: NaiveDate) -> Option<NaiveDate> {
    date.checked_add_days(Days::new(1))
}
