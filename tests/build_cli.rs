//! `policyc build`, `build --check` and `render` as a user runs them.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const V1_0: &str = include_str!("../policies/customer-support/v1.0.policy");

fn policyc(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_policyc"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("runs policyc")
}

/// A fresh project folder with the shipped v1.0 and a v1.1 that lowers the
/// Self-Serve price.
fn project(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    let policies = dir.join("policies/customer-support");
    std::fs::create_dir_all(&policies).expect("a temp dir");
    std::fs::write(policies.join("v1.0.policy"), V1_0).expect("writes");
    let v1_1 = V1_0
        .replacen("version:   1.0", "version:   1.1", 1)
        .replacen("effective: 2026-06", "effective: 2026-09", 1)
        .replacen("EUR 250/node/month", "EUR 200/node/month", 1);
    assert_ne!(v1_1, V1_0);
    std::fs::write(policies.join("v1.1.policy"), v1_1).expect("writes");
    dir
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn build_writes_every_output_then_nothing() {
    let dir = project("build-writes");
    let first = policyc(&["build"], &dir);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    for file in [
        "customer-support/v1.0.rs",
        "customer-support/v1.0.json",
        "customer-support/v1.0.yaml",
        "customer-support/v1.0.md",
        "customer-support/v1.1.md",
        "customer-support/changes-v1.0-to-v1.1.md",
        "policyc-1.schema.json",
    ] {
        let text = std::fs::read_to_string(dir.join("generated").join(file)).expect(file);
        assert!(
            text.contains("@generated"),
            "{file} has no @generated marker"
        );
    }
    let changes =
        std::fs::read_to_string(dir.join("generated/customer-support/changes-v1.0-to-v1.1.md"))
            .expect("the change summary");
    assert!(changes.contains("self-serve"), "{changes}");
    assert!(changes.contains("extension"), "{changes}");
    // Nothing changed: nothing is rewritten, and --check passes.
    let second = policyc(&["build"], &dir);
    assert!(stderr(&second).contains("0 written"), "{}", stderr(&second));
    let check = policyc(&["build", "--check"], &dir);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    // No temporary files are left behind.
    let leftovers: Vec<_> = std::fs::read_dir(dir.join("generated/customer-support"))
        .expect("lists")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

/// Each change summary is announced with its classes; a new version that
/// breaks the version rules fails the build and writes nothing, unless
/// `--allow-violations` writes it; once written, it is accepted as is.
#[test]
fn build_announces_summaries_and_fails_on_violations() {
    let dir = project("build-violations");
    let out = policyc(&["build"], &dir);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(
            "changes customer-support 1.0 → 1.1: 1 change: 0 reductions, 1 extension, 0 editorial; bump required: minor, declared: minor"
        ),
        "{}",
        stderr(&out)
    );
    // A higher price under a patch version: a reduction, not announced.
    let v1_0_1 = V1_0
        .replacen("version:   1.0", "version:   1.0.1", 1)
        .replacen("effective: 2026-06", "effective: 2026-09", 1)
        .replacen("EUR 250/node/month", "EUR 300/node/month", 1);
    let policies = dir.join("policies/customer-support");
    std::fs::remove_file(policies.join("v1.1.policy")).expect("removes");
    std::fs::write(policies.join("v1.0.1.policy"), v1_0_1).expect("writes");
    let _ = std::fs::remove_dir_all(dir.join("generated"));
    let summary = dir.join("generated/customer-support/changes-v1.0-to-v1.0.1.md");
    let out = policyc(&["build"], &dir);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("1 reduction"), "{err}");
    assert!(err.contains("violation [version-not-bumped]"), "{err}");
    assert!(err.contains("--allow-violations"), "{err}");
    assert!(!dir.join("generated").exists(), "nothing written");
    // Written anyway on request, the violation at the summary's head.
    let out = policyc(&["build", "--allow-violations"], &dir);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = std::fs::read_to_string(&summary).expect("the summary");
    assert!(text.contains("version-not-bumped"), "{text}");
    // The summary on disk states the violation: accepted as written.
    let out = policyc(&["build"], &dir);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("accepted"), "{}", stderr(&out));
    let check = policyc(&["build", "--check"], &dir);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
}

