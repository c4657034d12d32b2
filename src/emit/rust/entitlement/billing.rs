//! Out-of-hours billing: the terms of each billing rule as a constant
//! (`{RULE}_TERMS`), `screen_sharing_at` and the charge for a session.

use super::{claim, grid_call, intro, CHRONO, ENT};
use crate::ast::Money;
use crate::emit::rust::code::{constant, Body, Function};
use crate::emit::rust::docs::escape_doc;
use crate::emit::rust::layout::Expr;
use crate::emit::rust::names::{screaming, snake, type_name, Names};
use crate::emit::rust::plan::Plan;
use crate::emit::rust::types::money;
use crate::emit::rust::RT;
use crate::facts::terms::Billing;
use crate::model::view::{GridDecl, RuleDecl, View};
use crate::model::Decl;
use crate::schema::{Kind, Role};
use crate::value_text;

/// The terms of an out-of-hours billing rule, as a constant of the
/// runtime's `OutOfHoursTerms`.
#[derive(Debug)]
pub struct Terms<'p> {
    /// The constant's name, `{RULE}_TERMS`.
    name: String,
    rule: RuleDecl<'p>,
    rate: &'p Money,
    billing: &'p Billing,
}

impl<'p> Terms<'p> {
    /// The terms of every billing rule with a rate, in document order.
    pub fn plan(plan: &Plan<'p>, names: &mut Names) -> Vec<Terms<'p>> {
        let mut out = Vec::new();
        for billing in plan.facts.billing() {
            let Some(rule) = plan.policy.decls.get(billing.rule).and_then(RuleDecl::of) else {
                continue;
            };
            let Some(rate) = rule.rate() else {
                continue;
            };
            let name = format!("{}_TERMS", screaming(&rule.id.value, "RULE"));
            out.push(Terms {
                name: claim(names, &name),
                rule,
                rate,
                billing,
            });
        }
        out
    }

    /// The constant.
    pub fn item(&self) -> Vec<String> {
        let (increment, minimum) = (
            self.billing.terms.increment_minutes,
            self.billing.terms.minimum_minutes,
        );
        let docs = format!(
            "{}: the billing terms, {} in increments of {increment} minutes, with a minimum \
             charge of {minimum} minutes.",
            intro(&self.rule),
            escape_doc(&value_text::money(self.rate))
        );
        constant(
            &docs,
            &format!("pub const {}: {ENT}::OutOfHoursTerms", self.name),
            &Expr::Struct(
                format!("{ENT}::OutOfHoursTerms"),
                vec![
                    ("rate".to_owned(), money(self.rate)),
                    (
                        "increment_minutes".to_owned(),
                        Expr::atom(increment.to_string()),
                    ),
                    (
                        "minimum_minutes".to_owned(),
                        Expr::atom(minimum.to_string()),
                    ),
                ],
            ),
        )
    }
}

/// `screen_sharing_at(Tier, Severity, at)`: the screen-sharing grid's
/// session, billable outside business hours where a billing rule covers
/// the tier and severity.
#[derive(Debug)]
pub struct ScreenSharingAt<'p> {
    name: String,
    grid: GridDecl<'p>,
    /// How the grid's function is called.
    grid_fn: String,
    /// The name of `calendar_for_tier`.
    calendar: String,
    /// The tier and severity covered by a billing rule, and its terms.
    covered: Vec<([String; 2], String)>,
    /// Whether every tier and severity is covered.
    all: bool,
    /// The billing rules that cover some, in order of first use.
    rules: Vec<&'p Decl>,
}

impl<'p> ScreenSharingAt<'p> {
    /// Planned where the screen-sharing grid has a session in every cell,
    /// and the tiers' calendars are known (`calendar` is `calendar_for_tier`).
    pub fn plan(
        plan: &Plan<'p>,
        terms: &[Terms<'p>],
        calendar: Option<&str>,
        names: &mut Names,
    ) -> Option<ScreenSharingAt<'p>> {
        let (tiers, severities, calendar) =
            (plan.set(Kind::Tier)?, plan.set(Kind::Severity)?, calendar?);
        let grid = plan.facts.grid(Role::ScreenSharing)?;
        let grid_fn = plan.grid_fn(grid.id.as_str())?;
        if grid_fn.returns.optional {
            return None;
        }
        // The billing rule of this grid covering each tier and severity, as
        // `src/enforce` finds it.
        let mut covered = Vec::new();
        let mut rules: Vec<&Decl> = Vec::new();
        for (tier, tier_path) in tiers.paths() {
            for (severity, severity_path) in severities.paths() {
                let billing = plan.facts.billing_for(
                    grid.id.as_str(),
                    tier.id.as_str(),
                    severity.id.as_str(),
                );
                let Some(rule) =
                    billing.and_then(|b| terms.iter().find(|t| t.billing.rule == b.rule))
                else {
                    continue;
                };
                if !rules.iter().any(|d| std::ptr::eq(*d, rule.rule.decl())) {
                    rules.push(rule.rule.decl());
                }
                covered.push(([tier_path.clone(), severity_path], rule.name.clone()));
            }
        }
        Some(ScreenSharingAt {
            all: covered.len() == tiers.decls.len() * severities.decls.len(),
            grid_fn: grid_call(&grid_fn.name),
            calendar: calendar.to_owned(),
            name: claim(names, "screen_sharing_at"),
            grid,
            covered,
            rules,
        })
    }

