//! Worked examples: a run of `example` declarations becomes one table under
//! its section, each row an example's title, what it is given and the
//! outcome it states (which `policyc check` has computed and confirmed).

use super::context::Ctx;
use super::style;
use super::table::{Block, Table};
use crate::model::{Coverage, Decl, Value};
use crate::schema::fields::example as input;
use crate::schema::{Kind, Outcome};

/// The "Worked examples" table of a run of examples.
pub fn table(ctx: &Ctx<'_>, decls: &[&Decl]) -> Vec<Block> {
    let mut table = Table::new(["Worked example", "Given", "Outcome"]);
    for decl in decls {
        let (mut given, mut outcome) = (Vec::new(), Vec::new());
        for spec in Kind::Example.fields() {
            let Some(value) = decl.value(spec.name) else {
                continue;
            };
            let text = format!(
                "{}: {}",
                ctx.field_label(Kind::Example, spec.name),
                show(ctx, spec.name, value)
            );
            if Outcome::ALL.iter().any(|o| o.name() == spec.name) {
                outcome.push(text);
            } else {
                given.push(text);
            }
        }
        table.row(vec![
            decl.display().to_owned(),
            given.join("; "),
            outcome.join("; "),
        ]);
    }
    if table.is_empty() {
        return Vec::new();
    }
    vec![
        Block::Text("**Worked examples**".to_owned()),
        Block::Text(table.render()),
    ]
}

/// A field of an example in document style.
fn show(ctx: &Ctx<'_>, field: &str, value: &Value) -> String {
    match (field, value) {
        (input::SEVERITY, Value::Ref(id)) => ctx
            .policy
            .get(id.as_str())
            .map_or_else(|| id.value.clone(), |d| ctx.row_label(d)),
        (input::PAUSES, Value::Texts(items)) => items
            .iter()
            .map(|p| match p.split_once('/') {
                Some((a, b)) => format!("{} – {}", instant(a), instant(b)),
                None => p.clone(),
            })
            .collect::<Vec<_>>()
            .join(", "),
        (input::CONTACT_ATTEMPTS, Value::Texts(items)) => items
            .iter()
            .map(|a| instant(a))
            .collect::<Vec<_>>()
            .join(", "),
        (field, Value::Coverage(c)) if field == Outcome::Rca.name() => match c {
            Coverage::Supported => "included",
            Coverage::Psa => "under a PSA",
            Coverage::NotAvailable | Coverage::NotSupported => "not available",
        }
        .to_owned(),
        (field, Value::Target(t)) if field == Outcome::Target.name() => ctx.target(t),
        _ => ctx.value(value),
    }
}

/// An RFC 3339 instant in document style; as written if it is not one.
fn instant(text: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(text.trim()) {
        Ok(i) => style::instant(&i),
        Err(_) => text.to_owned(),
    }
}