#[test]
fn build_check_reports_stale_and_missing_outputs() {
    let dir = project("build-check");
    assert_eq!(policyc(&["build"], &dir).status.code(), Some(0));
    let md = dir.join("generated/customer-support/v1.0.md");
    std::fs::write(&md, "stale\n").expect("writes");
    std::fs::remove_file(dir.join("generated/customer-support/v1.0.json")).expect("removes");
    let check = policyc(&["build", "--check"], &dir);
    assert_eq!(check.status.code(), Some(1));
    let err = stderr(&check);
    assert!(err.contains("v1.0.md is out of date"), "{err}");
    assert!(err.contains("v1.0.json is missing"), "{err}");
    let diff = String::from_utf8_lossy(&check.stdout);
    assert!(diff.contains("-stale"), "a unified diff: {diff}");
    assert_eq!(
        std::fs::read_to_string(&md).expect("reads"),
        "stale\n",
        "--check writes nothing"
    );
}

#[test]
fn an_invalid_policy_writes_nothing() {
    let dir = project("build-invalid");
    let broken = V1_0.replacen("tier:     community", "tier:     comunity", 1);
    assert_ne!(broken, V1_0);
    std::fs::write(dir.join("policies/customer-support/v1.1.policy"), broken).expect("writes");
    let out = policyc(&["build"], &dir);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("E111"), "{}", stderr(&out));
    assert!(!dir.join("generated").exists(), "nothing written");
}

/// Two files that are the same version of one policy would write the same
/// outputs, one over the other: `build` and `site` refuse, naming both.
#[test]
fn two_files_of_one_version_write_nothing() {
    let dir = project("same-version");
    let policies = dir.join("policies/customer-support");
    std::fs::write(policies.join("copy-of-v1.0.policy"), V1_0).expect("writes");
    for args in [&["build"][..], &["site", "--today", "2026-11-30"][..]] {
        let out = policyc(args, &dir);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        let expected = "error: nothing written: policies/customer-support/copy-of-v1.0.policy and policies/customer-support/v1.0.policy are both version 1.0 of `customer-support`";
        assert!(
            stderr(&out).contains(expected),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    assert!(!dir.join("generated").exists());
    assert!(!dir.join("site").exists());
}

#[test]
fn render_prints_one_output() {
    let dir = project("render");
    for (format, needle) in [
        ("rust", "pub fn response_time("),
        ("json", "\"format\": \"policyc/1\""),
        ("yaml", "format: policyc/1"),
        ("markdown", "# Customer Support policy"),
    ] {
        let out = policyc(
            &[
                "render",
                "policies/customer-support/v1.0.policy",
                "--format",
                format,
            ],
            &dir,
        );
        assert_eq!(out.status.code(), Some(0));
        assert!(
            String::from_utf8_lossy(&out.stdout).contains(needle),
            "{format}"
        );
    }
}

/// A prose field that shows itself, directly or through another field, is
/// an error of `check`, and no output is rendered: before the loop check,
/// `render --format rust` overflowed its stack and aborted.
#[test]
fn interpolation_loops_are_errors_in_every_command() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (fixture, loop_text) in [
        (
            "tests/fixtures/invalid/E405-field-shows-itself.policy",
            "the field `sev-1.definition` shows itself",
        ),
        (
            "tests/fixtures/invalid/E405-two-fields-loop.policy",
            "`sev-1.definition` shows `sev-2.definition`, which",
        ),
    ] {
        for args in [
            vec!["check", fixture],
            vec!["render", fixture, "--format", "rust"],
            vec!["render", fixture, "--format", "json"],
            vec!["render", fixture, "--format", "markdown"],
        ] {
            let out = policyc(&args, root);
            let err = stderr(&out);
            assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
            assert!(err.contains("E405"), "{args:?}: {err}");
            assert!(err.contains(loop_text), "{args:?}: {err}");
            assert!(out.stdout.is_empty(), "{args:?} printed output");
        }
    }
}

/// The build-script API reads files as `policyc` does: bytes that are not
/// UTF-8 are the E001 diagnostic, not an I/O error.
#[test]
fn the_builder_reports_undecodable_bytes_as_a_diagnostic() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("builder-e001");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temp dir");
    let mut bytes = V1_0.as_bytes().to_vec();
    bytes.splice(40..40, [0xff, 0xfe]);
    let path = dir.join("broken.policy");
    std::fs::write(&path, bytes).expect("writes");
    let error = policyc::Builder::new()
        .out_dir(dir.join("out"))
        .cargo_metadata(false)
        .compile(&[&path])
        .expect_err("not UTF-8");
    let message = error.to_string();
    assert!(
        matches!(error, policyc::builder::BuildError::Invalid { .. }),
        "{message}"
    );
    assert!(message.contains("E001"), "{message}");
    assert!(message.contains("not valid UTF-8"), "{message}");
    assert!(!dir.join("out").exists(), "nothing is written");
}

