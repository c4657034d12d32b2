//! The generated code against the values of the customer-support policy
//! v1.0, and the support-desk API on top of it.

use policyc_runtime::chrono::DateTime;
use policyc_runtime::{
    format_rfc3339, Coverage, Incidents, Money, ResponseTarget, Session, SupportHours, UnknownId,
};
use support_desk::v1_0::{self, Area, Channel, License, Phase, Severity, Tier};
use support_desk::{first_response_due, is_covered, may_open_ticket, parse_license, tier_of};

#[test]
fn header() {
    assert_eq!(v1_0::POLICY_ID, "customer-support");
    assert_eq!(v1_0::VERSION, "1.0");
    assert_eq!(v1_0::EFFECTIVE, "2026-06");
    assert_eq!(v1_0::UPDATED, "2026-06-13");
    assert_eq!(v1_0::PROVIDER, "Severalnines AB");
}

#[test]
fn response_time_every_cell() {
    use ResponseTarget::{BestEffort, BusinessDays, Hours24x7};
    let expected = [
        (Severity::Sev1, [BestEffort, BusinessDays(1), Hours24x7(2)]),
        (Severity::Sev2, [BestEffort, BusinessDays(1), Hours24x7(4)]),
        (
            Severity::Sev3,
            [BestEffort, BusinessDays(1), BusinessDays(1)],
        ),
        (
            Severity::Sev4,
            [BestEffort, BusinessDays(2), BusinessDays(2)],
        ),
    ];
    assert_eq!(Severity::ALL.len() * Tier::ALL.len(), 12);
    for (severity, row) in expected {
        for (tier, target) in Tier::ALL.into_iter().zip(row) {
            assert_eq!(
                v1_0::response_time(severity, tier),
                target,
                "{severity} at {tier}"
            );
        }
    }
}

#[test]
fn scope_cells() {
    use Coverage::{NotAvailable, NotSupported, ProfessionalServices, Supported};
    assert_eq!(
        v1_0::scope(Area::ManualRecovery, Tier::Advanced),
        NotSupported
    );
    assert_eq!(
        v1_0::scope(Area::ManualRecovery, Tier::Enterprise),
        NotSupported
    );
    assert_eq!(
        v1_0::scope(Area::RootCauseAnalysis, Tier::Advanced),
        ProfessionalServices
    );
    assert_eq!(
        v1_0::scope(Area::RootCauseAnalysis, Tier::Enterprise),
        Supported
    );
    assert_eq!(
        v1_0::scope(Area::ScreenSharingSessions, Tier::Advanced),
        NotAvailable
    );
    assert_eq!(
        v1_0::scope(Area::ScreenSharingSessions, Tier::Enterprise),
        Supported
    );
    // `otherwise: not-available` fills the Community column.
    for area in Area::ALL {
        assert_eq!(v1_0::scope(area, Tier::Community), NotAvailable, "{area}");
    }
    assert!(is_covered(Area::Troubleshooting, Tier::Advanced));
    assert!(!is_covered(Area::PerformanceManagement, Tier::Enterprise));
}

#[test]
fn rca_and_screen_sharing() {
    assert_eq!(
        v1_0::rca(Severity::Sev1, Tier::Enterprise),
        Coverage::Supported
    );
    assert_eq!(
        v1_0::rca(Severity::Sev2, Tier::Enterprise),
        Coverage::ProfessionalServices
    );
    assert_eq!(
        v1_0::screen_sharing(Severity::Sev1, Tier::Enterprise),
        Session::Unlimited
    );
    assert_eq!(
        v1_0::screen_sharing(Severity::Sev3, Tier::Enterprise),
        Session::UpTo(120)
    );
    assert_eq!(
        v1_0::screen_sharing(Severity::Sev1, Tier::Advanced),
        Session::NotAvailable
    );
}

#[test]
fn licenses_and_tiers() {
    assert_eq!(tier_of(License::Trial), Tier::Enterprise);
    assert_eq!(tier_of(License::SelfServe), Tier::Community);
    assert_eq!(tier_of(License::CommunityEdition), Tier::Community);
    assert_eq!(tier_of(License::AdvancedLicense), Tier::Advanced);
    assert_eq!(tier_of(License::CcxCloudLicense), Tier::Enterprise);
    assert!(!may_open_ticket(License::SelfServe));
    assert!(!may_open_ticket(License::CommunityEdition));
    assert!(may_open_ticket(License::AdvancedLicense));
    assert!(may_open_ticket(License::Trial));
    assert_eq!(License::Trial.only_where(), Some("expressly agreed"));
    assert_eq!(
        License::SelfServe.price(),
        Some(Money::from_code(b"EUR", 25000))
    );
    assert_eq!(License::SelfServe.nodes(), Some(2..=5));
    for license in License::ALL {
        assert!(license.tier().licenses().contains(&license), "{license}");
    }
}

