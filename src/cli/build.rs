//! `policyc build`: compile every policy into the output directory; with
//! `--check`, write nothing and fail when anything is missing or stale.
//!
//! Each change summary (`<policy>/changes-vX-to-vY.md`) is announced with
//! its classes on one line. A summary whose new version breaks the version
//! rules (a change without the bump it requires, an effective date not
//! later) fails the build and nothing is written, unless
//! `--allow-violations` is given or the output directory already holds
//! exactly that summary: it was written with `--allow-violations` and is
//! under review there, violations stated at its head.

use super::{default_paths, find, load};
use policyc::diff::ChangeSummary;
use policyc::emit::{self, Meta, Output};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Runs `policyc build`.
pub fn run(
    paths: Vec<PathBuf>,
    out: PathBuf,
    check: bool,
    allow_violations: bool,
    examples: bool,
) -> ExitCode {
    let paths = default_paths(paths);
    let files = match find(&paths) {
        Ok(files) => files,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    // Check everything first: an invalid policy writes nothing.
    let mut outputs: Vec<Output> = Vec::new();
    let mut compiled = Vec::new();
    let mut invalid = false;
    for file in &files {
        let loaded = match load(file) {
            Ok(loaded) => loaded,
            Err(message) => {
                eprintln!("{message}");
                return ExitCode::from(2);
            }
        };
        match loaded.compiled() {
            Some(policy) => {
                // Warnings do not stop a build; it says how many, of what.
                let mut codes: std::collections::BTreeMap<&str, usize> = Default::default();
                for d in loaded.diagnostics().iter().filter(|d| !d.is_error()) {
                    *codes.entry(d.code.as_str()).or_default() += 1;
                }
                if !codes.is_empty() {
                    let total: usize = codes.values().sum();
                    let list: Vec<String> = codes
                        .iter()
                        .map(|(code, n)| format!("{n} {code}"))
                        .collect();
                    eprintln!(
                        "warning: {}: {total} {} ({}); `policyc check {}` shows them",
                        loaded.name,
                        if total == 1 { "warning" } else { "warnings" },
                        list.join(", "),
                        loaded.name
                    );
                }
                let meta = Meta::new(&loaded.name, &loaded.source, policy.policy());
                let options = emit::markdown::Options { examples };
                outputs.extend(emit::outputs_with(policy, &meta, options));
                compiled.push((loaded, meta));
            }
            None => {
                loaded.print_diagnostics();
                invalid = true;
            }
        }
    }
    if invalid {
        eprintln!("error: nothing written: fix the errors above");
        return ExitCode::from(1);
    }
    let metas: Vec<&Meta> = compiled.iter().map(|(_, meta)| meta).collect();
    if let Some(message) = super::same_version(&metas) {
        eprintln!("{message}");
        return ExitCode::from(1);
    }
    let versions: Vec<_> = compiled
        .iter()
        .filter_map(|(loaded, meta)| Some((loaded.compiled()?, meta)))
        .collect();
    let summaries = policyc::diff::summaries(&versions);
    outputs.extend(summaries.iter().map(|s| s.output.clone()));
    outputs.extend(emit::shared_outputs());
    if check {
        return check_outputs(&out, &outputs);
    }
    if !announce(&out, &summaries, allow_violations) {
        eprintln!(
            "error: nothing written: a new version breaks the version rules; bump it as the changes require, or write anyway with `--allow-violations`"
        );
        return ExitCode::from(1);
    }
    let written = match super::write_outputs(&out, &outputs) {
        Ok(written) => written.len(),
        Err(status) => return status,
    };
    eprintln!(
        "built {} {} into {}: {written} written, {} unchanged",
        outputs.len(),
        super::plural(outputs.len(), "output", "outputs"),
        policyc::files::display(&out),
        outputs.len() - written
    );
    ExitCode::SUCCESS
}

/// Prints each change summary's classes on one line, and its violations of
/// the version rules; `false` when a violation is neither allowed nor
/// already written to the output directory.
fn announce(out: &Path, summaries: &[ChangeSummary], allow: bool) -> bool {
    let mut keeps = true;
    for summary in summaries {
        let diff = &summary.diff;
        let declared = diff
            .version
            .declared
            .map_or("unknown (lower or unreadable)", |b| b.name());
        eprintln!(
            "changes {} {} → {}: {}; bump required: {}, declared: {}",
            summary.policy,
            summary.old_version,
            summary.new_version,
            diff.summary(),
            diff.required_bump.name(),
            declared
        );
        if diff.version.violations.is_empty() {
            continue;
        }
        for violation in &diff.version.violations {
            eprintln!("  violation [{}] {}", violation.code, violation.message);
        }
        let path = out.join(&summary.output.path);
        let written = std::fs::read_to_string(&path).is_ok_and(|t| t == summary.output.contents);
        if allow {
            eprintln!("  allowed by --allow-violations");
        } else if written {
            eprintln!(
                "  accepted: {} already states these violations (written with --allow-violations)",
                policyc::files::display(&path)
            );
        } else {
            keeps = false;
        }
    }
    keeps
}

/// `--check`: compares every output with what is on disk.
fn check_outputs(out: &Path, outputs: &[Output]) -> ExitCode {
    let mut stale = 0;
    for output in outputs {
        let path = out.join(&output.path);
        let name = policyc::files::display(&path);
        match std::fs::read_to_string(&path) {
            Ok(existing) if existing == output.contents => {}
            Ok(existing) => {
                stale += 1;
                eprintln!("{name} is out of date:");
                let diff = similar::TextDiff::from_lines(&existing, &output.contents);
                print!(
                    "{}",
                    diff.unified_diff()
                        .context_radius(3)
                        .header(&name, &format!("{name} (policyc build)"))
                );
            }
            Err(_) => {
                stale += 1;
                eprintln!("{name} is missing");
            }
        }
    }
    if stale > 0 {
        eprintln!(
            "error: {stale} generated {} out of date: run `policyc build`",
            super::plural(stale, "file is", "files are")
        );
        ExitCode::from(1)
    } else {
        eprintln!("{} outputs are up to date", outputs.len());
        ExitCode::SUCCESS
    }
}
