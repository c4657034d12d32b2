//! Replaying past cases against both versions: how many first-response
//! deadlines move, and by how much.
//!
//! The tickets are CSV without quoting: `id,tier,severity,submitted[,pauses]`
//! with `submitted` in RFC 3339 and pauses as `START/END;START/END`. A first
//! line starting with `id` is a header. A malformed row is reported with
//! its line number and skipped.
//!
//! A deadline is computed by [`crate::enforce::Clocks`]: the target of the
//! grid deciding response targets, on the calendar the tier runs on,
//! counted by the runtime's SLA clock. Each version keeps one clock per
//! calendar for the whole replay, with the holidays it has worked out.

use crate::enforce::{self, Clocks};
use crate::facts::Valid;
use crate::model::ResponseTarget;
use chrono::{DateTime, FixedOffset};
use chrono_tz::Tz;
use policyc_runtime as rt;
use serde_json::json;
use std::fmt::Write as _;

/// How many of the largest moves a replay lists.
pub const LARGEST: usize = 10;

/// A deadline that moved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Move {
    /// The ticket's id.
    pub id: String,
    /// Its tier.
    pub tier: String,
    /// Its severity.
    pub severity: String,
    /// When it was submitted, as written.
    pub submitted: String,
    /// The old deadline (RFC 3339, in the zone of the tier's calendar, as
    /// `policyc sla` prints it), `None` without one.
    pub before: Option<String>,
    /// The new deadline.
    pub after: Option<String>,
    /// Minutes later (negative: earlier); `None` when one side has no deadline.
    pub minutes: Option<i64>,
}

/// A row that could not be replayed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The line number in the CSV, from 1.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// The outcome of a replay.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Replay {
    /// Rows read (header and blank lines aside).
    pub cases: usize,
    /// Rows with a deadline computed under both versions (or under neither).
    pub compared: usize,
    /// Deadlines that come earlier.
    pub earlier: usize,
    /// Deadlines that come later.
    pub later: usize,
    /// Deadlines that did not move.
    pub unchanged: usize,
    /// Cases with a deadline before and none after (best effort, `n/a`).
    pub no_longer_due: usize,
    /// Cases with no deadline before and one after.
    pub newly_due: usize,
    /// Rows skipped: malformed, or not computable (see `problems`).
    pub skipped: usize,
    /// The largest moves, largest first (at most [`LARGEST`]).
    pub moves: Vec<Move>,
    /// Why rows were skipped.
    pub problems: Vec<Problem>,
}

/// The first-response deadline of a case under one version, `Ok(None)`
/// when it has none (best effort, `n/a`).
fn due(
    policy: &Valid,
    clocks: &mut Clocks<'_>,
    side: &str,
    tier: &str,
    severity: &str,
    submitted: DateTime<FixedOffset>,
    pauses: &[rt::Pause],
) -> Result<Option<DateTime<Tz>>, String> {
    let under = |e: enforce::Error| format!("under the {side} version: {e}");
    let target = enforce::response_target(policy, tier, severity).map_err(under)?;
    if target == ResponseTarget::NotApplicable {
        return Ok(None);
    }
    let case = enforce::Case {
        tier,
        severity,
        submitted,
        pauses,
        now: None,
        at_risk_share: rt::DEFAULT_AT_RISK_SHARE,
        metric: None,
        zone: None,
        calendar: None,
        hours: None,
    };
    let sla = clocks.sla(&case).map_err(under)?;
    Ok(sla.due)
}

/// A row: id, tier, severity, submitted, pauses.
type Row = (
    String,
    String,
    String,
    String,
    DateTime<FixedOffset>,
    Vec<rt::Pause>,
);

fn parse_row(line: &str) -> Result<Row, String> {
    let fields: Vec<&str> = line.split(',').map(str::trim).collect();
    if !(4..=5).contains(&fields.len()) {
        return Err(format!(
            "expected 4 or 5 fields (id, tier, severity, submitted, pauses), found {}",
            fields.len()
        ));
    }
    let [id, tier, severity, submitted] = [fields[0], fields[1], fields[2], fields[3]];
    for (name, value) in [("id", id), ("tier", tier), ("severity", severity)] {
        if value.is_empty() {
            return Err(format!("empty {name}"));
        }
    }
    let at = enforce::parse_instant(submitted)?;
    let mut pauses = Vec::new();
    for pause in fields
        .get(4)
        .unwrap_or(&"")
        .split(';')
        .filter(|p| !p.trim().is_empty())
    {
        pauses.push(enforce::parse_pause(pause.trim())?);
    }
    Ok((
        id.to_owned(),
        tier.to_owned(),
        severity.to_owned(),
        submitted.to_owned(),
        at,
        pauses,
    ))
}

/// A deadline in the zone of its calendar, as `policyc sla` prints it.
fn rfc3339(d: &DateTime<Tz>) -> String {
    enforce::format_instant(d)
}

