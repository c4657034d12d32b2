//! The worked examples of first-response deadlines, computed by the
//! generated `first_response_due` on the generated calendar.

use policyc_runtime::chrono::DateTime;
use policyc_runtime::{format_rfc3339, Pause, ResponseTarget, SlaError};
use support_desk::v1_0::{self, Severity, Tier};

fn at(text: &str) -> DateTime<policyc_runtime::chrono::FixedOffset> {
    DateTime::parse_from_rfc3339(text).expect("an RFC 3339 instant")
}

fn due(tier: Tier, severity: Severity, submitted: &str, pauses: &[Pause]) -> Option<String> {
    v1_0::first_response_due(tier, severity, at(submitted), pauses)
        .expect("the clock accepts the case")
        .map(|d| format_rfc3339(&d))
}

#[test]
fn worked_examples() {
    use Severity::{Sev1, Sev2, Sev4};
    use Tier::{Advanced, Enterprise};
    let table: [(&str, Tier, Severity, &str); 12] = [
        // Friday afternoon: one business day is Monday, same time.
        (
            "2026-03-13T15:30:00+01:00",
            Advanced,
            Sev1,
            "2026-03-16T15:30:00+01:00",
        ),
        // Saturday: the clock starts on Monday at 09:00.
        (
            "2026-03-14T10:00:00+01:00",
            Advanced,
            Sev1,
            "2026-03-16T17:00:00+01:00",
        ),
        // Submitted at closing time.
        (
            "2026-03-16T17:00:00+01:00",
            Advanced,
            Sev1,
            "2026-03-17T17:00:00+01:00",
        ),
        // Good Friday and Easter Monday are closed.
        (
            "2026-04-02T14:00:00+02:00",
            Advanced,
            Sev1,
            "2026-04-07T14:00:00+02:00",
        ),
        // Submitted on Easter Monday.
        (
            "2026-04-06T11:00:00+02:00",
            Advanced,
            Sev1,
            "2026-04-07T17:00:00+02:00",
        ),
        // Across the start of summer time.
        (
            "2026-03-27T13:00:00+01:00",
            Advanced,
            Sev1,
            "2026-03-30T13:00:00+02:00",
        ),
        // Across the end of summer time.
        (
            "2026-10-23T16:00:00+02:00",
            Advanced,
            Sev1,
            "2026-10-26T16:00:00+01:00",
        ),
        // 4 hours 24x7 over the spring clock change: one real hour is skipped.
        (
            "2026-03-29T00:30:00+01:00",
            Enterprise,
            Sev2,
            "2026-03-29T05:30:00+02:00",
        ),
        // ... and over the autumn one: one hour is repeated.
        (
            "2026-10-25T00:30:00+02:00",
            Enterprise,
            Sev2,
            "2026-10-25T03:30:00+01:00",
        ),
        // Two business days over Easter 2027.
        (
            "2027-03-25T15:00:00+01:00",
            Advanced,
            Sev4,
            "2027-03-31T15:00:00+02:00",
        ),
        // Two business days over Ascension Day.
        (
            "2026-05-13T16:00:00+02:00",
            Advanced,
            Sev4,
            "2026-05-18T16:00:00+02:00",
        ),
        // Two business days over Christmas.
        (
            "2026-12-23T10:00:00+01:00",
            Advanced,
            Sev4,
            "2026-12-28T10:00:00+01:00",
        ),
    ];
    for (submitted, tier, severity, expected) in table {
        assert_eq!(
            due(tier, severity, submitted, &[]).as_deref(),
            Some(expected),
            "{tier} {severity} submitted {submitted}"
        );
    }
}

#[test]
fn targets_of_the_examples() {
    assert_eq!(
        v1_0::response_time(Severity::Sev1, Tier::Advanced),
        ResponseTarget::BusinessDays(1)
    );
    assert_eq!(
        v1_0::response_time(Severity::Sev2, Tier::Enterprise),
        ResponseTarget::Hours24x7(4)
    );
    assert_eq!(
        v1_0::response_time(Severity::Sev4, Tier::Advanced),
        ResponseTarget::BusinessDays(2)
    );
}

#[test]
fn paused_while_waiting_for_the_customer() {
    let pause = Pause::new(
        at("2026-06-12T17:00:00+02:00"),
        at("2026-06-12T18:30:00+02:00"),
    );
    assert_eq!(
        due(
            Tier::Enterprise,
            Severity::Sev2,
            "2026-06-12T16:00:00+02:00",
            &[pause]
        )
        .as_deref(),
        Some("2026-06-12T21:30:00+02:00")
    );
    // Through the support-desk API too.
    let due = support_desk::first_response_due_paused(
        Tier::Enterprise,
        Severity::Sev2,
        at("2026-06-12T16:00:00+02:00"),
        &[pause],
    );
    assert_eq!(
        due.map(|d| d.map(|d| format_rfc3339(&d))),
        Ok(Some("2026-06-12T21:30:00+02:00".to_owned()))
    );
}

#[test]
fn best_effort_and_errors() {
    for severity in Severity::ALL {
        assert_eq!(
            due(Tier::Community, severity, "2026-03-13T15:30:00+01:00", &[]),
            None
        );
    }
    let backwards = Pause::new(
        at("2026-06-12T18:30:00+02:00"),
        at("2026-06-12T17:00:00+02:00"),
    );
    assert_eq!(
        v1_0::first_response_due(
            Tier::Enterprise,
            Severity::Sev2,
            at("2026-06-12T16:00:00+02:00"),
            &[backwards]
        ),
        Err(SlaError::PauseEndsBeforeStart)
    );
}

#[test]
fn every_tier_counts_on_the_business_calendar() {
    for tier in Tier::ALL {
        assert!(std::ptr::eq(
            v1_0::calendar_for_tier(tier),
            &v1_0::BUSINESS_HOURS
        ));
    }
}
