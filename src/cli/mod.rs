//! Subcommands, one file each, and what they share.

pub mod build;
pub mod check;
pub mod diff;
pub mod fmt;
pub mod lifecycle;
pub mod render;
pub mod site;
pub mod sla;
pub mod test;

use policyc::diagnostic::Diagnostic;
use policyc::report::Style;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// The exit status of a process whose output pipe was closed (128 +
/// SIGPIPE), as a shell reports one killed by the signal.
pub const CLOSED_PIPE: i32 = 141;

/// How many diagnostics of one file are drawn for people.
pub const SHOWN: usize = 50;

/// Colour on a terminal unless `NO_COLOR` is set; plain otherwise.
pub fn style() -> Style {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    if !no_color && std::io::stderr().is_terminal() {
        Style::Color
    } else {
        Style::Plain
    }
}

/// `policies/` when no path is given.
pub fn default_paths(paths: Vec<PathBuf>) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![PathBuf::from("policies")]
    } else {
        paths
    }
}

/// Paths for messages.
pub fn list(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| policyc::files::display(p))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `one` or `many` by count.
pub fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// The policy files under `paths`, or the exit-2 message.
pub fn find(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let files = policyc::files::find_policies(paths)
        .map_err(|e| format!("error: cannot read {}: {e}", list(paths)))?;
    if files.is_empty() {
        return Err(format!(
            "error: no policy files (*.policy) in {}",
            list(paths)
        ));
    }
    Ok(files)
}

/// A file read and checked: its display name, its text, and the outcome.
pub struct Loaded {
    /// The path as shown.
    pub name: String,
    /// The text; empty when it is not UTF-8.
    pub source: String,
    /// Every problem, and the policy when it is valid.
    pub checked: policyc::Checked,
}

/// Reads and checks one policy file; `Err` holds the exit-2 message.
pub fn load(path: &Path) -> Result<Loaded, String> {
    let name = policyc::files::display(path);
    let bytes = std::fs::read(path).map_err(|e| format!("error: cannot read {name}: {e}"))?;
    let read = policyc::files::read_beside(path);
    // The text is the bytes read, not a copy of them.
    let (source, checked) = match String::from_utf8(bytes) {
        Ok(source) => {
            let checked = policyc::check_source_with(&source, &read);
            (source, checked)
        }
        Err(error) => policyc::check_bytes_with(error.as_bytes(), &read),
    };
    Ok(Loaded {
        name,
        source,
        checked,
    })
}

/// Decodes and checks a policy's bytes, read from a file or from git.
pub fn check_bytes(name: String, bytes: &[u8]) -> Loaded {
    let (source, checked) = policyc::check_bytes(bytes);
    Loaded {
        name,
        source,
        checked,
    }
}

impl Loaded {
    /// Whether any error was found.
    pub fn has_errors(&self) -> bool {
        self.checked.has_errors()
    }

    /// Every problem.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.checked.diagnostics
    }

    /// The policy, when it checked without errors (worked examples aside).
    pub fn valid(&self) -> Option<&policyc::facts::Valid> {
        self.checked.valid()
    }

    /// The policy when it has no error at all: what the emitters take.
    pub fn compiled(&self) -> Option<&policyc::facts::Valid> {
        self.valid().filter(|_| !self.has_errors())
    }

    /// Prints the diagnostics to standard error.
    ///
    /// Errors first, then warnings, each in the order of the file, so an
    /// error is never buried under warnings. At most [`SHOWN`] of them: the
    /// rest are counted, and `check --format json` lists them all.
    pub fn print_diagnostics(&self) {
        let all = self.diagnostics();
        let (errors, warnings): (Vec<&Diagnostic>, Vec<&Diagnostic>) =
            all.iter().partition(|d| d.is_error());
        let shown: Vec<Diagnostic> = errors
            .into_iter()
            .chain(warnings)
            .take(SHOWN)
            .cloned()
            .collect();
        eprint!(
            "{}",
            policyc::report::render(&self.name, &self.source, &shown, style())
        );
        if all.len() > shown.len() {
            eprintln!(
                "... and {} more in {}; `policyc check --format json` lists all\n",
                all.len() - shown.len(),
                self.name
            );
        }
    }
}

/// The error for two files that are the same version of one policy, whose
/// outputs would overwrite each other; `None` when there are none.
pub fn same_version(metas: &[&policyc::emit::Meta]) -> Option<String> {
    let (first, second) = policyc::emit::same_version(metas)?;
    let (a, b) = (metas[first], metas[second]);
    Some(format!(
        "error: nothing written: {} and {} are both version {} of `{}`, and their outputs would overwrite each other\n  help: a version of a policy is one file: change the `version:` of one, or remove the copy",
        a.source, b.source, b.version, b.policy_id
    ))
}

/// Writes each output under `out`, atomically and only where its contents
/// changed, saying which it wrote; returns their paths, or (after saying
/// why) exit status 2 when one cannot be written.
pub fn write_outputs(
    out: &Path,
    outputs: &[policyc::emit::Output],
) -> Result<Vec<PathBuf>, std::process::ExitCode> {
    let mut written = Vec::new();
    for output in outputs {
        let path = out.join(&output.path);
        match policyc::files::write_if_changed(&path, output.contents.as_bytes()) {
            Ok(true) => {
                eprintln!("wrote {}", policyc::files::display(&path));
                written.push(path);
            }
            Ok(false) => {}
            Err(error) => {
                eprintln!(
                    "error: cannot write {}: {error}",
                    policyc::files::display(&path)
                );
                return Err(std::process::ExitCode::from(2));
            }
        }
    }
    Ok(written)
}
