//! The generated Rust of two vendors' policies (GitHub v1.1, Red Hat v1.0),
//! against cases worked out by hand from the published texts (each in its
//! comment; the same cases are worked examples of the policies).

use policyc_runtime::chrono::{DateTime, NaiveDate};
use policyc_runtime::chrono_tz::Tz;
use policyc_runtime::{format_rfc3339, Limit};
use support_desk::{github, redhat};

fn at(text: &str) -> DateTime<policyc_runtime::chrono::FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn text(due: Result<Option<DateTime<Tz>>, policyc_runtime::SlaError>) -> String {
    format_rfc3339(&due.unwrap().unwrap())
}

#[test]
fn github_premium_plus_answers_urgent_in_thirty_minutes_around_the_clock() {
    use github::{Severity, Tier};
    // Sunday 2026-03-15 23:45 UTC + 30 minutes: Monday 00:15 UTC.
    let due = github::initial_response_due(
        Tier::PremiumPlus,
        Severity::Urgent,
        at("2026-03-15T23:45:00+00:00"),
        &[],
        None,
        None,
    );
    assert_eq!(
        due.unwrap()
            .unwrap()
            .with_timezone(&policyc_runtime::chrono::Utc)
            .to_rfc3339(),
        "2026-03-16T00:15:00+00:00"
    );
}

#[test]
fn github_low_counts_24_hours_of_the_english_24x5_calendar_around_a_holiday() {
    use github::{Severity, Tier};
    // Monday 2027-01-18 09:00 UTC is Martin Luther King, Jr. Day (the third
    // Monday: January 4, 11, 18): closed; 24 open hours from Tuesday 00:00
    // end Wednesday 2027-01-20 00:00 UTC.
    let due = github::initial_response_due(
        Tier::PremiumPlus,
        Severity::Low,
        at("2027-01-18T09:00:00+00:00"),
        &[],
        None,
        None,
    );
    assert_eq!(
        due.unwrap()
            .unwrap()
            .with_timezone(&policyc_runtime::chrono::Utc)
            .to_rfc3339(),
        "2027-01-20T00:00:00+00:00"
    );
}

#[test]
fn github_releases_follow_their_published_dates() {
    use github::{Phase, Release};
    let day = |s: &str| s.parse::<NaiveDate>().unwrap();
    // 3.10 was deprecated on 2024-09-25: supported the day before.
    assert_eq!(
        github::phase_on(Release::V310, day("2024-09-24")),
        Some(Phase::SupportedRelease)
    );
    assert_eq!(
        github::phase_on(Release::V310, day("2024-09-25")),
        Some(Phase::Deprecated)
    );
    // 3.20: a release candidate from 2026-02-24, generally available 2026-03-17.
    assert_eq!(
        github::phase_on(Release::V320, day("2026-03-01")),
        Some(Phase::ReleaseCandidate)
    );
    assert_eq!(
        github::phase_on(Release::V320, day("2026-03-17")),
        Some(Phase::SupportedRelease)
    );
}

#[test]
fn github_limits_are_typed() {
    use github::{Limit as L, Tier};
    // "up to 20 members with support entitlements" (Premium), 40 (Premium Plus).
    assert_eq!(
        github::premium_limits(L::EntitledMembers, Tier::Premium).amount(),
        Some(20)
    );
    assert_eq!(
        github::premium_limits(L::EntitledMembers, Tier::PremiumPlus).amount(),
        Some(40)
    );
    assert_ne!(
        github::premium_limits(L::EntitledMembers, Tier::Premium),
        Limit::Unlimited
    );
}

#[test]
fn redhat_business_hours_follow_the_customer() {
    use redhat::{Severity, Tier};
    // Paris, Friday 2026-06-12 16:45 CEST, Standard Severity 1, 1 business
    // hour of 09:00-17:00 outside North America: 15 minutes Friday, 45
    // Monday from 09:00 -> Monday 09:45 CEST.
    let due = redhat::initial_response_due(
        Tier::Standard,
        Severity::Sev1,
        at("2026-06-12T16:45:00+02:00"),
        &[],
        Some(&redhat::OUTSIDE_NORTH_AMERICA_BUSINESS_HOURS),
        Some(Tz::Europe__Paris),
    );
    assert_eq!(text(due), "2026-06-15T09:45:00+02:00");
    // Premium Severity 3 in New York, 4 business hours of 09:00-18:00 from
    // Friday 2026-06-12 16:00: 2 hours Friday, 2 Monday -> Monday 11:00.
    let due = redhat::initial_response_due(
        Tier::Premium,
        Severity::Sev3,
        at("2026-06-12T16:00:00-04:00"),
        &[],
        None,
        Some(Tz::America__New_York),
    );
    assert_eq!(text(due), "2026-06-15T11:00:00-04:00");
}

#[test]
fn redhat_updates_severity_1_every_hour() {
    use redhat::{Severity, Tier};
    // Ongoing response, Premium Severity 1: one hour around the clock from
    // the last update, Saturday 2026-06-13 23:30 -> Sunday 00:30.
    let due = redhat::ongoing_response_due(
        Tier::Premium,
        Severity::Sev1,
        at("2026-06-13T23:30:00-04:00"),
        &[],
        None,
        Some(Tz::America__New_York),
    );
    assert_eq!(text(due), "2026-06-14T00:30:00-04:00");
}
