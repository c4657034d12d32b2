//! The properties the fuzz targets check, in one place: the targets under
//! `fuzz/fuzz_targets/` include this module (`#[path]`), and
//! `tests/fuzz_corpus.rs` replays the committed corpus and the crash
//! fixtures through the same functions on the stable toolchain.
//!
//! Each function takes any bytes and panics when a property fails; input
//! a property does not apply to (not UTF-8, a policy with errors) passes.

#![allow(dead_code)]

pub mod json_schema;

use policyc::emit::{self, Meta};
use policyc::facts::Valid;
use policyc::report::{self, Style};
use serde_json::Value as Json;
use std::sync::OnceLock;

/// The name the policies are checked and emitted under.
const NAME: &str = "fuzz.policy";

/// A property: panics when `bytes` break it.
pub type Property = fn(&[u8]);

/// The fuzz targets, by name: the directory names under `fuzz/corpus/`
/// and `tests/fixtures/fuzz/`.
pub const TARGETS: [(&str, Property); 4] = [
    ("check", check),
    ("fmt", fmt),
    ("emit", emit),
    ("diff", diff),
];

/// `check`: any bytes check without a panic, the same way twice, and their
/// diagnostics render (text and JSON) without a panic.
pub fn check(bytes: &[u8]) {
    let (source, first) = policyc::check_bytes(bytes);
    let (again, second) = policyc::check_bytes(bytes);
    assert_eq!(source, again, "decoding is not deterministic");
    assert_eq!(
        first.diagnostics, second.diagnostics,
        "checking is not deterministic"
    );
    assert!(
        first.policy() == second.policy(),
        "checking gave two models"
    );
    assert_eq!(
        first.has_errors(),
        first.diagnostics.iter().any(|d| d.is_error()),
        "has_errors disagrees with the diagnostics"
    );
    // Valid: no errors but worked examples that do not hold (E42x).
    if !second.has_errors() && second.policy().is_some() {
        assert!(first.valid().is_some(), "a clean model is not valid");
    }
    if first.valid().is_some() {
        for error in first.errors() {
            assert!(
                format!("{:?}", error.code).starts_with("E42"),
                "a model with errors is valid: {error:?}"
            );
        }
    }
    let rendered = report::render(NAME, &source, &second.diagnostics, Style::Plain);
    assert_eq!(
        rendered.is_empty(),
        second.diagnostics.is_empty(),
        "diagnostics rendered to nothing"
    );
    let json = report::to_json(NAME, &source, &second.diagnostics);
    assert_eq!(json.len(), second.diagnostics.len());
}

/// `fmt`: a source that formats formats to a clean policy with the same
/// model, the same JSON and the same comments, and formatting it again
/// changes nothing.
pub fn fmt(bytes: &[u8]) {
    let Ok(source) = std::str::from_utf8(bytes) else {
        return;
    };
    let Ok(formatted) = policyc::fmt::format_source(source) else {
        return;
    };
    let before = policyc::check_source(source);
    let after = policyc::check_source(&formatted);
    assert!(
        !after.has_errors(),
        "the formatted text has errors: {:?}\n{formatted}",
        after.errors().collect::<Vec<_>>()
    );
    assert!(
        before.policy() == after.policy(),
        "formatting changed the model\n--- before\n{source}\n--- after\n{formatted}"
    );
    assert_eq!(
        policyc::fmt::comments(source),
        policyc::fmt::comments(&formatted),
        "comments lost or moved out of order\n{formatted}"
    );
    let (before, after) = (
        before.into_valid().expect("a clean policy is valid"),
        after.into_valid().expect("a clean policy is valid"),
    );
    // The same document, under the same metadata (the hash is the
    // original source's).
    let meta = Meta::new(NAME, source, before.policy());
    assert_eq!(
        emit::json::emit(&before, &meta),
        emit::json::emit(&after, &meta),
        "formatting changed the JSON"
    );
    let again = policyc::fmt::format_source(&formatted)
        .unwrap_or_else(|d| panic!("the formatted text does not format: {d:?}\n{formatted}"));
    assert_eq!(
        formatted, again,
        "formatting is not idempotent\n--- once\n{formatted}\n--- twice\n{again}"
    );
}

/// `emit`: every emitter runs on a clean policy; the Rust parses (syn), the
/// JSON validates against the schema and reads back to the same model,
/// and the YAML parses to the JSON document.
pub fn emit(bytes: &[u8]) {
    let Some(valid) = valid(bytes) else { return };
    let source = std::str::from_utf8(bytes).expect("a valid policy is UTF-8");
    let meta = Meta::new(NAME, source, valid.policy());
    let outputs = emit::outputs(&valid, &meta);
    assert_eq!(outputs.len(), emit::Format::ALL.len());
    for (format, output) in emit::Format::ALL.iter().zip(&outputs) {
        assert!(!output.contents.is_empty(), "{format}: empty output");
        assert_eq!(
            emit::emit(*format, &valid, &meta),
            output.contents,
            "{format}: not deterministic"
        );
    }
    let [rust, json, yaml, _markdown] = [0, 1, 2, 3].map(|i| outputs[i].contents.as_str());

    if let Err(e) = syn::parse_file(rust) {
        panic!("the Rust output does not parse: {e}\n{rust}");
    }

    let document: Json = serde_json::from_str(json).expect("the JSON output is JSON");
    let schema = schema();
    let errors = json_schema::validate(schema, schema, &document, "");
    assert!(
        errors.is_empty(),
        "the JSON output breaks the schema:\n{}",
        errors.join("\n")
    );
    let read = policyc::serial::read(json)
        .unwrap_or_else(|e| panic!("the JSON output does not read back: {e}"));
    assert!(
        &read == valid.policy(),
        "the JSON output reads back to another model"
    );

    let from_yaml: Json = serde_yaml::from_str(yaml).expect("the YAML output is YAML");
    assert_eq!(from_yaml, document, "the YAML is not the JSON document");
}

/// `diff`: a clean policy diffed against itself has no change and breaks
/// no version rule, and every rendering of that diff runs.
pub fn diff(bytes: &[u8]) {
    let Some(valid) = valid(bytes) else { return };
    let diff = policyc::diff::diff(&valid, &valid);
    assert!(
        diff.is_empty(),
        "a policy differs from itself: {:#?}",
        diff.changes
    );
    assert!(
        !diff.fails(None),
        "a policy against itself fails: {:#?}",
        diff.version.violations
    );
    let _ = policyc::diff::render_text(&diff, false);
    let json: Json =
        serde_json::from_str(&policyc::diff::render_json(&diff)).expect("the diff's JSON is JSON");
    assert!(json.is_object());
    let _ = policyc::diff::render_markdown(&diff);
}

/// The valid policy of `bytes`, if they check clean.
fn valid(bytes: &[u8]) -> Option<Valid> {
    let (_, checked) = policyc::check_bytes(bytes);
    if checked.has_errors() {
        return None;
    }
    checked.into_valid()
}

/// The JSON Schema of `policyc/1`, parsed once and checked to use only
/// keywords the validator knows.
fn schema() -> &'static Json {
    static SCHEMA: OnceLock<Json> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        let schema: Json =
            serde_json::from_str(&policyc::serial::schema()).expect("the schema is JSON");
        json_schema::check_schema_uses_known_keywords(&schema, &schema);
        schema
    })
}
