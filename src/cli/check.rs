//! `policyc check`: report every problem of every policy.

use super::{default_paths, find, load, plural};
use clap::ValueEnum;
use std::io::{BufWriter, StdoutLock, Write};
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
    let mut json = matches!(format, Format::Json).then(JsonArray::default);
    for file in &files {
        let loaded = match load(file) {
            Ok(loaded) => loaded,
            Err(message) => {
                eprintln!("{message}");
                if let Some(json) = json {
                    json.finish();
                }
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
                if let Some(json) = json.as_mut() {
                    let records = policyc::report::json_diagnostics(
                        &loaded.name,
                        &loaded.source,
                        loaded.diagnostics(),
                    );
                    for d in records {
                        json.push(&serde_json::to_string_pretty(&d).unwrap_or_default());
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
            if let Some(json) = json {
                json.finish();
            }
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

/// The JSON array of every file's diagnostics, written to standard output
/// record by record as each file is checked, so that its text (larger than
/// the input when most lines have a problem) is never held whole.
struct JsonArray {
    out: BufWriter<StdoutLock<'static>>,
    records: usize,
}

impl Default for JsonArray {
    fn default() -> Self {
        JsonArray {
            out: BufWriter::new(std::io::stdout().lock()),
            records: 0,
        }
    }
}

impl JsonArray {
    /// Writes one record (pretty JSON), indented as an element.
    fn push(&mut self, record: &str) {
        let mut text = String::with_capacity(record.len() + record.len() / 8);
        text.push_str(if self.records == 0 { "[\n" } else { ",\n" });
        for (i, line) in record.lines().enumerate() {
            if i > 0 {
                text.push('\n');
            }
            text.push_str("  ");
            text.push_str(line);
        }
        self.records += 1;
        self.write(&text);
    }

    /// Closes the array (`[]` when it is empty) and flushes it.
    fn finish(mut self) {
        self.write(if self.records == 0 { "[]\n" } else { "\n]\n" });
        if let Err(error) = self.out.flush() {
            closed_or_failed(&error);
        }
    }

    fn write(&mut self, text: &str) {
        if let Err(error) = self.out.write_all(text.as_bytes()) {
            closed_or_failed(&error);
        }
    }
}

/// Ends the process after standard output failed: quietly when the pipe
/// was closed (`policyc check --format json | head`), as `print!` does.
fn closed_or_failed(error: &std::io::Error) -> ! {
    if error.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(super::CLOSED_PIPE);
    }
    eprintln!("error: cannot write to standard output: {error}");
    std::process::exit(2);
}
