//! Severities: aliases that name one severity each (E119), and severity
//! rules whose default is not above their cap (E118). Severities are
//! ordered as declared: the first is the most severe.

use crate::codes::Code;
use crate::diagnostic::Diagnostic;
use crate::model::view::{RuleDecl, SeverityDecl, View};
use crate::model::Policy;
use crate::schema::fields;

/// Reports a severity rule whose `default-severity` is more severe than
/// its `highest-severity`.
pub fn check_severity_rules(policy: &Policy) -> Vec<Diagnostic> {
    let order: Vec<&str> = policy
        .all::<SeverityDecl>()
        .map(|s| s.decl().id.value.as_str())
        .collect();
    let rank = |id: &str| order.iter().position(|s| *s == id);
    let mut diagnostics = Vec::new();
    for rule in policy.all::<RuleDecl>() {
        let (Some(cap), Some(default)) = (rule.highest_severity(), rule.default_severity()) else {
            continue;
        };
        let (Some(cap_rank), Some(default_rank)) = (rank(&cap.value), rank(&default.value)) else {
            continue;
        };
        if default_rank >= cap_rank {
            continue;
        }
        let mut d = Diagnostic::new(
            Code::E118,
            format!(
                "the rule `{}` defaults to `{}`, more severe than its highest severity `{}`",
                rule.id.value, default.value, cap.value
            ),
        );
        if let Some(f) = rule.field(fields::rule::DEFAULT_SEVERITY) {
            d = d.label(f.span, "the default");
        }
        if let Some(f) = rule.field(fields::rule::HIGHEST_SEVERITY) {
            d = d.label(f.span, "the cap");
        }
        diagnostics.push(d.help(format!(
            "severities run from the most severe, as declared: give a default of `{}` or a less severe one",
            cap.value
        )));
    }
    diagnostics
}

/// Reports an alias (or id) that names two severities, compared without
/// regard to case: `policyc sla --severity` could not tell them apart.
pub fn check_aliases(policy: &Policy) -> Vec<Diagnostic> {
    let severities: Vec<SeverityDecl<'_>> = policy.all::<SeverityDecl>().collect();
    let mut diagnostics = Vec::new();
    for (i, severity) in severities.iter().enumerate() {
        let Some(aliases) = severity.aliases() else {
            continue;
        };
        let field = severity.field(fields::severity::ALIASES);
        for (k, alias) in aliases.iter().enumerate() {
            let key = alias.to_lowercase();
            let clash = severities.iter().enumerate().find(|(j, other)| {
                *j != i
                    && (other.id.value.to_lowercase() == key
                        || (*j < i
                            && other
                                .aliases()
                                .unwrap_or_default()
                                .iter()
                                .any(|a| a.to_lowercase() == key)))
            });
            let Some((_, other)) = clash else {
                continue;
            };
            let span = field
                .and_then(|f| f.item_spans.get(k).copied())
                .or(field.map(|f| f.span))
                .unwrap_or(severity.id.span);
            diagnostics.push(
                Diagnostic::new(
                    Code::E119,
                    format!(
                        "the alias `{alias}` of `{}` also names `{}`",
                        severity.id.value, other.id.value
                    ),
                )
                .label(span, "this alias")
                .label(other.id.span, "the other severity")
                .help("give each severity aliases of its own"),
            );
        }
    }
    diagnostics
}