#[test]
fn tier_fields() {
    assert_eq!(Tier::Community.incidents(), Incidents::NotApplicable);
    assert_eq!(Tier::Advanced.incidents(), Incidents::Count(12));
    assert_eq!(Tier::Enterprise.incidents(), Incidents::Unlimited);
    assert_eq!(Tier::Community.channels(), &[Channel::Forums]);
    assert_eq!(
        Tier::Enterprise.channels(),
        &[Channel::Web, Channel::Email, Channel::LiveSupport]
    );
    assert_eq!(Tier::Community.response_target(), None);
    assert_eq!(
        Tier::Enterprise.response_target(),
        Some(ResponseTarget::Hours24x7(2))
    );
    assert_eq!(Tier::Advanced.add_on(), Some(true));
    assert_eq!(Tier::Enterprise.add_on(), None);
    assert_eq!(Tier::Enterprise.hours(), SupportHours::Continuous);
    assert_eq!(Tier::Community.hours(), SupportHours::BestEffort);
    assert_eq!(
        Tier::Advanced.hours(),
        SupportHours::Calendar(&v1_0::BUSINESS_HOURS)
    );
}

#[test]
fn phases() {
    assert!(Phase::Ga.supported() && Phase::Ga.new_fixes() && Phase::Ga.hotfixes());
    assert!(Phase::Maintenance.supported() && !Phase::Maintenance.new_fixes());
    assert!(!Phase::EndOfSupport.supported());
    assert_eq!(Phase::Withdrawn.support(), "No support");
}

#[test]
fn ids_names_and_parsing() {
    assert_eq!(Severity::Sev1.id(), "sev-1");
    assert_eq!(Severity::Sev1.name(), "Critical");
    assert_eq!(Severity::Sev1.to_string(), "Critical");
    assert_eq!(
        "ccx-cloud-license".parse::<License>(),
        Ok(License::CcxCloudLicense)
    );
    assert_eq!(parse_license("self-serve"), Ok(License::SelfServe));
    for tier in Tier::ALL {
        assert_eq!(tier.id().parse::<Tier>(), Ok(tier));
    }
    let error = "gold".parse::<Tier>().unwrap_err();
    assert_eq!(error, UnknownId::new("tier", "gold"));
    assert_eq!(error.to_string(), "unknown tier `gold`");
    // A title reads back too, without regard to case.
    assert_eq!(parse_license("Trial"), Ok(License::Trial));
    let error: Box<dyn std::error::Error> = Box::new(parse_license("Platinum").unwrap_err());
    assert_eq!(error.to_string(), "unknown license `Platinum`");
    assert!(Tier::Community < Tier::Enterprise);
}

#[test]
fn rule_constants() {
    assert_eq!(
        v1_0::OUT_OF_HOURS_SCREEN_SHARING_RATE,
        Money::from_code(b"USD", 25000)
    );
    assert_eq!(v1_0::OUT_OF_HOURS_SCREEN_SHARING_INCREMENT_MINUTES, 30);
    assert_eq!(v1_0::OUT_OF_HOURS_SCREEN_SHARING_MINIMUM_MINUTES, 30);
    assert_eq!(v1_0::HOTFIXES_TIERS, &[Tier::Enterprise]);
    let charge = policyc_runtime::billable_charge(
        v1_0::OUT_OF_HOURS_SCREEN_SHARING_RATE,
        v1_0::OUT_OF_HOURS_SCREEN_SHARING_INCREMENT_MINUTES,
        v1_0::OUT_OF_HOURS_SCREEN_SHARING_MINIMUM_MINUTES,
        std::time::Duration::from_secs(61 * 60),
    );
    assert_eq!(charge, Ok(Money::from_code(b"USD", 37500)));
}

#[test]
fn calendar() {
    assert_eq!(v1_0::BUSINESS_HOURS.validate(), Ok(()));
    assert_eq!(v1_0::BUSINESS_HOURS.business_day_minutes(), 480);
    let good_friday = policyc_runtime::chrono::NaiveDate::from_ymd_opt(2026, 4, 3);
    let name = good_friday.and_then(|d| v1_0::BUSINESS_HOURS.is_holiday(d));
    assert_eq!(name, Some("Good Friday"));
}

#[test]
fn due_through_the_generated_calendar() -> Result<(), Box<dyn std::error::Error>> {
    // Thursday before Easter: Good Friday and Easter Monday are closed.
    let submitted = DateTime::parse_from_rfc3339("2026-04-02T14:00:00+02:00")?;
    let due = first_response_due(Tier::Advanced, Severity::Sev3, submitted)?;
    assert_eq!(
        due.map(|d| format_rfc3339(&d)).as_deref(),
        Some("2026-04-07T14:00:00+02:00")
    );
    let due = first_response_due(Tier::Enterprise, Severity::Sev1, submitted)?;
    assert_eq!(
        due.map(|d| format_rfc3339(&d)).as_deref(),
        Some("2026-04-02T16:00:00+02:00")
    );
    assert_eq!(
        first_response_due(Tier::Community, Severity::Sev1, submitted)?,
        None
    );
    Ok(())
}
