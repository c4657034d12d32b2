//! Release lifecycles: which phase a release is in on a day, from the
//! lifecycles worked out once in the facts
//! ([`crate::facts::lifecycle`]) and the runtime's
//! [`stage`](policyc_runtime::lifecycle::stage), which generated code calls
//! too.
//!
//! * [`find_release`]: a release by product and version (or id), with "did
//!   you mean";
//! * [`stage`], [`phase_on`]: where the release stands on a day.

use super::{lookup, Error};
use crate::diagnostic::did_you_mean;
use crate::facts::lifecycle::ReleaseLifecycle;
use crate::facts::Valid;
use crate::model::view::{PhaseDecl, ProductDecl, ReleaseDecl, View};
use crate::schema::Kind;
use chrono::NaiveDate;
use policyc_runtime::lifecycle::Stage;

/// Where a release stands on a day, with the phase's declaration.
#[derive(Clone, Copy, Debug)]
pub enum Standing<'p> {
    /// Before its general availability (on this day).
    NotReleased(NaiveDate),
    /// In a phase, which ends on this day (if its end is known).
    In(PhaseDecl<'p>, Option<NaiveDate>),
    /// At end of life since this day (when known).
    EndOfLife(Option<NaiveDate>),
}

/// The release of `product` (the policy's only product when `None`) whose
/// `version` is `release`, or whose id is `release`.
pub fn find_release<'p>(
    policy: &'p Valid,
    product: Option<&str>,
    release: &str,
) -> Result<ReleaseDecl<'p>, Error> {
    let model = policy.policy();
    let product = match product {
        Some(id) => Some(lookup::<ProductDecl<'p>>(model, id)?.decl().id.as_str()),
        None => {
            let products: Vec<&str> = model
                .all::<ReleaseDecl<'_>>()
                .filter_map(|r| r.product().map(|p| p.as_str()))
                .collect();
            match products.split_first() {
                Some((first, rest)) if rest.iter().any(|p| p != first) => {
                    let mut names: Vec<&str> = products.clone();
                    names.sort_unstable();
                    names.dedup();
                    return Err(Error::Missing(format!(
                        "releases of several products: say which with `--product` ({})",
                        names
                            .iter()
                            .map(|n| format!("`{n}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )));
                }
                _ => None,
            }
        }
    };
    let of_product = |r: &ReleaseDecl<'_>| match product {
        Some(p) => r.product().map(|x| x.as_str()) == Some(p),
        None => true,
    };
    let candidates: Vec<ReleaseDecl<'p>> = model
        .all::<ReleaseDecl<'p>>()
        .filter(|r| of_product(r))
        .collect();
    if let Some(found) = candidates
        .iter()
        .find(|r| r.version() == Some(release))
        .or_else(|| candidates.iter().find(|r| r.id.as_str() == release))
    {
        return Ok(*found);
    }
    let suggestion = did_you_mean(release, candidates.iter().filter_map(|r| r.version()))
        .or_else(|| did_you_mean(release, candidates.iter().map(|r| r.id.as_str())))
        .map(str::to_owned);
    let of = product.map(|p| format!(" of `{p}`")).unwrap_or_default();
    if candidates.is_empty() {
        return Err(Error::Missing(format!(
            "the policy declares no `release`{of}"
        )));
    }
    Err(Error::UnknownId {
        kind: Kind::Release,
        id: release.to_owned(),
        suggestion,
    })
}

/// The lifecycle of the release `id`.
pub fn lifecycle<'v>(policy: &'v Valid, id: &str) -> Result<&'v ReleaseLifecycle, Error> {
    let release: ReleaseDecl<'_> = lookup(policy.policy(), id)?;
    let index = policy
        .policy()
        .index_of(release.id.as_str())
        .ok_or_else(|| Error::Missing(format!("no release `{id}`")))?;
    policy
        .lifecycle()
        .of(index)
        .ok_or_else(|| Error::Missing(format!("no lifecycle for the release `{id}`")))
}

/// Where the release `id` stands on `on`.
pub fn stage<'v>(policy: &'v Valid, id: &str, on: NaiveDate) -> Result<Standing<'v>, Error> {
    let lifecycle = lifecycle(policy, id)?;
    let model = policy.policy();
    Ok(match lifecycle.stage(on) {
        Stage::NotReleased => Standing::NotReleased(lifecycle.released.unwrap_or(on)),
        Stage::In(index) => {
            let phase = model
                .decls
                .get(index)
                .and_then(PhaseDecl::of)
                .ok_or_else(|| Error::Missing(format!("no phase at {index}")))?;
            let end = lifecycle
                .phases
                .iter()
                .find(|p| p.phase == index)
                .and_then(|p| p.end);
            Standing::In(phase, end)
        }
        Stage::EndOfLife(day) => Standing::EndOfLife(day.and_then(|d| d.date())),
    })
}

/// The phase in force for the release `id` on `on`, if any.
pub fn phase_on<'v>(
    policy: &'v Valid,
    id: &str,
    on: NaiveDate,
) -> Result<Option<PhaseDecl<'v>>, Error> {
    Ok(match stage(policy, id, on)? {
        Standing::In(phase, _) => Some(phase),
        _ => None,
    })
}