/// The `.rs` files of a directory, sorted.
fn rust_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("reads the directory")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".rs"))
        .collect();
    names.sort();
    names
}

/// Adding a version keeps the one file of the policy, which then holds
/// both versions as modules, so the service's `include!` never changes.
#[test]
fn the_builder_keeps_one_file_per_policy_as_versions_are_added() {
    let dir = project("builder-versions");
    let out = dir.join("out");
    let v1_0 = dir.join("policies/customer-support/v1.0.policy");
    let v1_1 = dir.join("policies/customer-support/v1.1.policy");
    let compile = |inputs: &[&PathBuf]| {
        policyc::Builder::new()
            .out_dir(&out)
            .cargo_metadata(false)
            .compile(inputs)
            .expect("compiles")
    };
    compile(&[&v1_0]);
    assert_eq!(rust_files(&out), ["customer_support.rs"]);
    let first = std::fs::read_to_string(out.join("customer_support.rs")).expect("written");
    assert!(first.contains("\npub mod v1_0 {\n"));
    assert!(!first.contains("pub mod v1_1"));
    assert!(first.contains("pub use v1_0 as latest;"));
    // Given in any order, versions come from the oldest.
    compile(&[&v1_1, &v1_0]);
    assert_eq!(rust_files(&out), ["customer_support.rs"]);
    let both = std::fs::read_to_string(out.join("customer_support.rs")).expect("written");
    let (at_1_0, at_1_1) = (
        both.find("\npub mod v1_0 {\n").expect("v1.0's module"),
        both.find("\npub mod v1_1 {\n").expect("v1.1's module"),
    );
    assert!(at_1_0 < at_1_1);
    assert!(both.contains("pub use v1_1 as latest;"));
    assert!(both.starts_with("// @generated by policyc "));
    assert!(both.contains("in a build script (policyc::Builder) from"));
    assert!(
        !both.contains("policyc build`"),
        "no CLI advice in the Builder's file"
    );
    // The same version twice is refused.
    let twice = policyc::Builder::new()
        .out_dir(&out)
        .cargo_metadata(false)
        .compile(&[&v1_0, &v1_0])
        .expect_err("a version given twice");
    assert!(
        matches!(twice, policyc::builder::BuildError::Duplicate { .. }),
        "{twice}"
    );
}

