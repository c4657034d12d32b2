//! `policyc test`: run the worked examples written in policies.
//!
//! One line per example (`ok` or `FAILED`), then the diagnostics of the
//! failures and a summary. Exit status: 0 when every example holds, 1 when
//! one fails or a policy is invalid, 2 on I/O errors.

use super::{default_paths, find, load, plural, style};
use policyc::enforce::examples;
use std::path::PathBuf;
use std::process::ExitCode;

/// Runs `policyc test`.
pub fn run(paths: Vec<PathBuf>) -> ExitCode {
    let paths = default_paths(paths);
    let files = match find(&paths) {
        Ok(files) => files,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let (mut passed, mut failed, mut invalid) = (0usize, 0usize, 0usize);
    for file in &files {
        let loaded = match load(file) {
            Ok(loaded) => loaded,
            Err(message) => {
                eprintln!("{message}");
                return ExitCode::from(2);
            }
        };
        // Errors other than failing examples stop the examples from running.
        let blocking: Vec<_> = loaded
            .diagnostics()
            .iter()
            .filter(|d| d.is_error() && d.code.category() != policyc::codes::Category::Example)
            .cloned()
            .collect();
        let policy = match (loaded.valid(), blocking.is_empty()) {
            (Some(policy), true) => policy,
            _ => {
                eprint!(
                    "{}",
                    policyc::report::render(&loaded.name, &loaded.source, &blocking, style())
                );
                println!("{}: invalid policy, examples not run", loaded.name);
                invalid += 1;
                continue;
            }
        };
        let runs = examples::run(policy);
        println!(
            "running {} {} in {}",
            runs.len(),
            plural(runs.len(), "example", "examples"),
            loaded.name
        );
        let mut failures = Vec::new();
        for run in &runs {
            let verdict = if run.passed() { "ok" } else { "FAILED" };
            match &run.title {
                Some(title) => println!("example {} ({title}) ... {verdict}", run.id),
                None => println!("example {} ... {verdict}", run.id),
            }
            if run.passed() {
                passed += 1;
            } else {
                failed += 1;
                failures.extend(run.diagnostics.iter().cloned());
            }
        }
        if !failures.is_empty() {
            policyc::diagnostic::sort(&mut failures);
            eprint!(
                "{}",
                policyc::report::render(&loaded.name, &loaded.source, &failures, style())
            );
        }
    }
    let verdict = if failed == 0 && invalid == 0 {
        "ok"
    } else {
        "FAILED"
    };
    let mut summary = format!("test result: {verdict}. {passed} passed; {failed} failed");
    if invalid > 0 {
        summary.push_str(&format!(
            "; {invalid} invalid {}",
            plural(invalid, "policy", "policies")
        ));
    }
    println!("{summary}");
    if verdict == "ok" {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
