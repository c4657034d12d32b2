//! Id sets as enums: a variant per declaration, `ALL`, `id`, `name`, a
//! `const fn` per field the declarations hold, `Display` and `FromStr`.

use super::code::{Body, Code, Enum, Function, Impl};
use super::docs::{code, escape_doc};
use super::layout::{literal, Expr};
use super::names::{snake, type_name, upper_camel, Names};
use super::plan::{IdSet, Plan};
use super::text::{noun, plain, plural};
use super::types::{typed, Returns, RustType, Typed};
use super::RT;
use crate::model::view::{AreaDecl, ResourceDecl, ServiceDecl, SeverityDecl, View};
use crate::model::{Decl, Policy, Value};
use crate::schema::{FieldSpec, Kind, Type};

/// The methods every enum has, which no field method may be named.
const RESERVED: [&str; 3] = ["id", "name", "all"];

/// A `const fn` written for a field of an id set.
#[derive(Debug)]
pub struct FieldMethod {
    /// The field.
    pub field: &'static FieldSpec,
    /// The method's name, e.g. `add_on`.
    pub name: String,
    /// What the field is called: the policy's own label for it (a `label`
    /// declaration `of: tier.licenses`), else the schema's.
    label: String,
    /// What it returns: `Option` where a declaration does not set the
    /// field or sets it to `n/a`.
    pub returns: Returns,
    /// The value of each declaration of the set; `None` where it has none.
    values: Vec<Option<Expr>>,
}

/// An enum per kind that has declarations, with its variants named.
pub fn id_sets(policy: &Policy) -> Vec<IdSet<'_>> {
    Kind::ALL
        .into_iter()
        .filter(|k| k.is_id_set())
        .filter_map(|kind| {
            let decls: Vec<&Decl> = policy.of_kind(kind).collect();
            if decls.is_empty() {
                return None;
            }
            let name = type_name(kind);
            let mut taken = Names::default();
            let variants = decls
                .iter()
                .map(|d| taken.claim(upper_camel(&d.id.value, &name), "V"))
                .collect();
            Some(IdSet::new(kind, name, decls, variants))
        })
        .collect()
}

/// A method per field that some declaration of the set holds, typed by
/// the field's schema type: plain where every declaration sets it, an
/// `Option` where only some do (or where a value is `n/a`). A field whose
/// values the generated code cannot hold, or holds in different types,
/// gets none.
pub fn field_methods(plan: &Plan, set: &IdSet) -> Vec<FieldMethod> {
    let mut taken = Names::default();
    for reserved in RESERVED {
        taken.reserve(reserved);
    }
    let mut methods = Vec::new();
    for spec in set.kind.fields() {
        let values: Vec<Option<&Value>> = set.decls.iter().map(|d| d.value(spec.name)).collect();
        if values.iter().all(Option::is_none) {
            continue;
        }
        let typed_values: Option<Vec<Option<Typed>>> = set
            .decls
            .iter()
            .zip(&values)
            .map(|(decl, value)| match value {
                Some(v) => typed(plan, spec.ty, v, decl.display()).map(Some),
                None => Some(None),
            })
            .collect();
        let Some(typed_values) = typed_values else {
            continue;
        };
        let Some(ty) = typed_values.iter().flatten().map(|t| t.ty).next() else {
            continue;
        };
        if typed_values.iter().flatten().any(|t| t.ty != ty) {
            continue;
        }
        let values: Vec<Option<Expr>> = typed_values
            .into_iter()
            .map(|t| t.and_then(|t| t.value))
            .collect();
        let mut name = snake(spec.name, "field");
        if spec.ty == Type::Duration {
            name.push_str("_minutes");
        }
        if RESERVED.contains(&name.as_str()) {
            name.push_str("_field");
        }
        let of = format!("{}.{}", set.kind.name(), spec.name);
        methods.push(FieldMethod {
            label: plan.facts.label(&of).unwrap_or(spec.label).to_owned(),
            field: spec,
            name: taken.claim(name, "_"),
            returns: Returns {
                ty,
                optional: values.iter().any(Option::is_none),
            },
            values,
        });
    }
    methods
}

