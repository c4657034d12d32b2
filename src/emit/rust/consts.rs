//! Constants: the policy's header (`POLICY_ID`, `VERSION`, ...) and the
//! data fields of rules and grids (`OUT_OF_HOURS_SCREEN_SHARING_RATE`).

use super::code::{constant, Code};
use super::docs::{code, escape_doc};
use super::layout::Expr;
use super::names::{screaming, Names};
use super::plan::Plan;
use super::text::plain;
use super::types::{references, typed, RustType, Typed};
use crate::model::view::PolicyDecl;
use crate::model::{Decl, Field, Policy, Value};
use crate::schema::fields::{grid, rule};
use crate::schema::{FieldSpec, Kind, Type};
use crate::value_text;

/// The names of the header constants, reserved whether the policy sets
/// them or not.
pub const HEADER_NAMES: [&str; 7] = [
    "POLICY_ID",
    "TITLE",
    "VERSION",
    "PROVIDER",
    "EFFECTIVE",
    "UPDATED",
    "REVIEW",
];

/// A constant of the policy's header.
#[derive(Debug)]
pub struct HeaderConst {
    /// Its name, one of [`HEADER_NAMES`].
    name: &'static str,
    /// What it is, for its doc comment.
    what: &'static str,
    /// Its text.
    value: String,
}

/// The constants of the header, for the values the policy sets.
pub fn header(policy: &Policy) -> Vec<HeaderConst> {
    let Some(header) = policy.all::<PolicyDecl>().next() else {
        return Vec::new();
    };
    let [policy_id, title, version, provider, effective, updated, review] = HEADER_NAMES;
    let values = [
        (policy_id, "The policy's id", Some(header.id.value.clone())),
        (
            title,
            "The policy's title",
            Some(header.display().to_owned()),
        ),
        (
            version,
            "The policy's version, as written",
            header.version().map(str::to_owned),
        ),
        (
            provider,
            "Who provides support under the policy",
            header.provider().map(str::to_owned),
        ),
        (
            effective,
            "When the policy takes effect (`YYYY-MM` or `YYYY-MM-DD`)",
            header.effective().map(|v| plain(policy, v)),
        ),
        (
            updated,
            "When the policy was last updated",
            header.updated().map(|d| plain(policy, &Value::Date(d))),
        ),
        (
            review,
            "How often the policy is reviewed",
            header.review().map(str::to_owned),
        ),
    ];
    values
        .into_iter()
        .filter_map(|(name, what, value)| {
            Some(HeaderConst {
                name,
                what,
                value: value?,
            })
        })
        .collect()
}

/// Writes the header constants.
pub fn print_header(plan: &Plan, out: &mut Code) {
    for c in &plan.header {
        out.push(constant(
            &format!("{}: {}.", c.what, code(&c.value)),
            &format!("pub const {}: &str", c.name),
            &Expr::Str(c.value.clone()),
        ));
    }
}

/// A constant for a data field of a rule or a grid.
#[derive(Debug)]
pub struct DeclConst<'p> {
    decl: &'p Decl,
    spec: &'static FieldSpec,
    field: &'p Field,
    name: String,
    value: Typed,
}

/// Whether a field is a declaration's structure, not its data: what a
/// grid is made of and what a declaration decides are never constants.
fn is_structure(kind: Kind, field: &str) -> bool {
    match kind {
        Kind::Grid => [
            grid::ROWS,
            grid::COLUMNS,
            grid::CELLS,
            grid::OTHERWISE,
            grid::LEGEND,
            grid::DECIDES,
        ]
        .contains(&field),
        Kind::Rule => field == rule::DECIDES,
        _ => false,
    }
}

/// A constant per data field of every rule and grid, in document order,
/// named `{ID}_{FIELD}` (`_MINUTES` for durations).
pub fn plan<'p>(plan: &Plan<'p>, names: &mut Names) -> Vec<DeclConst<'p>> {
    let mut out = Vec::new();
    let decls = plan
        .policy
        .decls
        .iter()
        .filter(|d| matches!(d.kind, Kind::Rule | Kind::Grid));
    for decl in decls {
        for spec in decl.kind.fields() {
            if is_structure(decl.kind, spec.name) {
                continue;
            }
            let Some(field) = decl.field(spec.name) else {
                continue;
            };
            let Some(value) = typed_field(plan, decl, spec, &field.value) else {
                continue;
            };
            let mut name = format!(
                "{}_{}",
                screaming(&decl.id.value, "RULE"),
                screaming(spec.name, "FIELD")
            );
            if spec.ty == Type::Duration {
                name.push_str("_MINUTES");
            }
            out.push(DeclConst {
                decl,
                spec,
                field,
                name: names.claim(name, "_"),
                value,
            });
        }
    }
    out
}

/// A field's value as a constant: references typed by the declarations
/// they point to (an enum where they are of one id set, else their ids).
fn typed_field(plan: &Plan, decl: &Decl, spec: &FieldSpec, value: &Value) -> Option<Typed> {
    match value {
        Value::Ref(id) => {
            let set = plan.set_of(id.as_str());
            match set.and_then(|set| Some((set.kind, set.path(id.as_str())?))) {
                Some((kind, path)) => Typed::of(RustType::Enum(kind), Expr::atom(path)),
                None => Typed::of(RustType::Str, Expr::Str(id.value.clone())),
            }
        }
        Value::Refs(ids) => {
            let kinds: Vec<Kind> = ids
                .iter()
                .filter_map(|id| plan.policy.get(id.as_str()).map(|d| d.kind))
                .collect();
            let same = kinds.len() == ids.len()
                && kinds.windows(2).all(|w| w[0] == w[1])
                && kinds.first().is_some_and(|k| k.is_id_set());
            let set = kinds.first().filter(|_| same).and_then(|k| plan.set(*k));
            references(set, ids)
        }
        value => typed(plan, spec.ty, value, decl.display()),
    }
}

/// Writes a constant of a rule or a grid.
pub fn print(c: &DeclConst, out: &mut Code) {
    let mut docs = format!(
        "{} (the {} {}): {} {}.",
        escape_doc(c.decl.display()),
        c.decl.kind.name(),
        code(&c.decl.id.value),
        escape_doc(c.spec.label),
        code(&value_text::show(&c.field.value))
    );
    if c.spec.ty == Type::Duration {
        docs.push_str(" In minutes.");
    }
    let (ty, value) = match &c.value.value {
        Some(value) => (c.value.ty.in_const(), value.clone()),
        None => (
            format!("Option<{}>", c.value.ty.in_const()),
            Expr::atom("None"),
        ),
    };
    out.push(constant(
        &docs,
        &format!("pub const {}: {ty}", c.name),
        &value,
    ));
}
