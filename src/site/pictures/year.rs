//! The strip of a year under a heatmap: twelve rows of days, marking the
//! days a business calendar is closed for a holiday or closure day in the
//! old version, the new one, or both. A day closed only in the new version
//! moves deadlines later (the clock stops that day); a day closed only in
//! the old one, earlier. Each mark has a glyph besides its colour (`•`
//! both, `+` added, `−` removed).

use super::palette::{Bucket, CLOSED_DAY, HOLIDAY, INK, MUTED, PAPER, RULE};
use super::svg::{px, Svg};
use super::week::{lines, wrap};
use crate::facts::calendars::CalendarFacts;
use crate::facts::Valid;
use chrono::{Datelike, NaiveDate};
use policyc_runtime as rt;
use std::collections::BTreeSet;
use std::ops::RangeInclusive;

const LEFT: f64 = 44.0;
const CELL_W: f64 = 16.0;
const CELL_H: f64 = 13.0;
const TEXT_W: f64 = 720.0;
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// One version's calendar (`None`: its clock stops on no holiday), with
/// the days it is closed in some years, worked out once (holidays and
/// closure days: `O(holidays × years)`, then a look-up per day).
#[derive(Clone)]
pub struct Closed<'v> {
    /// The version, for the holidays' names.
    valid: &'v Valid,
    /// The calendar.
    calendar: Option<&'v CalendarFacts>,
    /// The days it is closed, in the years asked for.
    days: BTreeSet<NaiveDate>,
}

impl<'v> Closed<'v> {
    /// The closed days of `calendar` in the years `years`.
    pub fn new(
        valid: &'v Valid,
        calendar: Option<&'v CalendarFacts>,
        years: RangeInclusive<i32>,
    ) -> Closed<'v> {
        Closed {
            valid,
            calendar,
            days: calendar.map_or_else(BTreeSet::new, |c| closed_days(&c.runtime, years)),
        }
    }

    /// The calendar.
    pub fn calendar(&self) -> Option<&'v CalendarFacts> {
        self.calendar
    }

    /// Whether the calendar is closed all day on `date` (a holiday or a
    /// closure day; within the years it was made for).
    pub fn closed(&self, date: NaiveDate) -> bool {
        self.days.contains(&date)
    }

    /// Why the calendar is closed on `date`, if it is: the holiday's title,
    /// or `closure day`.
    pub fn why(&self, date: NaiveDate) -> Option<String> {
        if !self.closed(date) {
            return None;
        }
        Some(match self.calendar?.closed_because(date)? {
            Some(index) => self
                .valid
                .policy()
                .decls
                .get(index)
                .map_or_else(|| "holiday".to_owned(), |d| d.display().to_owned()),
            None => "closure day".to_owned(),
        })
    }
}

/// The days a calendar is closed for a holiday or a closure day in the
/// years `years`.
pub fn closed_days(calendar: &rt::Calendar, years: RangeInclusive<i32>) -> BTreeSet<NaiveDate> {
    let (first, last) = (*years.start(), *years.end());
    let mut out = BTreeSet::new();
    for rule in calendar.holidays.iter() {
        // A wrapping range or an observed date lands in a neighbouring year.
        for year in first.saturating_sub(1)..=last.saturating_add(1) {
            if let Some(date) = rule.date_in(year) {
                if years.contains(&date.year()) {
                    out.insert(date);
                }
            }
        }
    }
    for &(y, m, d) in calendar.closures.iter() {
        if let Some(date) = NaiveDate::from_ymd_opt(y, u32::from(m), u32::from(d)) {
            if years.contains(&y) {
                out.insert(date);
            }
        }
    }
    out
}

/// A day of the strip.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Mark {
    /// Open, or closed only for the weekend (`true`).
    Plain(bool),
    /// Closed in both versions.
    Both(String),
    /// Closed in the new version only: deadlines later.
    Added(String),
    /// Closed in the old version only: deadlines earlier.
    Removed(String),
}

/// The strip of one year.
pub struct Strip {
    year: i32,
    calendars: String,
    days: Vec<(NaiveDate, Mark)>,
}

/// The strip of `year` for a calendar before and after.
/// (`old` and `new` made for that year at least).
pub fn strip(year: i32, old: &Closed<'_>, new: &Closed<'_>) -> Strip {
    let weekly = new.calendar.or(old.calendar);
    let mut days = Vec::with_capacity(366);
    let mut date = NaiveDate::from_ymd_opt(year, 1, 1);
    while let Some(d) = date.filter(|d| d.year() == year) {
        let mark = match (old.why(d), new.why(d)) {
            (Some(_), Some(n)) => Mark::Both(n),
            (None, Some(n)) => Mark::Added(n),
            (Some(o), None) => Mark::Removed(o),
            (None, None) => {
                Mark::Plain(weekly.is_some_and(|c| c.runtime.local_hours(d.weekday()).is_empty()))
            }
        };
        days.push((d, mark));
        date = d.succ_opt();
    }
    let mut ids: Vec<&str> = [old.calendar, new.calendar]
        .into_iter()
        .flatten()
        .map(|c| c.id.as_str())
        .collect();
    ids.dedup();
    Strip {
        year,
        calendars: ids.join(" → "),
        days,
    }
}

