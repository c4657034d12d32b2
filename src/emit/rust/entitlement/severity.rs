//! `granted_severity`: which severity a case is given, by the rules
//! deciding severity (caps and defaults), written only when the policy has
//! such rules.

use super::{claim, intro, paths};
use crate::emit::rust::code::{Body, Function};
use crate::emit::rust::layout::Expr;
use crate::emit::rust::names::{type_name, Names};
use crate::emit::rust::plan::Plan;
use crate::emit::rust::RT;
use crate::model::view::RuleDecl;
use crate::schema::fields::rule;
use crate::schema::Kind;

/// One rule's data, as enum paths.
#[derive(Debug)]
struct Rule<'p> {
    decl: RuleDecl<'p>,
    /// Tiers, licenses, channels.
    covers: [Vec<Expr>; 3],
    highest: Option<String>,
    default: Option<String>,
}

/// `granted_severity(requested, tier, license, channel) -> Option<Severity>`.
#[derive(Debug)]
pub struct GrantedSeverity<'p> {
    name: String,
    rules: Vec<Rule<'p>>,
    /// Whether the policy has tiers, licenses, channels (an enum each);
    /// a kind it lacks is no parameter.
    kinds: [bool; 3],
}

/// The kinds a case is matched on, in parameter order.
const KINDS: [(Kind, &str); 3] = [
    (Kind::Tier, "tier"),
    (Kind::License, "license"),
    (Kind::Channel, "channel"),
];

impl<'p> GrantedSeverity<'p> {
    /// Planned where rules decide severity.
    pub fn plan(plan: &Plan<'p>, names: &mut Names) -> Option<GrantedSeverity<'p>> {
        let severities = plan.set(Kind::Severity)?;
        let deciding = plan.facts.severity_rules();
        if deciding.is_empty() {
            return None;
        }
        let mut rules = Vec::new();
        for decl in deciding {
            let lists = [decl.tiers(), decl.licenses(), decl.channels()];
            let mut covers: [Vec<Expr>; 3] = Default::default();
            for ((kind, _), (ids, out)) in KINDS.iter().zip(lists.into_iter().zip(&mut covers)) {
                if !ids.is_empty() {
                    *out = paths(plan.set(*kind)?, ids)?;
                }
            }
            let path = |s: Option<&crate::span::Spanned<String>>| match s {
                Some(s) => severities.path(s.as_str()).map(Some),
                None => Some(None),
            };
            rules.push(Rule {
                decl,
                covers,
                highest: path(decl.highest_severity())?,
                default: path(decl.default_severity())?,
            });
        }
        Some(GrantedSeverity {
            name: claim(names, "granted_severity"),
            rules,
            kinds: KINDS.map(|(kind, _)| plan.set(kind).is_some()),
        })
    }

    /// The function.
    pub fn item(&self) -> Vec<String> {
        let severity = type_name(Kind::Severity);
        let types: Vec<String> = KINDS
            .iter()
            .zip(self.kinds)
            .map(|((kind, _), has)| {
                if has {
                    type_name(*kind)
                } else {
                    "()".to_owned()
                }
            })
            .collect();
        let option = |p: &Option<String>| match p {
            Some(p) => Expr::atom(p.clone()).some(),
            None => Expr::atom("None"),
        };
        let rules: Vec<Expr> = self
            .rules
            .iter()
            .map(|r| {
                let mut fields: Vec<(String, Expr)> = ["tiers", "licenses", "channels"]
                    .iter()
                    .zip(&r.covers)
                    .map(|(name, items)| ((*name).to_owned(), Expr::slice(items.clone())))
                    .collect();
                fields.push(("highest".to_owned(), option(&r.highest)));
                fields.push(("default".to_owned(), option(&r.default)));
                Expr::Struct("rt::SeverityRule".to_owned(), fields)
            })
            .collect();
        let mut body = Body::of_item();
        body.line(&format!("use {RT} as rt;"));
        body.assign(
            &format!(
                "const RULES: &[rt::SeverityRule<'static, {}, {severity}>]",
                types.join(", ")
            ),
            &Expr::slice(rules),
        );
        // Field init shorthand, one a line, as rustfmt lays out a struct
        // literal wider than its small-literal width.
        body.line("let case = rt::SeverityCase {");
        body.line("    requested,");
        for ((_, name), has) in KINDS.iter().zip(self.kinds) {
            if has {
                body.line(&format!("    {name},"));
            } else {
                body.line(&format!("    {name}: None,"));
            }
        }
        body.line("};");
        body.tail(&Expr::call(
            "rt::granted_severity",
            vec![
                Expr::atom("RULES"),
                Expr::atom(format!("&{severity}::ALL")),
                Expr::atom("&case"),
            ],
        ));
        let mut params = vec![format!("requested: Option<{severity}>")];
        for ((kind, name), has) in KINDS.iter().zip(self.kinds) {
            if has {
                params.push(format!("{name}: Option<{}>", type_name(*kind)));
            }
        }
        let names: Vec<String> = self.rules.iter().map(|r| intro(&r.decl)).collect();
        Function {
            docs: format!(
                "The severity a case is given, by the rules deciding severity: {}. The severity \
                 asked for, else the least severe `{}` of the rules covering the case; then no \
                 more severe than the strictest `{}` of those rules (severities rank as \
                 declared, the first the most severe). A rule naming tiers, licenses or channels \
                 covers a case only when the case's is given and named. `None` when no severity \
                 is asked for and no rule gives a default.",
                names.join(", "),
                rule::DEFAULT_SEVERITY,
                rule::HIGHEST_SEVERITY,
            ),
            head: format!("pub fn {}", self.name),
            params,
            ret: format!("Option<{severity}>"),
            body,
        }
        .item()
    }
}
