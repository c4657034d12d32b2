//! The entitlement rules of a policy, evaluated on the model: each function
//! gathers the data a rule needs from the declarations and asks the runtime
//! function of [`policyc_runtime::entitlement`] that generated code calls
//! with its static tables.
//!
//! Rules are found by what they hold: the custom-build rule is the rule with
//! `crashing-bugs`, the hotfix rule the one with `latest-build`, the closure
//! rule the one with `attempts`, the out-of-hours rule the one with a `rate`
//! and a `grid`; the screen-sharing grid is the severity-by-tier grid of
//! sessions, the RCA grid the severity-by-tier grid of coverage.

use super::{calendar, grid_of, grid_value, lookup, Error};
use crate::model::{Coverage, Decl, Incidents, Policy, Session, Value};
use crate::schema::{CellType, Kind};
use chrono::{DateTime, FixedOffset};
use policyc_runtime as rt;
use policyc_runtime::entitlement as ent;

/// The tier of a license.
pub fn tier_of_license<'p>(policy: &'p Policy, license: &str) -> Result<&'p str, Error> {
    let decl = lookup(policy, Kind::License, license)?;
    decl.refs("tier")
        .first()
        .copied()
        .ok_or_else(|| Error::Missing(format!("the license `{license}` names no tier")))
}

fn flag(decl: &Decl, field: &str) -> Result<bool, Error> {
    decl.flag(field).ok_or_else(|| {
        Error::Missing(format!(
            "the {} `{}` has no `{field}`",
            decl.kind.name(),
            decl.id.as_str()
        ))
    })
}

/// Whether the tier may open ticket-based cases (its `tickets`).
pub fn may_open_ticket(policy: &Policy, tier: &str) -> Result<bool, Error> {
    let decl = lookup(policy, Kind::Tier, tier)?;
    Ok(ent::may_open_ticket(flag(decl, "tickets")?))
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
    policy: &Policy,
    tier: &str,
    purchased: u32,
    unused_last_year: u32,
    used: u32,
) -> Result<rt::Incidents, Error> {
    let decl = lookup(policy, Kind::Tier, tier)?;
    let included = match decl.value("incidents") {
        Some(Value::Incidents(i)) => runtime_incidents(*i),
        _ => {
            return Err(Error::Missing(format!(
                "the tier `{tier}` has no `incidents`"
            )))
        }
    };
    let terms = ent::IncidentTerms {
        included,
        add_on: decl.flag("add-on").unwrap_or(false),
        rollover: decl.flag("rollover").unwrap_or(false),
    };
    Ok(ent::incidents_remaining(
        &terms,
        purchased,
        unused_last_year,
        used,
    ))
}

/// A model amount of money as the runtime's.
pub fn runtime_money(m: &crate::ast::Money) -> Result<rt::Money, Error> {
    let currency = rt::Currency::parse(&m.currency)
        .ok_or_else(|| Error::Invalid(format!("`{}` is not a currency", m.currency)))?;
    let minor =
        i64::try_from(m.minor).map_err(|_| Error::Invalid("the amount is too large".to_owned()))?;
    Ok(rt::Money::new(currency, minor))
}

/// The billing terms of a rule with `rate`, `increment` and `minimum`.
pub fn out_of_hours_terms(policy: &Policy, rule: &str) -> Result<ent::OutOfHoursTerms, Error> {
    let decl = lookup(policy, Kind::Rule, rule)?;
    let minutes = |field: &str| match decl.value(field) {
        Some(Value::Duration(m)) => u32::try_from(*m)
            .map_err(|_| Error::Invalid(format!("the rule `{rule}` has too long a `{field}`"))),
        _ => Err(Error::Missing(format!(
            "the rule `{rule}` has no `{field}`: it bills nothing"
        ))),
    };
    let rate = match decl.value("rate") {
        Some(Value::Money(m)) => runtime_money(m)?,
        _ => {
            return Err(Error::Missing(format!(
                "the rule `{rule}` has no `rate`: it bills nothing"
            )))
        }
    };
    Ok(ent::OutOfHoursTerms {
        rate,
        increment_minutes: minutes("increment")?,
        minimum_minutes: match decl.value("minimum") {
            None => 0,
            Some(_) => minutes("minimum")?,
        },
    })
}

