//! Release lifecycles: for each `release`, the date each lifecycle phase
//! ends, worked out once from the grid of release dates
//! ([`Role::ReleaseDates`]) and the phases' rules.
//!
//! * The phases a release goes through are the `phase` declarations in
//!   document order, except those whose `track` is not the release's.
//! * A date in the release-dates grid is the end of that phase for that
//!   release and takes precedence over the rules; `n/a` states no date.
//! * `lasts: 365 days`: the phase ends that long after it starts (the
//!   first phase starts on the release's `released` date, each next phase
//!   where the previous one ends).
//! * `latest: N`: the phase lasts while the release is one of the N most
//!   recent releases of its product and track, ordered by `released`: it
//!   ends when the N-th newer release comes out (no end yet while there is
//!   none).
//! * Both: the phase ends at the later of the two ("the latest N releases,
//!   or at least 3 months").
//! * Neither and no date: the phase has no end.
//!
//! A phase is in force up to, not including, its end date (the runtime's
//! [`policyc_runtime::lifecycle::stage`]); after the last phase ends the
//! release is at end of life.
//!
//! Problems: a phase ending before it starts (E430), a rule that needs the
//! `released` date of a release that has none (E431), two releases of one
//! product with one version (E432), a date stated for a phase that begins
//! after a phase without an end (E433), a date stated for a phase of
//! another track (E434).

use crate::codes::Code;
use crate::diagnostic::Diagnostic;
use crate::model::view::{GridDecl, PhaseDecl, ReleaseDecl, View};
use crate::model::{Policy, Value};
use crate::schema::fields;
use crate::span::Span;
use chrono::NaiveDate;
use policyc_runtime::lifecycle::{Day, Period, PeriodUnit, Stage};
use std::collections::HashMap;

/// How the end of a phase was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EndFrom {
    /// Stated in the release-dates grid.
    Stated,
    /// From the phase's rules (`lasts`, `latest`).
    Rules,
    /// Not known: the phase has no end (yet).
    Open,
}

/// The end of one phase for one release.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PhaseEnd {
    /// The phase, by declaration index.
    pub phase: usize,
    /// The day it ends (the first day it no longer applies); `None` when
    /// it has no end (yet).
    pub end: Option<NaiveDate>,
    /// Where the end comes from.
    pub from: EndFrom,
}

/// A release's lifecycle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReleaseLifecycle {
    /// The release, by declaration index.
    pub release: usize,
    /// Its general availability, when stated.
    pub released: Option<NaiveDate>,
    /// The phases it goes through, in order, with their ends.
    pub phases: Vec<PhaseEnd>,
}

impl ReleaseLifecycle {
    /// Where the release stands on `on`: a phase (by declaration index),
    /// not yet released, or at end of life since a day.
    pub fn stage(&self, on: NaiveDate) -> Stage<usize> {
        let phases: Vec<(usize, Option<Day>)> = self
            .phases
            .iter()
            .map(|p| (p.phase, p.end.map(Day::from)))
            .collect();
        policyc_runtime::lifecycle::stage(self.released.map(Day::from), &phases, Day::from(on))
    }

    /// The phase in force on `on`, by declaration index.
    pub fn phase_on(&self, on: NaiveDate) -> Option<usize> {
        self.stage(on).phase()
    }
}

/// Every release's lifecycle, in document order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lifecycles {
    releases: Vec<ReleaseLifecycle>,
    /// Release declaration index -> position in `releases`.
    at: HashMap<usize, usize>,
}

impl Lifecycles {
    /// Every release's lifecycle, in document order.
    pub fn releases(&self) -> &[ReleaseLifecycle] {
        &self.releases
    }

    /// The lifecycle of the release declared at `index`.
    pub fn of(&self, index: usize) -> Option<&ReleaseLifecycle> {
        self.releases.get(*self.at.get(&index)?)
    }

