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
mod examples;
mod grids;
mod prose;
mod references;
mod unused;

use crate::ast::File;
use crate::diagnostic::Diagnostic;
use crate::model::Policy;

/// Builds the model of a parsed file and runs every check on it.
pub fn validate(file: &File) -> (Policy, Vec<Diagnostic>) {
    let (policy, mut diagnostics) = build::build(file);
    let checks: &[fn(&Policy) -> Vec<Diagnostic>] = &[
        references::check_references,
        grids::check_grids,
        calendar::check_calendars,
        prose::check_interpolations,
        claims::check_claims,
        consistency::check_target_order,
        contradictions::check_contradictions,
        unused::check_unused,
    ];
    for check in checks {
        diagnostics.extend(check(&policy));
    }
    // Examples compute outcomes from the model: only a model without errors
    // gives outcomes worth comparing (an invalid field is absent from the
    // model, and would be reported again as a missing input).
    let after_errors: &[fn(&Policy) -> Vec<Diagnostic>] = &[examples::check_examples];
    if !diagnostics.iter().any(Diagnostic::is_error) {
        for check in after_errors {
            diagnostics.extend(check(&policy));
        }
    }
    (policy, diagnostics)
}
