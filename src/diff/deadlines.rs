//! The direction of a changed response target or calendar, decided by what
//! it does to deadlines ([`crate::facts::deadlines`]): every submission in
//! the four years from the new `effective` date, on the calendars the
//! targets run on in each version. Every deadline later or equal is a
//! reduction, every one earlier or equal an extension, all equal no change
//! of deadlines (editorial), some of each [`Class::Mixed`].
//!
//! A calendar's change (opening hours, zone, holidays, closure days) is
//! judged by the deadlines of every business target that runs on it, on
//! the calendar before and after, all of its changes together; a calendar
//! no target runs on is judged by its open time.

use super::classify::Verdict;
use super::{Change, Class, What};
use crate::facts::calendars::CalendarFacts;
use crate::facts::deadlines::{self as fd, placed_cell, placed_tier, Order, Placed};
use crate::facts::Valid;
use crate::model::{Hours, ResponseTarget, Value};
use crate::schema::fields::{calendar, grid, holiday, tier};
use crate::schema::Kind;
use crate::value_text::target as target_text;
use chrono::{DateTime, Utc};
use policyc_runtime::deadlines::{compare_open_time, Comparison, Direction};
use std::cmp::Ordering;
use std::collections::{BTreeSet, HashMap};

const NANOS_PER_MINUTE: i64 = 60_000_000_000;

/// Replaces the verdicts of changed targets and calendar changes with the
/// verdict of their deadlines.
pub fn reclassify(old: &Valid, new: &Valid, changes: &mut [Change]) {
    let mut cx = Cx {
        old,
        new,
        window: fd::window(new.policy()),
        calendars: HashMap::new(),
        targets: HashMap::new(),
    };
    for change in changes.iter_mut() {
        let verdict = match &change.what {
            What::Cell { row, column } if change.kind == Kind::Grid => {
                cx.cell(&change.id, row, column)
            }
            What::Field(field) if change.kind == Kind::Tier && field == tier::RESPONSE_TARGET => {
                cx.tier_target(&change.id)
            }
            What::Field(field) if change.kind == Kind::Tier && field == tier::HOURS => {
                cx.tier_calendar(&change.id)
            }
            _ => cx.calendar_change(change),
        };
        if let Some(v) = verdict {
            change.class = v.class;
            change.uncertain = v.uncertain;
            change.reason = v.reason;
        }
    }
}

struct Cx<'v> {
    old: &'v Valid,
    new: &'v Valid,
    window: (DateTime<Utc>, DateTime<Utc>),
    /// Verdicts on calendars, by the ids concerned.
    calendars: HashMap<Vec<String>, Option<Verdict>>,
    /// Verdicts on targets, by the targets and their calendars (indices in
    /// each version): many cells change alike.
    targets: HashMap<TargetKey, Verdict>,
}

type TargetKey = (ResponseTarget, Option<usize>, ResponseTarget, Option<usize>);

