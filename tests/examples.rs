//! Worked examples: `policyc test` runs the examples written in policies;
//! `policyc check` reports a failing one as an error (E421) at the value it
//! expects, saying what was computed.

use policyc::enforce::examples;
use policyc::model::Value;
use policyc::schema::Kind;
use policyc::schema::Outcome;
use std::path::Path;
use std::process::{Command, Output};

const POLICY: &str = "policies/customer-support/v1.0.policy";
const SEVERITIES: &str = "tests/fixtures/valid/holidays-and-severities.policy";
const WRONG_DUE: &str = "tests/fixtures/invalid/E421-example-wrong-due.policy";

fn policyc(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_policyc"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .expect("policyc runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn policy() -> policyc::facts::Valid {
    let source = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(POLICY))
        .expect("the shipped policy");
    let checked = policyc::check_source(&source);
    assert!(!checked.has_errors(), "{:?}", checked.diagnostics);
    checked.into_valid().expect("a model")
}

#[test]
fn the_shipped_examples_pass() {
    let out = policyc(&["test", POLICY]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    let ok = stdout.lines().filter(|l| l.ends_with(" ... ok")).count();
    assert!(ok >= 15, "{stdout}");
    assert!(!stdout.contains("FAILED"), "{stdout}");
    assert!(
        stdout.ends_with(&format!("test result: ok. {ok} passed; 0 failed\n")),
        "{stdout}"
    );
}

#[test]
fn the_default_path_is_policies() {
    let out = policyc(&["test"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

#[test]
fn every_outcome_and_every_deadline_is_exemplified() {
    let policy = policy();
    let decls: Vec<_> = policy.policy().of_kind(Kind::Example).collect();
    // Severity rules are exemplified by the fixture that has them.
    let source = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(SEVERITIES))
        .expect("the fixture");
    let severities = policyc::check_source(&source)
        .into_valid()
        .expect("a valid fixture");
    let more: Vec<_> = severities.policy().of_kind(Kind::Example).collect();
    // `in-phase` needs releases, which v1.0 has none of: the releases
    // fixture (tests/lifecycle.rs) exemplifies it.
    for outcome in Outcome::ALL.iter().filter(|o| **o != Outcome::InPhase) {
        assert!(
            decls
                .iter()
                .chain(&more)
                .any(|d| d.value(outcome.name()).is_some()),
            "no example states `{}`",
            outcome.name()
        );
    }
    // The table: every (submitted, due) pair has its example.
    let table = [
        ("2026-03-13T15:30:00+01:00", "2026-03-16T15:30:00+01:00"),
        ("2026-03-14T10:00:00+01:00", "2026-03-16T17:00:00+01:00"),
        ("2026-03-16T17:00:00+01:00", "2026-03-17T17:00:00+01:00"),
        ("2026-04-02T14:00:00+02:00", "2026-04-07T14:00:00+02:00"),
        ("2026-04-06T11:00:00+02:00", "2026-04-07T17:00:00+02:00"),
        ("2026-03-27T13:00:00+01:00", "2026-03-30T13:00:00+02:00"),
        ("2026-10-23T16:00:00+02:00", "2026-10-26T16:00:00+01:00"),
        ("2026-03-29T00:30:00+01:00", "2026-03-29T05:30:00+02:00"),
        ("2026-10-25T00:30:00+02:00", "2026-10-25T03:30:00+01:00"),
        ("2027-03-25T15:00:00+01:00", "2027-03-31T15:00:00+02:00"),
        ("2026-05-13T16:00:00+02:00", "2026-05-18T16:00:00+02:00"),
        ("2026-12-23T10:00:00+01:00", "2026-12-28T10:00:00+01:00"),
        ("2026-06-12T16:00:00+02:00", "2026-06-12T21:30:00+02:00"),
    ];
    let instant = |d: &policyc::model::Decl, f: &str| match d.value(f) {
        Some(Value::Instant(i)) => Some(policyc::enforce::format_instant(i)),
        _ => None,
    };
    for (submitted, due) in table {
        assert!(
            decls
                .iter()
                .any(|d| instant(d, "submitted").as_deref() == Some(submitted)
                    && instant(d, "due").as_deref() == Some(due)),
            "no example for {submitted} -> {due}"
        );
    }
    let runs = examples::run(&policy);
    assert_eq!(runs.len(), decls.len());
    assert!(runs.iter().all(|r| r.passed()));
}

#[test]
fn a_wrong_due_fails_the_test_run() {
    let out = policyc(&["test", WRONG_DUE]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("example late-friday (A late Friday case) ... FAILED"),
        "{stdout}"
    );
    assert!(
        stdout.ends_with("test result: FAILED. 0 passed; 1 failed\n"),
        "{stdout}"
    );
    let stderr = text(&out.stderr);
    assert!(stderr.contains("E421"), "{stderr}");
    assert!(
        stderr
            .contains("expected `2026-03-16T16:30:00+01:00`; computed `2026-03-16T15:30:00+01:00`"),
        "{stderr}"
    );
}

#[test]
fn check_points_at_the_expected_value() {
    let source = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(WRONG_DUE))
        .expect("the fixture");
    let checked = policyc::check_source(&source);
    let errors: Vec<_> = checked.errors().collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    let error = errors[0];
    assert_eq!(error.code, policyc::codes::Code::E421);
    let span = error.primary_span();
    assert_eq!(
        &source[span.start..span.end],
        "\"2026-03-16T16:30:00+01:00\""
    );
    assert!(
        error.message.contains("`2026-03-16T15:30:00+01:00`"),
        "{}",
        error.message
    );
    let out = policyc(&["check", WRONG_DUE]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn an_invalid_policy_runs_no_examples() {
    let out = policyc(&["test", "tests/fixtures/invalid/E212-invalid-instant.policy"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("invalid policy, examples not run"),
        "{stdout}"
    );
    assert!(text(&out.stderr).contains("E212"));
}

#[test]
fn examples_report_what_they_lack() {
    for (fixture, code) in [
        ("E420-example-without-submitted.policy", "E420"),
        ("E422-example-pause-ends-before-start.policy", "E422"),
        ("E423-example-without-calendar.policy", "E423"),
    ] {
        let path = format!("tests/fixtures/invalid/{fixture}");
        let out = policyc(&["test", &path]);
        assert_eq!(out.status.code(), Some(1), "{fixture}");
        assert!(
            text(&out.stderr).contains(code),
            "{fixture}: {}",
            text(&out.stderr)
        );
    }
}

#[test]
fn severity_examples_pass_and_a_wrong_one_fails() {
    let out = policyc(&["test", SEVERITIES]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    assert!(
        stdout.ends_with("test result: ok. 5 passed; 0 failed\n"),
        "{stdout}"
    );
    let source = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(SEVERITIES))
        .expect("the fixture")
        .replace(
            "severity-granted: high\n    }\n\n    example observed",
            "severity-granted: urgent\n    }\n\n    example observed",
        );
    let checked = policyc::check_source(&source);
    let failing: Vec<String> = checked
        .diagnostics
        .iter()
        .map(|d| format!("{}: {}", d.code, d.message))
        .collect();
    assert_eq!(
        failing,
        ["E421: the example `japan-urgent` does not hold: `severity-granted` is `high`, not `urgent`"],
    );
}
