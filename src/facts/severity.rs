//! Severity rules: the rules deciding which severity a case is given
//! ([`Role::Severity`]: a rule with `highest-severity` or
//! `default-severity`, any number per policy), and the severities in the
//! order they rank (declaration order, the first the most severe).

use super::Facts;
use crate::model::view::{RuleDecl, SeverityDecl, View};
use crate::schema::Role;

impl Facts {
    /// The rules deciding severity, in document order.
    pub fn severity_rules(&self) -> Vec<RuleDecl<'_>> {
        self.roles
            .deciders(Role::Severity)
            .iter()
            .filter_map(|&i| self.policy.decls.get(i).and_then(RuleDecl::of))
            .collect()
    }

    /// The severities' ids from the most severe: in declaration order.
    pub fn severity_order(&self) -> Vec<&str> {
        self.policy
            .all::<SeverityDecl>()
            .map(|s| s.decl().id.as_str())
            .collect()
    }

    /// The severity `name` names: its id, or one of its `aliases`, compared
    /// without regard to case (E119 keeps them apart).
    pub fn severity_named(&self, name: &str) -> Option<SeverityDecl<'_>> {
        let key = name.trim().to_lowercase();
        self.policy.all::<SeverityDecl>().find(|s| {
            s.id.value.to_lowercase() == key
                || s.aliases()
                    .unwrap_or_default()
                    .iter()
                    .any(|a| a.to_lowercase() == key)
        })
    }
}
