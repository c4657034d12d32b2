//! Release lifecycles: which phase of its lifecycle a release is in on a
//! day, from the date each phase ends.
//!
//! A phase is in force from its start up to, not including, its end: the
//! end date is the first day of the next phase (or of end of life). The
//! first phase starts on the release's general availability (GA); each
//! next phase starts where the previous one ends. A phase without a known
//! end lasts indefinitely. After the last phase ends, the release is at end
//! of life.
//!
//! ```
//! use policyc_runtime::lifecycle::{stage, Day, Stage};
//!
//! let released = Some(Day::new(2024, 5, 20));
//! let phases = [("maintenance", Some(Day::new(2025, 5, 20))), ("assistance", Some(Day::new(2025, 11, 20)))];
//! assert_eq!(stage(released, &phases, Day::new(2025, 5, 19)), Stage::In("maintenance"));
//! assert_eq!(stage(released, &phases, Day::new(2025, 5, 20)), Stage::In("assistance"));
//! assert_eq!(stage(released, &phases, Day::new(2026, 1, 1)), Stage::EndOfLife(Some(Day::new(2025, 11, 20))));
//! ```

use chrono::{Datelike, Months, NaiveDate, TimeDelta};
use std::fmt;

/// A calendar day, as plain data that can live in a `static`: ordered by
/// year, month and day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Day {
    /// The year.
    pub year: i32,
    /// The month, 1 to 12.
    pub month: u32,
    /// The day of the month, 1 to 31.
    pub day: u32,
}

impl Day {
    /// The day `year-month-day` (not checked: see [`Day::date`]).
    pub const fn new(year: i32, month: u32, day: u32) -> Day {
        Day { year, month, day }
    }

    /// The day as a chrono date, if it exists.
    pub fn date(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month, self.day)
    }
}

impl From<NaiveDate> for Day {
    fn from(date: NaiveDate) -> Day {
        Day::new(date.year(), date.month(), date.day())
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A unit of calendar time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum PeriodUnit {
    /// Days.
    Days,
    /// Weeks of seven days.
    Weeks,
    /// Calendar months.
    Months,
    /// Calendar years.
    Years,
}

/// A length of calendar time: `365 days`, `6 months`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Period {
    /// How many units.
    pub amount: u32,
    /// The unit.
    pub unit: PeriodUnit,
}

impl Period {
    /// The period of `amount` `unit`s.
    pub const fn new(amount: u32, unit: PeriodUnit) -> Period {
        Period { amount, unit }
    }

    /// The day `self` after `date`, if it is within chrono's range. A
    /// month (or year) after a day that the target month lacks is the last
    /// day of that month: a month after 2024-01-31 is 2024-02-29.
    pub fn after(self, date: NaiveDate) -> Option<NaiveDate> {
        let n = self.amount;
        match self.unit {
            PeriodUnit::Days => date.checked_add_signed(TimeDelta::try_days(i64::from(n))?),
            PeriodUnit::Weeks => date.checked_add_signed(TimeDelta::try_weeks(i64::from(n))?),
            PeriodUnit::Months => date.checked_add_months(Months::new(n)),
            PeriodUnit::Years => date.checked_add_months(Months::new(n.checked_mul(12)?)),
        }
    }

    /// An average length in ten-thousandths of a day, to order periods of
    /// different units: a year counts 365.25 days and a month a twelfth of
    /// it, so that `12 months` equals `1 year`.
    pub fn average_length(self) -> u64 {
        let per = match self.unit {
            PeriodUnit::Days => 10_000,
            PeriodUnit::Weeks => 70_000,
            PeriodUnit::Months => 304_375,
            PeriodUnit::Years => 3_652_500,
        };
        u64::from(self.amount) * per
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = match self.unit {
            PeriodUnit::Days => "day",
            PeriodUnit::Weeks => "week",
            PeriodUnit::Months => "month",
            PeriodUnit::Years => "year",
        };
        let plural = if self.amount == 1 { "" } else { "s" };
        write!(f, "{} {unit}{plural}", self.amount)
    }
}

/// Where a release stands in its lifecycle on a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage<P> {
    /// Before its general availability.
    NotReleased,
    /// In this phase.
    In(P),
    /// Past its last phase: at end of life since this day (the end of its
    /// last phase; `None` when the release has no phase and no GA date).
    EndOfLife(Option<Day>),
}

impl<P> Stage<P> {
    /// The phase in force, if any.
    pub fn phase(self) -> Option<P> {
        match self {
            Stage::In(p) => Some(p),
            _ => None,
        }
    }
}

/// Where a release released on `released` (when known), going through
/// `phases` in order, each with the day it ends (`None`: no known end),
/// stands on `on`.
pub fn stage<P: Copy>(released: Option<Day>, phases: &[(P, Option<Day>)], on: Day) -> Stage<P> {
    if released.is_some_and(|r| on < r) {
        return Stage::NotReleased;
    }
    for &(phase, end) in phases {
        match end {
            None => return Stage::In(phase),
            Some(end) if on < end => return Stage::In(phase),
            Some(_) => {}
        }
    }
    Stage::EndOfLife(phases.last().and_then(|(_, end)| *end).or(released))
}

/// The phase in force on `on`, if any (see [`stage`]).
pub fn phase_on<P: Copy>(released: Option<Day>, phases: &[(P, Option<Day>)], on: Day) -> Option<P> {
    stage(released, phases, on).phase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn periods_after_a_date() {
        let ga = d(2024, 5, 20);
        assert_eq!(
            Period::new(365, PeriodUnit::Days).after(ga),
            Some(d(2025, 5, 20))
        );
        assert_eq!(
            Period::new(2, PeriodUnit::Weeks).after(ga),
            Some(d(2024, 6, 3))
        );
        assert_eq!(
            Period::new(3, PeriodUnit::Months).after(ga),
            Some(d(2024, 8, 20))
        );
        assert_eq!(
            Period::new(1, PeriodUnit::Years).after(ga),
            Some(d(2025, 5, 20))
        );
        assert_eq!(
            Period::new(1, PeriodUnit::Months).after(d(2024, 1, 31)),
            Some(d(2024, 2, 29))
        );
        assert_eq!(Period::new(u32::MAX, PeriodUnit::Years).after(ga), None);
        assert_eq!(Period::new(u32::MAX, PeriodUnit::Days).after(ga), None);
    }

    #[test]
    fn stages_of_a_release() {
        let released = Some(Day::new(2024, 5, 20));
        let phases = [(1, Some(Day::new(2025, 5, 20))), (2, None)];
        assert_eq!(
            stage(released, &phases, Day::new(2024, 5, 19)),
            Stage::NotReleased
        );
        assert_eq!(
            stage(released, &phases, Day::new(2024, 5, 20)),
            Stage::In(1)
        );
        assert_eq!(
            stage(released, &phases, Day::new(2025, 5, 20)),
            Stage::In(2)
        );
        assert_eq!(stage(released, &phases, Day::new(2090, 1, 1)), Stage::In(2));
        assert_eq!(
            stage::<u8>(None, &[], Day::new(2090, 1, 1)),
            Stage::EndOfLife(None)
        );
        assert_eq!(
            stage::<u8>(released, &[], Day::new(2090, 1, 1)),
            Stage::EndOfLife(released)
        );
        assert_eq!(
            phase_on(
                None,
                &[(7, Some(Day::new(2020, 1, 1)))],
                Day::new(2019, 12, 31)
            ),
            Some(7)
        );
    }
}
