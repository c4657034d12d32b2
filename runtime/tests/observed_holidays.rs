//! Observed holidays on a calendar, with dates worked out by hand.

use chrono::{NaiveDate, Weekday};
use policyc_runtime::{Calendar, HolidayRule, Observance, OpeningHours};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn us_calendar(weekends: bool) -> Calendar {
    let mut hours: Vec<OpeningHours> = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
    ]
    .into_iter()
    .map(|w| OpeningHours::new(w, 540, 1020))
    .collect();
    if weekends {
        hours.push(OpeningHours::new(Weekday::Sat, 540, 1020));
        hours.push(OpeningHours::new(Weekday::Sun, 540, 1020));
    }
    let observed = |name, month, day| HolidayRule::Observed {
        name,
        month,
        day,
        shift: Observance::NearestWeekday,
    };
    Calendar::new(
        chrono_tz::America::New_York,
        hours,
        vec![
            observed("New Year's Day", 1, 1),
            observed("Independence Day", 7, 4),
            observed("Christmas Day", 12, 25),
        ],
        vec![],
    )
}

#[test]
fn the_observed_date_is_closed_not_the_actual_one() {
    let calendar = us_calendar(true);
    calendar.validate().unwrap();
    // Saturday 4 July 2026 -> Friday 3 July.
    assert_eq!(
        calendar.is_holiday(date(2026, 7, 3)),
        Some("Independence Day")
    );
    assert_eq!(calendar.is_holiday(date(2026, 7, 4)), None);
    assert!(calendar.is_business_day(date(2026, 7, 4)));
    assert!(!calendar.is_business_day(date(2026, 7, 3)));
    // Sunday 25 December 2022 -> Monday 26 December.
    assert!(!calendar.is_business_day(date(2022, 12, 26)));
    assert!(calendar.is_business_day(date(2022, 12, 25)));
    // Saturday 1 January 2022 -> Friday 31 December 2021, in the year before.
    assert_eq!(
        calendar.is_holiday(date(2021, 12, 31)),
        Some("New Year's Day")
    );
    assert!(calendar
        .is_open_at(chrono::DateTime::parse_from_rfc3339("2022-01-01T12:00:00-05:00").unwrap()));
    assert!(!calendar
        .is_open_at(chrono::DateTime::parse_from_rfc3339("2021-12-31T12:00:00-05:00").unwrap()));
}

#[test]
fn holidays_of_a_year_hold_observed_dates() {
    let calendar = us_calendar(false);
    assert_eq!(
        calendar.holidays_in(2021),
        vec![
            (date(2021, 1, 1), "New Year's Day"),
            // Sunday 4 July 2021 -> Monday 5 July.
            (date(2021, 7, 5), "Independence Day"),
            // Saturday 25 December 2021 -> Friday 24 December.
            (date(2021, 12, 24), "Christmas Day"),
            // New Year's Day 2022 (a Saturday), observed in 2021.
            (date(2021, 12, 31), "New Year's Day"),
        ]
    );
    assert_eq!(
        calendar.holidays_in(2022),
        vec![
            (date(2022, 7, 4), "Independence Day"),
            (date(2022, 12, 26), "Christmas Day"),
        ]
    );
}

#[test]
fn the_clock_skips_an_observed_holiday() {
    use policyc_runtime::{due, format_rfc3339, ResponseTarget};
    let calendar = us_calendar(false);
    // Thursday 2 July 2026 at 14:00; Friday 3 July is observed, the weekend
    // is closed: one business day later is Monday 6 July at 14:00.
    let submitted = chrono::DateTime::parse_from_rfc3339("2026-07-02T14:00:00-04:00").unwrap();
    let at = due(&calendar, ResponseTarget::BusinessDays(1), submitted, &[])
        .unwrap()
        .unwrap();
    assert_eq!(format_rfc3339(&at), "2026-07-06T14:00:00-04:00");
}

#[test]
fn an_observed_rule_on_a_date_that_never_exists_is_invalid() {
    let calendar = Calendar::new(
        chrono_tz::UTC,
        vec![],
        vec![HolidayRule::Observed {
            name: "bad",
            month: 2,
            day: 30,
            shift: Observance::NextWeekday,
        }],
        vec![],
    );
    assert!(calendar.validate().is_err());
}
