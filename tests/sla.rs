//! `policyc sla` and `policyc::enforce`: the first-response deadlines of the
//! shipped policy, through the command line and through the library, and
//! the command's errors.

use policyc::enforce::{self, Case};
use policyc::model::view::CalendarDecl;
use policyc_runtime::{Pause, SlaState, DEFAULT_AT_RISK_SHARE};
use std::path::Path;
use std::process::{Command, Output};

const POLICY: &str = "policies/customer-support/v1.0.policy";

/// `(tier, severity, submitted, pause, due)`: the deadlines the support desk
/// must get, from the table.
const TABLE: &[(&str, &str, &str, Option<&str>, &str)] = &[
    (
        "advanced",
        "sev-1",
        "2026-03-13T15:30:00+01:00",
        None,
        "2026-03-16T15:30:00+01:00",
    ),
    (
        "advanced",
        "sev-2",
        "2026-03-14T10:00:00+01:00",
        None,
        "2026-03-16T17:00:00+01:00",
    ),
    (
        "advanced",
        "sev-3",
        "2026-03-16T17:00:00+01:00",
        None,
        "2026-03-17T17:00:00+01:00",
    ),
    (
        "advanced",
        "sev-1",
        "2026-04-02T14:00:00+02:00",
        None,
        "2026-04-07T14:00:00+02:00",
    ),
    (
        "advanced",
        "sev-2",
        "2026-04-06T11:00:00+02:00",
        None,
        "2026-04-07T17:00:00+02:00",
    ),
    (
        "advanced",
        "sev-3",
        "2026-03-27T13:00:00+01:00",
        None,
        "2026-03-30T13:00:00+02:00",
    ),
    (
        "advanced",
        "sev-1",
        "2026-10-23T16:00:00+02:00",
        None,
        "2026-10-26T16:00:00+01:00",
    ),
    (
        "enterprise",
        "sev-2",
        "2026-03-29T00:30:00+01:00",
        None,
        "2026-03-29T05:30:00+02:00",
    ),
    (
        "enterprise",
        "sev-2",
        "2026-10-25T00:30:00+02:00",
        None,
        "2026-10-25T03:30:00+01:00",
    ),
    (
        "enterprise",
        "sev-4",
        "2027-03-25T15:00:00+01:00",
        None,
        "2027-03-31T15:00:00+02:00",
    ),
    (
        "advanced",
        "sev-4",
        "2026-05-13T16:00:00+02:00",
        None,
        "2026-05-18T16:00:00+02:00",
    ),
    (
        "enterprise",
        "sev-4",
        "2026-12-23T10:00:00+01:00",
        None,
        "2026-12-28T10:00:00+01:00",
    ),
    (
        "enterprise",
        "sev-2",
        "2026-06-12T16:00:00+02:00",
        Some("2026-06-12T17:00:00+02:00/2026-06-12T18:30:00+02:00"),
        "2026-06-12T21:30:00+02:00",
    ),
];

fn policyc(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_policyc"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
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

fn policy() -> policyc::facts::Valid {
    let source = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(POLICY))
        .expect("the shipped policy");
    let checked = policyc::check_source(&source);
    assert!(!checked.has_errors(), "{:?}", checked.diagnostics);
    checked.into_valid().expect("a model")
}

