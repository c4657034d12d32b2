//! The worked examples from the policy specification, plus edge cases.

mod common;

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate, TimeDelta, Weekday};
use common::{t, STOCKHOLM};
use policyc_runtime::{
    due, format_rfc3339, status, BusinessClock, Calendar, HolidayRule, OpeningHours, Pause,
    ResponseTarget, SlaError, SlaState, DEFAULT_AT_RISK_SHARE,
};

use ResponseTarget::{BusinessDays, BusinessHours, Hours24x7};

fn due_str(target: ResponseTarget, submitted: &str, pauses: &[Pause]) -> String {
    let d = due(&STOCKHOLM, target, t(submitted), pauses)
        .unwrap()
        .unwrap();
    format_rfc3339(&d)
}

#[test]
fn worked_examples() {
    let cases = [
        (
            "2026-03-13T15:30:00+01:00",
            BusinessDays(1),
            "2026-03-16T15:30:00+01:00",
        ),
        (
            "2026-03-14T10:00:00+01:00",
            BusinessDays(1),
            "2026-03-16T17:00:00+01:00",
        ),
        (
            "2026-03-16T17:00:00+01:00",
            BusinessDays(1),
            "2026-03-17T17:00:00+01:00",
        ),
        (
            "2026-04-02T14:00:00+02:00",
            BusinessDays(1),
            "2026-04-07T14:00:00+02:00",
        ),
        (
            "2026-04-06T11:00:00+02:00",
            BusinessDays(1),
            "2026-04-07T17:00:00+02:00",
        ),
        (
            "2026-03-27T13:00:00+01:00",
            BusinessDays(1),
            "2026-03-30T13:00:00+02:00",
        ),
        (
            "2026-10-23T16:00:00+02:00",
            BusinessDays(1),
            "2026-10-26T16:00:00+01:00",
        ),
        (
            "2026-03-29T00:30:00+01:00",
            Hours24x7(4),
            "2026-03-29T05:30:00+02:00",
        ),
        (
            "2026-10-25T00:30:00+02:00",
            Hours24x7(4),
            "2026-10-25T03:30:00+01:00",
        ),
        (
            "2027-03-25T15:00:00+01:00",
            BusinessDays(2),
            "2027-03-31T15:00:00+02:00",
        ),
        (
            "2026-05-13T16:00:00+02:00",
            BusinessDays(2),
            "2026-05-18T16:00:00+02:00",
        ),
        (
            "2026-12-23T10:00:00+01:00",
            BusinessDays(2),
            "2026-12-28T10:00:00+01:00",
        ),
    ];
    let mut clock = BusinessClock::new(&STOCKHOLM);
    for (submitted, target, expected) in cases {
        assert_eq!(
            due_str(target, submitted, &[]),
            expected,
            "{submitted} {target}"
        );
        let cached = clock.due(target, t(submitted), &[]).unwrap().unwrap();
        assert_eq!(
            format_rfc3339(&cached),
            expected,
            "cached {submitted} {target}"
        );
    }
    let pause = Pause::new(
        t("2026-06-12T17:00:00+02:00"),
        t("2026-06-12T18:30:00+02:00"),
    );
    assert_eq!(
        due_str(Hours24x7(4), "2026-06-12T16:00:00+02:00", &[pause]),
        "2026-06-12T21:30:00+02:00"
    );
}

#[test]
fn business_hours_and_best_effort() {
    assert_eq!(
        due_str(BusinessHours(3), "2026-03-16T15:00:00+01:00", &[]),
        "2026-03-17T10:00:00+01:00"
    );
    assert_eq!(
        due_str(BusinessHours(1), "2026-03-16T08:00:00+01:00", &[]),
        "2026-03-16T10:00:00+01:00"
    );
    assert_eq!(
        due(
            &STOCKHOLM,
            ResponseTarget::BestEffort,
            t("2026-03-16T08:00:00+01:00"),
            &[]
        ),
        Ok(None)
    );
    // A zero target is due at submission, even while closed.
    assert_eq!(
        due_str(BusinessDays(0), "2026-03-14T08:00:00+01:00", &[]),
        "2026-03-14T08:00:00+01:00"
    );
}