    /// The function.
    pub fn item(&self) -> Vec<String> {
        self.function().item()
    }

    /// The function, not yet laid out.
    pub fn function(&self) -> Function {
        let mut body = Body::of_item();
        let out_of_hours = if self.covered.is_empty() {
            Expr::atom("None")
        } else {
            body.nested(
                "let out_of_hours = match (tier, severity) {",
                "};",
                |arms| {
                    for (pattern, terms) in &self.covered {
                        arms.tuple_arm(pattern, &Expr::atom(format!("Some(&{terms})")));
                    }
                    if !self.all {
                        arms.arm("_", &Expr::atom("None"));
                    }
                },
            );
            Expr::atom("out_of_hours")
        };
        body.tail(&Expr::call(
            format!("{ENT}::screen_sharing"),
            vec![
                Expr::atom(format!("{}(severity, tier)", self.grid_fn)),
                out_of_hours,
                Expr::atom(format!("{}(tier)", self.calendar)),
                Expr::atom("at"),
            ],
        ));
        let mut docs = format!(
            "{} for a case at an instant: the grid's session for the case's tier and severity.",
            intro(&self.grid)
        );
        for rule in &self.rules {
            docs.push_str(&format!(
                " Where {} covers them, the session holds while the tier's calendar is open; \
                 outside its hours it is billable on the rule's terms.",
                intro(rule)
            ));
        }
        Function {
            docs,
            head: format!("pub fn {}<Z: {CHRONO}::TimeZone>", self.name),
            params: vec![
                format!("tier: {}", type_name(Kind::Tier)),
                format!("severity: {}", type_name(Kind::Severity)),
                format!("at: {CHRONO}::DateTime<Z>"),
            ],
            ret: format!("{ENT}::ScreenSharing"),
            body,
        }
    }
}

/// The charge for an out-of-hours session on a billing rule's terms:
/// `out_of_hours_charge`, or `{rule}_charge` for each of several rules.
#[derive(Debug)]
pub struct Charge<'p> {
    name: String,
    rule: RuleDecl<'p>,
    /// The name of the terms' constant.
    terms: String,
}

impl<'p> Charge<'p> {
    /// A charge function per billing rule.
    pub fn plan(terms: &[Terms<'p>], names: &mut Names) -> Vec<Charge<'p>> {
        terms
            .iter()
            .map(|t| {
                let name = if terms.len() == 1 {
                    "out_of_hours_charge".to_owned()
                } else {
                    format!("{}_charge", snake(&t.rule.id.value, "rule"))
                };
                Charge {
                    name: claim(names, &name),
                    rule: t.rule,
                    terms: t.name.clone(),
                }
            })
            .collect()
    }

    /// The function.
    pub fn item(&self) -> Vec<String> {
        let mut body = Body::of_item();
        body.tail(&Expr::call(
            format!("{ENT}::out_of_hours_charge"),
            vec![
                Expr::atom(format!("&{}", self.terms)),
                Expr::atom("session"),
            ],
        ));
        Function {
            docs: format!(
                "{}: the charge for a session of length `session`, on the terms [`{}`].\n\n\
                 # Errors\n\nA billing increment of zero minutes, or a charge too large to \
                 represent (see [`::policyc_runtime::ChargeError`]).",
                intro(&self.rule),
                self.terms
            ),
            head: format!("pub fn {}", self.name),
            params: vec!["session: ::std::time::Duration".to_owned()],
            ret: format!("::std::result::Result<{RT}::Money, {RT}::ChargeError>"),
            body,
        }
        .item()
    }
}
