//! `policyc site`: a static website of the policies. A stage after the
//! emitters and the diff (it uses `emit`, `diff`, `facts`), used by nothing
//! but the CLI.
//!
//! Pages: `index.html` (every policy, the version in force on the day the
//! site is built for, earlier and scheduled versions, links to the changes),
//! `<policy>/v<version>.html` (a version: the whole document, every table,
//! the sections' ids as anchors, a version switcher) and
//! `<policy>/changes-v<old>-to-v<new>.html` (what changed between two
//! consecutive versions, from the diff).
//!
//! Pure, like the emitters: the pages are a function of the policies and
//! the [`Options`] (the day included, never the clock), so two builds are
//! byte for byte the same. Self-contained: one inline stylesheet, at most
//! one small inline script, no fetch of anything; readable without
//! JavaScript. Every text from a policy or a file name is escaped
//! ([`html`]). The pictures ([`pictures`]) are inline SVG drawn from the
//! data (no chart library): each tier's coverage as a week grid, and on a
//! "what changed" page how deadlines move for a changed target or clock.

mod changes;
mod css;
mod document;
pub mod html;
mod index;
pub mod layout;
pub mod pictures;
mod version;
pub mod versions;

use crate::emit::{Meta, Output};
use crate::facts::Valid;
use chrono::NaiveDate;

/// What to build.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// The day the site is built for: which version is in force.
    pub today: NaiveDate,
    /// Whether worked examples are shown (in documents and changes).
    pub examples: bool,
}

/// Every page of the site of `policies` (each compiled version with its
/// metadata, in any order), sorted by path.
pub fn build(policies: &[(&Valid, &Meta)], options: &Options) -> Vec<Output> {
    let mut by_policy: std::collections::BTreeMap<&str, Vec<(&Valid, &Meta)>> = Default::default();
    for &(valid, meta) in policies {
        by_policy
            .entry(meta.policy_id.as_str())
            .or_default()
            .push((valid, meta));
    }
    let arranged: Vec<Vec<versions::Version<'_>>> = by_policy
        .into_values()
        .map(|v| versions::arrange(v, options.today))
        .collect();
    let mut outputs = Vec::new();
    let mut sources: Vec<&str> = Vec::new();
    for versions in &arranged {
        for i in 0..versions.len() {
            sources.push(&versions[i].meta.source);
            if let Some((path, contents)) = version::page(versions, i, options) {
                outputs.push(Output { path, contents });
            }
            if i > 0 {
                if let Some((path, contents)) = changes::page(versions, i - 1, i, options) {
                    outputs.push(Output { path, contents });
                }
            }
        }
    }
    let marker = layout::marker(env!("CARGO_PKG_VERSION"), &sources.join(", "));
    outputs.push(Output {
        path: "index.html".to_owned(),
        contents: index::page(&arranged, options, &marker),
    });
    outputs.sort_by(|a, b| a.path.cmp(&b.path));
    outputs
}
