//! Shared files: `include us-holidays "U.S. holidays" { file: "../shared/us-holidays.policy" }`
//! puts the calendars and holiday sets of another file where it stands, so
//! that several policies share one definition.
//!
//! The core does no I/O: the caller passes a reader ([`Read`]) that finds a
//! file by the path as written (the CLI and the `Builder` read it beside
//! the including policy). A shared file holds `calendar` and `holidays`
//! declarations (with their holidays) and nothing else; it includes no
//! other file. Its declarations take the place of the `include`, each
//! written, for diagnostics, where the `include` is (a problem in them is
//! reported on the line that brought them in); a shared file that does not
//! parse, or holds anything else, is reported there too (E123), with its
//! own problems.

use crate::ast::{Declaration, Entry, File, Item, Literal, Value};
use crate::codes::Code;
use crate::diagnostic::Diagnostic;
use crate::schema::{fields, Kind};
use crate::span::Span;

/// Reads a shared file by its path as written; `Err` says why it cannot.
pub type Read<'r> = &'r dyn Fn(&str) -> Result<String, String>;

/// The kinds a shared file may hold at its top level.
const SHARED: [Kind; 2] = [Kind::Calendar, Kind::Holidays];

/// Replaces every `include` of the file by the declarations of the file it
/// names; the problems found on the way.
pub fn expand(file: &mut File, read: Read<'_>) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    expand_in(&mut file.declarations, read, &mut diagnostics);
    diagnostics
}

fn expand_in(decls: &mut [Declaration], read: Read<'_>, diagnostics: &mut Vec<Diagnostic>) {
    for decl in decls.iter_mut() {
        expand_entries(&mut decl.entries, read, diagnostics);
    }
}

fn expand_entries(entries: &mut Vec<Entry>, read: Read<'_>, diagnostics: &mut Vec<Diagnostic>) {
    let is_include =
        |e: &Entry| matches!(e, Entry::Declaration(d) if d.kind.value == Kind::Include.name());
    if !entries.iter().any(is_include) {
        // Nothing to replace here: no second list of entries.
        for entry in entries.iter_mut() {
            if let Entry::Declaration(decl) = entry {
                expand_entries(&mut decl.entries, read, diagnostics);
            }
        }
        return;
    }
    let mut out = Vec::with_capacity(entries.len());
    for entry in std::mem::take(entries) {
        match entry {
            Entry::Declaration(decl) if decl.kind.value == Kind::Include.name() => {
                out.extend(
                    included(&decl, read, diagnostics)
                        .into_iter()
                        .map(|d| Entry::Declaration(Box::new(d))),
                );
            }
            Entry::Declaration(mut decl) => {
                expand_entries(&mut decl.entries, read, diagnostics);
                out.push(Entry::Declaration(decl));
            }
            other => out.push(other),
        }
    }
    *entries = out;
}

/// The path an `include` names.
fn path_of(decl: &Declaration) -> Option<&str> {
    decl.entries.iter().find_map(|e| match e {
        Entry::Field(f) if f.name.value == fields::include::FILE => match &f.value {
            Value::Single(Item {
                literal: Literal::Text(path),
                ..
            }) => Some(path.as_str()),
            _ => None,
        },
        _ => None,
    })
}

/// The declarations of the file an `include` names, written where it is.
fn included(
    include: &Declaration,
    read: Read<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Declaration> {
    // A missing or mistyped `file` is reported by the schema's checks.
    let Some(path) = path_of(include) else {
        return Vec::new();
    };
    let at = include.span;
    let problem = |message: String, help: &str| {
        Diagnostic::new(Code::E123, message)
            .label(include.id.span, "included here")
            .help(help.to_owned())
    };
    let source = match read(path) {
        Ok(source) => source,
        Err(why) => {
            diagnostics.push(
                Diagnostic::new(
                    Code::E122,
                    format!("cannot read the shared file `{path}`: {why}"),
                )
                .label(include.id.span, "included here")
                .help("the path is relative to this policy's file"),
            );
            return Vec::new();
        }
    };
    let parsed = crate::parse::parse(&source);
    if let Some(first) = parsed.diagnostics.iter().find(|d| d.is_error()) {
        let (line, column) = first.labels.first().map_or((1, 1), |l| {
            crate::report::line_column(&source, l.span.start)
        });
        diagnostics.push(problem(
            format!(
                "the shared file `{path}` does not read: line {line}, column {column}: {}",
                first.message
            ),
            "run `policyc check` on a policy including it after fixing the shared file",
        ));
        return Vec::new();
    }
    let mut decls = parsed.file.declarations;
    for decl in &decls {
        if let Some(why) = unshareable(decl) {
            diagnostics.push(problem(
                format!("the shared file `{path}` holds {why}"),
                "a shared file holds `calendar` and `holidays` declarations, with their holidays",
            ));
            return Vec::new();
        }
    }
    for decl in &mut decls {
        respan(decl, at);
    }
    decls
}

/// Why a top-level declaration of a shared file cannot be shared, if so.
fn unshareable(decl: &Declaration) -> Option<String> {
    let kind = Kind::parse(&decl.kind.value);
    if !kind.is_some_and(|k| SHARED.contains(&k)) {
        return Some(format!("a `{}`", decl.kind.value));
    }
    for entry in &decl.entries {
        match entry {
            Entry::Field(f) => {
                let plain = f.value.items().iter().all(|i| {
                    !matches!(
                        i.literal,
                        Literal::Prose(_)
                            | Literal::CellRef(_)
                            | Literal::FieldRef(_)
                            | Literal::Claim(_)
                    )
                });
                if !plain {
                    return Some(format!("a reference or prose in `{}`", f.name.value));
                }
            }
            Entry::Declaration(d) if d.kind.value == Kind::Holiday.name() => {
                if let Some(why) = unshareable_holiday(d) {
                    return Some(why);
                }
            }
            Entry::Declaration(d) => return Some(format!("a `{}`", d.kind.value)),
            Entry::Prose(_) => return Some("prose".to_owned()),
            Entry::Row(_) => return Some("a grid row".to_owned()),
        }
    }
    None
}

fn unshareable_holiday(decl: &Declaration) -> Option<String> {
    let fields_only = decl.entries.iter().all(|e| matches!(e, Entry::Field(_)));
    (!fields_only).then(|| format!("more than fields in the holiday `{}`", decl.id.value))
}

/// Writes a shared declaration, for diagnostics, where its `include` is.
fn respan(decl: &mut Declaration, at: Span) {
    decl.span = at;
    decl.kind.span = at;
    decl.id.span = at;
    if let Some(title) = &mut decl.title {
        title.span = at;
    }
    for entry in &mut decl.entries {
        match entry {
            Entry::Field(f) => {
                f.span = at;
                f.name.span = at;
                match &mut f.value {
                    Value::Single(item) => respan_item(item, at),
                    Value::List(items, span) => {
                        *span = at;
                        for item in items {
                            respan_item(item, at);
                        }
                    }
                }
            }
            Entry::Declaration(d) => respan(d, at),
            Entry::Prose(_) | Entry::Row(_) => {}
        }
    }
}

fn respan_item(item: &mut Item, at: Span) {
    item.span = at;
    if let Some(note) = &mut item.note {
        note.span = at;
    }
}
