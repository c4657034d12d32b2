//! Which grid or rule decides each question of the policy ([`Role`]).
//!
//! A declaration states its role with `decides:`; otherwise the schema
//! gives it one (a grid by its shape, a rule by a term only that role
//! holds). Conflicts are errors: a rule holding the terms of two roles, a
//! role a declaration cannot have (E115), two declarations deciding the
//! same question (E116), a rule missing a term its role needs (E105).

use crate::codes::Code;
use crate::diagnostic::Diagnostic;
use crate::model::view::{GridDecl, RuleDecl, View};
use crate::model::Policy;
use crate::schema::{fields, GridShape, Kind, Role};
use std::collections::HashMap;

/// The declarations deciding each role, by index into the model.
#[derive(Clone, Debug, Default)]
pub struct Roles {
    /// Role -> deciding declarations, in document order. One for every role
    /// but out-of-hours billing.
    deciders: HashMap<Role, Vec<usize>>,
    /// Declaration -> its role.
    of: HashMap<usize, Role>,
}

impl Roles {
    /// The one declaration deciding `role`, if any.
    pub fn decider(&self, role: Role) -> Option<usize> {
        match self.deciders.get(&role)?.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }

    /// Every declaration deciding `role`, in document order.
    pub fn deciders(&self, role: Role) -> &[usize] {
        self.deciders.get(&role).map_or(&[], Vec::as_slice)
    }

    /// Makes `index` the decider of `role` where nothing decides it: the
    /// first metric's grid decides the response targets of a policy whose
    /// target grids all name their metric.
    pub(crate) fn default_decider(&mut self, role: Role, index: usize) {
        if let std::collections::hash_map::Entry::Vacant(entry) = self.deciders.entry(role) {
            entry.insert(vec![index]);
            self.of.insert(index, role);
        }
    }

    /// The role of a declaration, if it has one.
    pub fn of(&self, index: usize) -> Option<Role> {
        self.of.get(&index).copied()
    }
}

/// A grid's shape, when its rows, columns and cells are all stated.
fn shape_of(grid: GridDecl<'_>) -> Option<GridShape> {
    Some(GridShape {
        rows: grid.rows()?,
        columns: grid.columns()?,
        cells: grid.cells()?,
    })
}

/// ``a grid of `target` cells by `severity` and `tier` ``.
fn describe_shape(shape: GridShape) -> String {
    format!(
        "a grid of `{}` cells by `{}` and `{}`",
        shape.cells.name(),
        shape.rows.name(),
        shape.columns.name()
    )
}

/// Finds every role and reports the conflicts.
pub fn derive(policy: &Policy) -> (Roles, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    // Declared roles, and roles the schema gives.
    let mut declared: HashMap<Role, Vec<usize>> = HashMap::new();
    let mut by_shape: HashMap<Role, Vec<usize>> = HashMap::new();
    for (index, decl) in policy.decls.iter().enumerate() {
        if let Some(rule) = RuleDecl::of(decl) {
            if let Some(role) = rule_role(policy, index, rule, &mut diagnostics) {
                declared.entry(role).or_default().push(index);
            }
        } else if let Some(grid) = GridDecl::of(decl) {
            let shape = shape_of(grid);
            match grid.decides() {
                Some(role) => {
                    if let Some(role) = declared_grid_role(grid, role, shape, &mut diagnostics) {
                        declared.entry(role).or_default().push(index);
                    }
                }
                // A grid naming a metric is that metric's (see `metrics`).
                None if grid.decl().field(fields::grid::METRIC).is_some() => {}
                None => {
                    for role in Role::ALL {
                        if role.given_by_shape() && shape.is_some() && role.shape() == shape {
                            by_shape.entry(role).or_default().push(index);
                        }
                    }
                }
            }
        }
    }
    let mut roles = Roles::default();
    for role in Role::ALL {
        let stated = declared.remove(&role).unwrap_or_default();
        let shaped = by_shape.remove(&role).unwrap_or_default();
        let deciders = if role.one_per_policy() {
            match (stated.as_slice(), shaped.as_slice()) {
                ([_, _, ..], _) => {
                    diagnostics.push(two_deciders(policy, role, &stated, true));
                    Vec::new()
                }
                ([one], _) => vec![*one],
                ([], [one]) => vec![*one],
                ([], [_, _, ..]) => {
                    diagnostics.push(two_deciders(policy, role, &shaped, false));
                    Vec::new()
                }
                ([], []) => Vec::new(),
            }
        } else {
            diagnostics.extend(overlapping_billing(policy, &stated));
            stated
        };
        for &index in &deciders {
            roles.of.insert(index, role);
        }
        if !deciders.is_empty() {
            roles.deciders.insert(role, deciders);
        }
    }
    (roles, diagnostics)
}

