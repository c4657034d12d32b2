//! A tier's coverage: for its first-response targets, the hours of the
//! week the clock runs, one week grid (days down, hours across) per clock.
//!
//! Severities whose targets run on the same clock share a grid: 24x7
//! targets run every hour; business targets run during the opening hours
//! of their calendar, in its zone (or the customer's, for a calendar with
//! `customer-zone: yes`), and stop on its holidays; best effort has no
//! clock, and a calendar only an order form defines has no hours to draw.

use super::palette::{INK, MUTED, PAPER, RULE, RUNNING};
use super::svg::{id_part, px, Svg};
use super::targets::tier_targets;
use super::week::{axes, day_name, lines, root, wrap, DAYS};
use crate::emit::markdown::weekday as day_word;
use crate::facts::calendars::CalendarFacts;
use crate::facts::deadlines::Placed;
use crate::facts::Valid;
use crate::schema::Role;
use crate::value_text::clock_time;
use crate::value_text::target as target_text;
use policyc_runtime::Clock;

const LEFT: f64 = 44.0;
const CELL_W: f64 = 18.0;
const CELL_H: f64 = 14.0;
const WIDTH: f64 = LEFT + CELL_W * 24.0 + 24.0;
const TEXT_W: f64 = WIDTH - 16.0;

/// The clock a group of severities shares.
#[derive(Clone, Copy, Debug)]
enum Runs<'v> {
    /// No deadline.
    Never,
    /// Every hour.
    Always,
    /// The opening hours of a calendar (`None`: the policy gives none).
    Open(Option<&'v CalendarFacts>),
}

impl Runs<'_> {
    fn of<'v>(placed: &Placed<'v>) -> Runs<'v> {
        match placed.target.runtime().and_then(|t| t.clock()) {
            None => Runs::Never,
            Some(Clock::Continuous) => Runs::Always,
            Some(Clock::Business) => Runs::Open(placed.calendar),
        }
    }

    fn same(&self, other: &Runs<'_>) -> bool {
        match (self, other) {
            (Runs::Never, Runs::Never) | (Runs::Always, Runs::Always) => true,
            (Runs::Open(a), Runs::Open(b)) => a.map(|c| c.index) == b.map(|c| c.index),
            _ => false,
        }
    }

    fn name(&self) -> &'static str {
        match self {
            Runs::Never => "best-effort",
            Runs::Always => "24x7",
            Runs::Open(_) => "business",
        }
    }
}

/// One grid: the severities (with their targets as written) on one clock.
struct Group<'v> {
    runs: Runs<'v>,
    severities: Vec<(Option<String>, String)>,
}

