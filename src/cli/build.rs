//! `policyc build`: compile every policy into the output directory; with
//! `--check`, write nothing and fail when anything is missing or stale.

use super::{default_paths, find, load};
use policyc::emit::{self, Meta, Output};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Runs `policyc build`.
pub fn run(paths: Vec<PathBuf>, out: PathBuf, check: bool) -> ExitCode {
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
                let meta = Meta::new(&loaded.name, &loaded.source, policy.policy());
                outputs.extend(emit::outputs(policy, &meta));
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
    let versions: Vec<_> = compiled
        .iter()
        .filter_map(|(loaded, meta)| Some((loaded.compiled()?, meta)))
        .collect();
    outputs.extend(policyc::diff::change_summaries(&versions));
    outputs.extend(emit::shared_outputs());
    if check {
        return check_outputs(&out, &outputs);
    }
    let mut written = 0;
    for output in &outputs {
        let path = out.join(&output.path);
        match policyc::files::write_if_changed(&path, output.contents.as_bytes()) {
            Ok(true) => {
                written += 1;
                eprintln!("wrote {}", policyc::files::display(&path));
            }
            Ok(false) => {}
            Err(error) => {
                eprintln!(
                    "error: cannot write {}: {error}",
                    policyc::files::display(&path)
                );
                return ExitCode::from(2);
            }
        }
    }
    eprintln!(
        "built {} {} into {}: {written} written, {} unchanged",
        outputs.len(),
        super::plural(outputs.len(), "output", "outputs"),
        policyc::files::display(&out),
        outputs.len() - written
    );
    ExitCode::SUCCESS
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
