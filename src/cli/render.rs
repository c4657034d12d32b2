//! `policyc render`: print one output of one policy.

use super::load;
use clap::ValueEnum;
use policyc::emit::{self, Meta};
use std::path::PathBuf;
use std::process::ExitCode;

/// Which output.
#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    /// Rust tables and functions.
    Rust,
    /// JSON (format `policyc/1`).
    Json,
    /// YAML (the same document as the JSON).
    Yaml,
    /// The whole policy document.
    Markdown,
}

impl From<Format> for emit::Format {
    fn from(format: Format) -> Self {
        match format {
            Format::Rust => emit::Format::Rust,
            Format::Json => emit::Format::Json,
            Format::Yaml => emit::Format::Yaml,
            Format::Markdown => emit::Format::Markdown,
        }
    }
}

/// Runs `policyc render`.
pub fn run(path: PathBuf, format: Format) -> ExitCode {
    let loaded = match load(&path) {
        Ok(loaded) => loaded,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let Some(policy) = loaded.compiled() else {
        loaded.print_diagnostics();
        return ExitCode::from(1);
    };
    let meta = Meta::new(&loaded.name, &loaded.source, policy.policy());
    print!("{}", emit::emit(format.into(), policy, &meta));
    ExitCode::SUCCESS
}
