//! How deadlines move, change by change: for a changed response target or
//! clock, the deadline of a ticket submitted at each hour
//! of a representative week, in the old version and the new, and the
//! difference as a week heatmap (days down, hours across; blue earlier,
//! red later, the hours written in each cell), with a strip of the year
//! marking the holidays ([`super::year`]).
//!
//! The changes drawn, and the targets each concerns, are those the diff
//! judges by deadlines (`diff::deadlines`):
//!
//! * a grid cell whose target changed, or a tier's `response-target`: the
//!   target before and after, each on the calendar it runs on;
//! * a tier's `hours` moved from one calendar to another: the tier's
//!   unchanged targets, on the old calendar and the new;
//! * a calendar's `open` hours, `zone`, `closed` days or `holidays`, and a
//!   holiday added, removed, moved or redated: every business target that
//!   runs on the calendar, on the calendar before and after.
//!
//! A change to or from best effort or `n/a` moves no deadline (one side
//! has none), and a calendar each customer's order form defines has no
//! hours: neither gets a heatmap.
//!
//! The week is the first full week (Monday to Sunday) after the new
//! version's `effective` date in which no calendar concerned is closed for
//! a holiday or closure day and the clocks do not change for summer time,
//! in the zone of the new calendar; the caption names it. Its submissions
//! lie inside the four years the diff sweeps, so the heatmap agrees with
//! the diff's class.

use super::palette::{shift_text, shift_words, Bucket, INK, MUTED, NONE, RULE};
use super::svg::{px, Svg};
use super::week::{axes, day_name, lines, root, wrap, DAYS};
use super::year::{self, Closed};
use crate::diff::deadlines::touched;
use crate::diff::{Change, Class, What};
use crate::facts::calendars::CalendarFacts;
use crate::facts::deadlines::{self as fd, Placed};
use crate::facts::deadlines::{placed_cell, placed_tier};
use crate::facts::Valid;
use crate::model::{Hours, ResponseTarget, Value};
use crate::schema::fields::{grid, tier};
use crate::schema::{Kind, Role};
use crate::value_text::target as target_text;
use chrono::{DateTime, Datelike, Days, FixedOffset, NaiveDate, Offset, TimeZone, Utc};
use chrono_tz::Tz;
use policyc_runtime as rt;
use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;

const LEFT: f64 = 44.0;
const CELL_W: f64 = 28.0;
const CELL_H: f64 = 18.0;
const WIDTH: f64 = LEFT + CELL_W * 24.0 + 24.0;
const TEXT_W: f64 = WIDTH - 16.0;
/// At most this many targets are drawn for one change (a calendar many
/// targets run on); the caption says how many more there are.
const MAX_PANELS: usize = 4;
/// How many weeks from the effective date are tried for a week without
/// holidays.
const WEEKS_TRIED: u64 = 60;
const NANOS_PER_MINUTE: i64 = 60_000_000_000;

/// A calendar without opening hours: what a 24x7 target runs on when no
/// calendar applies (as in the diff).
static AROUND: rt::Calendar = rt::Calendar::from_static(Tz::UTC, &[], &[], &[]);

/// One target whose deadlines are drawn: before and after.
#[derive(Clone, Copy)]
struct Pair<'v> {
    old: Placed<'v>,
    new: Placed<'v>,
}

/// A change to draw: what changed, in words, and the targets concerned.
struct Subject<'v> {
    what: String,
    pairs: Vec<Pair<'v>>,
}

/// The deadlines of one pair for each hour of the week (Monday 00:00
/// first), as the move in minutes; `None` where either version gives no
/// deadline (a local time that does not exist, a clock that never runs).
type Shifts = Vec<Option<i64>>;

/// For each change (by index into `changes`) of a response target or a
/// clock, its heatmap as an inline `<svg role="img">`; changes that move
/// no deadline get none.
pub fn heatmaps(old: &Valid, new: &Valid, changes: &[Change]) -> Vec<(usize, String)> {
    let effective = fd::window(new.policy()).0.date_naive();
    let mut targets: HashMap<String, Vec<&ResponseTarget>> = HashMap::new();
    // Many changes move the same deadlines (cells changed alike, the
    // changes of one calendar): each set of targets is computed once.
    let mut computed: HashMap<Vec<PairKey>, Rc<Computed>> = HashMap::new();
    let mut out = Vec::new();
    for (index, change) in changes.iter().enumerate() {
        let Some(subject) = subject(old, new, change, &mut targets) else {
            continue;
        };
        let key: Vec<PairKey> = subject.pairs.iter().map(Pair::key).collect();
        let done = computed
            .entry(key)
            .or_insert_with(|| Rc::new(compute(old, new, &subject.pairs, effective)))
            .clone();
        out.push((index, render(index, change, &subject.what, &done)));
    }
    out
}

