//! The labels of the document's tables, from the policy: a `label`
//! declaration names the header of a kind's column (`of: tier`) or of a
//! field's (`of: tier.hours`); its title is the text. Where the policy
//! gives none, the schema's generic label stands.

use crate::codes::Code;
use crate::diagnostic::Diagnostic;
use crate::model::view::{ComparisonDecl, LabelDecl, View};
use crate::model::Policy;
use crate::schema::fields;
use std::collections::HashMap;

/// The policy's labels: what each names (`tier`, `tier.hours`) -> the
/// `label` declaration's index.
#[derive(Clone, Debug, Default)]
pub struct Labels {
    of: HashMap<String, usize>,
}

impl Labels {
    /// The label declaration naming `of` (`tier` or `tier.hours`), if any.
    pub fn get(&self, of: &str) -> Option<usize> {
        self.of.get(of).copied()
    }
}

/// The labels, and the problems: two labels for one thing (E121), a
/// comparison whose row labels are not one per row (E120).
pub fn derive(policy: &Policy) -> (Labels, Vec<Diagnostic>) {
    let mut labels = Labels::default();
    let mut diagnostics = Vec::new();
    for (index, decl) in policy.decls.iter().enumerate() {
        let Some(label) = LabelDecl::of(decl) else {
            continue;
        };
        let Some(of) = label.names() else { continue };
        match labels.of.get(of) {
            Some(&first) => {
                let first = &policy.decls[first];
                diagnostics.push(
                    Diagnostic::new(Code::E121, format!("two labels for `{of}`"))
                        .label(decl.id.span, "this label")
                        .label(first.id.span, "and this one")
                        .help("keep one label for each column; remove the other"),
                );
            }
            None => {
                labels.of.insert(of.to_owned(), index);
            }
        }
    }
    for comparison in policy.all::<ComparisonDecl>() {
        let (Some(field), rows) = (
            comparison.decl().field(fields::comparison::LABELS),
            comparison.rows(),
        ) else {
            continue;
        };
        // Rows written with a refused value or a misspelt name were
        // reported: their count is unknown.
        let index = policy.index_of(comparison.id.as_str());
        if index.is_some_and(|i| policy.gaps.field(i, fields::comparison::ROWS)) {
            continue;
        }
        let count = comparison.labels().map_or(0, <[String]>::len);
        let labels = if count == 1 {
            "row label"
        } else {
            "row labels"
        };
        if count != rows.len() {
            diagnostics.push(
                Diagnostic::new(
                    Code::E120,
                    format!(
                        "the comparison `{}` has {} rows but {count} {labels}",
                        comparison.id.as_str(),
                        rows.len()
                    ),
                )
                .label(field.span, format!("{count} {labels}"))
                .help("give one label per row, in the order of `rows`"),
            );
        }
    }
    (labels, diagnostics)
}
