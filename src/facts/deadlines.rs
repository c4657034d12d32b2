//! Which of two response targets is later, decided by their deadlines: each
//! target on the calendar it runs on, for every submission instant in the
//! four years from the policy's `effective` date (holidays and changes of
//! summer time included), by the runtime's exact comparison
//! ([`policyc_runtime::deadlines`]). Used by the diff (the direction of a
//! changed target or calendar) and by the order checks (W501, W502).
//!
//! Two fast paths give the same answer without a sweep: two 24x7 targets
//! (their deadlines differ by the difference of their amounts, whatever
//! the calendar), and two business targets on equal calendars (more open
//! time to count is a later deadline for every submission).

use crate::facts::calendars::CalendarFacts;
use crate::facts::Facts;
use crate::model::view::{GridDecl, TierDecl, View};
use crate::model::{Policy, ResponseTarget, Value};
use crate::schema::fields;
use crate::schema::Kind;
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use policyc_runtime as rt;
use policyc_runtime::deadlines::{self as dl, Comparison, Direction};
use std::cmp::Ordering;

/// How many years of submissions are compared, from the `effective` date:
/// more than a version is usually in force, and enough for every holiday
/// on a fixed date to fall on a weekday at least once (a date moves by one
/// or two weekdays a year, so it is never on a weekend three years running).
pub const WINDOW_YEARS: u64 = 4;

/// [`WINDOW_YEARS`] in days.
pub const WINDOW_DAYS: u64 = WINDOW_YEARS * 365 + 1;

/// The first day of the window when a policy states no readable
/// `effective` date.
const FALLBACK_START: (i32, u32, u32) = (2026, 1, 1);

/// A calendar without opening hours: what a 24x7 target runs on when no
/// calendar applies (its deadlines do not depend on one).
static AROUND: rt::Calendar = rt::Calendar::from_static(Tz::UTC, &[], &[], &[]);

/// The window of submissions: [`WINDOW_DAYS`] from the first day `effective`
/// covers (a month counts as its first day), from midnight UTC.
pub fn window(policy: &Policy) -> (DateTime<Utc>, DateTime<Utc>) {
    let first = policy.effective_from();
    let (y, m, d) = FALLBACK_START;
    let fallback = NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
    dl::window_from(first.unwrap_or(fallback), WINDOW_DAYS)
        .or_else(|| dl::window_from(fallback, WINDOW_DAYS))
        .unwrap_or_default()
}

/// A target and the calendar it runs on (`None`: the policy gives it none).
#[derive(Clone, Copy, Debug)]
pub struct Placed<'a> {
    /// The target as written.
    pub target: &'a ResponseTarget,
    /// The calendar its clock runs on.
    pub calendar: Option<&'a CalendarFacts>,
}

/// How the deadlines of one placed target compare with another's.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Order {
    /// Compared by amount alone (the fast paths, best effort): every
    /// deadline moves the same way, or none moves.
    ByAmount(Ordering),
    /// Compared submission by submission.
    Swept(Comparison),
}

impl Order {
    /// Which way the deadlines of the second target move.
    pub fn direction(&self) -> Direction {
        match self {
            Order::ByAmount(Ordering::Greater) => Direction::Later,
            Order::ByAmount(Ordering::Less) => Direction::Earlier,
            Order::ByAmount(Ordering::Equal) => Direction::Same,
            Order::Swept(c) => c.direction(),
        }
    }
}

/// The deadlines of `new` against those of `old`, over `window`; `Err` says
/// why they cannot be compared.
pub fn compare(
    old: Placed<'_>,
    new: Placed<'_>,
    window: (DateTime<Utc>, DateTime<Utc>),
) -> Result<Order, String> {
    let (Some(x), Some(y)) = (old.target.runtime(), new.target.runtime()) else {
        return Err("target changed to or from n/a".to_owned());
    };
    let (cx, cy) = match (x.clock(), y.clock()) {
        (None, None) => return Ok(Order::ByAmount(Ordering::Equal)),
        (None, Some(_)) => return Ok(Order::ByAmount(Ordering::Less)),
        (Some(_), None) => return Ok(Order::ByAmount(Ordering::Greater)),
        (Some(a), Some(b)) => (a, b),
    };
    if cx == rt::Clock::Business && cy == rt::Clock::Business {
        if let (None, None) = (old.calendar, new.calendar) {
            // No calendar: amounts of the same unit still compare; a
            // business day's length is unknown.
            let days = |t: rt::ResponseTarget| matches!(t, rt::ResponseTarget::BusinessDays(_));
            if days(x) != days(y) {
                return Err("no calendar says how long a business day is".to_owned());
            }
            let amount = |t: rt::ResponseTarget| t.nominal_minutes(1);
            return Ok(Order::ByAmount(amount(y).cmp(&amount(x))));
        }
    }
    let (ka, kb) = (on(old, cx)?, on(new, cy)?);
    let same_calendar = ka == kb;
    if cx == cy && (cx == rt::Clock::Continuous || same_calendar) {
        let amount =
            |t: rt::ResponseTarget, k: &rt::Calendar| t.nominal_minutes(k.business_day_minutes());
        return Ok(Order::ByAmount(amount(y, kb).cmp(&amount(x, ka))));
    }
    let unusable = |p: Placed<'_>| p.calendar.is_some_and(|c| c.order_form_only);
    if unusable(old) || unusable(new) {
        return Err("the calendar is defined by each customer's order form".to_owned());
    }
    dl::compare(
        dl::Side {
            target: x,
            calendar: ka,
        },
        dl::Side {
            target: y,
            calendar: kb,
        },
        window.0,
        window.1,
    )
    .map(Order::Swept)
    .map_err(|e| e.to_string())
}