/// The charge for a session of `minutes` under a billing rule.
pub fn charge(policy: &Policy, rule: &str, minutes: u64) -> Result<rt::Money, Error> {
    let terms = out_of_hours_terms(policy, rule)?;
    let session = std::time::Duration::from_secs(minutes.saturating_mul(60));
    ent::out_of_hours_charge(&terms, session).map_err(|e| Error::Invalid(e.to_string()))
}

/// The out-of-hours rule covering a tier and severity on `grid`, if any.
fn out_of_hours_rule<'p>(
    policy: &'p Policy,
    grid: &str,
    tier: &str,
    severity: &str,
) -> Option<&'p Decl> {
    policy.of_kind(Kind::Rule).find(|r| {
        r.refs("grid").first() == Some(&grid)
            && r.value("rate").is_some()
            && r.refs("tiers").contains(&tier)
            && r.refs("severities").contains(&severity)
    })
}

/// Screen sharing for a case of `tier` and `severity` at `at`: the
/// screen-sharing grid's session; where an out-of-hours rule covers the
/// cell, it holds during the tier's calendar hours only, and outside them
/// the session is billable (at the provider's discretion).
pub fn screen_sharing(
    policy: &Policy,
    tier: &str,
    severity: &str,
    at: DateTime<FixedOffset>,
) -> Result<ent::ScreenSharing, Error> {
    lookup(policy, Kind::Tier, tier)?;
    lookup(policy, Kind::Severity, severity)?;
    let grid = grid_of(policy, Kind::Severity, Kind::Tier, CellType::Session).ok_or_else(|| {
        Error::Missing("the policy has no screen-sharing grid (`rows: severity`, `columns: tier`, `cells: session`)".to_owned())
    })?;
    let session = match grid_value(grid, severity, tier) {
        Some(Value::Session(Session::Minutes(m))) => {
            rt::Session::UpTo(u32::try_from(*m).unwrap_or(u32::MAX))
        }
        Some(Value::Session(Session::Unlimited)) => rt::Session::Unlimited,
        Some(Value::Session(Session::NotAvailable))
        | Some(Value::Coverage(Coverage::NotAvailable)) => rt::Session::NotAvailable,
        _ => {
            return Err(Error::Missing(format!(
                "the grid `{}` has no session for `{severity}` at `{tier}`",
                grid.id.as_str()
            )))
        }
    };
    let terms = match out_of_hours_rule(policy, grid.id.as_str(), tier, severity) {
        Some(rule) => Some(out_of_hours_terms(policy, rule.id.as_str())?),
        None => None,
    };
    let calendar = super::calendar_for_tier(policy, tier)?;
    Ok(ent::screen_sharing(session, terms.as_ref(), &calendar, at))
}

/// The first rule holding `field`.
fn rule_with<'p>(policy: &'p Policy, field: &str, what: &str) -> Result<&'p Decl, Error> {
    policy.rule_with(field).ok_or_else(|| {
        Error::Missing(format!(
            "no rule decides {what}: give one `rule` the field `{field}`"
        ))
    })
}

/// Whether a case may get a custom build: the custom-build rule's tiers and
/// severities, or a crashing bug where the rule's `crashing-bugs` allows.
pub fn custom_build(
    policy: &Policy,
    tier: &str,
    severity: &str,
    crashing_bug: bool,
) -> Result<bool, Error> {
    lookup(policy, Kind::Tier, tier)?;
    lookup(policy, Kind::Severity, severity)?;
    let rule = rule_with(policy, "crashing-bugs", "custom builds")?;
    let terms = ent::CustomBuildTerms {
        tiers: &rule.refs("tiers"),
        severities: &rule.refs("severities"),
        crashing_bugs: rule.flag("crashing-bugs").unwrap_or(false),
    };
    Ok(ent::custom_build(&terms, &tier, &severity, crashing_bug))
}

/// Remote login for a tier: whether it is available (the tier's
/// `remote-login`) and on which conditions (the `requires` of the rule
/// for that tier that has them).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RemoteLogin {
    /// Whether remote login is available.
    pub available: bool,
    /// What it requires, e.g. `mutual agreement`.
    pub requires: Vec<String>,
}

