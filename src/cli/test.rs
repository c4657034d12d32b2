//! `policyc test`: being written.

use std::path::PathBuf;
use std::process::ExitCode;

/// Runs `policyc test`.
pub fn run(paths: Vec<PathBuf>) -> ExitCode {
    let _ = paths;
    eprintln!("error: `policyc test` is not available yet");
    ExitCode::from(2)
}
