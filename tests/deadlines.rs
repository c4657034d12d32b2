//! Deciding which of two response targets is later by their deadlines
//! (`facts::deadlines`, the runtime's `deadlines::compare`): agreement with
//! a brute-force sweep of the runtime's clock around changes of summer
//! time, and the order checks W501/W502 that use it.

use chrono::{DateTime, NaiveDate, TimeDelta, Utc, Weekday};
use policyc::ast::{Clock, Target, TimeUnit};
use policyc::codes::Code;
use policyc::facts::calendars::CalendarFacts;
use policyc::facts::deadlines::{compare, Order, Placed};
use policyc::model::ResponseTarget;
use policyc_runtime::deadlines::Direction;
use policyc_runtime::{BusinessClock, Calendar, HolidayRule, OpeningHours};
use proptest::prelude::*;

fn calendar_facts(id: &str, runtime: Calendar) -> CalendarFacts {
    CalendarFacts {
        index: 0,
        id: id.to_owned(),
        runtime,
        holidays: Vec::new(),
        customer_zone: false,
        replaceable: false,
        order_form_only: false,
    }
}

/// A calendar in `zone`, open `open`..`close` (minutes) on the weekdays
/// `days` (0 = Monday), with a holiday on `holiday` (month, day) if any.
fn runtime_calendar(
    zone: &str,
    days: &[u8],
    open: u16,
    close: u16,
    holiday: Option<(u8, u8)>,
) -> Calendar {
    const WEEK: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];
    Calendar::new(
        zone.parse().expect("a zone"),
        days.iter()
            .map(|&d| OpeningHours::new(WEEK[usize::from(d)], open, close))
            .collect(),
        holiday
            .map(|(month, day)| HolidayRule::Fixed {
                name: "holiday",
                month,
                day,
            })
            .into_iter()
            .collect(),
        Vec::new(),
    )
}

fn target(amount: u32, unit: TimeUnit, clock: Clock) -> ResponseTarget {
    ResponseTarget::Within(Target {
        amount,
        unit,
        clock,
        on: None,
    })
}

