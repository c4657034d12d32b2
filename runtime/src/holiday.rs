//! Holiday rules: fixed dates, dates relative to Easter, "first weekday in a
//! range", and fixed dates moved off the weekend when they fall on one
//! ("observed" dates, [`Observance`]).

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// One recurring holiday. Plain data, so calendars can be built in `static` items.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum HolidayRule {
    /// The same date every year, e.g. 25 December.
    Fixed {
        /// Name of the holiday.
        name: &'static str,
        /// Month, 1–12.
        month: u8,
        /// Day of the month, 1–31.
        day: u8,
    },
    /// Western (Gregorian) Easter Sunday plus `days` (negative for before Easter):
    /// Good Friday is −2, Easter Monday +1, Ascension Day +39, Whit Sunday +49.
    EasterOffset {
        /// Name of the holiday.
        name: &'static str,
        /// Days after Easter Sunday.
        days: i16,
    },
    /// The first `weekday` in the inclusive date range, e.g. Swedish Midsummer Day
    /// (Saturday 20–26 June). A range whose end comes before its start runs into
    /// the next year.
    WeekdayBetween {
        /// Name of the holiday.
        name: &'static str,
        /// The weekday looked for.
        weekday: Weekday,
        /// Month of the first date of the range.
        from_month: u8,
        /// Day of the first date of the range.
        from_day: u8,
        /// Month of the last date of the range.
        to_month: u8,
        /// Day of the last date of the range.
        to_day: u8,
    },
    /// The same date every year, taken on a weekday when it falls on a
    /// weekend, as `shift` says: Independence Day (4 July) observed on the
    /// nearest weekday is Friday 3 July 2026. Only the observed date is the
    /// holiday (as in U.S. federal practice): on a calendar open at
    /// weekends, the weekend date itself stays open. A policy that closes
    /// both states the plain date as a second holiday.
    Observed {
        /// Name of the holiday.
        name: &'static str,
        /// Month, 1–12.
        month: u8,
        /// Day of the month, 1–31.
        day: u8,
        /// How a weekend date moves.
        shift: Observance,
    },
}

/// How a holiday that falls on a weekend is observed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum Observance {
    /// Saturday to the Friday before, Sunday to the Monday after.
    NearestWeekday,
    /// Saturday and Sunday to the Monday after.
    NextWeekday,
    /// Sunday to the Monday after; a Saturday stays.
    SundayToMonday,
}

impl Observance {
    /// Every observance, in the order the documentation lists them.
    pub const ALL: [Observance; 3] = [
        Observance::NearestWeekday,
        Observance::NextWeekday,
        Observance::SundayToMonday,
    ];

    /// The date `date` is observed on.
    pub fn observe(self, date: NaiveDate) -> Option<NaiveDate> {
        match (self, date.weekday()) {
            (Observance::NearestWeekday, Weekday::Sat) => date.checked_sub_days(Days::new(1)),
            (Observance::NextWeekday, Weekday::Sat) => date.checked_add_days(Days::new(2)),
            (_, Weekday::Sun) => date.checked_add_days(Days::new(1)),
            _ => Some(date),
        }
    }
}

