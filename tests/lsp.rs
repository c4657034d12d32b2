//! `policyc lsp` driven over standard input and output, as an editor does:
//! JSON-RPC messages framed by `Content-Length` headers.

mod lsp_client;

use lsp_client::Client;
use serde_json::{json, Value};
use std::path::Path;

fn codes(diagnostics: &[Value]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_owned())
        .collect()
}

/// The 0-based line and column of the `nth` occurrence of `needle` in an
/// ASCII line of `text`.
fn position_of(text: &str, needle: &str, nth: usize) -> Value {
    let offset = text.match_indices(needle).nth(nth).unwrap().0;
    let line = text[..offset].matches('\n').count();
    let column = offset - text[..offset].rfind('\n').map_or(0, |i| i + 1);
    json!({"line": line, "character": column})
}

#[test]
fn a_session() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("policies/customer-support/v1.0.policy");
    let text = std::fs::read_to_string(&path).unwrap();
    let uri = format!("file://{}", path.display());
    let doc = json!({"uri": uri});
    let mut client = Client::start();

    let init = client.request("initialize", json!({"capabilities": {}, "processId": null}));
    let caps = &init["capabilities"];
    for capability in [
        "hoverProvider",
        "definitionProvider",
        "referencesProvider",
        "documentFormattingProvider",
        "documentSymbolProvider",
        "codeActionProvider",
        "foldingRangeProvider",
        "inlayHintProvider",
    ] {
        assert_eq!(caps[capability], json!(true), "{capability}");
    }
    assert_eq!(
        caps["semanticTokensProvider"]["legend"]["tokenTypes"],
        json!([
            "keyword",
            "class",
            "variable",
            "property",
            "string",
            "number",
            "comment",
            "operator",
            "enumMember"
        ])
    );
    assert_eq!(caps["semanticTokensProvider"]["full"], json!(true));
    assert_eq!(caps["semanticTokensProvider"]["range"], json!(true));
    client.notify("initialized", json!({}));

    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "policy", "version": 1, "text": text}}),
    );
    let diagnostics = client.diagnostics();
    assert_eq!(
        codes(&diagnostics),
        ["W701", "W602", "W605", "W604", "W603", "W602", "W606", "W607", "W608"]
    );
    assert!(diagnostics.iter().all(|d| d["severity"] == 2));
    // W701 at 106:15 (1-based), as `policyc check` says.
    assert_eq!(
        diagnostics[0]["range"]["start"],
        json!({"line": 105, "character": 14})
    );
    // A contradiction points at its other place too.
    assert!(diagnostics.iter().any(|d| d["relatedInformation"]
        .as_array()
        .is_some_and(|r| !r.is_empty())));

    // A typo, as an incremental change: `tier: enterprise` of the trial license.
    let at = text.find("tier:       enterprise").unwrap() + "tier:       ".len();
    let start = position_of(&text, "tier:       enterprise", 0);
    let line = start["line"].as_u64().unwrap();
    let column = at - text[..at].rfind('\n').unwrap() - 1;
    let range = json!({
        "start": {"line": line, "character": column},
        "end": {"line": line, "character": column + "enterprise".len()},
    });
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2},
               "contentChanges": [{"range": range, "text": "enterprize"}]}),
    );
    let diagnostics = client.diagnostics();
    let e111: Vec<&Value> = diagnostics.iter().filter(|d| d["code"] == "E111").collect();
    assert_eq!(e111.len(), 1, "{diagnostics:?}");
    assert_eq!(e111[0]["range"], range);
    assert_eq!(e111[0]["severity"], 1);
    assert!(e111[0]["message"].as_str().unwrap().contains("enterprize"));
    assert!(e111[0]["message"]
        .as_str()
        .unwrap()
        .contains("help: did you mean `enterprise`?"));

    // The did-you-mean help as a quick fix.
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": doc, "range": range,
               "context": {"diagnostics": [e111[0]]}}),
    );
    assert_eq!(actions.as_array().unwrap().len(), 1, "{actions}");
    assert_eq!(actions[0]["kind"], "quickfix");
    assert_eq!(
        actions[0]["edit"]["changes"][uri.as_str()],
        json!([{"range": range, "newText": "enterprise"}])
    );

    // Back to the file as it is.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 3},
               "contentChanges": [{"text": text}]}),
    );
    assert_eq!(client.diagnostics().len(), 9);

    // Hover on a use of `enterprise` (the trial license's tier).
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": doc, "position": range["start"]}),
    );
    let shown = hover["contents"]["value"].as_str().unwrap();
    assert!(
        shown.starts_with("**tier** `enterprise` — Enterprise"),
        "{shown}"
    );
    assert!(shown.contains("declared on line 248"), "{shown}");

    // Hover on a kind and on a field: what the schema says.
    let kind = position_of(&text, "tier enterprise \"Enterprise\"", 0);
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": doc, "position": kind}),
    );
    let shown = hover["contents"]["value"].as_str().unwrap();
    assert!(
        shown.starts_with("**kind** `tier`") && shown.contains("`licenses`"),
        "{shown}"
    );
    let field = position_of(&text, "licenses:        [enterprise-license", 0);
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": doc, "position": field}),
    );
    let shown = hover["contents"]["value"].as_str().unwrap();
    assert!(
        shown.starts_with("**field** `licenses` of a `tier`"),
        "{shown}"
    );

    // Go to definition: the id of `tier enterprise "Enterprise"`.
    let definition = client.request(
        "textDocument/definition",
        json!({"textDocument": doc, "position": range["start"]}),
    );
    let declared = position_of(&text, "enterprise \"Enterprise\"", 0);
    assert_eq!(definition[0]["uri"], json!(uri));
    assert_eq!(definition[0]["range"]["start"], declared);

    // Find references: the declaration, the license, grid headers, ...
    let references = client.request(
        "textDocument/references",
        json!({"textDocument": doc, "position": declared,
               "context": {"includeDeclaration": true}}),
    );
    let starts: Vec<&Value> = references
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["range"]["start"])
        .collect();
    assert!(starts.contains(&&declared));
    assert!(starts.contains(&&range["start"]));
    let header = position_of(&text, "| enterprise ", 0);
    let header =
        json!({"line": header["line"], "character": header["character"].as_u64().unwrap() + 2});
    assert!(starts.contains(&&header), "{starts:?}");
    assert!(starts.len() > 10, "{}", starts.len());

    // The file is formatted: no edits. A misaligned field: one edit.
    let edits = client.request(
        "textDocument/formatting",
        json!({"textDocument": doc, "options": {"tabSize": 4, "insertSpaces": true}}),
    );
    assert_eq!(edits, json!([]));
    let untidy = text.replacen("    version:   1.0", "  version:  1.0", 1);
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 4}, "contentChanges": [{"text": untidy}]}),
    );
    client.diagnostics();
    let edits = client.request(
        "textDocument/formatting",
        json!({"textDocument": doc, "options": {"tabSize": 4, "insertSpaces": true}}),
    );
    assert_eq!(edits.as_array().unwrap().len(), 1);
    assert_eq!(edits[0]["newText"], json!(text));

    // The outline: declarations nested as written.
    let symbols = client.request("textDocument/documentSymbol", json!({"textDocument": doc}));
    let symbols = symbols.as_array().unwrap();
    assert_eq!(symbols[0]["name"], "customer-support");
    let overview = symbols.iter().find(|s| s["name"] == "overview").unwrap();
    assert_eq!(overview["detail"], "section — Overview");
    assert_eq!(overview["children"][0]["name"], "self-service");
    assert_eq!(
        overview["children"][0]["children"][0]["name"],
        "documentation-portal"
    );

    // Completion: the ids of a field's kind, a kind's fields, the kinds.
    let labels = |client: &mut Client, position: &Value| -> Vec<String> {
        let items = client.request(
            "textDocument/completion",
            json!({"textDocument": doc, "position": position}),
        );
        items
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["label"].as_str().unwrap().to_owned())
            .collect()
    };
    let tiers = labels(&mut client, &range["start"]);
    assert_eq!(tiers, ["community", "advanced", "enterprise"]);
    let licenses = position_of(&text, "licenses:        [enterprise-license", 0);
    let fields = labels(&mut client, &licenses);
    assert!(fields.iter().any(|f| f == "licenses") && fields.iter().any(|f| f == "rank"));
    assert!(!fields.iter().any(|f| f == "rows"), "{fields:?}");
    let kinds = labels(&mut client, &json!({"line": 10, "character": 0}));
    for kind in ["policy", "section", "tier", "grid"] {
        assert!(kinds.iter().any(|k| k == kind), "{kinds:?}");
    }

    let ids = labels(&mut client, &header);
    assert!(ids.iter().any(|i| i == "enterprise"), "{ids:?}");

    // Rename: every declaration and use, unless the name is taken or no id.
    let prepared = client.request(
        "textDocument/prepareRename",
        json!({"textDocument": doc, "position": range["start"]}),
    );
    assert_eq!(prepared, range);
    let edit = client.request(
        "textDocument/rename",
        json!({"textDocument": doc, "position": range["start"], "newName": "premium"}),
    );
    let edits = edit["changes"][uri.as_str()].as_array().unwrap();
    assert_eq!(edits.len(), starts.len());
    assert!(edits.iter().all(|e| e["newText"] == "premium"));
    for taken in ["advanced", "Premium", "two words"] {
        let error = client.request_error(
            "textDocument/rename",
            json!({"textDocument": doc, "position": range["start"], "newName": taken}),
        );
        assert!(error.contains(taken), "{error}");
    }

    client.request("shutdown", Value::Null);
    client.notify("exit", Value::Null);
    let status = client.child.wait().unwrap();
    assert!(status.success());
}

