//! The views of a document on every input of the fuzz corpora:
//! no panic, semantic tokens in order, apart and within their lines,
//! folding ranges within the text, quick fixes of an open brace anywhere.

use super::index::Index;
use super::position::{utf16_len, Lines};
use super::{actions, folding, grid, semantic_tokens};
use lsp_types::Position;

#[test]
fn every_input_of_the_corpus() {
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
    let mut seen = 0;
    let files = ["check", "diff", "emit", "fmt"]
        .into_iter()
        .flat_map(|target| std::fs::read_dir(corpus.join(target)).unwrap());
    for entry in files {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        // Invalid UTF-8 never reaches the server (JSON strings are text).
        let text = String::from_utf8_lossy(&bytes).into_owned();
        seen += 1;
        let parsed = policyc::parse::parse(&text);
        let index = Index::new(&text, &parsed.file);
        let lines = Lines::new(&text);
        let line_units: Vec<u32> = text
            .split('\n')
            .map(|l| utf16_len(l.strip_suffix('\r').unwrap_or(l)))
            .collect();
        let (mut line, mut column, mut end) = (0u32, 0u32, (0u32, 0u32));
        for token in semantic_tokens::tokens(&text, &index) {
            if token.delta_line > 0 {
                column = 0;
            }
            line += token.delta_line;
            column += token.delta_start;
            assert!(token.length > 0);
            assert!((line, column) >= end, "{text:?}");
            assert!(
                column + token.length <= line_units[line as usize],
                "{text:?}"
            );
            end = (line, column + token.length);
        }
        for range in folding::ranges(&text, &parsed.file, &lines) {
            assert!(range.start_line < range.end_line);
            assert!((range.end_line as usize) < line_units.len());
        }
        for (at, _) in text.match_indices('{').take(20) {
            let position = lines.position(&text, at);
            let diagnostic = lsp_types::Diagnostic {
                range: lsp_types::Range::new(position, position),
                code: Some(lsp_types::NumberOrString::String("E010".to_owned())),
                message: "help: did you mean `x` instead of `y`?".to_owned(),
                ..lsp_types::Diagnostic::default()
            };
            let uri = "file:///x.policy".parse().unwrap();
            actions::quick_fixes(&uri, &text, &lines, vec![diagnostic]);
            grid::cell_values(&text, at);
            grid::cell_at(&parsed.file, at);
        }
        actions::quick_fixes(
            &"file:///x.policy".parse().unwrap(),
            &text,
            &lines,
            vec![lsp_types::Diagnostic {
                range: lsp_types::Range::new(Position::new(0, 0), Position::new(u32::MAX, 0)),
                message: "help: did you mean `x`?".to_owned(),
                ..lsp_types::Diagnostic::default()
            }],
        );
    }
    assert!(seen > 1800, "{seen}");
}

/// Many declarations and interpolations on one line: every view stays
/// linear (a quadratic one would take minutes here, a linear one well
/// under a second even unoptimized).
#[test]
fn one_long_line() {
    let n = 10_000;
    let mut text =
        "policy p \"P\" {\n    version: 1.0\n    provider: \"E\"\n    effective: 2026-06\n}\n"
            .to_owned();
    for i in 0..n {
        text.push_str(&format!("section s{i} \"S\" {{}} "));
    }
    text.push_str("\nsection last \"L\" {\n    \"\"\"\n    ");
    text.push_str(&"{s1} é ".repeat(n));
    text.push_str("\n    \"\"\"\n}\n");
    let started = std::time::Instant::now();
    let parsed = policyc::parse::parse(&text);
    let index = Index::new(&text, &parsed.file);
    let lines = Lines::new(&text);
    let tokens = semantic_tokens::tokens(&text, &index);
    // Per section: kind, id, title, `{`, `}`; per interpolation: `{`, id,
    // `}` and the text after it.
    assert!(tokens.len() >= 5 * n + 4 * n, "{}", tokens.len());
    let folds = folding::ranges(&text, &parsed.file, &lines);
    assert_eq!(folds.len(), 3, "{folds:?}");
    let checked = policyc::check_source(&text);
    assert!(
        checked.valid().is_some(),
        "{:?}",
        checked.diagnostics.first()
    );
    let hints = super::inlay::hints(
        &text,
        &checked,
        lsp_types::Range::new(Position::new(0, 0), Position::new(99, 0)),
    );
    // A number per section, a title after each interpolation: `S`.
    assert_eq!(hints.len(), 2 * n + 1);
    assert_eq!(hints[n + 1].position, Position::new(8, 8));
    assert!(
        started.elapsed() < std::time::Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
}
