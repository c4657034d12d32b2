//! Compiling policies from a build script, in the style of
//! `prost_build::Config`.
//!
//! ```no_run
//! // build.rs, in `fn main`: fail the build with the policy's diagnostics.
//! let compiled = policyc::Builder::new().compile(&[
//!     "policies/customer-support/v1.0.policy",
//!     "policies/customer-support/v1.1.policy",
//! ]);
//! if let Err(error) = compiled {
//!     eprintln!("{error}");
//!     std::process::exit(1);
//! }
//! ```
//!
//! ```text
//! // src/lib.rs of the downstream crate: `customer_support::v1_0`,
//! // `customer_support::v1_1`, `customer_support::latest`,
//! // `customer_support::Version` and the functions dispatching on the
//! // version in force, e.g. `customer_support::first_response_due`.
//! pub mod customer_support {
//!     include!(concat!(env!("OUT_DIR"), "/customer_support.rs"));
//! }
//! ```

use crate::diagnostic::Diagnostic;
use crate::emit::{rust, Meta};
use crate::report::{self, Style};
use std::fmt;
use std::path::{Path, PathBuf};

/// Compiles policy files into Rust source for `include!`.
///
/// For each input, [`Builder::compile`] prints `cargo:rerun-if-changed`,
/// checks the policy and prints its warnings as `cargo:warning=` lines;
/// then it writes one file per policy id, `{policy_id}.rs` in snake case
/// (e.g. `customer_support.rs`), holding every version given as a module
/// (`v1_0`, `v1_1`), `latest`, a `Version` enum and the functions that
/// dispatch on the version in force at an instant. Files are written only
/// when their contents change, and atomically; files it wrote earlier that
/// no input makes any more are removed.
///
/// Inputs are files; to compile a directory, list its policies first (e.g.
/// with [`crate::files::find_policies`]).
///
/// ```no_run
/// # fn main() -> Result<(), policyc::builder::BuildError> {
/// policyc::Builder::new()
///     .out_dir("target/policies")
///     .compile(&["policies/customer-support/v1.0.policy"])?;
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug, Default)]
pub struct Builder {
    out_dir: Option<PathBuf>,
    cargo_metadata: bool,
}

/// Why [`Builder::compile`] failed.
#[derive(Debug)]
pub enum BuildError {
    /// No output directory: none was given and `OUT_DIR` is not set (the
    /// builder is not running in a build script).
    NoOutDir,
    /// A policy could not be read.
    Read {
        /// The policy file.
        path: PathBuf,
        /// The error.
        error: std::io::Error,
    },
    /// A policy has errors; the message is the rendered diagnostics.
    Invalid {
        /// The policy file.
        path: PathBuf,
        /// The diagnostics, rendered without colour.
        rendered: String,
    },
    /// Generated code could not be written.
    Write {
        /// The file that was being written.
        path: PathBuf,
        /// The error.
        error: std::io::Error,
    },
    /// Two inputs are the same version of a policy (or two policy ids
    /// would be written to the same file).
    Duplicate {
        /// The second input of the version, or the file.
        path: PathBuf,
    },
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::NoOutDir => f.write_str(
                "no output directory: call `out_dir` or run from a build script (OUT_DIR is not set)",
            ),
            BuildError::Read { path, error } => {
                write!(f, "cannot read {}: {error}", crate::files::display(path))
            }
            BuildError::Invalid { rendered, .. } => f.write_str(rendered),
            BuildError::Write { path, error } => {
                write!(f, "cannot write {}: {error}", crate::files::display(path))
            }
            BuildError::Duplicate { path } => write!(
                f,
                "two inputs are the same version of one policy (or two policies share a file): {}",
                crate::files::display(path)
            ),
        }
    }
}

impl std::error::Error for BuildError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            BuildError::Read { error, .. } | BuildError::Write { error, .. } => Some(error),
            _ => None,
        }
    }
}

impl Builder {
    /// A builder writing to `OUT_DIR` and printing cargo instructions.
    pub fn new() -> Builder {
        Builder {
            out_dir: None,
            cargo_metadata: true,
        }
    }

