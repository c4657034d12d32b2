//! `check_source` returns on any input, and every span it reports lies in
//! the source on character boundaries.

mod common;

use common::assert_spans_in_bounds;
use proptest::prelude::*;

const PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/policies/customer-support/v1.0.policy"
);

fn real_policy() -> &'static str {
    static SOURCE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    SOURCE.get_or_init(|| std::fs::read_to_string(PATH).unwrap_or_default())
}

fn check(source: &str) {
    let checked = policyc::check_source(source);
    assert_spans_in_bounds(source, &checked.diagnostics);
}

/// The largest char boundary at or before `i`.
fn floor(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[derive(Clone, Debug)]
enum Mutation {
    Delete(usize, usize),
    Insert(usize, String),
    Duplicate(usize, usize),
    SwapLines(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 0usize..200).prop_map(|(a, n)| Mutation::Delete(a, n)),
        (any::<usize>(), "[{}\\[\\]|\":#a-z0-9 \n.\\-*()]{0,20}")
            .prop_map(|(a, s)| Mutation::Insert(a, s)),
        (any::<usize>(), 0usize..200).prop_map(|(a, n)| Mutation::Duplicate(a, n)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
    ]
}

fn apply(source: &str, mutation: &Mutation) -> String {
    let len = source.len().max(1);
    match mutation {
        Mutation::Delete(a, n) => {
            let start = floor(source, a % len);
            let end = floor(source, start + n);
            format!("{}{}", &source[..start], &source[end..])
        }
        Mutation::Insert(a, text) => {
            let at = floor(source, a % len);
            format!("{}{text}{}", &source[..at], &source[at..])
        }
        Mutation::Duplicate(a, n) => {
            let start = floor(source, a % len);
            let end = floor(source, start + n);
            format!("{}{}", &source[..end], &source[start..])
        }
        Mutation::SwapLines(a, b) => {
            let mut lines: Vec<&str> = source.split('\n').collect();
            let count = lines.len();
            lines.swap(a % count, b % count);
            lines.join("\n")
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_strings_return(source in any::<String>()) {
        check(&source);
    }

    #[test]
    fn grammar_alphabet_returns(source in "[{}\\[\\]|\":#a-z0-9 \n.\\-*()]{0,400}") {
        check(&source);
    }

    #[test]
    fn mutated_policy_returns(mutations in proptest::collection::vec(mutation(), 1..4)) {
        let mut source = real_policy().to_owned();
        for m in &mutations {
            source = apply(&source, m);
        }
        check(&source);
    }
}
