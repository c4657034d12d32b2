//! `policyc check`: report every problem of every policy.

use super::{default_paths, find, load, plural};
use clap::ValueEnum;
use std::path::PathBuf;
use std::process::ExitCode;

/// How diagnostics are printed.
#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    /// Graphical, for people.
    Human,
    /// JSON on standard output: code, severity, message, file, line, column, end.
    Json,
    /// One line per diagnostic on standard output, for editors and CI logs:
    /// `file:line:column: severity[CODE]: message`.
    Short,
}

/// Runs `policyc check`.
pub fn run(paths: Vec<PathBuf>, format: Format, deny_warnings: bool) -> ExitCode {
    let paths = default_paths(paths);
    let files = match find(&paths) {
        Ok(files) => files,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let (mut errors, mut warnings) = (0usize, 0usize);
    let mut json = Vec::new();
    for file in &files {
        let loaded = match load(file) {
            Ok(loaded) => loaded,
            Err(message) => {
                eprintln!("{message}");
                return ExitCode::from(2);
            }
        };
        errors += loaded.diagnostics().iter().filter(|d| d.is_error()).count();
        warnings += loaded
            .diagnostics()
            .iter()
            .filter(|d| !d.is_error())
            .count();
        match format {
            Format::Human => loaded.print_diagnostics(),
            Format::Json => json.extend(policyc::report::to_json(
                &loaded.name,
                &loaded.source,
                loaded.diagnostics(),
            )),
            Format::Short => {
                for d in
                    policyc::report::to_json(&loaded.name, &loaded.source, loaded.diagnostics())
                {
                    println!(
                        "{}:{}:{}: {}[{}]: {}",
                        d["file"].as_str().unwrap_or_default(),
                        d["line"],
                        d["column"],
                        d["severity"].as_str().unwrap_or_default(),
                        d["code"].as_str().unwrap_or_default(),
                        d["message"].as_str().unwrap_or_default()
                    );
                }
            }
        }
    }
    match format {
        Format::Json => {
            let text = serde_json::to_string_pretty(&json).unwrap_or_else(|_| "[]".to_owned());
            println!("{text}");
        }
        Format::Human | Format::Short => eprintln!(
            "checked {} {}: {} {}, {} {}",
            files.len(),
            plural(files.len(), "file", "files"),
            errors,
            plural(errors, "error", "errors"),
            warnings,
            plural(warnings, "warning", "warnings"),
        ),
    }
    if errors > 0 || (deny_warnings && warnings > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