#[test]
fn shared_files() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("policies/github");
    let policy = std::fs::read_to_string(dir.join("v1.0.policy")).unwrap();
    let shared = std::fs::read_to_string(dir.join("japanese-holidays.shared.policy")).unwrap();
    let policy_uri = format!("file://{}", dir.join("v1.0.policy").display());
    let shared_uri = format!(
        "file://{}",
        dir.join("japanese-holidays.shared.policy").display()
    );
    let mut client = Client::start();
    client.request("initialize", json!({"capabilities": {}, "processId": null}));
    client.notify("initialized", json!({}));

    // The included file is read beside the policy: its one warning only.
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": policy_uri, "languageId": "policy", "version": 1, "text": policy}}),
    );
    assert_eq!(codes(&client.diagnostics_for(&policy_uri)), ["W501"]);

    // Go to definition of a holiday set declared in the shared file.
    let used = position_of(&policy, "japanese-national-holidays, japanese-year-end]", 0);
    let definition = client.request(
        "textDocument/definition",
        json!({"textDocument": {"uri": policy_uri}, "position": used}),
    );
    assert_eq!(definition[0]["uri"], json!(shared_uri));
    assert_eq!(
        definition[0]["range"]["start"],
        position_of(&shared, "japanese-national-holidays \"", 0)
    );
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": policy_uri}, "position": used}),
    );
    let shown = hover["contents"]["value"].as_str().unwrap();
    assert!(
        shown.starts_with("**holidays** `japanese-national-holidays`"),
        "{shown}"
    );
    assert!(shown.contains("japanese-holidays.shared.policy"), "{shown}");

    // An open shared file is read as edited, not as saved: a renamed set
    // leaves the policy's reference unknown.
    let edited = shared.replace("holidays japanese-year-end ", "holidays japanese-new-year ");
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": shared_uri, "languageId": "policy", "version": 1, "text": edited}}),
    );
    let diagnostics = client.diagnostics_for(&policy_uri);
    assert!(
        codes(&diagnostics).contains(&"E111".to_owned()),
        "{diagnostics:?}"
    );
    // Closed, the saved file counts again.
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": shared_uri}}),
    );
    assert_eq!(codes(&client.diagnostics_for(&policy_uri)), ["W501"]);

    client.request("shutdown", Value::Null);
    client.notify("exit", Value::Null);
    assert!(client.child.wait().unwrap().success());
}