    /// Writes generated files into `path` instead of `OUT_DIR`.
    pub fn out_dir(&mut self, path: impl Into<PathBuf>) -> &mut Builder {
        self.out_dir = Some(path.into());
        self
    }

    /// Whether to print `cargo:rerun-if-changed` lines (on by default;
    /// turn off outside build scripts).
    pub fn cargo_metadata(&mut self, enabled: bool) -> &mut Builder {
        self.cargo_metadata = enabled;
        self
    }

    /// The file name generated for a policy id: `customer_support.rs`. It
    /// holds every version of the policy given to [`Builder::compile`], so
    /// it stays the same when a version is added.
    pub fn file_name(policy_id: &str) -> String {
        format!("{}.rs", snake(policy_id))
    }

    /// The name of a version's module in the policy's file: `v1_0`.
    pub fn module_name(version: &str) -> String {
        rust::module_name(version)
    }

    /// Checks and compiles every policy; writes nothing unless all are
    /// valid. Versions of one policy (the same `policy` id) go into one
    /// file, [`Builder::file_name`], each as its module. Returns the first
    /// error: for an invalid policy, its rendered diagnostics. Warnings are
    /// printed as `cargo:warning=` lines (with `cargo_metadata`). Files in
    /// the output directory that this builder wrote before (they start with
    /// its `@generated by policyc` header) and that no input makes any more
    /// are removed.
    pub fn compile(&self, policies: &[impl AsRef<Path>]) -> Result<(), BuildError> {
        let out_dir = match &self.out_dir {
            Some(dir) => dir.clone(),
            None => std::env::var_os("OUT_DIR")
                .map(PathBuf::from)
                .ok_or(BuildError::NoOutDir)?,
        };
        let mut checked: Vec<(PathBuf, crate::Checked, Meta)> = Vec::new();
        for path in policies {
            let path = path.as_ref();
            if self.cargo_metadata {
                println!("cargo:rerun-if-changed={}", path.display());
            }
            let bytes = std::fs::read(path).map_err(|error| BuildError::Read {
                path: path.to_path_buf(),
                error,
            })?;
            let name = crate::files::display(path);
            let beside = crate::files::read_beside(path);
            let cargo_metadata = self.cargo_metadata;
            let read = |shared: &str| {
                if cargo_metadata {
                    let file = path.parent().unwrap_or(Path::new("")).join(shared);
                    println!("cargo:rerun-if-changed={}", file.display());
                }
                beside(shared)
            };
            let (source, result) = crate::check_bytes_with(&bytes, &read);
            let meta = match (result.valid(), result.has_errors()) {
                (Some(policy), false) => Meta::new(&name, &source, policy.policy()),
                _ => {
                    return Err(BuildError::Invalid {
                        path: path.to_path_buf(),
                        rendered: report::render(&name, &source, &result.diagnostics, Style::Plain),
                    })
                }
            };
            if self.cargo_metadata {
                for line in cargo_warnings(&name, &source, &result.diagnostics) {
                    println!("{line}");
                }
            }
            checked.push((path.to_path_buf(), result, meta));
        }
        // The versions of each policy, from the oldest; policies in the
        // order first given.
        let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
        for (i, (_, _, meta)) in checked.iter().enumerate() {
            match groups.iter_mut().find(|(id, _)| *id == meta.policy_id) {
                Some((_, members)) => members.push(i),
                None => groups.push((meta.policy_id.clone(), vec![i])),
            }
        }
        let mut outputs: Vec<(PathBuf, String)> = Vec::new();
        for (policy_id, mut members) in groups {
            members
                .sort_by(|a, b| version_order(&checked[*a].2).cmp(&version_order(&checked[*b].2)));
            if let Some(pair) = members.windows(2).find(|pair| {
                Builder::module_name(&checked[pair[0]].2.version)
                    == Builder::module_name(&checked[pair[1]].2.version)
            }) {
                return Err(BuildError::Duplicate {
                    path: checked[pair[1]].0.clone(),
                });
            }
            let given: Vec<rust::Given> = members
                .iter()
                .filter_map(|i| {
                    let (_, result, meta) = &checked[*i];
                    Some(rust::Given {
                        valid: result.valid()?,
                        meta,
                    })
                })
                .collect();
            let target = out_dir.join(Builder::file_name(&policy_id));
            if let Some((path, _)) = outputs.iter().find(|(p, _)| *p == target) {
                return Err(BuildError::Duplicate { path: path.clone() });
            }
            outputs.push((target, rust::emit_versions(&given)));
        }
        for (path, contents) in &outputs {
            crate::files::write_if_changed(path, contents.as_bytes()).map_err(|error| {
                BuildError::Write {
                    path: path.clone(),
                    error,
                }
            })?;
        }
        remove_stale(&out_dir, &outputs)
    }
}