/// Files the Builder wrote before that no input makes any more are
/// removed (the per-version files of earlier builders, a version or a
/// policy no longer given); files without its header are left alone.
#[test]
fn the_builder_removes_its_stale_outputs() {
    let dir = project("builder-stale");
    let out = dir.join("out");
    std::fs::create_dir_all(&out).expect("a temp dir");
    let stale = "// @generated by policyc 0.1.0 from policies/customer-support/v1.0.policy \
                 (policy customer-support v1.0, source fnv1a 0). Do not edit.\n";
    std::fs::write(out.join("customer_support_v1_0.rs"), stale).expect("writes");
    std::fs::write(out.join("customer_support_v1_1.rs"), stale).expect("writes");
    std::fs::write(
        out.join("hand_written.rs"),
        "// mine\npub const A: u8 = 1;\n",
    )
    .expect("writes");
    std::fs::write(out.join("notes.txt"), stale).expect("writes");
    // What `policyc build` writes is no Builder's output, whatever its name.
    std::fs::write(out.join("v1.0.rs"), stale).expect("writes");
    std::fs::write(out.join("customer_support_notes.rs"), stale).expect("writes");
    let builders = "// @generated by policyc 0.1.0 in a build script (policyc::Builder) from \
                    policies/other/v1.0.policy (v1.0, source fnv1a 0). Do not edit.\n";
    std::fs::write(out.join("other_policy.rs"), builders).expect("writes");
    let v1_0 = dir.join("policies/customer-support/v1.0.policy");
    let redhat = Path::new(env!("CARGO_MANIFEST_DIR")).join("policies/redhat/v1.0.policy");
    policyc::Builder::new()
        .out_dir(&out)
        .cargo_metadata(false)
        .compile(&[&v1_0, &redhat])
        .expect("compiles");
    assert_eq!(
        rust_files(&out),
        [
            "customer_support.rs",
            "customer_support_notes.rs",
            "hand_written.rs",
            "red_hat_support.rs",
            "v1.0.rs"
        ]
    );
    assert!(out.join("notes.txt").exists(), "only .rs files are outputs");
    // A policy no longer given goes too.
    policyc::Builder::new()
        .out_dir(&out)
        .cargo_metadata(false)
        .compile(&[&v1_0])
        .expect("compiles");
    assert_eq!(
        rust_files(&out),
        [
            "customer_support.rs",
            "customer_support_notes.rs",
            "hand_written.rs",
            "v1.0.rs"
        ]
    );
}

/// Warnings reach cargo as `cargo:warning=` lines with code and place.
#[test]
fn the_builder_prints_warnings_for_cargo() {
    let checked = policyc::check_source(V1_0);
    let lines = policyc::builder::cargo_warnings(
        "policies/customer-support/v1.0.policy",
        V1_0,
        &checked.diagnostics,
    );
    let warnings = checked.diagnostics.iter().filter(|d| !d.is_error()).count();
    assert!(warnings > 0);
    assert_eq!(lines.len(), warnings);
    assert!(
        lines.contains(
            &"cargo:warning=policies/customer-support/v1.0.policy:268:9: warning[W602]: the \
              document contradicts itself: the tier `enterprise` responds in 2 hours 24x7, but \
              `response-time` says otherwise for `sev-2`, `sev-3`, `sev-4`"
                .to_owned()
        ),
        "{lines:#?}"
    );
    assert!(lines.iter().all(|l| !l.contains('\n')));
}

#[test]
fn build_writes_worked_examples_only_when_asked() {
    let dir = project("build-examples");
    let plain = policyc(&["build"], &dir);
    assert!(plain.status.success(), "{}", stderr(&plain));
    let md = dir.join("generated/customer-support/v1.0.md");
    let without = std::fs::read_to_string(&md).expect("the Markdown");
    assert!(!without.contains("Worked example"));
    let with = policyc(&["build", "--examples"], &dir);
    assert!(with.status.success(), "{}", stderr(&with));
    let shown = std::fs::read_to_string(&md).expect("the Markdown");
    assert!(shown.contains("\n| Worked example | Given | Outcome |\n"));
    // The flag changes the Markdown only.
    assert!(stderr(&with).contains("wrote generated/customer-support/v1.0.md"));
    assert!(!stderr(&with).contains("v1.0.rs"));
    // `--check` compares with the documents as `build` writes them by default.
    let check = policyc(&["build", "--check"], &dir);
    assert_eq!(check.status.code(), Some(1), "{}", stderr(&check));
}