#[test]
fn interpolations() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("policies/atlassian/v1.0.policy");
    let text = std::fs::read_to_string(&path).unwrap();
    let uri = format!("file://{}", path.display());
    let doc = json!({"uri": uri});
    let mut client = Client::start();
    client.request("initialize", json!({"capabilities": {}, "processId": null}));
    client.notify("initialized", json!({}));
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "policy", "version": 1, "text": text}}),
    );
    assert_eq!(client.diagnostics().len(), 0);

    // `{initial-response-times[l1, government-cloud]}`: the grid and both
    // headers are ids.
    let cell = "{initial-response-times[l1, government-cloud]}";
    let grid = position_of(&text, cell, 0);
    let grid = json!({"line": grid["line"], "character": grid["character"].as_u64().unwrap() + 1});
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": doc, "position": grid}),
    );
    let shown = hover["contents"]["value"].as_str().unwrap();
    assert!(
        shown.starts_with("**grid** `initial-response-times`"),
        "{shown}"
    );
    let definition = client.request(
        "textDocument/definition",
        json!({"textDocument": doc, "position": grid}),
    );
    assert_eq!(
        definition[0]["range"]["start"],
        position_of(&text, "grid initial-response-times", 0)
            .as_object()
            .map(|p| json!({"line": p["line"], "character": p["character"].as_u64().unwrap() + 5}))
            .unwrap()
    );
    let column = position_of(&text, "government-cloud]}", 0);
    let references = client.request(
        "textDocument/references",
        json!({"textDocument": doc, "position": column,
               "context": {"includeDeclaration": false}}),
    );
    let starts: Vec<&Value> = references
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["range"]["start"])
        .collect();
    assert!(starts.contains(&&column), "{starts:?}");

    // Completion in an interpolation: every id.
    let ids = client.request(
        "textDocument/completion",
        json!({"textDocument": doc, "position": grid}),
    );
    let ids: Vec<&str> = ids
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"initial-response-times") && ids.contains(&"government-cloud"));

    client.request("shutdown", Value::Null);
    client.notify("exit", Value::Null);
    assert!(client.child.wait().unwrap().success());
}

/// A started server, initialized with `capabilities`.
fn started(capabilities: Value) -> Client {
    let mut client = Client::start();
    client.request(
        "initialize",
        json!({"capabilities": capabilities, "processId": null}),
    );
    client.notify("initialized", json!({}));
    client
}

fn stop(mut client: Client) {
    client.request("shutdown", Value::Null);
    client.notify("exit", Value::Null);
    assert!(client.child.wait().unwrap().success());
}

/// Opens the shipped policy at `relative`: its URI and text, after its
/// diagnostics.
fn open(client: &mut Client, relative: &str) -> (String, String) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    let text = std::fs::read_to_string(&path).unwrap();
    let uri = format!("file://{}", path.display());
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "policy", "version": 1, "text": text}}),
    );
    client.diagnostics_for(&uri);
    (uri, text)
}

/// Every shipped policy and shared file, relative to the repository.
fn shipped() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in std::fs::read_dir(root.join("policies")).unwrap() {
        for file in std::fs::read_dir(dir.unwrap().path()).unwrap() {
            let path = file.unwrap().path();
            if path.extension().is_some_and(|e| e == "policy") {
                out.push(
                    path.strip_prefix(root)
                        .unwrap()
                        .to_str()
                        .unwrap()
                        .to_owned(),
                );
            }
        }
    }
    out.sort();
    out
}

