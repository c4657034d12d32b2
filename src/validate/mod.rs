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
pub fn validate(file: File) -> (Facts, Vec<Diagnostic>) {
    let mut file = file;
    let (policy, diagnostics) = build::build(&mut file);
    // The syntax tree is not needed once the model is built: the checks
    // run without it, which keeps it out of the peak memory.
    drop(file);
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
    // The innermost declaration holding a span: the last to start at or
    // before it, or the first of its ancestors that holds it (a binary
    // search and a walk up, not a scan, on files with many errors).
    let mut order: Vec<usize> = (0..policy.decls.len()).collect();
    order.sort_by_key(|&i| {
        let span = policy.decls[i].span;
        (span.start, std::cmp::Reverse(span.end))
    });
    let innermost = |at: Span| -> Option<usize> {
        let k = order.partition_point(|&i| policy.decls[i].span.start <= at.start);
        let mut index = *order.get(k.checked_sub(1)?)?;
        loop {
            let decl = &policy.decls[index];
            if within(decl.span, at) {
                return Some(index);
            }
            index = decl.parent?;
        }
    };
    let erroneous: std::collections::HashSet<usize> = diagnostics
        .iter()
        .filter(|d| {
            d.is_error()
                && matches!(
                    d.code.category(),
                    Category::Structure | Category::Value | Category::Grid
                )
        })
        .filter_map(|d| innermost(d.primary_span()))
        .filter(|&i| {
            !matches!(
                policy.decls[i].kind,
                Kind::Section | Kind::Policy | Kind::Grid
            )
        })
        .collect();
    if erroneous.is_empty() {
        return;
    }
    let touches = |span: Span| {
        let mut index = innermost(span);
        while let Some(i) = index {
            if erroneous.contains(&i) {
                return true;
            }
            index = policy.decls[i].parent;
        }
        false
    };
    diagnostics.retain(|d| !(is_comparison(d) && d.labels.iter().any(|l| touches(l.span))));
}

/// Problems the facts report that a declaration lost to a syntax error
/// could cause: a release's dates may stand in a lost grid.
fn needs_whole_policy(code: Code) -> bool {
    matches!(code, Code::E431 | Code::E433)
}
