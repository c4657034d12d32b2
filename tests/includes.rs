//! Shared files: calendars and holiday sets that several policies include.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn policyc(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_policyc"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("runs policyc")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

const POLICY: &str = r#"policy demo "Demo" {
    version:   1.0
    provider:  "Example Inc."
    effective: 2026-06
}

section hours "Business Hours" {
    include us-hours { file: "shared/us-hours.shared.policy" }

    tier standard "Standard" { hours: new-york-hours }

    severity sev-1 "Urgent" {}

    grid response "Response" {
        rows:    severity
        columns: tier
        cells:   target

        | *     | standard         |
        | sev-1 | 2 business hours |
    }

    # Friday 2026-07-02 16:00 New York: 1 hour to 17:00; Friday July 3 is
    # Independence Day observed (July 4, 2026 is a Saturday); Monday July 6
    # from 09:00, 1 hour -> 10:00.
    example across-the-holiday "Across Independence Day, observed" {
        tier:      standard
        severity:  sev-1
        submitted: "2026-07-02T16:00:00-04:00"
        due:       "2026-07-06T10:00:00-04:00"
    }
}
"#;

const SHARED: &str = r#"# U.S. business hours, shared by several policies.
holidays us-federal "U.S. federal holidays" {
    holiday independence-day "Independence Day" { on: 07-04  observed: nearest-weekday }
}

calendar new-york-hours "New York business hours" {
    zone:     "America/New_York"
    open:     mon-fri 09:00-17:00
    holidays: [us-federal]
}
"#;

fn project(name: &str, policy: &str, shared: Option<&str>) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("policies/shared")).expect("a temp dir");
    std::fs::write(dir.join("policies/demo.policy"), policy).expect("writes");
    if let Some(shared) = shared {
        std::fs::write(dir.join("policies/shared/us-hours.shared.policy"), shared).expect("writes");
    }
    dir
}

#[test]
fn a_policy_uses_the_calendar_of_a_shared_file() {
    let dir = project("include-ok", POLICY, Some(SHARED));
    let check = policyc(&["check"], &dir);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
    // The directory's policies do not list the shared file.
    assert!(
        text(&check.stderr).contains("checked 1 file"),
        "{}",
        text(&check.stderr)
    );
    let test = policyc(&["test"], &dir);
    assert_eq!(test.status.code(), Some(0), "{}", text(&test.stdout));
    let sla = policyc(
        &[
            "sla",
            "policies/demo.policy",
            "--tier",
            "standard",
            "--severity",
            "sev-1",
            "--at",
            "2026-07-02T16:00:00-04:00",
        ],
        &dir,
    );
    assert_eq!(text(&sla.stdout).trim(), "2026-07-06T10:00:00-04:00");
    // The document shows the shared holiday set where the include stands.
    let md = policyc(
        &["render", "policies/demo.policy", "--format", "markdown"],
        &dir,
    );
    assert!(
        text(&md.stdout).contains("U.S. federal holidays"),
        "{}",
        text(&md.stdout)
    );
}

#[test]
fn a_missing_shared_file_is_e122() {
    let dir = project("include-missing", POLICY, None);
    let check = policyc(&["check"], &dir);
    assert_eq!(check.status.code(), Some(1));
    let err = text(&check.stderr);
    assert!(err.contains("E122"), "{err}");
    assert!(
        err.contains("cannot read the shared file `shared/us-hours.shared.policy`"),
        "{err}"
    );
    // Without a reader (the library's `check_source`), the same.
    let checked = policyc::check_source(POLICY);
    assert!(checked
        .diagnostics
        .iter()
        .any(|d| d.code == policyc::codes::Code::E122));
}

#[test]
fn a_shared_file_with_a_tier_is_e123() {
    let dir = project(
        "include-tier",
        POLICY,
        Some(&format!("{SHARED}\ntier gold \"Gold\" {{}}\n")),
    );
    let err = text(&policyc(&["check"], &dir).stderr);
    assert!(err.contains("E123"), "{err}");
    assert!(err.contains("holds a `tier`"), "{err}");
    // One that does not parse names where.
    let dir = project(
        "include-syntax",
        POLICY,
        Some("calendar x \"X\" {\n    open mon-fri\n}\n"),
    );
    let err = text(&policyc(&["check"], &dir).stderr);
    assert!(err.contains("E123"), "{err}");
    assert!(err.contains("does not read: line 3"), "{err}");
}
