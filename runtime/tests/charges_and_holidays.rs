//! Charges and holiday dates from the policy specification.

mod common;

use std::time::Duration;

use chrono::NaiveDate;
use common::SWEDISH_HOLIDAYS;
use policyc_runtime::{
    billable_charge, easter_sunday, Coverage, Currency, HolidayRule, Incidents, Money,
};

const USD: Currency = Currency::new(b"USD");

#[test]
fn charge_examples() {
    let rate = Money::new(USD, 25_000);
    let charge = |minutes: u64| {
        billable_charge(rate, 30, 30, Duration::from_secs(minutes * 60))
            .unwrap()
            .to_string()
    };
    assert_eq!(charge(0), "USD 125.00");
    assert_eq!(charge(30), "USD 125.00");
    assert_eq!(charge(31), "USD 250.00");
    assert_eq!(charge(61), "USD 375.00");
    assert_eq!(charge(120), "USD 500.00");
    // One second over an increment is billed as a whole increment.
    assert_eq!(
        billable_charge(rate, 30, 30, Duration::from_secs(60 * 60 + 1))
            .unwrap()
            .to_string(),
        "USD 375.00"
    );
}

#[test]
fn easter_dates() {
    let expected = [
        (2024, 3, 31),
        (2025, 4, 20),
        (2026, 4, 5),
        (2027, 3, 28),
        (2028, 4, 16),
        (2029, 4, 1),
        (2030, 4, 21),
    ];
    for (y, m, d) in expected {
        assert_eq!(easter_sunday(y), NaiveDate::from_ymd_opt(y, m, d));
        let rule = HolidayRule::EasterOffset {
            name: "Easter Sunday",
            days: 0,
        };
        assert_eq!(rule.date_in(y), NaiveDate::from_ymd_opt(y, m, d));
    }
}

#[test]
fn swedish_holidays_2026() {
    let dates: Vec<String> = SWEDISH_HOLIDAYS
        .iter()
        .map(|r| format!("{} {}", r.date_in(2026).unwrap(), r.name()))
        .collect();
    assert_eq!(
        dates,
        [
            "2026-01-01 New Year's Day",
            "2026-01-06 Epiphany",
            "2026-04-03 Good Friday",
            "2026-04-05 Easter Sunday",
            "2026-04-06 Easter Monday",
            "2026-05-01 May Day",
            "2026-05-14 Ascension Day",
            "2026-05-24 Whit Sunday",
            "2026-06-06 National Day",
            "2026-06-20 Midsummer Day",
            "2026-10-31 All Saints' Day",
            "2026-12-25 Christmas Day",
            "2026-12-26 Boxing Day",
        ]
    );
}

#[test]
fn coverage_and_incidents() {
    assert_eq!(
        Coverage::ProfessionalServices.to_string(),
        "professional services"
    );
    assert_eq!(Incidents::Count(3).remaining(5), Incidents::Count(0));
    assert_eq!(Incidents::Unlimited.remaining(5), Incidents::Unlimited);
}
