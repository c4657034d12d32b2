//! YAML output: the same `policyc/1` [`Document`] as the JSON output,
//! after a comment line holding the `@generated` marker.

use super::Meta;
use crate::facts::Valid;

/// The policy as a `policyc/1` YAML document: `# {marker}`, then the
/// document. Parsed back, it equals the JSON output.
pub fn emit(policy: &Valid, meta: &Meta) -> String {
    let mut out = format!("# {}\n", super::escape::yaml_comment(&meta.marker()));
    // Serializing the document cannot fail: every map key is a string.
    out.push_str(
        &serde_yaml::to_string(&super::document::document(policy, meta)).unwrap_or_default(),
    );
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}
