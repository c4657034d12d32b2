//! Syntax tree -> validated model, and the checks that run on the model.
//!
//! [`build`] turns the tree into a [`Policy`], typing every field by the
//! schema and reporting what does not fit. Each check after it is a small
//! function that takes the model and returns all the problems it finds; none
//! stops at the first. Nothing here does I/O.

pub(crate) mod build;
mod calendar;
mod claims;
mod consistency;
mod contradictions;
pub(crate) mod examples;
mod grids;
mod holidays;
mod prose;
mod references;
mod severity;
mod unused;

use crate::ast::File;
use crate::diagnostic::Diagnostic;
use crate::facts::Facts;
use crate::model::Policy;

/// Builds the model of a parsed file, derives its facts and runs every
/// check on them.
pub fn validate(file: &File) -> (Facts, Vec<Diagnostic>) {
    let (policy, mut diagnostics) = build::build(file);
    let (facts, more) = validate_model(policy);
    diagnostics.extend(more);
    (facts, diagnostics)
}

/// Derives the facts of a model and runs every check on them: what
/// [`validate`] does after building the model, for a model read from a
/// `policyc/1` document.
pub fn validate_model(policy: Policy) -> (Facts, Vec<Diagnostic>) {
    let (facts, mut diagnostics) = Facts::derive(policy);
    let policy = facts.policy();
    let checks: &[fn(&Policy) -> Vec<Diagnostic>] = &[
        references::check_references,
        grids::check_grids,
        calendar::check_calendars,
        holidays::check_observed,
        holidays::check_holidays_twice,
        severity::check_severity_rules,
        severity::check_aliases,
        prose::check_interpolations,
        prose::check_interpolation_loops,
        claims::check_claims,
        unused::check_unused,
    ];
    for check in checks {
        diagnostics.extend(check(policy));
    }
    let fact_checks: &[fn(&Facts) -> Vec<Diagnostic>] = &[
        consistency::check_target_order,
        contradictions::check_contradictions,
    ];
    for check in fact_checks {
        diagnostics.extend(check(&facts));
    }
    (facts, diagnostics)
}
