//! Entitlements: the decisions a support desk takes under a policy, as plain
//! functions over data passed in.
//!
//! Each function is generic over the id types it compares (`T` for tiers,
//! `S` for severities), so generated code calls it with its enums and
//! `static` tables, and the compiler calls it with `&str` ids read from a
//! policy model: one implementation for both.
//!
//! ```
//! use policyc_runtime::entitlement::{custom_build, CustomBuildTerms};
//!
//! let terms = CustomBuildTerms { tiers: &["enterprise"], severities: &["sev-1"], crashing_bugs: true };
//! assert!(custom_build(&terms, &"enterprise", &"sev-1", false));
//! assert!(custom_build(&terms, &"enterprise", &"sev-3", true));
//! assert!(!custom_build(&terms, &"advanced", &"sev-1", true));
//! ```

use std::fmt;
use std::time::Duration;

use chrono::{DateTime, TimeZone};

use crate::calendar::Calendar;
use crate::coverage::{Coverage, Incidents};
use crate::money::{billable_charge, ChargeError, Money};
use crate::session::Session;

/// Whether a tier may open ticket-based cases: its `tickets` flag. A license
/// holder asks through the license's tier.
pub const fn may_open_ticket(tier_tickets: bool) -> bool {
    tier_tickets
}

/// A tier's incident allowance per contract year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct IncidentTerms {
    /// Incidents included per contract year.
    pub included: Incidents,
    /// Whether additional incidents may be purchased as an add-on.
    pub add_on: bool,
    /// Whether unused incidents roll over to the next contract year.
    pub rollover: bool,
}

/// The incidents left in a contract year: the included ones, plus `purchased`
/// add-on incidents (only where add-ons exist), plus `unused_last_year` (only
/// where incidents roll over), minus `used`. A count saturates at zero;
/// `Unlimited` and `NotApplicable` stay as they are.
pub const fn incidents_remaining(
    terms: &IncidentTerms,
    purchased: u32,
    unused_last_year: u32,
    used: u32,
) -> Incidents {
    match terms.included {
        Incidents::Count(n) => {
            let extra = if terms.add_on { purchased } else { 0 };
            let carried = if terms.rollover { unused_last_year } else { 0 };
            Incidents::Count(n.saturating_add(extra).saturating_add(carried)).remaining(used)
        }
        other => other.remaining(used),
    }
}

/// Billing of out-of-hours sessions: a rate per hour, rounded up to whole
/// increments, with a minimum charge.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct OutOfHoursTerms {
    /// The rate per hour.
    pub rate: Money,
    /// Sessions are billed in increments of this many minutes.
    pub increment_minutes: u32,
    /// The minimum charge, in minutes, per session.
    pub minimum_minutes: u32,
}

/// Whether screen sharing is available for a case at an instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ScreenSharing {
    /// Included, without a time limit.
    Unlimited,
    /// Included, up to this many minutes per session.
    UpTo(u32),
    /// Outside business hours: may be provided at the provider's discretion,
    /// billed on these terms.
    Billable(OutOfHoursTerms),
    /// Not available.
    NotAvailable,
}

impl fmt::Display for ScreenSharing {
    /// `unlimited`, `up to 2 hours`, `billable at USD 250.00/hour`, `not available`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScreenSharing::Unlimited => f.write_str("unlimited"),
            ScreenSharing::UpTo(m) => write!(f, "{}", Session::UpTo(*m)),
            ScreenSharing::Billable(terms) => write!(f, "billable at {}/hour", terms.rate),
            ScreenSharing::NotAvailable => f.write_str("not available"),
        }
    }
}