/// A rule's role: stated with `decides:`, or given by its terms.
fn rule_role(
    policy: &Policy,
    index: usize,
    rule: RuleDecl<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Role> {
    // Each role whose terms the rule holds, with the first term held.
    let held: Vec<(Role, &'static str)> = Role::ALL
        .into_iter()
        .filter_map(|role| {
            let term = role.terms().iter().find(|t| rule.field(t).is_some())?;
            Some((role, *term))
        })
        .collect();
    let role = match (rule.decides(), held.as_slice()) {
        (Some(role), _) if role.kind() != Kind::Rule => {
            diagnostics.push(decided_elsewhere(rule.decl(), role));
            return None;
        }
        (Some(role), held) => {
            if let Some((other, term)) = held.iter().find(|(r, _)| *r != role) {
                let mut d = Diagnostic::new(
                    Code::E115,
                    format!(
                        "the rule `{}` decides {}, but `{term}` is a term of {}",
                        rule.id.as_str(),
                        role.describe(),
                        other.describe()
                    ),
                );
                if let Some(f) = rule.field(fields::rule::DECIDES) {
                    d = d.label(f.span, format!("decides `{}`", role.name()));
                }
                if let Some(f) = rule.field(term) {
                    d = d.label(f.span, format!("a term of `{}`", other.name()));
                }
                diagnostics.push(d.help("one rule decides one question: split it in two"));
                return None;
            }
            role
        }
        (None, []) => return None,
        (None, [(role, _)]) => *role,
        (None, [(a, term_a), (b, term_b), ..]) => {
            let mut d = Diagnostic::new(
                Code::E115,
                format!(
                    "the rule `{}` decides two questions: {} (`{term_a}`) and {} (`{term_b}`)",
                    rule.id.as_str(),
                    a.describe(),
                    b.describe()
                ),
            );
            for term in [term_a, term_b] {
                if let Some(f) = rule.field(term) {
                    d = d.label(f.span, format!("`{term}` here"));
                }
            }
            diagnostics.push(d.help("one rule decides one question: split it in two"));
            return None;
        }
    };
    let missing: Vec<&str> = role
        .required_terms()
        .iter()
        .copied()
        .filter(|t| rule.field(t).is_none())
        .collect();
    // A term written with a refused value or a misspelt name was reported.
    for term in missing.iter().filter(|t| !policy.gaps.field(index, t)) {
        let example = Kind::Rule
            .field(term)
            .map_or("...", |spec| spec.ty.example());
        diagnostics.push(
            Diagnostic::new(
                Code::E105,
                format!(
                    "the rule `{}` has no `{term}`, which a rule deciding {} states",
                    rule.id.as_str(),
                    role.describe()
                ),
            )
            .label(rule.id.span, format!("`{term}` missing"))
            .help(format!("add `{term}: {example}`")),
        );
    }
    missing.is_empty().then_some(role)
}

/// A grid's stated role, if the grid can have it.
fn declared_grid_role(
    grid: GridDecl<'_>,
    role: Role,
    shape: Option<GridShape>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Role> {
    let span = grid
        .field(fields::grid::DECIDES)
        .map_or(grid.id.span, |f| f.span);
    let Some(wanted) = role.shape() else {
        diagnostics.push(decided_elsewhere(grid.decl(), role));
        return None;
    };
    match shape {
        // The shape could not be read: an error was reported already.
        None => None,
        Some(shape) if shape == wanted => Some(role),
        Some(shape) => {
            diagnostics.push(
                Diagnostic::new(
                    Code::E115,
                    format!(
                        "the grid `{}` cannot decide {}: it is {}",
                        grid.id.as_str(),
                        role.describe(),
                        describe_shape(shape)
                    ),
                )
                .label(span, format!("decides `{}`", role.name()))
                .help(format!(
                    "{} is decided by {}",
                    role.describe(),
                    describe_shape(wanted)
                )),
            );
            None
        }
    }
}

/// E115: `decl` says it decides a question that another kind decides.
fn decided_elsewhere(decl: &crate::model::Decl, role: Role) -> Diagnostic {
    let (this, other) = (decl.kind.name(), role.kind().name());
    let span = decl
        .field(fields::rule::DECIDES)
        .map_or(decl.id.span, |f| f.span);
    Diagnostic::new(
        Code::E115,
        format!("a {this} cannot decide {}: a {other} does", role.describe()),
    )
    .label(span, format!("`{}` is decided by a {other}", role.name()))
    .help(format!(
        "move `decides: {}` to the {other}, or name a question a {this} decides",
        role.name()
    ))
}

/// E116: several declarations decide one question.
fn two_deciders(policy: &Policy, role: Role, indices: &[usize], stated: bool) -> Diagnostic {
    let decls: Vec<&crate::model::Decl> = indices
        .iter()
        .filter_map(|&i| policy.decls.get(i))
        .collect();
    let kind = role.kind().name();
    let names = decls
        .iter()
        .map(|d| format!("`{}`", d.id.as_str()))
        .collect::<Vec<_>>()
        .join(" and ");
    let message = if stated {
        format!("the {kind}s {names} both decide {}", role.describe())
    } else {
        format!("the {kind}s {names} could each decide {}", role.describe())
    };
    let mut d = Diagnostic::new(Code::E116, message);
    for decl in &decls {
        let span = decl
            .field(fields::rule::DECIDES)
            .map_or(decl.id.span, |f| f.span);
        d = d.label(span, format!("this {kind}"));
    }
    if stated || role.kind() == Kind::Rule {
        d.help(format!(
            "one {kind} decides {}: merge them, or keep `decides:` on one",
            role.describe()
        ))
    } else {
        d.help(format!(
            "say which one decides it with `decides: {}`",
            role.name()
        ))
    }
}

/// E116 for billing rules: two rules billing the same tier and severity
/// on the same grid.
fn overlapping_billing(policy: &Policy, rules: &[usize]) -> Vec<Diagnostic> {
    let rules: Vec<RuleDecl<'_>> = rules
        .iter()
        .filter_map(|&i| policy.decls.get(i).and_then(RuleDecl::of))
        .collect();
    let mut diagnostics = Vec::new();
    for (i, a) in rules.iter().enumerate() {
        for b in &rules[i + 1..] {
            if a.grid().map(|g| g.as_str()) != b.grid().map(|g| g.as_str()) {
                continue;
            }
            let tier = a.tiers().iter().find(|t| b.tiers().contains(t));
            let severity = a.severities().iter().find(|s| b.severities().contains(s));
            if let (Some(tier), Some(severity)) = (tier, severity) {
                diagnostics.push(
                    Diagnostic::new(
                        Code::E116,
                        format!(
                            "the rules `{}` and `{}` both bill `{severity}` at `{tier}`",
                            a.id.as_str(),
                            b.id.as_str()
                        ),
                    )
                    .label(b.id.span, "this rule")
                    .label(a.id.span, "and this rule")
                    .help("one rule bills each tier and severity: narrow their `tiers` or `severities`"),
                );
            }
        }
    }
    diagnostics
}
