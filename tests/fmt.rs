//! `policyc fmt`: the canonical layout of the fixtures in
//! `tests/fixtures/fmt/` (snapshots), idempotence and meaning preservation
//! over every valid policy we have and over random ones, comments kept, and
//! the "new user" scenario on the shipped policy.

use policyc::fmt::{comments, format_source};
use proptest::prelude::*;
use std::path::{Path, PathBuf};
use unicode_width::UnicodeWidthStr;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn real_policy() -> String {
    std::fs::read_to_string(Path::new(ROOT).join("policies/customer-support/v1.0.policy"))
        .expect("policies/customer-support/v1.0.policy exists")
}

/// Every `.policy` file under `dir`, recursively.
fn policies_under(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            policies_under(&path, found);
        } else if path.extension().is_some_and(|e| e == "policy") {
            found.push(path);
        }
    }
}

/// Formats `source` and checks the properties every formatting must have:
/// the same model, the same comments in the same order, idempotence, no
/// tabs or trailing spaces. Returns the formatted text.
fn assert_formats_well(name: &str, source: &str) -> String {
    let formatted = match format_source(source) {
        Ok(formatted) => formatted,
        Err(diagnostics) => panic!("{name}: does not format: {diagnostics:?}"),
    };
    let before = policyc::check_source(source);
    let after = policyc::check_source(&formatted);
    assert!(
        !after.has_errors(),
        "{name}: the formatted text has errors: {:?}\n{formatted}",
        after.errors().collect::<Vec<_>>()
    );
    assert!(
        before.policy() == after.policy(),
        "{name}: the model changed\n{formatted}"
    );
    assert_eq!(
        comments(source),
        comments(&formatted),
        "{name}: comments lost or moved out of order\n{formatted}"
    );
    let again = format_source(&formatted).expect("the formatted text formats");
    assert_eq!(formatted, again, "{name}: not idempotent");
    for (i, line) in formatted.lines().enumerate() {
        assert!(
            !line.ends_with(' ') && !line.contains('\t'),
            "{name}: line {} has a tab or trailing space: {line:?}",
            i + 1
        );
    }
    formatted
}

#[test]
fn fixtures_format_to_their_snapshots() {
    insta::glob!("fixtures/fmt/*.policy", |path| {
        let source = std::fs::read_to_string(path).expect("fixture is readable");
        let name = path.display().to_string();
        let formatted = assert_formats_well(&name, &source);
        insta::assert_snapshot!(formatted);
    });
}

#[test]
fn every_valid_policy_keeps_its_meaning_and_formats_once() {
    let mut files = Vec::new();
    policies_under(&Path::new(ROOT).join("tests/fixtures"), &mut files);
    policies_under(&Path::new(ROOT).join("policies"), &mut files);
    files.sort();
    let mut formatted = 0;
    for path in &files {
        let source = std::fs::read_to_string(path).unwrap_or_default();
        let name = path.display().to_string();
        if policyc::check_source(&source).has_errors() {
            let result = format_source(&source);
            assert!(result.is_err(), "{name}: an invalid file was formatted");
            continue;
        }
        assert_formats_well(&name, &source);
        formatted += 1;
    }
    assert!(formatted >= 10, "only {formatted} valid policies found");
}

#[test]
fn invalid_source_returns_its_diagnostics() {
    let source = "policy demo \"Demo\" {\n    version: 1.0\n";
    let diagnostics = format_source(source).expect_err("an unclosed declaration is invalid");
    assert!(diagnostics.iter().any(|d| d.is_error()));
}

#[test]
fn shipped_policy_is_a_fixed_point_after_one_pass() {
    let formatted = assert_formats_well("v1.0", &real_policy());
    // Grids come out aligned: every row of a grid has its pipes in the same
    // display columns.
    let rows: Vec<&str> = formatted
        .lines()
        .filter(|l| l.trim_start().starts_with('|'))
        .collect();
    assert!(!rows.is_empty());
}