impl HolidayRule {
    /// The holiday's name.
    pub const fn name(&self) -> &'static str {
        match self {
            HolidayRule::Fixed { name, .. }
            | HolidayRule::EasterOffset { name, .. }
            | HolidayRule::WeekdayBetween { name, .. }
            | HolidayRule::Observed { name, .. } => name,
        }
    }

    /// The dates of this holiday that may fall in `year`: its dates of the
    /// year before, that year and the year after (a wrapping range or an
    /// observed New Year's Day can cross into a neighbouring year). Callers
    /// keep those that are in `year`.
    pub fn dates_near(&self, year: i32) -> impl Iterator<Item = NaiveDate> + '_ {
        [year.checked_sub(1), Some(year), year.checked_add(1)]
            .into_iter()
            .flatten()
            .filter_map(|y| self.date_in(y))
    }

    /// The date of this holiday in `year`, or `None` if it has no date that year
    /// (for example 30 February, or a range containing no such weekday).
    ///
    /// For a [`HolidayRule::WeekdayBetween`] range that wraps past New Year the
    /// result may fall in `year + 1`; an [`HolidayRule::Observed`] 1 January
    /// on a Saturday is observed on 31 December of `year - 1`.
    pub fn date_in(&self, year: i32) -> Option<NaiveDate> {
        match *self {
            HolidayRule::Fixed { month, day, .. } => {
                NaiveDate::from_ymd_opt(year, u32::from(month), u32::from(day))
            }
            HolidayRule::Observed {
                month, day, shift, ..
            } => shift.observe(NaiveDate::from_ymd_opt(
                year,
                u32::from(month),
                u32::from(day),
            )?),
            HolidayRule::EasterOffset { days, .. } => {
                let easter = easter_sunday(year)?;
                if days >= 0 {
                    easter.checked_add_days(Days::new(u64::from(days.unsigned_abs())))
                } else {
                    easter.checked_sub_days(Days::new(u64::from(days.unsigned_abs())))
                }
            }
            HolidayRule::WeekdayBetween {
                weekday,
                from_month,
                from_day,
                to_month,
                to_day,
                ..
            } => {
                let from =
                    NaiveDate::from_ymd_opt(year, u32::from(from_month), u32::from(from_day))?;
                let mut to = NaiveDate::from_ymd_opt(year, u32::from(to_month), u32::from(to_day))?;
                if to < from {
                    to = NaiveDate::from_ymd_opt(
                        year.checked_add(1)?,
                        u32::from(to_month),
                        u32::from(to_day),
                    )?;
                }
                let ahead = (7 + weekday.num_days_from_monday()
                    - from.weekday().num_days_from_monday())
                    % 7;
                let candidate = from.checked_add_days(Days::new(u64::from(ahead)))?;
                (candidate <= to).then_some(candidate)
            }
        }
    }
}

