//! The facts layer: what a policy means, worked out once, after the model
//! is built, and read by every consumer (checks, enforcement, emitters,
//! the diff), in the way `prost-build` computes its message graph once and
//! lets the generator query it.
//!
//! * [`roles`]: which grid or rule decides each question ([`Role`]):
//!   declared with `decides:` or given by the schema, never guessed from
//!   an id.
//! * [`calendars`]: each calendar built once into the runtime's
//!   [`Calendar`](policyc_runtime::Calendar), and the calendar each tier
//!   runs on.
//! * [`severity`]: the rules deciding a case's severity, and the order of
//!   severities.
//! * [`terms`]: the typed terms of the rules that decide (billing, closing
//!   cases, custom builds, hotfixes, remote login).
//! * [`lifecycle`]: for each release, the date each lifecycle phase ends,
//!   stated in the release-dates grid or from the phases' rules.
//!
//! [`Facts`] can be derived from any model, with errors or not: the checks
//! read it too. [`Valid`] is a policy that checked without errors (worked
//! examples aside); it can only be made by [`crate::check_source`], and it
//! is what the emitters, the enforcement code and the diff take.
//!
//! Pure: no I/O. Must not import the emitters, `enforce` or `diff`.

pub mod calendars;
pub mod deadlines;
pub mod labels;
pub mod lifecycle;
pub mod metrics;
pub mod roles;
pub mod severity;
pub mod terms;

use crate::codes::Code;
use crate::diagnostic::Diagnostic;
use crate::model::view::{GridDecl, Ids, RuleDecl, TierDecl, View};
use crate::model::{Hours, Policy};
use crate::schema::{Kind, Role};
use calendars::CalendarFacts;
use policyc_runtime as rt;
use roles::Roles;
use std::collections::HashMap;
use terms::Billing;

/// A policy and every fact derived from it.
#[derive(Clone, Debug)]
pub struct Facts {
    policy: Policy,
    roles: Roles,
    calendars: Vec<CalendarFacts>,
    /// Calendar declaration index -> position in `calendars`.
    calendar_at: HashMap<usize, usize>,
    /// Calendars that could not be built, with why (on a model with errors).
    unusable: Vec<(usize, String)>,
    billing: Vec<Billing>,
    closure_attempts: Option<u32>,
    metrics: Vec<metrics::Metric>,
    labels: labels::Labels,
    lifecycles: lifecycle::Lifecycles,
}

/// Who may get a custom build: the rule deciding it and its terms.
#[derive(Clone, Copy, Debug)]
pub struct CustomBuilds<'p> {
    /// The rule.
    pub rule: RuleDecl<'p>,
    /// The tiers it grants custom builds to.
    pub tiers: Ids<'p>,
    /// The severities that qualify.
    pub severities: Ids<'p>,
    /// Whether a crashing bug qualifies at any severity (no when unsaid).
    pub crashing_bugs: bool,
}

/// Who may get hotfixes: the rule deciding it and its terms.
#[derive(Clone, Copy, Debug)]
pub struct Hotfixes<'p> {
    /// The rule.
    pub rule: RuleDecl<'p>,
    /// The tiers it grants hotfixes to.
    pub tiers: Ids<'p>,
    /// Whether the customer must run the latest build (no when unsaid).
    pub latest_build: bool,
}

/// When a case awaiting the customer may be closed.
#[derive(Clone, Copy, Debug)]
pub struct CaseClosure<'p> {
    /// The rule.
    pub rule: RuleDecl<'p>,
    /// Its terms, as the runtime takes them.
    pub terms: rt::entitlement::ClosureTerms,
}

/// On which conditions remote login is granted.
#[derive(Clone, Copy, Debug)]
pub struct RemoteLogin<'p> {
    /// The rule.
    pub rule: RuleDecl<'p>,
    /// The tiers its conditions apply to.
    pub tiers: Ids<'p>,
    /// The conditions (`requires`), none when unsaid.
    pub requires: &'p [String],
}

