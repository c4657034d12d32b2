//! The life of a case: the calendar it is counted on, when its first
//! response is due, who support is delivered to, and when it may be closed.

use super::{claim, grid_call, intro, Call, CHRONO, ENT};
use crate::emit::rust::code::{Body, Function};
use crate::emit::rust::docs::{code, escape_doc};
use crate::emit::rust::layout::Expr;
use crate::emit::rust::names::{snake, type_name, Names};
use crate::emit::rust::plan::Plan;
use crate::emit::rust::types::{Returns, RustType};
use crate::emit::rust::RT;
use crate::model::view::{GridDecl, RuleDecl, TierDecl, View};
use crate::schema::fields::{product, tier};
use crate::schema::Kind;
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
    /// The metric, for a policy that declares metrics: its title and
    /// whether it is a cadence.
    metric: Option<(String, bool)>,
    /// The cells that run on a calendar of their own: severity path, tier
    /// path, the calendar's static.
    own_calendars: Vec<(String, String, String)>,
    /// The statics of calendars in the customer's zone; where there are
    /// any, the function takes the customer's zone and business hours.
    customer_zone: Vec<String>,
}

impl<'p> FirstResponseDue<'p> {
    /// Planned where a grid decides response targets and the tiers'
    /// calendars are known (`calendar` is `calendar_for_tier`): one
    /// `first_response_due`, or for a policy that declares metrics one
    /// `METRIC_due` per metric.
    pub fn plan(
        plan: &Plan<'p>,
        calendar: Option<&str>,
        names: &mut Names,
    ) -> Vec<FirstResponseDue<'p>> {
        let (Some(_), Some(_), Some(calendar)) =
            (plan.set(Kind::Tier), plan.set(Kind::Severity), calendar)
        else {
            return Vec::new();
        };
        let customer_zone: Vec<String> = plan
            .facts
            .calendars()
            .iter()
            .filter(|c| c.customer_zone)
            .filter_map(|c| plan.calendar_name(&c.id).map(str::to_owned))
            .collect();
        let declared = crate::facts::metrics::declares_metrics(plan.facts.policy());
        let mut out = Vec::new();
        for metric in plan.facts.metrics() {
            let Some(grid) = plan
                .facts
                .policy()
                .decls
                .get(metric.grid)
                .and_then(GridDecl::of)
            else {
                continue;
            };
            let Some(grid_fn) = plan.grid_fn(grid.id.as_str()) else {
                continue;
            };
            let name = if declared {
                claim(names, &format!("{}_due", snake(&metric.id, "metric")))
            } else {
                claim(names, "first_response_due")
            };
            out.push(FirstResponseDue {
                grid_fn: grid_call(&grid_fn.name),
                optional: grid_fn.returns.optional,
                calendar: calendar.to_owned(),
                metric: declared.then(|| (metric.title.clone(), metric.cadence)),
                own_calendars: own_calendars(plan, grid),
                customer_zone: customer_zone.clone(),
                name,
                grid,
            });
        }
        out
    }

    /// The function.
    pub fn item(&self) -> Vec<String> {
        self.function().item()
    }

    /// The function, not yet laid out.
    pub fn function(&self) -> Function {
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
        let customer = !self.customer_zone.is_empty();
        let tier_calendar = if customer {
            format!("hours.unwrap_or({}(tier))", self.calendar)
        } else {
            format!("{}(tier)", self.calendar)
        };
        let calendar = if self.own_calendars.is_empty() && !customer {
            Expr::atom(tier_calendar)
        } else {
            let own = &self.own_calendars;
            if own.is_empty() {
                body.line(&format!("let calendar = {tier_calendar};"));
            } else {
                body.nested(
                    &format!("let calendar: &{RT}::Calendar = match (severity, tier) {{"),
                    "};",
                    |arms| {
                        for (severity, tier, calendar) in own {
                            arms.arm(
                                &format!("({severity}, {tier})"),
                                &Expr::atom(format!("&{calendar}")),
                            );
                        }
                        arms.arm("_", &Expr::atom(tier_calendar.clone()));
                    },
                );
            }
            if customer {
                let local = self
                    .customer_zone
                    .iter()
                    .map(|c| format!("::std::ptr::eq(calendar, &{c})"))
                    .collect::<Vec<_>>()
                    .join(" || ");
                body.line("let local;");
                body.nested("let calendar = match zone {", "};", |arms| {
                    arms.nested(&format!("Some(zone) if {local} => {{"), "}", |b| {
                        b.line("local = calendar.in_zone(zone);");
                        b.line("&local");
                    });
                    arms.arm("_", &Expr::atom("calendar"));
                });
            }
            Expr::atom("calendar")
        };
        body.tail(&Expr::call(
            format!("{RT}::due"),
            vec![
                calendar,
                target,
                Expr::atom("submitted"),
                Expr::atom("pauses"),
            ],
        ));
        let what = match &self.metric {
            Some((title, true)) => format!(
                "When the next update of a case is due ({}, a cadence: `submitted` is the last update)",
                escape_doc(title)
            ),
            Some((title, false)) => format!("When {} of a case is due", escape_doc(title)),
            None => "When the first response to a case is due".to_owned(),
        };
        let mut docs = format!(
            "{what}: the target of {} for its tier and severity, counted from `submitted` on the \
             tier's calendar (see [`{}`]){}, the clock stopped during `pauses`. The instant is in \
             the calendar's zone; `Ok(None)` for best effort",
            intro(&self.grid),
            self.calendar,
            if self.own_calendars.is_empty() {
                ""
            } else {
                " or the calendar a cell names"
            }
        );
        docs.push_str(if self.optional {
            " and where no target applies (`n/a`)."
        } else {
            "."
        });
        if customer {
            docs.push_str(
                "\n\n`hours` is the calendar the customer's business hours follow, where they \
                 depend on the customer: one of the policy's, or the customer's own from an order \
                 form (`None`: the tier's); `zone` is the customer's time zone, for calendars in \
                 the customer's zone (`None`: the policy's default).",
            );
        }
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
        let mut params = vec![
            format!("tier: {}", type_name(Kind::Tier)),
            format!("severity: {}", type_name(Kind::Severity)),
            format!("submitted: {CHRONO}::DateTime<{CHRONO}::FixedOffset>"),
            format!("pauses: &[{RT}::Pause]"),
        ];
        if customer {
            params.push(format!("hours: Option<&{RT}::Calendar>"));
            params.push(format!("zone: Option<{RT}::chrono_tz::Tz>"));
        }
        Function {
            docs,
            head: format!("pub fn {}", self.name),
            params,
            ret: format!(
                "::std::result::Result<Option<{CHRONO}::DateTime<{RT}::chrono_tz::Tz>>, \
                 {RT}::SlaError>"
            ),
            body,
        }
    }
}

/// The cells of a target grid that name their calendar (`on CALENDAR`):
/// severity path, tier path, the calendar's static.
fn own_calendars(plan: &Plan<'_>, grid: GridDecl<'_>) -> Vec<(String, String, String)> {
    let (Some(severities), Some(tiers), Some(cells)) = (
        plan.set(Kind::Severity),
        plan.set(Kind::Tier),
        grid.grid.as_ref(),
    ) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (severity, severity_path) in severities.paths() {
        for (tier, tier_path) in tiers.paths() {
            let Some(cell) = cells.cell(severity.id.as_str(), tier.id.as_str()) else {
                continue;
            };
            let crate::model::Value::Target(target) = &cell.value else {
                continue;
            };
            if let Some(name) = target.calendar().and_then(|id| plan.calendar_name(id)) {
                out.push((severity_path.clone(), tier_path, name.to_owned()));
            }
        }
    }
    out
}