/// Semantic tokens decoded: `(line, column, length, type, modifiers)`.
fn decode(data: &Value) -> Vec<[u64; 5]> {
    let data: Vec<u64> = data
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_u64().unwrap())
        .collect();
    let (mut line, mut column) = (0, 0);
    data.chunks(5)
        .map(|t| {
            if t[0] > 0 {
                column = 0;
            }
            line += t[0];
            column += t[1];
            [line, column, t[2], t[3], t[4]]
        })
        .collect()
}

#[test]
fn semantic_tokens_of_every_shipped_policy() {
    let mut client = started(json!({}));
    let files = shipped();
    assert_eq!(files.len(), 10, "{files:?}");
    let mut legend = Vec::new();
    for relative in &files {
        let (uri, text) = open(&mut client, relative);
        let tokens = client.request(
            "textDocument/semanticTokens/full",
            json!({"textDocument": {"uri": uri}}),
        );
        let tokens = decode(&tokens["data"]);
        let lines: Vec<&str> = text.split('\n').collect();
        // Every line that is not blank holds a token.
        for (n, line) in lines.iter().enumerate() {
            assert!(
                line.trim().is_empty() || tokens.iter().any(|t| t[0] == n as u64),
                "{relative}:{}: {line}",
                n + 1
            );
        }
        let mut end_of_last = (0, 0);
        for &[line, column, length, kind, _] in &tokens {
            assert!(length > 0, "{relative}:{line}:{column}");
            assert!(kind < 9, "{relative}:{line}:{column}");
            // Never overlapping, never past the end of the line.
            assert!((line, column) >= end_of_last, "{relative}:{line}:{column}");
            let units = lines[line as usize]
                .trim_end_matches('\r')
                .encode_utf16()
                .count();
            assert!(
                column + length <= units as u64,
                "{relative}:{line}:{column}"
            );
            end_of_last = (line, column + length);
        }
        // A range: the same tokens, those of its lines only.
        let range = client.request(
            "textDocument/semanticTokens/range",
            json!({"textDocument": {"uri": uri},
                   "range": {"start": {"line": 20, "character": 0}, "end": {"line": 60, "character": 0}}}),
        );
        let within: Vec<[u64; 5]> = tokens
            .iter()
            .filter(|t| (20..60).contains(&t[0]))
            .copied()
            .collect();
        assert_eq!(decode(&range["data"]), within, "{relative}");
        if relative.ends_with("customer-support/v1.0.policy") {
            legend = tokens;
        }
        client.notify(
            "textDocument/didClose",
            json!({"textDocument": {"uri": uri}}),
        );
        client.diagnostics_for(&uri);
    }

    // By hand, on v1.0: types are keyword 0, class 1, variable 2,
    // property 3, string 4, number 5, comment 6, operator 7, enumMember 8.
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("policies/customer-support/v1.0.policy"),
    )
    .unwrap();
    let at = |needle: &str| {
        let p = position_of(&text, needle, 0);
        (
            p["line"].as_u64().unwrap(),
            p["character"].as_u64().unwrap(),
        )
    };
    let token = |line: u64, column: u64| {
        legend
            .iter()
            .find(|t| t[0] == line && t[1] == column)
            .copied()
            .unwrap_or_else(|| panic!("no token at {line}:{column}"))
    };
    // `section overview "Overview" {`: a kind, a declared id, a title.
    let (line, column) = at("section overview \"Overview\" {");
    assert_eq!(token(line, column), [line, column, 7, 0, 0]);
    assert_eq!(token(line, column + 8), [line, column + 8, 8, 1, 1]);
    assert_eq!(token(line, column + 17), [line, column + 17, 10, 4, 0]);
    assert_eq!(token(line, column + 28), [line, column + 28, 1, 7, 0]);
    // `tier:       enterprise`: a field, its colon, a use of an id.
    let (line, column) = at("tier:       enterprise");
    assert_eq!(token(line, column), [line, column, 4, 3, 0]);
    assert_eq!(token(line, column + 4), [line, column + 4, 1, 7, 0]);
    assert_eq!(token(line, column + 12), [line, column + 12, 10, 2, 0]);
    // `response-target: 2 hours 24x7`: a number and a fixed word.
    let (line, column) = at("response-target: 2 hours 24x7");
    assert_eq!(token(line, column + 17), [line, column + 17, 1, 5, 0]);
    assert_eq!(token(line, column + 25), [line, column + 25, 4, 8, 0]);
    // A comment, whole.
    let (line, column) = at("# Faithful to 3.3, \"24×7");
    let comment = text.lines().nth(line as usize).unwrap()[column as usize..].encode_utf16();
    assert_eq!(
        token(line, column),
        [line, column, comment.count() as u64, 6, 0]
    );
    stop(client);
}