#[test]
fn overlapping_pauses_count_once() {
    let submitted = "2026-06-12T16:00:00+02:00";
    let a = Pause::new(
        t("2026-06-12T17:00:00+02:00"),
        t("2026-06-12T18:00:00+02:00"),
    );
    let b = Pause::new(
        t("2026-06-12T17:30:00+02:00"),
        t("2026-06-12T18:30:00+02:00"),
    );
    let c = Pause::new(
        t("2026-06-12T17:45:00+02:00"),
        t("2026-06-12T18:15:00+02:00"),
    );
    assert_eq!(
        due_str(Hours24x7(4), submitted, &[b, c, a, a]),
        "2026-06-12T21:30:00+02:00"
    );
    // An empty pause and one entirely before the submission change nothing.
    let empty = Pause::new(
        t("2026-06-12T18:00:00+02:00"),
        t("2026-06-12T18:00:00+02:00"),
    );
    let before = Pause::new(
        t("2026-06-01T00:00:00+02:00"),
        t("2026-06-12T16:00:00+02:00"),
    );
    assert_eq!(
        due_str(Hours24x7(4), submitted, &[empty, before]),
        "2026-06-12T20:00:00+02:00"
    );
}

#[test]
fn pauses_while_closed_do_not_move_business_due() {
    let submitted = "2026-03-13T15:30:00+01:00";
    let weekend = Pause::new(
        t("2026-03-13T17:00:00+01:00"),
        t("2026-03-16T09:00:00+01:00"),
    );
    let night = Pause::new(
        t("2026-03-16T17:00:00+01:00"),
        t("2026-03-17T08:00:00+01:00"),
    );
    assert_eq!(
        due_str(BusinessDays(1), submitted, &[weekend, night]),
        "2026-03-16T15:30:00+01:00"
    );
    // A pause inside opening hours does move it.
    let open = Pause::new(
        t("2026-03-16T10:00:00+01:00"),
        t("2026-03-16T11:00:00+01:00"),
    );
    assert_eq!(
        due_str(BusinessDays(1), submitted, &[open]),
        "2026-03-16T16:30:00+01:00"
    );
    // A pause reaching past closing time carries over to the next opening.
    let late = Pause::new(
        t("2026-03-16T15:00:00+01:00"),
        t("2026-03-17T09:30:00+01:00"),
    );
    assert_eq!(
        due_str(BusinessDays(1), submitted, &[late]),
        "2026-03-17T10:00:00+01:00"
    );
}