/// Display columns of the `|` characters of a row.
fn pipe_columns(line: &str) -> Vec<usize> {
    // Leave out a trailing comment, which may hold `|` too.
    let line = line.find("|  #").map_or(line, |end| &line[..=end]);
    let mut columns = Vec::new();
    for (i, c) in line.char_indices() {
        if c == '|' {
            columns.push(line[..i].width());
        }
    }
    columns
}

/// The rows of the grid `id`, with the comment lines among them, as
/// formatted.
fn grid_block<'a>(text: &'a str, id: &str) -> Vec<&'a str> {
    let header = format!("grid {id} ");
    text.lines()
        .skip_while(|l| !l.trim_start().starts_with(&header))
        .skip(1)
        .take_while(|l| l.trim() != "}")
        .filter(|l| l.trim_start().starts_with('|') || l.trim_start().starts_with('#'))
        .collect()
}

#[test]
fn new_user_misaligns_a_row_and_comments_a_grid() {
    let original = real_policy();
    // Misalign a row of the response grid.
    let row = "            | sev-2 | best-effort (forums) | 1 business day  | 4 hours 24x7    |";
    assert!(original.contains(row), "the response grid has changed");
    let edited = original.replace(
        row,
        "  |sev-2|best-effort (forums)|1 business day|   4 hours 24x7 |",
    );
    // Comment inside the scope grid, between two rows.
    let between = "        | scaling                   | supported     | supported     |\n";
    assert!(edited.contains(between), "the scope grid has changed");
    let comment = "# scaling: checked with the product team";
    let edited = edited.replace(between, &format!("{between}   {comment}\n"));
    let formatted = assert_formats_well("edited v1.0", &edited);

    // The response grid is aligned again.
    let response = grid_block(&formatted, "response-time");
    assert_eq!(response.len(), 5, "{response:?}");
    let columns = pipe_columns(response[0]);
    for line in &response {
        assert_eq!(pipe_columns(line), columns, "misaligned: {line}");
    }
    assert!(response[2].contains("| sev-2 | best-effort (forums) |"));

    // The comment is still between the same rows, at the rows' indentation.
    let scope = grid_block(&formatted, "scope");
    let at = scope
        .iter()
        .position(|l| l.trim() == comment)
        .expect("the comment is kept");
    assert!(scope[at - 1].contains("| scaling "), "{scope:?}");
    assert!(scope[at + 1].contains("| user-management "), "{scope:?}");
    assert_eq!(
        scope[at].len() - scope[at].trim_start().len(),
        scope[at - 1].len() - scope[at - 1].trim_start().len()
    );
    let columns = pipe_columns(scope[0]);
    for line in scope.iter().filter(|l| l.trim_start().starts_with('|')) {
        assert_eq!(pipe_columns(line), columns, "misaligned: {line}");
    }
}

#[test]
fn wide_characters_align_by_display_width() {
    let source =
        std::fs::read_to_string(Path::new(ROOT).join("tests/fixtures/fmt/wide-characters.policy"))
            .expect("fixture is readable");
    let formatted = assert_formats_well("wide-characters", &source);
    let grid = grid_block(&formatted, "response-time");
    assert_eq!(grid.len(), 3);
    let columns = pipe_columns(grid[0]);
    for line in &grid {
        assert_eq!(pipe_columns(line), columns, "misaligned: {line}");
    }
}

#[test]
fn literals_are_rewritten_canonically() {
    let source = "policy demo \"Demo\" {\n    version: 1.0\n    provider: \"X \\\"Y\\\"\"\n    effective: 2026-06\n}\n\nsection s \"S\" {\n    calendar c \"C\" {\n        zone: \"Europe/Stockholm\"\n        open: mon-fri 09:00-17:00\n        holiday h \"H\" { on: easter  -2 }\n        holiday i \"I\" { on: easter+39 }\n    }\n    rule r \"R\" {\n        rate: USD   250.00/hour\n        increment: 120 minutes\n    }\n}\n";
    let formatted = assert_formats_well("literals", source);
    assert!(formatted.contains("{ on: easter - 2 }\n"), "{formatted}");
    assert!(formatted.contains("{ on: easter + 39 }\n"), "{formatted}");
    assert!(
        formatted.contains("rate:      USD 250/hour\n"),
        "{formatted}"
    );
    assert!(formatted.contains("increment: 2 hours\n"), "{formatted}");
    assert!(
        formatted.contains("provider:  \"X \\\"Y\\\"\"\n"),
        "{formatted}"
    );
}