/// Screen sharing for a case at `at`.
///
/// `session` is the grid cell for the case's tier and severity.
/// `out_of_hours` is `Some` when an out-of-hours rule covers that tier and
/// severity: the cell then holds only while `calendar` is open, and outside
/// its hours the session is billable on those terms. Without such a rule the
/// cell holds at any time.
pub fn screen_sharing<Z: TimeZone>(
    session: Session,
    out_of_hours: Option<&OutOfHoursTerms>,
    calendar: &Calendar,
    at: DateTime<Z>,
) -> ScreenSharing {
    let included = match session {
        Session::NotAvailable => return ScreenSharing::NotAvailable,
        Session::Unlimited => ScreenSharing::Unlimited,
        Session::UpTo(m) => ScreenSharing::UpTo(m),
    };
    match out_of_hours {
        Some(terms) if !calendar.is_open_at(at) => ScreenSharing::Billable(*terms),
        _ => included,
    }
}

/// The charge for an out-of-hours session of length `session`
/// (see [`billable_charge`]).
pub fn out_of_hours_charge(
    terms: &OutOfHoursTerms,
    session: Duration,
) -> Result<Money, ChargeError> {
    billable_charge(
        terms.rate,
        terms.increment_minutes,
        terms.minimum_minutes,
        session,
    )
}

/// Who may get a custom build.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CustomBuildTerms<'a, T, S> {
    /// The tiers that may request custom builds.
    pub tiers: &'a [T],
    /// The severities for which they may.
    pub severities: &'a [S],
    /// Whether crashing bugs qualify at any severity.
    pub crashing_bugs: bool,
}

/// Whether a case may get a custom build: its tier is one of the rule's, and
/// its severity is one of the rule's or it is a crashing bug (where the rule
/// allows those).
pub fn custom_build<T: PartialEq, S: PartialEq>(
    terms: &CustomBuildTerms<'_, T, S>,
    tier: &T,
    severity: &S,
    crashing_bug: bool,
) -> bool {
    terms.tiers.contains(tier)
        && (terms.severities.contains(severity) || (crashing_bug && terms.crashing_bugs))
}

/// Remote login for a tier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RemoteLogin<'a> {
    /// Available, subject to these conditions (e.g. mutual agreement).
    Available(&'a [&'a str]),
    /// Not available at this tier.
    NotAvailable,
}

/// Remote login for a tier: available where the tier's `remote-login` flag is
/// set, on the conditions `requires`.
pub const fn remote_login<'a>(tier_remote_login: bool, requires: &'a [&'a str]) -> RemoteLogin<'a> {
    if tier_remote_login {
        RemoteLogin::Available(requires)
    } else {
        RemoteLogin::NotAvailable
    }
}

/// Root cause analysis for a case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rca {
    /// A formal RCA is included.
    Included,
    /// Available under a Professional Services Agreement.
    ProfessionalServices,
    /// Not available.
    NotAvailable,
}

/// Root cause analysis from the RCA grid's cell for the case's tier and severity.
pub const fn rca(cell: Coverage) -> Rca {
    match cell {
        Coverage::Supported => Rca::Included,
        Coverage::ProfessionalServices => Rca::ProfessionalServices,
        Coverage::NotAvailable | Coverage::NotSupported => Rca::NotAvailable,
    }
}

/// Who may get hotfixes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct HotfixTerms<'a, T> {
    /// The tiers hotfixes are developed for.
    pub tiers: &'a [T],
    /// Whether the customer must run the latest publicly available build.
    pub latest_build: bool,
}

/// Whether hotfix development is available: the tier is one of the rule's,
/// the customer runs the latest build where the rule requires it, and the
/// product version's lifecycle phase (if known) still gets hotfixes.
pub fn hotfix<T: PartialEq>(
    terms: &HotfixTerms<'_, T>,
    tier: &T,
    on_latest_build: bool,
    phase_hotfixes: Option<bool>,
) -> bool {
    terms.tiers.contains(tier)
        && (on_latest_build || !terms.latest_build)
        && phase_hotfixes.unwrap_or(true)
}

/// What a lifecycle phase offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PhaseTerms {
    /// Whether the version is supported.
    pub supported: bool,
    /// Whether new fixes are created.
    pub new_fixes: bool,
    /// Whether hotfixes are developed.
    pub hotfixes: bool,
}

/// Whether support requests about a version in this phase are handled.
pub const fn phase_supported(phase: &PhaseTerms) -> bool {
    phase.supported
}

