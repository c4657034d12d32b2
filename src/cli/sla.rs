//! `policyc sla`: being written.

use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `policyc sla`.
#[derive(clap::Args)]
pub struct Args {
    /// The policy file
    pub policy: PathBuf,
}

/// Runs `policyc sla`.
pub fn run(args: Args) -> ExitCode {
    let _ = args.policy;
    eprintln!("error: `policyc sla` is not available yet");
    ExitCode::from(2)
}
