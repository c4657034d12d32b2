//! `policyc lsp` as an editor feels it, over standard input and output:
//! the time from a one-character edit of v1.0 (`didChange`) to its
//! diagnostics published, a completion request answered (an id, a cell
//! value), and the semantic tokens and inlay hints of the whole file (the
//! requests an editor sends after each edit). The server
//! runs as a process, as an editor starts it; each measurement is a round
//! trip through its pipes.

#[path = "../tests/lsp_client/mod.rs"]
mod lsp_client;

use criterion::{criterion_group, criterion_main, Criterion};
use lsp_client::Client;
use serde_json::json;
use std::path::Path;

const POLICY: &str = "policies/customer-support/v1.0.policy";

fn lsp(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = root.join(POLICY);
    let text = std::fs::read_to_string(&path).expect("reads v1.0");
    let uri = format!("file://{}", path.display());
    let mut server = Client::start();
    server.request("initialize", json!({"capabilities": {}}));
    server.notify("initialized", json!({}));
    server.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "policy", "version": 1, "text": text}}),
    );
    assert_eq!(server.diagnostics().len(), 9, "v1.0's nine warnings");

    // One character typed into the first comment line and taken out again,
    // in turn: each edit is checked and its diagnostics published.
    let mut version = 1;
    c.bench_function("lsp: one-character edit of v1.0 to diagnostics", |b| {
        b.iter(|| {
            version += 1;
            let change = if version % 2 == 0 {
                json!({"range": {"start": {"line": 0, "character": 1}, "end": {"line": 0, "character": 1}}, "text": "x"})
            } else {
                json!({"range": {"start": {"line": 0, "character": 1}, "end": {"line": 0, "character": 2}}, "text": ""})
            };
            server.notify(
                "textDocument/didChange",
                json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}),
            );
            assert_eq!(server.diagnostics().len(), 9);
        })
    });

    // Completion of a field's ids: `tier:` in a license.
    let at = text
        .lines()
        .enumerate()
        .find_map(|(line, l)| l.find("tier:").map(|c| (line, c + "tier: ".len())))
        .expect("a `tier:` field");
    c.bench_function("lsp: completion of a tier id in v1.0", |b| {
        b.iter(|| {
            let items = server.request(
                "textDocument/completion",
                json!({"textDocument": {"uri": uri}, "position": {"line": at.0, "character": at.1}}),
            );
            assert!(items.as_array().is_some_and(|a| !a.is_empty()), "{items}");
        })
    });

    // Completion of a cell's value: the first value cell of the response
    // grid (`| sev-1 | ...`).
    let cell = text
        .lines()
        .enumerate()
        .find_map(|(line, l)| l.find("| sev-1 ").map(|c| (line, c + "| sev-1 | ".len())))
        .expect("a `sev-1` row");
    c.bench_function("lsp: completion of a cell value in v1.0", |b| {
        b.iter(|| {
            let items = server.request(
                "textDocument/completion",
                json!({"textDocument": {"uri": uri}, "position": {"line": cell.0, "character": cell.1}}),
            );
            assert!(items.as_array().is_some_and(|a| !a.is_empty()), "{items}");
        })
    });

    c.bench_function("lsp: semantic tokens of v1.0", |b| {
        b.iter(|| {
            let tokens = server.request(
                "textDocument/semanticTokens/full",
                json!({"textDocument": {"uri": uri}}),
            );
            assert!(tokens["data"].as_array().is_some_and(|a| a.len() > 5_000));
        })
    });

    let lines = u32::try_from(text.lines().count()).expect("a line count");
    c.bench_function("lsp: inlay hints of v1.0", |b| {
        b.iter(|| {
            let hints = server.request(
                "textDocument/inlayHint",
                json!({"textDocument": {"uri": uri},
                       "range": {"start": {"line": 0, "character": 0}, "end": {"line": lines, "character": 0}}}),
            );
            assert!(hints.as_array().is_some_and(|a| a.len() > 10), "{hints}");
        })
    });
}

criterion_group!(benches, lsp);
criterion_main!(benches);
