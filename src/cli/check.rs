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
    // The JSON array, written record by record (no tree of values: the
    // text is a few times the input at most).
    let mut json = String::new();
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
            Format::Json => {
                for d in policyc::report::json_diagnostics(
                    &loaded.name,
                    &loaded.source,
                    loaded.diagnostics(),
                ) {
                    json.push_str(if json.is_empty() { "[\n" } else { ",\n" });
                    let record = serde_json::to_string_pretty(&d).unwrap_or_default();
                    for (i, line) in record.lines().enumerate() {
                        if i > 0 {
                            json.push('\n');
                        }
                        json.push_str("  ");
                        json.push_str(line);
                    }
                }
            }
            Format::Short => {
                let mut lines = String::new();
                for d in policyc::report::json_diagnostics(
                    &loaded.name,
                    &loaded.source,
                    loaded.diagnostics(),
                ) {
                    lines.push_str(&format!(
                        "{}:{}:{}: {}[{}]: {}\n",
                        d.file, d.line, d.column, d.severity, d.code, d.message
                    ));
                }
                print!("{lines}");
            }
        }
    }
    match format {
        Format::Json => {
            json.push_str(if json.is_empty() { "[]" } else { "\n]" });
            println!("{json}");
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
