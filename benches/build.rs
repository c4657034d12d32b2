//! `build` of a policy with about 100,000 grid cells (1,000 scope areas ×
//! 100 tiers): check plus every emitter; and how long rustc takes to compile
//! the generated Rust for it.

mod common;

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;

fn build_100k_cells(c: &mut Criterion) {
    let source = common::policy(common::Shape::of_cells(100_000));
    let checked = policyc::check_source(&source);
    let Some(policy) = checked.valid().filter(|_| !checked.has_errors()) else {
        panic!("the synthetic policy must be valid");
    };
    let meta = policyc::emit::Meta::new("synthetic.policy", &source, policy.policy());
    let mut group = c.benchmark_group("build");
    group.sample_size(10);
    group.bench_function("check 100k cells", |b| {
        b.iter(|| policyc::check_source(black_box(&source)))
    });
    for format in policyc::emit::Format::ALL {
        group.bench_function(format!("emit {format} 100k cells"), |b| {
            b.iter(|| policyc::emit::emit(format, black_box(policy), &meta))
        });
    }
    group.bench_function("check and emit all 100k cells", |b| {
        b.iter(|| {
            let checked = policyc::check_source(black_box(&source));
            checked.valid().map(|p| policyc::emit::outputs(p, &meta))
        })
    });
    group.finish();

    // Compiling the generated Rust: rustc on the emitted file, linked
    // against the runtime library this bench was built with.
    let rust = policyc::emit::emit(policyc::emit::Format::Rust, policy, &meta);
    let Some((deps, runtime)) = runtime_rlib() else {
        eprintln!(
            "skipping the compile bench: libpolicyc_runtime rlib not found next to the bench"
        );
        return;
    };
    let dir = std::env::temp_dir().join(format!("policyc-bench-{}", std::process::id()));
    if std::fs::create_dir_all(&dir).is_err()
        || std::fs::write(dir.join("generated.rs"), &rust).is_err()
    {
        eprintln!(
            "skipping the compile bench: cannot write to {}",
            dir.display()
        );
        return;
    }
    let mut group = c.benchmark_group("compile generated");
    group.sample_size(10);
    for (name, opt) in [
        ("rustc debug 100k cells", "0"),
        ("rustc release 100k cells", "3"),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| {
                let status = Command::new("rustc")
                    .args([
                        "--edition",
                        "2021",
                        "--crate-type",
                        "lib",
                        "--crate-name",
                        "generated",
                    ])
                    .arg(format!("-Copt-level={opt}"))
                    .arg("-L")
                    .arg(format!("dependency={}", deps.display()))
                    .arg("--extern")
                    .arg(format!("policyc_runtime={}", runtime.display()))
                    .arg("--out-dir")
                    .arg(&dir)
                    .arg(dir.join("generated.rs"))
                    .status();
                assert!(
                    status.is_ok_and(|s| s.success()),
                    "the generated Rust must compile"
                );
            })
        });
    }
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

/// The deps folder of this build and the runtime's rlib in it.
fn runtime_rlib() -> Option<(PathBuf, PathBuf)> {
    let exe = std::env::current_exe().ok()?;
    let deps: &Path = exe.parent()?;
    let rlib = std::fs::read_dir(deps)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("libpolicyc_runtime-") && n.ends_with(".rlib"))
        })
        .max_by_key(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok())?;
    Some((deps.to_path_buf(), rlib))
}

criterion_group!(benches, build_100k_cells);
criterion_main!(benches);
