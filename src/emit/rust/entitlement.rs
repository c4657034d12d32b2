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
//! Each function is planned (named, its data resolved) with the rest of the
//! plan, and written only if the policy has its data: one file per group,
//! each function a struct with `plan` and `item`.

mod billing;
mod cases;
mod rules;
mod severity;
mod tickets;

use self::billing::{Charge, ScreenSharingAt, Terms};
use self::cases::{CalendarForTier, FirstResponseDue, MayCloseCase, SupportDeliveredTo};
use self::rules::{CustomBuild, Hotfix, Phases, RemoteLogin, RootCauseAnalysis};
use self::severity::GrantedSeverity;
use self::tickets::{IncidentsRemaining, MayOpenTicket};
use super::code::{Code, Function};
use super::docs::{code, escape_doc};
use super::layout::Expr;
use super::names::Names;
use super::plan::{IdSet, Plan};
use super::types::RustType;
use crate::model::view::Ids;
use crate::model::Decl;
use crate::schema::Kind;

/// The runtime's entitlement module.
const ENT: &str = "::policyc_runtime::entitlement";
/// The chrono re-exported by the runtime.
const CHRONO: &str = "::policyc_runtime::chrono";

/// The entitlement functions the policy has the data for, with the
/// constants of billing terms, in the order they are named and written.
#[derive(Debug, Default)]
pub struct Entitlements<'p> {
    calendar_for_tier: Option<CalendarForTier>,
    may_open_ticket: Option<MayOpenTicket>,
    incidents_remaining: Option<IncidentsRemaining>,
    billing_terms: Vec<Terms<'p>>,
    screen_sharing_at: Option<ScreenSharingAt<'p>>,
    charges: Vec<Charge<'p>>,
    custom_build: Option<CustomBuild<'p>>,
    remote_login: Option<RemoteLogin<'p>>,
    root_cause_analysis: Option<RootCauseAnalysis<'p>>,
    hotfix: Option<Hotfix<'p>>,
    phases: Option<Phases>,
    may_close_case: Option<MayCloseCase<'p>>,
    support_delivered_to: Option<SupportDeliveredTo>,
    first_response_due: Vec<FirstResponseDue<'p>>,
    granted_severity: Option<GrantedSeverity<'p>>,
}

