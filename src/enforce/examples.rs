//! Worked examples: `example` declarations state inputs and the outcomes
//! expected from them; [`run`] computes every outcome with the same code as
//! `policyc sla` and generated code, and reports each difference.
//!
//! An example states one or more outcomes; each needs its own inputs:
//!
//! | outcome | inputs |
//! |---|---|
//! | `target`, `due`, `status` | `tier` (or `license`), `severity`, `submitted` (`due`, `status`), `pauses`, `now` (`status`) |
//! | `charge` | `rule`, `length` |
//! | `may-open-ticket`, `remote-login` | `license` or `tier` |
//! | `incidents-left` | `license` or `tier`, `used`, `purchased`, `unused-last-year` |
//! | `screen-sharing` | `license` or `tier`, `severity`, `at` |
//! | `custom-build` | `license` or `tier`, `severity`, `crashing-bug` |
//! | `rca` | `license` or `tier`, `severity` |
//! | `hotfix` | `license` or `tier`, `latest-build`, `phase` |
//! | `supported`, `new-fixes` | `phase` |
//! | `may-close` | `contact-attempts`, `tier` (its calendar) |
//! | `support-to` | `product` |
//! | `severity-granted` | `severity` (asked for, optional), `tier` or `license`, `channel` (optional) |
//! | `in-phase` (a phase id, or `none`) | `release`, `on` |
//!
//! Codes: `E420` an example that expects nothing or lacks an input,
//! `E421` an example that does not hold, `E422` an input or expectation
//! that cannot be read, `E423` a question the policy cannot answer.

use super::entitlement as ent;
use super::{format_instant, Case, Error};
use crate::codes::Code;
use crate::diagnostic::{did_you_mean, Diagnostic};
use crate::facts::Valid;
use crate::model::view::{ExampleDecl, View};
use crate::model::{Coverage, Incidents, Value};
use crate::schema::fields::example as input;
use crate::schema::{Kind, Outcome};
use crate::span::Span;
use crate::value_text;
use chrono::{DateTime, FixedOffset};
use policyc_runtime as rt;
use policyc_runtime::entitlement::{Rca, ScreenSharing};

/// The statuses an example may expect.
pub const STATUSES: [&str; 4] = ["on track", "at risk", "breached", "best effort"];

/// One example and what running it found.
#[derive(Clone, Debug)]
pub struct ExampleRun {
    /// The example's index in the model.
    pub index: usize,
    /// Its id.
    pub id: String,
    /// Its title, if it has one.
    pub title: Option<String>,
    /// Every difference and problem; empty when the example holds.
    pub diagnostics: Vec<Diagnostic>,
}

impl ExampleRun {
    /// Whether the example holds.
    pub fn passed(&self) -> bool {
        self.diagnostics.is_empty()
    }
}

/// Runs every example of the policy, in document order.
pub fn run(policy: &Valid) -> Vec<ExampleRun> {
    policy
        .policy()
        .decls
        .iter()
        .enumerate()
        .filter_map(|(index, decl)| Some((index, ExampleDecl::of(decl)?)))
        .map(|(index, decl)| {
            let mut ex = Ex {
                policy,
                decl,
                diagnostics: Vec::new(),
            };
            ex.check();
            ExampleRun {
                index,
                id: decl.id.value.clone(),
                title: decl.title.as_ref().map(|t| t.value.clone()),
                diagnostics: ex.diagnostics,
            }
        })
        .collect()
}

struct Ex<'p> {
    policy: &'p Valid,
    decl: ExampleDecl<'p>,
    diagnostics: Vec<Diagnostic>,
}

impl<'p> Ex<'p> {
    fn id(&self) -> &str {
        self.decl.id.as_str()
    }

    /// Where a field's (first) value was written; the id if it is absent.
    fn span(&self, name: &str) -> Span {
        self.decl
            .field(name)
            .map(|f| f.item_spans.first().copied().unwrap_or(f.span))
            .unwrap_or(self.decl.id.span)
    }

