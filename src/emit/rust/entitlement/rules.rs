//! What the rules of the policy grant: custom builds, remote login, root
//! cause analysis, hotfixes, and what each lifecycle phase offers.

use super::{claim, grid_call, intro, paths, Call, ENT};
use crate::emit::rust::code::{Body, Function};
use crate::emit::rust::docs::code;
use crate::emit::rust::layout::Expr;
use crate::emit::rust::names::{type_name, Names};
use crate::emit::rust::plan::Plan;
use crate::emit::rust::types::RustType;
use crate::model::view::{GridDecl, RuleDecl};
use crate::schema::fields::{phase, rule, tier};
use crate::schema::{Kind, Role};

/// `custom_build(Tier, Severity, crashing_bug) -> bool`, on the terms of
/// the rule deciding custom builds.
#[derive(Debug)]
pub struct CustomBuild<'p> {
    name: String,
    rule: RuleDecl<'p>,
    tiers: Vec<Expr>,
    severities: Vec<Expr>,
    crashing_bugs: bool,
}

impl<'p> CustomBuild<'p> {
    /// Planned where a rule decides custom builds.
    pub fn plan(plan: &Plan<'p>, names: &mut Names) -> Option<CustomBuild<'p>> {
        let (tiers, severities) = (plan.set(Kind::Tier)?, plan.set(Kind::Severity)?);
        let terms = plan.facts.custom_builds()?;
        Some(CustomBuild {
            tiers: paths(tiers, terms.tiers)?,
            severities: paths(severities, terms.severities)?,
            rule: terms.rule,
            crashing_bugs: terms.crashing_bugs,
            name: claim(names, "custom_build"),
        })
    }

    /// The function.
    pub fn item(&self) -> Vec<String> {
        let (tier, severity) = (type_name(Kind::Tier), type_name(Kind::Severity));
        let mut body = Body::of_item();
        body.assign(
            &format!("const TERMS: {ENT}::CustomBuildTerms<'static, {tier}, {severity}>"),
            &Expr::Struct(
                format!("{ENT}::CustomBuildTerms"),
                vec![
                    ("tiers".to_owned(), Expr::slice(self.tiers.clone())),
                    (
                        "severities".to_owned(),
                        Expr::slice(self.severities.clone()),
                    ),
                    (
                        "crashing_bugs".to_owned(),
                        Expr::atom(self.crashing_bugs.to_string()),
                    ),
                ],
            ),
        );
        body.tail(&Expr::call(
            format!("{ENT}::custom_build"),
            ["&TERMS", "&tier", "&severity", "crashing_bug"]
                .into_iter()
                .map(Expr::atom)
                .collect(),
        ));
        Function {
            docs: format!(
                "{}: whether a case may get a custom build. Its tier must be one of the rule's \
                 `{}`, and its severity one of the rule's `{}`{}.",
                intro(&self.rule),
                rule::TIERS,
                rule::SEVERITIES,
                if self.crashing_bugs {
                    ", or `crashing_bug` true (crashing bugs qualify at any severity)"
                } else {
                    ""
                }
            ),
            head: format!("pub fn {}", self.name),
            params: vec![
                format!("tier: {tier}"),
                format!("severity: {severity}"),
                "crashing_bug: bool".to_owned(),
            ],
            ret: RustType::Bool.text(),
            body,
        }
        .item()
    }
}

/// `remote_login(Tier)`: the tier's `remote-login`, on the conditions of
/// the rule deciding remote login.
#[derive(Debug)]
pub struct RemoteLogin<'p> {
    name: String,
    /// `Tier::remote_login`.
    flag: Call,
    /// Each tier's path and the conditions it is granted on.
    requires: Vec<(String, &'p [String])>,
    /// The rule, where its conditions apply to some tier.
    rule: Option<RuleDecl<'p>>,
}

impl<'p> RemoteLogin<'p> {
    /// Planned where every tier says whether it has remote login.
    pub fn plan(plan: &Plan<'p>, names: &mut Names) -> Option<RemoteLogin<'p>> {
        let tiers = plan.set(Kind::Tier)?;
        let flag = Call::plain(plan, Kind::Tier, tier::REMOTE_LOGIN, RustType::Bool)?;
        let terms = plan.facts.remote_login();
        let mut rule = None;
        let mut requires = Vec::new();
        for (decl, path) in tiers.paths() {
            let covering = terms.filter(|r| r.tiers.contains(decl.id.as_str()));
            if let Some(covering) = covering {
                rule = Some(covering.rule);
            }
            requires.push((path, covering.map_or(&[][..], |r| r.requires)));
        }
        Some(RemoteLogin {
            name: claim(names, "remote_login"),
            flag,
            requires,
            rule,
        })
    }

    /// The function.
    pub fn item(&self) -> Vec<String> {
        let mut body = Body::of_item();
        body.nested("let requires: &[&str] = match tier {", "};", |arms| {
            for (path, requires) in &self.requires {
                let items = requires.iter().map(|r| Expr::Str(r.clone())).collect();
                arms.arm(path, &Expr::slice(items));
            }
        });
        body.tail(&Expr::call(
            format!("{ENT}::remote_login"),
            vec![Expr::atom(self.flag.on("tier")), Expr::atom("requires")],
        ));
        let mut docs = format!(
            "Remote login for a tier: available where the tier's `{}` is set",
            tier::REMOTE_LOGIN
        );
        match &self.rule {
            Some(rule) => docs.push_str(&format!(
                ", on the conditions that {} `{}`.",
                intro(rule),
                rule::REQUIRES
            )),
            None => docs.push('.'),
        }
        Function {
            docs,
            head: format!("pub fn {}", self.name),
            params: vec![format!("tier: {}", type_name(Kind::Tier))],
            ret: format!("{ENT}::RemoteLogin<'static>"),
            body,
        }
        .item()
    }
}

/// `root_cause_analysis(Severity, Tier)`: the root cause analysis grid's
/// coverage as the runtime's `Rca`.
#[derive(Debug)]
pub struct RootCauseAnalysis<'p> {
    name: String,
    grid: GridDecl<'p>,
    /// How the grid's function is called.
    grid_fn: String,
}

impl<'p> RootCauseAnalysis<'p> {
    /// Planned where a grid with a value in every cell decides root cause
    /// analysis.
    pub fn plan(plan: &Plan<'p>, names: &mut Names) -> Option<RootCauseAnalysis<'p>> {
        plan.set(Kind::Tier)?;
        plan.set(Kind::Severity)?;
        let grid = plan.facts.grid(Role::RootCauseAnalysis)?;
        let grid_fn = plan.grid_fn(grid.id.as_str())?;
        if grid_fn.returns.optional {
            return None;
        }
        Some(RootCauseAnalysis {
            grid_fn: grid_call(&grid_fn.name),
            name: claim(names, "root_cause_analysis"),
            grid,
        })
    }

    /// The function.
    pub fn item(&self) -> Vec<String> {
        let mut body = Body::of_item();
        body.tail(&Expr::call(
            format!("{ENT}::rca"),
            vec![Expr::atom(format!("{}(severity, tier)", self.grid_fn))],
        ));
        Function {
            docs: format!(
                "{}: whether a formal RCA is included for a case, available under a \
                 Professional Services Agreement, or not available.",
                intro(&self.grid)
            ),
            head: format!("pub fn {}", self.name),
            params: vec![
                format!("severity: {}", type_name(Kind::Severity)),
                format!("tier: {}", type_name(Kind::Tier)),
            ],
            ret: format!("{ENT}::Rca"),
            body,
        }
        .item()
    }
}

/// `hotfix(Tier, on_latest_build[, Phase]) -> bool`, on the terms of the
/// rule deciding hotfixes.
#[derive(Debug)]
pub struct Hotfix<'p> {
    name: String,
    rule: RuleDecl<'p>,
    tiers: Vec<Expr>,
    latest_build: bool,
    /// `Phase::hotfixes`, where phases say whether they get hotfixes.
    phase: Option<Call>,
}

impl<'p> Hotfix<'p> {
    /// Planned where a rule decides hotfixes.
    pub fn plan(plan: &Plan<'p>, names: &mut Names) -> Option<Hotfix<'p>> {
        let tiers = plan.set(Kind::Tier)?;
        let terms = plan.facts.hotfixes()?;
        Some(Hotfix {
            tiers: paths(tiers, terms.tiers)?,
            rule: terms.rule,
            latest_build: terms.latest_build,
            phase: Call::of(plan, Kind::Phase, phase::HOTFIXES, RustType::Bool),
            name: claim(names, "hotfix"),
        })
    }

    /// The function.
    pub fn item(&self) -> Vec<String> {
        let tier = type_name(Kind::Tier);
        let mut body = Body::of_item();
        body.assign(
            &format!("const TERMS: {ENT}::HotfixTerms<'static, {tier}>"),
            &Expr::Struct(
                format!("{ENT}::HotfixTerms"),
                vec![
                    ("tiers".to_owned(), Expr::slice(self.tiers.clone())),
                    (
                        "latest_build".to_owned(),
                        Expr::atom(self.latest_build.to_string()),
                    ),
                ],
            ),
        );
        let phase = match &self.phase {
            Some(call) if call.optional => call.on("phase"),
            Some(call) => format!("Some({})", call.on("phase")),
            None => "None".to_owned(),
        };
        body.tail(&Expr::call(
            format!("{ENT}::hotfix"),
            ["&TERMS", "&tier", "on_latest_build", &phase]
                .into_iter()
                .map(Expr::atom)
                .collect(),
        ));
        let mut params = vec![format!("tier: {tier}"), "on_latest_build: bool".to_owned()];
        if self.phase.is_some() {
            params.push(format!("phase: {}", type_name(Kind::Phase)));
        }
        Function {
            docs: format!(
                "{}: whether a customer gets hotfixes. The tier must be one of the rule's \
                 `{}`{}{}.",
                intro(&self.rule),
                rule::TIERS,
                if self.latest_build {
                    ", the customer must run the latest publicly available build"
                } else {
                    ""
                },
                if self.phase.is_some() {
                    format!(
                        ", and the version's lifecycle phase must get `{}`",
                        phase::HOTFIXES
                    )
                } else {
                    String::new()
                }
            ),
            head: format!("pub fn {}", self.name),
            params,
            ret: RustType::Bool.text(),
            body,
        }
        .item()
    }
}

/// `phase_terms`, `phase_supported` and `phase_new_fixes`: what a
/// lifecycle phase offers.
#[derive(Debug)]
pub struct Phases {
    /// The name of `phase_terms`.
    terms: String,
    /// The names of `phase_supported` and `phase_new_fixes`.
    deciders: [String; 2],
    /// `Phase::supported`, `Phase::new_fixes` and `Phase::hotfixes`.
    flags: [Call; 3],
}

/// `phase_supported` and `phase_new_fixes`: the runtime function each
/// calls (and its name where nothing clashes), and what it decides.
const DECIDERS: [(&str, &str); 2] = [
    (
        "phase_supported",
        "Whether support requests about a product version in a lifecycle phase are handled.",
    ),
    (
        "phase_new_fixes",
        "Whether new fixes are created for a product version in a lifecycle phase.",
    ),
];

impl Phases {
    /// Planned where every phase says whether it is supported, gets new
    /// fixes and gets hotfixes.
    pub fn plan(plan: &Plan, names: &mut Names) -> Option<Phases> {
        let flag = |field| Call::plain(plan, Kind::Phase, field, RustType::Bool);
        let flags = [
            flag(phase::SUPPORTED)?,
            flag(phase::NEW_FIXES)?,
            flag(phase::HOTFIXES)?,
        ];
        let terms = claim(names, "phase_terms");
        let deciders = DECIDERS.map(|(base, _)| claim(names, base));
        Some(Phases {
            terms,
            deciders,
            flags,
        })
    }

