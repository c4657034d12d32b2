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