    fn missing(&mut self, outcome: Outcome, input: &str, example: &str) {
        let d = Diagnostic::new(
            Code::E420,
            format!(
                "the example `{}` expects `{}` but does not say `{input}`",
                self.id(),
                outcome.name()
            ),
        )
        .label(self.decl.id.span, format!("`{input}` missing"))
        .help(format!("add `{input}: {example}`"));
        self.diagnostics.push(d);
    }

    fn fails(&mut self, outcome: Outcome, expected: String, computed: String, why: Option<String>) {
        let mut d = Diagnostic::new(
            Code::E421,
            format!(
                "the example `{}` does not hold: `{}` is `{computed}`, not `{expected}`",
                self.id(),
                outcome.name()
            ),
        )
        .label(
            self.span(outcome.name()),
            format!("expected `{expected}`; computed `{computed}`"),
        );
        d = match why {
            Some(why) => d.help(format!("{why}; correct the example or the policy")),
            None => d.help("correct the example or the policy"),
        };
        self.diagnostics.push(d);
    }

    fn unreadable(&mut self, span: Span, message: String, label: &str, help: Option<String>) {
        let mut d = Diagnostic::new(Code::E422, message).label(span, label.to_owned());
        if let Some(help) = help {
            d = d.help(help);
        }
        self.diagnostics.push(d);
    }

    fn cannot(&mut self, outcome: Outcome, error: &Error) {
        let d = Diagnostic::new(
            Code::E423,
            format!("the example `{}` cannot be computed: {error}", self.id()),
        )
        .label(self.span(outcome.name()), "expected here")
        .help("add what the policy lacks, or correct the example's inputs");
        self.diagnostics.push(d);
    }