    /// The functions.
    pub fn items(&self) -> Vec<Vec<String>> {
        let params = vec![format!("phase: {}", type_name(Kind::Phase))];
        let mut body = Body::of_item();
        body.tail(&Expr::Struct(
            format!("{ENT}::PhaseTerms"),
            ["supported", "new_fixes", "hotfixes"]
                .into_iter()
                .zip(&self.flags)
                .map(|(field, flag)| (field.to_owned(), Expr::atom(flag.on("phase"))))
                .collect(),
        ));
        let mut items = vec![Function {
            docs: format!(
                "What a product lifecycle phase offers: its {}, {} and {}.",
                code(phase::SUPPORTED),
                code(phase::NEW_FIXES),
                code(phase::HOTFIXES)
            ),
            head: format!("pub const fn {}", self.terms),
            params: params.clone(),
            ret: format!("{ENT}::PhaseTerms"),
            body,
        }
        .item()];
        for (name, (base, docs)) in self.deciders.iter().zip(DECIDERS) {
            let mut body = Body::of_item();
            body.tail(&Expr::call(
                format!("{ENT}::{base}"),
                vec![Expr::atom(format!("&{}(phase)", self.terms))],
            ));
            items.push(
                Function {
                    docs: docs.to_owned(),
                    head: format!("pub const fn {name}"),
                    params: params.clone(),
                    ret: RustType::Bool.text(),
                    body,
                }
                .item(),
            );
        }
        items
    }
}
