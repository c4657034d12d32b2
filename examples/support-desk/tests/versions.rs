//! Both versions of the customer-support policy in one generated file,
//! and the functions that dispatch on the version in force at submission.
//!
//! Values by hand from the policy texts: v1.0 (effective 2026-06) gives
//! Enterprise SEV-3 `1 business day` and Advanced SEV-4 `2 business days`;
//! v1.1 (effective 2026-09) gives `8 hours 24x7` and `1 business day`. The
//! business calendar is Europe/Stockholm, Monday to Friday 09:00-17:00 (a
//! business day is 8 open hours); 2026-08-31 is a Monday, and no Swedish
//! holiday falls in the first days of September. A version takes effect at
//! midnight at the start of its effective date in the calendar's zone.

use policyc_runtime::chrono::{DateTime, FixedOffset, NaiveDate};
use policyc_runtime::format_rfc3339;
use policyc_runtime::versions::DispatchError;
use policyc_runtime::UnknownId;
use support_desk::customer_support::{self, Version};
use support_desk::{ticket_terms, v1_0, v1_1};

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn due(tier: &str, severity: &str, submitted: &str) -> Result<String, DispatchError> {
    let due = customer_support::first_response_due(tier, severity, at(submitted), &[])?;
    Ok(format_rfc3339(&due.expect("a target, not best effort")))
}

#[test]
fn the_version_in_force_decides_across_the_effective_date() {
    // The day before v1.1 takes effect: v1.0's one business day, Monday
    // 10:00 to Tuesday 10:00 (the deadline falls under v1.1; the terms are
    // those in force at submission).
    assert_eq!(
        due("enterprise", "sev-3", "2026-08-31T10:00:00+02:00").unwrap(),
        "2026-09-01T10:00:00+02:00"
    );
    // The day after: v1.1's 8 hours around the clock.
    assert_eq!(
        due("enterprise", "sev-3", "2026-09-02T10:00:00+02:00").unwrap(),
        "2026-09-02T18:00:00+02:00"
    );
    // Advanced SEV-4: two business days under v1.0, one under v1.1.
    assert_eq!(
        due("advanced", "sev-4", "2026-08-31T10:00:00+02:00").unwrap(),
        "2026-09-02T10:00:00+02:00"
    );
    assert_eq!(
        due("advanced", "sev-4", "2026-09-02T10:00:00+02:00").unwrap(),
        "2026-09-03T10:00:00+02:00"
    );
}

#[test]
fn the_boundary_is_midnight_in_stockholm() {
    // 23:30 on Monday, after hours: v1.0 counts one business day from
    // Tuesday 09:00.
    assert_eq!(
        due("enterprise", "sev-3", "2026-08-31T23:30:00+02:00").unwrap(),
        "2026-09-01T17:00:00+02:00"
    );
    // The same instant written in UTC is still v1.0.
    assert_eq!(
        due("enterprise", "sev-3", "2026-08-31T21:30:00Z").unwrap(),
        "2026-09-01T17:00:00+02:00"
    );
    // 00:30 on Tuesday: v1.1, 8 hours later.
    assert_eq!(
        due("enterprise", "sev-3", "2026-09-01T00:30:00+02:00").unwrap(),
        "2026-09-01T08:30:00+02:00"
    );
    assert_eq!(
        Version::in_force_at(&at("2026-08-31T21:59:59Z")),
        Some(Version::V1_0)
    );
    assert_eq!(
        Version::in_force_at(&at("2026-08-31T22:00:00Z")),
        Some(Version::V1_1)
    );
    let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    assert_eq!(Version::in_force_on(day(8, 31)), Some(Version::V1_0));
    assert_eq!(Version::in_force_on(day(9, 1)), Some(Version::V1_1));
    assert_eq!(Version::in_force_on(day(5, 31)), None);
}

#[test]
fn before_the_first_version_nothing_is_in_force() {
    assert_eq!(
        due("enterprise", "sev-1", "2026-05-31T23:59:00+02:00"),
        Err(DispatchError::NotInForce {
            policy: "customer-support",
            first_effective: "2026-06",
        })
    );
    assert_eq!(Version::in_force_at(&at("2026-05-31T23:59:00+02:00")), None);
    // From midnight on 1 June, v1.0: Enterprise SEV-1 is 2 hours 24x7.
    assert_eq!(
        due("enterprise", "sev-1", "2026-06-01T00:00:00+02:00").unwrap(),
        "2026-06-01T02:00:00+02:00"
    );
    let error = due("enterprise", "sev-1", "2026-05-01T12:00:00+02:00").unwrap_err();
    assert_eq!(
        error.to_string(),
        "no version of customer-support is in force: the first takes effect 2026-06"
    );
}

