//! `policyc fmt`: write policies in the canonical layout
//! ([`policyc::fmt::format_source`]).
//!
//! Without flags, changed files are rewritten atomically and listed. With
//! `--check`, nothing is written; the files that would change are listed
//! and the exit status is 1 if there are any. With `--diff`, the same, and
//! the changes are printed as a unified diff. `-` formats standard input to
//! standard output. An invalid file is left untouched and its diagnostics
//! printed (exit 1); I/O errors exit 2.

use super::{default_paths, find, load, plural, style};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The name standard input goes by in messages.
const STDIN: &str = "<stdin>";

/// Runs `policyc fmt`.
pub fn run(paths: Vec<PathBuf>, check: bool, diff: bool) -> ExitCode {
    if paths.iter().any(|p| p == Path::new("-")) {
        if paths.len() > 1 {
            eprintln!("error: `-` (standard input) cannot be combined with other paths");
            return ExitCode::from(2);
        }
        return stdin(check, diff);
    }
    let paths = default_paths(paths);
    let files = match find(&paths) {
        Ok(files) => files,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let (mut changed, mut invalid) = (0usize, 0usize);
    for file in &files {
        let loaded = match load(file) {
            Ok(loaded) => loaded,
            Err(message) => {
                eprintln!("{message}");
                return ExitCode::from(2);
            }
        };
        if loaded.has_errors() {
            loaded.print_diagnostics();
            invalid += 1;
            continue;
        }
        let read = policyc::files::read_beside(file);
        let formatted = match policyc::fmt::format_source_with(&loaded.source, &read) {
            Ok(formatted) => formatted,
            Err(diagnostics) => {
                eprint!(
                    "{}",
                    policyc::report::render(&loaded.name, &loaded.source, &diagnostics, style())
                );
                invalid += 1;
                continue;
            }
        };
        if formatted == loaded.source {
            continue;
        }
        changed += 1;
        if diff {
            print!("{}", unified_diff(&loaded.name, &loaded.source, &formatted));
        } else if check {
            println!("{}", loaded.name);
        } else {
            match policyc::files::write_if_changed(file, formatted.as_bytes()) {
                Ok(_) => println!("formatted {}", loaded.name),
                Err(e) => {
                    eprintln!("error: cannot write {}: {e}", loaded.name);
                    return ExitCode::from(2);
                }
            }
        }
    }
    let verb = if check || diff {
        "would be formatted"
    } else {
        "formatted"
    };
    let mut summary = format!(
        "{changed} {} {verb}, {} already formatted",
        plural(changed, "file", "files"),
        files.len() - changed - invalid,
    );
    if invalid > 0 {
        summary.push_str(&format!(
            ", {invalid} invalid {} left untouched",
            plural(invalid, "file", "files")
        ));
    }
    eprintln!("{summary}");
    if invalid > 0 || ((check || diff) && changed > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// `policyc fmt -`: standard input to standard output.
fn stdin(check: bool, diff: bool) -> ExitCode {
    let mut bytes = Vec::new();
    if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
        eprintln!("error: cannot read standard input: {e}");
        return ExitCode::from(2);
    }
    let source = match policyc::parse::decode(&bytes) {
        Ok(source) => source,
        Err(diagnostic) => {
            eprint!(
                "{}",
                policyc::report::render(STDIN, "", &[diagnostic], style())
            );
            return ExitCode::from(1);
        }
    };
    // Standard input: shared files are found from the working directory.
    let read = |shared: &str| std::fs::read_to_string(shared).map_err(|e| e.to_string());
    let formatted = match policyc::fmt::format_source_with(&source, &read) {
        Ok(formatted) => formatted,
        Err(diagnostics) => {
            eprint!(
                "{}",
                policyc::report::render(STDIN, &source, &diagnostics, style())
            );
            return ExitCode::from(1);
        }
    };
    let changed = formatted != source;
    let output = if diff {
        unified_diff(STDIN, &source, &formatted)
    } else if check {
        if changed {
            format!("{STDIN}\n")
        } else {
            String::new()
        }
    } else {
        formatted
    };
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(output.as_bytes()).and_then(|()| out.flush()) {
        eprintln!("error: cannot write standard output: {e}");
        return ExitCode::from(2);
    }
    if (check || diff) && changed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The changes from `old` to `new` as a unified diff.
fn unified_diff(name: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(
            &format!("{name} (as written)"),
            &format!("{name} (formatted)"),
        )
        .to_string()
}
