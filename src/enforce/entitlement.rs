//! The entitlement rules of a policy, evaluated for one case: each function
//! reads the facts ([`crate::facts`]) and asks the runtime function of
//! [`policyc_runtime::entitlement`] that generated code calls with its
//! static tables.
//!
//! The rule or grid that decides each question is the one with that role
//! ([`Role`]): declared with `decides:`, or given by the schema.

use super::{lookup, no_rule, severity_tier_cell, Error};
use crate::facts::Valid;
use crate::model::view::{LicenseDecl, PhaseDecl, ProductDecl, SeverityDecl, TierDecl};
use crate::model::{Coverage, Decl, Incidents, Session, Value};
use crate::schema::Role;
use chrono::{DateTime, FixedOffset};
use policyc_runtime as rt;
use policyc_runtime::entitlement as ent;

pub use crate::facts::terms::runtime_money;

/// The tier of a license.
pub fn tier_of_license<'v>(policy: &'v Valid, license: &str) -> Result<&'v str, Error> {
    let decl: LicenseDecl<'_> = lookup(policy.policy(), license)?;
    decl.tier()
        .map(|t| t.as_str())
        .ok_or_else(|| Error::Missing(format!("the license `{license}` names no tier")))
}

fn flag(decl: &Decl, field: &str, value: Option<bool>) -> Result<bool, Error> {
    value.ok_or_else(|| {
        Error::Missing(format!(
            "the {} `{}` has no `{field}`",
            decl.kind.name(),
            decl.id.as_str()
        ))
    })
}

/// Whether the tier may open ticket-based cases (its `tickets`).
pub fn may_open_ticket(policy: &Valid, tier: &str) -> Result<bool, Error> {
    use crate::schema::fields::tier::TICKETS;
    let decl: TierDecl<'_> = lookup(policy.policy(), tier)?;
    Ok(ent::may_open_ticket(flag(&decl, TICKETS, decl.tickets())?))
}

/// A model incident allowance as the runtime's.
pub fn runtime_incidents(i: Incidents) -> rt::Incidents {
    match i {
        Incidents::Count(n) => rt::Incidents::Count(u32::try_from(n).unwrap_or(u32::MAX)),
        Incidents::Unlimited => rt::Incidents::Unlimited,
        Incidents::NotApplicable => rt::Incidents::NotApplicable,
    }
}

/// The incidents a tier has left in a contract year after `used`, with
/// `purchased` add-on incidents and `unused_last_year` (counted only where
/// the tier's `add-on` and `rollover` allow).
pub fn incidents_left(
    policy: &Valid,
    tier: &str,
    purchased: u32,
    unused_last_year: u32,
    used: u32,
) -> Result<rt::Incidents, Error> {
    let decl: TierDecl<'_> = lookup(policy.policy(), tier)?;
    let included = decl
        .incidents()
        .map(runtime_incidents)
        .ok_or_else(|| Error::Missing(format!("the tier `{tier}` has no `incidents`")))?;
    let terms = ent::IncidentTerms {
        included,
        add_on: decl.add_on().unwrap_or(false),
        rollover: decl.rollover().unwrap_or(false),
    };
    Ok(ent::incidents_remaining(
        &terms,
        purchased,
        unused_last_year,
        used,
    ))
}

/// The charge for a session of `minutes` under a billing rule.
pub fn charge(policy: &Valid, rule: &str, minutes: u64) -> Result<rt::Money, Error> {
    let decl: crate::model::view::RuleDecl<'_> = lookup(policy.policy(), rule)?;
    let billing = policy
        .billing()
        .iter()
        .find(|b| policy.policy().decls.get(b.rule).map(|d| d.id.as_str()) == Some(rule))
        .ok_or_else(|| {
            Error::Missing(format!(
                "the rule `{}` has no `rate`: it bills nothing",
                decl.id.as_str()
            ))
        })?;
    let session = std::time::Duration::from_secs(minutes.saturating_mul(60));
    ent::out_of_hours_charge(&billing.terms, session).map_err(|e| Error::Invalid(e.to_string()))
}

/// Screen sharing for a case of `tier` and `severity` at `at`: the
/// screen-sharing grid's session; where an out-of-hours rule covers the
/// cell, it holds during the tier's calendar hours only, and outside them
/// the session is billable (at the provider's discretion).
pub fn screen_sharing(
    policy: &Valid,
    tier: &str,
    severity: &str,
    at: DateTime<FixedOffset>,
) -> Result<ent::ScreenSharing, Error> {
    let (grid, session) = severity_tier_cell(
        policy,
        Role::ScreenSharing,
        tier,
        severity,
        "session",
        |v| match v {
            Value::Session(Session::Minutes(m)) => {
                Some(rt::Session::UpTo(u32::try_from(*m).unwrap_or(u32::MAX)))
            }
            Value::Session(Session::Unlimited) => Some(rt::Session::Unlimited),
            Value::Session(Session::NotAvailable) | Value::Coverage(Coverage::NotAvailable) => {
                Some(rt::Session::NotAvailable)
            }
            _ => None,
        },
    )?;
    let terms = policy
        .billing_for(grid.id.as_str(), tier, severity)
        .map(|b| b.terms);
    let calendar = super::tier_calendar(policy, tier)?;
    Ok(ent::screen_sharing(
        session,
        terms.as_ref(),
        &calendar.runtime,
        at,
    ))
}

