//! Releases and lifecycles: `policyc lifecycle` through the command line,
//! the library's answers, the worked examples, and the errors.

use policyc::enforce::lifecycle::{self, Standing};
use policyc::model::view::View;
use std::process::{Command, Output};

const POLICY: &str = "tests/fixtures/valid/releases.policy";

fn policyc(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_policyc"))
        .args(args)
        .output()
        .expect("policyc runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn valid() -> policyc::facts::Valid {
    let source = std::fs::read_to_string(POLICY).expect("fixture");
    let checked = policyc::check_source(&source);
    checked.valid().expect("a valid policy").clone()
}

fn date(s: &str) -> chrono::NaiveDate {
    s.parse().expect("a date")
}

#[test]
fn the_phase_in_force_and_what_it_includes() {
    let out = policyc(&[
        "lifecycle",
        POLICY,
        "--release",
        "24.1",
        "--on",
        "2025-06-01",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with(
            "release 24.1 (`v24-1`) of Example DB on 2025-06-01: Assistance support (`assistance`)"
        ),
        "{text}"
    );
    assert!(text.contains("from 2025-05-20 until 2025-11-20"), "{text}");
    assert!(
        text.contains("Support Level: Assistance with known issues"),
        "{text}"
    );
    assert!(
        text.contains("Fixes & Patches: Critical security fixes only"),
        "{text}"
    );
    assert!(text.contains("Hotfixes: no"), "{text}");
}

#[test]
fn end_of_life_and_not_yet_released() {
    let out = policyc(&[
        "lifecycle",
        POLICY,
        "--product",
        "db",
        "--release",
        "23.2",
        "--on",
        "2027-01-01",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("end of life since 2026-03-25"),
        "{}",
        stdout(&out)
    );
    let out = policyc(&[
        "lifecycle",
        POLICY,
        "--release",
        "v24-3",
        "--on",
        "2024-01-01",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("not released; general availability on 2024-11-18"));
}

#[test]
fn json_output() {
    let out = policyc(&[
        "lifecycle",
        POLICY,
        "--release",
        "24.1",
        "--on",
        "2025-05-19",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
    assert_eq!(json["status"], "in-phase");
    assert_eq!(json["phase"], "maintenance");
    assert_eq!(json["since"], "2024-05-20");
    assert_eq!(json["until"], "2025-05-20");
    assert_eq!(json["includes"]["hotfixes"], true);
    assert_eq!(json["includes"]["support"], "Full support");
    let out = policyc(&[
        "lifecycle",
        POLICY,
        "--release",
        "23.2",
        "--on",
        "2026-03-25",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
    assert_eq!(json["status"], "end-of-life");
    assert_eq!(json["since"], "2026-03-25");
}

#[test]
fn unknown_product_release_or_date_is_a_usage_error() {
    let out = policyc(&[
        "lifecycle",
        POLICY,
        "--release",
        "25.1",
        "--on",
        "2025-01-01",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("error: unknown release `25.1`"), "{err}");
    assert!(err.contains("`23.2`, `24.1`, `24.2`, `24.3`"), "{err}");
    let out = policyc(&[
        "lifecycle",
        POLICY,
        "--product",
        "dbb",
        "--release",
        "24.1",
        "--on",
        "2025-01-01",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown product `dbb`; did you mean `db`?"));
    let out = policyc(&[
        "lifecycle",
        POLICY,
        "--release",
        "24.1",
        "--on",
        "2025-13-01",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("is not a date"));
}

#[test]
fn a_policy_without_releases_cannot_answer() {
    let out = policyc(&[
        "lifecycle",
        "policies/customer-support/v1.1.policy",
        "--release",
        "1.0",
        "--on",
        "2026-01-01",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("declares no `release`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_invalid_policy_exits_1_with_its_diagnostics() {
    let out = policyc(&[
        "lifecycle",
        "tests/fixtures/invalid/E431-release-without-released.policy",
        "--release",
        "24.1",
        "--on",
        "2026-01-01",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("E431"), "{}", stderr(&out));
}

#[test]
fn the_library_agrees_with_the_rules_worked_by_hand() {
    let policy = valid();
    // 24.1: GA 2024-05-20; maintenance while one of the 2 latest (24.3 is
    // out 2024-11-18) or at least 365 days: ends 2025-05-20; assistance 6
    // months more; extended (LTS) 1 year more.
    let phase = |id: &str, on: &str| {
        lifecycle::phase_on(&policy, id, date(on))
            .expect("answers")
            .map(|p| p.decl().id.value.clone())
    };
    assert_eq!(phase("v24-1", "2025-05-19").as_deref(), Some("maintenance"));
    assert_eq!(phase("v24-1", "2025-05-20").as_deref(), Some("assistance"));
    assert_eq!(phase("v24-1", "2025-11-20").as_deref(), Some("extended"));
    assert_eq!(phase("v24-1", "2026-11-20"), None);
    // 23.2: its stated dates win over the rules.
    assert_eq!(phase("v23-2", "2024-09-24").as_deref(), Some("maintenance"));
    assert_eq!(phase("v23-2", "2024-09-25").as_deref(), Some("assistance"));
    assert!(matches!(
        lifecycle::stage(&policy, "v23-2", date("2026-03-25")),
        Ok(Standing::EndOfLife(Some(d))) if d == date("2026-03-25")
    ));
    // Releases found by version or id.
    let found = lifecycle::find_release(&policy, None, "24.2").expect("found");
    assert_eq!(found.id.as_str(), "v24-2");
    let found = lifecycle::find_release(&policy, Some("db"), "v24-2").expect("found");
    assert_eq!(found.id.as_str(), "v24-2");
}

#[test]
fn policyc_test_runs_the_lifecycle_examples() {
    let out = policyc(&["test", POLICY]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("4 passed; 0 failed"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_wrong_lifecycle_example_fails() {
    let source = std::fs::read_to_string(POLICY)
        .expect("fixture")
        .replace("in-phase: maintenance", "in-phase: extended");
    let checked = policyc::check_source(&source);
    let errors: Vec<String> = checked
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| format!("{} {}", d.code, d.message))
        .collect();
    assert_eq!(
        errors,
        ["E421 the example `maintained` does not hold: `in-phase` is `maintenance`, not `extended`"]
    );
}

#[test]
fn generated_rust_answers_the_phase_on_a_day_only_for_policies_with_releases() {
    let policy = valid();
    let source = std::fs::read_to_string(POLICY).expect("fixture");
    let meta = policyc::emit::Meta::new(POLICY, &source, policy.policy());
    let code = policyc::emit::rust::emit(&policy, &meta);
    for expected in [
        "pub enum Release {",
        "pub const fn general_availability(release: Release) -> Option<::policyc_runtime::Day> {",
        "pub const fn lifecycle(release: Release) -> &'static [(Phase, Option<::policyc_runtime::Day>)] {",
        "pub fn phase_on(release: Release, on: ::policyc_runtime::chrono::NaiveDate) -> Option<Phase> {",
        "pub fn release_dates(release: Release, phase: Phase) -> Option<::policyc_runtime::Day> {",
    ] {
        assert!(code.contains(expected), "{expected}\n{code}");
    }
    let out = policyc(&[
        "render",
        "policies/customer-support/v1.1.policy",
        "--format",
        "rust",
    ]);
    assert!(!stdout(&out).contains("phase_on"));
}

#[test]
fn the_markdown_shows_each_release_with_its_phase_end_dates() {
    let out = policyc(&["render", POLICY, "--format", "markdown"]);
    let markdown = stdout(&out);
    assert!(
        markdown.contains("| Release | Product | Track | General availability | Maintenance support ends | Assistance support ends | Extended support ends |"),
        "{markdown}"
    );
    assert!(
        markdown.contains("| 24.1 | Example DB | LTS | May 20, 2024 | May 20, 2025 | November 20, 2025 | November 20, 2026 |"),
        "{markdown}"
    );
}

#[test]
fn the_diff_classifies_end_dates_rules_and_releases() {
    let out = policyc(&[
        "diff",
        "tests/fixtures/diff/release-lifecycle/old.policy",
        "tests/fixtures/diff/release-lifecycle/new.policy",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
    let classes: Vec<(String, String)> = json["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .map(|c| {
            let at = format!(
                "{}{}{}",
                c["id"].as_str().unwrap_or_default(),
                c["row"]
                    .as_str()
                    .map(|r| format!("[{r}"))
                    .unwrap_or_default(),
                c["column"]
                    .as_str()
                    .map(|c| format!(", {c}]"))
                    .unwrap_or_default()
            );
            (at, c["class"].as_str().unwrap_or_default().to_owned())
        })
        .collect();
    let expect = |at: &str, class: &str| {
        assert!(
            classes.contains(&(at.to_owned(), class.to_owned())),
            "{at} {class}: {classes:?}"
        );
    };
    expect("release-dates[v24-1, assistance]", "reduction");
    expect("release-dates[v24-2, assistance]", "extension");
    expect("v25-1", "extension");
    expect("assistance", "reduction");
}