// --- Random policies -------------------------------------------------------

/// Random horizontal space: none is not always allowed, so at least one.
fn space() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(" ".to_owned()),
        Just("  ".to_owned()),
        Just("\t".to_owned()),
        Just("   ".to_owned())
    ]
}

/// Space inside a grid row, where none is allowed.
fn cell_space() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just(" ".to_owned()),
        Just("    ".to_owned()),
        Just("\t".to_owned())
    ]
}

/// Line breaks between entries: one, or several (blank lines).
fn breaks() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => Just("\n".to_owned()),
        1 => Just("\n\n".to_owned()),
        1 => Just("\n\n\n\n".to_owned()),
    ]
}

/// Maybe a comment at the end of a line.
fn trailing() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => Just(String::new()),
        1 => "[a-z #\"|{}\\[\\]]{0,12}".prop_map(|t| format!("  # {t}")),
    ]
}

/// Maybe a comment on its own line(s).
fn own_line() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => Just(String::new()),
        1 => ("[a-z #:|]{0,12}", space()).prop_map(|(t, s)| format!("{s}# {t}\n")),
    ]
}

/// One target, written in one of its spellings.
fn target() -> impl Strategy<Value = String> {
    prop_oneof![
        (1u32..4).prop_map(|n| format!("{n} business day{}", if n == 1 { "" } else { "s" })),
        (1u32..4).prop_map(|n| format!("{n}  business   days")),
        (1u32..9).prop_map(|n| format!("{n} hours 24x7")),
        (1u32..9).prop_map(|n| format!("{n} hour\t24x7")),
        Just("best-effort (forums)".to_owned()),
        Just("best-effort (フォーラム)".to_owned()),
        Just("n/a".to_owned()),
    ]
}

#[derive(Debug, Clone)]
struct Random {
    sections: usize,
    tiers: usize,
    severities: usize,
    cells: Vec<String>,
    seps: Vec<String>,
    trailing: Vec<String>,
    own: Vec<String>,
    spaces: Vec<String>,
    cell_spaces: Vec<String>,
    prose_indent: usize,
}

fn random() -> impl Strategy<Value = Random> {
    (1usize..3, 1usize..4, 1usize..4).prop_flat_map(|(sections, tiers, severities)| {
        let n = 60;
        (
            proptest::collection::vec(target(), tiers * severities),
            proptest::collection::vec(breaks(), n),
            proptest::collection::vec(trailing(), n),
            proptest::collection::vec(own_line(), n),
            proptest::collection::vec(space(), n),
            proptest::collection::vec(cell_space(), 4 * n),
            0usize..9,
        )
            .prop_map(
                move |(cells, seps, trailing, own, spaces, cell_spaces, prose_indent)| Random {
                    sections,
                    tiers,
                    severities,
                    cells,
                    seps,
                    trailing,
                    own,
                    spaces,
                    cell_spaces,
                    prose_indent,
                },
            )
    })
}