/// A duration in hours and minutes: `16 h`, `2 h 30 min`, `45 min`.
fn duration(nanos: i64) -> String {
    let minutes = (nanos + NANOS_PER_MINUTE / 2) / NANOS_PER_MINUTE;
    match (minutes / 60, minutes % 60) {
        (0, 0) => "under a minute".to_owned(),
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// A share of submissions: `47%`, `<1%`, `>99%`, `isolated instants`.
fn share(measure: i64, window: i64) -> String {
    if measure == 0 {
        return "isolated instants".to_owned();
    }
    let percent = (measure as f64 * 100.0 / window.max(1) as f64).round();
    if percent < 1.0 {
        "<1%".to_owned()
    } else if percent >= 100.0 && measure < window {
        ">99%".to_owned()
    } else {
        format!("{percent:.0}%")
    }
}

/// What a comparison says, in words: `mixed: 47% of submissions later, by
/// up to 16 h; 35% earlier, by up to 96 h`.
fn moves(c: &Comparison) -> String {
    let (later, earlier) = (
        (share(c.later.measure, c.window), duration(c.later.largest)),
        (
            share(c.earlier.measure, c.window),
            duration(c.earlier.largest),
        ),
    );
    match c.direction() {
        Direction::Same => "no deadline moves".to_owned(),
        Direction::Later => format!(
            "later deadlines for {} of submissions, by up to {}; none earlier",
            later.0, later.1
        ),
        Direction::Earlier => format!(
            "earlier deadlines for {} of submissions, by up to {}; none later",
            earlier.0, earlier.1
        ),
        Direction::Mixed => format!(
            "mixed: {} of submissions later, by up to {}; {} earlier, by up to {}",
            later.0, later.1, earlier.0, earlier.1
        ),
    }
}

/// The verdict on deadlines that moved as `order` says; `what`, when not
/// empty, prefixes the reasons of swept comparisons.
fn verdict(order: Result<Order, String>, what: &str) -> Verdict {
    match order {
        Err(why) => Verdict::cannot_tell(&why),
        Ok(Order::ByAmount(Ordering::Greater)) => Verdict::reduction("slower target"),
        Ok(Order::ByAmount(Ordering::Less)) => Verdict::extension("faster target"),
        Ok(Order::ByAmount(Ordering::Equal)) => {
            Verdict::editorial("the same deadline for every submission")
        }
        Ok(Order::Swept(c)) => swept(&c, what),
    }
}

/// The verdict of a comparison; `what`, when not empty, says what changed.
fn swept(c: &Comparison, what: &str) -> Verdict {
    let detail = if what.is_empty() {
        moves(c)
    } else {
        format!("{what}: {}", moves(c))
    };
    match c.direction() {
        Direction::Same => Verdict::editorial(format!(
            "{}the same deadline for every submission in the {} years from effective",
            if what.is_empty() {
                String::new()
            } else {
                format!("{what}: ")
            },
            fd::WINDOW_YEARS
        )),
        Direction::Later => Verdict::reduction(detail),
        Direction::Earlier => Verdict::extension(detail),
        Direction::Mixed => Verdict::mixed(detail),
    }
}

/// A target with its `on CALENDAR` left out: the calendar is named beside it.
fn without_calendar(target: &ResponseTarget) -> ResponseTarget {
    match target {
        ResponseTarget::Within(t) => ResponseTarget::Within(crate::ast::Target {
            on: None,
            ..t.clone()
        }),
        other => other.clone(),
    }
}

/// The calendars a change of a calendar or a holiday touches, in either
/// version: the calendar itself, or every calendar holding the holiday.
pub fn touched(old: &Valid, new: &Valid, change: &Change) -> Vec<String> {
    match (change.kind, &change.what) {
        (Kind::Calendar, What::Field(f))
        | (Kind::Calendar, What::ItemAdded { field: f, .. } | What::ItemRemoved { field: f, .. })
            if [
                calendar::OPEN,
                calendar::ZONE,
                calendar::CLOSED,
                calendar::HOLIDAYS,
            ]
            .contains(&f.as_str()) =>
        {
            vec![change.id.clone()]
        }
        (Kind::Holiday, What::Added | What::Removed | What::Moved)
        | (Kind::Holiday, What::Field(_)) => {
            if let What::Field(f) = &change.what {
                if f != holiday::ON && f != holiday::OBSERVED {
                    return Vec::new();
                }
            }
            let mut ids = BTreeSet::new();
            for v in [old, new] {
                let Some(index) = v.policy().index_of(&change.id) else {
                    continue;
                };
                for c in v.calendars() {
                    if c.holidays.iter().any(|(i, _)| *i == index) {
                        ids.insert(c.id.clone());
                    }
                }
            }
            ids.into_iter().collect()
        }
        _ => Vec::new(),
    }
}

impl Cx<'_> {
    /// A changed cell of a grid of targets.
    fn cell(&mut self, grid: &str, row: &str, column: &str) -> Option<Verdict> {
        let (x, y) = (
            placed_cell(self.old, grid, row, column)?,
            placed_cell(self.new, grid, row, column)?,
        );
        self.targets(x, y)
    }

    /// A tier's changed `response-target`.
    fn tier_target(&mut self, id: &str) -> Option<Verdict> {
        let (x, y) = (placed_tier(self.old, id)?, placed_tier(self.new, id)?);
        self.targets(x, y)
    }

    /// The verdict on a target changed from `x` to `y`.
    fn targets(&mut self, x: Placed<'_>, y: Placed<'_>) -> Option<Verdict> {
        if x.target == y.target {
            return None;
        }
        let key = (
            x.target.clone(),
            x.calendar.map(|c| c.index),
            y.target.clone(),
            y.calendar.map(|c| c.index),
        );
        let window = self.window;
        Some(
            self.targets
                .entry(key)
                .or_insert_with(|| verdict(fd::compare(x, y, window), ""))
                .clone(),
        )
    }

    /// A tier whose hours moved from one calendar to another: the targets
    /// of its column in every grid of targets (and its own), each on the
    /// tier's calendar before and after. Only targets the same in both
    /// versions count here: a changed one is its own change.
    fn tier_calendar(&mut self, id: &str) -> Option<Verdict> {
        let (a, b) = (
            self.old.policy().get(id)?.value(tier::HOURS)?,
            self.new.policy().get(id)?.value(tier::HOURS)?,
        );
        if !matches!(
            (a, b),
            (
                Value::Hours(Hours::Calendar(_)),
                Value::Hours(Hours::Calendar(_))
            )
        ) {
            return None;
        }
        let mut merged: Option<Comparison> = None;
        let mut shown = Vec::new();
        let mut pairs = Vec::new();
        for decl in &self.new.policy().decls {
            let Some(grid) = &decl.grid else { continue };
            let columns = matches!(decl.value(grid::COLUMNS), Some(Value::Kind(Kind::Tier)));
            if !columns || !grid.columns.iter().any(|c| c.as_str() == id) {
                continue;
            }
            for row in &grid.rows {
                pairs.push((decl.id.as_str(), row.as_str()));
            }
        }
        let mut placed: Vec<(Placed<'_>, Placed<'_>)> = pairs
            .iter()
            .filter_map(|(g, row)| {
                Some((
                    placed_cell(self.old, g, row, id)?,
                    placed_cell(self.new, g, row, id)?,
                ))
            })
            .collect();
        if let (Some(x), Some(y)) = (placed_tier(self.old, id), placed_tier(self.new, id)) {
            placed.push((x, y));
        }
        for (x, y) in placed {
            if x.target != y.target {
                continue;
            }
            match fd::compare(x, y, self.window) {
                Err(why) => {
                    return Some(Verdict::cannot_tell(&format!(
                        "support hours moved to another calendar: {why}"
                    )))
                }
                Ok(Order::ByAmount(_)) => {}
                Ok(Order::Swept(c)) => {
                    shown.push(target_text(&without_calendar(x.target)));
                    merged = Some(match merged {
                        Some(m) => m.merge(c),
                        None => c,
                    });
                }
            }
        }
        let c = merged?;
        shown.sort();
        shown.dedup();
        Some(swept(
            &c,
            &format!(
                "support hours moved to another calendar, for the tier's targets ({})",
                shown.join(", ")
            ),
        ))
    }

    /// A change of a calendar's hours, zone, holidays or closure days.
    fn calendar_change(&mut self, change: &Change) -> Option<Verdict> {
        if change.class == Class::Editorial {
            return None;
        }
        let ids = touched(self.old, self.new, change);
        if ids.is_empty() {
            return None;
        }
        if let Some(v) = self.calendars.get(&ids) {
            return v.clone();
        }
        let v = self.calendars_verdict(&ids);
        self.calendars.insert(ids, v.clone());
        v
    }

    fn calendars_verdict(&self, ids: &[String]) -> Option<Verdict> {
        let mut merged: Option<Comparison> = None;
        let mut shown = Vec::new();
        let mut open_only = Vec::new();
        for id in ids {
            let (Some(a), Some(b)) = (self.old.calendar(id), self.new.calendar(id)) else {
                continue;
            };
            let targets = self.business_targets(id);
            if targets.is_empty() {
                open_only.push((a, b));
                continue;
            }
            for t in targets {
                let order = fd::compare(
                    Placed {
                        target: &t,
                        calendar: Some(a),
                    },
                    Placed {
                        target: &t,
                        calendar: Some(b),
                    },
                    self.window,
                );
                let c = match order {
                    Err(why) => {
                        return Some(Verdict::cannot_tell(&format!(
                            "calendar `{id}` changed: {why}"
                        )))
                    }
                    Ok(Order::ByAmount(_)) => continue,
                    Ok(Order::Swept(c)) => c,
                };
                shown.push(target_text(&without_calendar(&t)));
                merged = Some(match merged {
                    Some(m) => m.merge(c),
                    None => c,
                });
            }
        }
        let what = |ids: &[String]| {
            ids.iter()
                .map(|i| format!("`{i}`"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        if !open_only.is_empty() && shown.is_empty() {
            return Some(self.open_time(&open_only, &what(ids)));
        }
        let c = merged?;
        shown.sort();
        shown.dedup();
        Some(swept(
            &c,
            &format!(
                "calendar {} as changed, for its targets ({})",
                what(ids),
                shown.join(", ")
            ),
        ))
    }

    /// The business targets that run on the calendar `id` in either
    /// version, each once.
    fn business_targets(&self, id: &str) -> Vec<ResponseTarget> {
        let mut out: Vec<ResponseTarget> = Vec::new();
        for v in [self.old, self.new] {
            for (t, cal) in v.placed_targets() {
                let business = t
                    .runtime()
                    .and_then(|r| r.clock())
                    .is_some_and(|c| c == policyc_runtime::Clock::Business);
                // Each clock and amount once (`on CALENDAR` aside).
                if business && cal == Some(id) && !out.iter().any(|o| o.runtime() == t.runtime()) {
                    out.push(t.clone());
                }
            }
        }
        out
    }

    /// Calendars no target runs on: judged by their open time.
    fn open_time(&self, pairs: &[(&CalendarFacts, &CalendarFacts)], what: &str) -> Verdict {
        let (mut removed, mut added) = (0_i64, 0_i64);
        for (a, b) in pairs {
            match compare_open_time(&a.runtime, &b.runtime, self.window.0, self.window.1) {
                Ok((r, x)) => {
                    removed += r;
                    added += x;
                }
                Err(e) => return Verdict::cannot_tell(&format!("calendar {what} changed: {e}")),
            }
        }
        let years = fd::WINDOW_YEARS;
        match (removed > 0, added > 0) {
            (false, false) => Verdict::editorial(format!(
                "calendar {what}: the same open time in the {years} years from effective"
            )),
            (true, false) => Verdict::reduction(format!(
                "calendar {what}: less open time, {} less in the {years} years from effective (no target runs on it)",
                duration(removed)
            )),
            (false, true) => Verdict::extension(format!(
                "calendar {what}: more open time, {} more in the {years} years from effective (no target runs on it)",
                duration(added)
            )),
            (true, true) => Verdict::mixed(format!(
                "mixed: calendar {what}: {} of open time removed, {} added in the {years} years from effective (no target runs on it)",
                duration(removed),
                duration(added)
            )),
        }
    }
}