/// Writes the enum of an id set and its impls.
pub fn print(plan: &Plan, set: &IdSet, out: &mut Code) {
    let kind = set.kind.name();
    let count = set.decls.len();
    out.push(
        Enum {
            docs: format!(
                "A {}: one of the {count} `{kind}` {} of the policy.",
                noun(set.kind),
                if count == 1 {
                    "declaration"
                } else {
                    "declarations"
                }
            ),
            attributes: vec![
                "#[allow(clippy::enum_variant_names)]".to_owned(),
                "#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]".to_owned(),
            ],
            head: format!("pub enum {}", set.name),
            variants: set
                .decls
                .iter()
                .zip(&set.variants)
                .enumerate()
                .map(|(i, (decl, variant))| {
                    (variant_doc(plan.policy, decl), format!("{variant} = {i}"))
                })
                .collect(),
        }
        .item(),
    );
    out.push(inherent_impl(set).item());
    out.push(display(set).item());
    out.push(from_str(set).item());
    out.push(serde_ids(set));
}

/// `{title} (`id`).`, and the declaration's definition or description.
fn variant_doc(policy: &Policy, decl: &Decl) -> String {
    let mut text = format!("{} ({}).", escape_doc(decl.display()), code(&decl.id.value));
    let definition = SeverityDecl::of(decl).and_then(|d| d.definition());
    let description = ResourceDecl::of(decl)
        .and_then(|d| d.description())
        .or_else(|| AreaDecl::of(decl).and_then(|d| d.description()))
        .or_else(|| ServiceDecl::of(decl).and_then(|d| d.description()));
    for value in [definition, description].into_iter().flatten() {
        text.push_str("\n\n");
        text.push_str(&escape_doc(&plain(policy, value)));
    }
    text
}

/// `ALL`, `id`, `name` and the field methods.
fn inherent_impl(set: &IdSet) -> Impl {
    let kind = set.kind.name();
    let mut imp = Impl::new(format!("impl {}", set.name));
    let all = set
        .variants
        .iter()
        .map(|v| Expr::atom(format!("Self::{v}")))
        .collect();
    imp.constant(
        format!("Every {kind}, in the order the policy declares them."),
        format!("pub const ALL: [Self; {}]", set.decls.len()),
        Expr::Array(all),
    );
    // Never empty: `id_sets` makes an enum only for a kind with declarations.
    let first = set.decls[0];
    let ids = set.decls.iter().map(|d| Expr::Str(d.id.value.clone()));
    imp.function(method(
        set,
        "id",
        format!(
            "The id as written in the policy, e.g. {}.",
            code(&first.id.value)
        ),
        RustType::Str.text(),
        ids.collect(),
    ));
    let titles = set.decls.iter().map(|d| Expr::Str(d.display().to_owned()));
    imp.function(method(
        set,
        "name",
        format!("The title, e.g. \"{}\".", escape_doc(first.display())),
        RustType::Str.text(),
        titles.collect(),
    ));
    for m in &set.methods {
        imp.function(field_method(set, m));
    }
    imp
}

/// A field method's function.
fn field_method(set: &IdSet, m: &FieldMethod) -> Function {
    let spec = m.field;
    let mut docs = format!("{} ({}).", escape_doc(&m.label), code(spec.name));
    if spec.ty == Type::Duration {
        docs.push_str(" In minutes.");
    }
    if m.returns.optional {
        docs.push_str(&format!(
            "\n\n`None` for {} that do not set it{}.",
            plural(set.kind),
            if spec.ty == Type::Target {
                " or set it to `n/a`"
            } else {
                ""
            }
        ));
    }
    let values = m
        .values
        .iter()
        .map(|v| m.returns.value(v.as_ref()))
        .collect();
    method(set, &m.name, docs, m.returns.text(), values)
}

