//! The generated code of a policy with holiday sets, observed holidays and
//! severity rules, against values worked out by hand.

use policyc_runtime::chrono::NaiveDate;
use support_desk::holidays_demo::{
    calendar_for_tier, granted_severity, Channel, License, Severity, Tier, JAPAN_BUSINESS_HOURS,
    US_BUSINESS_HOURS,
};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn calendars_get_their_holiday_sets() {
    let us = &US_BUSINESS_HOURS;
    // Saturday 4 July 2026: observed on Friday 3 July.
    assert!(!us.is_business_day(date(2026, 7, 3)));
    // Sunday 25 December 2022 (next weekday): Monday 26 December; Boxing
    // Day, Monday 26 December 2022, stays (sunday-to-monday moves Sundays).
    assert!(!us.is_business_day(date(2022, 12, 26)));
    assert!(us.is_business_day(date(2022, 12, 27)));
    // Saturday 25 December 2021 (next weekday) and Sunday 26 December
    // (Sunday to Monday) are both observed on Monday 27 December.
    assert!(!us.is_business_day(date(2021, 12, 27)));
    assert!(us.is_business_day(date(2021, 12, 28)));
    // Martin Luther King, Jr. Day 2026: Monday 19 January.
    assert!(!us.is_business_day(date(2026, 1, 19)));
    // The closure day of the calendar itself.
    assert!(!us.is_business_day(date(2026, 11, 27)));
    // The Japan calendar gets the U.S. set and its own New Year day, not
    // the company days.
    let japan = &JAPAN_BUSINESS_HOURS;
    assert!(!japan.is_business_day(date(2026, 7, 3)));
    assert!(!japan.is_business_day(date(2026, 1, 2)));
    // Friday 26 December 2025, Boxing Day: a company day only.
    assert!(!us.is_business_day(date(2025, 12, 26)));
    assert!(japan.is_business_day(date(2025, 12, 26)));
    assert_eq!(calendar_for_tier(Tier::Japan), japan);
}

#[test]
fn severity_is_capped_and_defaulted() {
    use Severity::*;
    let granted = |requested, tier, license, channel| {
        granted_severity(requested, Some(tier), license, channel)
    };
    // Nothing covers a web case on a production license.
    assert_eq!(
        granted(
            Some(Urgent),
            Tier::Standard,
            Some(License::ProductionLicense),
            Some(Channel::Web)
        ),
        Some(Urgent)
    );
    assert_eq!(
        granted(None, Tier::Standard, None, Some(Channel::Web)),
        None
    );
    // Development licenses are capped at Normal.
    assert_eq!(
        granted(
            Some(Urgent),
            Tier::Standard,
            Some(License::DevelopmentLicense),
            None
        ),
        Some(Normal)
    );
    assert_eq!(
        granted(
            Some(Low),
            Tier::Standard,
            Some(License::DevelopmentLicense),
            None
        ),
        Some(Low)
    );
    // Email defaults to Normal when nothing is asked for.
    assert_eq!(
        granted(None, Tier::Standard, None, Some(Channel::Email)),
        Some(Normal)
    );
    assert_eq!(
        granted(Some(High), Tier::Standard, None, Some(Channel::Email)),
        Some(High)
    );
    // Japan: capped at High, default Low; by email the least severe
    // default (Low) wins over Normal.
    assert_eq!(granted(Some(Urgent), Tier::Japan, None, None), Some(High));
    assert_eq!(
        granted(None, Tier::Japan, None, Some(Channel::Email)),
        Some(Low)
    );
}

#[test]
fn severities_read_their_aliases() {
    assert_eq!(Severity::Urgent.aliases(), Some(&["Priority 1", "P1"][..]));
    assert_eq!(Severity::Low.aliases(), None);
}
