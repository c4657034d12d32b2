//! Every stage on valid variations of the real policy: random but valid
//! edits of its data (grid cells, counts, prices, holidays, opening hours)
//! go through check, fmt, every emitter, JSON read-back, diff both ways and
//! the worked examples without a panic, and keep their invariants.

use policyc::emit::{self, Format, Meta};
use proptest::prelude::*;

const V1_0: &str = include_str!("../policies/customer-support/v1.0.policy");

const TARGETS: &[&str] = &[
    "best-effort",
    "1 business day",
    "2 business days",
    "3 business days",
    "8 business hours",
    "1 hour 24x7",
    "4 hours 24x7",
    "48 hours 24x7",
];

const RESPONSE_ROWS: &[&str] = &[
    "| sev-1 | best-effort (forums) | 1 business day  | 2 hours 24x7    |",
    "| sev-2 | best-effort (forums) | 1 business day  | 4 hours 24x7    |",
    "| sev-3 | best-effort (forums) | 1 business day  | 1 business day  |",
    "| sev-4 | best-effort (forums) | 2 business days | 2 business days |",
];

#[derive(Clone, Debug)]
enum Edit {
    /// A response-grid row with other targets.
    Row(usize, usize, usize, usize),
    /// Another number of incidents for Advanced.
    Incidents(u32),
    /// Another out-of-hours rate.
    Rate(u32),
    /// A holiday removed (by its line).
    DropHoliday(usize),
    /// Other weekly opening hours.
    Hours(u32, u32),
    /// Another Self-Serve node range.
    Nodes(u32, u32),
}

fn edit() -> impl Strategy<Value = Edit> {
    let t = 0..TARGETS.len();
    prop_oneof![
        (0..RESPONSE_ROWS.len(), t.clone(), t.clone(), t)
            .prop_map(|(r, a, b, c)| Edit::Row(r, a, b, c)),
        (0u32..1000).prop_map(Edit::Incidents),
        (1u32..100_000).prop_map(Edit::Rate),
        (0usize..13).prop_map(Edit::DropHoliday),
        (0u32..12, 1u32..12).prop_map(|(open, len)| Edit::Hours(open, len)),
        (1u32..10, 0u32..10).prop_map(|(a, n)| Edit::Nodes(a, n)),
    ]
}

fn apply(source: &str, edit: &Edit) -> String {
    match edit {
        Edit::Row(r, a, b, c) => {
            let row = RESPONSE_ROWS[*r];
            let id = &row[2..7];
            let new = format!(
                "| {id} | {} | {} | {} |",
                TARGETS[*a], TARGETS[*b], TARGETS[*c]
            );
            source.replacen(row, &new, 1)
        }
        Edit::Incidents(n) => {
            source.replacen("incidents:       12", &format!("incidents:       {n}"), 1)
        }
        Edit::Rate(r) => source.replacen("USD 250/hour", &format!("USD {r}/hour"), 1),
        Edit::DropHoliday(i) => {
            let lines: Vec<&str> = source.lines().collect();
            let holidays: Vec<usize> = lines
                .iter()
                .enumerate()
                .filter(|(_, l)| l.trim_start().starts_with("holiday "))
                .map(|(n, _)| n)
                .collect();
            match holidays.get(*i) {
                Some(&drop) => {
                    let mut out: Vec<&str> = lines.clone();
                    out.remove(drop);
                    out.join("\n") + "\n"
                }
                None => source.to_owned(),
            }
        }
        Edit::Hours(open, len) => {
            let close = (open + len).min(24);
            source.replacen(
                "mon-fri 09:00-17:00",
                &format!("mon-fri {open:02}:00-{close:02}:00"),
                1,
            )
        }
        Edit::Nodes(a, n) => source.replacen("2..5", &format!("{a}..{}", a + n), 1),
    }
}

/// Runs every stage on `source`; only worked examples that no longer hold
/// (E421) are allowed as errors.
fn every_stage(source: &str) {
    let checked = policyc::check_source(source);
    let blocking: Vec<_> = checked
        .diagnostics
        .iter()
        .filter(|d| d.is_error() && d.code != policyc::codes::Code::E421)
        .collect();
    assert!(blocking.is_empty(), "{blocking:#?}");
    let Some(policy) = checked.valid() else {
        panic!("a model")
    };
    let meta = Meta::new("mutated.policy", source, policy.policy());
    for format in Format::ALL {
        let out = emit::emit(format, policy, &meta);
        assert!(out.contains("@generated"), "{format}");
    }
    let json = emit::emit(Format::Json, policy, &meta);
    let back = policyc::serial::read(&json).expect("the JSON reads back");
    assert_eq!(
        &back,
        policy.policy(),
        "JSON read back gives the same model"
    );
    let _ = policyc::enforce::examples::run(policy);
    let original = policyc::check_source(V1_0).into_valid().expect("v1.0");
    let there = policyc::diff::diff(&original, policy);
    let back_again = policyc::diff::diff(policy, &original);
    assert_eq!(there.changes.len(), back_again.changes.len());
    let _ = (
        policyc::diff::render_text(&there, false),
        policyc::diff::render_markdown(&there),
        policyc::diff::render_json(&there),
    );
    if !checked
        .diagnostics
        .iter()
        .any(|d| d.code == policyc::codes::Code::E421)
    {
        let formatted = policyc::fmt::format_source(source).expect("a valid policy formats");
        let reformatted = policyc::check_source(&formatted);
        assert_eq!(
            reformatted.policy(),
            Some(policy.policy()),
            "fmt keeps the meaning"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn valid_edits_pass_every_stage(edits in proptest::collection::vec(edit(), 1..4)) {
        let mut source = V1_0.to_owned();
        for e in &edits {
            source = apply(&source, e);
        }
        every_stage(&source);
    }
}

#[test]
fn the_shipped_policies_pass_every_stage() {
    every_stage(V1_0);
    every_stage(include_str!("../policies/customer-support/v1.1.policy"));
}
