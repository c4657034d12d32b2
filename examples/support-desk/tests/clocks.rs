//! The generated functions of metrics, clocks, limits and releases, against
//! values worked out by hand (each in its comment).

use policyc_runtime::chrono::{DateTime, FixedOffset, NaiveDate};
use policyc_runtime::chrono_tz::Tz;
use policyc_runtime::{format_rfc3339, Limit};
use support_desk::clocks_demo::{self as clocks, Severity, Tier};
use support_desk::{limits_demo, releases_demo};

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

/// A generated due function of the fixture.
type DueFn = fn(
    Tier,
    Severity,
    DateTime<FixedOffset>,
    &[policyc_runtime::Pause],
    Option<&policyc_runtime::Calendar>,
    Option<Tz>,
) -> Result<Option<DateTime<Tz>>, policyc_runtime::SlaError>;

fn due(f: DueFn, tier: Tier, severity: Severity, submitted: &str, zone: Option<Tz>) -> String {
    let due = f(tier, severity, at(submitted), &[], None, zone)
        .unwrap()
        .unwrap();
    format_rfc3339(&due)
}

#[test]
fn initial_response_on_every_clock() {
    // 2 business hours from Friday 16:00 New York: 16:00-18:00.
    assert_eq!(
        due(
            clocks::initial_response_due,
            Tier::Standard,
            Severity::Sev1,
            "2026-03-13T16:00:00-04:00",
            None
        ),
        "2026-03-13T18:00:00-04:00"
    );
    // The same hours in Tokyo: Friday 16:00-18:00, Monday 09:00-11:00.
    assert_eq!(
        due(
            clocks::initial_response_due,
            Tier::Standard,
            Severity::Sev2,
            "2026-03-13T16:00:00+09:00",
            Some(Tz::Asia__Tokyo)
        ),
        "2026-03-16T11:00:00+09:00"
    );
    // 15 minutes around the clock.
    assert_eq!(
        due(
            clocks::initial_response_due,
            Tier::Premium,
            Severity::Sev1,
            "2026-03-14T23:50:00+01:00",
            None
        ),
        "2026-03-14T19:05:00-04:00"
    );
    // 30 minutes of the 24x5 calendar, submitted on its closed Saturday.
    assert_eq!(
        due(
            clocks::initial_response_due,
            Tier::Premium,
            Severity::Sev2,
            "2026-03-14T10:00:00-07:00",
            None
        ),
        "2026-03-15T17:30:00-07:00"
    );
    // Five calendar days across the change to summer time.
    assert_eq!(
        due(
            clocks::initial_response_due,
            Tier::Standard,
            Severity::Sev3,
            "2026-03-05T10:00:00-05:00",
            None
        ),
        "2026-03-10T11:00:00-04:00"
    );
}

#[test]
fn the_cadence_counts_from_the_last_update() {
    // One update per hour, around the clock.
    assert_eq!(
        due(
            clocks::ongoing_response_due,
            Tier::Premium,
            Severity::Sev1,
            "2026-03-13T12:00:00-04:00",
            None
        ),
        "2026-03-13T13:00:00-04:00"
    );
    // Four business hours of 24x5: Friday 15:00-17:00, Sunday 17:00-19:00.
    assert_eq!(
        due(
            clocks::ongoing_response_due,
            Tier::Premium,
            Severity::Sev2,
            "2026-03-13T15:00:00-07:00",
            None
        ),
        "2026-03-15T19:00:00-07:00"
    );
}

#[test]
fn limits_by_plan() {
    use limits_demo::{Limit as L, Tier as T};
    assert_eq!(
        limits_demo::limits(L::AdvisoryHours, T::PremiumPlus),
        Limit::of(12, "hours", &["quarter"])
    );
    assert_eq!(
        limits_demo::limits(L::AdvisoryHours, T::Premium),
        Limit::NotApplicable
    );
    assert!(limits_demo::limits(L::EntitledMembers, T::Premium).allows(20));
    assert!(!limits_demo::limits(L::EntitledMembers, T::Premium).allows(21));
    assert_eq!(limits_demo::limits(L::Cases, T::Premium), Limit::Unlimited);
}

#[test]
fn releases_are_in_the_phase_their_rules_say() {
    use releases_demo::{Phase, Release};
    let day = |s: &str| s.parse::<NaiveDate>().unwrap();
    // 24.1 (GA 2024-05-20, LTS): maintenance ends at the later of leaving
    // the two latest releases (24.3 on 2024-11-18) and 365 days after GA
    // (2025-05-20); assistance lasts 6 months (to 2025-11-20), extended
    // support for LTS a year more (to 2026-11-20).
    let on = |d: &str| releases_demo::phase_on(Release::V241, day(d));
    assert_eq!(on("2025-05-19"), Some(Phase::Maintenance));
    assert_eq!(on("2025-05-20"), Some(Phase::Assistance));
    assert_eq!(on("2025-11-19"), Some(Phase::Assistance));
    assert_eq!(on("2025-11-20"), Some(Phase::Extended));
    assert_eq!(on("2026-11-19"), Some(Phase::Extended));
    assert_eq!(on("2026-11-20"), None);
    // 24.3 is one of the two latest: maintained as long as it stays so.
    assert_eq!(
        releases_demo::phase_on(Release::V243, day("2040-01-01")),
        Some(Phase::Maintenance)
    );
    // 23.2's dates are stated: extended support ends 2026-03-25.
    assert_eq!(
        releases_demo::phase_on(Release::V232, day("2026-03-24")),
        Some(Phase::Extended)
    );
    assert_eq!(
        releases_demo::phase_on(Release::V232, day("2026-03-25")),
        None
    );
}

#[test]
fn a_customer_calendar_from_an_order_form_is_the_clock() {
    use policyc_runtime::chrono::Weekday;
    use policyc_runtime::{Calendar, OpeningHours};
    // The customer's own hours, built at run time: Monday to Friday
    // 08:00-12:00 in Paris. Standard sev-1, 2 business hours from Friday
    // 2026-03-13 11:00 (+01:00): 1 hour Friday, 1 hour Monday from 08:00.
    let mornings = Calendar::new(
        Tz::Europe__Paris,
        [
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
        ]
        .into_iter()
        .map(|d| OpeningHours::new(d, 8 * 60, 12 * 60))
        .collect(),
        Vec::new(),
        Vec::new(),
    );
    let due = clocks::initial_response_due(
        Tier::Standard,
        Severity::Sev1,
        at("2026-03-13T11:00:00+01:00"),
        &[],
        Some(&mornings),
        None,
    )
    .unwrap()
    .unwrap();
    assert_eq!(format_rfc3339(&due), "2026-03-16T09:00:00+01:00");
}
