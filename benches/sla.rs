//! SLA throughput: one-business-day due dates per second on one core, with a
//! `BusinessClock` (holidays cached per year) over the shipped policy's
//! calendar, for submissions spread across 2026–2030, and the same through
//! the free function `due` (a fresh cache per call) for comparison.

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

criterion_group!(benches, sla_throughput);
criterion_main!(benches);