/// What tells two pairs apart: the targets as written and the calendars
/// (by declaration index) before and after.
type PairKey = (String, Option<usize>, String, Option<usize>);

impl Pair<'_> {
    fn key(&self) -> PairKey {
        (
            target_text(self.old.target),
            self.old.calendar.map(|c| c.index),
            target_text(self.new.target),
            self.new.calendar.map(|c| c.index),
        )
    }
}

/// The targets a change concerns, when it moves deadlines.
fn subject<'v>(
    old: &'v Valid,
    new: &'v Valid,
    change: &Change,
    targets: &mut HashMap<String, Vec<&'v ResponseTarget>>,
) -> Option<Subject<'v>> {
    let mut pairs = Vec::new();
    match (&change.what, change.kind) {
        (What::Cell { row, column }, Kind::Grid) => {
            let (x, y) = (
                placed_cell(old, &change.id, row, column)?,
                placed_cell(new, &change.id, row, column)?,
            );
            if x.target != y.target {
                pairs.push(Pair { old: x, new: y });
            }
        }
        (What::Field(f), Kind::Tier) if f == tier::RESPONSE_TARGET => {
            let (x, y) = (placed_tier(old, &change.id)?, placed_tier(new, &change.id)?);
            if x.target != y.target {
                pairs.push(Pair { old: x, new: y });
            }
        }
        (What::Field(f), Kind::Tier) if f == tier::HOURS => {
            pairs = moved_tier(old, new, &change.id);
        }
        _ => {
            if change.class == Class::Editorial {
                return None;
            }
            for id in touched(old, new, change) {
                let (Some(a), Some(b)) = (old.calendar(&id), new.calendar(&id)) else {
                    continue;
                };
                let on = targets
                    .entry(id.clone())
                    .or_insert_with(|| business_targets(old, new, &id));
                for &t in on.iter() {
                    pairs.push(Pair {
                        old: Placed {
                            target: t,
                            calendar: Some(a),
                        },
                        new: Placed {
                            target: t,
                            calendar: Some(b),
                        },
                    });
                }
            }
        }
    }
    pairs.retain(|p| drawable(&p.old) && drawable(&p.new));
    if pairs.is_empty() {
        return None;
    }
    let what = match (&change.before, &change.after) {
        (Some(b), Some(a)) => format!("{}: {b} → {a}", change.location()),
        (None, Some(a)) => format!("{}: added {a}", change.location()),
        (Some(b), None) => format!("{}: removed {b}", change.location()),
        (None, None) => change.location(),
    };
    Some(Subject { what, pairs })
}

/// Whether a placed target has deadlines to compute: a clock, and for the
/// business clock a calendar with hours the policy states.
fn drawable(p: &Placed<'_>) -> bool {
    match p.target.runtime().and_then(|t| t.clock()) {
        None => false,
        Some(rt::Clock::Continuous) => true,
        Some(rt::Clock::Business) => p.calendar.is_some_and(|c| !c.order_form_only),
    }
}