/// Replays the cases of `tickets` (CSV text) against `old` and `new`.
pub fn replay(old: &Valid, new: &Valid, tickets: &str) -> Replay {
    let mut out = Replay::default();
    let (mut old_clocks, mut new_clocks) = (Clocks::new(old), Clocks::new(new));
    let mut moves = Vec::new();
    for (n, line) in tickets.lines().enumerate() {
        let number = n + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() || (n == 0 && trimmed.to_ascii_lowercase().starts_with("id")) {
            continue;
        }
        out.cases += 1;
        let row = parse_row(trimmed).and_then(|(id, tier, severity, submitted, at, pauses)| {
            let before = due(old, &mut old_clocks, "old", &tier, &severity, at, &pauses)?;
            let after = due(new, &mut new_clocks, "new", &tier, &severity, at, &pauses)?;
            Ok((id, tier, severity, submitted, before, after))
        });
        let (id, tier, severity, submitted, before, after) = match row {
            Ok(row) => row,
            Err(message) => {
                out.skipped += 1;
                out.problems.push(Problem {
                    line: number,
                    message,
                });
                continue;
            }
        };
        out.compared += 1;
        let minutes = match (before, after) {
            (Some(x), Some(y)) => {
                let m = (y - x).num_minutes();
                match m.cmp(&0) {
                    std::cmp::Ordering::Less => out.earlier += 1,
                    std::cmp::Ordering::Greater => out.later += 1,
                    std::cmp::Ordering::Equal => {
                        // Less than a minute apart still counts as a move.
                        if x == y {
                            out.unchanged += 1;
                            continue;
                        }
                        if y > x {
                            out.later += 1
                        } else {
                            out.earlier += 1
                        }
                    }
                }
                Some(m)
            }
            (Some(_), None) => {
                out.no_longer_due += 1;
                None
            }
            (None, Some(_)) => {
                out.newly_due += 1;
                None
            }
            (None, None) => {
                out.unchanged += 1;
                continue;
            }
        };
        moves.push(Move {
            id,
            tier,
            severity,
            submitted,
            before: before.as_ref().map(rfc3339),
            after: after.as_ref().map(rfc3339),
            minutes,
        });
    }
    // Largest first; a deadline lost or gained counts as the largest move.
    moves.sort_by_key(|m| std::cmp::Reverse(m.minutes.map_or(u64::MAX, i64::unsigned_abs)));
    moves.truncate(LARGEST);
    out.moves = moves;
    out
}

fn moved(m: &Move) -> String {
    match m.minutes {
        Some(min) => {
            let (sign, abs) = if min < 0 {
                ("earlier", -min)
            } else {
                ("later", min)
            };
            format!("{}h{:02} {sign}", abs / 60, abs % 60)
        }
        None if m.after.is_none() => "no longer due".to_owned(),
        None => "newly due".to_owned(),
    }
}

impl Replay {
    fn summary(&self) -> String {
        format!(
            "{} cases replayed: {} compared, {} earlier, {} later, {} unchanged, {} no longer due, {} newly due, {} skipped",
            self.cases,
            self.compared,
            self.earlier,
            self.later,
            self.unchanged,
            self.no_longer_due,
            self.newly_due,
            self.skipped
        )
    }

    /// The replay for a terminal.
    pub fn render_text(&self) -> String {
        let mut out = format!("{}\n", self.summary());
        if !self.moves.is_empty() {
            out.push_str("largest moves:\n");
        }
        for m in &self.moves {
            let _ = writeln!(
                out,
                "  {} ({}, {}) submitted {}: {} → {} ({})",
                m.id,
                m.tier,
                m.severity,
                m.submitted,
                m.before.as_deref().unwrap_or("none"),
                m.after.as_deref().unwrap_or("none"),
                moved(m)
            );
        }
        for p in &self.problems {
            let _ = writeln!(out, "  line {}: skipped: {}", p.line, p.message);
        }
        out
    }

    /// The replay in Markdown.
    pub fn render_markdown(&self) -> String {
        let mut out = format!("### Replayed cases\n\n{}.\n\n", self.summary());
        if !self.moves.is_empty() {
            out.push_str("| case | tier | severity | submitted | before | after | move |\n|---|---|---|---|---|---|---|\n");
            for m in &self.moves {
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {} | {} | {} | {} |",
                    super::markdown::cell(&m.id),
                    super::markdown::cell(&m.tier),
                    super::markdown::cell(&m.severity),
                    m.submitted,
                    m.before.as_deref().unwrap_or("none"),
                    m.after.as_deref().unwrap_or("none"),
                    moved(m)
                );
            }
            out.push('\n');
        }
        if !self.problems.is_empty() {
            out.push_str("Skipped rows:\n\n");
            for p in &self.problems {
                let _ = writeln!(
                    out,
                    "- line {}: {}",
                    p.line,
                    super::markdown::cell(&p.message)
                );
            }
            out.push('\n');
        }
        out
    }

    /// The replay as JSON (see the schema in the module documentation).
    pub fn to_json(&self) -> serde_json::Value {
        json!({
            "cases": self.cases,
            "compared": self.compared,
            "earlier": self.earlier,
            "later": self.later,
            "unchanged": self.unchanged,
            "no_longer_due": self.no_longer_due,
            "newly_due": self.newly_due,
            "skipped": self.skipped,
            "moves": self.moves.iter().map(|m| json!({
                "id": m.id, "tier": m.tier, "severity": m.severity, "submitted": m.submitted,
                "before": m.before, "after": m.after, "minutes": m.minutes,
            })).collect::<Vec<_>>(),
            "problems": self.problems.iter().map(|p| json!({ "line": p.line, "message": p.message })).collect::<Vec<_>>(),
        })
    }
}