    /// Whether the policy declares no release.
    pub fn is_empty(&self) -> bool {
        self.releases.is_empty()
    }
}

/// The runtime's period of a written one.
pub fn runtime_period(period: crate::ast::Period) -> Period {
    use crate::ast::PeriodUnit as P;
    let unit = match period.unit {
        P::Days => PeriodUnit::Days,
        P::Weeks => PeriodUnit::Weeks,
        P::Months => PeriodUnit::Months,
        P::Years => PeriodUnit::Years,
    };
    Period::new(period.amount, unit)
}

/// The product and track releases are grouped by for `latest`.
type Group<'p> = (Option<&'p str>, Option<&'p str>);

fn group<'p>(release: ReleaseDecl<'p>) -> Group<'p> {
    (release.product().map(|p| p.as_str()), release.track())
}

/// Whether `phase` applies to `release`: it names no track, or the
/// release's.
pub fn applies(phase: PhaseDecl<'_>, release: ReleaseDecl<'_>) -> bool {
    match phase.track() {
        None => true,
        Some(track) => release.track() == Some(track),
    }
}

fn field_span(decl: &crate::model::Decl, name: &str) -> Span {
    decl.field(name).map_or(decl.id.span, |f| f.span)
}

/// Works out every release's lifecycle; `grid` is the declaration deciding
/// [`Role::ReleaseDates`](crate::schema::Role::ReleaseDates), if any.
pub fn derive(policy: &Policy, grid: Option<usize>) -> (Lifecycles, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let releases: Vec<(usize, ReleaseDecl<'_>)> = policy
        .decls
        .iter()
        .enumerate()
        .filter_map(|(i, d)| ReleaseDecl::of(d).map(|r| (i, r)))
        .collect();
    if releases.is_empty() {
        return (Lifecycles::default(), diagnostics);
    }
    diagnostics.extend(duplicate_versions(&releases));
    let phases: Vec<(usize, PhaseDecl<'_>)> = policy
        .decls
        .iter()
        .enumerate()
        .filter_map(|(i, d)| PhaseDecl::of(d).map(|p| (i, p)))
        .collect();
    let grid = grid
        .and_then(|i| policy.decls.get(i))
        .and_then(GridDecl::of);
    // Releases of each product and track with a GA date, oldest first.
    let mut groups: HashMap<Group<'_>, Vec<(NaiveDate, usize)>> = HashMap::new();
    for (index, release) in &releases {
        if let Some(released) = release.released() {
            groups
                .entry(group(*release))
                .or_default()
                .push((released, *index));
        }
    }
    // Each dated release's position in its group, oldest first.
    let mut position: HashMap<usize, usize> = HashMap::new();
    for members in groups.values_mut() {
        members.sort_unstable();
        position.extend(members.iter().enumerate().map(|(p, (_, i))| (*i, p)));
    }
    let mut lifecycles = Lifecycles::default();
    for (index, release) in &releases {
        let released = release.released();
        let mut ends: Vec<PhaseEnd> = Vec::new();
        // The phase with no end before this one, if any (E433).
        let mut unending: Option<PhaseDecl<'_>> = None;
        let mut missing_released = false;
        for (phase_index, phase) in &phases {
            let stated_cell = grid.and_then(|g| {
                let cell = g
                    .decl()
                    .grid
                    .as_ref()?
                    .cell(release.id.as_str(), phase.id.as_str());
                let value = g.value_at(release.id.as_str(), phase.id.as_str())?;
                let span = cell.map_or(g.id.span, |c| c.span);
                Some((value, span))
            });
            let stated = match stated_cell {
                Some((Value::Date(d), span)) => Some((*d, span)),
                _ => None,
            };
            if !applies(*phase, *release) {
                if let Some((_, span)) = stated {
                    diagnostics.push(other_track(*release, *phase, span));
                }
                continue;
            }
            let start = match ends.last() {
                None => released,
                Some(previous) => previous.end,
            };
            let (end, from) = if let Some((date, span)) = stated {
                if let Some(open) = unending {
                    diagnostics.push(after_unending(*release, open, *phase, span));
                }
                (Some(date), EndFrom::Stated)
            } else {
                let needs_released =
                    (ends.is_empty() && phase.lasts().is_some()) || phase.latest().is_some();
                if needs_released && released.is_none() {
                    if !missing_released {
                        diagnostics.push(no_released(*release, *phase));
                    }
                    missing_released = true;
                }
                let newer = groups
                    .get(&group(*release))
                    .zip(position.get(index))
                    .map(|(members, p)| members.get(p + 1..).unwrap_or_default());
                rule_end(*phase, start, newer)
            };
            if let (Some(end), Some(start)) = (end, start) {
                if end < start {
                    let span = stated.map_or_else(|| phase.id.span, |(_, span)| span);
                    diagnostics.push(ends_before_start(
                        policy,
                        *release,
                        *phase,
                        ends.last(),
                        end,
                        start,
                        span,
                    ));
                }
            }
            if end.is_none() && from == EndFrom::Open && unending.is_none() {
                unending = Some(*phase);
            }
            ends.push(PhaseEnd {
                phase: *phase_index,
                end,
                from,
            });
        }
        lifecycles.at.insert(*index, lifecycles.releases.len());
        lifecycles.releases.push(ReleaseLifecycle {
            release: *index,
            released,
            phases: ends,
        });
    }
    (lifecycles, diagnostics)
}

/// The end the rules of `phase` give, starting on `start`; `newer` are
/// the releases of the same product and track released after this one
/// (oldest first; `None` when this one has no `released` date).
fn rule_end(
    phase: PhaseDecl<'_>,
    start: Option<NaiveDate>,
    newer: Option<&[(NaiveDate, usize)]>,
) -> (Option<NaiveDate>, EndFrom) {
    let lasts = phase
        .lasts()
        .map(|p| start.and_then(|s| runtime_period(p).after(s)));
    let latest = phase.latest().map(|n| {
        let n = usize::try_from(n).ok()?;
        // Out of the latest N when the N-th newer release comes out; with
        // `latest: 0`, at once.
        match n.checked_sub(1) {
            None => start,
            Some(nth) => newer?.get(nth).map(|m| m.0),
        }
    });
    let end = match (lasts, latest) {
        (None, None) => return (None, EndFrom::Open),
        (Some(a), None) => a,
        (None, Some(b)) => b,
        (Some(a), Some(b)) => match (a, b) {
            (Some(a), Some(b)) => Some(a.max(b)),
            _ => None,
        },
    };
    (end, EndFrom::Rules)
}

fn duplicate_versions(releases: &[(usize, ReleaseDecl<'_>)]) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    // A version names one release of a product on one track: 23.1 and
    // 23.1 LTS are two releases.
    let mut seen: HashMap<(Option<&str>, &str, Option<&str>), ReleaseDecl<'_>> = HashMap::new();
    for (_, release) in releases {
        let Some(version) = release.version() else {
            continue;
        };
        let key = (
            release.product().map(|p| p.as_str()),
            version,
            release.track(),
        );
        match seen.get(&key) {
            Some(first) => {
                let of = key.0.map(|p| format!(" of `{p}`")).unwrap_or_default();
                diagnostics.push(
                    Diagnostic::new(
                        Code::E432,
                        format!(
                            "the releases `{}` and `{}`{of} have the same version `{version}`",
                            first.id.as_str(),
                            release.id.as_str()
                        ),
                    )
                    .label(field_span(release, fields::release::VERSION), "again")
                    .label(field_span(first, fields::release::VERSION), "first here")
                    .help("a version names one release of a product: correct one of them, or remove the duplicate"),
                );
            }
            None => {
                seen.insert(key, *release);
            }
        }
    }
    diagnostics
}

fn other_track(release: ReleaseDecl<'_>, phase: PhaseDecl<'_>, span: Span) -> Diagnostic {
    let track = phase.track().unwrap_or_default();
    let of = match release.track() {
        Some(t) => format!("of track `{t}`"),
        None => "of no track".to_owned(),
    };
    Diagnostic::new(
        Code::E434,
        format!(
            "the release `{}` has an end date for the phase `{}`, which applies only to track `{track}`",
            release.id.as_str(),
            phase.id.as_str()
        ),
    )
    .label(span, "date for a phase of another track")
    .label(field_span(&release, fields::release::TRACK), format!("a release {of}"))
    .help("write `n/a` in this cell, or correct the release's or the phase's `track`")
}

fn after_unending(
    release: ReleaseDecl<'_>,
    open: PhaseDecl<'_>,
    phase: PhaseDecl<'_>,
    span: Span,
) -> Diagnostic {
    Diagnostic::new(
        Code::E433,
        format!(
            "the phase `{}` of the release `{}` never ends, so the phase `{}` after it never begins",
            open.id.as_str(),
            release.id.as_str(),
            phase.id.as_str()
        ),
    )
    .label(span, "an end date for a phase that never begins")
    .label(open.id.span, "no end date, `lasts` or `latest`")
    .help(format!(
        "state when `{}` ends for this release in the release-dates grid, or give the phase `lasts:` or `latest:`",
        open.id.as_str()
    ))
}

fn no_released(release: ReleaseDecl<'_>, phase: PhaseDecl<'_>) -> Diagnostic {
    let rule = if phase.latest().is_some() {
        fields::phase::LATEST
    } else {
        fields::phase::LASTS
    };
    Diagnostic::new(
        Code::E431,
        format!(
            "the release `{}` has no `released` date, which the `{rule}` of the phase `{}` needs",
            release.id.as_str(),
            phase.id.as_str()
        ),
    )
    .label(release.id.span, "no `released`")
    .label(field_span(&phase, rule), "counts from the release's general availability")
    .help(format!(
        "give `{}` its general availability, e.g. `released: 2024-05-20`, or state when each phase ends in the release-dates grid",
        release.id.as_str()
    ))
}

#[allow(clippy::too_many_arguments)]
fn ends_before_start(
    policy: &Policy,
    release: ReleaseDecl<'_>,
    phase: PhaseDecl<'_>,
    previous: Option<&PhaseEnd>,
    end: NaiveDate,
    start: NaiveDate,
    span: Span,
) -> Diagnostic {
    let after = match previous.and_then(|p| policy.decls.get(p.phase)) {
        Some(previous) => format!("the phase `{}` ends", previous.id.as_str()),
        None => "the release's general availability".to_owned(),
    };
    Diagnostic::new(
        Code::E430,
        format!(
            "the phase `{}` of the release `{}` ends on `{end}`, before it starts on `{start}` ({after})",
            phase.id.as_str(),
            release.id.as_str()
        ),
    )
    .label(span, format!("ends `{end}`"))
    .label(release.id.span, "this release")
    .help("phases follow one another in the order they are declared: correct the dates, or the order of the phases")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// The facts of a policy whose section holds `body`.
    fn lifecycles(body: &str) -> (crate::facts::Facts, Vec<Diagnostic>) {
        let source = format!(
            "policy p \"P\" {{ version: 1.0  provider: \"X\"  effective: 2026-01 }}\nsection s \"S\" {{\n{body}\n}}\n"
        );
        let checked = crate::check_source(&source);
        let errors: Vec<_> = checked
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .cloned()
            .collect();
        let facts = checked.valid().expect("a valid policy").facts().clone();
        (facts, errors)
    }

    const HEAD: &str = r#"
product db "DB" { }
phase maintenance "Maintenance" { support: "full"  fixes: "all"  supported: yes  new-fixes: yes  hotfixes: no  lasts: 365 days }
phase assistance "Assistance" { support: "limited"  fixes: "security"  supported: yes  new-fixes: no  hotfixes: no  lasts: 6 months }
"#;

    #[test]
    fn lasts_counts_from_general_availability_then_from_the_previous_end() {
        let source = format!(
            "{HEAD}release v24-1 \"24.1\" {{ product: db  version: \"24.1\"  released: 2024-05-20 }}\n"
        );
        let (facts, errors) = lifecycles(&source);
        assert!(errors.is_empty(), "{errors:?}");
        let release = &facts.lifecycle().releases()[0];
        let ends: Vec<_> = release.phases.iter().map(|p| p.end).collect();
        assert_eq!(ends, [Some(date("2025-05-20")), Some(date("2025-11-20"))]);
        let policy = facts.policy();
        let id = |i: Option<usize>| i.map(|i| policy.decls[i].id.as_str().to_owned());
        assert_eq!(
            id(release.phase_on(date("2025-05-19"))).as_deref(),
            Some("maintenance")
        );
        assert_eq!(
            id(release.phase_on(date("2025-05-20"))).as_deref(),
            Some("assistance")
        );
        assert_eq!(id(release.phase_on(date("2025-11-20"))), None);
        assert_eq!(release.stage(date("2024-01-01")), Stage::NotReleased);
        assert_eq!(
            release.stage(date("2026-01-01")),
            Stage::EndOfLife(Some(Day::new(2025, 11, 20)))
        );
    }

    #[test]
    fn latest_ends_when_the_nth_newer_release_comes_out() {
        let source = r#"
phase current "Current" { support: "full"  fixes: "all"  supported: yes  new-fixes: yes  hotfixes: no  latest: 2 }
release a "A" { version: "1"  released: 2024-01-10 }
release b "B" { version: "2"  released: 2024-04-10 }
release c "C" { version: "3"  released: 2024-07-10 }
"#;
        let (facts, errors) = lifecycles(source);
        assert!(errors.is_empty(), "{errors:?}");
        let ends: Vec<_> = facts
            .lifecycle()
            .releases()
            .iter()
            .map(|r| r.phases[0].end)
            .collect();
        // `a` stops being one of the two latest when `c` comes out.
        assert_eq!(ends, [Some(date("2024-07-10")), None, None]);
    }

    #[test]
    fn latest_or_at_least_lasts_takes_the_later_and_stated_dates_win() {
        let source = r#"
phase current "Current" { support: "full"  fixes: "all"  supported: yes  new-fixes: yes  hotfixes: no  latest: 1  lasts: 3 months }
phase extended "Extended" { support: "limited"  fixes: "none"  supported: yes  new-fixes: no  hotfixes: no  lasts: 1 year }
release a "A" { version: "1"  released: 2024-01-10 }
release b "B" { version: "2"  released: 2024-02-10 }
release c "C" { version: "3"  released: 2024-08-10 }
grid dates "Dates" {
    rows: release
    columns: phase
    cells: date
    otherwise: n/a
    | *  | current | extended   |
    | c  | n/a     | 2030-01-01 |
}
"#;
        let (facts, errors) = lifecycles(source);
        assert!(errors.is_empty(), "{errors:?}");
        let ends: Vec<Vec<_>> = facts
            .lifecycle()
            .releases()
            .iter()
            .map(|r| r.phases.iter().map(|p| (p.end, p.from)).collect())
            .collect();
        let rules = |d: &str| (Some(date(d)), EndFrom::Rules);
        // a: b is out a month later, but a stays current for 3 months.
        assert_eq!(ends[0], [rules("2024-04-10"), rules("2025-04-10")]);
        // b: c is out 6 months later.
        assert_eq!(ends[1], [rules("2024-08-10"), rules("2025-08-10")]);
        // c: still the latest; its extended end is stated.
        assert_eq!(
            ends[2],
            [
                (None, EndFrom::Rules),
                (Some(date("2030-01-01")), EndFrom::Stated)
            ]
        );
    }
}