/// A tier whose `hours` moved to another calendar: its targets unchanged
/// in both versions (the cells of its column in grids of targets by tier,
/// and its own), each once, on the calendar before and after.
fn moved_tier<'v>(old: &'v Valid, new: &'v Valid, id: &str) -> Vec<Pair<'v>> {
    let calendars = |v: &Valid| {
        matches!(
            v.policy().get(id).and_then(|d| d.value(tier::HOURS)),
            Some(Value::Hours(Hours::Calendar(_)))
        )
    };
    if !calendars(old) || !calendars(new) {
        return Vec::new();
    }
    let mut placed = Vec::new();
    for decl in &new.policy().decls {
        let Some(g) = &decl.grid else { continue };
        let by_tier = matches!(decl.value(grid::COLUMNS), Some(Value::Kind(Kind::Tier)));
        if !by_tier || !g.columns.iter().any(|c| c.as_str() == id) {
            continue;
        }
        for row in &g.rows {
            if let (Some(x), Some(y)) = (
                placed_cell(old, decl.id.as_str(), row.as_str(), id),
                placed_cell(new, decl.id.as_str(), row.as_str(), id),
            ) {
                placed.push((x, y));
            }
        }
    }
    if let (Some(x), Some(y)) = (placed_tier(old, id), placed_tier(new, id)) {
        placed.push((x, y));
    }
    let mut out: Vec<Pair<'v>> = Vec::new();
    for (x, y) in placed {
        let moved = x.calendar.map(|c| &c.runtime) != y.calendar.map(|c| &c.runtime);
        let business = x.target.runtime().and_then(|t| t.clock()) == Some(rt::Clock::Business);
        let seen = out.iter().any(|p| {
            p.old.target.runtime() == x.target.runtime()
                && p.old.calendar.map(|c| c.index) == x.calendar.map(|c| c.index)
                && p.new.calendar.map(|c| c.index) == y.calendar.map(|c| c.index)
        });
        if x.target == y.target && moved && business && !seen {
            out.push(Pair { old: x, new: y });
        }
    }
    out
}

/// The business targets that run on the calendar `id` in either version,
/// each clock and amount once: the first-response grid's first, then the
/// others in document order.
fn business_targets<'v>(old: &'v Valid, new: &'v Valid, id: &str) -> Vec<&'v ResponseTarget> {
    let mut out: Vec<&ResponseTarget> = Vec::new();
    for v in [new, old] {
        let first = v
            .grid(Role::ResponseTargets)
            .and_then(|g| v.policy().index_of(g.id.as_str()));
        let mut placed = Vec::new();
        for (index, decl) in v.policy().decls.iter().enumerate() {
            let Some(g) = &decl.grid else { continue };
            for (r, row) in g.rows.iter().enumerate() {
                for (c, column) in g.columns.iter().enumerate() {
                    let Some(Some(cell)) = g.cells.get(r).and_then(|x| x.get(c)) else {
                        continue;
                    };
                    if let Value::Target(t) = &cell.value {
                        let cal = v.cell_calendar(index, row.as_str(), column.as_str(), t);
                        placed.push((Some(index) != first, t, cal.map(|c| c.id.as_str())));
                    }
                }
            }
        }
        for decl in v.policy().of_kind(Kind::Tier) {
            if let Some(Value::Target(t)) = decl.value(tier::RESPONSE_TARGET) {
                let cal = v.tier_target_calendar(decl.id.as_str(), t);
                placed.push((true, t, cal.map(|c| c.id.as_str())));
            }
        }
        // A stable sort: the first-response grid's targets first.
        placed.sort_by_key(|(later, _, _)| *later);
        for (_, t, cal) in placed {
            let business = t.runtime().and_then(|r| r.clock()) == Some(rt::Clock::Business);
            if business && cal == Some(id) && !out.iter().any(|o| o.runtime() == t.runtime()) {
                out.push(t);
            }
        }
    }
    out
}

/// The calendar a placed target's clock runs on.
fn clock_calendar<'v>(p: &Placed<'v>) -> &'v rt::Calendar {
    match p.calendar {
        Some(c) => &c.runtime,
        None => &AROUND,
    }
}

