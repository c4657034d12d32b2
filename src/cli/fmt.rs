//! `policyc fmt`: being written.

use std::path::PathBuf;
use std::process::ExitCode;

/// Runs `policyc fmt`.
pub fn run(paths: Vec<PathBuf>, check: bool, diff: bool) -> ExitCode {
    let _ = (paths, check, diff);
    eprintln!("error: `policyc fmt` is not available yet");
    ExitCode::from(2)
}
