//! Ids: unique across the file; every reference names a declaration of a
//! kind the field allows.

use crate::codes::Code;
use crate::diagnostic::{did_you_mean, Diagnostic};
use crate::model::{Hours, Policy, Value};
use crate::schema::{Kind, Type};
use crate::span::Spanned;
use std::collections::HashMap;

/// Reports duplicate ids and references that do not resolve.
pub fn check_references(policy: &Policy) -> Vec<Diagnostic> {
    let mut diagnostics = check_duplicates(policy);
    for decl in &policy.decls {
        for (name, field) in &decl.fields {
            let Some(spec) = decl.kind.field(name) else {
                continue;
            };
            match (&field.value, spec.ty) {
                // `in-phase: none`: an example expecting no phase.
                (Value::Ref(id), Type::Ref(_))
                    if name == &crate::schema::Outcome::InPhase.name() && id.as_str() == "none" => {
                }
                (Value::Ref(id), Type::Ref(kinds)) => {
                    diagnostics.extend(resolve(policy, id, kinds))
                }
                (Value::Refs(ids), Type::Refs(kinds)) => {
                    for id in ids {
                        diagnostics.extend(resolve(policy, id, kinds));
                    }
                    diagnostics.extend(repeated(ids));
                }
                (Value::Hours(Hours::Calendar(id)), _) => {
                    diagnostics.extend(resolve(policy, id, &[Kind::Calendar]))
                }
                (Value::Target(target), _) => {
                    diagnostics.extend(target_calendar(policy, target, field.span))
                }
                (Value::FieldNames(names), _) => {
                    for name in names {
                        if Kind::Tier.field(&name.value).is_none() {
                            let mut d = Diagnostic::new(
                                Code::E113,
                                format!("a tier has no field `{}`", name.value),
                            )
                            .label(name.span, "not a tier field");
                            d = match did_you_mean(&name.value, Kind::Tier.fields().iter().map(|f| f.name)) {
                                Some(n) => d.help(format!("did you mean `{n}`?")),
                                None => d.help("a comparison's rows are names of tier fields, e.g. `channels` or `hours`"),
                            };
                            diagnostics.push(d);
                        }
                    }
                }
                _ => {}
            }
        }
    }
    for decl in &policy.decls {
        for cell in decl
            .grid
            .iter()
            .flat_map(|g| g.cells.iter().flatten().flatten())
        {
            if let Value::Target(target) = &cell.value {
                diagnostics.extend(target_calendar(policy, target, cell.span));
            }
        }
    }
    diagnostics
}

/// The calendar a target names (`30 minutes on us-hours`) must exist.
fn target_calendar(
    policy: &Policy,
    target: &crate::model::ResponseTarget,
    span: crate::span::Span,
) -> Option<Diagnostic> {
    let name = target.calendar()?;
    resolve(
        policy,
        &Spanned::new(name.to_owned(), span),
        &[Kind::Calendar],
    )
}

fn check_duplicates(policy: &Policy) -> Vec<Diagnostic> {
    let mut first: HashMap<&str, usize> = HashMap::new();
    let mut diagnostics = Vec::new();
    for (index, decl) in policy.decls.iter().enumerate() {
        match first.get(decl.id.as_str()) {
            Some(&previous) => {
                let earlier = &policy.decls[previous];
                diagnostics.push(
                    Diagnostic::new(
                        Code::E110,
                        format!("the id `{}` is declared twice", decl.id.value),
                    )
                    .label(decl.id.span, format!("this {}", decl.kind.name()))
                    .label(earlier.id.span, format!("and this {}", earlier.kind.name()))
                    .help("ids are unique across the whole policy; rename one of them"),
                );
            }
            None => {
                first.insert(decl.id.as_str(), index);
            }
        }
    }
    diagnostics
}

fn repeated(ids: &[Spanned<String>]) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    for (i, id) in ids.iter().enumerate() {
        if let Some(earlier) = ids[..i].iter().find(|e| e.value == id.value) {
            diagnostics.push(
                Diagnostic::new(Code::E114, format!("`{}` is listed twice", id.value))
                    .label(id.span, "again")
                    .label(earlier.span, "first here")
                    .help("list each id once"),
            );
        }
    }
    diagnostics
}

/// Resolves one reference to a declaration of one of `kinds`.
pub fn resolve(policy: &Policy, id: &Spanned<String>, kinds: &[Kind]) -> Option<Diagnostic> {
    // The common case first, without building any message.
    if policy
        .get(&id.value)
        .is_some_and(|decl| kinds.contains(&decl.kind))
    {
        return None;
    }
    let names = kinds
        .iter()
        .map(|k| format!("`{}`", k.name()))
        .collect::<Vec<_>>()
        .join(" or ");
    let nouns = kinds
        .iter()
        .map(|k| k.noun())
        .collect::<Vec<_>>()
        .join(" or ");
    match policy.get(&id.value) {
        Some(decl) if kinds.contains(&decl.kind) => None,
        Some(decl) => Some(
            Diagnostic::new(
                Code::E112,
                format!("`{}` is a {}, not a {nouns}", id.value, decl.kind.noun(),),
            )
            .label(id.span, format!("expected a {nouns}"))
            .label(decl.id.span, format!("`{}` is declared here", id.value))
            .help(match candidates(policy, &id.value, kinds) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("refer to a {names} here"),
            }),
        ),
        // Declared, perhaps, where a syntax error lost the declaration.
        None if policy.gaps.may_declare(&id.value) => None,
        None => {
            let mut d = Diagnostic::new(Code::E111, format!("unknown {nouns} `{}`", id.value))
                .label(id.span, "not declared");
            d = match candidates(policy, &id.value, kinds) {
                Some(s) => d.help(format!("did you mean `{s}`?")),
                None => {
                    // At most `LISTED` ids: thousands of unknown references
                    // to thousands of declarations must not print them all
                    // every time.
                    const LISTED: usize = 20;
                    let mut declared = policy.decls.iter().filter(|d| kinds.contains(&d.kind));
                    let known: Vec<String> = declared
                        .by_ref()
                        .take(LISTED)
                        .map(|d| format!("`{}`", d.id.value))
                        .collect();
                    let more = declared.count();
                    if known.is_empty() {
                        d.help(format!("declare a {names} with this id"))
                    } else if more > 0 {
                        d.help(format!("declared: {}, and {more} more", known.join(", ")))
                    } else {
                        d.help(format!("declared: {}", known.join(", ")))
                    }
                }
            };
            Some(d)
        }
    }
}

fn candidates<'a>(policy: &'a Policy, word: &str, kinds: &[Kind]) -> Option<&'a str> {
    did_you_mean(
        word,
        policy
            .decls
            .iter()
            .filter(|d| kinds.contains(&d.kind))
            .map(|d| d.id.as_str()),
    )
}
