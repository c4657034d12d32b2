//! Placeholder: being written.

use super::Meta;
use crate::model::Policy;

/// Emits the policy.
pub fn emit(policy: &Policy, meta: &Meta) -> String {
    let _ = policy;
    meta.marker()
}

/// The JSON Schema of the format.
pub fn schema() -> String {
    String::new()
}