    /// The tier: `tier`, else the tier of `license`.
    fn tier(&mut self, outcome: Outcome) -> Option<&'p str> {
        if let Some(tier) = self.decl.tier() {
            return Some(tier.as_str());
        }
        match self.decl.license() {
            Some(license) => match ent::tier_of_license(self.policy, license.as_str()) {
                Ok(tier) => Some(tier),
                Err(e) => {
                    self.cannot(outcome, &e);
                    None
                }
            },
            None => {
                let example = self.an_id(Kind::Tier);
                self.missing(outcome, input::TIER, example);
                None
            }
        }
    }

    /// A reference input the outcome needs.
    fn required(
        &mut self,
        outcome: Outcome,
        value: Option<&'p crate::span::Spanned<String>>,
        input: &str,
        kind: Kind,
    ) -> Option<&'p str> {
        if value.is_none() {
            let example = self.an_id(kind).to_owned();
            self.missing(outcome, input, &example);
        }
        value.map(|v| v.as_str())
    }

    /// An id of `kind` from the policy itself, for help texts.
    fn an_id(&self, kind: Kind) -> &'p str {
        self.policy
            .policy()
            .of_kind(kind)
            .next()
            .map_or("some-id", |d| d.id.as_str())
    }

    fn severity(&mut self, outcome: Outcome) -> Option<&'p str> {
        let severity = self.decl.severity();
        self.required(outcome, severity, input::SEVERITY, Kind::Severity)
    }

    fn instant(
        &mut self,
        outcome: Outcome,
        value: Option<DateTime<FixedOffset>>,
        input: &str,
    ) -> Option<DateTime<FixedOffset>> {
        if value.is_none() {
            self.missing(outcome, input, "\"2026-03-13T15:30:00+01:00\"");
        }
        value
    }

    fn count(value: Option<u64>) -> u32 {
        value.map_or(0, |n| u32::try_from(n).unwrap_or(u32::MAX))
    }

    fn expected(&self, outcome: Outcome) -> Option<&'p Value> {
        self.decl.expects(outcome)
    }

    fn check(&mut self) {
        if !Outcome::ALL.iter().any(|o| self.decl.expects(*o).is_some()) {
            let d = Diagnostic::new(
                Code::E420,
                format!("the example `{}` expects nothing", self.id()),
            )
            .label(self.decl.id.span, "no expected outcome")
            .help(format!(
                "state what the inputs should give, with one of: {}",
                Outcome::ALL
                    .iter()
                    .map(|o| format!("`{}`", o.name()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
            self.diagnostics.push(d);
            return;
        }
        self.sla();
        self.charge();
        self.yes_no_answers();
        self.incidents();
        self.screen_sharing();
        self.rca();
        self.support_to();
        self.severity_granted();
        self.in_phase();
    }

    /// `severity-granted`: the severity asked for (or a default), capped.
    fn severity_granted(&mut self) {
        let outcome = Outcome::SeverityGranted;
        let Some(Value::Ref(expected)) = self.expected(outcome) else {
            return;
        };
        let license = self.decl.license().map(|l| l.as_str());
        let tier = match (self.decl.tier(), license) {
            (Some(tier), _) => Some(tier.as_str()),
            (None, Some(license)) => match ent::tier_of_license(self.policy, license) {
                Ok(tier) => Some(tier),
                Err(e) => return self.cannot(outcome, &e),
            },
            (None, None) => None,
        };
        let requested = self.decl.severity().map(|s| s.as_str());
        let channel = self.decl.channel().map(|c| c.as_str());
        match super::severity::granted_severity(self.policy, requested, tier, license, channel) {
            Ok(Some(granted)) if granted == expected.as_str() => {}
            Ok(Some(granted)) => {
                self.fails(outcome, expected.value.clone(), granted.to_owned(), None)
            }
            Ok(None) => self.fails(
                outcome,
                expected.value.clone(),
                "none".to_owned(),
                Some("no severity is asked for and no rule gives a default".to_owned()),
            ),
            Err(e) => self.cannot(outcome, &e),
        }
    }

    /// `in-phase`: the lifecycle phase of `release` on the day `on`.
    fn in_phase(&mut self) {
        let outcome = Outcome::InPhase;
        let Some(value) = self.expected(outcome) else {
            return;
        };
        let expected = match value {
            Value::Ref(id) if id.as_str() == "none" => None,
            Value::Ref(id) => match super::lookup::<crate::model::view::PhaseDecl<'_>>(
                self.policy.policy(),
                id.as_str(),
            ) {
                Ok(_) => Some(id.as_str()),
                Err(e) => {
                    self.unreadable(
                        self.span(outcome.name()),
                        format!("the example `{}` expects {e}", self.id()),
                        "not a phase",
                        Some("write the id of a `phase`, or `none` for end of life".to_owned()),
                    );
                    return;
                }
            },
            other => {
                self.unreadable(
                    self.span(outcome.name()),
                    format!("`{}` is not a lifecycle phase", value_text::show(other)),
                    "not a phase",
                    Some("write the id of a `phase`, or `none` for end of life".to_owned()),
                );
                return;
            }
        };
        let release = self.decl.release();
        let Some(release) = self.required(outcome, release, input::RELEASE, Kind::Release) else {
            return;
        };
        let Some(on) = self.decl.on() else {
            self.missing(outcome, input::ON, "2025-05-20");
            return;
        };
        match super::lifecycle::stage(self.policy, release, on) {
            Ok(standing) => {
                use super::lifecycle::Standing;
                let (computed, why) = match standing {
                    Standing::In(phase, _) => (Some(phase.decl().id.as_str()), None),
                    Standing::NotReleased(ga) => (
                        None,
                        Some(format!("`{release}` is not released before {ga}")),
                    ),
                    Standing::EndOfLife(Some(since)) => (
                        None,
                        Some(format!("`{release}` is at end of life since {since}")),
                    ),
                    Standing::EndOfLife(None) => (None, None),
                };
                if computed != expected {
                    self.fails(
                        outcome,
                        expected.unwrap_or("none").to_owned(),
                        computed.unwrap_or("none").to_owned(),
                        why,
                    );
                }
            }
            Err(e) => self.cannot(outcome, &e),
        }
    }

    /// `target`, `due` and `status`.
    fn sla(&mut self) {
        let Some(outcome) = [Outcome::Target, Outcome::Due, Outcome::Status]
            .into_iter()
            .find(|o| self.expected(*o).is_some())
        else {
            return;
        };
        let (Some(tier), Some(severity)) = (self.tier(outcome), self.severity(outcome)) else {
            return;
        };
        if let Some(Value::Target(expected)) = self.expected(Outcome::Target) {
            match super::metric_target(
                self.policy,
                self.decl.metric().map(|m| m.as_str()),
                tier,
                severity,
            ) {
                Ok(target) if target == *expected => {}
                Ok(target) => self.fails(
                    Outcome::Target,
                    value_text::target(expected),
                    value_text::target(&target),
                    Some(format!(
                        "the response grid gives `{severity}` at `{tier}` that target"
                    )),
                ),
                Err(e) => self.cannot(Outcome::Target, &e),
            }
        }
        let wants_due = self.expected(Outcome::Due).is_some();
        let wants_status = self.expected(Outcome::Status).is_some();
        if !wants_due && !wants_status {
            return;
        }
        let outcome = if wants_due {
            Outcome::Due
        } else {
            Outcome::Status
        };
        let Some(submitted) = self.instant(outcome, self.decl.submitted(), input::SUBMITTED) else {
            return;
        };
        let now = if wants_status {
            match self.instant(Outcome::Status, self.decl.now(), input::NOW) {
                Some(now) => Some(now),
                None => return,
            }
        } else {
            None
        };
        let Some(pauses) = self.pauses() else {
            return;
        };
        let case = Case {
            tier,
            severity,
            submitted,
            pauses: &pauses,
            now,
            at_risk_share: rt::DEFAULT_AT_RISK_SHARE,
            metric: self.decl.metric().map(|m| m.as_str()),
            zone: self.decl.zone().and_then(|z| z.parse().ok()),
            calendar: None,
            hours: self.decl.hours().map(|h| h.as_str()),
        };
        let sla = match super::sla(self.policy, &case) {
            Ok(sla) => sla,
            Err(e) => {
                self.cannot(outcome, &e);
                return;
            }
        };
        let why = || {
            let on = match (&sla.calendar, &sla.target) {
                (Some(c), crate::model::ResponseTarget::Within(t))
                    if t.clock == crate::ast::Clock::Continuous =>
                {
                    format!(" (shown in the zone of the calendar `{c}`)")
                }
                (Some(c), _) => format!(" on the calendar `{c}`"),
                (None, _) => String::new(),
            };
            format!(
                "`{severity}` at `{tier}` has the target `{}`{on}",
                value_text::target(&sla.target)
            )
        };
        if let Some(Value::Instant(expected)) = self.expected(Outcome::Due) {
            match sla.due {
                // To the second: the precision `policyc sla` prints.
                Some(due) if due.timestamp() == expected.timestamp() => {}
                Some(due) => {
                    let why = why();
                    self.fails(
                        Outcome::Due,
                        format_instant(expected),
                        format_instant(&due),
                        Some(why),
                    );
                }
                None => {
                    let why = why();
                    self.fails(
                        Outcome::Due,
                        format_instant(expected),
                        "best-effort".to_owned(),
                        Some(why),
                    );
                }
            }
        }
        if let Some(Value::Text(expected)) = self.expected(Outcome::Status) {
            let wanted = expected.trim().to_lowercase().replace('-', " ");
            if !STATUSES.contains(&wanted.as_str()) {
                let help = match did_you_mean(&wanted, STATUSES) {
                    Some(s) => format!("did you mean `\"{s}\"`?"),
                    None => "a status is `\"on track\"`, `\"at risk\"`, `\"breached\"` or `\"best effort\"`".to_owned(),
                };
                self.unreadable(
                    self.span(Outcome::Status.name()),
                    format!("`{expected}` is not a status"),
                    "unknown status",
                    Some(help),
                );
                return;
            }
            if let Some(status) = sla.status {
                let computed = status.state.to_string();
                if computed != wanted {
                    let detail = match (status.remaining, status.overdue) {
                        (_, Some(overdue)) => {
                            format!("overdue by {}", super::duration_text(overdue))
                        }
                        (Some(left), None) => format!("{} left", super::duration_text(left)),
                        (None, None) => "no deadline".to_owned(),
                    };
                    self.fails(Outcome::Status, wanted, computed, Some(detail));
                }
            }
        }
    }

    /// The example's pauses; `None` after reporting one that cannot be read.
    fn pauses(&mut self) -> Option<Vec<rt::Pause>> {
        let Some(field) = self.decl.decl().field(input::PAUSES) else {
            return Some(Vec::new());
        };
        let Value::Texts(items) = &field.value else {
            return Some(Vec::new());
        };
        let mut pauses = Vec::new();
        let mut ok = true;
        for (i, text) in items.iter().enumerate() {
            match super::parse_pause(text) {
                Ok(p) => pauses.push(p),
                Err(message) => {
                    let span = field.item_spans.get(i).copied().unwrap_or(field.span);
                    self.unreadable(
                        span,
                        message,
                        "not a pause",
                        Some("write `\"START/END\"` with two RFC 3339 instants, the end not before the start".to_owned()),
                    );
                    ok = false;
                }
            }
        }
        ok.then_some(pauses)
    }

    fn charge(&mut self) {
        let Some(Value::Money(expected)) = self.expected(Outcome::Charge) else {
            return;
        };
        let rule = self.decl.rule();
        let Some(rule) = self.required(Outcome::Charge, rule, input::RULE, Kind::Rule) else {
            return;
        };
        let Some(minutes) = self.decl.length() else {
            self.missing(Outcome::Charge, input::LENGTH, "90 minutes");
            return;
        };
        match ent::charge(self.policy, rule, minutes) {
            Ok(charge) => {
                let computed = policy_money(&charge);
                let same = charge.currency.code() == expected.currency
                    && u64::try_from(charge.minor).ok() == Some(expected.minor);
                if !same {
                    self.fails(
                        Outcome::Charge,
                        value_text::money(expected),
                        computed,
                        Some(format!(
                            "a session of {} under the rule `{rule}`",
                            value_text::duration(minutes)
                        )),
                    );
                }
            }
            Err(e) => self.cannot(Outcome::Charge, &e),
        }
    }

    /// The yes/no questions.
    fn yes_no_answers(&mut self) {
        for outcome in [
            Outcome::MayOpenTicket,
            Outcome::CustomBuild,
            Outcome::RemoteLogin,
            Outcome::Hotfix,
            Outcome::Supported,
            Outcome::NewFixes,
            Outcome::MayClose,
        ] {
            let Some(Value::Bool(expected)) = self.expected(outcome) else {
                continue;
            };
            let expected = *expected;
            let Some((computed, why)) = self.yes_no(outcome) else {
                continue;
            };
            if computed != expected {
                self.fails(outcome, yes_no(expected), yes_no(computed), why);
            }
        }
    }

    /// Computes one yes/no answer; `None` after reporting why it cannot.
    fn yes_no(&mut self, outcome: Outcome) -> Option<(bool, Option<String>)> {
        let policy = self.policy;
        let answer = match outcome {
            Outcome::MayOpenTicket => {
                let tier = self.tier(outcome)?;
                ent::may_open_ticket(policy, tier).map(|b| {
                    (
                        b,
                        Some(format!("the tier `{tier}` has `tickets: {}`", yes_no(b))),
                    )
                })
            }
            Outcome::CustomBuild => {
                let tier = self.tier(outcome)?;
                let severity = self.severity(outcome)?;
                let crashing = self.decl.crashing_bug().unwrap_or(false);
                ent::custom_build(policy, tier, severity, crashing).map(|b| (b, None))
            }
            Outcome::RemoteLogin => {
                let tier = self.tier(outcome)?;
                ent::remote_login(policy, tier).map(|r| (r.available, None))
            }
            Outcome::Hotfix => {
                let tier = self.tier(outcome)?;
                let Some(latest) = self.decl.latest_build() else {
                    self.missing(outcome, input::LATEST_BUILD, "yes");
                    return None;
                };
                let phase = self.decl.phase().map(|p| p.as_str());
                ent::hotfix(policy, tier, latest, phase).map(|b| (b, None))
            }
            Outcome::Supported | Outcome::NewFixes => {
                let phase = self.decl.phase();
                let phase = self.required(outcome, phase, input::PHASE, Kind::Phase)?;
                ent::phase(policy, phase).map(|p| {
                    let b = if outcome == Outcome::Supported {
                        rt::entitlement::phase_supported(&p)
                    } else {
                        rt::entitlement::phase_new_fixes(&p)
                    };
                    (b, None)
                })
            }
            Outcome::MayClose => {
                let attempts = self.contact_attempts()?;
                let calendar = match self.decl.tier() {
                    Some(tier) => super::tier_calendar(policy, tier.as_str()),
                    None => super::default_calendar(policy),
                };
                calendar.and_then(|c| {
                    ent::may_close_case(policy, c, &attempts).map(|b| {
                        (
                            b,
                            Some(format!(
                                "attempts are counted on business days of the calendar `{}`",
                                c.id
                            )),
                        )
                    })
                })
            }
            _ => return None,
        };
        match answer {
            Ok(answer) => Some(answer),
            Err(e) => {
                self.cannot(outcome, &e);
                None
            }
        }
    }

    fn contact_attempts(&mut self) -> Option<Vec<DateTime<FixedOffset>>> {
        let Some(field) = self.decl.decl().field(input::CONTACT_ATTEMPTS) else {
            self.missing(
                Outcome::MayClose,
                input::CONTACT_ATTEMPTS,
                "[\"2026-03-13T10:00:00+01:00\", \"2026-03-16T10:00:00+01:00\"]",
            );
            return None;
        };
        let Value::Texts(items) = &field.value else {
            return None;
        };
        let mut attempts = Vec::new();
        let mut ok = true;
        for (i, text) in items.iter().enumerate() {
            match super::parse_instant(text) {
                Ok(t) => attempts.push(t),
                Err(message) => {
                    let span = field.item_spans.get(i).copied().unwrap_or(field.span);
                    self.unreadable(span, message, "not an instant", None);
                    ok = false;
                }
            }
        }
        ok.then_some(attempts)
    }

    fn incidents(&mut self) {
        let Some(Value::Incidents(expected)) = self.expected(Outcome::IncidentsLeft) else {
            return;
        };
        let Some(tier) = self.tier(Outcome::IncidentsLeft) else {
            return;
        };
        let (purchased, carried, used) = (
            Self::count(self.decl.purchased()),
            Self::count(self.decl.unused_last_year()),
            Self::count(self.decl.used()),
        );
        match ent::incidents_left(self.policy, tier, purchased, carried, used) {
            Ok(left) if left == ent::runtime_incidents(*expected) => {}
            Ok(left) => self.fails(
                Outcome::IncidentsLeft,
                value_text::incidents(*expected),
                incidents_text(left),
                Some(format!(
                    "the tier `{tier}` after {used} used, {purchased} purchased, {carried} unused last year"
                )),
            ),
            Err(e) => self.cannot(Outcome::IncidentsLeft, &e),
        }
    }

    fn screen_sharing(&mut self) {
        let outcome = Outcome::ScreenSharing;
        let Some(Value::Text(expected)) = self.expected(outcome) else {
            return;
        };
        let wanted = normalize_session(expected);
        let known = ["unlimited", "billable", "not available"];
        if !known.contains(&wanted.as_str()) && session_minutes(&wanted).is_none() {
            self.unreadable(
                self.span(outcome.name()),
                format!("`{expected}` is not a screen-sharing answer"),
                "unknown answer",
                Some("write `\"unlimited\"`, a length such as `\"2 hours\"`, `\"billable\"` or `\"not available\"`".to_owned()),
            );
            return;
        }
        let Some(tier) = self.tier(outcome) else {
            return;
        };
        let Some(severity) = self.severity(outcome) else {
            return;
        };
        let Some(at) = self.instant(outcome, self.decl.at(), input::AT) else {
            return;
        };
        match ent::screen_sharing(self.policy, tier, severity, at) {
            Ok(answer) => {
                let same = match answer {
                    ScreenSharing::Unlimited => wanted == "unlimited",
                    ScreenSharing::UpTo(m) => session_minutes(&wanted) == Some(u64::from(m)),
                    ScreenSharing::Billable(_) => wanted == "billable",
                    ScreenSharing::NotAvailable => wanted == "not available",
                };
                if !same {
                    let computed = match answer {
                        ScreenSharing::UpTo(m) => value_text::duration(u64::from(m)),
                        ScreenSharing::Billable(_) => "billable".to_owned(),
                        other => other.to_string(),
                    };
                    self.fails(
                        outcome,
                        expected.clone(),
                        computed,
                        Some(format!(
                            "`{severity}` at `{tier}` at that instant: {answer}"
                        )),
                    );
                }
            }
            Err(e) => self.cannot(outcome, &e),
        }
    }

    fn rca(&mut self) {
        let outcome = Outcome::Rca;
        let Some(value) = self.expected(outcome) else {
            return;
        };
        let expected = match value {
            Value::Coverage(Coverage::Supported) => Rca::Included,
            Value::Coverage(Coverage::Psa) => Rca::ProfessionalServices,
            Value::Coverage(Coverage::NotAvailable | Coverage::NotSupported) => Rca::NotAvailable,
            other => {
                self.unreadable(
                    self.span(outcome.name()),
                    format!("`{}` is not an RCA answer", value_text::show(other)),
                    "unknown answer",
                    Some("write `supported` (included), `psa` or `not-available`".to_owned()),
                );
                return;
            }
        };
        let Some(tier) = self.tier(outcome) else {
            return;
        };
        let Some(severity) = self.severity(outcome) else {
            return;
        };
        match ent::rca(self.policy, tier, severity) {
            Ok(rca) if rca == expected => {}
            Ok(rca) => self.fails(outcome, rca_text(expected), rca_text(rca), None),
            Err(e) => self.cannot(outcome, &e),
        }
    }

    fn support_to(&mut self) {
        let outcome = Outcome::SupportTo;
        let Some(Value::Ref(expected)) = self.expected(outcome) else {
            return;
        };
        let product = self.decl.product();
        let Some(product) = self.required(outcome, product, input::PRODUCT, Kind::Product) else {
            return;
        };
        match ent::support_to(self.policy, product) {
            Ok(party) if party == expected.as_str() => {}
            Ok(party) => self.fails(outcome, expected.value.clone(), party.to_owned(), None),
            Err(e) => self.cannot(outcome, &e),
        }
    }
}

fn yes_no(b: bool) -> String {
    if b { "yes" } else { "no" }.to_owned()
}

/// Money in the policy's words: `USD 375`, `USD 12.50`.
pub fn policy_money(m: &rt::Money) -> String {
    let minor = m.minor.unsigned_abs();
    let sign = if m.minor < 0 { "-" } else { "" };
    let amount = if minor % 100 == 0 {
        format!("{}", minor / 100)
    } else {
        format!("{}.{:02}", minor / 100, minor % 100)
    };
    format!("{} {sign}{amount}", m.currency.code())
}

fn incidents_text(i: rt::Incidents) -> String {
    match i {
        rt::Incidents::Count(n) => value_text::incidents(Incidents::Count(u64::from(n))),
        rt::Incidents::Unlimited => value_text::incidents(Incidents::Unlimited),
        rt::Incidents::NotApplicable => value_text::incidents(Incidents::NotApplicable),
    }
}

fn rca_text(r: Rca) -> String {
    match r {
        Rca::Included => "supported",
        Rca::ProfessionalServices => "psa",
        Rca::NotAvailable => "not-available",
    }
    .to_owned()
}

/// A screen-sharing answer as compared: lower case, `up to` dropped,
/// hyphens as spaces.
fn normalize_session(text: &str) -> String {
    let lower = text.trim().to_lowercase().replace('-', " ");
    let words: Vec<&str> = lower.split_whitespace().collect();
    let words = match words.as_slice() {
        ["up", "to", rest @ ..] => rest.to_vec(),
        _ => words,
    };
    words.join(" ")
}

/// `2 hours`, `90 minutes`, `1 hour` as minutes.
fn session_minutes(text: &str) -> Option<u64> {
    let (n, unit) = text.split_once(' ')?;
    let n: u64 = n.parse().ok()?;
    match unit {
        "hour" | "hours" => n.checked_mul(60),
        "minute" | "minutes" => Some(n),
        _ => None,
    }
}
