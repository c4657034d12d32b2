//! The layering of ARCHITECTURE.md, checked: which module may use which.
//! A stage never reaches downstream (the emitters are leaves: they use
//! neither the enforcement code nor the diff), and only `files.rs` and
//! `builder.rs` touch the file system.

use std::path::{Path, PathBuf};

/// Every `.rs` file under `src/<dir>` (or the file `src/<dir>.rs`).
fn sources(dir: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    let file = root.join(format!("{dir}.rs"));
    if file.is_file() {
        out.push(file);
    }
    let mut stack = vec![root.join(dir)];
    while let Some(path) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&path) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    assert!(!out.is_empty(), "no sources for `{dir}`");
    out.sort();
    out
}

/// The lines of `dir`'s sources that name one of `forbidden` (as
/// `crate::name` or `super::...::name` would be too clever to track: the
/// modules use `crate::` paths for everything outside themselves).
fn uses(dir: &str, forbidden: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for path in sources(dir) {
        let text = std::fs::read_to_string(&path).expect("a source file");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            for module in forbidden {
                if code.contains(&format!("crate::{module}::"))
                    || code.contains(&format!("crate::{module};"))
                    || code.contains(&format!("crate::{module}}}"))
                    || code.contains(&format!("crate::{{{module}"))
                {
                    found.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
                }
            }
        }
    }
    found
}

#[test]
fn the_emitters_are_leaves() {
    let found = uses(
        "emit",
        &["enforce", "diff", "validate", "files", "builder", "fmt"],
    );
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_facts_come_before_their_consumers() {
    let found = uses(
        "facts",
        &[
            "validate", "emit", "enforce", "diff", "builder", "fmt", "serial",
        ],
    );
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_model_knows_no_stage() {
    let found = uses(
        "model",
        &[
            "validate", "facts", "emit", "enforce", "diff", "serial", "builder", "fmt",
        ],
    );
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_schema_and_codes_are_plain_data() {
    for dir in ["schema", "codes", "span"] {
        let found = uses(
            dir,
            &[
                "ast", "parse", "model", "validate", "facts", "emit", "enforce", "diff", "serial",
            ],
        );
        assert!(found.is_empty(), "{found:#?}");
    }
}

#[test]
fn enforcement_and_the_format_do_not_reach_downstream() {
    let found = uses("enforce", &["emit", "diff", "validate", "serial"]);
    assert!(found.is_empty(), "{found:#?}");
    let found = uses("serial", &["emit", "enforce", "diff", "validate", "facts"]);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn only_files_and_the_builder_do_io() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    for dir in [
        "ast",
        "codes",
        "diagnostic",
        "diff",
        "emit",
        "enforce",
        "facts",
        "fmt",
        "model",
        "parse",
        "report",
        "schema",
        "serial",
        "site",
        "span",
        "validate",
        "value_text",
        "lib",
    ] {
        for path in sources(dir) {
            let text = std::fs::read_to_string(&path).expect("a source file");
            for (n, line) in text.lines().enumerate() {
                // Doc examples may read files; the code may not.
                let code = line.split("//").next().unwrap_or_default();
                if code.contains("std::fs") || code.contains("File::open") {
                    found.push(format!(
                        "{}:{}",
                        path.strip_prefix(&root).unwrap_or(&path).display(),
                        n + 1
                    ));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "I/O outside files.rs and builder.rs: {found:#?}"
    );
}

#[test]
fn the_front_ends_are_apart() {
    // The language server and the command line are two front ends of the
    // binary over the library: neither uses the other.
    let found = uses("lsp", &["cli"]);
    assert!(found.is_empty(), "{found:#?}");
    let found = uses("cli", &["lsp"]);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_site_is_the_last_stage() {
    // The site reads the emitters, the diff, the facts and the model; it
    // neither checks nor writes, and no stage uses it (the CLI does).
    let found = uses(
        "site",
        &[
            "validate", "builder", "files", "fmt", "serial", "parse", "lsp",
        ],
    );
    assert!(found.is_empty(), "{found:#?}");
    for dir in [
        "ast",
        "codes",
        "diagnostic",
        "diff",
        "emit",
        "enforce",
        "facts",
        "fmt",
        "model",
        "parse",
        "report",
        "schema",
        "serial",
        "span",
        "validate",
        "value_text",
        "builder",
        "files",
    ] {
        let found = uses(dir, &["site"]);
        assert!(found.is_empty(), "{dir} uses the site: {found:#?}");
    }
}
