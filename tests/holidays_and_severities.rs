//! Holiday sets, observed holidays, severity aliases and severity rules
//! through the command line and the library, on the fixture that uses
//! every form (`tests/fixtures/valid/holidays-and-severities.policy`).

use std::process::{Command, Output};

const FIXTURE: &str = "tests/fixtures/valid/holidays-and-severities.policy";

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

fn valid() -> policyc::facts::Valid {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE);
    let source = std::fs::read_to_string(path).expect("the fixture");
    policyc::check_source(&source)
        .into_valid()
        .expect("a valid fixture")
}

#[test]
fn sla_takes_a_severity_by_alias_in_any_case() {
    // Thursday 2 July 2026, 14:00 in New York; Friday 3 July is Independence
    // Day observed (4 July is a Saturday): due Monday 6 July, 14:00.
    for severity in ["high", "Priority 2", "priority 2", "P2", "p2"] {
        let out = policyc(&[
            "sla",
            FIXTURE,
            "--tier",
            "standard",
            "--severity",
            severity,
            "--at",
            "2026-07-02T14:00:00-04:00",
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        assert_eq!(
            text(&out.stdout),
            "2026-07-06T14:00:00-04:00\n",
            "{severity}"
        );
    }
    let out = policyc(&[
        "sla",
        FIXTURE,
        "--tier",
        "standard",
        "--severity",
        "Priorty 2",
        "--at",
        "2026-07-02T14:00:00-04:00",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("unknown severity `Priorty 2`; did you mean `Priority 2`?"),
        "{stderr}"
    );
    assert!(stderr.contains("`P1`"), "{stderr}");
}

#[test]
fn calendars_hold_their_sets_with_observed_dates() {
    let valid = valid();
    let us = valid.calendar("us-business-hours").expect("a calendar");
    let date = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    // Own holidays first (none), then the sets in the order listed.
    let ids: Vec<&str> = us
        .holidays
        .iter()
        .map(|(i, _)| valid.policy().decls[*i].id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "new-years-day",
            "mlk-day",
            "independence-day",
            "thanksgiving",
            "christmas-day",
            "boxing-day"
        ]
    );
    // Saturday 1 January 2022: observed Friday 31 December 2021.
    let new_year = valid.policy().index_of("new-years-day");
    assert_eq!(us.closed_because(date(2021, 12, 31)), Some(new_year));
    assert_eq!(us.closed_because(date(2022, 1, 1)), None);
    // The calendar's own closure day.
    assert_eq!(us.closed_because(date(2026, 11, 27)), Some(None));
    let japan = valid.calendar("japan-business-hours").expect("a calendar");
    assert_eq!(japan.holidays.len(), 6);
    assert_eq!(
        valid.policy().decls[japan.holidays[0].0].id.as_str(),
        "new-year-holidays"
    );
}

#[test]
fn granted_severity_by_the_rules() {
    use policyc::enforce::severity::granted_severity;
    let valid = valid();
    let granted = |requested, tier, license, channel| {
        granted_severity(&valid, requested, tier, license, channel).expect("known ids")
    };
    assert_eq!(
        granted(
            Some("P1"),
            Some("standard"),
            Some("development-license"),
            None
        ),
        Some("normal")
    );
    assert_eq!(
        granted(None, Some("standard"), None, Some("email")),
        Some("normal")
    );
    assert_eq!(granted(None, Some("standard"), None, Some("web")), None);
    assert_eq!(
        granted(Some("urgent"), Some("japan"), None, None),
        Some("high")
    );
    assert!(granted_severity(&valid, Some("sev-9"), None, None, None).is_err());
    assert!(granted_severity(&valid, None, Some("gold"), None, None).is_err());
}

#[test]
fn the_document_renders_each_set_once() {
    let out = policyc(&["render", FIXTURE, "--format", "markdown"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let md = text(&out.stdout);
    assert_eq!(md.matches("| Independence Day |").count(), 1, "{md}");
    assert!(
        md.contains("| Independence Day | July 4 (observed: Saturday → Friday, Sunday → Monday) |")
    );
    assert!(md.contains("Included by: U.S. business hours, Japan business hours."));
    assert!(md.contains("Holiday sets: U.S. federal holidays, Company days."));
    assert!(md.contains("| URGENT | Urgent | Priority 1; P1 | Production is down. | |"));
    assert!(md.contains("| Japanese-language support | Tiers: Japan | High | Low |"));
    let json = policyc(&["render", FIXTURE, "--format", "json"]);
    let json = text(&json.stdout);
    assert!(json.contains("\"observed\": \"nearest-weekday\""), "{json}");
    assert!(json.contains("\"aliases\": ["), "{json}");
    let yaml = policyc(&["render", FIXTURE, "--format", "yaml"]);
    assert!(text(&yaml.stdout).contains("highest-severity: high"));
}