#[test]
fn errors() {
    let bad = Pause::new(
        t("2026-06-12T18:00:00+02:00"),
        t("2026-06-12T17:00:00+02:00"),
    );
    assert_eq!(
        due(
            &STOCKHOLM,
            Hours24x7(4),
            t("2026-06-12T16:00:00+02:00"),
            &[bad]
        ),
        Err(SlaError::PauseEndsBeforeStart)
    );
    assert_eq!(
        SlaError::PauseEndsBeforeStart.to_string(),
        "pause ends before it starts"
    );

    static EMPTY: Calendar = Calendar::from_static(chrono_tz::UTC, &[], &[], &[]);
    assert_eq!(
        due(&EMPTY, BusinessDays(1), t("2026-06-12T16:00:00+02:00"), &[]),
        Err(SlaError::NoDeadlineWithinHorizon)
    );
    // A 24x7 target needs no opening hours.
    assert!(
        due(&EMPTY, Hours24x7(1), t("2026-06-12T16:00:00+02:00"), &[])
            .unwrap()
            .is_some()
    );

    // Open only on Mondays, and every Monday is a holiday.
    static MONDAYS: [OpeningHours; 1] = [OpeningHours::new(Weekday::Mon, 540, 1020)];
    static ALL_MONDAYS: [HolidayRule; 1] = [HolidayRule::WeekdayBetween {
        name: "every Monday",
        weekday: Weekday::Mon,
        from_month: 1,
        from_day: 1,
        to_month: 12,
        to_day: 31,
    }];
    let mut closures = Vec::new();
    let mut d = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    while d.year() < 2040 {
        closures.push((d.year(), d.month() as u8, d.day() as u8));
        d = d.succ_opt().unwrap();
    }
    let closed = Calendar {
        tz: chrono_tz::Europe::Stockholm,
        hours: Cow::Borrowed(&MONDAYS),
        holidays: Cow::Borrowed(&ALL_MONDAYS),
        closures: Cow::Owned(closures),
    };
    assert_eq!(
        due(
            &closed,
            BusinessDays(1),
            t("2026-06-12T16:00:00+02:00"),
            &[]
        ),
        Err(SlaError::NoDeadlineWithinHorizon)
    );
    // A target longer than the horizon.
    assert_eq!(
        due(
            &STOCKHOLM,
            BusinessDays(5000),
            t("2026-06-12T16:00:00+02:00"),
            &[]
        ),
        Err(SlaError::NoDeadlineWithinHorizon)
    );
    // An eleven-year pause on a business clock: the pause is the cause, not
    // the calendar (which is open every weekday).
    let decade = Pause::new(
        t("2026-06-12T17:00:00+02:00"),
        t("2037-06-12T17:00:00+02:00"),
    );
    assert_eq!(
        due(
            &STOCKHOLM,
            BusinessDays(1),
            t("2026-06-12T16:00:00+02:00"),
            &[decade]
        ),
        Err(SlaError::PausedPastHorizon)
    );
    assert_eq!(
        SlaError::PausedPastHorizon.to_string(),
        "no deadline within 10 years: the clock is paused past them"
    );
    assert_eq!(
        due(
            &STOCKHOLM,
            BusinessDays(u32::MAX),
            t("2026-06-12T16:00:00+02:00"),
            &[]
        ),
        Err(SlaError::NoDeadlineWithinHorizon)
    );
    assert_eq!(
        due(
            &STOCKHOLM,
            Hours24x7(u32::MAX),
            t("2026-06-12T16:00:00+02:00"),
            &[]
        ),
        Err(SlaError::OutOfRange)
    );
    assert_eq!(
        due(
            &STOCKHOLM,
            BusinessDays(1),
            t("9999-06-12T16:00:00+02:00"),
            &[]
        ),
        Err(SlaError::OutOfRange)
    );
    assert_eq!(
        due(
            &STOCKHOLM,
            BusinessDays(5),
            t("2262-04-05T16:00:00+02:00"),
            &[]
        ),
        Err(SlaError::OutOfRange)
    );
}