/// `text` with the LSP `edits` applied (ranges on ASCII lines).
fn apply(text: &str, edits: &Value) -> String {
    let offset = |p: &Value| {
        let line = p["line"].as_u64().unwrap() as usize;
        let start: usize = text.split('\n').take(line).map(|l| l.len() + 1).sum();
        start + p["character"].as_u64().unwrap() as usize
    };
    let mut edits: Vec<&Value> = edits.as_array().unwrap().iter().collect();
    edits.sort_by_key(|e| std::cmp::Reverse(offset(&e["range"]["start"])));
    let mut out = text.to_owned();
    for e in edits {
        let (start, end) = (offset(&e["range"]["start"]), offset(&e["range"]["end"]));
        out.replace_range(start..end, e["newText"].as_str().unwrap());
    }
    out
}

/// The quick fixes of every diagnostic of `uri`, applied one by one to
/// `text`: the fixed text and the titles.
fn fix_all(
    client: &mut Client,
    uri: &str,
    text: &str,
    diagnostics: &[Value],
) -> (String, Vec<String>) {
    let mut fixed = text.to_owned();
    let mut titles = Vec::new();
    let mut edits = Vec::new();
    for diagnostic in diagnostics {
        let actions = client.request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": diagnostic["range"],
                   "context": {"diagnostics": [diagnostic]}}),
        );
        for action in actions.as_array().unwrap() {
            assert_eq!(action["kind"], "quickfix");
            titles.push(action["title"].as_str().unwrap().to_owned());
            edits.extend(
                action["edit"]["changes"][uri]
                    .as_array()
                    .unwrap()
                    .iter()
                    .cloned(),
            );
        }
    }
    fixed = apply(&fixed, &Value::Array(edits));
    (fixed, titles)
}

#[test]
fn quick_fixes() {
    let mut client = started(json!({}));
    let (uri, text) = open(&mut client, "policies/customer-support/v1.0.policy");
    let mut version = 1;
    let mut change = |client: &mut Client, new: &str| {
        version += 1;
        client.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version},
                   "contentChanges": [{"text": new}]}),
        );
        client.diagnostics_for(&uri)
    };

    // A field, a quoted value (a time zone) and a kind, misspelt.
    let typos = text
        .replacen("rank:            1", "rankk:           1", 1)
        .replacen("\"Europe/Stockholm\"", "\"Europe/Stokholm\"", 1)
        .replacen(
            "tier advanced \"Advanced\"",
            "tierr advanced \"Advanced\"",
            1,
        );
    let diagnostics = change(&mut client, &typos);
    let errors: Vec<Value> = diagnostics
        .into_iter()
        .filter(|d| d["severity"] == 1)
        .collect();
    assert_eq!(codes(&errors), ["E107", "E101", "E211"]);
    let (fixed, titles) = fix_all(&mut client, &uri, &typos, &errors);
    assert_eq!(
        titles,
        [
            "Replace `rankk` with `rank`",
            "Replace `tierr` with `tier`",
            "Replace `Europe/Stokholm` with `Europe/Stockholm`"
        ]
    );
    // The kind's fix leaves the field aligned as written: `rank` keeps
    // the spaces `rankk:` had.
    assert_eq!(
        fixed,
        text.replacen("rank:            1", "rank:           1", 1)
    );

    // A unit misspelt: a syntax error, found after the word.
    let unit = text.replacen("2 hours 24x7", "2 hourz 24x7", 1);
    let errors = change(&mut client, &unit);
    assert_eq!(codes(&errors), ["E010"]);
    let (fixed, titles) = fix_all(&mut client, &uri, &unit, &errors);
    assert_eq!(titles, ["Replace `hourz` with `hour`"]);
    assert_eq!(fixed, text.replacen("2 hours 24x7", "2 hour 24x7", 1));

    // A declaration left open: its `}` where the indentation shows.
    let open_tier = text.replacen(
        "        response-target: n/a\n    }\n",
        "        response-target: n/a\n",
        1,
    );
    let errors = change(&mut client, &open_tier);
    assert_eq!(codes(&errors), ["E010"]);
    assert!(
        errors[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("the tier `community` is not closed"),
        "{errors:?}"
    );
    let (fixed, titles) = fix_all(&mut client, &uri, &open_tier, &errors);
    assert_eq!(titles, ["Close `tier community` with `}`"]);
    assert_eq!(fixed, text);
    stop(client);

    // In interpolations, labelled whole: an unknown id, an unknown column.
    let mut client = started(json!({}));
    let (uri, text) = open(&mut client, "policies/atlassian/v1.0.policy");
    let typos = text
        .replacen(
            "{initial-response-times[l1, government-cloud]}",
            "{initial-response-times[l1, government-clod]}",
            1,
        )
        .replacen(
            "{initial-response-times[l2, government-cloud]}",
            "{initial-respons-times[l2, government-cloud]}",
            1,
        );
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": typos}]}),
    );
    let errors = client.diagnostics_for(&uri);
    assert_eq!(codes(&errors), ["E404", "E402"], "{errors:?}");
    let (fixed, titles) = fix_all(&mut client, &uri, &typos, &errors);
    assert_eq!(
        titles,
        [
            "Replace `government-clod` with `government-cloud`",
            "Replace `initial-respons-times` with `initial-response-times`"
        ]
    );
    assert_eq!(fixed, text);
    stop(client);
}

