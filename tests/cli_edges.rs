//! The command line at its edges: a closed pipe, instants with a fraction
//! of a second, warnings during a build.

use std::io::Read;
use std::process::{Command, Stdio};

fn policyc() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_policyc"));
    command
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1");
    command
}

#[test]
fn a_closed_pipe_ends_output_quietly() {
    // Far more output than a pipe holds, so the reader's close is felt.
    let mut child = policyc()
        .args(["render", "policies/github/v1.0.policy", "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs policyc");
    let mut first = [0u8; 16];
    child
        .stdout
        .take()
        .expect("its output")
        .read_exact(&mut first)
        .expect("reads the start");
    // The output pipe is now closed (dropped above).
    let out = child.wait_with_output().expect("waits");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(141), "{stderr}");
}

#[test]
fn instants_keep_their_fraction_of_a_second() {
    // Enterprise sev-1 is 2 hours 24x7: 16:59:59.5 + 2 h = 18:59:59.5.
    let out = policyc()
        .args([
            "sla",
            "policies/customer-support/v1.0.policy",
            "--tier",
            "enterprise",
            "--severity",
            "sev-1",
            "--at",
            "2026-03-13T16:59:59.500+01:00",
        ])
        .output()
        .expect("runs policyc");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "2026-03-13T18:59:59.500+01:00"
    );
}

#[test]
fn build_says_how_many_warnings_of_what() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("build-warnings");
    let out = policyc()
        .args(["build", "policies/customer-support/v1.0.policy", "--out"])
        .arg(&dir)
        .output()
        .expect("runs policyc");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains(
            "policies/customer-support/v1.0.policy: 9 warnings (2 W602, 1 W603, 1 W604, 1 W605, 1 W606, 1 W607, 1 W608, 1 W701)"
        ),
        "{stderr}"
    );
}

#[test]
fn a_misspelled_unit_gets_a_suggestion_in_the_policys_words() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("misspelled");
    std::fs::create_dir_all(&dir).expect("a temp dir");
    let policy = |target: &str| {
        format!(
            "policy demo \"D\" {{\n    version:   1.0\n    provider:  \"X\"\n    effective: 2026-06\n}}\n\nsection s \"S\" {{\n    tier gold \"Gold\" {{\n        response-target: {target}\n    }}\n}}\n"
        )
    };
    for (target, help) in [
        ("2 hourz 24x7", "did you mean `hour` instead of `hourz`?"),
        ("2h 24x7", "write the number and the unit apart: `2 hours`"),
        (
            "1 buisness day",
            "did you mean `business` instead of `buisness`?",
        ),
    ] {
        let file = dir.join("typo.policy");
        std::fs::write(&file, policy(target)).expect("writes");
        let out = policyc().arg("check").arg(&file).output().expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(stderr.contains(help), "{target}: {stderr}");
    }
}

#[test]
fn check_short_prints_one_line_per_diagnostic() {
    let out = policyc()
        .args([
            "check",
            "--format",
            "short",
            "policies/customer-support/v1.0.policy",
        ])
        .output()
        .expect("runs policyc");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    // v1.0's nine warnings, one line each.
    assert_eq!(lines.len(), 9, "{stdout}");
    assert!(lines
        .iter()
        .all(|l| l.starts_with("policies/customer-support/v1.0.policy:")));
    assert!(
        lines.contains(&"policies/customer-support/v1.0.policy:106:15: warning[W701]: the party `end-customer` is never used"),
        "{stdout}"
    );
}

/// The real policy's nine warnings read in a screenful or two: each
/// snippet draws its labelled lines only, labels far apart as separate
/// snippets (601 lines before, when everything between two labels was drawn).
#[test]
fn check_of_the_real_policy_is_short() {
    let out = policyc()
        .args(["check", "policies/customer-support/v1.0.policy"])
        .output()
        .expect("runs policyc");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.ends_with("checked 1 file: 0 errors, 9 warnings\n"),
        "{stderr}"
    );
    let lines = stderr.lines().count();
    assert!(lines <= 150, "{lines} lines:\n{stderr}");
    // W606's two labels, 230 lines apart, are two snippets: the grid rows
    // between them are not drawn.
    assert!(!stderr.contains("section contacting-support"), "{stderr}");
    assert!(
        stderr.contains("[policies/customer-support/v1.0.policy:1107:42]"),
        "{stderr}"
    );
}

/// An error is never buried under warnings: errors come first.
#[test]
fn errors_come_before_warnings() {
    let source = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("policies/customer-support/v1.0.policy"),
    )
    .expect("reads v1.0");
    let typo = source.replacen(
        "| *     | community            | advanced ",
        "| *     | community            | advnced  ",
        1,
    );
    assert_ne!(typo, source, "the grid header is where the test expects it");
    let dir = std::env::temp_dir().join(format!("policyc-errors-first-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("makes a directory");
    let file = dir.join("typo.policy");
    std::fs::write(&file, typo).expect("writes the file");
    let out = policyc()
        .arg("check")
        .arg(&file)
        .output()
        .expect("runs policyc");
    let _ = std::fs::remove_dir_all(&dir);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with("  × [E111] unknown tier `advnced`\n"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("checked 1 file: 1 error, 8 warnings\n"),
        "{stderr}"
    );
}