/// `pub const fn name(self) -> ret`, matching on every variant.
fn method(set: &IdSet, name: &str, docs: String, ret: String, values: Vec<Expr>) -> Function {
    let mut body = Body::of_method();
    body.nested("match self {", "}", |arms| {
        for (variant, value) in set.variants.iter().zip(&values) {
            arms.arm(&format!("Self::{variant}"), value);
        }
    });
    Function {
        docs,
        head: format!("pub const fn {name}"),
        params: vec!["self".to_owned()],
        ret,
        body,
    }
}

/// The variants whose title cannot stand for them in text: a title that
/// another variant's title equals without regard to case, or that is
/// another variant's id. `Display` writes their id, so that what it
/// writes always parses back to the same variant.
fn ambiguous_titles(set: &IdSet) -> Vec<bool> {
    let titles: Vec<&str> = set.decls.iter().map(|d| d.display()).collect();
    titles
        .iter()
        .enumerate()
        .map(|(i, title)| {
            set.decls.iter().enumerate().any(|(j, other)| {
                j != i
                    && (::policyc_runtime::ids::same_title(title, titles[j])
                        || *title == other.id.value)
            })
        })
        .collect()
}

/// `Display`: the title (the id where the title is ambiguous, see
/// [`ambiguous_titles`]); `FromStr` reads either back.
fn display(set: &IdSet) -> Impl {
    let mut imp = Impl::new(format!("impl ::std::fmt::Display for {}", set.name));
    let mut body = Body::of_method();
    let ambiguous = ambiguous_titles(set);
    if ambiguous.iter().any(|a| *a) {
        body.nested("match self {", "}", |arms| {
            for (variant, ambiguous) in set.variants.iter().zip(&ambiguous) {
                let text = if *ambiguous {
                    "self.id()"
                } else {
                    "self.name()"
                };
                arms.arm(
                    &format!("Self::{variant}"),
                    &Expr::call("f.write_str", vec![Expr::atom(text)]),
                );
            }
        });
    } else {
        body.line("f.write_str(self.name())");
    }
    imp.function(Function {
        docs: String::new(),
        head: "fn fmt".to_owned(),
        params: vec![
            "&self".to_owned(),
            "f: &mut ::std::fmt::Formatter<'_>".to_owned(),
        ],
        ret: "::std::fmt::Result".to_owned(),
        body,
    });
    imp
}

/// `FromStr`: the variant of an id, else of a title without regard to
/// case (the runtime's `ids::by_title`), or the runtime's `UnknownId`.
fn from_str(set: &IdSet) -> Impl {
    let mut imp = Impl::new(format!("impl ::std::str::FromStr for {}", set.name));
    imp.ty("Err", format!("{RT}::UnknownId"));
    let mut body = Body::of_method();
    body.nested("match id {", "}", |arms| {
        for (decl, variant) in set.decls.iter().zip(&set.variants) {
            arms.arm(
                &literal(&decl.id.value),
                &Expr::call("Ok", vec![Expr::atom(format!("Self::{variant}"))]),
            );
        }
        arms.arm(
            "_",
            &Expr::call(
                format!("{RT}::ids::by_title"),
                vec![
                    Expr::atom("&Self::ALL"),
                    Expr::atom("Self::name"),
                    Expr::Str(set.kind.name().to_owned()),
                    Expr::atom("id"),
                ],
            ),
        );
    });
    imp.function(Function {
        docs: "The variant of an id as written in the policy, or of a title without regard to \
               case (`Display` writes one of them)."
            .to_owned(),
        head: "fn from_str".to_owned(),
        params: vec!["id: &str".to_owned()],
        ret: "::std::result::Result<Self, Self::Err>".to_owned(),
        body,
    });
    imp
}

/// `Serialize` and `Deserialize` as the id, when the runtime's `serde`
/// feature is on (the runtime's `serde_ids!` expands to nothing without it).
fn serde_ids(set: &IdSet) -> Vec<String> {
    vec![format!("{RT}::serde_ids!({});", set.name)]
}
