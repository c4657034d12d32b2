//! Text from the policy as generated code shows it, in string constants
//! and doc comments: values without quotes, prose with its interpolations
//! filled in, and the words the docs use for kinds.

use crate::model::prose::Interpolator;
use crate::model::{Cell, Field, Policy, Value};
use crate::schema::Kind;
use crate::value_text;

/// A value as plain text: text and prose as written (interpolations
/// filled in), anything else as the policy writes it, without quotes.
pub fn plain(policy: &Policy, value: &Value) -> String {
    match value {
        Value::Text(t) => t.clone(),
        Value::Prose(p) => policy.write_prose(p, &Plain(policy)),
        other => unquote(value_text::show(other)),
    }
}

/// Interpolations as plain text: titles, and values as [`plain`] writes them.
struct Plain<'p>(&'p Policy);

impl Interpolator for Plain<'_> {
    fn field(&self, field: &Field, prose: Option<String>) -> String {
        prose.unwrap_or_else(|| plain(self.0, &field.value))
    }

    fn cell(&self, cell: &Cell) -> String {
        plain(self.0, &cell.value)
    }
}

/// A value written as the policy writes it, without the quotes of a
/// quoted text.
pub fn unquote(text: String) -> String {
    match text.strip_prefix('"').and_then(|t| t.strip_suffix('"')) {
        Some(inner) => inner.replace("\\\"", "\"").replace("\\\\", "\\"),
        None => text,
    }
}

/// `a tier`, `an area`.
pub fn with_article(noun: &str) -> String {
    let vowel = noun.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {noun}", if vowel { "an" } else { "a" })
}

/// `tiers`, `parties`.
pub fn plural(kind: Kind) -> String {
    match kind {
        Kind::Party => "parties".to_owned(),
        Kind::Severity => "severities".to_owned(),
        k => format!("{}s", k.name()),
    }
}

/// What a declaration of an id set is, for the enum's doc comment.
pub fn noun(kind: Kind) -> &'static str {
    match kind {
        Kind::Resource => "self-service resource",
        Kind::Product => "product covered by the policy",
        Kind::Party => "party to support",
        Kind::Operator => "Kubernetes operator",
        Kind::License => "license edition",
        Kind::Tier => "support tier",
        Kind::Channel => "support channel",
        Kind::Holiday => "holiday of a business calendar",
        Kind::Severity => "severity level",
        Kind::Area => "support scope area",
        Kind::Phase => "product lifecycle phase",
        Kind::Service => "professional service",
        Kind::Contact => "contact channel",
        _ => "declaration",
    }
}
