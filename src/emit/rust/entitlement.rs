//! The decisions a support desk takes under the policy, as total functions:
//! who may open a ticket, incidents left, screen sharing at an instant, the
//! charge for an out-of-hours session, custom builds, remote login, root
//! cause analysis, hotfixes, lifecycle phases, closing a case, who support
//! is delivered to, and when the first response is due.
//!
//! Each function passes the policy's data (field methods, grid functions,
//! calendars, and the terms of the rule that decides, as constants) to the
//! one implementation in `policyc_runtime::entitlement` (or
//! `policyc_runtime::due`), which `src/enforce` calls with the same data read
//! from the facts. The rule or grid deciding each question is the one with
//! that role in the facts ([`crate::facts`]).
//!
//! A function whose data the policy lacks is not written.

use super::layout::{self, arm, assign, doc, escape_doc, statement, tuple_arm, Expr, MAX_WIDTH};
use super::{code, money, screaming, snake, Context, RT};
use crate::model::view::View;
use crate::model::{Decl, Value};
use crate::schema::{Kind, Role};
use crate::value_text;
use codegen::Scope;

/// The runtime's entitlement module.
const ENT: &str = "::policyc_runtime::entitlement";
/// The chrono re-exported by the runtime.
const CHRONO: &str = "::policyc_runtime::chrono";

/// Writes every entitlement function the policy has the data for.
pub(super) fn emit(ctx: &Context, scope: &mut Scope) {
    let calendar = calendar_for_tier(ctx, scope);
    may_open_ticket(ctx, scope);
    incidents_remaining(ctx, scope);
    let billing = billing_rules(ctx, scope);
    screen_sharing_at(ctx, &billing, calendar.as_deref(), scope);
    out_of_hours_charge(ctx, &billing, scope);
    custom_build(ctx, scope);
    remote_login(ctx, scope);
    root_cause_analysis(ctx, scope);
    hotfix(ctx, scope);
    phases(ctx, scope);
    may_close_case(ctx, scope);
    support_delivered_to(ctx, scope);
    first_response_due(ctx, calendar.as_deref(), scope);
}

// ---------------------------------------------------------------------------
// Writing functions
// ---------------------------------------------------------------------------

/// A function: docs, `pub fn name<generics>`, parameters, return type and
/// body lines (indented by 4).
struct Func<'a> {
    docs: String,
    head: String,
    params: &'a [String],
    ret: &'a str,
    body: Vec<String>,
}

fn push_fn(scope: &mut Scope, f: Func<'_>) {
    let mut lines = doc(0, &f.docs);
    lines.extend(signature(&f.head, f.params, f.ret));
    lines.extend(f.body);
    lines.push("}".to_owned());
    scope.raw(lines.join("\n"));
}

/// A signature as rustfmt lays it out: on one line; else one parameter a
/// line; and when even `) -> RET {` is too wide, the return type's generic
/// arguments one a line.
fn signature(head: &str, params: &[String], ret: &str) -> Vec<String> {
    let mut lines = layout::signature(0, head, params, ret);
    let too_wide = lines.last().is_some_and(|l| layout::width(l) > MAX_WIDTH);
    if !too_wide {
        return lines;
    }
    let Some((outer, args)) = generic_args(ret) else {
        return lines;
    };
    lines.pop();
    lines.push(format!(") -> {outer}<"));
    for a in args {
        lines.push(format!("    {a},"));
    }
    lines.push("> {".to_owned());
    lines
}

