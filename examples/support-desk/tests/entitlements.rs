//! Every generated entitlement function against the values of the
//! customer-support policy v1.0.

use std::time::Duration;

use policyc_runtime::chrono::{DateTime, FixedOffset, TimeZone, Utc};
use policyc_runtime::chrono_tz::Europe::Stockholm;
use policyc_runtime::entitlement::{Rca, RemoteLogin, ScreenSharing};
use policyc_runtime::{Incidents, Money};
use support_desk::v1_0::{self, License, Party, Phase, Product, Severity, Tier};

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).expect("an RFC 3339 instant")
}

fn usd(cents: i64) -> Money {
    Money::from_code(b"USD", cents)
}

#[test]
fn tickets() {
    assert!(!v1_0::may_open_ticket(License::SelfServe));
    assert!(!v1_0::may_open_ticket(License::CommunityEdition));
    assert!(v1_0::may_open_ticket(License::AdvancedLicense));
    assert!(v1_0::may_open_ticket(License::EnterpriseLicense));
    assert!(v1_0::may_open_ticket(License::Trial));
    assert!(v1_0::may_open_ticket(License::CcxCloudLicense));
    for license in License::ALL {
        assert_eq!(
            support_desk::may_open_ticket(license),
            v1_0::may_open_ticket(license)
        );
    }
}

#[test]
fn incidents() {
    let left = v1_0::incidents_remaining;
    assert_eq!(left(Tier::Advanced, 0, 0, 5), Incidents::Count(7));
    // Add-on packs count; last year's unused incidents do not roll over.
    assert_eq!(left(Tier::Advanced, 3, 4, 5), Incidents::Count(10));
    assert_eq!(left(Tier::Advanced, 0, 4, 0), Incidents::Count(12));
    assert_eq!(left(Tier::Advanced, 0, 0, 14), Incidents::Count(0));
    assert_eq!(left(Tier::Enterprise, 0, 0, 40), Incidents::Unlimited);
    assert_eq!(left(Tier::Community, 3, 4, 0), Incidents::NotApplicable);
}

#[test]
fn screen_sharing() {
    let share = |tier, severity, when: &str| v1_0::screen_sharing_at(tier, severity, at(when));
    let tuesday_10 = "2026-03-17T10:00:00+01:00";
    let tuesday_20 = "2026-03-17T20:00:00+01:00";
    assert_eq!(
        share(Tier::Enterprise, Severity::Sev2, tuesday_10),
        ScreenSharing::UpTo(120)
    );
    assert_eq!(
        share(Tier::Enterprise, Severity::Sev2, tuesday_10).to_string(),
        "up to 2 hours"
    );
    let billable = share(Tier::Enterprise, Severity::Sev2, tuesday_20);
    assert_eq!(
        billable,
        ScreenSharing::Billable(v1_0::OUT_OF_HOURS_SCREEN_SHARING_TERMS)
    );
    assert_eq!(billable.to_string(), "billable at USD 250.00/hour");
    // SEV-1 is unlimited at any hour.
    for when in [tuesday_10, tuesday_20, "2026-03-14T02:00:00+01:00"] {
        assert_eq!(
            share(Tier::Enterprise, Severity::Sev1, when),
            ScreenSharing::Unlimited
        );
    }
    // Weekends and holidays are outside business hours.
    for severity in [Severity::Sev2, Severity::Sev3, Severity::Sev4] {
        for when in ["2026-03-14T10:00:00+01:00", "2026-04-06T11:00:00+02:00"] {
            assert!(matches!(
                share(Tier::Enterprise, severity, when),
                ScreenSharing::Billable(_)
            ));
        }
    }
    for tier in [Tier::Community, Tier::Advanced] {
        for severity in Severity::ALL {
            assert_eq!(
                share(tier, severity, tuesday_10),
                ScreenSharing::NotAvailable
            );
        }
    }
    // Any time zone: 19:00 UTC is 20:00 in Stockholm, 09:30 UTC is 10:30.
    let utc = Utc.with_ymd_and_hms(2026, 3, 17, 19, 0, 0).single();
    let utc = utc.expect("a UTC instant");
    assert!(matches!(
        v1_0::screen_sharing_at(Tier::Enterprise, Severity::Sev3, utc),
        ScreenSharing::Billable(_)
    ));
    let local = Stockholm.with_ymd_and_hms(2026, 3, 17, 16, 59, 0).single();
    let local = local.expect("a Stockholm instant");
    assert_eq!(
        v1_0::screen_sharing_at(Tier::Enterprise, Severity::Sev3, local),
        ScreenSharing::UpTo(120)
    );
}

#[test]
fn out_of_hours_charges() {
    let charge = |minutes: u64| v1_0::out_of_hours_charge(Duration::from_secs(minutes * 60));
    assert_eq!(charge(0), Ok(usd(12500)));
    assert_eq!(charge(20), Ok(usd(12500)));
    assert_eq!(charge(30), Ok(usd(12500)));
    assert_eq!(charge(31), Ok(usd(25000)));
    assert_eq!(charge(61), Ok(usd(37500)));
    assert_eq!(charge(120), Ok(usd(50000)));
    assert_eq!(
        charge(0).map(|m| m.to_string()),
        Ok("USD 125.00".to_owned())
    );
    let terms = v1_0::OUT_OF_HOURS_SCREEN_SHARING_TERMS;
    assert_eq!(terms.rate, v1_0::OUT_OF_HOURS_SCREEN_SHARING_RATE);
    assert_eq!(terms.increment_minutes, 30);
    assert_eq!(terms.minimum_minutes, 30);
}

