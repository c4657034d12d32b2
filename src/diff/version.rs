//! Version discipline: the bump the changes require against the bump the
//! new header declares, and the effective dates.

use crate::model::{Policy, Value};
use crate::schema::fields;
use crate::value_text::show;

/// A version bump, smallest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Bump {
    /// The same version.
    None,
    /// `1.0.0` -> `1.0.1`.
    Patch,
    /// `1.0` -> `1.1`.
    Minor,
    /// `1.0` -> `2.0`.
    Major,
}

impl Bump {
    /// `none`, `patch`, `minor`, `major`.
    pub fn name(self) -> &'static str {
        match self {
            Bump::None => "none",
            Bump::Patch => "patch",
            Bump::Minor => "minor",
            Bump::Major => "major",
        }
    }
}

/// `MAJOR.MINOR[.PATCH]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Version {
    /// Major.
    pub major: u64,
    /// Minor.
    pub minor: u64,
    /// Patch; 0 when not written.
    pub patch: u64,
}

impl Version {
    /// Reads `1.0` or `1.0.2`; `None` for anything else.
    pub fn parse(text: &str) -> Option<Version> {
        let parts: Vec<&str> = text.trim().split('.').collect();
        let number = |i: usize| -> Option<u64> {
            match parts.get(i) {
                None => Some(0),
                Some(p) if !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) => p.parse().ok(),
                Some(_) => None,
            }
        };
        if !(2..=3).contains(&parts.len()) {
            return None;
        }
        Some(Version {
            major: number(0)?,
            minor: number(1)?,
            patch: number(2)?,
        })
    }

    /// The bump from `self` to `next`; `None` when `next` is lower.
    pub fn bump_to(self, next: Version) -> Option<Bump> {
        if next < self {
            None
        } else if next.major > self.major {
            Some(Bump::Major)
        } else if next.minor > self.minor {
            Some(Bump::Minor)
        } else if next.patch > self.patch {
            Some(Bump::Patch)
        } else {
            Some(Bump::None)
        }
    }

    /// The smallest version after `self` with this bump, as written.
    pub fn next(self, bump: Bump) -> String {
        match bump {
            Bump::None => format!("{}.{}", self.major, self.minor),
            Bump::Patch => format!("{}.{}.{}", self.major, self.minor, self.patch + 1),
            Bump::Minor => format!("{}.{}", self.major, self.minor + 1),
            Bump::Major => format!("{}.0", self.major + 1),
        }
    }
}

/// A breach of version discipline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    /// A stable code: `version-unreadable`, `version-lower`,
    /// `version-not-bumped`, `effective-not-later`, `effective-missing`.
    pub code: &'static str,
    /// What is wrong, in words.
    pub message: String,
}

/// The versions and effective dates of both sides, and what breaks the
/// discipline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VersionCheck {
    /// The old `version` as written.
    pub old: Option<String>,
    /// The new `version` as written.
    pub new: Option<String>,
    /// The bump the new version declares; `None` when it is lower than the
    /// old one or either cannot be read.
    pub declared: Option<Bump>,
    /// The old `effective` as written.
    pub old_effective: Option<String>,
    /// The new `effective` as written.
    pub new_effective: Option<String>,
    /// What breaks the discipline.
    pub violations: Vec<Violation>,
}

fn field(policy: &Policy, name: &str) -> Option<Value> {
    policy.header()?.value(name).cloned()
}

fn version_text(policy: &Policy) -> Option<String> {
    match field(policy, fields::policy::VERSION)? {
        Value::Version(n) => Some(n),
        other => Some(show(&other)),
    }
}

/// Checks `new`'s header against `old`'s for changes requiring `required`.
pub fn check(old: &Policy, new: &Policy, required: Bump) -> VersionCheck {
    let (v0, v1) = (version_text(old), version_text(new));
    let (p0, p1) = (
        v0.as_deref().and_then(Version::parse),
        v1.as_deref().and_then(Version::parse),
    );
    let declared = match (p0, p1) {
        (Some(a), Some(b)) => a.bump_to(b),
        _ => None,
    };
    let mut violations = Vec::new();
    let shown = |v: &Option<String>| v.clone().unwrap_or_else(|| "(none)".to_owned());
    match (p0, p1) {
        (Some(a), Some(_)) => match declared {
            None => violations.push(Violation {
                code: "version-lower",
                message: format!(
                    "the new version {} is lower than the old version {}",
                    shown(&v1),
                    shown(&v0)
                ),
            }),
            Some(bump) if bump < required => violations.push(Violation {
                code: "version-not-bumped",
                message: format!(
                    "the changes require a {} version bump (to {} or later); version {} → {} is {}",
                    required.name(),
                    a.next(required),
                    shown(&v0),
                    shown(&v1),
                    match bump {
                        Bump::None => "no bump".to_owned(),
                        other => format!("a {} bump", other.name()),
                    }
                ),
            }),
            Some(_) => {}
        },
        _ if required > Bump::None || v0 != v1 => violations.push(Violation {
            code: "version-unreadable",
            message: format!(
                "cannot read the versions as MAJOR.MINOR[.PATCH]: {} → {}",
                shown(&v0),
                shown(&v1)
            ),
        }),
        _ => {}
    }
    let (e0, e1) = (
        field(old, fields::policy::EFFECTIVE),
        field(new, fields::policy::EFFECTIVE),
    );
    let bumped = declared.is_some_and(|b| b > Bump::None);
    if required > Bump::None || bumped {
        match (old.effective_from(), new.effective_from()) {
            (Some(a), Some(b)) if b <= a => violations.push(Violation {
                code: "effective-not-later",
                message: format!(
                    "the new effective date {} is not later than the old one {}",
                    e1.as_ref().map(show).unwrap_or_default(),
                    e0.as_ref().map(show).unwrap_or_default()
                ),
            }),
            (_, None) => violations.push(Violation {
                code: "effective-missing",
                message: "the new version has no readable effective date".to_owned(),
            }),
            _ => {}
        }
    }
    VersionCheck {
        old: v0,
        new: v1,
        declared,
        old_effective: e0.as_ref().map(show),
        new_effective: e1.as_ref().map(show),
        violations,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions() {
        let v = |s| {
            Version::parse(s).unwrap_or(Version {
                major: 99,
                minor: 99,
                patch: 99,
            })
        };
        assert_eq!(v("1.0").bump_to(v("2.0")), Some(Bump::Major));
        assert_eq!(v("1.0").bump_to(v("1.1")), Some(Bump::Minor));
        assert_eq!(v("1.0").bump_to(v("1.0.1")), Some(Bump::Patch));
        assert_eq!(v("1.0").bump_to(v("1.0.0")), Some(Bump::None));
        assert_eq!(v("1.2").bump_to(v("1.1")), None);
        assert_eq!(v("1.9").bump_to(v("1.10")), Some(Bump::Minor));
        assert_eq!(Version::parse("1"), None);
        assert_eq!(Version::parse("1.x"), None);
        assert_eq!(v("1.0").next(Bump::Major), "2.0");
    }
}
