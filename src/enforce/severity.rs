//! Which severity a case is given: the rules deciding severity (from the
//! facts) evaluated by the runtime's `granted_severity`, the function
//! generated code calls with the same data.

use super::{lookup, Error};
use crate::diagnostic::did_you_mean;
use crate::facts::Valid;
use crate::model::view::{ChannelDecl, LicenseDecl, SeverityDecl, TierDecl, View};
use crate::schema::Kind;
use policyc_runtime as rt;

/// The id of the severity `name` names: its id or an alias, without regard
/// to case.
pub fn severity_id<'v>(policy: &'v Valid, name: &str) -> Result<&'v str, Error> {
    if let Some(s) = policy.severity_named(name) {
        return Ok(s.decl().id.as_str());
    }
    let names = policy.policy().all::<SeverityDecl>().flat_map(|s| {
        std::iter::once(s.decl().id.as_str())
            .chain(s.aliases().unwrap_or_default().iter().map(String::as_str))
    });
    Err(Error::UnknownId {
        kind: Kind::Severity,
        id: name.to_owned(),
        suggestion: did_you_mean(name, names).map(str::to_owned),
    })
}

/// The severity a case is granted, by the rules deciding severity: the one
/// asked for (an id or alias), else a default, then capped. `None` when
/// none is asked for and no rule gives a default.
pub fn granted_severity<'v>(
    policy: &'v Valid,
    requested: Option<&str>,
    tier: Option<&str>,
    license: Option<&str>,
    channel: Option<&str>,
) -> Result<Option<&'v str>, Error> {
    let requested = requested.map(|r| severity_id(policy, r)).transpose()?;
    let p = policy.policy();
    let tier = tier
        .map(|t| lookup::<TierDecl>(p, t).map(|d| d.decl().id.as_str()))
        .transpose()?;
    let license = license
        .map(|l| lookup::<LicenseDecl>(p, l).map(|d| d.decl().id.as_str()))
        .transpose()?;
    let channel = channel
        .map(|c| lookup::<ChannelDecl>(p, c).map(|d| d.decl().id.as_str()))
        .transpose()?;
    let rules = policy.severity_rules();
    let lists: Vec<[Vec<&str>; 3]> = rules
        .iter()
        .map(|r| {
            [
                r.tiers().iter().collect(),
                r.licenses().iter().collect(),
                r.channels().iter().collect(),
            ]
        })
        .collect();
    let runtime: Vec<rt::SeverityRule<'_, &str, &str, &str, &str>> = rules
        .iter()
        .zip(&lists)
        .map(|(r, [tiers, licenses, channels])| rt::SeverityRule {
            tiers,
            licenses,
            channels,
            highest: r.highest_severity().map(|s| s.as_str()),
            default: r.default_severity().map(|s| s.as_str()),
        })
        .collect();
    let order = policy.severity_order();
    let case = rt::SeverityCase {
        requested,
        tier,
        license,
        channel,
    };
    Ok(rt::granted_severity(&runtime, &order, &case))
}
