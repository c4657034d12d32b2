//! `policyc diff`: snapshots of every output format over the paired
//! fixtures in `tests/fixtures/diff/<case>/{old,new}.policy`, the algebra
//! of diffs (empty on itself and on its formatting, reversible), and the
//! new user's scenario end to end through the built binary.

use policyc::diff::{self, Change, Class, Diff, What};
use policyc::facts::Valid;
use policyc::model::{Coverage, ResponseTarget, Value};
use proptest::prelude::*;
use std::path::{Path, PathBuf};
use std::process::Command;

const V1_0: &str = include_str!("../policies/customer-support/v1.0.policy");

fn model(source: &str) -> Valid {
    let checked = policyc::check_source(source);
    assert!(!checked.has_errors(), "{:#?}", checked.diagnostics);
    checked.into_valid().expect("a model")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The diff of the pair whose `old.policy` is `path`.
fn pair(path: &Path) -> Diff {
    let dir = path.parent().expect("a case directory");
    diff::diff(
        &model(&read(&dir.join("old.policy"))),
        &model(&read(&dir.join("new.policy"))),
    )
}

fn cases() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/diff");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root)
        .expect("the diff fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

#[test]
fn text_snapshots() {
    insta::glob!("fixtures/diff/*/old.policy", |path| {
        insta::assert_snapshot!(diff::render_text(&pair(path), false));
    });
}

#[test]
fn markdown_snapshots() {
    insta::glob!("fixtures/diff/*/old.policy", |path| {
        insta::assert_snapshot!(diff::render_markdown(&pair(path)));
    });
}

#[test]
fn json_snapshots() {
    insta::glob!("fixtures/diff/*/old.policy", |path| {
        insta::assert_snapshot!(diff::render_json(&pair(path)));
    });
}

#[test]
fn json_is_valid_and_has_the_documented_fields() {
    for dir in cases() {
        let d = pair(&dir.join("old.policy"));
        let v: serde_json::Value =
            serde_json::from_str(&diff::render_json(&d)).expect("valid JSON");
        assert_eq!(v["format"], "policyc-diff/1");
        for key in [
            "policy",
            "old",
            "new",
            "summary",
            "required_bump",
            "declared_bump",
            "violations",
            "changes",
            "replay",
            "rendered",
        ] {
            assert!(v.get(key).is_some(), "{}: no `{key}`", dir.display());
        }
        assert_eq!(v["summary"]["total"], d.changes.len());
    }
}

/// Every case has the change it is named after, of the expected class.
#[test]
fn each_case_has_its_class() {
    let expected = [
        ("added-declaration", Class::Extension),
        ("added-section", Class::Extension),
        ("added-holiday", Class::Reduction),
        ("business-day-to-24x7", Class::Mixed),
        ("business-day-to-sixteen-hours", Class::Reduction),
        ("calendar-hours-longer", Class::Reduction),
        ("coverage-downgrade", Class::Reduction),
        ("coverage-upgrade", Class::Extension),
        ("effective-not-later", Class::Reduction),
        ("faster-target", Class::Extension),
        ("fewer-incidents", Class::Reduction),
        ("grid-row-added", Class::Extension),
        ("minor-ten", Class::Extension),
        ("moved-declaration", Class::Editorial),
        ("patch-version", Class::Editorial),
        ("price-increase", Class::Reduction),
        ("prose-as-rendered", Class::Editorial),
        ("prose-edit", Class::Editorial),
        ("removed-channel", Class::Reduction),
        ("removed-declaration", Class::Reduction),
        ("removed-section", Class::Reduction),
        ("same-deadlines", Class::Editorial),
        ("slower-target", Class::Reduction),
        ("tier-moved-calendar", Class::Mixed),
        ("title-edit", Class::Editorial),
        ("version-not-bumped", Class::Extension),
    ];
    for (case, class) in expected {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/diff")
            .join(case)
            .join("old.policy");
        let d = pair(&path);
        assert!(!d.changes.is_empty(), "{case}: no change");
        assert!(
            d.changes.iter().all(|c| c.class == class),
            "{case}: {:#?}",
            d.changes
        );
    }
    let reformatted = pair(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/diff/reformatted-only/old.policy"),
    );
    assert!(reformatted.is_empty(), "{:#?}", reformatted.changes);
    assert!(reformatted.version.violations.is_empty());
}

#[test]
fn version_discipline_violations() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/diff");
    let codes = |case: &str| -> Vec<&'static str> {
        pair(&root.join(case).join("old.policy"))
            .version
            .violations
            .iter()
            .map(|v| v.code)
            .collect()
    };
    assert_eq!(codes("version-not-bumped"), ["version-not-bumped"]);
    assert_eq!(codes("effective-not-later"), ["effective-not-later"]);
    assert!(codes("slower-target").is_empty());
    // `1.0.1` is a version of its own, a patch bump; `1.10` comes after `1.9`.
    assert!(codes("patch-version").is_empty());
    assert!(codes("minor-ten").is_empty());
}

