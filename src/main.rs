//! The `policyc` command line: a thin layer over the library.

use clap::{Parser, Subcommand, ValueEnum};
use policyc::diagnostic::Diagnostic;
use policyc::report::{self, Style};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "policyc",
    version,
    about = "Compile versioned support policies into code, data and documents"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check policies and report every problem
    Check {
        /// Policy files or directories [default: policies/]
        paths: Vec<PathBuf>,
        /// Output format of the diagnostics
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// Fail when there are warnings
        #[arg(long)]
        deny_warnings: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
}

/// Exit status: 0 valid, 1 invalid, 2 usage or I/O error.
fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check {
            paths,
            format,
            deny_warnings,
        } => check(paths, format, deny_warnings),
    }
}

fn style() -> Style {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    if !no_color && std::io::stderr().is_terminal() {
        Style::Color
    } else {
        Style::Plain
    }
}

fn default_paths(paths: Vec<PathBuf>) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![PathBuf::from("policies")]
    } else {
        paths
    }
}

fn check(paths: Vec<PathBuf>, format: Format, deny_warnings: bool) -> ExitCode {
    let paths = default_paths(paths);
    let files = match policyc::files::find_policies(&paths) {
        Ok(files) => files,
        Err(error) => {
            eprintln!("error: cannot read {}: {error}", list(&paths));
            return ExitCode::from(2);
        }
    };
    if files.is_empty() {
        eprintln!("error: no policy files (*.policy) in {}", list(&paths));
        return ExitCode::from(2);
    }
    let (mut errors, mut warnings) = (0usize, 0usize);
    let mut json = Vec::new();
    let mut stderr = std::io::stderr().lock();
    for file in &files {
        let name = policyc::files::display(file);
        let bytes = match std::fs::read(file) {
            Ok(bytes) => bytes,
            Err(error) => {
                eprintln!("error: cannot read {name}: {error}");
                return ExitCode::from(2);
            }
        };
        let (source, diagnostics): (String, Vec<Diagnostic>) = match policyc::parse::decode(&bytes)
        {
            Ok(source) => {
                let checked = policyc::check_source(&source);
                (source, checked.diagnostics)
            }
            Err(diagnostic) => (String::new(), vec![diagnostic]),
        };
        errors += diagnostics.iter().filter(|d| d.is_error()).count();
        warnings += diagnostics.iter().filter(|d| !d.is_error()).count();
        match format {
            Format::Human => {
                let _ = write!(
                    stderr,
                    "{}",
                    report::render(&name, &source, &diagnostics, style())
                );
            }
            Format::Json => json.extend(report::to_json(&name, &source, &diagnostics)),
        }
    }
    match format {
        Format::Json => {
            let text = serde_json::to_string_pretty(&json).unwrap_or_else(|_| "[]".to_owned());
            println!("{text}");
        }
        Format::Human => {
            let _ = writeln!(
                stderr,
                "checked {} {}: {} {}, {} {}",
                files.len(),
                plural(files.len(), "file", "files"),
                errors,
                plural(errors, "error", "errors"),
                warnings,
                plural(warnings, "warning", "warnings"),
            );
        }
    }
    if errors > 0 || (deny_warnings && warnings > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

fn list(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| policyc::files::display(p))
        .collect::<Vec<_>>()
        .join(", ")
}
