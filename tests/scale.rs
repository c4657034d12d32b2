//! `check` stays linear in the input and in the number of problems
//! (issue 13): many copies of a policy (every id declared again), a grid
//! with a bad cell in every row, and thousands of unknown references among
//! thousands of look-alike ids. Bounds are generous, for a shared machine:
//! each check finishes in under 20 times the time of checking v1.0 once, or
//! 5 s, whichever is longer; in a debug build (about 20 times slower at
//! measuring edit distances) the grid with 28,000 problems gets 60 s.

use std::fmt::Write;
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
/// 20,000 rows naming undeclared areas that look like 2,000 declared ones.
fn grid_and_references() -> String {
    let mut s = String::from(V1_0);
    s.push_str("\nsection big \"Big\" {\n");
    for i in 0..8_000 {
        let _ = writeln!(
            s,
            "    area big-area-{i} \"Area {i}\" {{ description: \"d\" }}"
        );
    }
    s.push_str("    grid big-scope \"Big\" {\n        rows: area\n        columns: tier\n        cells: coverage\n        otherwise: not-available\n\n        | * | advanced | enterprise |\n");
    for i in 0..8_000 {
        let _ = writeln!(s, "        | big-area-{i} | supported | 3 hours |");
    }
    for i in 0..20_000 {
        let _ = writeln!(s, "        | big-areax-{i} | supported | supported |");
    }
    s.push_str("    }\n}\n");
    s
}

#[test]
fn check_is_linear_in_input_and_problems() {
    let once = file("v1.0.policy", V1_0);
    let (base, _) = check(&once, false);
    let bound = (base * 20).max(Duration::from_secs(5));

    let copies = file("v1.0x10.policy", &V1_0.repeat(10));
    let (took, output) = check(&copies, false);
    assert!(took < bound, "v1.0 x10: {took:?} (bound {bound:?})");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("more in"), "{stderr}");
    assert!(stderr.contains("`policyc check --format json` lists all"));

    let big_bound = if cfg!(debug_assertions) {
        bound.max(Duration::from_secs(60))
    } else {
        bound
    };
    let bound = big_bound;
    let big = file("big.policy", &grid_and_references());
    let (took, output) = check(&big, false);
    assert!(
        took < bound,
        "grid and references, human: {took:?} (bound {bound:?})"
    );
    assert_eq!(output.status.code(), Some(1));
    let (took, output) = check(&big, true);
    assert!(
        took < bound,
        "grid and references, JSON: {took:?} (bound {bound:?})"
    );
    let json: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).unwrap();
    let count = |code: &str| json.iter().filter(|d| d["code"] == code).count();
    assert_eq!(count("E304"), 8_000);
    assert_eq!(count("E111"), 20_000);
}
