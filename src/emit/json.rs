//! JSON output, format `policyc/1`: the tree of [`super::document`] as
//! pretty JSON. The format's reader and JSON Schema are in
//! [`crate::serial`].

use super::Meta;
use crate::facts::Valid;

/// The policy as a `policyc/1` JSON document: pretty, two-space indent,
/// fields sorted by name, declarations in document order, with a trailing
/// newline.
pub fn emit(policy: &Valid, meta: &Meta) -> String {
    // Serializing the tree cannot fail: every map key is a string.
    let mut out =
        serde_json::to_string_pretty(&super::document::document(policy, meta)).unwrap_or_default();
    out.push('\n');
    out
}
