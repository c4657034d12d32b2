//! `policyc site` of every shipped policy: the pages (index, every version,
//! the changes between consecutive versions, pictures included) from the
//! checked policies, and the whole run from the files' bytes (reading and
//! checking each policy too), as the command does it.

use criterion::{criterion_group, criterion_main, Criterion};
use policyc::emit::Meta;
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

/// A shipped policy: its name as shown, its bytes and its path.
type Source = (String, Vec<u8>, std::path::PathBuf);

/// Every shipped policy's bytes, with its path.
fn sources() -> Vec<Source> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    policyc::files::find_policies(&[root.join("policies")])
        .expect("the shipped policies")
        .into_iter()
        .map(|path| {
            let name = path
                .strip_prefix(root)
                .map_or_else(|_| path.display().to_string(), |p| p.display().to_string());
            (name, std::fs::read(&path).expect("readable"), path)
        })
        .collect()
}

fn options() -> policyc::site::Options {
    policyc::site::Options {
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 30).expect("a date"),
        examples: false,
    }
}

/// Reads every policy's shared files and checks it.
fn check(sources: &[Source]) -> Vec<(String, policyc::Checked)> {
    sources
        .iter()
        .map(|(_, bytes, path)| {
            policyc::check_bytes_with(bytes, &policyc::files::read_beside(path))
        })
        .collect()
}

/// The metadata of every checked policy.
fn metas(checked: &[(String, policyc::Checked)], sources: &[Source]) -> Vec<Meta> {
    checked
        .iter()
        .zip(sources)
        .map(|((source, c), (name, _, _))| {
            Meta::new(name, source, c.valid().expect("valid").policy())
        })
        .collect()
}

/// The site's input: each checked policy with its metadata.
fn pairs<'a>(
    checked: &'a [(String, policyc::Checked)],
    metas: &'a [Meta],
) -> Vec<(&'a policyc::facts::Valid, &'a Meta)> {
    checked
        .iter()
        .map(|(_, c)| c.valid().expect("valid"))
        .zip(metas)
        .collect()
}

/// Checks every policy and builds the site.
fn whole(sources: &[Source]) -> usize {
    let checked = check(sources);
    let metas = metas(&checked, sources);
    policyc::site::build(&pairs(&checked, &metas), &options()).len()
}

fn site(c: &mut Criterion) {
    let sources = sources();
    let started = Instant::now();
    let pages = whole(&sources);
    let took = started.elapsed();
    assert_eq!(pages, 13, "index, 9 versions, 3 changes pages");
    assert!(took < Duration::from_secs(1), "the site took {took:?}");

    let checked = check(&sources);
    let metas = metas(&checked, &sources);
    let pairs = pairs(&checked, &metas);

    let mut group = c.benchmark_group("site");
    group.sample_size(10);
    group.bench_function("shipped-policies-pages", |b| {
        b.iter(|| policyc::site::build(black_box(&pairs), &options()))
    });
    group.bench_function("shipped-policies-check-and-pages", |b| {
        b.iter(|| whole(black_box(&sources)))
    });
    group.finish();
}

criterion_group!(benches, site);
criterion_main!(benches);