/// Remote login for a tier (see [`RemoteLogin`]).
pub fn remote_login(policy: &Policy, tier: &str) -> Result<RemoteLogin, Error> {
    let decl = lookup(policy, Kind::Tier, tier)?;
    let requires: Vec<&str> = policy
        .of_kind(Kind::Rule)
        .find(|r| r.refs("tiers").contains(&tier) && r.value("requires").is_some())
        .and_then(|r| match r.value("requires") {
            Some(Value::Texts(items)) => Some(items.iter().map(String::as_str).collect()),
            _ => None,
        })
        .unwrap_or_default();
    Ok(
        match ent::remote_login(flag(decl, "remote-login")?, &requires) {
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

/// Root cause analysis for a tier and severity, from the RCA grid (rows
/// severity, columns tier, cells coverage).
pub fn rca(policy: &Policy, tier: &str, severity: &str) -> Result<ent::Rca, Error> {
    lookup(policy, Kind::Tier, tier)?;
    lookup(policy, Kind::Severity, severity)?;
    let grid =
        grid_of(policy, Kind::Severity, Kind::Tier, CellType::Coverage).ok_or_else(|| {
            Error::Missing(
                "the policy has no RCA grid (`rows: severity`, `columns: tier`, `cells: coverage`)"
                    .to_owned(),
            )
        })?;
    match grid_value(grid, severity, tier) {
        Some(Value::Coverage(c)) => Ok(ent::rca(runtime_coverage(*c))),
        _ => Err(Error::Missing(format!(
            "the grid `{}` has no coverage for `{severity}` at `{tier}`",
            grid.id.as_str()
        ))),
    }
}

/// What a lifecycle phase offers.
pub fn phase(policy: &Policy, phase: &str) -> Result<ent::PhaseTerms, Error> {
    let decl = lookup(policy, Kind::Phase, phase)?;
    Ok(ent::PhaseTerms {
        supported: flag(decl, "supported")?,
        new_fixes: flag(decl, "new-fixes")?,
        hotfixes: flag(decl, "hotfixes")?,
    })
}

/// Whether hotfix development is available to a tier, on the latest build
/// or not, for a version in `phase` (if given).
pub fn hotfix(
    policy: &Policy,
    tier: &str,
    on_latest_build: bool,
    in_phase: Option<&str>,
) -> Result<bool, Error> {
    lookup(policy, Kind::Tier, tier)?;
    let rule = rule_with(policy, "latest-build", "hotfixes")?;
    let phase_hotfixes = match in_phase {
        Some(p) => Some(phase(policy, p)?.hotfixes),
        None => None,
    };
    let terms = ent::HotfixTerms {
        tiers: &rule.refs("tiers"),
        latest_build: rule.flag("latest-build").unwrap_or(false),
    };
    Ok(ent::hotfix(&terms, &tier, on_latest_build, phase_hotfixes))
}

/// Whether a case awaiting customer input may be closed after contact
/// attempts at `attempts`, counted on the calendar `calendar_id`.
pub fn may_close_case(
    policy: &Policy,
    calendar_id: &str,
    attempts: &[DateTime<FixedOffset>],
) -> Result<bool, Error> {
    let rule = rule_with(policy, "attempts", "when a case may be closed")?;
    let required = match rule.value("attempts") {
        Some(Value::Count(n)) => u32::try_from(*n).unwrap_or(u32::MAX),
        _ => 0,
    };
    let terms = ent::ClosureTerms {
        attempts: required,
        separate_business_days: rule.flag("separate-business-days").unwrap_or(false),
    };
    let calendar = calendar(policy, calendar_id)?;
    Ok(ent::may_close_case(&terms, &calendar, attempts))
}

/// The party support for a product is delivered to (its `support-to`).
pub fn support_to<'p>(policy: &'p Policy, product: &str) -> Result<&'p str, Error> {
    let decl = lookup(policy, Kind::Product, product)?;
    let party =
        decl.refs("support-to").first().copied().ok_or_else(|| {
            Error::Missing(format!("the product `{product}` has no `support-to`"))
        })?;
    Ok(ent::support_delivered_to(party))
}
