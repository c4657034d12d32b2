//! `check` stays linear in the input and in the number of problems
//! (issue 13): many copies of a policy (every id declared again), a grid
//! with a bad cell in every row, and thousands of unknown references among
//! thousands of look-alike ids. Each large input is timed against one a
//! tenth of its size in the same run, so a loaded machine slows both
//! alike: ten times the input may take at most 30 times as long (a
//! quadratic check takes 100 times), or 5 s, whichever is longer.

mod common;

use std::path::PathBuf;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const V1_0: &str = include_str!("../policies/customer-support/v1.0.policy");

fn file(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("policyc-scale-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn check(path: &PathBuf, json: bool) -> (Duration, Output) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_policyc"));
    command.arg("check").arg(path).env("NO_COLOR", "1");
    if json {
        command.args(["--format", "json"]);
    }
    let start = Instant::now();
    let output = command.output().unwrap();
    (start.elapsed(), output)
}

/// v1.0 plus a grid of 8,000 areas with a bad cell in every row, and
/// 20,000 rows naming undeclared areas that look like the declared ones.
fn grid_and_references(tenth: bool) -> String {
    let n = if tenth { 10 } else { 1 };
    common::big_grid(8_000 / n, 8_000 / n, 20_000 / n)
}

/// Checks `big` and the input a tenth of its size, `tenth`, and asserts
/// that the big one took at most 30 times as long (or 5 s).
fn linear(what: &str, tenth: &str, big: &str, json: bool) -> Output {
    let small = file(&format!("{what}-tenth.policy"), tenth);
    let large = file(&format!("{what}.policy"), big);
    let (base, _) = check(&small, json);
    let (took, output) = check(&large, json);
    let bound = (base * 30).max(Duration::from_secs(5));
    assert!(took < bound, "{what}: {took:?}, a tenth took {base:?}");
    output
}

#[test]
fn check_is_linear_in_input_and_problems() {
    let output = linear("v1.0x10", V1_0, &V1_0.repeat(10), false);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("more in"), "{stderr}");
    assert!(stderr.contains("`policyc check --format json` lists all"));

    // 186 copies, 10 MB, 52,000 problems: every id declared 186 times.
    // Ordering checks look at each grid's own rows and columns (they once
    // compared every declared severity and tier for each grid: 18 GB and
    // more than ten minutes here).
    let output = linear("v1.0x186", &V1_0.repeat(19), &V1_0.repeat(186), true);
    let json: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).unwrap();
    assert!(json.len() > 50_000, "{} diagnostics", json.len());

    let (tenth, big) = (grid_and_references(true), grid_and_references(false));
    let output = linear("grid-human", &tenth, &big, false);
    assert_eq!(output.status.code(), Some(1));
    let output = linear("grid-json", &tenth, &big, true);
    let json: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).unwrap();
    let count = |code: &str| json.iter().filter(|d| d["code"] == code).count();
    assert_eq!(count("E304"), 8_000);
    assert_eq!(count("E111"), 20_000);
}

/// v1.0 and `n` more top-level sections of one prose block each.
fn sections(n: usize) -> String {
    let mut s = V1_0.to_owned();
    for i in 0..n {
        s.push_str(&format!(
            "section extra-{i} \"Extra {i}\" {{\n    \"\"\"\n    Text {i}.\n    \"\"\"\n}}\n"
        ));
    }
    s
}

/// The document numbers its sections in one pass: 20,000 sections take at
/// most 30 times as long as 2,000 (or 5 s); numbering each by counting its
/// siblings took 32 times as long in a release build.
#[test]
fn the_document_of_many_sections_is_linear() {
    let render = |path: &PathBuf| {
        let start = Instant::now();
        let output = Command::new(env!("CARGO_BIN_EXE_policyc"))
            .args(["render", "--format", "markdown"])
            .arg(path)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        (start.elapsed(), output)
    };
    let (base, _) = render(&file("sections-tenth.policy", &sections(2_000)));
    let (took, output) = render(&file("sections.policy", &sections(20_000)));
    let bound = (base * 30).max(Duration::from_secs(5));
    assert!(
        took < bound,
        "20,000 sections: {took:?}, 2,000 took {base:?}"
    );
    let markdown = String::from_utf8_lossy(&output.stdout);
    // The last section is numbered after v1.0's own sections.
    let top = V1_0.lines().filter(|l| l.starts_with("section ")).count();
    assert!(
        markdown.contains(&format!("## {}. Extra 19999", top + 20_000)),
        "the last section's number"
    );
}
