//! Helpers shared by the integration tests.

#![allow(dead_code)]

use policyc::model::{Body, Decl, Interpolation, Policy, ProsePart};
use policyc::value_text::show;
use std::fmt::Write as _;
use std::path::Path;

/// The path of a fixture relative to `tests/fixtures`, with `/` separators.
pub fn fixture_name(path: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    path.strip_prefix(&root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// The code prefix of a fixture file name: `E111` for `E111-unknown-tier.policy`.
pub fn code_of(path: &Path) -> String {
    let stem = path.file_stem().unwrap().to_string_lossy();
    stem.split('-').next().unwrap().to_owned()
}

/// Every diagnostic as `severity[code] line:column message`, one per line.
pub fn list_diagnostics(source: &str, diagnostics: &[policyc::diagnostic::Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let (line, column) = policyc::report::line_column(source, d.primary_span().start);
        writeln!(
            out,
            "{}[{}] {line}:{column} {}",
            d.severity, d.code, d.message
        )
        .unwrap();
    }
    out
}

/// Asserts that every span of every diagnostic lies within the source and
/// on character boundaries.
pub fn assert_spans_in_bounds(source: &str, diagnostics: &[policyc::diagnostic::Diagnostic]) {
    for d in diagnostics {
        for label in &d.labels {
            let span = label.span;
            assert!(
                span.start <= span.end && span.end <= source.len(),
                "{}: span {}..{} outside a source of {} bytes",
                d.code,
                span.start,
                span.end,
                source.len()
            );
            assert!(
                source.is_char_boundary(span.start) && source.is_char_boundary(span.end),
                "{}: span {}..{} not on char boundaries",
                d.code,
                span.start,
                span.end
            );
        }
    }
}

/// The model as text: each declaration `kind id "title"`, indented by depth,
/// with its fields `name: value`, prose and grid rows.
pub fn dump(policy: &Policy) -> String {
    let mut out = String::new();
    for decl in &policy.decls {
        let depth = depth(policy, decl);
        let indent = "  ".repeat(depth);
        write!(out, "{indent}{} {}", decl.kind.name(), decl.id.value).unwrap();
        if let Some(title) = &decl.title {
            write!(out, " {:?}", title.value).unwrap();
        }
        out.push('\n');
        for (name, field) in &decl.fields {
            write!(out, "{indent}  {name}: {}", show(&field.value)).unwrap();
            if let Some(note) = &field.note {
                write!(out, " ({note})").unwrap();
            }
            out.push('\n');
        }
        for body in &decl.body {
            if let Body::Prose(prose) = body {
                writeln!(out, "{indent}  prose: {}", prose_text(&prose.parts)).unwrap();
            }
        }
        if let Some(grid) = &decl.grid {
            let columns: Vec<&str> = grid.columns.iter().map(|c| c.as_str()).collect();
            writeln!(out, "{indent}  | * | {} |", columns.join(" | ")).unwrap();
            for (row, cells) in grid.rows.iter().zip(&grid.cells) {
                let cells: Vec<String> = cells
                    .iter()
                    .map(|c| match c {
                        Some(cell) => match &cell.note {
                            Some(note) => format!("{} ({note})", show(&cell.value)),
                            None => show(&cell.value),
                        },
                        None => "?".to_owned(),
                    })
                    .collect();
                writeln!(out, "{indent}  | {} | {} |", row.value, cells.join(" | ")).unwrap();
            }
        }
    }
    out
}

fn depth(policy: &Policy, decl: &Decl) -> usize {
    let mut depth = 0;
    let mut parent = decl.parent;
    while let Some(p) = parent {
        depth += 1;
        parent = policy.decls[p].parent;
    }
    depth
}

fn prose_text(parts: &[ProsePart]) -> String {
    parts
        .iter()
        .map(|part| match part {
            ProsePart::Text(t) => format!("{t:?}"),
            ProsePart::Value(Interpolation::Title(id)) => format!("{{{}}}", id.value),
            ProsePart::Value(Interpolation::Field(id, field)) => {
                format!("{{{}.{}}}", id.value, field.value)
            }
            ProsePart::Value(Interpolation::Cell(grid, row, column)) => {
                format!("{{{}[{}, {}]}}", grid.value, row.value, column.value)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// v1.0 and a section of `areas` declared areas, with a grid over them:
/// `bad` rows with a bad cell (a time where coverage is expected) and
/// `unknown` rows naming undeclared areas that look like declared ones.
/// The large inputs of `tests/scale.rs` and `tests/scale_memory.rs`.
pub fn big_grid(areas: usize, bad: usize, unknown: usize) -> String {
    let mut s = String::from(include_str!("../../policies/customer-support/v1.0.policy"));
    s.push_str("\nsection big \"Big\" {\n");
    for i in 0..areas {
        let _ = writeln!(
            s,
            "    area big-area-{i} \"Area {i}\" {{ description: \"d\" }}"
        );
    }
    s.push_str("    grid big-scope \"Big\" {\n        rows: area\n        columns: tier\n        cells: coverage\n        otherwise: not-available\n\n        | * | advanced | enterprise |\n");
    for i in 0..bad {
        let _ = writeln!(s, "        | big-area-{i} | supported | 3 hours |");
    }
    for i in 0..unknown {
        let _ = writeln!(s, "        | big-areax-{i} | supported | supported |");
    }
    s.push_str("    }\n}\n");
    s
}