/// The tier's coverage as an inline `<svg role="img">`; `None` when the
/// tier has no first-response target (or is not a tier).
pub fn coverage(valid: &Valid, tier_id: &str) -> Option<String> {
    let targets = tier_targets(valid, tier_id);
    if targets.is_empty() {
        return None;
    }
    let policy = valid.policy();
    let tier_title = policy.get(tier_id)?.display().to_owned();
    let mut groups: Vec<Group<'_>> = Vec::new();
    for (severity, placed) in &targets {
        let runs = Runs::of(placed);
        let target = target_text(placed.target);
        match groups.iter_mut().find(|g| g.runs.same(&runs)) {
            Some(g) => g.severities.push((severity.clone(), target)),
            None => groups.push(Group {
                runs,
                severities: vec![(severity.clone(), target)],
            }),
        }
    }
    let severity_title = |id: &Option<String>| match id {
        Some(id) => policy
            .get(id)
            .map_or_else(|| id.clone(), |d| d.display().to_owned()),
        None => "every severity".to_owned(),
    };
    // The text of each group: who, and when the clock runs.
    let texts: Vec<(String, String)> = groups
        .iter()
        .map(|g| {
            let who = g
                .severities
                .iter()
                .map(|(s, t)| format!("{}: {t}", severity_title(s)))
                .collect::<Vec<_>>()
                .join("; ");
            (who, when(&g.runs, valid))
        })
        .collect();
    let metric = metric_name(valid);
    let title = format!("When the clock runs for {tier_title} ({metric})");
    let mut desc = format!(
        "For each severity of {tier_title}, the hours of the week the clock of its {metric} targets runs."
    );
    for ((who, when), g) in texts.iter().zip(&groups) {
        desc.push_str(&format!(" {who}. {when}"));
        if let Runs::Open(Some(c)) = g.runs {
            if !c.order_form_only {
                desc.push_str(&format!(" Open: {}.", open_words(c)));
            }
        }
    }
    // Layout: each group's lines, then its grid.
    let mut height = 10.0;
    let mut laid = Vec::new();
    for ((who, when), g) in texts.iter().zip(&groups) {
        let who = wrap(who, TEXT_W);
        let when = wrap(when, TEXT_W);
        let grid = drawable(&g.runs);
        let top = height;
        height += 15.0 * (who.len() + when.len()) as f64 + 4.0;
        let grid_y = height + 14.0;
        if grid {
            height = grid_y + CELL_H * 7.0 + 12.0;
        } else {
            height += 6.0;
        }
        laid.push((top, who, when, grid_y));
    }
    // A legend only under grids: clocks in words alone need none.
    let any_grid = groups.iter().any(|g| drawable(&g.runs));
    let legend_y = height + 4.0;
    if any_grid {
        height = legend_y + 24.0;
    }

    let mut svg = Svg::new();
    let id = format!("policyc-coverage-{}", id_part(tier_id));
    root(
        &mut svg,
        "policyc-coverage",
        &id,
        (WIDTH, height),
        &title,
        &desc,
    );
    for ((top, who, when, grid_y), g) in laid.iter().zip(&groups) {
        let severities = g
            .severities
            .iter()
            .filter_map(|(s, _)| s.clone())
            .collect::<Vec<_>>()
            .join(" ");
        svg.open(
            "g",
            &[
                ("class", "policyc-clock"),
                ("data-clock", g.runs.name()),
                ("data-severities", &severities),
            ],
        );
        let y = lines(&mut svg, 8.0, top + 12.0, who, true, INK);
        lines(&mut svg, 8.0, y, when, false, MUTED);
        if drawable(&g.runs) {
            week(&mut svg, &g.runs, *grid_y);
        }
        svg.close("g");
    }
    if any_grid {
        legend(&mut svg, legend_y);
    }
    svg.close("svg");
    Some(svg.finish())
}

/// What the targets drawn measure: the title of the metric whose grid
/// decides the response targets (`Initial response`, `Resolution`), or
/// `first response` for a policy that declares no metric.
fn metric_name(valid: &Valid) -> String {
    let grid = valid
        .grid(Role::ResponseTargets)
        .and_then(|g| valid.policy().index_of(g.id.as_str()));
    valid
        .metrics()
        .iter()
        .find(|m| Some(m.grid) == grid && m.decl.is_some())
        .map_or_else(|| "first response".to_owned(), |m| m.title.clone())
}

/// Whether a clock has hours to draw.
fn drawable(runs: &Runs<'_>) -> bool {
    match runs {
        Runs::Never | Runs::Open(None) => false,
        Runs::Always => true,
        Runs::Open(Some(c)) => !c.order_form_only,
    }
}

/// When the clock runs, in words.
fn when(runs: &Runs<'_>, valid: &Valid) -> String {
    let title = |c: &CalendarFacts| {
        valid
            .policy()
            .decls
            .get(c.index)
            .map_or_else(|| c.id.clone(), |d| d.display().to_owned())
    };
    match runs {
        Runs::Never => "Best effort: no deadline, no clock.".to_owned(),
        Runs::Always => "The clock runs around the clock, every hour of the week.".to_owned(),
        Runs::Open(None) => {
            "The clock runs during business hours; the policy names no calendar.".to_owned()
        }
        Runs::Open(Some(c)) if c.order_form_only => format!(
            "The clock runs during the hours of {}, which each customer's order form sets.",
            title(c)
        ),
        Runs::Open(Some(c)) => {
            let zone = if c.customer_zone {
                "in the customer's time zone".to_owned()
            } else {
                format!("time zone {}", c.runtime.tz.name())
            };
            let holidays = if c.holidays.is_empty() && c.runtime.closures.is_empty() {
                ""
            } else {
                " and stops on its holidays"
            };
            format!(
                "The clock runs during the opening hours of {} ({zone}){holidays}.",
                title(c)
            )
        }
    }
}

