//! Compiling policies from a build script, in the style of
//! `prost_build::Config`.
//!
//! ```no_run
//! // build.rs, in `fn main`: fail the build with the policy's diagnostics.
//! let compiled = policyc::Builder::new().compile(&["policies/customer-support/v1.0.policy"]);
//! if let Err(error) = compiled {
//!     eprintln!("{error}");
//!     std::process::exit(1);
//! }
//! ```
//!
//! ```text
//! // src/lib.rs of the downstream crate
//! pub mod v1_0 {
//!     include!(concat!(env!("OUT_DIR"), "/customer_support_v1_0.rs"));
//! }
//! ```

use crate::emit::{rust, Meta};
use crate::report::{self, Style};
use std::fmt;
use std::path::{Path, PathBuf};

/// Compiles policy files into Rust source for `include!`.
///
/// For each input, [`Builder::compile`] prints `cargo:rerun-if-changed`,
/// checks the policy, and writes `{policy_id}_v{version}.rs` (in snake
/// case, e.g. `customer_support_v1_0.rs`) into the output directory. Files
/// are written only when their contents change, and atomically.
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
    /// Two policies would be written to the same file.
    Duplicate {
        /// The file both would be written to.
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
                "two policies have the same id and version: both would be written to {}",
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

    /// The file name generated for a policy id and version:
    /// `customer_support_v1_0.rs`.
    pub fn file_name(policy_id: &str, version: &str) -> String {
        let snake = |s: &str| -> String {
            s.chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() {
                        c.to_ascii_lowercase()
                    } else {
                        '_'
                    }
                })
                .collect()
        };
        format!("{}_v{}.rs", snake(policy_id), snake(version))
    }

    /// Checks and compiles every policy; writes nothing unless all are
    /// valid. Returns the first error: for an invalid policy, its rendered
    /// diagnostics.
    pub fn compile(&self, policies: &[impl AsRef<Path>]) -> Result<(), BuildError> {
        let out_dir = match &self.out_dir {
            Some(dir) => dir.clone(),
            None => std::env::var_os("OUT_DIR")
                .map(PathBuf::from)
                .ok_or(BuildError::NoOutDir)?,
        };
        let mut outputs: Vec<(PathBuf, String)> = Vec::new();
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
            let (source, checked) = crate::check_bytes_with(&bytes, &read);
            let policy = match (checked.valid(), checked.has_errors()) {
                (Some(policy), false) => policy,
                _ => {
                    return Err(BuildError::Invalid {
                        path: path.to_path_buf(),
                        rendered: report::render(
                            &name,
                            &source,
                            &checked.diagnostics,
                            Style::Plain,
                        ),
                    })
                }
            };
            let meta = Meta::new(&name, &source, policy.policy());
            let target = out_dir.join(Builder::file_name(&meta.policy_id, &meta.version));
            if outputs.iter().any(|(p, _)| *p == target) {
                return Err(BuildError::Duplicate { path: target });
            }
            outputs.push((target, rust::emit(policy, &meta)));
        }
        for (path, contents) in outputs {
            crate::files::write_if_changed(&path, contents.as_bytes())
                .map_err(|error| BuildError::Write { path, error })?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names() {
        assert_eq!(
            Builder::file_name("customer-support", "1.0"),
            "customer_support_v1_0.rs"
        );
    }
}