/// The policy's id in snake case.
fn snake(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect()
}

/// How versions are ordered: part by part (`1.10` after `1.9`), then as
/// written.
fn version_order(meta: &Meta) -> (Vec<u64>, String) {
    let parts = meta
        .version
        .split('.')
        .map(|part| part.parse().unwrap_or(u64::MAX))
        .collect();
    (parts, meta.version.clone())
}

/// How every file generated by policyc starts.
const MARKER: &str = "// @generated by policyc ";

/// What the first line of the Builder's files says after the version.
const BUILDER_MARK: &str = " in a build script (policyc::Builder) from ";

/// Whether a file in the output directory was written by a Builder: its
/// first line is policyc's `@generated` header and says so, or it is a
/// per-version file of earlier Builders (`customer_support_v1_0.rs`, with
/// the header `policyc build` writes too). The CLI's own outputs
/// (`v1_0.rs`... are named `v1.0.rs`) never match.
fn written_by_a_builder(path: &Path) -> bool {
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let mut first = String::new();
    if std::io::BufRead::read_line(&mut std::io::BufReader::new(file), &mut first).is_err()
        || !first.starts_with(MARKER)
    {
        return false;
    }
    let per_version = path
        .file_stem()
        .and_then(|s| s.to_str())
        .and_then(|s| s.rsplit_once("_v"))
        .is_some_and(|(id, version)| {
            !id.is_empty()
                && version.starts_with(|c: char| c.is_ascii_digit())
                && version.chars().all(|c| c.is_ascii_digit() || c == '_')
        });
    first.contains(BUILDER_MARK) || per_version
}

/// Removes the `.rs` files in `out_dir` that a Builder wrote (see
/// [`written_by_a_builder`]) and that are not among `outputs`: versions or
/// policies no longer given, and the per-version files
/// (`customer_support_v1_0.rs`) of earlier builders. No other file is
/// touched.
fn remove_stale(out_dir: &Path, outputs: &[(PathBuf, String)]) -> Result<(), BuildError> {
    let Ok(entries) = std::fs::read_dir(out_dir) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs")
            || outputs.iter().any(|(p, _)| *p == path)
            || !path.is_file()
        {
            continue;
        }
        if written_by_a_builder(&path) {
            std::fs::remove_file(&path).map_err(|error| BuildError::Write { path, error })?;
        }
    }
    Ok(())
}

/// A policy's warnings as `cargo:warning=` lines, one a warning:
/// `cargo:warning=policies/x.policy:12:5: warning[W602]: message`.
pub fn cargo_warnings(name: &str, source: &str, diagnostics: &[Diagnostic]) -> Vec<String> {
    diagnostics
        .iter()
        .filter(|d| !d.is_error())
        .map(|d| {
            let (line, column) = report::line_column(source, d.primary_span().start);
            let message = d.message.replace(['\r', '\n'], " ");
            format!(
                "cargo:warning={name}:{line}:{column}: warning[{}]: {message}",
                d.code
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names() {
        assert_eq!(
            Builder::file_name("customer-support"),
            "customer_support.rs"
        );
        assert_eq!(Builder::module_name("1.0"), "v1_0");
        assert_eq!(Builder::module_name("1.0.1"), "v1_0_1");
    }
}