/// The zone of the week: the new calendar's, else the old one's, else UTC.
fn zone_of(pairs: &[Pair<'_>]) -> Tz {
    pairs
        .iter()
        .find_map(|p| p.new.calendar.or(p.old.calendar))
        .map_or(Tz::UTC, |c| c.runtime.tz)
}

/// The instants of the 168 hours of the week of `monday` in `zone`
/// (`None`: a local time that does not exist).
fn submissions(monday: NaiveDate, zone: Tz) -> Vec<Option<DateTime<FixedOffset>>> {
    let mut out = Vec::with_capacity(168);
    for day in 0..7 {
        let date = monday.checked_add_days(Days::new(day));
        for hour in 0..24 {
            let local = date.and_then(|d| d.and_hms_opt(hour, 0, 0));
            out.push(
                local
                    .and_then(|l| zone.from_local_datetime(&l).earliest())
                    .map(|t| t.fixed_offset()),
            );
        }
    }
    out
}

/// The representative week: its Monday, and whether it is free of holidays
/// and changes of summer time in every zone concerned (else the first week
/// tried).
fn week_of(effective: NaiveDate, zones: &[Tz], closed: &[Closed<'_>]) -> (NaiveDate, bool) {
    let first = first_monday(effective);
    for week in 0..WEEKS_TRIED {
        let Some(monday) = first.checked_add_days(Days::new(week * 7)) else {
            break;
        };
        let days: Vec<NaiveDate> = (0..7)
            .filter_map(|d| monday.checked_add_days(Days::new(d)))
            .collect();
        let holiday = days.iter().any(|&d| closed.iter().any(|c| c.closed(d)));
        let steady = zones.iter().all(|&zone| {
            let offsets: BTreeSet<i32> = submissions(monday, zone)
                .iter()
                .map(|t| t.map_or(i32::MIN, |t| t.offset().fix().local_minus_utc()))
                .collect();
            offsets.len() == 1
        });
        if !holiday && steady && days.len() == 7 {
            return (monday, true);
        }
    }
    (first, false)
}

/// The first Monday after `date`.
fn first_monday(date: NaiveDate) -> NaiveDate {
    let ahead = 7 - u64::from(date.weekday().num_days_from_monday());
    date.checked_add_days(Days::new(ahead)).unwrap_or(date)
}

/// The first day after `effective` (in the four years the diff sweeps)
/// that a business calendar of the pairs is closed on in one version and
/// open the other, on a weekday it has hours: where a changed holiday or
/// closure day moves deadlines. With the holiday's name.
fn changed_day(
    effective: NaiveDate,
    sides: &[(Closed<'_>, Closed<'_>)],
) -> Option<(NaiveDate, String)> {
    if sides.is_empty() {
        return None;
    }
    let first = first_monday(effective);
    for n in 0..fd::WINDOW_DAYS.saturating_sub(21) {
        let day = first.checked_add_days(Days::new(n))?;
        for (a, b) in sides {
            if a.closed(day) == b.closed(day) {
                continue;
            }
            let open = |c: &Closed<'_>| {
                c.calendar()
                    .is_some_and(|c| !c.runtime.local_hours(day.weekday()).is_empty())
            };
            if !open(a) && !open(b) {
                continue;
            }
            if let Some(name) = a.why(day).or_else(|| b.why(day)) {
                return Some((day, name));
            }
        }
    }
    None
}

/// The calendar of a placed business target (`None` on the 24x7 clock,
/// which no holiday stops).
fn business<'v>(p: &Placed<'v>) -> Option<&'v CalendarFacts> {
    if p.target.runtime().and_then(|t| t.clock()) == Some(rt::Clock::Business) {
        p.calendar
    } else {
        None
    }
}

/// The deadline moves of one pair for the given submissions.
fn shifts(pair: &Pair<'_>, at: &[Option<DateTime<FixedOffset>>]) -> Shifts {
    let (Some(x), Some(y)) = (pair.old.target.runtime(), pair.new.target.runtime()) else {
        return vec![None; at.len()];
    };
    let mut a = rt::BusinessClock::new(clock_calendar(&pair.old));
    let mut b = rt::BusinessClock::new(clock_calendar(&pair.new));
    at.iter()
        .map(|t| {
            let t = (*t)?;
            let before = a.due(x, t, &[]).ok()??;
            let after = b.due(y, t, &[]).ok()??;
            let nanos =
                (after.with_timezone(&Utc) - before.with_timezone(&Utc)).num_nanoseconds()?;
            // Whole minutes in practice; a fraction rounds away from zero
            // so that a move is never shown as none.
            let minutes = nanos / NANOS_PER_MINUTE;
            Some(if nanos % NANOS_PER_MINUTE == 0 {
                minutes
            } else {
                minutes + nanos.signum()
            })
        })
        .collect()
}

/// A pair's target and calendar, as a reader knows them:
/// `1 business day on office-hours`, `4 hours 24x7`.
fn side(p: &Placed<'_>) -> String {
    let text = target_text(p.target);
    match (p.calendar, p.target.calendar()) {
        (Some(c), None)
            if p.target.runtime().and_then(|t| t.clock()) == Some(rt::Clock::Business) =>
        {
            format!("{text} on {}", c.id)
        }
        _ => text,
    }
}

