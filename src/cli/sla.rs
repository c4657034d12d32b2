//! `policyc sla`: the deadlines of one case, and their status.
//!
//! Prints the due instant as RFC 3339 in the calendar's zone (or
//! `best-effort`) on one line; with `--now`, the status on a second line.
//! A policy with several metrics (first response, update cadence, ...)
//! gets a line `METRIC: DUE` per metric, unless `--metric` picks one. A
//! short explanation goes to standard error. Exit status: 0 computed, 1
//! invalid policy (or one that cannot answer), 2 usage error (unknown id,
//! bad timestamp, pause ending before it starts).

use super::load;
use clap::ValueEnum;
use policyc::enforce::{self, Case, Error};
use policyc::facts::Valid;
use policyc::model::view::{LicenseDecl, SeverityDecl, TierDecl, View};
use policyc::model::Policy;
use policyc_runtime::{Pause, SlaState, DEFAULT_AT_RISK_SHARE};
use std::path::PathBuf;
use std::process::ExitCode;

/// How the result is printed.
#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    /// The due instant on one line (and the status on a second with `--now`).
    Text,
    /// One JSON object.
    Json,
}

/// Arguments of `policyc sla`.
#[derive(clap::Args)]
pub struct Args {
    /// The policy file
    pub policy: PathBuf,
    /// The tier's id, e.g. `enterprise`
    #[arg(long, required_unless_present = "license", conflicts_with = "license")]
    pub tier: Option<String>,
    /// The license's id, instead of the tier: the tier is the license's
    #[arg(long)]
    pub license: Option<String>,
    /// The severity's id or one of its aliases (any case), e.g. `sev-2` or `"Priority 2"`
    #[arg(long)]
    pub severity: String,
    /// When the case was submitted (RFC 3339, e.g. `2026-03-13T16:00:00+01:00`)
    #[arg(long)]
    pub at: String,
    /// A time the SLA clock was paused, `START/END` (RFC 3339); may be repeated
    #[arg(long = "pause", value_name = "START/END")]
    pub pauses: Vec<String>,
    /// Also print the status at this instant (RFC 3339)
    #[arg(long)]
    pub now: Option<String>,
    /// The share of the target after which a case is at risk
    #[arg(long = "at-risk", value_name = "SHARE", default_value_t = DEFAULT_AT_RISK_SHARE)]
    pub at_risk: f64,
    /// The metric to compute, e.g. `update` (default: every metric)
    #[arg(long)]
    pub metric: Option<String>,
    /// The customer's time zone (IANA, e.g. `Asia/Tokyo`), for hours local to the customer
    #[arg(long)]
    pub zone: Option<String>,
    /// The policy's calendar the customer's business hours follow (where they depend on the customer's region)
    #[arg(long, value_name = "CALENDAR")]
    pub hours: Option<String>,
    /// The customer's own calendar, from an order form: a file holding one `calendar`
    #[arg(long, value_name = "FILE")]
    pub calendar: Option<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
}

/// Runs `policyc sla`.
pub fn run(args: Args) -> ExitCode {
    let loaded = match load(&args.policy) {
        Ok(loaded) => loaded,
        Err(message) => return usage(&message),
    };
    if loaded.has_errors() {
        loaded.print_diagnostics();
        eprintln!(
            "error: `{}` is invalid; fix it before computing deadlines",
            loaded.name
        );
        return ExitCode::from(1);
    }
    let Some(policy) = loaded.valid() else {
        return ExitCode::from(1);
    };
    match compute(policy, &args) {
        Ok(out) => {
            println!("{out}");
            ExitCode::SUCCESS
        }
        Err(Failure::Usage(message)) => usage(&message),
        Err(Failure::Policy(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(1)
        }
    }
}

fn usage(message: &str) -> ExitCode {
    let message = message.strip_prefix("error: ").unwrap_or(message);
    eprintln!("error: {message}");
    ExitCode::from(2)
}

enum Failure {
    /// Exit 2: the command line is wrong.
    Usage(String),
    /// Exit 1: the policy cannot answer.
    Policy(String),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Failure {
        match e {
            Error::UnknownId { .. } | Error::Sla(_) => Failure::Usage(e.to_string()),
            Error::Missing(_) | Error::Invalid(_) => Failure::Policy(e.to_string()),
        }
    }
}

/// Looks an id up, adding the valid ids to an unknown one.
fn id<'a, 'p, V: View<'p> + 'p>(policy: &'p Policy, id: &'a str) -> Result<&'a str, Failure> {
    let kind = V::KIND;
    match enforce::lookup::<V>(policy, id) {
        Ok(_) => Ok(id),
        Err(e) => {
            let ids: Vec<String> = policy
                .of_kind(kind)
                .map(|d| format!("`{}`", d.id.as_str()))
                .collect();
            Err(Failure::Usage(format!(
                "{e}\n  help: the {} ids are {}",
                kind.name(),
                ids.join(", ")
            )))
        }
    }
}