/// `Outer<A, B<C, D>>` -> (`Outer`, [`A`, `B<C, D>`]).
fn generic_args(ty: &str) -> Option<(&str, Vec<&str>)> {
    let open = ty.find('<')?;
    let inner = ty.get(open + 1..)?.strip_suffix('>')?;
    let mut args = Vec::new();
    let (mut depth, mut start) = (0usize, 0usize);
    for (i, c) in inner.char_indices() {
        match c {
            '<' => depth += 1,
            '>' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                args.push(inner.get(start..i)?.trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    args.push(inner.get(start..)?.trim());
    Some((ty.get(..open)?, args))
}

/// `{title} (the rule `id`)`.
fn rule_intro(decl: &Decl) -> String {
    format!(
        "{} (the {} {})",
        escape_doc(decl.display()),
        decl.kind.name(),
        code(&decl.id.value)
    )
}

/// The names of parameters and locals in the functions written here.
const LOCALS: &[&str] = &[
    "tier",
    "severity",
    "at",
    "submitted",
    "pauses",
    "target",
    "out_of_hours",
];

impl super::GridFn {
    /// How the functions written here call it: through `self::` when a
    /// parameter or local of the same name would shadow it (a grid with the
    /// id `tier`).
    fn path(&self) -> String {
        if LOCALS.contains(&self.name.as_str()) {
            format!("self::{}", self.name)
        } else {
            self.name.clone()
        }
    }
}

/// The enum paths of the references in `field` of `decl` to declarations
/// of `kind`; `None` when one does not resolve.
fn paths(ctx: &Context, decl: &Decl, field: &str, kind: Kind) -> Option<Vec<Expr>> {
    let set = ctx.set(kind)?;
    decl.refs(field)
        .into_iter()
        .map(|id| set.path(id).map(Expr::atom))
        .collect()
}

/// A flag method returning `bool` on every declaration: `receiver.name()`.
fn plain_flag(ctx: &Context, kind: Kind, field: &str, receiver: &str) -> Option<String> {
    let m = ctx.method(kind, field)?;
    (!m.optional && m.ty == "bool").then(|| format!("{receiver}.{}()", m.name))
}

/// A flag method where a missing value counts as `no`.
fn flag_or_no(ctx: &Context, kind: Kind, field: &str, receiver: &str) -> String {
    match ctx.method(kind, field) {
        Some(m) if m.ty == "bool" && m.optional => {
            format!("{receiver}.{}().unwrap_or(false)", m.name)
        }
        Some(m) if m.ty == "bool" => format!("{receiver}.{}()", m.name),
        _ => "false".to_owned(),
    }
}

fn set_name(ctx: &Context, kind: Kind) -> Option<String> {
    ctx.set(kind).map(|s| s.name.clone())
}

// ---------------------------------------------------------------------------
// Calendars
// ---------------------------------------------------------------------------

/// `calendar_for_tier(Tier) -> &'static Calendar`; its name, if written.
fn calendar_for_tier(ctx: &Context, scope: &mut Scope) -> Option<String> {
    let tiers = ctx.set(Kind::Tier)?;
    let first = &ctx.facts.default_calendar()?.id;
    let mut body = vec!["    match tier {".to_owned()];
    for (decl, variant) in tiers.decls.iter().zip(&tiers.variants) {
        let tier = crate::model::view::TierDecl::of(decl)?;
        let id = &ctx.facts.tier_calendar(tier)?.id;
        let name = ctx.calendar_name(id)?;
        arm(
            &mut body,
            8,
            &format!("{}::{variant}", tiers.name),
            &Expr::atom(format!("&{name}")),
        );
    }
    body.push("    }".to_owned());
    let name = ctx.claim_value("calendar_for_tier".to_owned());
    let docs = format!(
        "The business calendar of a tier: the calendar its `hours` name, else the policy's \
         first calendar ({}). Business-day targets, screen-sharing hours and closing cases \
         count on it.",
        code(first)
    );
    push_fn(
        scope,
        Func {
            docs,
            head: format!("pub fn {name}"),
            params: &[format!("tier: {}", tiers.name)],
            ret: &format!("&'static {RT}::Calendar"),
            body,
        },
    );
    Some(name)
}

// ---------------------------------------------------------------------------
// Tickets and incidents
// ---------------------------------------------------------------------------

fn may_open_ticket(ctx: &Context, scope: &mut Scope) {
    let (Some(license), Some(tier)) = (ctx.set(Kind::License), ctx.set(Kind::Tier)) else {
        return;
    };
    let Some(m) = ctx.method(Kind::License, "tier") else {
        return;
    };
    if m.optional || m.ty != tier.name {
        return;
    }
    let Some(tickets) = plain_flag(ctx, Kind::Tier, "tickets", &format!("license.{}()", m.name))
    else {
        return;
    };
    let mut body = Vec::new();
    statement(
        &mut body,
        4,
        &Expr::call(format!("{ENT}::may_open_ticket"), vec![Expr::atom(tickets)]),
    );
    let name = ctx.claim_value("may_open_ticket".to_owned());
    push_fn(
        scope,
        Func {
            docs: "Whether the holder of a license may open ticket-based cases: the `tickets` \
                   of the license's tier."
                .to_owned(),
            head: format!("pub fn {name}"),
            params: &[format!("license: {}", license.name)],
            ret: "bool",
            body,
        },
    );
}

fn incidents_remaining(ctx: &Context, scope: &mut Scope) {
    let Some(tier) = set_name(ctx, Kind::Tier) else {
        return;
    };
    let Some(m) = ctx.method(Kind::Tier, "incidents") else {
        return;
    };
    if m.optional || m.ty != format!("{RT}::Incidents") {
        return;
    }
    let mut body = Vec::new();
    assign(
        &mut body,
        4,
        "let terms",
        &Expr::Struct(
            format!("{ENT}::IncidentTerms"),
            vec![
                (
                    "included".to_owned(),
                    Expr::atom(format!("tier.{}()", m.name)),
                ),
                (
                    "add_on".to_owned(),
                    Expr::atom(flag_or_no(ctx, Kind::Tier, "add-on", "tier")),
                ),
                (
                    "rollover".to_owned(),
                    Expr::atom(flag_or_no(ctx, Kind::Tier, "rollover", "tier")),
                ),
            ],
        ),
    );
    statement(
        &mut body,
        4,
        &Expr::call(
            format!("{ENT}::incidents_remaining"),
            ["&terms", "purchased", "unused_last_year", "used"]
                .into_iter()
                .map(Expr::atom)
                .collect(),
        ),
    );
    let name = ctx.claim_value("incidents_remaining".to_owned());
    push_fn(
        scope,
        Func {
            docs: "The incidents a tier has left in a contract year: its `incidents`, plus \
                   `purchased` add-on incidents where its `add-on` allows them, plus \
                   `unused_last_year` where its `rollover` allows, minus `used`. A count \
                   stops at zero; unlimited and `n/a` stay as they are."
                .to_owned(),
            head: format!("pub fn {name}"),
            params: &[
                format!("tier: {tier}"),
                "purchased: u32".to_owned(),
                "unused_last_year: u32".to_owned(),
                "used: u32".to_owned(),
            ],
            ret: &format!("{RT}::Incidents"),
            body,
        },
    );
}

// ---------------------------------------------------------------------------
// Screen sharing and out-of-hours charges
// ---------------------------------------------------------------------------

/// A billing rule and the constant of its terms.
struct Billing<'p> {
    decl: &'p Decl,
    terms: String,
}

/// The billing terms of every out-of-hours billing rule, as constants of
/// `OutOfHoursTerms` (`{RULE}_TERMS`).
fn billing_rules<'p>(ctx: &Context<'p>, scope: &mut Scope) -> Vec<Billing<'p>> {
    let mut out = Vec::new();
    for billing in ctx.facts.billing() {
        let Some(decl) = ctx.policy.decls.get(billing.rule) else {
            continue;
        };
        let Some(rate) = crate::model::view::RuleDecl::of(decl).and_then(|r| r.rate()) else {
            continue;
        };
        let (increment, minimum) = (
            billing.terms.increment_minutes,
            billing.terms.minimum_minutes,
        );
        let name = ctx.claim_value(format!("{}_TERMS", screaming(&decl.id.value, "RULE")));
        let text = format!(
            "{}: the billing terms, {} in increments of {increment} minutes, with a \
             minimum charge of {minimum} minutes.",
            rule_intro(decl),
            escape_doc(&value_text::money(rate))
        );
        let mut lines = doc(0, &text);
        assign(
            &mut lines,
            0,
            &format!("pub const {name}: {ENT}::OutOfHoursTerms"),
            &Expr::Struct(
                format!("{ENT}::OutOfHoursTerms"),
                vec![
                    ("rate".to_owned(), money(rate)),
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
        );
        scope.raw(lines.join("\n"));
        out.push(Billing { decl, terms: name });
    }
    out
}

fn screen_sharing_at(
    ctx: &Context,
    billing: &[Billing],
    calendar: Option<&str>,
    scope: &mut Scope,
) {
    let (Some(tiers), Some(severities), Some(calendar)) =
        (ctx.set(Kind::Tier), ctx.set(Kind::Severity), calendar)
    else {
        return;
    };
    let Some(grid) = ctx.facts.grid(Role::ScreenSharing) else {
        return;
    };
    let Some(grid_fn) = ctx.grid_fn(grid.id.as_str()) else {
        return;
    };
    if grid_fn.optional {
        return;
    }
    // The out-of-hours rules of this grid, as `src/enforce` finds them.
    let rules: Vec<&Billing> = billing
        .iter()
        .filter(|b| b.decl.refs("grid").first() == Some(&grid.id.as_str()))
        .collect();
    let mut covered: Vec<([String; 2], String)> = Vec::new();
    let mut used: Vec<&Decl> = Vec::new();
    for (tier, tier_variant) in tiers.decls.iter().zip(&tiers.variants) {
        for (severity, severity_variant) in severities.decls.iter().zip(&severities.variants) {
            let rule = rules.iter().find(|b| {
                b.decl.refs("tiers").contains(&tier.id.as_str())
                    && b.decl.refs("severities").contains(&severity.id.as_str())
            });
            let Some(rule) = rule else {
                continue;
            };
            let terms = &rule.terms;
            if !used.iter().any(|d| std::ptr::eq(*d, rule.decl)) {
                used.push(rule.decl);
            }
            covered.push((
                [
                    format!("{}::{tier_variant}", tiers.name),
                    format!("{}::{severity_variant}", severities.name),
                ],
                format!("Some(&{terms})"),
            ));
        }
    }
    let mut body = Vec::new();
    let out_of_hours = if covered.is_empty() {
        Expr::atom("None")
    } else {
        body.push("    let out_of_hours = match (tier, severity) {".to_owned());
        let all = covered.len() == tiers.decls.len() * severities.decls.len();
        for (parts, value) in &covered {
            tuple_arm(&mut body, 8, parts, &Expr::atom(value.clone()));
        }
        if !all {
            arm(&mut body, 8, "_", &Expr::atom("None"));
        }
        body.push("    };".to_owned());
        Expr::atom("out_of_hours")
    };
    statement(
        &mut body,
        4,
        &Expr::call(
            format!("{ENT}::screen_sharing"),
            vec![
                Expr::atom(format!("{}(severity, tier)", grid_fn.path())),
                out_of_hours,
                Expr::atom(format!("{calendar}(tier)")),
                Expr::atom("at"),
            ],
        ),
    );
    let mut docs = format!(
        "{} (the grid {}) for a case at an instant: the grid's session for the case's tier \
         and severity.",
        escape_doc(grid.display()),
        code(&grid.id.value)
    );
    for rule in used {
        docs.push_str(&format!(
            " Where {} covers them, the session holds while the tier's calendar is open; \
             outside its hours it is billable on the rule's terms.",
            rule_intro(rule)
        ));
    }
    let name = ctx.claim_value("screen_sharing_at".to_owned());
    push_fn(
        scope,
        Func {
            docs,
            head: format!("pub fn {name}<Z: {CHRONO}::TimeZone>"),
            params: &[
                format!("tier: {}", tiers.name),
                format!("severity: {}", severities.name),
                format!("at: {CHRONO}::DateTime<Z>"),
            ],
            ret: &format!("{ENT}::ScreenSharing"),
            body,
        },
    );
}

fn out_of_hours_charge(ctx: &Context, billing: &[Billing], scope: &mut Scope) {
    let whole: Vec<(&Decl, &str)> = billing.iter().map(|b| (b.decl, b.terms.as_str())).collect();
    for (decl, terms) in &whole {
        let base = if whole.len() == 1 {
            "out_of_hours_charge".to_owned()
        } else {
            format!("{}_charge", snake(&decl.id.value, "rule"))
        };
        let name = ctx.claim_value(base);
        let mut body = Vec::new();
        statement(
            &mut body,
            4,
            &Expr::call(
                format!("{ENT}::out_of_hours_charge"),
                vec![Expr::atom(format!("&{terms}")), Expr::atom("session")],
            ),
        );
        push_fn(
            scope,
            Func {
                docs: format!(
                    "{}: the charge for a session of length `session`, on the terms \
                     [`{terms}`].\n\n# Errors\n\nA billing increment of zero minutes, or a \
                     charge too large to represent (see [`::policyc_runtime::ChargeError`]).",
                    rule_intro(decl)
                ),
                head: format!("pub fn {name}"),
                params: &["session: ::std::time::Duration".to_owned()],
                ret: &format!("::std::result::Result<{RT}::Money, {RT}::ChargeError>"),
                body,
            },
        );
    }
}

// ---------------------------------------------------------------------------
// Custom builds, remote login, RCA
// ---------------------------------------------------------------------------

fn custom_build(ctx: &Context, scope: &mut Scope) {
    let (Some(tier), Some(severity)) = (set_name(ctx, Kind::Tier), set_name(ctx, Kind::Severity))
    else {
        return;
    };
    let Some(terms) = ctx.facts.custom_builds() else {
        return;
    };
    let rule = terms.rule.decl();
    let (Some(tiers), Some(severities)) = (
        paths(ctx, rule, "tiers", Kind::Tier),
        paths(ctx, rule, "severities", Kind::Severity),
    ) else {
        return;
    };
    let crashing_bugs = terms.crashing_bugs;
    let mut body = Vec::new();
    assign(
        &mut body,
        4,
        &format!("const TERMS: {ENT}::CustomBuildTerms<'static, {tier}, {severity}>"),
        &Expr::Struct(
            format!("{ENT}::CustomBuildTerms"),
            vec![
                ("tiers".to_owned(), Expr::slice(tiers)),
                ("severities".to_owned(), Expr::slice(severities)),
                (
                    "crashing_bugs".to_owned(),
                    Expr::atom(crashing_bugs.to_string()),
                ),
            ],
        ),
    );
    statement(
        &mut body,
        4,
        &Expr::call(
            format!("{ENT}::custom_build"),
            ["&TERMS", "&tier", "&severity", "crashing_bug"]
                .into_iter()
                .map(Expr::atom)
                .collect(),
        ),
    );
    let name = ctx.claim_value("custom_build".to_owned());
    push_fn(
        scope,
        Func {
            docs: format!(
                "{}: whether a case may get a custom build. Its tier must be one of the \
                 rule's `tiers`, and its severity one of the rule's `severities`{}.",
                rule_intro(rule),
                if crashing_bugs {
                    ", or `crashing_bug` true (crashing bugs qualify at any severity)"
                } else {
                    ""
                }
            ),
            head: format!("pub fn {name}"),
            params: &[
                format!("tier: {tier}"),
                format!("severity: {severity}"),
                "crashing_bug: bool".to_owned(),
            ],
            ret: "bool",
            body,
        },
    );
}

fn remote_login(ctx: &Context, scope: &mut Scope) {
    let Some(tiers) = ctx.set(Kind::Tier) else {
        return;
    };
    let Some(flag) = plain_flag(ctx, Kind::Tier, "remote-login", "tier") else {
        return;
    };
    let mut body = vec!["    let requires: &[&str] = match tier {".to_owned()];
    let mut rules: Vec<&Decl> = Vec::new();
    let rule = ctx.facts.remote_login();
    for (decl, variant) in tiers.decls.iter().zip(&tiers.variants) {
        let covering = rule.filter(|r| r.tiers.contains(decl.id.as_str()));
        let items: Vec<String> = covering.map_or_else(Vec::new, |r| r.requires.to_vec());
        if let Some(rule) = covering {
            let rule = rule.rule.decl();
            if !rules.iter().any(|r| std::ptr::eq(*r, rule)) {
                rules.push(rule);
            }
        }
        arm(
            &mut body,
            8,
            &format!("{}::{variant}", tiers.name),
            &Expr::slice(items.into_iter().map(Expr::Str).collect()),
        );
    }
    body.push("    };".to_owned());
    statement(
        &mut body,
        4,
        &Expr::call(
            format!("{ENT}::remote_login"),
            vec![Expr::atom(flag), Expr::atom("requires")],
        ),
    );
    let mut docs = "Remote login for a tier: available where the tier's `remote-login` is \
                    set"
    .to_owned();
    if rules.is_empty() {
        docs.push('.');
    } else {
        let named: Vec<String> = rules.iter().map(|r| rule_intro(r)).collect();
        docs.push_str(&format!(
            ", on the conditions that {} `requires`.",
            named.join(" and ")
        ));
    }
    let name = ctx.claim_value("remote_login".to_owned());
    push_fn(
        scope,
        Func {
            docs,
            head: format!("pub fn {name}"),
            params: &[format!("tier: {}", tiers.name)],
            ret: &format!("{ENT}::RemoteLogin<'static>"),
            body,
        },
    );
}

fn root_cause_analysis(ctx: &Context, scope: &mut Scope) {
    let (Some(tier), Some(severity)) = (set_name(ctx, Kind::Tier), set_name(ctx, Kind::Severity))
    else {
        return;
    };
    let Some(grid) = ctx.facts.grid(Role::RootCauseAnalysis) else {
        return;
    };
    let Some(grid_fn) = ctx.grid_fn(grid.id.as_str()) else {
        return;
    };
    if grid_fn.optional {
        return;
    }
    let mut body = Vec::new();
    statement(
        &mut body,
        4,
        &Expr::call(
            format!("{ENT}::rca"),
            vec![Expr::atom(format!("{}(severity, tier)", grid_fn.path()))],
        ),
    );
    let name = ctx.claim_value("root_cause_analysis".to_owned());
    push_fn(
        scope,
        Func {
            docs: format!(
                "{} (the grid {}): whether a formal RCA is included for a case, available \
                 under a Professional Services Agreement, or not available.",
                escape_doc(grid.display()),
                code(&grid.id.value)
            ),
            head: format!("pub fn {name}"),
            params: &[format!("severity: {severity}"), format!("tier: {tier}")],
            ret: &format!("{ENT}::Rca"),
            body,
        },
    );
}

// ---------------------------------------------------------------------------
// Hotfixes and lifecycle phases
// ---------------------------------------------------------------------------

fn hotfix(ctx: &Context, scope: &mut Scope) {
    let Some(tier) = set_name(ctx, Kind::Tier) else {
        return;
    };
    let Some(terms) = ctx.facts.hotfixes() else {
        return;
    };
    let rule = terms.rule.decl();
    let Some(tiers) = paths(ctx, rule, "tiers", Kind::Tier) else {
        return;
    };
    let latest_build = terms.latest_build;
    // The version's phase, where phases say whether they get hotfixes.
    let phase = set_name(ctx, Kind::Phase).and_then(|phase| {
        let m = ctx.method(Kind::Phase, "hotfixes")?;
        if m.ty != "bool" {
            return None;
        }
        let call = if m.optional {
            format!("phase.{}()", m.name)
        } else {
            format!("Some(phase.{}())", m.name)
        };
        Some((phase, call))
    });
    let mut body = Vec::new();
    assign(
        &mut body,
        4,
        &format!("const TERMS: {ENT}::HotfixTerms<'static, {tier}>"),
        &Expr::Struct(
            format!("{ENT}::HotfixTerms"),
            vec![
                ("tiers".to_owned(), Expr::slice(tiers)),
                (
                    "latest_build".to_owned(),
                    Expr::atom(latest_build.to_string()),
                ),
            ],
        ),
    );
    let phase_arg = phase
        .as_ref()
        .map_or_else(|| "None".to_owned(), |(_, call)| call.clone());
    statement(
        &mut body,
        4,
        &Expr::call(
            format!("{ENT}::hotfix"),
            ["&TERMS", "&tier", "on_latest_build", &phase_arg]
                .into_iter()
                .map(Expr::atom)
                .collect(),
        ),
    );
    let mut params = vec![format!("tier: {tier}"), "on_latest_build: bool".to_owned()];
    if let Some((phase, _)) = &phase {
        params.push(format!("phase: {phase}"));
    }
    let name = ctx.claim_value("hotfix".to_owned());
    push_fn(
        scope,
        Func {
            docs: format!(
                "{}: whether a customer gets hotfixes. The tier must be one of the rule's \
                 `tiers`{}{}.",
                rule_intro(rule),
                if latest_build {
                    ", the customer must run the latest publicly available build"
                } else {
                    ""
                },
                if phase.is_some() {
                    ", and the version's lifecycle phase must get `hotfixes`"
                } else {
                    ""
                }
            ),
            head: format!("pub fn {name}"),
            params: &params,
            ret: "bool",
            body,
        },
    );
}

/// `phase_terms`, `phase_supported` and `phase_new_fixes`.
fn phases(ctx: &Context, scope: &mut Scope) {
    let Some(phase) = set_name(ctx, Kind::Phase) else {
        return;
    };
    let flags: Option<Vec<String>> = ["supported", "new-fixes", "hotfixes"]
        .into_iter()
        .map(|f| plain_flag(ctx, Kind::Phase, f, "phase"))
        .collect();
    let Some(flags) = flags else {
        return;
    };
    let terms_fn = ctx.claim_value("phase_terms".to_owned());
    let mut body = Vec::new();
    statement(
        &mut body,
        4,
        &Expr::Struct(
            format!("{ENT}::PhaseTerms"),
            ["supported", "new_fixes", "hotfixes"]
                .into_iter()
                .zip(flags)
                .map(|(field, value)| (field.to_owned(), Expr::atom(value)))
                .collect(),
        ),
    );
    let params = [format!("phase: {phase}")];
    push_fn(
        scope,
        Func {
            docs: "What a product lifecycle phase offers: its `supported`, `new-fixes` and \
                   `hotfixes`."
                .to_owned(),
            head: format!("pub const fn {terms_fn}"),
            params: &params,
            ret: &format!("{ENT}::PhaseTerms"),
            body,
        },
    );
    for (base, what) in [
        (
            "phase_supported",
            "Whether support requests about a product version in a lifecycle phase are \
             handled.",
        ),
        (
            "phase_new_fixes",
            "Whether new fixes are created for a product version in a lifecycle phase.",
        ),
    ] {
        let name = ctx.claim_value(base.to_owned());
        let mut body = Vec::new();
        statement(
            &mut body,
            4,
            &Expr::call(
                format!("{ENT}::{base}"),
                vec![Expr::atom(format!("&{terms_fn}(phase)"))],
            ),
        );
        push_fn(
            scope,
            Func {
                docs: what.to_owned(),
                head: format!("pub const fn {name}"),
                params: &params,
                ret: "bool",
                body,
            },
        );
    }
}

// ---------------------------------------------------------------------------
// Closing cases, who gets support, first response
// ---------------------------------------------------------------------------

fn may_close_case(ctx: &Context, scope: &mut Scope) {
    let Some(closure) = ctx.facts.case_closure() else {
        return;
    };
    let rule = closure.rule.decl();
    let Some(first) = ctx.facts.default_calendar().and_then(|c| {
        ctx.calendars
            .iter()
            .find(|item| std::ptr::eq(item.decl, &ctx.policy.decls[c.index]))
    }) else {
        return;
    };
    let attempts = closure.terms.attempts;
    let separate = closure.terms.separate_business_days;
    let mut body = Vec::new();
    assign(
        &mut body,
        4,
        &format!("const TERMS: {ENT}::ClosureTerms"),
        &Expr::Struct(
            format!("{ENT}::ClosureTerms"),
            vec![
                ("attempts".to_owned(), Expr::atom(attempts.to_string())),
                (
                    "separate_business_days".to_owned(),
                    Expr::atom(separate.to_string()),
                ),
            ],
        ),
    );
    statement(
        &mut body,
        4,
        &Expr::call(
            format!("{ENT}::may_close_case"),
            vec![
                Expr::atom("&TERMS"),
                Expr::atom(format!("&{}", first.name)),
                Expr::atom("attempts"),
            ],
        ),
    );
    let name = ctx.claim_value("may_close_case".to_owned());
    push_fn(
        scope,
        Func {
            docs: format!(
                "{}: whether the case may be closed after contact attempts at `attempts`: \
                 at least {attempts}{}.",
                rule_intro(rule),
                if separate {
                    format!(
                        ", on as many separate business days of the calendar {} \
                         (attempts on days it is closed do not count)",
                        code(&first.decl.id.value)
                    )
                } else {
                    String::new()
                }
            ),
            head: format!("pub fn {name}<Z: {CHRONO}::TimeZone>"),
            params: &[format!("attempts: &[{CHRONO}::DateTime<Z>]")],
            ret: "bool",
            body,
        },
    );
}

fn support_delivered_to(ctx: &Context, scope: &mut Scope) {
    let (Some(product), Some(party)) = (ctx.set(Kind::Product), ctx.set(Kind::Party)) else {
        return;
    };
    let Some(m) = ctx.method(Kind::Product, "support-to") else {
        return;
    };
    if m.ty != party.name {
        return;
    }
    let ret = if m.optional {
        format!("Option<{}>", party.name)
    } else {
        party.name.clone()
    };
    let mut body = Vec::new();
    statement(
        &mut body,
        4,
        &Expr::call(
            format!("{ENT}::support_delivered_to"),
            vec![Expr::atom(format!("product.{}()", m.name))],
        ),
    );
    let name = ctx.claim_value("support_delivered_to".to_owned());
    let mut docs = "The party support for a product is delivered to: its `support-to` (for \
                    a platform resold by providers, the provider rather than its end \
                    customers)."
        .to_owned();
    if m.optional {
        docs.push_str("\n\n`None` for products that do not say.");
    }
    push_fn(
        scope,
        Func {
            docs,
            head: format!("pub const fn {name}"),
            params: &[format!("product: {}", product.name)],
            ret: &ret,
            body,
        },
    );
}

fn first_response_due(ctx: &Context, calendar: Option<&str>, scope: &mut Scope) {
    let (Some(tier), Some(severity), Some(calendar)) = (
        set_name(ctx, Kind::Tier),
        set_name(ctx, Kind::Severity),
        calendar,
    ) else {
        return;
    };
    let Some(grid) = ctx.facts.grid(Role::ResponseTargets) else {
        return;
    };
    let Some(grid_fn) = ctx.grid_fn(grid.id.as_str()) else {
        return;
    };
    let mut body = Vec::new();
    let target = if grid_fn.optional {
        body.push(format!(
            "    let Some(target) = {}(severity, tier) else {{",
            grid_fn.path()
        ));
        body.push("        return Ok(None);".to_owned());
        body.push("    };".to_owned());
        Expr::atom("target")
    } else {
        Expr::atom(format!("{}(severity, tier)", grid_fn.path()))
    };
    statement(
        &mut body,
        4,
        &Expr::call(
            format!("{RT}::due"),
            vec![
                Expr::atom(format!("{calendar}(tier)")),
                target,
                Expr::atom("submitted"),
                Expr::atom("pauses"),
            ],
        ),
    );
    let mut docs = format!(
        "When the first response to a case is due: the target of {} (the grid {}) for its \
         tier and severity, counted from `submitted` on the tier's calendar (see \
         [`{calendar}`]), the clock stopped during `pauses`. The instant is in the \
         calendar's zone; `Ok(None)` for best effort",
        escape_doc(grid.display()),
        code(&grid.id.value)
    );
    docs.push_str(if grid_fn.optional {
        " and where no target applies (`n/a`)."
    } else {
        "."
    });
    if let Some(Value::Texts(pauses)) = grid.value("pauses") {
        docs.push_str(&format!(
            "\n\nThe clock pauses while: {}.",
            escape_doc(&pauses.join("; "))
        ));
    }
    docs.push_str(
        "\n\n# Errors\n\nA pause that ends before it starts, an instant out of range, or a \
         target not reached within ten years (see [`::policyc_runtime::SlaError`]).",
    );
    let name = ctx.claim_value("first_response_due".to_owned());
    push_fn(
        scope,
        Func {
            docs,
            head: format!("pub fn {name}"),
            params: &[
                format!("tier: {tier}"),
                format!("severity: {severity}"),
                format!("submitted: {CHRONO}::DateTime<{CHRONO}::FixedOffset>"),
                format!("pauses: &[{RT}::Pause]"),
            ],
            ret: &format!(
                "::std::result::Result<Option<{CHRONO}::DateTime<::policyc_runtime::chrono_tz::Tz>>, {RT}::SlaError>"
            ),
            body,
        },
    );
}