/// Brute force with the runtime's clock: every 15 minutes and the
/// nanosecond before each (all boundaries and amounts are whole quarters of
/// an hour, so the deadlines' difference is linear between two quarters and
/// these samples see every sign it takes).
fn sweep(
    old: (&ResponseTarget, &Calendar),
    new: (&ResponseTarget, &Calendar),
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> (Direction, i64, i64) {
    let (mut a, mut b) = (BusinessClock::new(old.1), BusinessClock::new(new.1));
    let (x, y) = (
        old.0.runtime().expect("a target"),
        new.0.runtime().expect("a target"),
    );
    let (mut later, mut earlier) = (0_i64, 0_i64);
    let mut t = from;
    while t < to {
        for s in [t - TimeDelta::nanoseconds(1), t] {
            if s < from {
                continue;
            }
            let s = s.fixed_offset();
            let p = a.due(x, s, &[]).expect("due").expect("a deadline");
            let q = b.due(y, s, &[]).expect("due").expect("a deadline");
            let d = (q - p).num_nanoseconds().expect("fits");
            later = later.max(d);
            earlier = earlier.max(-d);
        }
        t += TimeDelta::minutes(15);
    }
    let direction = match (later > 0, earlier > 0) {
        (false, false) => Direction::Same,
        (true, false) => Direction::Later,
        (false, true) => Direction::Earlier,
        (true, true) => Direction::Mixed,
    };
    (direction, later, earlier)
}

fn arb_target() -> impl Strategy<Value = ResponseTarget> {
    (
        prop_oneof![
            Just(TimeUnit::Minutes),
            Just(TimeUnit::Hours),
            Just(TimeUnit::Days)
        ],
        prop_oneof![Just(Clock::Business), Just(Clock::Continuous)],
        1u32..5,
    )
        .prop_map(|(unit, clock, n)| {
            let amount = match unit {
                TimeUnit::Minutes => n * 15,
                TimeUnit::Hours => n * 4 - 3,
                TimeUnit::Days => n.min(2),
            };
            target(amount, unit, clock)
        })
}

fn arb_calendar() -> impl Strategy<Value = Calendar> {
    (
        prop_oneof![
            Just("Europe/Stockholm"),
            Just("UTC"),
            Just("America/New_York")
        ],
        prop_oneof![
            Just(vec![0u8, 1, 2, 3, 4]),
            Just(vec![0u8, 1, 2, 3]),
            Just(vec![0u8, 1, 2, 3, 4, 5]),
        ],
        (28u16..44, 2u16..40),
        // A holiday inside the window (Good Friday 2026 is 3 April; 30
        // March is the Monday after summer time starts in Europe), or none.
        prop_oneof![Just(None), Just(Some((3u8, 30u8))), Just(Some((4u8, 3u8)))],
    )
        .prop_map(|(zone, days, (open, len), holiday)| {
            let (open, close) = (open * 15, (open + len).min(96) * 15);
            runtime_calendar(zone, &days, open, close, holiday)
        })
}

/// Three weeks around the start of summer time in Europe (29 March 2026)
/// and in America (8 March 2026).
fn window() -> (DateTime<Utc>, DateTime<Utc>) {
    let from = NaiveDate::from_ymd_opt(2026, 3, 2)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .expect("a date")
        .and_utc();
    (from, from + TimeDelta::days(42))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    /// The exact comparison (and its fast paths) gives the direction and the
    /// largest moves a brute-force sweep of the runtime's clock finds.
    #[test]
    fn the_direction_agrees_with_a_sweep(
        x in arb_target(),
        y in arb_target(),
        ka in arb_calendar(),
        kb in prop_oneof![Just(None), arb_calendar().prop_map(Some)],
    ) {
        // Half the cases compare on one calendar (the fast path for two
        // business targets).
        let kb = kb.unwrap_or_else(|| ka.clone());
        let (fa, fb) = (calendar_facts("a", ka.clone()), calendar_facts("b", kb.clone()));
        let (from, to) = window();
        let order = compare(
            Placed { target: &x, calendar: Some(&fa) },
            Placed { target: &y, calendar: Some(&fb) },
            (from, to),
        );
        let order = order.map_err(TestCaseError::fail)?;
        let (brute, later, earlier) = sweep((&x, &ka), (&y, &kb), from, to);
        prop_assert_eq!(order.direction(), brute, "{:?} on {:?} vs {:?} on {:?}", x, ka.hours, y, kb.hours);
        // The largest moves too, to the nanosecond the samples miss.
        if let Order::Swept(c) = order {
            prop_assert!((c.later.largest - later).abs() <= 1, "later: {} vs {}", c.later.largest, later);
            prop_assert!((c.earlier.largest - earlier).abs() <= 1, "earlier: {} vs {}", c.earlier.largest, earlier);
        }
    }
}

const V1_0: &str = include_str!("../policies/customer-support/v1.0.policy");

/// The order warnings of customer-support v1.0 with its Enterprise SEV-2
/// and SEV-3 targets replaced (Advanced answers both in 1 business day, on
/// the 8-hour calendar `business-hours`; Enterprise ranks above it).
fn warnings(sev2: &str, sev3: &str) -> Vec<Code> {
    let rows = [
        (
            "| sev-2 | best-effort (forums) | 1 business day  |",
            "4 hours 24x7    |",
            sev2,
        ),
        (
            "| sev-3 | best-effort (forums) | 1 business day  |",
            "1 business day  |",
            sev3,
        ),
    ];
    let mut edited = V1_0.to_owned();
    for (head, cell, target) in rows {
        let row = format!("{head} {cell}");
        assert!(edited.contains(&row), "v1.0 has the row {row}");
        edited = edited.replacen(&row, &format!("{head} {target} |"), 1);
    }
    // Worked examples of the edited cells no longer hold (E421): only the
    // order warnings matter here.
    policyc::check_source(&edited)
        .diagnostics
        .iter()
        .map(|d| d.code)
        .filter(|c| matches!(c, Code::W501 | Code::W502))
        .collect()
}

#[test]
fn no_order_warning_for_equal_or_mixed_deadlines() {
    // SEV-2 in 1 business day, SEV-3 in 8 business hours: the same
    // deadlines on an 8-hour calendar, no W501 (the order of amounts alone
    // called SEV-2 slower).
    assert_eq!(warnings("1 business day", "8 business hours"), []);
    // 24 hours 24x7 against 1 business day: later for some submissions,
    // earlier for others; no warning either way.
    assert_eq!(warnings("24 hours 24x7", "1 business day"), []);
    // 16 business hours is never earlier than Advanced's 1 business day,
    // and 24 business hours never earlier than SEV-4's 2 business days.
    assert_eq!(warnings("4 hours 24x7", "16 business hours"), [Code::W502]);
    let w = warnings("4 hours 24x7", "24 business hours");
    assert!(w.contains(&Code::W501) && w.contains(&Code::W502), "{w:?}");
}