/// Whether a case may get a custom build: the custom-build rule's tiers and
/// severities, or a crashing bug where the rule's `crashing-bugs` allows.
pub fn custom_build(
    policy: &Valid,
    tier: &str,
    severity: &str,
    crashing_bug: bool,
) -> Result<bool, Error> {
    lookup::<TierDecl<'_>>(policy.policy(), tier)?;
    lookup::<SeverityDecl<'_>>(policy.policy(), severity)?;
    let rule = policy
        .custom_builds()
        .ok_or_else(|| no_rule(Role::CustomBuilds))?;
    let tiers: Vec<&str> = rule.tiers.iter().collect();
    let severities: Vec<&str> = rule.severities.iter().collect();
    let terms = ent::CustomBuildTerms {
        tiers: &tiers,
        severities: &severities,
        crashing_bugs: rule.crashing_bugs,
    };
    Ok(ent::custom_build(&terms, &tier, &severity, crashing_bug))
}

/// Remote login for a tier: whether it is available (the tier's
/// `remote-login`) and on which conditions (the `requires` of the rule
/// deciding remote login, where it covers the tier).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RemoteLogin {
    /// Whether remote login is available.
    pub available: bool,
    /// What it requires, e.g. `mutual agreement`.
    pub requires: Vec<String>,
}

/// Remote login for a tier (see [`RemoteLogin`]).
pub fn remote_login(policy: &Valid, tier: &str) -> Result<RemoteLogin, Error> {
    use crate::schema::fields::tier::REMOTE_LOGIN;
    let decl: TierDecl<'_> = lookup(policy.policy(), tier)?;
    let requires: Vec<&str> = match policy.remote_login() {
        Some(rule) if rule.tiers.contains(tier) => {
            rule.requires.iter().map(String::as_str).collect()
        }
        _ => Vec::new(),
    };
    Ok(
        match ent::remote_login(flag(&decl, REMOTE_LOGIN, decl.remote_login())?, &requires) {
            ent::RemoteLogin::Available(conditions) => RemoteLogin {
                available: true,
                requires: conditions.iter().map(|c| (*c).to_owned()).collect(),
            },
            ent::RemoteLogin::NotAvailable => RemoteLogin {
                available: false,
                requires: Vec::new(),
            },
        },
    )
}

/// A model coverage value as the runtime's.
pub fn runtime_coverage(c: Coverage) -> rt::Coverage {
    match c {
        Coverage::Supported => rt::Coverage::Supported,
        Coverage::Psa => rt::Coverage::ProfessionalServices,
        Coverage::NotAvailable => rt::Coverage::NotAvailable,
        Coverage::NotSupported => rt::Coverage::NotSupported,
    }
}

/// Root cause analysis for a tier and severity, from the grid deciding it.
pub fn rca(policy: &Valid, tier: &str, severity: &str) -> Result<ent::Rca, Error> {
    let (_, coverage) = severity_tier_cell(
        policy,
        Role::RootCauseAnalysis,
        tier,
        severity,
        "coverage",
        |v| match v {
            Value::Coverage(c) => Some(*c),
            _ => None,
        },
    )?;
    Ok(ent::rca(runtime_coverage(coverage)))
}

/// What a lifecycle phase offers.
pub fn phase(policy: &Valid, phase: &str) -> Result<ent::PhaseTerms, Error> {
    use crate::schema::fields::phase::{HOTFIXES, NEW_FIXES, SUPPORTED};
    let decl: PhaseDecl<'_> = lookup(policy.policy(), phase)?;
    Ok(ent::PhaseTerms {
        supported: flag(&decl, SUPPORTED, decl.supported())?,
        new_fixes: flag(&decl, NEW_FIXES, decl.new_fixes())?,
        hotfixes: flag(&decl, HOTFIXES, decl.hotfixes())?,
    })
}

/// Whether hotfix development is available to a tier, on the latest build
/// or not, for a version in `phase` (if given).
pub fn hotfix(
    policy: &Valid,
    tier: &str,
    on_latest_build: bool,
    in_phase: Option<&str>,
) -> Result<bool, Error> {
    lookup::<TierDecl<'_>>(policy.policy(), tier)?;
    let rule = policy.hotfixes().ok_or_else(|| no_rule(Role::Hotfixes))?;
    let phase_hotfixes = match in_phase {
        Some(p) => Some(phase(policy, p)?.hotfixes),
        None => None,
    };
    let tiers: Vec<&str> = rule.tiers.iter().collect();
    let terms = ent::HotfixTerms {
        tiers: &tiers,
        latest_build: rule.latest_build,
    };
    Ok(ent::hotfix(&terms, &tier, on_latest_build, phase_hotfixes))
}

/// Whether a case awaiting customer input may be closed after contact
/// attempts at `attempts`, counted on the calendar `calendar`.
pub fn may_close_case(
    policy: &Valid,
    calendar: &crate::facts::calendars::CalendarFacts,
    attempts: &[DateTime<FixedOffset>],
) -> Result<bool, Error> {
    let rule = policy
        .case_closure()
        .ok_or_else(|| no_rule(Role::CaseClosure))?;
    Ok(ent::may_close_case(
        &rule.terms,
        &calendar.runtime,
        attempts,
    ))
}

/// The party support for a product is delivered to (its `support-to`).
pub fn support_to<'v>(policy: &'v Valid, product: &str) -> Result<&'v str, Error> {
    let decl: ProductDecl<'_> = lookup(policy.policy(), product)?;
    let party = decl
        .support_to()
        .map(|p| p.as_str())
        .ok_or_else(|| Error::Missing(format!("the product `{product}` has no `support-to`")))?;
    Ok(ent::support_delivered_to(party))
}
