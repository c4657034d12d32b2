//! `policyc sla` on several metrics, clocks and customers, as a user runs
//! it. Every expected instant is worked out by hand in its comment (the
//! fixture's calendars: `us-hours`, Monday to Friday 09:00-18:00 in the
//! customer's zone, New York by default; `follow-the-sun`, 24x5 from
//! Sunday 17:00 to Friday 17:00 Pacific).

use std::path::PathBuf;
use std::process::{Command, Output};

const FIXTURE: &str = "tests/fixtures/valid/metrics-and-clocks.policy";

fn sla(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_policyc"))
        .arg("sla")
        .arg(FIXTURE)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .expect("runs policyc")
}

fn stdout(out: &Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim_end().to_owned()
}

#[test]
fn every_metric_has_a_line_and_metric_picks_one() {
    // Standard sev-2 from Friday 16:00 New York: 4 business hours end
    // Monday 11:00; one 9-hour business day ends Monday 16:00.
    let both = sla(&[
        "--tier",
        "standard",
        "--severity",
        "sev-2",
        "--at",
        "2026-03-13T16:00:00-04:00",
    ]);
    assert_eq!(
        stdout(&both),
        "initial-response: 2026-03-16T11:00:00-04:00\nongoing-response: 2026-03-16T16:00:00-04:00"
    );
    let one = sla(&[
        "--tier",
        "standard",
        "--severity",
        "sev-2",
        "--metric",
        "ongoing-response",
        "--at",
        "2026-03-13T16:00:00-04:00",
    ]);
    assert_eq!(stdout(&one), "2026-03-16T16:00:00-04:00");
    let unknown = sla(&[
        "--tier",
        "standard",
        "--severity",
        "sev-2",
        "--metric",
        "ongoing-respons",
        "--at",
        "2026-03-13T16:00:00-04:00",
    ]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("did you mean `ongoing-response`?"));
}

#[test]
fn a_license_stands_for_its_tier_and_zone_moves_the_hours() {
    // Standard sev-1 from Friday 16:00 Tokyo, in the customer's zone: 2
    // business hours end Friday 18:00 Tokyo.
    let out = sla(&[
        "--license",
        "standard-license",
        "--severity",
        "sev-1",
        "--metric",
        "initial-response",
        "--zone",
        "Asia/Tokyo",
        "--at",
        "2026-03-13T16:00:00+09:00",
    ]);
    assert_eq!(stdout(&out), "2026-03-13T18:00:00+09:00");
    let bad = sla(&[
        "--tier",
        "standard",
        "--severity",
        "sev-1",
        "--zone",
        "Mars/Olympus",
        "--at",
        "2026-03-13T16:00:00+09:00",
    ]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn a_cell_runs_on_its_own_calendar() {
    // Premium sev-2: 30 minutes of the 24x5 calendar; Saturday is closed,
    // so the clock starts Sunday 17:00 Pacific.
    let out = sla(&[
        "--tier",
        "premium",
        "--severity",
        "sev-2",
        "--metric",
        "initial-response",
        "--at",
        "2026-03-14T10:00:00-07:00",
    ]);
    assert_eq!(stdout(&out), "2026-03-15T17:30:00-07:00");
}

#[test]
fn hours_pick_another_calendar_of_the_policy() {
    // Standard sev-1 on the 24x5 calendar instead of its own: 2 business
    // hours from Saturday 10:00 Pacific start Sunday 17:00, end 19:00.
    let out = sla(&[
        "--tier",
        "standard",
        "--severity",
        "sev-1",
        "--metric",
        "initial-response",
        "--hours",
        "follow-the-sun",
        "--at",
        "2026-03-14T10:00:00-07:00",
    ]);
    assert_eq!(stdout(&out), "2026-03-15T19:00:00-07:00");
}

#[test]
fn an_order_form_calendar_replaces_one_that_allows_it() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("order-form");
    std::fs::create_dir_all(&dir).expect("a temp dir");
    // The fixture's calendars allow no order form: refused.
    let file = dir.join("acme.policy");
    std::fs::write(
        &file,
        "calendar acme-hours \"ACME hours\" {\n    zone: \"Europe/Paris\"\n    open: mon-fri 08:00-12:00\n}\n",
    )
    .expect("writes");
    let refused = sla(&[
        "--tier",
        "standard",
        "--severity",
        "sev-1",
        "--metric",
        "initial-response",
        "--calendar",
        file.to_str().unwrap(),
        "--at",
        "2026-03-13T11:00:00+01:00",
    ]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("order-form-overrides: yes"));
    // A policy whose calendar an order form may replace.
    let source = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/",
        "tests/fixtures/valid/metrics-and-clocks.policy"
    ))
    .expect("the fixture")
    .replace(
        "customer-zone: yes",
        "customer-zone: yes\n        order-form-overrides: yes",
    );
    let policy = dir.join("policy.policy");
    std::fs::write(&policy, source).expect("writes");
    // ACME's mornings, Paris time: Friday 11:00-12:00 (1 hour), Monday
    // 08:00-09:00 (1 hour).
    let out = Command::new(env!("CARGO_BIN_EXE_policyc"))
        .args([
            "sla",
            policy.to_str().unwrap(),
            "--tier",
            "standard",
            "--severity",
            "sev-1",
        ])
        .args([
            "--metric",
            "initial-response",
            "--calendar",
            file.to_str().unwrap(),
        ])
        .args(["--at", "2026-03-13T11:00:00+01:00"])
        .output()
        .expect("runs policyc");
    assert_eq!(stdout(&out), "2026-03-16T09:00:00+01:00");
    // A calendar file holding something else is refused with a diagnostic.
    std::fs::write(&file, "tier x \"X\" {}\n").expect("writes");
    let bad = sla(&[
        "--tier",
        "standard",
        "--severity",
        "sev-1",
        "--calendar",
        file.to_str().unwrap(),
        "--at",
        "2026-03-13T11:00:00+01:00",
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("a calendar file holds one `calendar`"));
}