impl<'p> Entitlements<'p> {
    /// Plans every function the policy has the data for; names are claimed
    /// in the order the functions are written.
    pub fn plan(plan: &Plan<'p>, names: &mut Names) -> Entitlements<'p> {
        let calendar_for_tier = CalendarForTier::plan(plan, names);
        let calendar = calendar_for_tier.as_ref().map(|c| c.name.as_str());
        let may_open_ticket = MayOpenTicket::plan(plan, names);
        let incidents_remaining = IncidentsRemaining::plan(plan, names);
        let billing_terms = Terms::plan(plan, names);
        let screen_sharing_at = ScreenSharingAt::plan(plan, &billing_terms, calendar, names);
        let charges = Charge::plan(&billing_terms, names);
        let custom_build = CustomBuild::plan(plan, names);
        let remote_login = RemoteLogin::plan(plan, names);
        let root_cause_analysis = RootCauseAnalysis::plan(plan, names);
        let hotfix = Hotfix::plan(plan, names);
        let phases = Phases::plan(plan, names);
        let may_close_case = MayCloseCase::plan(plan, names);
        let support_delivered_to = SupportDeliveredTo::plan(plan, names);
        let first_response_due = FirstResponseDue::plan(plan, calendar, names);
        let granted_severity = GrantedSeverity::plan(plan, names);
        Entitlements {
            calendar_for_tier,
            may_open_ticket,
            incidents_remaining,
            billing_terms,
            screen_sharing_at,
            charges,
            custom_build,
            remote_login,
            root_cause_analysis,
            hotfix,
            phases,
            may_close_case,
            support_delivered_to,
            first_response_due,
            granted_severity,
        }
    }

    /// The functions that take an instant, which the Builder's file
    /// dispatches on the version in force: `screen_sharing_at` and
    /// `first_response_due` (or each metric's `..._due`).
    pub fn at_instant(&self) -> Vec<Function> {
        let mut out: Vec<Function> = self
            .screen_sharing_at
            .iter()
            .map(ScreenSharingAt::function)
            .collect();
        out.extend(
            self.first_response_due
                .iter()
                .map(FirstResponseDue::function),
        );
        out
    }

    /// Writes the planned functions and constants.
    pub fn print(&self, out: &mut Code) {
        out.extend(self.calendar_for_tier.iter().map(CalendarForTier::item));
        out.extend(self.may_open_ticket.iter().map(MayOpenTicket::item));
        out.extend(
            self.incidents_remaining
                .iter()
                .map(IncidentsRemaining::item),
        );
        out.extend(self.billing_terms.iter().map(Terms::item));
        out.extend(self.screen_sharing_at.iter().map(ScreenSharingAt::item));
        out.extend(self.charges.iter().map(Charge::item));
        out.extend(self.custom_build.iter().map(CustomBuild::item));
        out.extend(self.remote_login.iter().map(RemoteLogin::item));
        out.extend(self.root_cause_analysis.iter().map(RootCauseAnalysis::item));
        out.extend(self.hotfix.iter().map(Hotfix::item));
        out.extend(self.phases.iter().flat_map(Phases::items));
        out.extend(self.may_close_case.iter().map(MayCloseCase::item));
        out.extend(
            self.support_delivered_to
                .iter()
                .map(SupportDeliveredTo::item),
        );
        out.extend(self.first_response_due.iter().map(FirstResponseDue::item));
        out.extend(self.granted_severity.iter().map(GrantedSeverity::item));
    }
}

/// `{title} (the rule `id`)`, `{title} (the grid `id`)`.
fn intro(decl: &Decl) -> String {
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

/// How the functions written here call a grid function: through `self::`
/// when a parameter or local of the same name would shadow it (a grid with
/// the id `tier`).
fn grid_call(name: &str) -> String {
    if LOCALS.contains(&name) {
        format!("self::{name}")
    } else {
        name.to_owned()
    }
}

/// The enum paths of references to declarations of `set`; `None` when one
/// does not resolve.
fn paths(set: &IdSet, ids: Ids) -> Option<Vec<Expr>> {
    ids.iter().map(|id| set.path(id).map(Expr::atom)).collect()
}

/// Claims a function's or a constant's name.
fn claim(names: &mut Names, name: &str) -> String {
    names.claim(name.to_owned(), "_")
}

/// A field method a function calls: its name, and whether it returns an
/// `Option`.
#[derive(Clone, Debug)]
struct Call {
    name: String,
    optional: bool,
}

impl Call {
    /// The method for `field` of `kind`'s enum, if it returns `ty`.
    fn of(plan: &Plan, kind: Kind, field: &str, ty: RustType) -> Option<Call> {
        let m = plan.method(kind, field)?;
        (m.returns.ty == ty).then(|| Call {
            name: m.name.clone(),
            optional: m.returns.optional,
        })
    }

    /// The method for `field` of `kind`'s enum, if it returns `ty` for
    /// every declaration (no `Option`).
    fn plain(plan: &Plan, kind: Kind, field: &str, ty: RustType) -> Option<Call> {
        Call::of(plan, kind, field, ty).filter(|c| !c.optional)
    }

    /// `receiver.name()`.
    fn on(&self, receiver: &str) -> String {
        format!("{receiver}.{}()", self.name)
    }
}

/// A `yes`/`no` field read through its method where a missing value (or
/// a missing method) counts as `no`.
fn flag_or_no(call: Option<&Call>, receiver: &str) -> String {
    match call {
        Some(c) if c.optional => format!("{}.unwrap_or(false)", c.on(receiver)),
        Some(c) => c.on(receiver),
        None => "false".to_owned(),
    }
}
