//! The life of a case: the calendar it is counted on, when its first
//! response is due, who support is delivered to, and when it may be closed.

use super::{claim, grid_call, intro, Call, CHRONO, ENT};
use crate::emit::rust::code::{Body, Function};
use crate::emit::rust::docs::{code, escape_doc};
use crate::emit::rust::layout::Expr;
use crate::emit::rust::names::{type_name, Names};
use crate::emit::rust::plan::Plan;
use crate::emit::rust::types::{Returns, RustType};
use crate::emit::rust::RT;
use crate::model::view::{GridDecl, RuleDecl, TierDecl, View};
use crate::schema::fields::{product, tier};
use crate::schema::{Kind, Role};
use policyc_runtime::entitlement::ClosureTerms;

/// `calendar_for_tier(Tier) -> &'static Calendar`: the calendar each tier
/// counts business time on.
#[derive(Debug)]
pub struct CalendarForTier {
    /// The function's name.
    pub name: String,
    /// The id of the policy's default calendar.
    default: String,
    /// Each tier's path and its calendar's static.
    arms: Vec<(String, String)>,
}

impl CalendarForTier {
    /// Planned where every tier's calendar is known.
    pub fn plan(plan: &Plan, names: &mut Names) -> Option<CalendarForTier> {
        let tiers = plan.set(Kind::Tier)?;
        let default = plan.facts.default_calendar()?.id.clone();
        let mut arms = Vec::new();
        for (decl, path) in tiers.paths() {
            let calendar = plan.facts.tier_calendar(TierDecl::of(decl)?)?;
            arms.push((path, plan.calendar_name(&calendar.id)?.to_owned()));
        }
        Some(CalendarForTier {
            name: claim(names, "calendar_for_tier"),
            default,
            arms,
        })
    }

    /// The function.
    pub fn item(&self) -> Vec<String> {
        let mut body = Body::of_item();
        body.nested("match tier {", "}", |arms| {
            for (path, calendar) in &self.arms {
                arms.arm(path, &Expr::atom(format!("&{calendar}")));
            }
        });
        Function {
            docs: format!(
                "The business calendar of a tier: the calendar its `{}` name, else the policy's \
                 first calendar ({}). Business-day targets, screen-sharing hours and closing \
                 cases count on it.",
                tier::HOURS,
                code(&self.default)
            ),
            head: format!("pub fn {}", self.name),
            params: vec![format!("tier: {}", type_name(Kind::Tier))],
            ret: format!("&'static {RT}::Calendar"),
            body,
        }
        .item()
    }
}

/// `may_close_case(attempts) -> bool`, on the terms of the rule deciding
/// when a case may be closed and the default calendar.
#[derive(Debug)]
pub struct MayCloseCase<'p> {
    name: String,
    rule: RuleDecl<'p>,
    terms: ClosureTerms,
    /// The default calendar's static and id.
    calendar: (String, String),
}

impl<'p> MayCloseCase<'p> {
    /// Planned where a rule decides when a case may be closed.
    pub fn plan(plan: &Plan<'p>, names: &mut Names) -> Option<MayCloseCase<'p>> {
        let closure = plan.facts.case_closure()?;
        let calendar = plan.calendar(&plan.facts.default_calendar()?.id)?;
        Some(MayCloseCase {
            rule: closure.rule,
            terms: closure.terms,
            calendar: (calendar.name.clone(), calendar.decl.id.value.clone()),
            name: claim(names, "may_close_case"),
        })
    }

    /// The function.
    pub fn item(&self) -> Vec<String> {
        let ClosureTerms {
            attempts,
            separate_business_days,
        } = self.terms;
        let (calendar, calendar_id) = &self.calendar;
        let mut body = Body::of_item();
        body.assign(
            &format!("const TERMS: {ENT}::ClosureTerms"),
            &Expr::Struct(
                format!("{ENT}::ClosureTerms"),
                vec![
                    ("attempts".to_owned(), Expr::atom(attempts.to_string())),
                    (
                        "separate_business_days".to_owned(),
                        Expr::atom(separate_business_days.to_string()),
                    ),
                ],
            ),
        );
        body.tail(&Expr::call(
            format!("{ENT}::may_close_case"),
            vec![
                Expr::atom("&TERMS"),
                Expr::atom(format!("&{calendar}")),
                Expr::atom("attempts"),
            ],
        ));
        Function {
            docs: format!(
                "{}: whether the case may be closed after contact attempts at `attempts`: at \
                 least {attempts}{}.",
                intro(&self.rule),
                if separate_business_days {
                    format!(
                        ", on as many separate business days of the calendar {} (attempts on \
                         days it is closed do not count)",
                        code(calendar_id)
                    )
                } else {
                    String::new()
                }
            ),
            head: format!("pub fn {}<Z: {CHRONO}::TimeZone>", self.name),
            params: vec![format!("attempts: &[{CHRONO}::DateTime<Z>]")],
            ret: RustType::Bool.text(),
            body,
        }
        .item()
    }
}

/// `support_delivered_to(Product) -> Party`: the product's `support-to`.
#[derive(Debug)]
pub struct SupportDeliveredTo {
    name: String,
    /// `Product::support_to`.
    support_to: Call,
}

impl SupportDeliveredTo {
    /// Planned where products name the party support is delivered to.
    pub fn plan(plan: &Plan, names: &mut Names) -> Option<SupportDeliveredTo> {
        plan.set(Kind::Product)?;
        plan.set(Kind::Party)?;
        let ty = RustType::Enum(Kind::Party);
        let support_to = Call::of(plan, Kind::Product, product::SUPPORT_TO, ty)?;
        Some(SupportDeliveredTo {
            name: claim(names, "support_delivered_to"),
            support_to,
        })
    }

