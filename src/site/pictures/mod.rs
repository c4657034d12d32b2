//! Pictures for the site, as inline SVG (filled by the pictures module):
//! a tier's coverage, and a heatmap beside each change of a grid.

use crate::diff::Change;
use crate::facts::Valid;

/// The coverage picture of the tier `tier_id` (an inline `<svg
/// role="img" ...>` with a title), or `None`.
pub fn coverage(valid: &Valid, tier_id: &str) -> Option<String> {
    let _ = (valid, tier_id);
    None
}

/// Heatmaps beside the changes of `changes` (from `old` to `new`): the
/// index of a change and its inline SVG.
pub fn heatmaps(old: &Valid, new: &Valid, changes: &[Change]) -> Vec<(usize, String)> {
    let _ = (old, new, changes);
    Vec::new()
}
