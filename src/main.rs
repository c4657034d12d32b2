//! The `policyc` command line: a thin layer over the library. Each
//! subcommand lives in `src/cli/`; exit status is 0 on success, 1 when the
//! input is invalid (or, with `--check`, out of date), 2 on usage or I/O
//! errors.

mod cli;
mod lsp;

use clap::{Parser, Subcommand};
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
        format: cli::check::Format,
        /// Fail when there are warnings
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Compile policies into Rust, JSON, YAML and Markdown under an output directory
    Build {
        /// Policy files or directories [default: policies/]
        paths: Vec<PathBuf>,
        /// Output directory
        #[arg(long, default_value = "generated")]
        out: PathBuf,
        /// Write nothing; fail if any output is missing or out of date, and show the difference
        #[arg(long)]
        check: bool,
        /// Write change summaries whose new version breaks the version rules (by default the build fails)
        #[arg(long)]
        allow_violations: bool,
        /// Show the worked examples in the Markdown documents (left out by default)
        #[arg(long)]
        examples: bool,
    },
    /// Print one output of one policy to standard output
    Render {
        /// The policy file
        path: PathBuf,
        /// The output to print
        #[arg(long, value_enum)]
        format: cli::render::Format,
    },
    /// Compare two versions of a policy: what changed for customers, and the version bump it needs
    Diff(cli::diff::Args),
    /// Compute a first-response deadline (and its status) under a policy's SLA
    Sla(cli::sla::Args),
    /// The lifecycle phase a release is in on a day, and what it includes
    Lifecycle(cli::lifecycle::Args),
    /// Publish a static website of the policies: the version in force, earlier and scheduled versions, what changed
    Site(cli::site::Args),
    /// Run the worked examples written in policies
    Test {
        /// Policy files or directories [default: policies/]
        paths: Vec<PathBuf>,
    },
    /// Format policies in the canonical layout
    Fmt {
        /// Policy files or directories [default: policies/]; `-` reads standard input and writes standard output
        paths: Vec<PathBuf>,
        /// Write nothing; fail and list the files that would change
        #[arg(long)]
        check: bool,
        /// Write nothing; print the changes as a diff
        #[arg(long)]
        diff: bool,
    },
    /// Run the language server (LSP over standard input and output) for editors
    Lsp,
}

/// A closed pipe (`policyc test | head -3`) ends output quietly: the
/// standard printing macros panic on it; this hook exits instead, and
/// leaves every other panic to the default hook.
fn quiet_on_closed_pipe() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or_default();
        if message.starts_with("failed printing to std") && message.contains("Broken pipe") {
            std::process::exit(cli::CLOSED_PIPE);
        }
        default(info);
    }));
}

fn main() -> ExitCode {
    quiet_on_closed_pipe();
    let cli = Cli::parse();
    match cli.command {
        Command::Check {
            paths,
            format,
            deny_warnings,
        } => cli::check::run(paths, format, deny_warnings),
        Command::Build {
            paths,
            out,
            check,
            allow_violations,
            examples,
        } => cli::build::run(paths, out, check, allow_violations, examples),
        Command::Render { path, format } => cli::render::run(path, format),
        Command::Fmt { paths, check, diff } => cli::fmt::run(paths, check, diff),
        Command::Diff(args) => cli::diff::run(args),
        Command::Sla(args) => cli::sla::run(args),
        Command::Lifecycle(args) => cli::lifecycle::run(args),
        Command::Test { paths } => cli::test::run(paths),
        Command::Site(args) => cli::site::run(args),
        Command::Lsp => lsp::run(),
    }
}