/// How a pair's deadlines move, in words: `later for 120 of 168 hours (by
/// 1 h to 16 h), earlier for 0`.
fn summary(cells: &Shifts) -> String {
    let total = cells.len();
    let later: Vec<i64> = cells.iter().flatten().copied().filter(|m| *m > 0).collect();
    let earlier: Vec<i64> = cells.iter().flatten().copied().filter(|m| *m < 0).collect();
    let none = cells.iter().filter(|c| c.is_none()).count();
    let range = |v: &[i64]| {
        let (lo, hi) = (
            v.iter().map(|m| m.abs()).min().unwrap_or(0),
            v.iter().map(|m| m.abs()).max().unwrap_or(0),
        );
        let words = |m: i64| shift_words(m).replace(" later", "");
        if lo == hi {
            format!("by {}", words(lo))
        } else {
            format!("by {} to {}", words(lo), words(hi))
        }
    };
    let mut parts = Vec::new();
    if !later.is_empty() {
        parts.push(format!(
            "later for {} of {total} hours, {}",
            later.len(),
            range(&later)
        ));
    }
    if !earlier.is_empty() {
        parts.push(format!(
            "earlier for {} of {total} hours, {}",
            earlier.len(),
            range(&earlier)
        ));
    }
    let same = total - later.len() - earlier.len() - none;
    if same > 0 {
        parts.push(format!("unchanged for {same} of {total} hours"));
    }
    if none > 0 {
        parts.push(format!("no deadline to compare for {none}"));
    }
    format!("Deadlines {}.", parts.join("; "))
}

/// One target's deadlines, worked out.
struct Panel {
    /// The target before and after, as a reader knows them.
    before: String,
    after: String,
    /// Its heading.
    label: String,
    /// How its deadlines move, in words.
    words: String,
    /// The moves, hour by hour.
    cells: Shifts,
}

/// The deadlines of the targets of a change, worked out.
struct Computed {
    zone: Tz,
    monday: NaiveDate,
    /// Why this week, in words.
    chosen: String,
    panels: Vec<Panel>,
    /// Targets not drawn.
    more: usize,
    strip: Option<year::Strip>,
}