/// Western (Gregorian) Easter Sunday of `year`, by the anonymous Gregorian
/// computus (Meeus/Jones/Butcher). `None` only outside chrono's date range.
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let y = i64::from(year);
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c.div_euclid(4);
    let k = c.rem_euclid(4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let n = h + l - 7 * m + 114;
    let month = u32::try_from(n.div_euclid(31)).ok()?;
    let day = u32::try_from(n.rem_euclid(31) + 1).ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn easter_known_values() {
        let known = [
            (2000, 4, 23),
            (2008, 3, 23),
            (2011, 4, 24),
            (2019, 4, 21),
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2027, 3, 28),
            (2028, 4, 16),
            (2029, 4, 1),
            (2030, 4, 21),
            (2038, 4, 25),
        ];
        for (y, m, d) in known {
            assert_eq!(easter_sunday(y), Some(date(y, m, d)), "{y}");
        }
        assert_eq!(easter_sunday(i32::MAX), None);
        assert_eq!(easter_sunday(i32::MIN), None);
    }

    fn observed(month: u8, day: u8, shift: Observance) -> HolidayRule {
        HolidayRule::Observed {
            name: "x",
            month,
            day,
            shift,
        }
    }

    #[test]
    fn observed_dates() {
        use Observance::*;
        // 4 July 2026 is a Saturday.
        assert_eq!(
            observed(7, 4, NearestWeekday).date_in(2026),
            Some(date(2026, 7, 3))
        );
        assert_eq!(
            observed(7, 4, NextWeekday).date_in(2026),
            Some(date(2026, 7, 6))
        );
        assert_eq!(
            observed(7, 4, SundayToMonday).date_in(2026),
            Some(date(2026, 7, 4))
        );
        // 25 December 2022 is a Sunday.
        for shift in Observance::ALL {
            assert_eq!(
                observed(12, 25, shift).date_in(2022),
                Some(date(2022, 12, 26))
            );
        }
        // 4 July 2027 is a Sunday, 4 July 2025 a Friday.
        assert_eq!(
            observed(7, 4, NearestWeekday).date_in(2027),
            Some(date(2027, 7, 5))
        );
        assert_eq!(
            observed(7, 4, NextWeekday).date_in(2025),
            Some(date(2025, 7, 4))
        );
        // 1 January 2022 is a Saturday: observed on Friday 31 December 2021.
        let new_year = observed(1, 1, NearestWeekday);
        assert_eq!(new_year.date_in(2022), Some(date(2021, 12, 31)));
        let near: Vec<NaiveDate> = new_year.dates_near(2021).collect();
        assert!(near.contains(&date(2021, 12, 31)));
        assert!(near.contains(&date(2021, 1, 1)));
        // 31 December 2022 is a Saturday: the next weekday is 2 January 2023.
        assert_eq!(
            observed(12, 31, NextWeekday).date_in(2022),
            Some(date(2023, 1, 2))
        );
        assert_eq!(observed(2, 30, NearestWeekday).date_in(2026), None);
        assert_eq!(observed(1, 1, NearestWeekday).name(), "x");
        assert_eq!(observed(12, 31, NextWeekday).date_in(i32::MAX), None);
    }

    #[test]
    fn rules() {
        let midsummer = HolidayRule::WeekdayBetween {
            name: "Midsummer Day",
            weekday: Weekday::Sat,
            from_month: 6,
            from_day: 20,
            to_month: 6,
            to_day: 26,
        };
        assert_eq!(midsummer.date_in(2026), Some(date(2026, 6, 20)));
        assert_eq!(midsummer.date_in(2027), Some(date(2027, 6, 26)));
        assert_eq!(midsummer.name(), "Midsummer Day");
        let all_saints = HolidayRule::WeekdayBetween {
            name: "All Saints' Day",
            weekday: Weekday::Sat,
            from_month: 10,
            from_day: 31,
            to_month: 11,
            to_day: 6,
        };
        assert_eq!(all_saints.date_in(2026), Some(date(2026, 10, 31)));
        assert_eq!(all_saints.date_in(2027), Some(date(2027, 11, 6)));
        let good_friday = HolidayRule::EasterOffset {
            name: "Good Friday",
            days: -2,
        };
        assert_eq!(good_friday.date_in(2026), Some(date(2026, 4, 3)));
        let ascension = HolidayRule::EasterOffset {
            name: "Ascension Day",
            days: 39,
        };
        assert_eq!(ascension.date_in(2026), Some(date(2026, 5, 14)));
        let bad = HolidayRule::Fixed {
            name: "x",
            month: 2,
            day: 30,
        };
        assert_eq!(bad.date_in(2026), None);
        let bad = HolidayRule::Fixed {
            name: "x",
            month: 0,
            day: 255,
        };
        assert_eq!(bad.date_in(2026), None);
        let wrap = HolidayRule::WeekdayBetween {
            name: "wrap",
            weekday: Weekday::Fri,
            from_month: 12,
            from_day: 30,
            to_month: 1,
            to_day: 3,
        };
        // 2026-12-30 is a Wednesday; the first Friday is 2027-01-01.
        assert_eq!(wrap.date_in(2026), Some(date(2027, 1, 1)));
        let empty = HolidayRule::WeekdayBetween {
            name: "none",
            weekday: Weekday::Sun,
            from_month: 6,
            from_day: 22,
            to_month: 6,
            to_day: 23,
        };
        assert_eq!(empty.date_in(2026), None);
        assert_eq!(
            HolidayRule::EasterOffset {
                name: "x",
                days: i16::MIN
            }
            .date_in(2026),
            Some(date(2026, 4, 5) - Days::new(32768))
        );
    }
}