    /// The function.
    pub fn item(&self) -> Vec<String> {
        let mut body = Body::of_item();
        body.tail(&Expr::call(
            format!("{ENT}::support_delivered_to"),
            vec![Expr::atom(self.support_to.on("product"))],
        ));
        let mut docs = format!(
            "The party support for a product is delivered to: its `{}` (for a platform resold \
             by providers, the provider rather than its end customers).",
            product::SUPPORT_TO
        );
        if self.support_to.optional {
            docs.push_str("\n\n`None` for products that do not say.");
        }
        let returns = Returns {
            ty: RustType::Enum(Kind::Party),
            optional: self.support_to.optional,
        };
        Function {
            docs,
            head: format!("pub const fn {}", self.name),
            params: vec![format!("product: {}", type_name(Kind::Product))],
            ret: returns.text(),
            body,
        }
        .item()
    }
}

/// `first_response_due(Tier, Severity, submitted, pauses)`: the response
/// target of the grid deciding response targets, on the tier's calendar.
#[derive(Debug)]
pub struct FirstResponseDue<'p> {
    name: String,
    grid: GridDecl<'p>,
    /// How the grid's function is called.
    grid_fn: String,
    /// Whether the grid has `n/a` cells.
    optional: bool,
    /// The name of `calendar_for_tier`.
    calendar: String,
}

impl<'p> FirstResponseDue<'p> {
    /// Planned where a grid decides response targets and the tiers'
    /// calendars are known (`calendar` is `calendar_for_tier`).
    pub fn plan(
        plan: &Plan<'p>,
        calendar: Option<&str>,
        names: &mut Names,
    ) -> Option<FirstResponseDue<'p>> {
        plan.set(Kind::Tier)?;
        plan.set(Kind::Severity)?;
        let calendar = calendar?;
        let grid = plan.facts.grid(Role::ResponseTargets)?;
        let grid_fn = plan.grid_fn(grid.id.as_str())?;
        Some(FirstResponseDue {
            grid_fn: grid_call(&grid_fn.name),
            optional: grid_fn.returns.optional,
            calendar: calendar.to_owned(),
            name: claim(names, "first_response_due"),
            grid,
        })
    }

    /// The function.
    pub fn item(&self) -> Vec<String> {
        let mut body = Body::of_item();
        let target = format!("{}(severity, tier)", self.grid_fn);
        let target = if self.optional {
            body.nested(&format!("let Some(target) = {target} else {{"), "};", |b| {
                b.line("return Ok(None);");
            });
            Expr::atom("target")
        } else {
            Expr::atom(target)
        };
        body.tail(&Expr::call(
            format!("{RT}::due"),
            vec![
                Expr::atom(format!("{}(tier)", self.calendar)),
                target,
                Expr::atom("submitted"),
                Expr::atom("pauses"),
            ],
        ));
        let mut docs = format!(
            "When the first response to a case is due: the target of {} for its tier and \
             severity, counted from `submitted` on the tier's calendar (see [`{}`]), the clock \
             stopped during `pauses`. The instant is in the calendar's zone; `Ok(None)` for \
             best effort",
            intro(&self.grid),
            self.calendar
        );
        docs.push_str(if self.optional {
            " and where no target applies (`n/a`)."
        } else {
            "."
        });
        if let Some(pauses) = self.grid.pauses() {
            docs.push_str(&format!(
                "\n\nThe clock pauses while: {}.",
                escape_doc(&pauses.join("; "))
            ));
        }
        docs.push_str(
            "\n\n# Errors\n\nA pause that ends before it starts, an instant out of range, or a \
             target not reached within ten years (see [`::policyc_runtime::SlaError`]).",
        );
        Function {
            docs,
            head: format!("pub fn {}", self.name),
            params: vec![
                format!("tier: {}", type_name(Kind::Tier)),
                format!("severity: {}", type_name(Kind::Severity)),
                format!("submitted: {CHRONO}::DateTime<{CHRONO}::FixedOffset>"),
                format!("pauses: &[{RT}::Pause]"),
            ],
            ret: format!(
                "::std::result::Result<Option<{CHRONO}::DateTime<{RT}::chrono_tz::Tz>>, \
                 {RT}::SlaError>"
            ),
            body,
        }
        .item()
    }
}