impl Facts {
    /// Derives the facts of a model, with the problems found on the way
    /// (conflicting roles, terms that do not fit the runtime's types).
    pub fn derive(policy: Policy) -> (Facts, Vec<Diagnostic>) {
        let (mut roles, mut diagnostics) = roles::derive(&policy);
        let (metrics, more) = metrics::derive(&policy, roles.decider(Role::ResponseTargets));
        diagnostics.extend(more);
        let (labels, more) = labels::derive(&policy);
        diagnostics.extend(more);
        if let Some(first) = metrics.first() {
            roles.default_decider(Role::ResponseTargets, first.grid);
        }
        let mut calendars = Vec::new();
        let mut calendar_at = HashMap::new();
        let mut unusable = Vec::new();
        for (index, decl) in policy.decls.iter().enumerate() {
            if decl.kind != Kind::Calendar {
                continue;
            }
            match CalendarFacts::build(&policy, index) {
                Ok(calendar) => {
                    calendar_at.insert(index, calendars.len());
                    calendars.push(calendar);
                }
                Err(why) => unusable.push((index, why)),
            }
        }
        let mut billing = Vec::new();
        for &rule in roles.deciders(Role::OutOfHoursBilling) {
            match terms::billing(&policy, rule) {
                Ok(Some(b)) => billing.push(b),
                Ok(None) => {}
                Err(d) => diagnostics.push(d),
            }
        }
        let closure = roles
            .decider(Role::CaseClosure)
            .and_then(|i| policy.decls.get(i))
            .and_then(RuleDecl::of);
        let closure_attempts = match closure.map(terms::attempts) {
            Some(Ok(n)) => Some(n),
            Some(Err(d)) => {
                diagnostics.push(d);
                None
            }
            None => None,
        };
        let (lifecycles, lifecycle_diagnostics) =
            lifecycle::derive(&policy, roles.decider(Role::ReleaseDates));
        diagnostics.extend(lifecycle_diagnostics);
        let facts = Facts {
            lifecycles,
            policy,
            roles,
            calendars,
            calendar_at,
            unusable,
            billing,
            closure_attempts,
            metrics,
            labels,
        };
        (facts, diagnostics)
    }

    /// The model.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// The model, given back.
    pub fn into_policy(self) -> Policy {
        self.policy
    }

    /// The calendars that cannot be used, as errors. Every cause is
    /// reported by a check already: [`crate::check_source`] adds these only
    /// when nothing else is wrong, so that a gap in the checks cannot let an
    /// unusable calendar through.
    pub fn unusable_calendars(&self) -> Vec<Diagnostic> {
        self.unusable
            .iter()
            .filter_map(|(index, why)| {
                let decl = self.policy.decls.get(*index)?;
                Some(
                    Diagnostic::new(
                        Code::E214,
                        format!("the calendar `{}` {why}", decl.id.as_str()),
                    )
                    .label(decl.id.span, "this calendar")
                    .help("correct its zone, opening hours or holidays"),
                )
            })
            .collect()
    }

    // -----------------------------------------------------------------
    // Roles
    // -----------------------------------------------------------------

    /// The role of the declaration at `index`, if it decides a question.
    pub fn role_of(&self, index: usize) -> Option<Role> {
        self.roles.of(index)
    }