#[test]
fn a_policy_against_itself_is_empty() {
    let mut sources = vec![V1_0.to_owned()];
    for dir in cases() {
        sources.push(read(&dir.join("old.policy")));
        sources.push(read(&dir.join("new.policy")));
    }
    for source in sources {
        let p = model(&source);
        let d = diff::diff(&p, &p);
        assert!(d.is_empty(), "{:#?}", d.changes);
        assert!(d.version.violations.is_empty());
        assert!(!d.fails(None));
    }
}

#[test]
fn a_policy_against_its_formatting_is_empty() {
    let mut sources = vec![V1_0.to_owned()];
    for dir in cases() {
        sources.push(read(&dir.join("new.policy")));
    }
    for source in sources {
        let formatted = policyc::fmt::format_source(&source).expect("formats");
        let d = diff::diff(&model(&source), &model(&formatted));
        assert!(d.is_empty(), "{:#?}", d.changes);
    }
}

/// A change without its reason and title, for comparing directions.
fn key(c: &Change) -> String {
    format!(
        "{:?} {} {:?} {} {:?} {:?} {:?}",
        c.class, c.uncertain, c.kind, c.id, c.what, c.before, c.after
    )
}

/// Each change of `diff(b, a)` is the reverse of one of `diff(a, b)`.
fn assert_reversible(a: &Valid, b: &Valid) {
    let forward = diff::diff(a, b);
    let backward = diff::diff(b, a);
    let mut expected: Vec<String> = forward.changes.iter().map(|c| key(&c.reversed())).collect();
    let mut actual: Vec<String> = backward.changes.iter().map(key).collect();
    expected.sort();
    actual.sort();
    assert_eq!(expected, actual);
    assert_eq!(forward.counts.reduction, {
        let uncertain = backward.changes.iter().filter(|c| c.uncertain).count();
        backward.counts.extension + uncertain
    });
}

#[test]
fn reversed_diffs_swap_reduction_and_extension() {
    for dir in cases() {
        let (a, b) = (
            model(&read(&dir.join("old.policy"))),
            model(&read(&dir.join("new.policy"))),
        );
        assert_reversible(&a, &b);
    }
}

/// The model of a version whose only errors are worked examples that no
/// longer hold (E421), as `policyc diff` reads it.
fn model_allowing_broken_examples(source: &str) -> Valid {
    let checked = policyc::check_source(source);
    let blocking: Vec<_> = checked
        .diagnostics
        .iter()
        .filter(|d| d.is_error() && d.code != policyc::codes::Code::E421)
        .collect();
    assert!(blocking.is_empty(), "{blocking:#?}");
    checked.into_valid().expect("a model")
}

/// The model of a version whose only errors are worked examples, of any
/// kind: a random cell may leave an example without an answer (E423).
fn model_ignoring_examples(source: &str) -> Valid {
    let checked = policyc::check_source(source);
    let blocking: Vec<_> = checked
        .diagnostics
        .iter()
        .filter(|d| d.is_error() && d.code.category() != policyc::codes::Category::Example)
        .collect();
    assert!(blocking.is_empty(), "{blocking:#?}");
    checked.into_valid().expect("a model")
}

/// The new user's old version: v1.0 as shipped.
fn new_user_old() -> String {
    V1_0.to_owned()
}

/// The new user: Enterprise SEV-2 goes from 4 to 8 hours, nothing bumped.
/// Two worked examples of v1.0 pin that cell, so they no longer hold.
fn new_user_policy() -> String {
    let from = "| sev-2 | best-effort (forums) | 1 business day  | 4 hours 24x7    |";
    let to = "| sev-2 | best-effort (forums) | 1 business day  | 8 hours 24x7    |";
    assert!(V1_0.contains(from));
    V1_0.replacen(from, to, 1)
}