#[test]
fn status_states() {
    let submitted = t("2026-03-16T09:00:00+01:00");
    let target = BusinessDays(1);
    let on_track = status(
        &STOCKHOLM,
        target,
        submitted,
        &[],
        t("2026-03-16T12:00:00+01:00"),
        DEFAULT_AT_RISK_SHARE,
    )
    .unwrap();
    assert_eq!(on_track.state, SlaState::OnTrack);
    assert_eq!(on_track.elapsed, TimeDelta::hours(3));
    assert_eq!(on_track.remaining, Some(TimeDelta::hours(5)));
    assert_eq!(on_track.overdue, None);
    assert_eq!(
        format_rfc3339(&on_track.due.unwrap()),
        "2026-03-16T17:00:00+01:00"
    );

    let at_risk = status(
        &STOCKHOLM,
        target,
        submitted,
        &[],
        t("2026-03-16T15:00:00+01:00"),
        DEFAULT_AT_RISK_SHARE,
    )
    .unwrap();
    assert_eq!(at_risk.state, SlaState::AtRisk);
    assert_eq!(at_risk.elapsed, TimeDelta::hours(6));
    assert_eq!(at_risk.remaining, Some(TimeDelta::hours(2)));

    // Exactly at the due instant: not yet breached.
    let at_due = status(
        &STOCKHOLM,
        target,
        submitted,
        &[],
        t("2026-03-16T17:00:00+01:00"),
        DEFAULT_AT_RISK_SHARE,
    )
    .unwrap();
    assert_eq!(at_due.state, SlaState::AtRisk);
    assert_eq!(at_due.remaining, Some(TimeDelta::zero()));

    let breached = status(
        &STOCKHOLM,
        target,
        submitted,
        &[],
        t("2026-03-17T10:00:00+01:00"),
        DEFAULT_AT_RISK_SHARE,
    )
    .unwrap();
    assert_eq!(breached.state, SlaState::Breached);
    assert_eq!(breached.elapsed, TimeDelta::hours(9));
    assert_eq!(breached.remaining, Some(TimeDelta::zero()));
    assert_eq!(breached.overdue, Some(TimeDelta::hours(17)));

    // Before submission nothing has elapsed.
    let early = status(
        &STOCKHOLM,
        target,
        submitted,
        &[],
        t("2026-03-15T10:00:00+01:00"),
        DEFAULT_AT_RISK_SHARE,
    )
    .unwrap();
    assert_eq!(early.state, SlaState::OnTrack);
    assert_eq!(early.elapsed, TimeDelta::zero());

    // Pauses are not counted.
    let pause = Pause::new(
        t("2026-03-16T10:00:00+01:00"),
        t("2026-03-16T14:00:00+01:00"),
    );
    let paused = status(
        &STOCKHOLM,
        target,
        submitted,
        &[pause],
        t("2026-03-16T15:00:00+01:00"),
        DEFAULT_AT_RISK_SHARE,
    )
    .unwrap();
    assert_eq!(paused.state, SlaState::OnTrack);
    assert_eq!(paused.elapsed, TimeDelta::hours(2));
    assert_eq!(
        format_rfc3339(&paused.due.unwrap()),
        "2026-03-17T13:00:00+01:00"
    );

    let best = status(
        &STOCKHOLM,
        ResponseTarget::BestEffort,
        submitted,
        &[],
        t("2026-03-16T15:00:00+01:00"),
        DEFAULT_AT_RISK_SHARE,
    )
    .unwrap();
    assert_eq!(best.state, SlaState::BestEffort);
    assert_eq!(best.due, None);
    assert_eq!(best.remaining, None);

    assert_eq!(
        status(&STOCKHOLM, target, submitted, &[], submitted, f64::NAN),
        Err(SlaError::InvalidAtRiskShare)
    );
    assert_eq!(
        status(&STOCKHOLM, target, submitted, &[], submitted, 1.5),
        Err(SlaError::InvalidAtRiskShare)
    );
}

#[test]
fn calendar_queries() {
    let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    assert_eq!(STOCKHOLM.is_holiday(d(2026, 6, 20)), Some("Midsummer Day"));
    assert_eq!(
        STOCKHOLM.is_holiday(d(2026, 10, 31)),
        Some("All Saints' Day")
    );
    assert_eq!(STOCKHOLM.is_holiday(d(2026, 4, 3)), Some("Good Friday"));
    assert_eq!(STOCKHOLM.is_holiday(d(2026, 4, 6)), Some("Easter Monday"));
    assert_eq!(STOCKHOLM.is_holiday(d(2026, 5, 14)), Some("Ascension Day"));
    assert_eq!(STOCKHOLM.is_holiday(d(2026, 4, 7)), None);
    assert!(!STOCKHOLM.is_business_day(d(2026, 3, 14)));
    assert!(STOCKHOLM.is_business_day(d(2026, 3, 16)));
    assert_eq!(STOCKHOLM.business_day_minutes(), 480);
    assert_eq!(STOCKHOLM.holidays_in(2026).len(), 13);
    assert!(STOCKHOLM.validate().is_ok());

    assert!(STOCKHOLM.is_open_at(t("2026-03-16T09:00:00+01:00")));
    assert!(STOCKHOLM.is_open_at(t("2026-03-16T16:59:59+01:00")));
    assert!(!STOCKHOLM.is_open_at(t("2026-03-16T17:00:00+01:00")));
    assert!(!STOCKHOLM.is_open_at(t("2026-03-16T08:59:59+01:00")));
    assert!(!STOCKHOLM.is_open_at(t("2026-04-03T10:00:00+02:00")));

    let intervals = STOCKHOLM.open_intervals_on(d(2026, 3, 30));
    assert_eq!(intervals.len(), 1);
    assert_eq!(intervals[0].0.to_rfc3339(), "2026-03-30T07:00:00+00:00");
    assert_eq!(intervals[0].1.to_rfc3339(), "2026-03-30T15:00:00+00:00");
    assert!(STOCKHOLM.open_intervals_on(d(2026, 3, 29)).is_empty());
}

