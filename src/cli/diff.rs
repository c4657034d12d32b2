//! `policyc diff`: the semantic diff between two versions of a policy.
//!
//! Reads OLD and NEW (files, or `REV:PATH` through `git show`), checks
//! both, calls [`policyc::diff::diff`] and prints it. Exit status: 0 when
//! nothing reaches `--fail-on`, 1 when something does (a version-discipline
//! violation counts), 2 on errors, an invalid OLD or NEW included.

use super::Loaded;
use clap::ValueEnum;
use policyc::diff::{self, Class};
use policyc::emit::{markdown, Meta};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// Output format.
#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    /// For the terminal (colour on a terminal, never with NO_COLOR).
    Text,
    /// For a pull-request comment.
    Markdown,
    /// Machine-readable (format `policyc-diff/1`).
    Json,
}

/// What makes the command fail.
#[derive(Clone, Copy, ValueEnum)]
pub enum FailOn {
    /// A reduction for the customer, a mixed change (deadlines later for
    /// some submissions), or a version-discipline violation.
    Reduction,
    /// Any change (or a version-discipline violation).
    Any,
    /// Only a version-discipline violation: a change the new version does
    /// not announce with the bump it requires, or an effective date not
    /// later than the old one.
    Violation,
}

/// Arguments of `policyc diff`.
#[derive(clap::Args)]
pub struct Args {
    /// The old version: a path, or `REV:PATH` read from git
    pub old: String,
    /// The new version: a path, or `REV:PATH` read from git
    pub new: String,
    /// Output format
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    /// Exit with status 1 when a change of this class (or a version violation) is found
    #[arg(long, value_enum, default_value = "reduction")]
    pub fail_on: FailOn,
    /// Add a unified diff of the two rendered Markdown documents
    #[arg(long)]
    pub rendered: bool,
    /// Replay past cases (CSV: id, tier, severity, submitted, pauses) against both versions
    #[arg(long, value_name = "TICKETS.csv")]
    pub replay: Option<PathBuf>,
}

/// Reads `spec`: a file when one exists at that path, else `REV:PATH`
/// through `git show`.
fn read(spec: &str) -> Result<(String, Vec<u8>), String> {
    let path = Path::new(spec);
    if path.exists() {
        let name = policyc::files::display(path);
        let bytes = std::fs::read(path).map_err(|e| format!("error: cannot read {name}: {e}"))?;
        return Ok((name, bytes));
    }
    let Some((rev, file)) = spec.split_once(':').filter(|(rev, _)| !rev.is_empty()) else {
        return Err(format!("error: cannot read {spec}: no such file"));
    };
    let output = Command::new("git")
        .arg("show")
        .arg(format!("{rev}:{file}"))
        .output()
        .map_err(|e| format!("error: cannot run `git show {spec}`: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "error: `git show {spec}` failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    Ok((spec.to_owned(), output.stdout))
}

/// Reads and checks one side.
fn load(spec: &str) -> Result<Loaded, String> {
    let (name, bytes) = read(spec)?;
    Ok(super::check_bytes(name, &bytes))
}

/// Colour on standard output when it is a terminal and `NO_COLOR` is unset.
fn color() -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    !no_color && std::io::stdout().is_terminal()
}

/// Runs `policyc diff`.
pub fn run(args: Args) -> ExitCode {
    let mut sides = Vec::new();
    for spec in [&args.old, &args.new] {
        match load(spec) {
            Ok(loaded) => sides.push(loaded),
            Err(message) => {
                eprintln!("{message}");
                return ExitCode::from(2);
            }
        }
    }
    // A worked example that no longer holds (E421) does not stop the diff:
    // the diff shows what changed, and says which examples the change
    // breaks; `policyc test` and `policyc check` still fail on them.
    let mut invalid = false;
    for side in &sides {
        let blocking = side
            .diagnostics()
            .iter()
            .any(|d| d.is_error() && d.code != policyc::codes::Code::E421);
        if blocking || side.valid().is_none() {
            side.print_diagnostics();
            eprintln!("error: {} is not a valid policy", side.name);
            invalid = true;
            continue;
        }
        let broken = side
            .diagnostics()
            .iter()
            .filter(|d| d.code == policyc::codes::Code::E421)
            .count();
        if broken > 0 {
            eprintln!(
                "note: {broken} worked {} in {} no longer {}: run `policyc test {}`",
                if broken == 1 { "example" } else { "examples" },
                side.name,
                if broken == 1 { "holds" } else { "hold" },
                side.name
            );
        }
    }
    let (Some(old), Some(new)) = (sides.first(), sides.get(1)) else {
        return ExitCode::from(2);
    };
    let (Some(old_policy), Some(new_policy)) = (old.valid(), new.valid()) else {
        return ExitCode::from(2);
    };
    if invalid {
        return ExitCode::from(2);
    }
    let mut result = diff::diff(old_policy, new_policy);
    if let Some(path) = &args.replay {
        let name = policyc::files::display(path);
        let tickets = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("error: cannot read {name}: {e}");
                return ExitCode::from(2);
            }
        };
        result.replay = Some(diff::replay(old_policy, new_policy, &tickets));
    }
    if args.rendered {
        let render = |side: &Loaded, policy| {
            markdown::emit(
                policy,
                &Meta::new(&side.name, &side.source, policy.policy()),
            )
        };
        result.rendered = Some(diff::rendered_diff(
            &old.name,
            &render(old, old_policy),
            &new.name,
            &render(new, new_policy),
        ));
    }
    let output = match args.format {
        Format::Text => diff::render_text(&result, color()),
        Format::Markdown => diff::render_markdown(&result),
        Format::Json => diff::render_json(&result),
    };
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(output.as_bytes()).and_then(|()| out.flush()) {
        eprintln!("error: cannot write standard output: {e}");
        return ExitCode::from(2);
    }
    let fails = match args.fail_on {
        FailOn::Reduction => result.fails(Some(Class::Reduction)),
        FailOn::Any => result.fails(None),
        FailOn::Violation => !result.version.violations.is_empty(),
    };
    if fails {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