#[test]
fn new_user_scenario_library() {
    let d = diff::diff(
        &model(&new_user_old()),
        &model_allowing_broken_examples(&new_user_policy()),
    );
    assert_eq!(d.changes.len(), 1, "{:#?}", d.changes);
    let change = &d.changes[0];
    assert_eq!(
        change.what,
        What::Cell {
            row: "sev-2".into(),
            column: "enterprise".into()
        }
    );
    assert_eq!(change.id, "response-time");
    assert_eq!(change.class, Class::Reduction);
    assert_eq!(change.before.as_deref(), Some("4 hours 24x7"));
    assert_eq!(change.after.as_deref(), Some("8 hours 24x7"));
    assert_eq!(d.required_bump, diff::Bump::Major);
    assert_eq!(d.version.declared, Some(diff::Bump::None));
    assert!(d.fails(Some(Class::Reduction)));
}

#[test]
fn new_user_scenario_cli() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("diff-new-user");
    std::fs::create_dir_all(&dir).expect("a temp dir");
    let old = dir.join("v1.0.policy");
    let new = dir.join("v1.1.policy");
    std::fs::write(&old, new_user_old()).expect("writes");
    std::fs::write(&new, new_user_policy()).expect("writes");
    let run = |extra: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_policyc"))
            .arg("diff")
            .arg(&old)
            .arg(&new)
            .args(extra)
            .env("NO_COLOR", "1")
            .output()
            .expect("runs policyc")
    };
    let out = run(&["--fail-on", "reduction"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("reduction  response-time[sev-2, enterprise]: 4 hours 24x7 → 8 hours 24x7"),
        "{text}"
    );
    assert!(text.contains("version bump required: major"), "{text}");
    assert!(!text.contains('\x1b'), "no colour off a terminal");
    let note = String::from_utf8_lossy(&out.stderr);
    assert!(note.contains("worked examples in"), "{note}");
    assert!(note.contains("no longer hold"), "{note}");
    let md = run(&["--format", "markdown"]);
    assert_eq!(md.status.code(), Some(1));
    let md = String::from_utf8_lossy(&md.stdout);
    assert!(md.contains("**~~4 hours 24x7~~ 8 hours 24x7**"), "{md}");
    let json = run(&["--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(v["required_bump"], "major");
    assert_eq!(v["changes"][0]["row"], "sev-2");
    // Unannounced (no major bump): --fail-on violation fails too.
    assert_eq!(run(&["--fail-on", "violation"]).status.code(), Some(1));
    // The same policy against itself passes, even with --fail-on any.
    let same = Command::new(env!("CARGO_BIN_EXE_policyc"))
        .args(["diff", "--fail-on", "any"])
        .arg(&old)
        .arg(&old)
        .output()
        .expect("runs policyc");
    assert_eq!(same.status.code(), Some(0));
}

/// A mixed change (deadlines later for some submissions, earlier for
/// others) fails `--fail-on reduction` like a reduction, and requires a
/// major bump; announced with one, it is no violation.
#[test]
fn mixed_fails_like_a_reduction() {
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/diff/business-day-to-24x7");
    let run = |extra: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_policyc"))
            .arg("diff")
            .arg(dir.join("old.policy"))
            .arg(dir.join("new.policy"))
            .args(extra)
            .env("NO_COLOR", "1")
            .output()
            .expect("runs policyc")
    };
    let out = run(&["--fail-on", "reduction"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("1 change: 1 mixed, 0 reductions"), "{text}");
    assert!(
        text.contains("mixed: 47% of submissions later, by up to 16 h; 34% earlier, by up to 72 h"),
        "{text}"
    );
    assert_eq!(run(&["--fail-on", "violation"]).status.code(), Some(0));
    let d = pair(&dir.join("old.policy"));
    assert_eq!(d.required_bump, diff::Bump::Major);
    assert!(d.fails(Some(Class::Reduction)));
    assert!(d.version.violations.is_empty());
}

#[test]
fn cli_errors_exit_2() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("diff-errors");
    std::fs::create_dir_all(&dir).expect("a temp dir");
    let broken = dir.join("broken.policy");
    std::fs::write(&broken, "tier x \"X\" { incidents: many }\n").expect("writes");
    let old = Path::new(env!("CARGO_MANIFEST_DIR")).join("policies/customer-support/v1.0.policy");
    let out = Command::new(env!("CARGO_BIN_EXE_policyc"))
        .arg("diff")
        .arg(&old)
        .arg(&broken)
        .output()
        .expect("runs policyc");
    assert_eq!(out.status.code(), Some(2));
    assert!(!out.stderr.is_empty(), "diagnostics are printed");
    let missing = Command::new(env!("CARGO_BIN_EXE_policyc"))
        .arg("diff")
        .arg(&old)
        .arg(dir.join("missing.policy"))
        .output()
        .expect("runs policyc");
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn replay_reports_moves_and_bad_rows() {
    let tickets = "id,tier,severity,submitted,pauses\n\
        t1,enterprise,sev-2,2026-06-15T10:00:00+02:00\n\
        t2,enterprise,sev-1,2026-06-15T10:00:00+02:00\n\
        t3,advanced,sev-2,2026-06-15T10:00:00+02:00,2026-06-15T11:00:00+02:00/2026-06-15T12:00:00+02:00\n\
        t4,enterprise,sev-2,yesterday\n\
        t5,gold,sev-2,2026-06-15T10:00:00+02:00\n\
        t6,enterprise\n";
    let r = diff::replay(
        &model(&new_user_old()),
        &model_allowing_broken_examples(&new_user_policy()),
        tickets,
    );
    assert_eq!(r.cases, 6);
    assert_eq!(r.later, 1);
    assert_eq!(r.unchanged, 2);
    assert_eq!(r.moves.len(), 1);
    assert_eq!(r.moves[0].id, "t1");
    assert_eq!(r.moves[0].minutes, Some(240));
    // In the zone of the tier's calendar (Europe/Stockholm), as `policyc
    // sla` prints deadlines, not in UTC.
    for time in [&r.moves[0].before, &r.moves[0].after] {
        let time = time.as_deref().unwrap_or_default();
        assert!(time.ends_with("+02:00"), "{time}");
    }
    let lines: Vec<usize> = r.problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, [5, 6, 7]);
    assert_eq!(r.skipped, 3);
}

#[test]
fn prose_diffs_of_unrelated_documents_finish() {
    let a: String = (0..20_000).map(|i| format!("alpha{} ", i % 97)).collect();
    let b: String = (0..20_000).map(|i| format!("beta{} ", i % 89)).collect();
    let start = std::time::Instant::now();
    let words = diff::word_diff(&a, &b);
    assert!(!words.is_empty());
    assert!(start.elapsed() < std::time::Duration::from_secs(10));
}

/// Values a mutated grid cell may take.
fn target_value() -> impl Strategy<Value = Value> {
    use policyc::ast::Target;
    prop_oneof![
        Just(Value::Target(ResponseTarget::BestEffort)),
        Just(Value::Target(ResponseTarget::NotApplicable)),
        (1u32..10).prop_map(|n| Value::Target(ResponseTarget::Within(Target::hours_24x7(n)))),
        (1u32..10).prop_map(|n| Value::Target(ResponseTarget::Within(Target::business_hours(n)))),
        (1u32..4).prop_map(|n| Value::Target(ResponseTarget::Within(Target::business_days(n)))),
    ]
}

fn coverage_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Coverage(Coverage::Supported)),
        Just(Value::Coverage(Coverage::Psa)),
        Just(Value::Coverage(Coverage::NotAvailable)),
        Just(Value::Coverage(Coverage::NotSupported)),
    ]
}