#[test]
fn folding_ranges() {
    let mut client = started(json!({}));
    let (uri, _) = open(&mut client, "policies/customer-support/v1.0.policy");
    let ranges = client.request(
        "textDocument/foldingRange",
        json!({"textDocument": {"uri": uri}}),
    );
    let ranges: Vec<(u64, u64, &str)> = ranges
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["startLine"].as_u64().unwrap(),
                r["endLine"].as_u64().unwrap(),
                r["kind"].as_str().unwrap_or(""),
            )
        })
        .collect();
    // By hand (0-based lines): `section overview` on 23, its `}` on 45;
    // its prose block 24-28; `topic self-service` 30-44; a resource
    // 35-37; the banner comment 48-50; two comment lines at 256 and 265.
    for expected in [
        (23, 44, ""),
        (24, 27, ""),
        (30, 43, ""),
        (35, 36, ""),
        (48, 50, "comment"),
        (256, 257, "comment"),
        (265, 266, "comment"),
    ] {
        assert!(ranges.contains(&expected), "{expected:?} in {ranges:?}");
    }
    // A one-line declaration does not fold.
    assert!(!ranges.iter().any(|r| r.0 == 211), "{ranges:?}");
    stop(client);

    // A grid's rows, all of them.
    let mut client = started(json!({}));
    let (uri, text) = open(&mut client, "policies/atlassian/v1.0.policy");
    let ranges = client.request(
        "textDocument/foldingRange",
        json!({"textDocument": {"uri": uri}}),
    );
    let header = position_of(&text, "| *  | standard         | premium ", 0)["line"].clone();
    let header = header.as_u64().unwrap();
    assert!(
        ranges
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["startLine"] == header
                && r["endLine"] == header + 5
                && r["kind"] == "region"),
        "{ranges}"
    );
    stop(client);
}

#[test]
fn inlay_hints() {
    let mut client = started(json!({}));
    let (uri, text) = open(&mut client, "policies/customer-support/v1.0.policy");
    let hints = client.request(
        "textDocument/inlayHint",
        json!({"textDocument": {"uri": uri},
               "range": {"start": {"line": 0, "character": 0}, "end": {"line": 200, "character": 0}}}),
    );
    let hints: Vec<(Value, String)> = hints
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["position"].clone(),
                h["label"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    // As the document numbers them: `## 1. Overview`, `## 2. Products
    // Covered`, `### 2.1 ClusterControl ...`; before each title.
    let title = |needle: &str| {
        let p = position_of(&text, needle, 0);
        json!({"line": p["line"], "character": p["character"].as_u64().unwrap() + needle.find('"').unwrap() as u64})
    };
    for (needle, number) in [
        ("section overview \"Overview\"", "1."),
        ("section products \"Products Covered\"", "2."),
        ("section products-clustercontrol \"ClusterControl", "2.1"),
        ("section kubernetes-boundaries \"", "2.4"),
    ] {
        assert!(
            hints.contains(&(title(needle), number.to_owned())),
            "{needle}: {hints:?}"
        );
    }
    // Only the lines asked for: `3. Support Tiers` is on line 206.
    assert!(!hints.iter().any(|h| h.1 == "3."), "{hints:?}");
    stop(client);

    // An interpolation's rendered text, after its `}`: the cell as the
    // document's list writes it ("- L1 (application down): 2 business
    // hours").
    let mut client = started(json!({}));
    let (uri, text) = open(&mut client, "policies/atlassian/v1.0.policy");
    let cell = "{initial-response-times[l1, government-cloud]}";
    let at = position_of(&text, cell, 0);
    let line = at["line"].as_u64().unwrap();
    let hints = client.request(
        "textDocument/inlayHint",
        json!({"textDocument": {"uri": uri},
               "range": {"start": {"line": line, "character": 0}, "end": {"line": line + 1, "character": 0}}}),
    );
    let after =
        json!({"line": line, "character": at["character"].as_u64().unwrap() + cell.len() as u64});
    let hints = hints.as_array().unwrap();
    assert_eq!(hints.len(), 2, "{hints:?}");
    assert_eq!(hints[0]["position"], after);
    assert_eq!(hints[0]["label"], "= 2 business hours");
    assert_eq!(hints[1]["label"], "= 6 business hours");

    // With an error in the policy no document is rendered: no text after
    // interpolations, the sections' numbers still.
    let broken = text.replacen(
        "tier premium \"Premium\"",
        "tier premium \"Premium\" { rank: x }\ntier dup \"Premium\"",
        1,
    );
    assert_ne!(broken, text);
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": broken}]}),
    );
    assert!(client
        .diagnostics_for(&uri)
        .iter()
        .any(|d| d["severity"] == 1));
    let hints = client.request(
        "textDocument/inlayHint",
        json!({"textDocument": {"uri": uri},
               "range": {"start": {"line": 0, "character": 0}, "end": {"line": 2000, "character": 0}}}),
    );
    let labels: Vec<&str> = hints
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["1.", "2.", "3.", "4.", "5."]);
    stop(client);
}