    /// The grid deciding `role`.
    pub fn grid(&self, role: Role) -> Option<GridDecl<'_>> {
        let index = self.roles.decider(role)?;
        self.policy.decls.get(index).and_then(GridDecl::of)
    }

    /// The rule deciding `role` (a role one rule decides).
    pub fn rule(&self, role: Role) -> Option<RuleDecl<'_>> {
        let index = self.roles.decider(role)?;
        self.policy.decls.get(index).and_then(RuleDecl::of)
    }

    /// Who may get a custom build.
    pub fn custom_builds(&self) -> Option<CustomBuilds<'_>> {
        let rule = self.rule(Role::CustomBuilds)?;
        Some(CustomBuilds {
            rule,
            tiers: rule.tiers(),
            severities: rule.severities(),
            crashing_bugs: rule.crashing_bugs().unwrap_or(false),
        })
    }

    /// Who may get hotfixes.
    pub fn hotfixes(&self) -> Option<Hotfixes<'_>> {
        let rule = self.rule(Role::Hotfixes)?;
        Some(Hotfixes {
            rule,
            tiers: rule.tiers(),
            latest_build: rule.latest_build().unwrap_or(false),
        })
    }

    /// When a case awaiting the customer may be closed.
    pub fn case_closure(&self) -> Option<CaseClosure<'_>> {
        let rule = self.rule(Role::CaseClosure)?;
        Some(CaseClosure {
            rule,
            terms: rt::entitlement::ClosureTerms {
                attempts: self.closure_attempts?,
                separate_business_days: rule.separate_business_days().unwrap_or(false),
            },
        })
    }

    /// On which conditions remote login is granted.
    pub fn remote_login(&self) -> Option<RemoteLogin<'_>> {
        let rule = self.rule(Role::RemoteLogin)?;
        Some(RemoteLogin {
            rule,
            tiers: rule.tiers(),
            requires: rule.requires().unwrap_or_default(),
        })
    }

    /// The out-of-hours billing rules, in document order.
    pub fn billing(&self) -> &[Billing] {
        &self.billing
    }

    /// The billing rule of `grid` that covers a tier and severity.
    pub fn billing_for(&self, grid: &str, tier: &str, severity: &str) -> Option<&Billing> {
        self.billing.iter().find(|b| {
            self.policy
                .decls
                .get(b.rule)
                .and_then(RuleDecl::of)
                .is_some_and(|r| {
                    r.grid().map(|g| g.as_str()) == Some(grid)
                        && r.tiers().contains(tier)
                        && r.severities().contains(severity)
                })
        })
    }

    // -----------------------------------------------------------------
    // Lifecycles
    // -----------------------------------------------------------------

    /// Every release's lifecycle: the date each phase ends, stated or
    /// from the phases' rules.
    pub fn lifecycle(&self) -> &lifecycle::Lifecycles {
        &self.lifecycles
    }

    // -----------------------------------------------------------------
    // Calendars
    // -----------------------------------------------------------------

    /// The metrics the policy's target grids measure, in declaration order:
    /// the first is the default (first response).
    pub fn metrics(&self) -> &[metrics::Metric] {
        &self.metrics
    }

    /// The text of the policy's label for `of` (`tier`, `tier.hours`):
    /// the title of the `label` naming it, if the policy has one.
    pub fn label(&self, of: &str) -> Option<&str> {
        let decl = self.policy.decls.get(self.labels.get(of)?)?;
        Some(decl.display())
    }

    /// The metric `id`.
    pub fn metric(&self, id: &str) -> Option<&metrics::Metric> {
        self.metrics.iter().find(|m| m.id == id)
    }

    /// Every calendar that can be used, in document order.
    pub fn calendars(&self) -> &[CalendarFacts] {
        &self.calendars
    }

    /// The calendar `id`.
    pub fn calendar(&self, id: &str) -> Option<&CalendarFacts> {
        let index = self.policy.index_of(id)?;
        self.calendars.get(*self.calendar_at.get(&index)?)
    }

    /// The policy's default calendar: the first it declares. Tiers that
    /// name no calendar count business days on it.
    pub fn default_calendar(&self) -> Option<&CalendarFacts> {
        let first = self
            .policy
            .decls
            .iter()
            .position(|d| d.kind == Kind::Calendar)?;
        self.calendars.get(*self.calendar_at.get(&first)?)
    }

    /// The calendar a tier runs on: the one its `hours` name, else the
    /// default calendar.
    pub fn tier_calendar(&self, tier: TierDecl<'_>) -> Option<&CalendarFacts> {
        match tier.hours() {
            Some(Hours::Calendar(id)) => self.calendar(id.as_str()),
            _ => self.default_calendar(),
        }
    }
}

/// A policy that checked without errors (its worked examples aside), with
/// its facts. Only [`crate::check_source`] makes one; the emitters, the
/// enforcement code and the diff take one, so they never meet what
/// validation rules out (a duplicate id, an unresolved reference, an
/// incomplete grid, a loop of interpolations).
#[derive(Clone, Debug)]
pub struct Valid(Facts);

impl Valid {
    /// Vouches for facts that checked without errors.
    pub(crate) fn new(facts: Facts) -> Valid {
        Valid(facts)
    }

    /// The facts.
    pub fn facts(&self) -> &Facts {
        &self.0
    }
}

impl std::ops::Deref for Valid {
    type Target = Facts;
    fn deref(&self) -> &Facts {
        &self.0
    }
}