/// Whether new fixes are created for a version in this phase.
pub const fn phase_new_fixes(phase: &PhaseTerms) -> bool {
    phase.supported && phase.new_fixes
}

/// When a case awaiting customer input may be closed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ClosureTerms {
    /// How many contact attempts must have failed.
    pub attempts: u32,
    /// Whether the attempts must fall on separate business days.
    pub separate_business_days: bool,
}

/// Whether a case awaiting customer input may be closed after contact
/// attempts at `attempts`: at least `terms.attempts` of them, and, where the
/// rule says so, on that many distinct business days of `calendar` (attempts
/// on days the calendar is closed do not count).
pub fn may_close_case<Z: TimeZone>(
    terms: &ClosureTerms,
    calendar: &Calendar,
    attempts: &[DateTime<Z>],
) -> bool {
    let counted = if terms.separate_business_days {
        let mut days: Vec<chrono::NaiveDate> = attempts
            .iter()
            .map(|a| a.with_timezone(&calendar.tz).date_naive())
            .filter(|d| calendar.is_business_day(*d))
            .collect();
        days.sort_unstable();
        days.dedup();
        days.len()
    } else {
        attempts.len()
    };
    u32::try_from(counted).unwrap_or(u32::MAX) >= terms.attempts
}

/// Who support for a product is delivered to: the product's `support-to`
/// party (for CCX, the provider, not its end customers).
pub const fn support_delivered_to<P: Copy>(support_to: P) -> P {
    support_to
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::holiday::HolidayRule;
    use crate::{Currency, OpeningHours};
    use chrono::{DateTime, FixedOffset, Weekday};

    static HOURS: [OpeningHours; 5] = [
        OpeningHours::new(Weekday::Mon, 540, 1020),
        OpeningHours::new(Weekday::Tue, 540, 1020),
        OpeningHours::new(Weekday::Wed, 540, 1020),
        OpeningHours::new(Weekday::Thu, 540, 1020),
        OpeningHours::new(Weekday::Fri, 540, 1020),
    ];
    static HOLIDAYS: [HolidayRule; 1] = [HolidayRule::EasterOffset {
        name: "holiday",
        days: 1,
    }];
    static CALENDAR: Calendar =
        Calendar::from_static(chrono_tz::Europe::Stockholm, &HOURS, &HOLIDAYS, &[]);
    const TERMS: OutOfHoursTerms = OutOfHoursTerms {
        rate: Money::new(Currency::new(b"USD"), 25000),
        increment_minutes: 30,
        minimum_minutes: 30,
    };

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    #[test]
    fn incidents() {
        let advanced = IncidentTerms {
            included: Incidents::Count(12),
            add_on: true,
            rollover: false,
        };
        assert_eq!(incidents_remaining(&advanced, 0, 0, 5), Incidents::Count(7));
        assert_eq!(
            incidents_remaining(&advanced, 3, 4, 5),
            Incidents::Count(10)
        );
        assert_eq!(
            incidents_remaining(&advanced, 0, 0, 20),
            Incidents::Count(0)
        );
        let no_add_on = IncidentTerms {
            add_on: false,
            rollover: true,
            ..advanced
        };
        assert_eq!(
            incidents_remaining(&no_add_on, 3, 4, 5),
            Incidents::Count(11)
        );
        let unlimited = IncidentTerms {
            included: Incidents::Unlimited,
            ..advanced
        };
        assert_eq!(
            incidents_remaining(&unlimited, 0, 0, 99),
            Incidents::Unlimited
        );
        assert!(may_open_ticket(true));
    }

    #[test]
    fn screen_sharing_by_hours() {
        let friday_noon = at("2026-03-13T12:00:00+01:00");
        let friday_night = at("2026-03-13T20:00:00+01:00");
        let easter_monday = at("2026-04-06T11:00:00+02:00");
        let s = |session, rule, when| screen_sharing(session, rule, &CALENDAR, when);
        assert_eq!(
            s(Session::UpTo(120), Some(&TERMS), friday_noon),
            ScreenSharing::UpTo(120)
        );
        assert_eq!(
            s(Session::UpTo(120), Some(&TERMS), friday_night),
            ScreenSharing::Billable(TERMS)
        );
        assert_eq!(
            s(Session::UpTo(120), Some(&TERMS), easter_monday),
            ScreenSharing::Billable(TERMS)
        );
        assert_eq!(
            s(Session::UpTo(120), None, friday_night),
            ScreenSharing::UpTo(120)
        );
        assert_eq!(
            s(Session::Unlimited, None, friday_night),
            ScreenSharing::Unlimited
        );
        assert_eq!(
            s(Session::NotAvailable, Some(&TERMS), friday_noon),
            ScreenSharing::NotAvailable
        );
        assert_eq!(
            ScreenSharing::Billable(TERMS).to_string(),
            "billable at USD 250.00/hour"
        );
        assert_eq!(ScreenSharing::UpTo(120).to_string(), "up to 2 hours");
    }

    #[test]
    fn charges() {
        let charge = |m: u64| out_of_hours_charge(&TERMS, Duration::from_secs(m * 60)).unwrap();
        assert_eq!(charge(0).minor, 12500);
        assert_eq!(charge(30).minor, 12500);
        assert_eq!(charge(31).minor, 25000);
        assert_eq!(charge(61).minor, 37500);
    }

    #[test]
    fn rules() {
        let builds = CustomBuildTerms {
            tiers: &["enterprise"],
            severities: &["sev-1"],
            crashing_bugs: false,
        };
        assert!(!custom_build(&builds, &"enterprise", &"sev-2", true));
        assert_eq!(remote_login(false, &[]), RemoteLogin::NotAvailable);
        assert_eq!(
            remote_login(true, &["mutual agreement"]),
            RemoteLogin::Available(&["mutual agreement"])
        );
        assert_eq!(rca(Coverage::Supported), Rca::Included);
        assert_eq!(
            rca(Coverage::ProfessionalServices),
            Rca::ProfessionalServices
        );
        assert_eq!(rca(Coverage::NotSupported), Rca::NotAvailable);
        let hotfixes = HotfixTerms {
            tiers: &["enterprise"],
            latest_build: true,
        };
        assert!(hotfix(&hotfixes, &"enterprise", true, None));
        assert!(!hotfix(&hotfixes, &"enterprise", false, None));
        assert!(!hotfix(&hotfixes, &"enterprise", true, Some(false)));
        assert!(!hotfix(&hotfixes, &"advanced", true, Some(true)));
        let maintenance = PhaseTerms {
            supported: true,
            new_fixes: false,
            hotfixes: false,
        };
        assert!(phase_supported(&maintenance));
        assert!(!phase_new_fixes(&maintenance));
        assert_eq!(support_delivered_to("provider"), "provider");
    }

    #[test]
    fn closing_cases() {
        let terms = ClosureTerms {
            attempts: 2,
            separate_business_days: true,
        };
        let close = |xs: &[&str]| {
            let xs: Vec<_> = xs.iter().map(|s| at(s)).collect();
            may_close_case(&terms, &CALENDAR, &xs)
        };
        assert!(close(&[
            "2026-03-13T10:00:00+01:00",
            "2026-03-16T10:00:00+01:00"
        ]));
        assert!(!close(&[
            "2026-03-16T10:00:00+01:00",
            "2026-03-16T16:00:00+01:00"
        ]));
        // Saturday and Easter Monday are not business days.
        assert!(!close(&[
            "2026-03-13T10:00:00+01:00",
            "2026-03-14T10:00:00+01:00"
        ]));
        assert!(!close(&[
            "2026-04-02T10:00:00+02:00",
            "2026-04-06T10:00:00+02:00"
        ]));
        assert!(!close(&[]));
        let any_days = ClosureTerms {
            separate_business_days: false,
            ..terms
        };
        let same_day = [
            at("2026-03-16T10:00:00+01:00"),
            at("2026-03-16T16:00:00+01:00"),
        ];
        assert!(may_close_case(&any_days, &CALENDAR, &same_day));
    }
}
