//! The shipped policy: it checks without errors, its warnings are the
//! contradictions v1.0 keeps on purpose, and a typo in it is caught.

mod common;

use common::{assert_spans_in_bounds, list_diagnostics};
use policyc::report::{render, Style};

const PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/policies/customer-support/v1.0.policy"
);

fn source() -> String {
    std::fs::read_to_string(PATH).expect("policies/customer-support/v1.0.policy exists")
}

#[test]
fn checks_without_errors() {
    let source = source();
    let checked = policyc::check_source(&source);
    assert_spans_in_bounds(&source, &checked.diagnostics);
    let errors: Vec<_> = checked.errors().cloned().collect();
    assert!(
        errors.is_empty(),
        "{}",
        render(
            "policies/customer-support/v1.0.policy",
            &source,
            &errors,
            Style::Plain
        )
    );
    let warnings: Vec<_> = checked.warnings().cloned().collect();
    insta::assert_snapshot!(list_diagnostics(&source, &warnings));
}

/// Misspells the first `advanced` tier reference: a grid header cell
/// `| advanced` or a field `tier: advanced`.
fn with_tier_typo(source: &str) -> String {
    let header = source.find("| advanced").map(|i| i + "| ".len());
    let field = source.find("tier: advanced").map(|i| i + "tier: ".len());
    let at = match (header, field) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b).expect("the policy refers to the tier `advanced`"),
    };
    let mut typo = source.to_owned();
    typo.replace_range(at..at + "advanced".len(), "advnced");
    typo
}

#[test]
fn a_typo_in_a_tier_id_is_one_error() {
    let source = with_tier_typo(&source());
    let checked = policyc::check_source(&source);
    assert_spans_in_bounds(&source, &checked.diagnostics);
    let errors: Vec<_> = checked.errors().collect();
    assert_eq!(
        errors.len(),
        1,
        "expected one error:\n{}",
        list_diagnostics(&source, &checked.diagnostics)
    );
    let error = errors[0];
    assert_eq!(error.code, policyc::codes::Code::E111);
    assert_eq!(error.help.as_deref(), Some("did you mean `advanced`?"));
    let span = error.primary_span();
    assert_eq!(&source[span.start..span.end], "advnced");
}

#[test]
fn a_typo_in_the_response_grid_header_is_one_error() {
    let header = "| *     | community            | advanced        | enterprise      |";
    let typo = "| *     | community            | advnced         | enterprise      |";
    let original = source();
    assert!(original.contains(header), "the response grid's header");
    let source = original.replacen(header, typo, 1);
    let checked = policyc::check_source(&source);
    let errors: Vec<_> = checked.errors().collect();
    // Not also "no column for `advanced`" (E306), nor a claim on that
    // column that cannot be evaluated (E404): one typo, one error.
    assert_eq!(
        errors.len(),
        1,
        "expected one error:\n{}",
        list_diagnostics(&source, &checked.diagnostics)
    );
    assert_eq!(errors[0].code, policyc::codes::Code::E111);
    assert_eq!(errors[0].help.as_deref(), Some("did you mean `advanced`?"));
}
