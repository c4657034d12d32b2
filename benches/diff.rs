//! `diff` of two synthetic policies of about 10,000 declarations each,
//! differing in 1% of their areas (prose and scope cells); and the same
//! pair with business targets on a calendar whose opening hours change,
//! so that every target on it is compared submission by submission over
//! four years (`facts::deadlines`).

mod common;

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// `source` with a calendar (the default one, which every tier runs on)
/// open `open`, and every target on the business clock.
fn with_calendar(source: &str, open: &str) -> String {
    let channel = "    channel web \"Web\" { short: \"Web\" }\n";
    let calendar = format!(
        "{channel}    calendar office \"Office\" {{\n        zone: \"Europe/Stockholm\"\n        open: {open}\n        holiday christmas \"Christmas\" {{ on: 12-25 }}\n        holiday midsummer \"Midsummer\" {{ on: 06-24 }}\n    }}\n"
    );
    source
        .replacen(channel, &calendar, 1)
        .replace(" hours 24x7 |", " business hours |")
}

fn valid(source: &str) -> policyc::facts::Valid {
    let checked = policyc::check_source(source);
    assert!(
        !checked.has_errors(),
        "the synthetic policies must be valid: {:#?}",
        checked
            .diagnostics
            .iter()
            .filter(|d| d.severity == policyc::diagnostic::Severity::Error)
            .take(3)
            .collect::<Vec<_>>()
    );
    checked.into_valid().expect("a model")
}

fn diff_10k(c: &mut Criterion) {
    let shape = common::Shape {
        tiers: 8,
        severities: 4,
        areas: 10_000,
        prose_words: 20,
    };
    let old = valid(&common::policy(shape));
    let new = valid(&common::mutated(shape));
    let d = policyc::diff::diff(&old, &new);
    assert!(
        d.changes.len() >= 200,
        "expected 1% of areas changed, got {}",
        d.changes.len()
    );
    let old_cal = valid(&with_calendar(
        &common::policy(shape),
        "mon-fri 09:00-17:00",
    ));
    let new_cal = valid(&with_calendar(
        &common::mutated(shape),
        "[mon-fri 08:00-17:00, sat 10:00-14:00]",
    ));
    let started = Instant::now();
    let d = policyc::diff::diff(&old_cal, &new_cal);
    let took = started.elapsed();
    let calendar = d
        .changes
        .iter()
        .find(|c| c.id == "office")
        .expect("the calendar change");
    assert!(
        calendar.reason.contains("for its targets"),
        "compared by deadlines: {}",
        calendar.reason
    );
    assert!(
        took < Duration::from_secs(1),
        "a diff with a calendar change took {took:?}"
    );
    let mut group = c.benchmark_group("diff");
    group.sample_size(10);
    group.bench_function("10k-declarations-1pct", |b| {
        b.iter(|| policyc::diff::diff(black_box(&old), black_box(&new)))
    });
    group.bench_function("10k-declarations-calendar-change", |b| {
        b.iter(|| policyc::diff::diff(black_box(&old_cal), black_box(&new_cal)))
    });
    group.finish();
}

criterion_group!(benches, diff_10k);
criterion_main!(benches);