#[test]
fn dst_gap_and_fold() {
    // Open 02:30–03:30 on Sundays: 02:30 does not exist on 2026-03-29 and maps
    // to 03:00 (+02:00); on 2026-10-25 it occurs twice and maps to the first.
    static SUNDAY_NIGHT: [OpeningHours; 1] = [OpeningHours::new(Weekday::Sun, 150, 210)];
    static CAL: Calendar =
        Calendar::from_static(chrono_tz::Europe::Stockholm, &SUNDAY_NIGHT, &[], &[]);
    let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let spring = CAL.open_intervals_on(d(2026, 3, 29));
    assert_eq!(spring.len(), 1);
    assert_eq!(spring[0].0.to_rfc3339(), "2026-03-29T01:00:00+00:00");
    assert_eq!(spring[0].1.to_rfc3339(), "2026-03-29T01:30:00+00:00");
    let autumn = CAL.open_intervals_on(d(2026, 10, 25));
    assert_eq!(autumn[0].0.to_rfc3339(), "2026-10-25T00:30:00+00:00");
    assert_eq!(autumn[0].1.to_rfc3339(), "2026-10-25T02:30:00+00:00");
    let due_spring = due(&CAL, BusinessHours(1), t("2026-03-28T12:00:00+01:00"), &[])
        .unwrap()
        .unwrap();
    // Only 30 minutes open that night; the rest the next Sunday.
    assert_eq!(format_rfc3339(&due_spring), "2026-04-05T03:00:00+02:00");
    let due_autumn = due(&CAL, BusinessHours(1), t("2026-10-24T12:00:00+02:00"), &[])
        .unwrap()
        .unwrap();
    assert_eq!(format_rfc3339(&due_autumn), "2026-10-25T02:30:00+01:00");
}

#[test]
fn validation_and_owned_calendars() {
    let cal = Calendar::new(
        chrono_tz::Europe::Stockholm,
        vec![
            OpeningHours::new(Weekday::Mon, 540, 720),
            OpeningHours::new(Weekday::Mon, 780, 1020),
            OpeningHours::new(Weekday::Mon, 600, 700),
            OpeningHours::new(Weekday::Tue, 1020, 540),
        ],
        vec![],
        vec![(2026, 3, 23), (2026, 2, 30)],
    );
    assert_eq!(cal.business_day_minutes(), 420);
    assert!(cal.validate().is_err());
    assert!(cal.is_closure(NaiveDate::from_ymd_opt(2026, 3, 23).unwrap()));
    // 2026-03-16 (Mon) 16:00 + 7 h of open time (1 h, then 3 h + 3 h on
    // 2026-03-30, skipping the closed 2026-03-23).
    assert_eq!(
        format_rfc3339(
            &due(&cal, BusinessDays(1), t("2026-03-16T16:00:00+01:00"), &[])
                .unwrap()
                .unwrap()
        ),
        "2026-03-30T16:00:00+02:00"
    );
}

#[test]
fn status_over_the_whole_supported_range_is_bounded() {
    let submitted = t("1677-09-22T00:00:00+00:00");
    let now = t("2262-04-10T00:00:00+00:00");
    let s = status(
        &STOCKHOLM,
        BusinessDays(1),
        submitted,
        &[],
        now,
        DEFAULT_AT_RISK_SHARE,
    )
    .unwrap();
    assert_eq!(s.state, SlaState::Breached);
    assert!(s.elapsed > TimeDelta::days(365 * 40));
}
