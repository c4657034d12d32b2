//! Worked examples: every `example` computed and compared with what it
//! expects (see [`crate::enforce::examples`]); each difference is an error.

use crate::diagnostic::Diagnostic;
use crate::facts::Valid;

/// Reports every example that does not hold, lacks an input, or asks what
/// the policy cannot answer. Examples compute outcomes with the policy's
/// facts: they run only on a policy that checked without errors.
pub fn check_examples(policy: &Valid) -> Vec<Diagnostic> {
    crate::enforce::examples::run(policy)
        .into_iter()
        .flat_map(|run| run.diagnostics)
        .collect()
}