/// Sets cell `(row, column)` (indices modulo the grid's size) of grid `id`
/// in the source, to `value` as the policy writes it.
fn mutate(source: &str, id: &str, row: usize, column: usize, value: &Value) -> String {
    let mut lines: Vec<String> = source.lines().map(str::to_owned).collect();
    let Some(start) = lines
        .iter()
        .position(|l| l.trim_start().starts_with(&format!("grid {id} ")))
    else {
        return source.to_owned();
    };
    // The grid's rows after its header row, up to its closing brace.
    let rows: Vec<usize> = (start..lines.len())
        .take_while(|&i| i == start || lines[i].trim() != "}")
        .filter(|&i| lines[i].trim_start().starts_with('|'))
        .skip(1)
        .collect();
    let Some(&line) = rows.get(row % rows.len().max(1)) else {
        return source.to_owned();
    };
    let mut parts: Vec<String> = lines[line].split('|').map(str::to_owned).collect();
    // parts: indentation, the row id, the cells, what follows the last pipe.
    let cells = parts.len().saturating_sub(3);
    if cells == 0 {
        return source.to_owned();
    }
    parts[2 + column % cells] = format!(" {} ", policyc::value_text::show(value));
    lines[line] = parts.join("|");
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    /// Random mutations of v1.0's grid cells: every diff is the reverse of
    /// the diff the other way, and names only cells.
    #[test]
    fn grid_mutations_reverse(
        targets in proptest::collection::vec((0usize..8, 0usize..8, target_value()), 0..4),
        coverage in proptest::collection::vec((0usize..20, 0usize..4, coverage_value()), 0..4),
    ) {
        let original = model(V1_0);
        let mut source = V1_0.to_owned();
        for (r, c, v) in &targets {
            source = mutate(&source, "response-time", *r, *c, v);
        }
        for (r, c, v) in &coverage {
            source = mutate(&source, "scope", *r, *c, v);
            source = mutate(&source, "rca", *r, *c, v);
        }
        let mutated = model_ignoring_examples(&source);
        let d = diff::diff(&original, &mutated);
        let only_cells = d.changes.iter().all(|c| matches!(c.what, What::Cell { .. }));
        prop_assert!(only_cells, "{:#?}", d.changes);
        prop_assert_eq!(d.is_empty(), original.policy() == mutated.policy());
        assert_reversible(&original, &mutated);
    }
}

