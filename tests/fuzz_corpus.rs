//! Replays the fuzz corpus (`fuzz/corpus/<target>/`) and the inputs that
//! once failed (`tests/fixtures/fuzz/<target>/`) through the properties
//! the fuzz targets check (`tests/fuzz_props/mod.rs`), so that a stable
//! `cargo test` keeps what fuzzing found, with no nightly toolchain.

mod fuzz_props;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The files of `dir`, sorted (none when it does not exist).
fn files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    files.sort();
    files
}

/// Runs `property` on every file of `dir`; the names of those it fails.
fn replay(dir: &Path, property: fn(&[u8])) -> (usize, Vec<String>) {
    let files = files(dir);
    let mut failed = Vec::new();
    for path in &files {
        let bytes = std::fs::read(path).expect("a readable input");
        if let Err(panic) = catch_unwind(AssertUnwindSafe(|| property(&bytes))) {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default();
            let short: String = message.chars().take(2000).collect();
            failed.push(format!("{}: {short}", path.display()));
        }
    }
    (files.len(), failed)
}

/// Replays the corpus and the fixtures of `target`; fails naming every
/// input that breaks the property.
fn replay_target(target: &str) {
    let (_, property) = fuzz_props::TARGETS
        .into_iter()
        .find(|(name, _)| *name == target)
        .expect("a fuzz target");
    let mut failed = Vec::new();
    let mut replayed = 0;
    for under in ["fuzz/corpus", "tests/fixtures/fuzz"] {
        let (count, mut bad) = replay(&Path::new(ROOT).join(under).join(target), property);
        replayed += count;
        failed.append(&mut bad);
    }
    assert!(
        failed.is_empty(),
        "{} `{target}` input(s) fail the property:\n{}",
        failed.len(),
        failed.join("\n\n")
    );
    assert!(replayed >= 10, "only {replayed} `{target}` inputs found");
}

// One test per target, so that they replay in parallel.

#[test]
fn check_corpus() {
    replay_target("check");
}

#[test]
fn fmt_corpus() {
    replay_target("fmt");
}

#[test]
fn emit_corpus() {
    replay_target("emit");
}

#[test]
fn diff_corpus() {
    replay_target("diff");
}

#[test]
fn every_target_is_replayed() {
    let names: Vec<&str> = fuzz_props::TARGETS.iter().map(|(n, _)| *n).collect();
    assert_eq!(names, ["check", "fmt", "emit", "diff"]);
    for target in names {
        let dir = Path::new(ROOT)
            .join("fuzz/fuzz_targets")
            .join(format!("{target}.rs"));
        assert!(dir.is_file(), "no fuzz target `{target}`");
    }
}