#[test]
fn ids_are_read_in_the_version_in_force() {
    // Titles, without regard to case, read as well as ids.
    assert_eq!(
        due("Enterprise", "medium", "2026-09-02T10:00:00+02:00").unwrap(),
        "2026-09-02T18:00:00+02:00"
    );
    assert_eq!(
        due("gold", "sev-1", "2026-09-02T10:00:00+02:00"),
        Err(DispatchError::UnknownId {
            version: "1.1",
            error: UnknownId::new("tier", "gold"),
        })
    );
}

#[test]
fn pinned_versions_stay_available() {
    assert_eq!(Version::ALL, [Version::V1_0, Version::V1_1]);
    assert_eq!(Version::LATEST, Version::V1_1);
    assert_eq!(customer_support::latest::VERSION, "1.1");
    assert_eq!(v1_0::VERSION, "1.0");
    assert_eq!(Version::V1_0.effective(), "2026-06");
    assert_eq!(Version::V1_1.to_string(), "1.1");
    assert_eq!("1.0".parse::<Version>(), Ok(Version::V1_0));
    assert!("2.0".parse::<Version>().is_err());
    assert_eq!(
        format_rfc3339(&Version::V1_1.takes_effect().instant().unwrap()),
        "2026-09-01T00:00:00+02:00"
    );
    // Pinned: v1.0 gives Enterprise SEV-3 one business day whenever asked.
    let pinned = v1_0::first_response_due(
        v1_0::Tier::Enterprise,
        v1_0::Severity::Sev3,
        at("2026-09-02T10:00:00+02:00"),
        &[],
    )
    .unwrap()
    .unwrap();
    assert_eq!(format_rfc3339(&pinned), "2026-09-03T10:00:00+02:00");
    assert_eq!(
        v1_1::response_time(v1_1::Severity::Sev3, v1_1::Tier::Enterprise),
        policyc_runtime::ResponseTarget::Hours24x7(8)
    );
}

#[test]
fn a_tickets_terms() {
    // Enterprise SEV-2 on Monday 31 August, 10:00: v1.0, 4 hours 24x7;
    // RCA for SEV-2 at Enterprise is under a PSA in v1.0, included in v1.1.
    let before = ticket_terms("enterprise", "sev-2", at("2026-08-31T10:00:00+02:00")).unwrap();
    assert_eq!(before.version, Version::V1_0);
    assert_eq!(
        format_rfc3339(&before.first_response_due.unwrap()),
        "2026-08-31T14:00:00+02:00"
    );
    assert!(!before.custom_build);
    assert_eq!(
        before.rca,
        policyc_runtime::entitlement::Rca::ProfessionalServices
    );
    let after = ticket_terms("enterprise", "sev-2", at("2026-09-02T10:00:00+02:00")).unwrap();
    assert_eq!(after.version, Version::V1_1);
    assert_eq!(after.rca, policyc_runtime::entitlement::Rca::Included);
    // Enterprise SEV-1 may get a custom build in both.
    let sev1 = ticket_terms("enterprise", "sev-1", at("2026-09-02T10:00:00+02:00")).unwrap();
    assert!(sev1.custom_build);
    // Community is best effort on the forums.
    let community = ticket_terms("community", "sev-1", at("2026-09-02T10:00:00+02:00")).unwrap();
    assert_eq!(community.first_response_due, None);
}

/// ClickHouse 1.0 takes effect on 2022-01-28 in Los Angeles (its business
/// calendar's zone, UTC-8 in January: 08:00 UTC), 2.0 on 2025-10-15 in UTC
/// (its calendar's zone).
#[test]
fn each_version_takes_effect_in_its_own_calendars_zone() {
    use support_desk::others::clickhouse::Version;
    assert_eq!(Version::in_force_at(&at("2022-01-28T07:59:59Z")), None);
    assert_eq!(
        Version::in_force_at(&at("2022-01-28T08:00:00Z")),
        Some(Version::V1_0)
    );
    assert_eq!(
        Version::in_force_at(&at("2025-10-14T23:59:59Z")),
        Some(Version::V1_0)
    );
    assert_eq!(
        Version::in_force_at(&at("2025-10-15T00:00:00Z")),
        Some(Version::V2_0)
    );
    assert_eq!(Version::LATEST.effective(), "2025-10-15");
}