/// Whether [`compare`] decides `old` against `new` without a sweep (by
/// amount, or because it cannot compare them).
pub fn by_amount(old: Placed<'_>, new: Placed<'_>) -> bool {
    let (Some(x), Some(y)) = (old.target.runtime(), new.target.runtime()) else {
        return true;
    };
    match (x.clock(), y.clock()) {
        (Some(a), Some(b)) if a == b => {
            a == rt::Clock::Continuous
                || match (old.calendar, new.calendar) {
                    (Some(p), Some(q)) => p.runtime == q.runtime,
                    _ => true,
                }
        }
        (Some(_), Some(_)) => false,
        _ => true,
    }
}

/// The calendar a placed target's clock runs on.
fn on<'a>(placed: Placed<'a>, clock: rt::Clock) -> Result<&'a rt::Calendar, String> {
    match placed.calendar {
        Some(c) => Ok(&c.runtime),
        None if clock == rt::Clock::Continuous => Ok(&AROUND),
        None => Err("the target has no calendar to run on".to_owned()),
    }
}

impl Facts {
    /// The calendar the cell `[row, column]` of the grid at `grid` runs
    /// on: the one its target names (`on CALENDAR`), else the tier's (the
    /// column's or the row's, whichever is a tier), else the default.
    pub fn cell_calendar(
        &self,
        grid: usize,
        row: &str,
        column: &str,
        target: &ResponseTarget,
    ) -> Option<&CalendarFacts> {
        if let Some(id) = target.calendar() {
            return self.calendar(id);
        }
        let decl = self.policy().decls.get(grid).and_then(GridDecl::of)?;
        let tier = |kind: Option<&Value>, id: &str| match kind {
            Some(Value::Kind(Kind::Tier)) => self.policy().find::<TierDecl<'_>>(id),
            _ => None,
        };
        let tier = tier(decl.value(fields::grid::COLUMNS), column)
            .or_else(|| tier(decl.value(fields::grid::ROWS), row));
        match tier {
            Some(t) => self.tier_calendar(t),
            None => self.default_calendar(),
        }
    }

    /// The calendar a tier's own `response-target` runs on.
    pub fn tier_target_calendar(
        &self,
        tier: &str,
        target: &ResponseTarget,
    ) -> Option<&CalendarFacts> {
        if let Some(id) = target.calendar() {
            return self.calendar(id);
        }
        match self.policy().find::<TierDecl<'_>>(tier) {
            Some(t) => self.tier_calendar(t),
            None => self.default_calendar(),
        }
    }

    /// Every target the policy states (grid cells and tiers'
    /// `response-target`), each with the id of the calendar it runs on.
    pub fn placed_targets(&self) -> Vec<(&ResponseTarget, Option<&str>)> {
        let policy = self.policy();
        let mut out = Vec::new();
        for (index, decl) in policy.decls.iter().enumerate() {
            match decl.kind {
                Kind::Grid => {
                    let Some(grid) = &decl.grid else { continue };
                    for (r, row) in grid.rows.iter().enumerate() {
                        for (c, column) in grid.columns.iter().enumerate() {
                            let Some(Some(cell)) = grid.cells.get(r).and_then(|x| x.get(c)) else {
                                continue;
                            };
                            if let Value::Target(t) = &cell.value {
                                let cal =
                                    self.cell_calendar(index, row.as_str(), column.as_str(), t);
                                out.push((t, cal.map(|c| c.id.as_str())));
                            }
                        }
                    }
                }
                Kind::Tier => {
                    if let Some(Value::Target(t)) = decl.value(fields::tier::RESPONSE_TARGET) {
                        let cal = self.tier_target_calendar(decl.id.as_str(), t);
                        out.push((t, cal.map(|c| c.id.as_str())));
                    }
                }
                _ => {}
            }
        }
        out
    }
}

/// The target written in a grid cell (not the grid's `otherwise`), on its
/// calendar: what the diff compares (the website's heatmaps draw the same).
pub fn placed_cell<'v>(v: &'v Facts, grid: &str, row: &str, column: &str) -> Option<Placed<'v>> {
    let index = v.policy().index_of(grid)?;
    let cell = v
        .policy()
        .decls
        .get(index)?
        .grid
        .as_ref()?
        .cell(row, column)?;
    let target = target_value(Some(&cell.value))?;
    Some(Placed {
        target,
        calendar: v.cell_calendar(index, row, column, target),
    })
}

/// A tier's own `response-target`, on its calendar.
pub fn placed_tier<'v>(v: &'v Facts, id: &str) -> Option<Placed<'v>> {
    let target = target_value(v.policy().get(id)?.value(fields::tier::RESPONSE_TARGET))?;
    Some(Placed {
        target,
        calendar: v.tier_target_calendar(id, target),
    })
}

/// The response target a value holds, if it is one.
fn target_value(value: Option<&Value>) -> Option<&ResponseTarget> {
    match value? {
        Value::Target(t) => Some(t),
        _ => None,
    }
}