#[test]
fn custom_builds() {
    use v1_0::custom_build;
    assert!(custom_build(Tier::Enterprise, Severity::Sev2, true));
    assert!(!custom_build(Tier::Enterprise, Severity::Sev2, false));
    assert!(custom_build(Tier::Enterprise, Severity::Sev1, false));
    assert!(custom_build(Tier::Enterprise, Severity::Sev3, true));
    assert!(!custom_build(Tier::Enterprise, Severity::Sev3, false));
    for severity in Severity::ALL {
        for crashing_bug in [false, true] {
            assert!(!custom_build(Tier::Advanced, severity, crashing_bug));
            assert!(!custom_build(Tier::Community, severity, crashing_bug));
        }
    }
}

#[test]
fn remote_login() {
    assert_eq!(
        v1_0::remote_login(Tier::Enterprise),
        RemoteLogin::Available(&[
            "mutual agreement",
            "explicit customer authorization",
            "least privilege access",
            "auditability",
        ])
    );
    assert_eq!(
        v1_0::remote_login(Tier::Advanced),
        RemoteLogin::NotAvailable
    );
    assert_eq!(
        v1_0::remote_login(Tier::Community),
        RemoteLogin::NotAvailable
    );
}

#[test]
fn root_cause_analysis() {
    use v1_0::root_cause_analysis as rca;
    assert_eq!(rca(Severity::Sev1, Tier::Enterprise), Rca::Included);
    assert_eq!(
        rca(Severity::Sev2, Tier::Enterprise),
        Rca::ProfessionalServices
    );
    for tier in [Tier::Community, Tier::Advanced] {
        for severity in Severity::ALL {
            assert_eq!(rca(severity, tier), Rca::ProfessionalServices);
        }
    }
}

#[test]
fn hotfixes() {
    use v1_0::hotfix;
    assert!(hotfix(Tier::Enterprise, true, Phase::Ga));
    assert!(!hotfix(Tier::Enterprise, false, Phase::Ga));
    assert!(!hotfix(Tier::Advanced, true, Phase::Ga));
    assert!(!hotfix(Tier::Community, true, Phase::Ga));
    for phase in [Phase::Maintenance, Phase::EndOfSupport, Phase::Withdrawn] {
        assert!(!hotfix(Tier::Enterprise, true, phase), "{phase}");
    }
}

#[test]
fn lifecycle_phases() {
    assert!(v1_0::phase_supported(Phase::Ga) && v1_0::phase_new_fixes(Phase::Ga));
    assert!(v1_0::phase_supported(Phase::Maintenance));
    assert!(!v1_0::phase_new_fixes(Phase::Maintenance));
    for phase in [Phase::EndOfSupport, Phase::Withdrawn] {
        assert!(!v1_0::phase_supported(phase) && !v1_0::phase_new_fixes(phase));
    }
    let terms = v1_0::phase_terms(Phase::Maintenance);
    assert!(terms.supported && !terms.new_fixes && !terms.hotfixes);
}

#[test]
fn closing_cases() {
    let close = |attempts: &[&str]| {
        let attempts: Vec<_> = attempts.iter().map(|a| at(a)).collect();
        v1_0::may_close_case(&attempts)
    };
    // Monday 10:00 and 15:00: one business day.
    assert!(!close(&[
        "2026-03-16T10:00:00+01:00",
        "2026-03-16T15:00:00+01:00"
    ]));
    // Monday and Tuesday.
    assert!(close(&[
        "2026-03-16T10:00:00+01:00",
        "2026-03-17T10:00:00+01:00"
    ]));
    // Friday and the next Monday.
    assert!(close(&[
        "2026-03-13T10:00:00+01:00",
        "2026-03-16T10:00:00+01:00"
    ]));
    // Good Friday and Easter Monday are holidays.
    assert!(!close(&[
        "2026-04-03T10:00:00+02:00",
        "2026-04-06T10:00:00+02:00"
    ]));
    // Maundy Thursday and Easter Monday: one business day.
    assert!(!close(&[
        "2026-04-02T10:00:00+02:00",
        "2026-04-06T10:00:00+02:00"
    ]));
    assert!(!close(&["2026-03-16T10:00:00+01:00"]));
    assert!(!close(&[]));
    // Days are those of the calendar's zone: 23:30 UTC on Monday is
    // Tuesday in Stockholm.
    let utc = [
        Utc.with_ymd_and_hms(2026, 3, 16, 9, 0, 0).single(),
        Utc.with_ymd_and_hms(2026, 3, 16, 23, 30, 0).single(),
    ];
    let utc: Vec<_> = utc.into_iter().flatten().collect();
    assert_eq!(utc.len(), 2);
    assert!(v1_0::may_close_case(&utc));
}

#[test]
fn support_is_delivered_to() {
    assert_eq!(v1_0::support_delivered_to(Product::Ccx), Party::Provider);
    assert_eq!(
        v1_0::support_delivered_to(Product::Clustercontrol),
        Party::Customer
    );
    assert_eq!(
        v1_0::support_delivered_to(Product::CcxCloud),
        Party::Customer
    );
}