/// The week, the deadline moves and the year strip of a set of targets.
fn compute(old: &Valid, new: &Valid, pairs: &[Pair<'_>], effective: NaiveDate) -> Computed {
    let zone = zone_of(pairs);
    let shown = &pairs[..pairs.len().min(MAX_PANELS)];
    // The closed days of each target's business calendars, before and
    // after, in the years the heatmap may look at (the diff's window).
    let first_year = effective.year();
    let years = first_year..=first_year.saturating_add(fd::WINDOW_YEARS as i32);
    let sides: Vec<(Closed<'_>, Closed<'_>)> = shown
        .iter()
        .map(|p| {
            (
                Closed::new(old, business(&p.old), years.clone()),
                Closed::new(new, business(&p.new), years.clone()),
            )
        })
        .filter(|(a, b)| a.calendar().is_some() || b.calendar().is_some())
        .collect();
    let business_calendars: Vec<Closed<'_>> = sides
        .iter()
        .flat_map(|(a, b)| [a.clone(), b.clone()])
        .collect();
    let mut zones: Vec<Tz> = shown
        .iter()
        .flat_map(|p| [p.old.calendar, p.new.calendar])
        .flatten()
        .map(|c| c.runtime.tz)
        .collect();
    zones.push(zone);
    let (mut monday, clean) = week_of(effective, &zones, &business_calendars);
    let mut chosen = if clean {
        format!("the first full week after the effective date {effective} without a holiday or a change of summer time")
    } else {
        format!("the first full week after the effective date {effective} (no week in the {WEEKS_TRIED} after it is free of holidays and changes of summer time)")
    };
    let moves = |monday: NaiveDate| {
        let at = submissions(monday, zone);
        shown
            .iter()
            .map(|p| shifts(p, &at))
            .collect::<Vec<Shifts>>()
    };
    let mut cells = moves(monday);
    let still = cells.iter().flatten().all(|c| c.is_none_or(|m| m == 0));
    if still {
        // A change of holidays moves nothing in a week without them: show
        // the week of the first day it changes.
        if let Some((day, name)) = changed_day(effective, &sides) {
            let back = u64::from(day.weekday().num_days_from_monday());
            if let Some(m) = day.checked_sub_days(Days::new(back)) {
                monday = m;
                cells = moves(monday);
                chosen = format!(
                    "the week of the first day after the effective date {effective} that is closed in one version and open in the other ({name}, {day})"
                );
            }
        }
    }
    let panels = shown
        .iter()
        .zip(cells)
        .map(|(p, cells)| {
            let (before, after) = (side(&p.old), side(&p.new));
            let label = if before == after {
                format!("{after}: the calendar before → after the change")
            } else {
                format!("{before} → {after}")
            };
            Panel {
                before,
                after,
                label,
                words: summary(&cells),
                cells,
            }
        })
        .collect();
    let strip = sides
        .first()
        .map(|(a, b)| year::strip(first_year, a, b))
        .filter(year::Strip::any);
    Computed {
        zone,
        monday,
        chosen,
        panels,
        more: pairs.len() - shown.len(),
        strip,
    }
}

/// The heatmap of one change.
fn render(index: usize, change: &Change, what: &str, done: &Computed) -> String {
    let Computed {
        zone,
        monday,
        chosen,
        panels,
        more,
        strip,
    } = done;
    let (zone, monday, more) = (*zone, *monday, *more);
    let together = if matches!(change.kind, Kind::Calendar | Kind::Holiday) {
        " The calendar's changes are judged together, as the diff judges them."
    } else {
        ""
    };
    let week_words = format!(
        "Tickets submitted at each hour of the week of Monday {monday} (time zone {}), {chosen}.{together}",
        zone.name(),
    );
    let how = "Each cell: how much later (+, red) or earlier (−, blue) the deadline falls in the new version, in hours (m: minutes).";

    // The text alternative.
    let title = format!("How deadlines move: {}", change.location());
    // The diff's verdict over its four years, beside the one week drawn.
    let verdict = format!(
        "The diff, over the {} years from the effective date: {}, {}.",
        fd::WINDOW_YEARS,
        change.class.name(),
        change.reason
    );
    let mut desc = format!("{what}. {verdict} {week_words}");
    for p in panels {
        desc.push_str(&format!(" {}: {}", p.label, p.words));
    }
    if more > 0 {
        desc.push_str(&format!(" {more} more targets run on this calendar."));
    }
    if let Some(s) = strip {
        desc.push(' ');
        desc.push_str(&s.words());
    }

    // Layout.
    let what_lines = wrap(what, TEXT_W);
    let mut caption = wrap(&verdict, TEXT_W);
    caption.extend(wrap(&week_words, TEXT_W));
    caption.extend(wrap(how, TEXT_W));
    if more > 0 {
        caption.extend(wrap(
            &format!("{more} more targets run on this calendar; the first {MAX_PANELS} are drawn."),
            TEXT_W,
        ));
    }
    let mut y = 10.0 + 15.0 * (what_lines.len() + caption.len()) as f64 + 6.0;
    let mut laid = Vec::new();
    for p in panels {
        let label = wrap(&p.label, TEXT_W);
        let words = wrap(&p.words, TEXT_W);
        let top = y;
        let grid_y = top + 15.0 * (label.len() + words.len()) as f64 + 16.0;
        y = grid_y + CELL_H * 7.0 + 12.0;
        laid.push((top, label, words, grid_y));
    }
    let legend_y = y;
    y += 4.0 * 20.0 + 8.0;
    let strip_y = y;
    if let Some(s) = strip {
        y += s.height();
    }
    let height = y + 4.0;

    let mut svg = Svg::new();
    let id = format!("policyc-shift-{index}");
    root(
        &mut svg,
        "policyc-heatmap",
        &id,
        (WIDTH, height),
        &title,
        &desc,
    );
    let y = lines(&mut svg, 8.0, 22.0, &what_lines, true, INK);
    lines(&mut svg, 8.0, y, &caption, false, MUTED);
    for ((top, label, words, grid_y), p) in laid.iter().zip(panels) {
        svg.open(
            "g",
            &[
                ("class", "policyc-target"),
                ("data-before", &p.before),
                ("data-after", &p.after),
            ],
        );
        let y = lines(&mut svg, 8.0, top + 12.0, label, true, INK);
        lines(&mut svg, 8.0, y, words, false, MUTED);
        grid(&mut svg, *grid_y, &p.cells, monday, zone);
        svg.close("g");
    }
    legend(&mut svg, legend_y);
    if let Some(s) = strip {
        s.draw(&mut svg, strip_y);
    }
    svg.close("svg");
    svg.finish()
}

/// The 168 cells of one target, top at `y`.
fn grid(svg: &mut Svg, y: f64, cells: &Shifts, monday: NaiveDate, zone: Tz) {
    axes(svg, LEFT, y, CELL_W, CELL_H);
    svg.open(
        "g",
        &[
            ("stroke", RULE),
            ("stroke-width", "0.5"),
            ("font-size", "9"),
            ("text-anchor", "middle"),
        ],
    );
    for (row, &day) in DAYS.iter().enumerate() {
        let date = monday.checked_add_days(Days::new(row as u64));
        for hour in 0..24 {
            let shift = cells.get(row * 24 + hour).copied().flatten();
            let (fill, ink, text) = match shift {
                Some(m) => {
                    let b = Bucket::of(m);
                    (b.fill(), b.ink(), shift_text(m))
                }
                None => (NONE, INK, "×".to_owned()),
            };
            let (x, yy) = (LEFT + CELL_W * hour as f64, y + CELL_H * row as f64);
            let when = match date {
                Some(d) => format!("{} {d} {hour:02}:00 {}", day_name(day), zone.name()),
                None => format!("{} {hour:02}:00", day_name(day)),
            };
            let tip = match shift {
                Some(m) => format!("submitted {when}: deadline {}", shift_words(m)),
                None => format!("submitted {when}: no deadline to compare"),
            };
            let minutes = shift.map_or("none".to_owned(), |m| m.to_string());
            let (xs, ys, ws, hs) = (px(x), px(yy), px(CELL_W), px(CELL_H));
            let hour_text = hour.to_string();
            svg.with_title(
                "rect",
                &[
                    ("x", &xs),
                    ("y", &ys),
                    ("width", &ws),
                    ("height", &hs),
                    ("fill", fill),
                    ("data-day", day_name(day)),
                    ("data-hour", &hour_text),
                    ("data-shift-minutes", &minutes),
                ],
                &tip,
            );
            if !text.is_empty() {
                let (tx, ty) = (px(x + CELL_W / 2.0), px(yy + CELL_H / 2.0 + 3.0));
                svg.text(
                    "text",
                    &[
                        ("x", &tx),
                        ("y", &ty),
                        ("fill", ink),
                        ("stroke", "none"),
                        ("aria-hidden", "true"),
                    ],
                    &text,
                );
            }
        }
    }
    svg.close("g");
}

/// The legend: earlier buckets, no change and no deadline, later buckets,
/// in three columns, each swatch with the value a cell of it shows.
fn legend(svg: &mut Svg, y: f64) {
    svg.open("g", &[("class", "policyc-legend"), ("aria-hidden", "true")]);
    let columns: [Vec<(&str, &str, &str, &str)>; 3] = [
        Bucket::ALL[..4]
            .iter()
            .map(|b| (b.fill(), b.ink(), b.sample(), b.label()))
            .collect(),
        vec![
            (
                Bucket::Same.fill(),
                INK,
                Bucket::Same.sample(),
                Bucket::Same.label(),
            ),
            (NONE, INK, "×", "no deadline to compare"),
        ],
        Bucket::ALL[5..]
            .iter()
            .map(|b| (b.fill(), b.ink(), b.sample(), b.label()))
            .collect(),
    ];
    for (c, column) in columns.iter().enumerate() {
        let x = 8.0 + 240.0 * c as f64;
        for (r, (fill, ink, sample, label)) in column.iter().enumerate() {
            let yy = y + 20.0 * r as f64;
            let (xs, ys) = (px(x), px(yy));
            svg.empty(
                "rect",
                &[
                    ("x", &xs),
                    ("y", &ys),
                    ("width", "34"),
                    ("height", "16"),
                    ("fill", fill),
                    ("stroke", RULE),
                    ("stroke-width", "0.5"),
                ],
            );
            if !sample.is_empty() {
                let (tx, ty) = (px(x + 17.0), px(yy + 11.5));
                svg.text(
                    "text",
                    &[
                        ("x", &tx),
                        ("y", &ty),
                        ("fill", ink),
                        ("font-size", "9"),
                        ("text-anchor", "middle"),
                    ],
                    sample,
                );
            }
            let (tx, ty) = (px(x + 40.0), px(yy + 12.0));
            svg.text("text", &[("x", &tx), ("y", &ty), ("fill", INK)], label);
        }
    }
    svg.close("g");
}
