//! Shared fixtures: the Stockholm calendar from the policy spec.
#![allow(dead_code)]

use chrono::{DateTime, FixedOffset, Weekday};
use policyc_runtime::{Calendar, HolidayRule, OpeningHours};

pub static HOURS: [OpeningHours; 5] = [
    OpeningHours::new(Weekday::Mon, 540, 1020),
    OpeningHours::new(Weekday::Tue, 540, 1020),
    OpeningHours::new(Weekday::Wed, 540, 1020),
    OpeningHours::new(Weekday::Thu, 540, 1020),
    OpeningHours::new(Weekday::Fri, 540, 1020),
];

pub static SWEDISH_HOLIDAYS: [HolidayRule; 13] = [
    HolidayRule::Fixed {
        name: "New Year's Day",
        month: 1,
        day: 1,
    },
    HolidayRule::Fixed {
        name: "Epiphany",
        month: 1,
        day: 6,
    },
    HolidayRule::EasterOffset {
        name: "Good Friday",
        days: -2,
    },
    HolidayRule::EasterOffset {
        name: "Easter Sunday",
        days: 0,
    },
    HolidayRule::EasterOffset {
        name: "Easter Monday",
        days: 1,
    },
    HolidayRule::Fixed {
        name: "May Day",
        month: 5,
        day: 1,
    },
    HolidayRule::EasterOffset {
        name: "Ascension Day",
        days: 39,
    },
    HolidayRule::EasterOffset {
        name: "Whit Sunday",
        days: 49,
    },
    HolidayRule::Fixed {
        name: "National Day",
        month: 6,
        day: 6,
    },
    HolidayRule::WeekdayBetween {
        name: "Midsummer Day",
        weekday: Weekday::Sat,
        from_month: 6,
        from_day: 20,
        to_month: 6,
        to_day: 26,
    },
    HolidayRule::WeekdayBetween {
        name: "All Saints' Day",
        weekday: Weekday::Sat,
        from_month: 10,
        from_day: 31,
        to_month: 11,
        to_day: 6,
    },
    HolidayRule::Fixed {
        name: "Christmas Day",
        month: 12,
        day: 25,
    },
    HolidayRule::Fixed {
        name: "Boxing Day",
        month: 12,
        day: 26,
    },
];

pub static STOCKHOLM: Calendar =
    Calendar::from_static(chrono_tz::Europe::Stockholm, &HOURS, &SWEDISH_HOLIDAYS, &[]);

pub fn t(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}