/// Writes the random policy out; every choice is one of the spellings the
/// language accepts, so the result is valid.
fn render(r: &Random) -> String {
    let mut k = 0usize;
    let mut next = |v: &Vec<String>| {
        k += 1;
        v[k % v.len()].clone()
    };
    let mut s = String::new();
    s.push_str(&next(&r.own));
    s.push_str(&format!(
        "policy demo \"Demo\" {{{}\n{}version:{}1.0{}{}provider:{}\"X\"{}{}effective:{}2026-06\n}}{}",
        next(&r.trailing),
        next(&r.own),
        next(&r.spaces),
        next(&r.trailing),
        next(&r.seps),
        next(&r.spaces),
        next(&r.trailing),
        next(&r.seps),
        next(&r.spaces),
        next(&r.seps),
    ));
    for i in 0..r.sections {
        s.push_str(&next(&r.own));
        s.push_str(&format!(
            "section s{i} \"Section {i}\" {{{}\n",
            next(&r.trailing)
        ));
        let indent = " ".repeat(r.prose_indent);
        s.push_str(&format!(
            "{indent}\"\"\"\n{indent}Text # not a comment.\n\n{indent}  - item\n{indent}\"\"\"{}",
            next(&r.seps)
        ));
        s.push_str(&next(&r.own));
        s.push_str("}\n");
    }
    s.push_str("section tiers \"Tiers\" {\n");
    for t in 0..r.tiers {
        s.push_str(&next(&r.own));
        s.push_str(&format!(
            "tier t{t} \"Tier {t}\" {{{}\nlicenses:{}[l{t}]{}{}channels:{}[web,{}]{}{}hours: best-effort\nincidents: n/a\ntickets: no\nscreen-sharing: no\nremote-login: no\ncustom-builds: no\n{}response-target: n/a{}\n}}{}",
            next(&r.trailing),
            next(&r.spaces),
            next(&r.trailing),
            next(&r.seps),
            next(&r.spaces),
            next(&r.spaces),
            next(&r.trailing),
            next(&r.seps),
            next(&r.own),
            next(&r.trailing),
            next(&r.seps),
        ));
        s.push_str(&format!("license l{t} \"L{t}\" {{ tier: t{t} }}\n"));
    }
    s.push_str("channel web \"Web\" {}\n");
    for v in 0..r.severities {
        s.push_str(&format!(
            "severity sev-{} \"S{v}\" {{ definition: \"D\"{}examples: [\"x\"] }}{}",
            v + 1,
            next(&r.spaces),
            next(&r.seps)
        ));
    }
    s.push_str(&format!(
        "grid response-time \"Response\" {{\nrows: severity{}\ncolumns:{}tier\ncells: target\n",
        next(&r.trailing),
        next(&r.spaces)
    ));
    let mut header = format!("|{}*{}|", next(&r.cell_spaces), next(&r.cell_spaces));
    for t in 0..r.tiers {
        header.push_str(&format!(
            "{}t{t}{}|",
            next(&r.cell_spaces),
            next(&r.cell_spaces)
        ));
    }
    s.push_str(&format!(
        "{}{header}{}\n",
        next(&r.cell_spaces),
        next(&r.trailing)
    ));
    for v in 0..r.severities {
        s.push_str(&next(&r.own));
        let mut row = format!(
            "|{}sev-{}{}|",
            next(&r.cell_spaces),
            v + 1,
            next(&r.cell_spaces)
        );
        for t in 0..r.tiers {
            row.push_str(&format!(
                "{}{}{}|",
                next(&r.cell_spaces),
                r.cells[v * r.tiers + t],
                next(&r.cell_spaces)
            ));
        }
        s.push_str(&format!(
            "{}{row}{}\n",
            next(&r.cell_spaces),
            next(&r.trailing)
        ));
    }
    s.push_str(&next(&r.own));
    s.push_str("}\n}\n");
    s.push_str(&next(&r.own));
    s
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn random_policies_format_idempotently_and_keep_their_meaning(r in random()) {
        let source = render(&r);
        let checked = policyc::check_source(&source);
        prop_assert!(
            !checked.has_errors(),
            "the generator wrote an invalid policy: {:?}\n{}",
            checked.errors().collect::<Vec<_>>(),
            source
        );
        let formatted = assert_formats_well("random", &source);
        let grid = grid_block(&formatted, "response-time");
        let rows: Vec<&&str> = grid.iter().filter(|l| l.trim_start().starts_with('|')).collect();
        prop_assert_eq!(rows.len(), r.severities + 1);
        let columns = pipe_columns(rows[0]);
        for line in &rows {
            prop_assert_eq!(pipe_columns(line), columns.clone());
        }
    }
}
