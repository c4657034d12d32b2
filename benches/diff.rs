//! `diff` of two synthetic policies of about 10,000 declarations each,
//! differing in 1% of their areas (prose and scope cells).

mod common;

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

fn diff_10k(c: &mut Criterion) {
    let shape = common::Shape {
        tiers: 8,
        severities: 4,
        areas: 10_000,
        prose_words: 20,
    };
    let old = policyc::check_source(&common::policy(shape));
    let new = policyc::check_source(&common::mutated(shape));
    assert!(
        !old.has_errors() && !new.has_errors(),
        "the synthetic policies must be valid"
    );
    let (Some(old), Some(new)) = (old.into_valid(), new.into_valid()) else {
        panic!("no model");
    };
    let d = policyc::diff::diff(&old, &new);
    assert!(
        d.changes.len() >= 200,
        "expected 1% of areas changed, got {}",
        d.changes.len()
    );
    let mut group = c.benchmark_group("diff");
    group.sample_size(10);
    group.bench_function("10k-declarations-1pct", |b| {
        b.iter(|| policyc::diff::diff(black_box(&old), black_box(&new)))
    });
    group.finish();
}

criterion_group!(benches, diff_10k);
criterion_main!(benches);
