//! The versions of one policy and where each stands on the day the site
//! is built for: in force, earlier (superseded), or scheduled.

use crate::emit::Meta;
use crate::facts::Valid;
use chrono::NaiveDate;

/// Where a version stands on the day the site is built for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// The version in force: the latest whose effective date has come.
    InForce,
    /// Effective before the one in force: superseded.
    Earlier,
    /// Its effective date is still to come.
    Scheduled,
    /// It states no effective date.
    Undated,
}

impl Status {
    /// How a page names it.
    pub fn label(self) -> &'static str {
        match self {
            Status::InForce => "in force",
            Status::Earlier => "superseded",
            Status::Scheduled => "scheduled",
            Status::Undated => "no effective date",
        }
    }

    /// The CSS class of its badge.
    pub fn class(self) -> &'static str {
        match self {
            Status::InForce => "in-force",
            Status::Earlier => "earlier",
            Status::Scheduled => "scheduled",
            Status::Undated => "undated",
        }
    }
}

/// One version of a policy.
pub struct Version<'a> {
    /// The checked policy.
    pub valid: &'a Valid,
    /// Its metadata (id, version, source).
    pub meta: &'a Meta,
    /// The first day it takes effect: its `effective` date, or the 1st of
    /// its effective month.
    pub effective: Option<NaiveDate>,
    /// Where it stands.
    pub status: Status,
}

impl Version<'_> {
    /// The page of this version, relative to the policy's folder.
    pub fn file(&self) -> String {
        format!("v{}.html", self.meta.version)
    }

    /// `v1.0`.
    pub fn name(&self) -> String {
        format!("v{}", self.meta.version)
    }

    /// The policy's title.
    pub fn title(&self) -> &str {
        self.valid
            .policy()
            .header()
            .map_or(self.meta.policy_id.as_str(), |h| h.display())
    }

    /// Whether the version has a section `id`.
    pub fn has_section(&self, id: &str) -> bool {
        self.valid
            .policy()
            .get(id)
            .is_some_and(|d| d.kind == crate::schema::Kind::Section)
    }
}

/// The versions of one policy, oldest first, each with its status on
/// `today`: the latest version (by number) whose effective date is on or
/// before `today` is in force; those before it are earlier, those whose
/// date is after `today` scheduled.
pub fn arrange<'a>(mut versions: Vec<(&'a Valid, &'a Meta)>, today: NaiveDate) -> Vec<Version<'a>> {
    versions.sort_by(|a, b| {
        a.1.version_key()
            .cmp(&b.1.version_key())
            .then(a.1.source.cmp(&b.1.source))
    });
    let dates: Vec<Option<NaiveDate>> = versions
        .iter()
        .map(|(v, _)| v.policy().effective_from())
        .collect();
    let in_force = dates.iter().rposition(|d| d.is_some_and(|d| d <= today));
    versions
        .into_iter()
        .zip(dates)
        .enumerate()
        .map(|(i, ((valid, meta), effective))| {
            let status = match effective {
                None => Status::Undated,
                Some(_) if Some(i) == in_force => Status::InForce,
                Some(d) if d > today => Status::Scheduled,
                Some(_) => Status::Earlier,
            };
            Version {
                valid,
                meta,
                effective,
                status,
            }
        })
        .collect()
}
