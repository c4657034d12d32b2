//! SLA throughput: one-business-day due dates per second on one core, with a
//! `BusinessClock` (holidays cached per year) over the shipped policy's
//! calendar, for submissions spread across 2026–2030, and the same through
//! the free function `due` (a fresh cache per call) for comparison; and
//! the clocks the vendors' policies brought: minutes on a named calendar
//! (Atlassian's 24/5 week), hours in the customer's zone (Red Hat, through
//! `enforce::Clocks` as `policyc sla` and `policyc test` run it), and a
//! cadence (Red Hat's ongoing response, counted from the last update).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use policyc_runtime::chrono::{DateTime, FixedOffset, TimeDelta};
use policyc_runtime::{due, BusinessClock, ResponseTarget};
use std::hint::black_box;

const POLICY: &str = "policies/customer-support/v1.0.policy";

/// Submissions every 7 hours 13 minutes from 2026-01-01 to the end of 2030:
/// every weekday, weekend, holiday and time of day comes up.
fn submissions() -> Vec<DateTime<FixedOffset>> {
    let start = DateTime::parse_from_rfc3339("2026-01-01T00:00:00+01:00").expect("an instant");
    let end = DateTime::parse_from_rfc3339("2031-01-01T00:00:00+01:00").expect("an instant");
    let step = TimeDelta::minutes(7 * 60 + 13);
    let mut out = Vec::new();
    let mut t = start;
    while t < end {
        out.push(t);
        t += step;
    }
    out
}

fn sla_throughput(c: &mut Criterion) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(POLICY);
    let source = std::fs::read_to_string(path).expect("the shipped policy");
    let policy = policyc::check_source(&source)
        .into_valid()
        .expect("the shipped policy is valid");
    let calendar = policy
        .calendar("business-hours")
        .expect("its calendar")
        .runtime
        .clone();
    let submissions = submissions();
    let target = ResponseTarget::BusinessDays(1);

    let mut group = c.benchmark_group("sla");
    group.throughput(Throughput::Elements(submissions.len() as u64));
    group.bench_function("business_clock_1bd_2026_2030", |b| {
        let mut clock = BusinessClock::new(&calendar);
        b.iter(|| {
            for &s in &submissions {
                black_box(clock.due(target, black_box(s), &[]).ok());
            }
        })
    });
    group.bench_function("free_due_1bd_2026_2030", |b| {
        b.iter(|| {
            for &s in &submissions {
                black_box(due(&calendar, target, black_box(s), &[]).ok());
            }
        })
    });
    group.finish();
}

fn valid(path: &str) -> policyc::facts::Valid {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let source = std::fs::read_to_string(path).expect("a shipped policy");
    policyc::check_source(&source)
        .into_valid()
        .expect("a valid shipped policy")
}

fn new_clocks(c: &mut Criterion) {
    let submissions = submissions();
    let mut group = c.benchmark_group("clocks");
    group.throughput(Throughput::Elements(submissions.len() as u64));

    // 30 business minutes on Atlassian's 24/5 week (a calendar a cell names).
    let atlassian = valid("policies/atlassian/v1.0.policy");
    let week = atlassian
        .calendar("twenty-four-five")
        .expect("the 24/5 calendar")
        .runtime
        .clone();
    group.bench_function("business_minutes_on_24x5_2026_2030", |b| {
        let mut clock = BusinessClock::new(&week);
        let target = ResponseTarget::BusinessMinutes(30);
        b.iter(|| {
            for &s in &submissions {
                black_box(clock.due(target, black_box(s), &[]).ok());
            }
        })
    });

    // Red Hat Standard Severity 2 (4 business hours of 09:00-18:00) in the
    // customer's zone, Tokyo, as `policyc sla --zone` computes it.
    let redhat = valid("policies/redhat/v1.0.policy");
    let tokyo: policyc_runtime::chrono_tz::Tz = "Asia/Tokyo".parse().expect("a zone");
    let case = |submitted, metric| policyc::enforce::Case {
        tier: "standard",
        severity: "sev-2",
        submitted,
        pauses: &[],
        now: None,
        at_risk_share: policyc_runtime::DEFAULT_AT_RISK_SHARE,
        metric: Some(metric),
        zone: Some(tokyo),
        calendar: None,
        hours: None,
    };
    group.bench_function("customer_zone_enforce_2026_2030", |b| {
        let mut clocks = policyc::enforce::Clocks::new(&redhat);
        b.iter(|| {
            for &s in &submissions {
                black_box(clocks.sla(&case(black_box(s), "initial-response")).ok());
            }
        })
    });
    // The same in the generated code's way: the calendar moved to the
    // customer's zone once, one clock kept for the customer.
    let in_tokyo = redhat
        .calendar("north-america-business-hours")
        .expect("the North American calendar")
        .runtime
        .in_zone(tokyo);
    group.bench_function("customer_zone_clock_2026_2030", |b| {
        let mut clock = BusinessClock::new(&in_tokyo);
        let target = ResponseTarget::BusinessHours(4);
        b.iter(|| {
            for &s in &submissions {
                black_box(clock.due(target, black_box(s), &[]).ok());
            }
        })
    });
    // Red Hat's ongoing response (a cadence: `submitted` is the last update).
    group.bench_function("cadence_enforce_2026_2030", |b| {
        let mut clocks = policyc::enforce::Clocks::new(&redhat);
        b.iter(|| {
            for &s in &submissions {
                black_box(clocks.sla(&case(black_box(s), "ongoing-response")).ok());
            }
        })
    });
    group.finish();
}

criterion_group!(benches, sla_throughput, new_clocks);
criterion_main!(benches);