#[test]
fn grid_cells_and_interpolations() {
    let mut client = started(json!({}));
    let (uri, text) = open(&mut client, "policies/atlassian/v1.0.policy");
    let doc = json!({"uri": uri});
    let hover = |client: &mut Client, position: Value| -> String {
        let hover = client.request(
            "textDocument/hover",
            json!({"textDocument": doc, "position": position}),
        );
        hover["contents"]["value"].as_str().unwrap_or("").to_owned()
    };
    // The cell `initial-response-times[l1, enterprise]`, written
    // `30 minutes 24x7`: the table writes `30 minutes (24×7)`.
    let cell = position_of(&text, "30 minutes 24x7 | 2 business hours |", 0);
    let shown = hover(&mut client, cell.clone());
    assert_eq!(
        shown,
        "**cell** `initial-response-times[l1, enterprise]`\n\nrow `l1` — L1: Application Down\n\ncolumn `enterprise` — Enterprise\n\n**renders as** 30 minutes (24×7)"
    );
    // A header is an id, not a cell.
    let header = position_of(&text, "government-cloud |\n        | l1", 0);
    assert!(hover(&mut client, header).starts_with("**tier** `government-cloud`"));

    // An interpolation: the id, and what the document writes for it.
    let interpolation = position_of(&text, "{initial-response-times[l2, government-cloud]}", 0);
    let on_row = json!({"line": interpolation["line"], "character": interpolation["character"].as_u64().unwrap() + 24});
    let shown = hover(&mut client, on_row);
    assert!(shown.starts_with("**severity** `l2`"), "{shown}");
    assert!(
        shown.ends_with("\n\n---\n\n**renders as** 6 business hours"),
        "{shown}"
    );

    // Completion in a value cell: what a target cell accepts, and the
    // values the grid already holds, each once.
    let items = client.request(
        "textDocument/completion",
        json!({"textDocument": doc, "position": cell}),
    );
    let labels: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    for value in [
        "4 hours 24x7",
        "best-effort",
        "n/a",
        "30 minutes 24x7",
        "2 business hours on twenty-four-five",
        "n/a ([...])",
    ] {
        assert!(labels.contains(&value), "{value}: {labels:?}");
    }
    assert_eq!(
        labels.iter().filter(|l| **l == "2 business hours").count(),
        1
    );
    assert!(
        !labels.contains(&"l1") && !labels.contains(&"enterprise"),
        "{labels:?}"
    );
    assert!(items[0]["detail"]
        .as_str()
        .unwrap()
        .contains("a response target"));
    // In the rows' first column: the ids.
    let row_id = position_of(&text, "| l1 | 2 business hours", 0);
    let row_id =
        json!({"line": row_id["line"], "character": row_id["character"].as_u64().unwrap() + 2});
    let items = client.request(
        "textDocument/completion",
        json!({"textDocument": doc, "position": row_id}),
    );
    assert!(items.as_array().unwrap().iter().any(|i| i["label"] == "l1"));

    // In an interpolation being typed: a grid's rows, then its columns;
    // a declaration's fields after `id.`.
    let typed = "{initial-response-times[l2, government-cloud]}";
    let start = position_of(&text, typed, 0);
    let (line, column) = (start["line"].clone(), start["character"].as_u64().unwrap());
    let complete = |client: &mut Client, prefix: &str| -> Vec<String> {
        let mut edited = text.clone();
        let at = text.find(typed).unwrap();
        edited.replace_range(at..at + typed.len(), prefix);
        client.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": edited}]}),
        );
        client.diagnostics_for(&uri);
        let items = client.request(
            "textDocument/completion",
            json!({"textDocument": doc,
                   "position": {"line": line, "character": column + prefix.len() as u64}}),
        );
        items
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["label"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        complete(&mut client, "{initial-response-times["),
        ["l1", "l2", "l3", "l4", "l5"]
    );
    assert_eq!(
        complete(&mut client, "{initial-response-times[l2, "),
        ["standard", "premium", "enterprise", "government-cloud"]
    );
    let fields = complete(&mut client, "{premium.");
    assert!(fields.contains(&"rank".to_owned()), "{fields:?}");
    assert!(!fields.contains(&"premium".to_owned()), "{fields:?}");
    let ids = complete(&mut client, "{prem");
    assert!(ids.contains(&"premium".to_owned()) && ids.contains(&"l2".to_owned()));
    // The policy has an error now (`{prem` is not closed): a cell's row
    // and column still, no rendered value.
    assert_eq!(
        hover(&mut client, cell),
        "**cell** `initial-response-times[l1, enterprise]`\n\nrow `l1` — L1: Application Down\n\ncolumn `enterprise` — Enterprise"
    );
    stop(client);
}

