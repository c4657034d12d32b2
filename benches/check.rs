//! `check` throughput on synthetic policies up to about 10 MB, with
//! serde_yaml and serde_json loading the same content as plain data.

mod common;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;

fn check_throughput(c: &mut Criterion) {
    let mut group = c.benchmark_group("check");
    group.sample_size(10);
    for megabytes in [1usize, 4, 10] {
        let shape = common::Shape::of_size(megabytes * 1_000_000);
        let policy = common::policy(shape);
        let yaml = common::yaml(shape);
        let json = common::json(shape);
        let checked = policyc::check_source(&policy);
        assert!(!checked.has_errors(), "the synthetic policy must be valid");
        group.throughput(Throughput::Bytes(policy.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("policyc", megabytes),
            &policy,
            |b, text| b.iter(|| policyc::check_source(black_box(text))),
        );
        group.throughput(Throughput::Bytes(yaml.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("serde_yaml", megabytes),
            &yaml,
            |b, text| b.iter(|| serde_yaml::from_str::<serde_yaml::Value>(black_box(text))),
        );
        group.throughput(Throughput::Bytes(json.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("serde_json", megabytes),
            &json,
            |b, text| b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(text))),
        );
    }
    group.finish();
}

criterion_group!(benches, check_throughput);
criterion_main!(benches);