#[test]
fn the_table_through_the_cli() {
    for &(tier, severity, submitted, pause, due) in TABLE {
        let mut args = vec![
            "sla",
            POLICY,
            "--tier",
            tier,
            "--severity",
            severity,
            "--at",
            submitted,
        ];
        if let Some(pause) = pause {
            args.extend(["--pause", pause]);
        }
        let out = policyc(&args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert_eq!(stdout(&out), format!("{due}\n"), "{args:?}");
    }
}

#[test]
fn the_table_through_the_library() {
    let policy = policy();
    for &(tier, severity, submitted, pause, due) in TABLE {
        let pauses: Vec<Pause> = pause
            .map(|p| enforce::parse_pause(p).expect("a pause"))
            .into_iter()
            .collect();
        let case = Case {
            tier,
            severity,
            submitted: enforce::parse_instant(submitted).expect("an instant"),
            pauses: &pauses,
            now: None,
            at_risk_share: DEFAULT_AT_RISK_SHARE,
            metric: None,
            zone: None,
            calendar: None,
            hours: None,
        };
        let sla = enforce::sla(&policy, &case).expect("a deadline");
        let computed = sla.due.as_ref().map(enforce::format_instant);
        assert_eq!(
            computed.as_deref(),
            Some(due),
            "{tier} {severity} {submitted}"
        );
    }
}

#[test]
fn the_plain_case_is_one_line() {
    let out = policyc(&[
        "sla",
        POLICY,
        "--tier",
        "enterprise",
        "--severity",
        "sev-2",
        "--at",
        "2026-03-13T16:00:00+01:00",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "2026-03-13T20:00:00+01:00\n");
}

#[test]
fn best_effort_has_no_deadline() {
    let out = policyc(&[
        "sla",
        POLICY,
        "--tier",
        "community",
        "--severity",
        "sev-1",
        "--at",
        "2026-03-13T16:00:00+01:00",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "best-effort\n");
}

#[test]
fn now_adds_the_status() {
    let base = [
        "sla",
        POLICY,
        "--tier",
        "enterprise",
        "--severity",
        "sev-1",
        "--at",
        "2026-03-13T16:00:00+01:00",
        "--now",
    ];
    let run = |now: &str| {
        let mut args = base.to_vec();
        args.push(now);
        let out = policyc(&args);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        stdout(&out)
    };
    assert_eq!(
        run("2026-03-13T16:30:00+01:00"),
        "2026-03-13T18:00:00+01:00\non track: 1 hour 30 minutes left\n"
    );
    assert_eq!(
        run("2026-03-13T17:45:00+01:00"),
        "2026-03-13T18:00:00+01:00\nat risk: 15 minutes left\n"
    );
    assert_eq!(
        run("2026-03-13T20:00:00+01:00"),
        "2026-03-13T18:00:00+01:00\nbreached: overdue by 2 hours\n"
    );
}

#[test]
fn json_output() {
    let out = policyc(&[
        "sla",
        POLICY,
        "--tier",
        "advanced",
        "--severity",
        "sev-1",
        "--at",
        "2026-04-02T14:00:00+02:00",
        "--now",
        "2026-04-07T15:00:00+02:00",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(json["due"], "2026-04-07T14:00:00+02:00");
    assert_eq!(json["target"], "1 business day");
    assert_eq!(json["clock"], "business");
    assert_eq!(json["calendar"], "business-hours");
    assert_eq!(json["status"]["state"], "breached");
    assert_eq!(json["status"]["overdue_seconds"], 3600);
}

#[test]
fn status_through_the_library() {
    let policy = policy();
    let pauses = [
        enforce::parse_pause("2026-06-12T17:00:00+02:00/2026-06-12T18:30:00+02:00")
            .expect("a pause"),
    ];
    let case = Case {
        tier: "enterprise",
        severity: "sev-2",
        submitted: enforce::parse_instant("2026-06-12T16:00:00+02:00").expect("an instant"),
        pauses: &pauses,
        now: Some(enforce::parse_instant("2026-06-12T21:00:00+02:00").expect("an instant")),
        at_risk_share: DEFAULT_AT_RISK_SHARE,
        metric: None,
        zone: None,
        calendar: None,
        hours: None,
    };
    let status = enforce::sla(&policy, &case)
        .expect("a status")
        .status
        .expect("asked for");
    assert_eq!(status.state, SlaState::AtRisk);
    assert_eq!(status.remaining, Some(chrono::TimeDelta::minutes(30)));
}

#[test]
fn unknown_ids_suggest_the_closest() {
    let out = policyc(&[
        "sla",
        POLICY,
        "--tier",
        "enterprize",
        "--severity",
        "sev-2",
        "--at",
        "2026-03-13T16:00:00+01:00",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).is_empty());
    let err = stderr(&out);
    assert!(
        err.contains("unknown tier `enterprize`; did you mean `enterprise`?"),
        "{err}"
    );
    let out = policyc(&[
        "sla",
        POLICY,
        "--tier",
        "advanced",
        "--severity",
        "critical",
        "--at",
        "2026-03-13T16:00:00+01:00",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("unknown severity `critical`"), "{err}");
    assert!(err.contains("`sev-1`, `sev-2`, `sev-3`, `sev-4`"), "{err}");
}

#[test]
fn bad_timestamps_are_usage_errors() {
    for at in ["2026-03-13 16:00", "yesterday", "2026-02-30T10:00:00+01:00"] {
        let out = policyc(&[
            "sla",
            POLICY,
            "--tier",
            "advanced",
            "--severity",
            "sev-2",
            "--at",
            at,
        ]);
        assert_eq!(out.status.code(), Some(2), "{at}");
        assert!(
            stderr(&out).contains(&format!("`{at}` is not an RFC 3339 instant")),
            "{at}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn a_pause_ending_before_it_starts_is_refused() {
    let out = policyc(&[
        "sla",
        POLICY,
        "--tier",
        "enterprise",
        "--severity",
        "sev-2",
        "--at",
        "2026-06-12T16:00:00+02:00",
        "--pause",
        "2026-06-12T18:30:00+02:00/2026-06-12T17:00:00+02:00",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("ends before it starts"),
        "{}",
        stderr(&out)
    );
    let out = policyc(&[
        "sla",
        POLICY,
        "--tier",
        "enterprise",
        "--severity",
        "sev-2",
        "--at",
        "2026-06-12T16:00:00+02:00",
        "--pause",
        "2026-06-12T18:30:00+02:00",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("is not a pause"), "{}", stderr(&out));
}

#[test]
fn an_invalid_policy_exits_1_with_its_diagnostics() {
    let out = policyc(&[
        "sla",
        "tests/fixtures/invalid/E421-example-wrong-due.policy",
        "--tier",
        "advanced",
        "--severity",
        "sev-2",
        "--at",
        "2026-03-13T16:00:00+01:00",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("E421"), "{}", stderr(&out));
    let out = policyc(&[
        "sla",
        "no/such.policy",
        "--tier",
        "advanced",
        "--severity",
        "sev-2",
        "--at",
        "2026-03-13T16:00:00+01:00",
    ]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn calendars_come_from_the_model() {
    let policy = policy();
    let business_hours = policy.calendar("business-hours").expect("a calendar");
    let calendar = &business_hours.runtime;
    assert_eq!(calendar.tz, chrono_tz::Europe::Stockholm);
    assert_eq!(calendar.business_day_minutes(), 480);
    let day = |m, d| chrono::NaiveDate::from_ymd_opt(2026, m, d).expect("a date");
    assert_eq!(calendar.is_holiday(day(4, 6)), Some(enforce::HOLIDAY_NAME));
    assert!(
        calendar.is_business_day(day(6, 19)),
        "Midsummer Eve is a working day in v1.0"
    );
    assert!(calendar.is_business_day(day(4, 7)));
    assert!(!calendar.is_business_day(day(5, 14)), "Ascension Day");
    assert_eq!(
        enforce::closed_because(&policy, business_hours, day(4, 6)).as_deref(),
        Some("Easter Monday")
    );
    assert_eq!(
        enforce::closed_because(&policy, business_hours, day(4, 7)),
        None
    );
    assert_eq!(
        enforce::tier_calendar(&policy, "enterprise")
            .expect("a calendar")
            .id,
        "business-hours"
    );
    let unknown =
        enforce::lookup::<CalendarDecl>(policy.policy(), "busines-hours").expect_err("unknown");
    assert_eq!(
        unknown.to_string(),
        "unknown calendar `busines-hours`; did you mean `business-hours`?"
    );
}
