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
use crate::codes::{Category, Code};
use crate::diagnostic::Diagnostic;
use crate::facts::Facts;
use crate::model::Policy;
use crate::schema::Kind;
use crate::span::Span;

/// Builds the model of a parsed file, derives its facts and runs every
/// check on them.
pub fn validate(file: &File) -> (Facts, Vec<Diagnostic>) {
    let (policy, diagnostics) = build::build(file);
    check(policy, diagnostics)
}

/// Derives the facts of a model and runs every check on them: what
/// [`validate`] does after building the model, for a model read from a
/// `policyc/1` document.
///
/// A model built from a file with syntax errors is partial
/// ([`crate::model::Gaps::partial`]): the checks of single declarations run
/// on the declarations that parsed, and references to ids the broken
/// declarations may declare resolve to nothing without an error; the
/// checks of the whole policy (claims, order, contradictions, unused
/// declarations, and the facts that need every date of a release) are
/// skipped, since the broken declarations could change what they find.
pub fn validate_model(policy: Policy) -> (Facts, Vec<Diagnostic>) {
    check(policy, Vec::new())
}

/// [`validate_model`], after the problems `reported` building the model.
fn check(policy: Policy, reported: Vec<Diagnostic>) -> (Facts, Vec<Diagnostic>) {
    let (facts, derived) = Facts::derive(policy);
    let mut diagnostics = reported;
    diagnostics.extend(derived);
    let policy = facts.policy();
    let partial = policy.gaps.partial;
    if partial {
        diagnostics.retain(|d| !needs_whole_policy(d.code));
    }
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
    ];
    let whole_policy_checks: &[fn(&Policy) -> Vec<Diagnostic>] =
        &[claims::check_claims, unused::check_unused];
    for check in checks {
        diagnostics.extend(check(policy));
    }
    if partial {
        return (facts, diagnostics);
    }
    for check in whole_policy_checks {
        diagnostics.extend(check(policy));
    }
    let fact_checks: &[fn(&Facts) -> Vec<Diagnostic>] = &[
        consistency::check_target_order,
        contradictions::check_contradictions,
    ];
    for check in fact_checks {
        diagnostics.extend(check(&facts));
    }
    drop_comparisons_with_errors(policy, &mut diagnostics);
    (facts, diagnostics)
}

/// Drops the warnings and failed claims that compare a declaration an
/// error points into with the rest of the policy: what they find may follow
/// from the value the error is about (a refused field or cell, an unknown
/// reference). Sections and the header hold no compared data; a grid's
/// refused cells take no part in comparisons, and its other cells are
/// still compared.
fn drop_comparisons_with_errors(policy: &Policy, diagnostics: &mut Vec<Diagnostic>) {
    let is_comparison = |d: &Diagnostic| {
        matches!(
            d.code.category(),
            Category::Order | Category::Contradiction | Category::Claim
        )
    };
    if !diagnostics.iter().any(is_comparison) {
        return;
    }
    let within = |outer: Span, inner: Span| outer.start <= inner.start && inner.end <= outer.end;
    let mut erroneous: Vec<Span> = Vec::new();
    for d in diagnostics.iter().filter(|d| {
        d.is_error()
            && matches!(
                d.code.category(),
                Category::Structure | Category::Value | Category::Grid
            )
    }) {
        let at = d.primary_span();
        let innermost = policy
            .decls
            .iter()
            .filter(|decl| within(decl.span, at))
            .min_by_key(|decl| decl.span.len());
        if let Some(decl) =
            innermost.filter(|decl| !matches!(decl.kind, Kind::Section | Kind::Policy | Kind::Grid))
        {
            erroneous.push(decl.span);
        }
    }
    if erroneous.is_empty() {
        return;
    }
    diagnostics.retain(|d| {
        !(is_comparison(d)
            && d.labels
                .iter()
                .any(|l| erroneous.iter().any(|&e| within(e, l.span))))
    });
}

/// Problems the facts report that a declaration lost to a syntax error
/// could cause: a release's dates may stand in a lost grid.
fn needs_whole_policy(code: Code) -> bool {
    matches!(code, Code::E431 | Code::E433)
}