#[test]
fn references_from_a_shared_file() {
    let mut client = started(json!({}));
    let (shared_uri, shared) = open(
        &mut client,
        "policies/github/japanese-holidays.shared.policy",
    );
    let declared = position_of(&shared, "japanese-year-end \"", 0);
    let references = client.request(
        "textDocument/references",
        json!({"textDocument": {"uri": shared_uri}, "position": declared,
               "context": {"includeDeclaration": true}}),
    );
    let found: Vec<(String, Value)> = references
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let uri = r["uri"].as_str().unwrap();
            let file = uri.rsplit('/').next().unwrap().to_owned();
            (file, r["range"]["start"].clone())
        })
        .collect();
    // Its declaration, and the one use in each GitHub policy (both
    // include the file): line 221 of v1.0, 224 of v1.1.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("policies/github");
    let v10 = std::fs::read_to_string(dir.join("v1.0.policy")).unwrap();
    let v11 = std::fs::read_to_string(dir.join("v1.1.policy")).unwrap();
    let used = "japanese-year-end]";
    assert_eq!(
        found,
        [
            (
                "japanese-holidays.shared.policy".to_owned(),
                declared.clone()
            ),
            ("v1.0.policy".to_owned(), position_of(&v10, used, 0)),
            ("v1.1.policy".to_owned(), position_of(&v11, used, 0)),
        ]
    );
    assert_eq!(found[1].1["line"], 220);

    // Rename from the shared file: there and in both policies.
    let edit = client.request(
        "textDocument/rename",
        json!({"textDocument": {"uri": shared_uri}, "position": declared,
               "newName": "japanese-new-year"}),
    );
    let changes = edit["changes"].as_object().unwrap();
    let mut files: Vec<&str> = changes
        .keys()
        .map(|uri| uri.rsplit('/').next().unwrap())
        .collect();
    files.sort_unstable();
    assert_eq!(
        files,
        [
            "japanese-holidays.shared.policy",
            "v1.0.policy",
            "v1.1.policy"
        ]
    );
    for (uri, edits) in changes {
        let edits = edits.as_array().unwrap();
        if uri.ends_with("v1.0.policy") {
            assert_eq!(
                edits,
                &[json!({"range": {"start": position_of(&v10, used, 0),
                                   "end": {"line": 220, "character": position_of(&v10, used, 0)["character"].as_u64().unwrap() + 17}},
                         "newText": "japanese-new-year"})]
            );
        }
        assert!(edits.iter().all(|e| e["newText"] == "japanese-new-year"));
    }
    // Refused: a name a including policy declares.
    let error = client.request_error(
        "textDocument/rename",
        json!({"textDocument": {"uri": shared_uri}, "position": declared,
               "newName": "about-github-support"}),
    );
    assert!(
        error.contains("`about-github-support` is already declared in"),
        "{error}"
    );
    assert!(error.contains("v1.0.policy"), "{error}");
    stop(client);
}

#[test]
fn a_shared_file_changed_on_disk() {
    // A copy of the GitHub policy and its shared file, to change on disk.
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("policies/github");
    let dir = std::env::temp_dir().join(format!("policyc-lsp-watch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let shared_name = "japanese-holidays.shared.policy";
    let shared = std::fs::read_to_string(source.join(shared_name)).unwrap();
    std::fs::write(dir.join(shared_name), &shared).unwrap();
    let policy = std::fs::read_to_string(source.join("v1.0.policy")).unwrap();
    let policy_path = dir.join("v1.0.policy");
    std::fs::write(&policy_path, &policy).unwrap();
    let uri = format!("file://{}", policy_path.display());
    let shared_uri = format!("file://{}", dir.join(shared_name).display());

    // A client that watches files when asked: the server asks for the
    // shared files.
    let mut client = Client::start();
    client.request(
        "initialize",
        json!({"processId": null, "capabilities":
               {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}}),
    );
    client.notify("initialized", json!({}));
    let register = client.receive();
    assert_eq!(register["method"], "client/registerCapability");
    let registration = &register["params"]["registrations"][0];
    assert_eq!(registration["method"], "workspace/didChangeWatchedFiles");
    assert_eq!(
        registration["registerOptions"]["watchers"][0]["globPattern"],
        "**/*.shared.policy"
    );
    client.send(&json!({"jsonrpc": "2.0", "id": register["id"], "result": null}));

    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "policy", "version": 1, "text": policy}}),
    );
    assert_eq!(codes(&client.diagnostics_for(&uri)), ["W501"]);

    // The set renamed on disk: the policy's reference is unknown.
    std::fs::write(
        dir.join(shared_name),
        shared.replace("holidays japanese-year-end ", "holidays japanese-new-year "),
    )
    .unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": shared_uri, "type": 2}]}),
    );
    let diagnostics = client.diagnostics_for(&uri);
    let e111: Vec<&Value> = diagnostics.iter().filter(|d| d["code"] == "E111").collect();
    assert_eq!(e111.len(), 1, "{diagnostics:?}");
    assert!(e111[0]["message"]
        .as_str()
        .unwrap()
        .contains("`japanese-year-end`"));

    // Restored: as before.
    std::fs::write(dir.join(shared_name), &shared).unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": shared_uri, "type": 2}]}),
    );
    assert_eq!(codes(&client.diagnostics_for(&uri)), ["W501"]);
    stop(client);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn no_registration_for_a_client_that_does_not_watch() {
    // The first message after `initialized` answers a request: nothing
    // was asked of the client before it.
    let mut client =
        started(json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": false}}}));
    client.send(
        &json!({"jsonrpc": "2.0", "id": 99, "method": "textDocument/foldingRange",
                         "params": {"textDocument": {"uri": "file:///nowhere.policy"}}}),
    );
    let first = client.receive();
    assert_eq!(first["id"], 99, "{first}");
    stop(client);
}