impl Strip {
    /// Whether any day is closed for a holiday or closure day.
    pub fn any(&self) -> bool {
        self.days.iter().any(|(_, m)| !matches!(m, Mark::Plain(_)))
    }

    /// The strip in words, for the text alternative.
    pub fn words(&self) -> String {
        let list = |pick: fn(&Mark) -> Option<&String>| {
            self.days
                .iter()
                .filter_map(|(d, m)| pick(m).map(|n| format!("{n} {d}")))
                .collect::<Vec<_>>()
        };
        let both = list(|m| match m {
            Mark::Both(n) => Some(n),
            _ => None,
        });
        let added = list(|m| match m {
            Mark::Added(n) => Some(n),
            _ => None,
        });
        let removed = list(|m| match m {
            Mark::Removed(n) => Some(n),
            _ => None,
        });
        let mut out = format!("Holidays in {} on {}:", self.year, self.calendars);
        if !added.is_empty() {
            out.push_str(&format!(
                " closed in the new version only, deadlines later: {};",
                added.join(", ")
            ));
        }
        if !removed.is_empty() {
            out.push_str(&format!(
                " closed in the old version only, deadlines earlier: {};",
                removed.join(", ")
            ));
        }
        if !both.is_empty() {
            out.push_str(&format!(" closed in both: {};", both.join(", ")));
        }
        out.pop();
        out.push('.');
        out
    }

    fn heading(&self) -> Vec<String> {
        wrap(
            &format!(
                "Holidays in {} on {}: • closed in both versions, + closed in the new version only (deadlines later), − closed in the old version only (deadlines earlier); shaded: a weekday the calendar never opens.",
                self.year, self.calendars
            ),
            TEXT_W,
        )
    }

    /// Its height in pixels.
    pub fn height(&self) -> f64 {
        15.0 * self.heading().len() as f64 + 16.0 + CELL_H * 12.0 + 12.0
    }

    /// Draws it with its top at `y`.
    pub fn draw(&self, svg: &mut Svg, y: f64) {
        let year = self.year.to_string();
        svg.open("g", &[("class", "policyc-year"), ("data-year", &year)]);
        let heading = self.heading();
        let top = lines(svg, 8.0, y + 12.0, &heading, true, INK) + 10.0;
        svg.open(
            "g",
            &[("font-size", "8"), ("fill", MUTED), ("aria-hidden", "true")],
        );
        for day in 1..=31 {
            let (x, yy) = (px(LEFT + CELL_W * (f64::from(day) - 0.5)), px(top - 3.0));
            svg.text(
                "text",
                &[("x", &x), ("y", &yy), ("text-anchor", "middle")],
                &day.to_string(),
            );
        }
        for (m, name) in MONTHS.iter().enumerate() {
            let (x, yy) = (px(LEFT - 6.0), px(top + CELL_H * (m as f64 + 0.5) + 3.0));
            svg.text(
                "text",
                &[
                    ("x", &x),
                    ("y", &yy),
                    ("text-anchor", "end"),
                    ("fill", INK),
                    ("font-size", "9"),
                ],
                name,
            );
        }
        svg.close("g");
        svg.open(
            "g",
            &[
                ("stroke", RULE),
                ("stroke-width", "0.5"),
                ("font-size", "9"),
                ("text-anchor", "middle"),
            ],
        );
        for (date, mark) in &self.days {
            let x = LEFT + CELL_W * f64::from(date.day0());
            let yy = top + CELL_H * f64::from(date.month0());
            let (fill, glyph, ink, state, tip) = match mark {
                Mark::Plain(false) => (PAPER, "", INK, "open", String::new()),
                Mark::Plain(true) => (CLOSED_DAY, "", INK, "weekend", String::new()),
                Mark::Both(n) => (
                    HOLIDAY,
                    "•",
                    INK,
                    "both",
                    format!("{date} {n}: closed in both versions"),
                ),
                Mark::Added(n) => (
                    Bucket::Later3.fill(),
                    "+",
                    Bucket::Later3.ink(),
                    "added",
                    format!("{date} {n}: closed in the new version only, deadlines later"),
                ),
                Mark::Removed(n) => (
                    Bucket::Earlier3.fill(),
                    "−",
                    Bucket::Earlier3.ink(),
                    "removed",
                    format!("{date} {n}: closed in the old version only, deadlines earlier"),
                ),
            };
            let (xs, ys, ws, hs) = (px(x), px(yy), px(CELL_W), px(CELL_H));
            let iso = date.to_string();
            let attrs = [
                ("x", xs.as_str()),
                ("y", ys.as_str()),
                ("width", ws.as_str()),
                ("height", hs.as_str()),
                ("fill", fill),
                ("data-date", iso.as_str()),
                ("data-holiday", state),
            ];
            if tip.is_empty() {
                svg.empty("rect", &attrs);
            } else {
                svg.with_title("rect", &attrs, &tip);
            }
            if !glyph.is_empty() {
                let (tx, ty) = (px(x + CELL_W / 2.0), px(yy + CELL_H / 2.0 + 3.5));
                svg.text(
                    "text",
                    &[
                        ("x", &tx),
                        ("y", &ty),
                        ("fill", ink),
                        ("stroke", "none"),
                        ("aria-hidden", "true"),
                    ],
                    glyph,
                );
            }
        }
        svg.close("g");
        svg.close("g");
    }
}