/// The shipped v1.0 -> v1.1, as a reviewer reads it: classes most serious
/// first, the worked examples in a group of their own after the policy's
/// changes, and prose compared as the documents render it.
#[test]
fn shipped_versions_read_for_a_reviewer() {
    const V1_1: &str = include_str!("../policies/customer-support/v1.1.policy");
    let d = diff::diff(&model(V1_0), &model(V1_1));
    let policy: Vec<&Change> = d.changes.iter().filter(|c| !c.in_example()).collect();
    assert!(
        policy.windows(2).all(|w| w[0].class >= w[1].class),
        "most serious first"
    );
    let first_example = d.changes.iter().position(Change::in_example);
    assert_eq!(first_example, Some(policy.len()), "examples come last");
    assert_eq!(d.counts.examples, d.changes.len() - policy.len());
    let text = diff::render_text(&d, false);
    let head = text.find("worked examples (`policyc test`").unwrap_or(0);
    assert!(head > 0, "{text}");
    assert!(!text[..head].contains("example due-"), "{text}");
    assert!(
        text.contains("  example due-sev3-saturday: added"),
        "{text}"
    );
    // `{clustercontrol.components}` writes the list v1.0 wrote out: no
    // change; `{end-customer}` likewise.
    assert!(!text.contains("{clustercontrol.components}"), "{text}");
    assert!(!text.contains("products-clustercontrol"), "{text}");
    assert!(!text.contains("ccx-support-model"), "{text}");
    // Where the rendered text differs, it is shown as rendered.
    assert!(text.contains("prose of section enterprise-tier"), "{text}");
    assert!(
        !text.contains("{out-of-hours-screen-sharing.rate}"),
        "{text}"
    );
    let markdown = diff::render_markdown(&d);
    assert!(markdown.contains("### Worked examples"), "{markdown}");
    let table = &markdown[..markdown.find("### Worked examples").unwrap_or(0)];
    assert!(!table.contains("due reworded"), "{markdown}");
}

/// A section removed or added with what it holds takes their class, and
/// each entitlement, phase, rule or grid is listed with its own.
#[test]
fn nested_declarations_are_classed_by_what_they_hold() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/diff");
    let removed = pair(&root.join("removed-section/old.policy"));
    let listed: Vec<(String, Class)> = removed
        .changes
        .iter()
        .map(|c| (format!("{} {}", c.kind.name(), c.id), c.class))
        .collect();
    assert_eq!(
        listed,
        [
            ("section product-lifecycle".to_owned(), Class::Reduction),
            ("phase ga".to_owned(), Class::Reduction),
            ("phase maintenance".to_owned(), Class::Reduction),
            ("rule hotfixes".to_owned(), Class::Reduction),
        ]
    );
    assert_eq!(removed.required_bump, diff::Bump::Major);
    let added = pair(&root.join("added-section/old.policy"));
    assert!(
        added.changes.iter().all(|c| c.class == Class::Extension),
        "{:#?}",
        added.changes
    );
    assert_eq!(added.changes.len(), 2);
    assert_eq!(added.required_bump, diff::Bump::Minor);
}
