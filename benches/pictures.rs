//! The pictures of the website (`site::pictures`): the coverage grid of
//! every tier of every shipped policy, and the heatmaps of every pair of
//! consecutive shipped versions (the diffs computed beforehand, as the
//! site computes them for its "what changed" pages). The whole must take
//! well under the second the site of every shipped policy has to build in.

use criterion::{criterion_group, criterion_main, Criterion};
use policyc::facts::Valid;
use policyc::schema::Kind;
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

/// Each shipped policy's versions, oldest first.
const SHIPPED: [(&str, &[&str]); 6] = [
    ("atlassian", &["v1.0"]),
    ("clickhouse", &["v1.0", "v2.0"]),
    ("cockroachlabs", &["v1.0"]),
    ("customer-support", &["v1.0", "v1.1"]),
    ("github", &["v1.0", "v1.1"]),
    ("redhat", &["v1.0"]),
];

/// A shipped policy, read with the shared files of its directory.
fn shipped(dir: &str, version: &str) -> Valid {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("policies")
        .join(dir)
        .join(format!("{version}.policy"));
    let bytes = std::fs::read(&path).expect("a shipped policy");
    let (_, checked) = policyc::check_bytes_with(&bytes, &policyc::files::read_beside(&path));
    checked.into_valid().expect("the shipped policy is valid")
}

/// Every picture of every shipped policy: how many were drawn.
fn draw_all(versions: &[Vec<Valid>], changes: &[Vec<Vec<policyc::diff::Change>>]) -> usize {
    let mut drawn = 0;
    for (valids, diffs) in versions.iter().zip(changes) {
        for valid in valids {
            for tier in valid.policy().of_kind(Kind::Tier) {
                drawn += usize::from(
                    policyc::site::pictures::coverage(valid, tier.id.as_str()).is_some(),
                );
            }
        }
        for (pair, changes) in valids.windows(2).zip(diffs) {
            drawn += policyc::site::pictures::heatmaps(&pair[0], &pair[1], changes).len();
        }
    }
    drawn
}

fn pictures(c: &mut Criterion) {
    let versions: Vec<Vec<Valid>> = SHIPPED
        .iter()
        .map(|(dir, vs)| vs.iter().map(|v| shipped(dir, v)).collect())
        .collect();
    let changes: Vec<Vec<Vec<policyc::diff::Change>>> = versions
        .iter()
        .map(|vs| {
            vs.windows(2)
                .map(|p| policyc::diff::diff(&p[0], &p[1]).changes)
                .collect()
        })
        .collect();
    let started = Instant::now();
    let drawn = draw_all(&versions, &changes);
    let took = started.elapsed();
    assert!(drawn >= 30, "every tier and changed target drawn: {drawn}");
    assert!(
        took < Duration::from_secs(1),
        "the pictures of every shipped policy took {took:?}"
    );
    let mut group = c.benchmark_group("pictures");
    group.sample_size(20);
    group.bench_function("every-shipped-policy", |b| {
        b.iter(|| draw_all(black_box(&versions), black_box(&changes)))
    });
    group.bench_function("coverage-customer-support-enterprise", |b| {
        b.iter(|| policyc::site::pictures::coverage(black_box(&versions[3][1]), "enterprise"))
    });
    group.bench_function("heatmaps-customer-support-v1.0-v1.1", |b| {
        b.iter(|| {
            policyc::site::pictures::heatmaps(
                black_box(&versions[3][0]),
                black_box(&versions[3][1]),
                black_box(&changes[3][0]),
            )
        })
    });
    group.finish();
}

criterion_group!(benches, pictures);
criterion_main!(benches);
