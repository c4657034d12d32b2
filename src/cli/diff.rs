//! `policyc diff`: being written.

use std::process::ExitCode;

/// Arguments of `policyc diff`.
#[derive(clap::Args)]
pub struct Args {
    /// The old version: a path, or `REV:PATH` read from git
    pub old: String,
    /// The new version: a path, or `REV:PATH` read from git
    pub new: String,
}

/// Runs `policyc diff`.
pub fn run(args: Args) -> ExitCode {
    let _ = (args.old, args.new);
    eprintln!("error: `policyc diff` is not available yet");
    ExitCode::from(2)
}
