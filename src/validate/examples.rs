//! Worked examples: every `example` computed and compared with what it
//! expects (see [`crate::enforce::examples`]); each difference is an error.

use crate::diagnostic::Diagnostic;
use crate::model::Policy;

/// Reports every example that does not hold, lacks an input, or asks what
/// the policy cannot answer.
pub fn check_examples(policy: &Policy) -> Vec<Diagnostic> {
    crate::enforce::examples::run(policy)
        .into_iter()
        .flat_map(|run| run.diagnostics)
        .collect()
}