/// The tier of the case: `--tier`, or the tier of `--license`.
fn tier<'a>(policy: &'a Valid, args: &'a Args) -> Result<&'a str, Failure> {
    if let Some(tier) = &args.tier {
        return id::<TierDecl>(policy.policy(), tier);
    }
    let license = args.license.as_deref().unwrap_or_default();
    let license = id::<LicenseDecl>(policy.policy(), license)?;
    policy
        .policy()
        .find::<LicenseDecl>(license)
        .and_then(|l| l.tier())
        .map(|t| t.as_str())
        .ok_or_else(|| Failure::Policy(format!("the license `{license}` names no tier")))
}

/// The customer's calendar of `--calendar`.
fn own_calendar(args: &Args) -> Result<Option<(String, policyc_runtime::Calendar)>, Failure> {
    let Some(path) = &args.calendar else {
        return Ok(None);
    };
    let name = policyc::files::display(path);
    let source = std::fs::read_to_string(path)
        .map_err(|e| Failure::Usage(format!("cannot read {name}: {e}")))?;
    match policyc::calendar_file(&source) {
        Ok(calendar) => Ok(Some(calendar)),
        Err(diagnostics) => {
            eprint!(
                "{}",
                policyc::report::render(&name, &source, &diagnostics, super::style())
            );
            Err(Failure::Usage(format!("{name} is not a usable calendar")))
        }
    }
}

/// An unknown severity, with the valid ids and aliases.
fn unknown_severity(policy: &Valid, e: &Error) -> String {
    let mut ids = Vec::new();
    let mut aliases = Vec::new();
    for s in policy.policy().all::<SeverityDecl>() {
        ids.push(format!("`{}`", s.decl().id.as_str()));
        aliases.extend(
            s.aliases()
                .unwrap_or_default()
                .iter()
                .map(|a| format!("`{a}`")),
        );
    }
    let mut text = format!("{e}\n  help: the severity ids are {}", ids.join(", "));
    if !aliases.is_empty() {
        text.push_str(&format!(
            "; their aliases (in any case) {}",
            aliases.join(", ")
        ));
    }
    text
}

fn compute(policy: &Valid, args: &Args) -> Result<String, Failure> {
    let tier = tier(policy, args)?;
    let severity = match enforce::severity::severity_id(policy, &args.severity) {
        Ok(severity) => severity,
        Err(e) => return Err(Failure::Usage(unknown_severity(policy, &e))),
    };
    let submitted = enforce::parse_instant(&args.at).map_err(Failure::Usage)?;
    let pauses: Vec<Pause> = args
        .pauses
        .iter()
        .map(|p| enforce::parse_pause(p))
        .collect::<Result<_, _>>()
        .map_err(Failure::Usage)?;
    let now = match &args.now {
        Some(now) => Some(enforce::parse_instant(now).map_err(Failure::Usage)?),
        None => None,
    };
    if !(0.0..=1.0).contains(&args.at_risk) {
        return Err(Failure::Usage(format!(
            "`--at-risk {}` must be a share between 0 and 1",
            args.at_risk
        )));
    }
    let zone = match &args.zone {
        Some(zone) => Some(zone.parse::<chrono_tz::Tz>().map_err(|_| {
            Failure::Usage(format!(
                "`{zone}` is not a known time zone; write an IANA name such as `Asia/Tokyo`"
            ))
        })?),
        None => None,
    };
    let own = own_calendar(args)?;
    // Every metric, or the one asked for; one line each where there are several.
    let metrics: Vec<Option<&str>> = match &args.metric {
        Some(m) => vec![Some(enforce::metric(policy, Some(m))?.id.as_str())],
        None if policy.metrics().len() > 1 => policy
            .metrics()
            .iter()
            .map(|m| Some(m.id.as_str()))
            .collect(),
        None => vec![None],
    };
    let several = metrics.len() > 1;
    let mut text = Vec::new();
    let mut values = Vec::new();
    for metric in metrics {
        let case = Case {
            tier,
            severity,
            submitted,
            pauses: &pauses,
            now,
            at_risk_share: args.at_risk,
            metric,
            zone,
            calendar: own.as_ref().map(|(id, c)| (id.as_str(), c)),
            hours: args.hours.as_deref(),
        };
        let sla = match enforce::sla(policy, &case) {
            // Of several metrics, one that does not apply here says so.
            Err(Error::Missing(why)) if several => {
                let metric = metric.unwrap_or_default();
                eprintln!("note: `{metric}`: {why}");
                text.push(format!("{metric}: n/a"));
                values.push(serde_json::json!({ "metric": metric, "target": "n/a" }));
                continue;
            }
            other => other?,
        };
        explain(policy, &case, &sla);
        let due = sla
            .due
            .as_ref()
            .map(enforce::format_instant)
            .unwrap_or_else(|| "best-effort".to_owned());
        let line = match &sla.status {
            Some(status) => format!("{due}\n{}", status_line(status)),
            None => due,
        };
        text.push(match metric.filter(|_| several) {
            Some(m) => format!("{m}: {}", line.replace('\n', &format!("\n{m}: "))),
            None => line,
        });
        values.push(json(&case, &sla));
    }
    Ok(match args.format {
        Format::Text => text.join("\n"),
        Format::Json if several => {
            serde_json::to_string_pretty(&values).unwrap_or_else(|_| "[]".to_owned())
        }
        Format::Json => values
            .first()
            .and_then(|v| serde_json::to_string_pretty(v).ok())
            .unwrap_or_else(|| "{}".to_owned()),
    })
}

