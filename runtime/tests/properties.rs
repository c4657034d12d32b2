//! Property tests of the SLA clock over submissions spread across 2026–2030.

mod common;

use chrono::{DateTime, FixedOffset, TimeDelta, TimeZone};
use common::STOCKHOLM;
use policyc_runtime::{due, status, BusinessClock, Pause, ResponseTarget, DEFAULT_AT_RISK_SHARE};
use proptest::prelude::*;

/// 2026-01-01T00:00:00Z and 2031-01-01T00:00:00Z as Unix seconds.
const FROM: i64 = 1_767_225_600;
const TO: i64 = 1_924_992_000;

fn instant(secs: i64, offset_hours: i32) -> DateTime<FixedOffset> {
    FixedOffset::east_opt(offset_hours * 3600)
        .unwrap()
        .timestamp_opt(secs, 0)
        .unwrap()
}

fn submission() -> impl Strategy<Value = DateTime<FixedOffset>> {
    (FROM..TO, -5..=3i32).prop_map(|(s, o)| instant(s, o))
}

fn target() -> impl Strategy<Value = ResponseTarget> {
    prop_oneof![
        (0..6u32).prop_map(ResponseTarget::BusinessDays),
        (0..30u32).prop_map(ResponseTarget::BusinessHours),
        (0..200u32).prop_map(ResponseTarget::Hours24x7),
    ]
}

/// Up to four pauses starting within ten days around the submission.
fn pauses(submitted: DateTime<FixedOffset>) -> impl Strategy<Value = Vec<Pause>> {
    let base = submitted.timestamp();
    proptest::collection::vec((-86_400 * 2..86_400 * 10i64, 0..86_400 * 3i64), 0..4).prop_map(
        move |v| {
            v.into_iter()
                .map(|(start, len)| {
                    Pause::new(instant(base + start, 1), instant(base + start + len, 2))
                })
                .collect()
        },
    )
}

fn case() -> impl Strategy<Value = (ResponseTarget, DateTime<FixedOffset>, Vec<Pause>)> {
    (target(), submission()).prop_flat_map(|(t, s)| (Just(t), Just(s), pauses(s)))
}