/// A calendar's week in words: `Monday 09:00–17:00, Tuesday ...`.
fn open_words(c: &CalendarFacts) -> String {
    let days: Vec<String> = DAYS
        .iter()
        .filter_map(|&d| {
            let spans = c.runtime.local_hours(d);
            if spans.is_empty() {
                return None;
            }
            let spans: Vec<String> = spans
                .iter()
                .map(|&(o, e)| format!("{}–{}", clock_time(u32::from(o)), clock_time(u32::from(e))))
                .collect();
            Some(format!("{} {}", day_word(d), spans.join(", ")))
        })
        .collect();
    if days.is_empty() {
        "never".to_owned()
    } else {
        days.join("; ")
    }
}

/// The grid of one clock, top at `y`: every cell framed, the hours it runs
/// filled, each span a rectangle with its day and minutes as data.
fn week(svg: &mut Svg, runs: &Runs<'_>, y: f64) {
    axes(svg, LEFT, y, CELL_W, CELL_H);
    svg.open(
        "g",
        &[
            ("fill", PAPER),
            ("stroke", RULE),
            ("stroke-width", "0.5"),
            ("aria-hidden", "true"),
        ],
    );
    for row in 0..7 {
        for hour in 0..24 {
            let (x, yy, w, h) = (
                px(LEFT + CELL_W * hour as f64),
                px(y + CELL_H * row as f64),
                px(CELL_W),
                px(CELL_H),
            );
            svg.empty(
                "rect",
                &[("x", &x), ("y", &yy), ("width", &w), ("height", &h)],
            );
        }
    }
    svg.close("g");
    svg.open(
        "g",
        &[("fill", RUNNING), ("stroke", INK), ("stroke-width", "0.5")],
    );
    for (row, &day) in DAYS.iter().enumerate() {
        let spans: Vec<(u16, u16)> = match runs {
            Runs::Always => vec![(0, 1440)],
            Runs::Open(Some(c)) => c.runtime.local_hours(day),
            _ => Vec::new(),
        };
        for (open, close) in spans {
            let x = LEFT + CELL_W * f64::from(open) / 60.0;
            let w = CELL_W * f64::from(close - open) / 60.0;
            let (xs, ys, ws, hs) = (px(x), px(y + CELL_H * row as f64), px(w), px(CELL_H));
            let (o, c) = (open.to_string(), close.to_string());
            let tip = format!(
                "{} {}–{}: the clock runs",
                day_name(day),
                clock_time(u32::from(open)),
                clock_time(u32::from(close))
            );
            svg.with_title(
                "rect",
                &[
                    ("x", &xs),
                    ("y", &ys),
                    ("width", &ws),
                    ("height", &hs),
                    ("data-day", day_name(day)),
                    ("data-open-minute", &o),
                    ("data-close-minute", &c),
                ],
                &tip,
            );
        }
    }
    svg.close("g");
}

/// The legend: a filled cell for the hours the clock runs, an empty one
/// for the hours it stands still.
fn legend(svg: &mut Svg, y: f64) {
    svg.open("g", &[("class", "policyc-legend"), ("aria-hidden", "true")]);
    let items = [
        (RUNNING, INK, "clock runs"),
        (PAPER, RULE, "clock stopped (closed, weekend or holiday)"),
    ];
    let mut x = 8.0;
    for (fill, stroke, label) in items {
        let (xs, ys) = (px(x), px(y));
        svg.empty(
            "rect",
            &[
                ("x", &xs),
                ("y", &ys),
                ("width", "18"),
                ("height", "14"),
                ("fill", fill),
                ("stroke", stroke),
                ("stroke-width", "0.5"),
            ],
        );
        let (tx, ty) = (px(x + 24.0), px(y + 11.0));
        svg.text("text", &[("x", &tx), ("y", &ty), ("fill", INK)], label);
        x += 24.0 + label.chars().count() as f64 * 6.2 + 16.0;
    }
    svg.close("g");
}