/// `on track: 3 hours left`, `at risk: 30 minutes left`, `breached: overdue by 2 hours`.
fn status_line(status: &policyc_runtime::SlaStatus) -> String {
    match (status.state, status.remaining, status.overdue) {
        (SlaState::Breached, _, Some(overdue)) => {
            format!("breached: overdue by {}", enforce::duration_text(overdue))
        }
        (SlaState::BestEffort, _, _) => "best effort: no deadline".to_owned(),
        (state, Some(left), _) => format!("{state}: {} left", enforce::duration_text(left)),
        (state, _, _) => state.to_string(),
    }
}

/// One line on standard error: the target, its clock, and why the clock
/// started later when the case came in on a closed day.
fn explain(policy: &Valid, case: &Case<'_>, sla: &enforce::Sla) {
    let metric = match case.metric {
        Some(m) => format!("the `{m}` target"),
        None => "the target".to_owned(),
    };
    let mut line = format!(
        "note: `{}` at `{}` has {metric} `{}`",
        case.severity,
        case.tier,
        enforce::target_text(&sla.target)
    );
    let business = matches!(
        enforce::runtime_target(&sla.target).and_then(|t| t.clock()),
        Some(policyc_runtime::Clock::Business)
    );
    if let (true, Some(calendar)) = (business, &sla.calendar) {
        line.push_str(&format!(" on the calendar `{calendar}`"));
        if let Some(facts) = policy.calendar(calendar) {
            let local = case.submitted.with_timezone(&facts.runtime.tz).date_naive();
            if let Some(reason) = enforce::closed_because(policy, facts, local) {
                line.push_str(&format!(
                    "; submitted on a closed day ({reason}): the clock starts at the next opening"
                ));
            }
        }
    }
    if !case.pauses.is_empty() {
        line.push_str(&format!(
            "; {} {} excluded",
            case.pauses.len(),
            if case.pauses.len() == 1 {
                "pause"
            } else {
                "pauses"
            }
        ));
    }
    eprintln!("{line}");
}

fn json(case: &Case<'_>, sla: &enforce::Sla) -> serde_json::Value {
    let clock = enforce::runtime_target(&sla.target)
        .and_then(|t| t.clock())
        .map(|c| match c {
            policyc_runtime::Clock::Business => "business",
            policyc_runtime::Clock::Continuous => "24x7",
        });
    let seconds = |d: Option<chrono::TimeDelta>| d.map(|d| d.num_seconds());
    let status = sla.status.as_ref().map(|s| {
        serde_json::json!({
            "state": s.state.to_string(),
            "elapsed_seconds": s.elapsed.num_seconds(),
            "remaining_seconds": seconds(s.remaining),
            "overdue_seconds": seconds(s.overdue),
        })
    });
    let mut value = serde_json::json!({
        "tier": case.tier,
        "severity": case.severity,
        "submitted": enforce::format_instant(&case.submitted),
        "target": enforce::target_text(&sla.target),
        "clock": clock,
        "calendar": sla.calendar,
        "due": sla.due.as_ref().map(enforce::format_instant),
        "best_effort": sla.due.is_none(),
        "status": status,
    });
    if let (Some(metric), Some(object)) = (case.metric, value.as_object_mut()) {
        object.insert("metric".to_owned(), serde_json::json!(metric));
    }
    value
}