/// Real time covered by the (possibly overlapping) pauses within `[from, to)`.
fn paused_within(pauses: &[Pause], from: i64, to: i64) -> i64 {
    let mut spans: Vec<(i64, i64)> = pauses
        .iter()
        .map(|p| (p.start.timestamp().max(from), p.end.timestamp().min(to)))
        .filter(|(s, e)| s < e)
        .collect();
    spans.sort_unstable();
    let (mut total, mut reach) = (0, i64::MIN);
    for (s, e) in spans {
        let s = s.max(reach);
        if e > s {
            total += e - s;
            reach = e;
        }
    }
    total
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn due_is_not_before_submission((target, submitted, pauses) in case()) {
        let d = due(&STOCKHOLM, target, submitted, &pauses).unwrap().unwrap();
        prop_assert!(d >= submitted);
    }

    #[test]
    fn later_submission_never_earlier_due(
        target in target(),
        submitted in submission(),
        later_by in 0..86_400 * 8i64,
    ) {
        let mut clock = BusinessClock::new(&STOCKHOLM);
        let a = clock.due(target, submitted, &[]).unwrap().unwrap();
        let later = submitted + TimeDelta::seconds(later_by);
        let b = clock.due(target, later, &[]).unwrap().unwrap();
        prop_assert!(b >= a, "{a} then {b}");
    }

    #[test]
    fn pauses_never_make_it_earlier((target, submitted, pauses) in case()) {
        let mut clock = BusinessClock::new(&STOCKHOLM);
        let without = clock.due(target, submitted, &[]).unwrap().unwrap();
        let with = clock.due(target, submitted, &pauses).unwrap().unwrap();
        prop_assert!(with >= without);
        for n in 0..pauses.len() {
            let fewer = clock.due(target, submitted, &pauses[..n]).unwrap().unwrap();
            prop_assert!(with >= fewer);
        }
    }

    #[test]
    fn continuous_due_counts_exactly(
        hours in 0..200u32,
        (_, submitted, pauses) in case(),
    ) {
        let target = ResponseTarget::Hours24x7(hours);
        let d = due(&STOCKHOLM, target, submitted, &pauses).unwrap().unwrap();
        let (from, to) = (submitted.timestamp(), d.timestamp());
        prop_assert_eq!(to - from - paused_within(&pauses, from, to), i64::from(hours) * 3600);
    }

    #[test]
    fn business_due_is_in_opening_hours_or_at_closing((target, submitted, pauses) in case()) {
        prop_assume!(!matches!(target, ResponseTarget::Hours24x7(_)));
        prop_assume!(target.nominal_minutes(480) != Some(0));
        let d = due(&STOCKHOLM, target, submitted, &pauses).unwrap().unwrap();
        // The instant just before the due instant was counted, so open: the due
        // instant is inside opening hours or exactly at a closing instant.
        prop_assert!(STOCKHOLM.is_open_at(d - TimeDelta::seconds(1)), "{d}");
    }

    #[test]
    fn status_at_due_has_used_the_whole_target((target, submitted, pauses) in case()) {
        let d = due(&STOCKHOLM, target, submitted, &pauses).unwrap().unwrap();
        let s = status(&STOCKHOLM, target, submitted, &pauses, d.fixed_offset(), DEFAULT_AT_RISK_SHARE)
            .unwrap();
        let minutes = target.nominal_minutes(480).unwrap();
        prop_assert_eq!(s.elapsed, TimeDelta::minutes(minutes as i64));
        prop_assert_eq!(s.remaining, Some(TimeDelta::zero()));
        prop_assert_eq!(s.overdue, None);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// Compares with a slow reference that steps minute by minute.
    #[test]
    fn business_hours_match_minute_stepping(
        hours in 1..12u32,
        minute in (FROM / 60)..(TO / 60),
        pause in proptest::option::of((0..60 * 24 * 4i64, 0..60 * 24 * 2i64)),
    ) {
        let submitted = instant(minute * 60, 1);
        let pauses: Vec<Pause> = pause
            .map(|(start, len)| {
                Pause::new(instant((minute + start) * 60, 0), instant((minute + start + len) * 60, 0))
            })
            .into_iter()
            .collect();
        let d = due(&STOCKHOLM, ResponseTarget::BusinessHours(hours), submitted, &pauses)
            .unwrap()
            .unwrap();
        let mut counted = 0;
        let mut at = submitted;
        while counted < hours * 60 {
            let paused = pauses.iter().any(|p| p.start <= at && at < p.end);
            if !paused && STOCKHOLM.is_open_at(at) {
                counted += 1;
            }
            at += TimeDelta::minutes(1);
        }
        prop_assert_eq!(d.timestamp(), at.timestamp());
    }
}

fn any_instant() -> impl Strategy<Value = DateTime<FixedOffset>> {
    prop_oneof![
        // Anywhere chrono can represent, mostly outside the supported range.
        (-8_000_000_000_000..8_000_000_000_000i64, -23..=23i32).prop_map(|(s, o)| instant(s, o)),
        // Near the edges of the supported range (1677-09-21 to 2262-04-11).
        (-9_223_372_036i64..-9_220_000_000, -23..=23i32).prop_map(|(s, o)| instant(s, o)),
        (9_220_000_000..9_223_372_036i64, -23..=23i32).prop_map(|(s, o)| instant(s, o)),
        submission(),
    ]
}

fn any_target() -> impl Strategy<Value = ResponseTarget> {
    prop_oneof![
        Just(ResponseTarget::BestEffort),
        any::<u32>().prop_map(ResponseTarget::BusinessDays),
        any::<u32>().prop_map(ResponseTarget::BusinessHours),
        any::<u32>().prop_map(ResponseTarget::Hours24x7),
        target(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any input gives a result or an error, never a panic.
    #[test]
    fn never_panics(
        target in any_target(),
        submitted in any_instant(),
        pauses in proptest::collection::vec((any_instant(), any_instant()), 0..3),
        now in any_instant(),
        share in prop_oneof![Just(f64::NAN), -1.0..2.0f64],
    ) {
        let pauses: Vec<Pause> = pauses.into_iter().map(|(a, b)| Pause::new(a, b)).collect();
        let _ = due(&STOCKHOLM, target, submitted, &pauses);
        let _ = status(&STOCKHOLM, target, submitted, &pauses, now, share);
    }
}
