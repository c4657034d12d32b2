//! Values in document style: how the published policy writes them.
//!
//! `June 13, 2026`, `2 hours (24×7)`, `Best effort`, `✓`. Everything here is
//! a pure function of one value; values that need the rest of the policy
//! (references, prose) are written by [`super::Ctx`].

use crate::ast::{Clock, HolidayRule, Money, TimeUnit, WeeklyHours};
use crate::model::{Coverage, Incidents, ResponseTarget, Session};
use crate::value_text;
use chrono::{Datelike, Timelike, Weekday};

/// The English name of a month, 1-12; empty for anything else.
pub fn month_name(month: u32) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    month
        .checked_sub(1)
        .and_then(|i| NAMES.get(i as usize))
        .copied()
        .unwrap_or("")
}

/// `June 13, 2026`.
pub fn date(d: chrono::NaiveDate) -> String {
    format!("{} {}, {}", month_name(d.month()), d.day(), d.year())
}

/// `June 2026`.
pub fn month(year: i32, month: u32) -> String {
    format!("{} {year}", month_name(month))
}

/// `2–5`.
pub fn range(from: u64, to: u64) -> String {
    format!("{from}–{to}")
}

/// `€250/node/month`, `USD 250/hour`: the euro and the pound by their
/// sign, as the published text writes them; other currencies by code.
pub fn money(m: &Money) -> String {
    let sign = match m.currency.as_str() {
        "EUR" => "€",
        "GBP" => "£",
        _ => return value_text::money(m),
    };
    let coded = value_text::money(m);
    let amount = coded
        .strip_prefix(m.currency.as_str())
        .unwrap_or(&coded)
        .trim_start();
    format!("{sign}{amount}")
}

/// `12`, `Unlimited`, `N/A`.
pub fn incidents(i: Incidents) -> String {
    match i {
        Incidents::Count(n) => n.to_string(),
        Incidents::Unlimited => "Unlimited".to_owned(),
        Incidents::NotApplicable => "N/A".to_owned(),
    }
}

/// A response target as a grid cell: `1 business day`, `2 hours (24×7)`,
/// `Best effort`, `N/A`.
pub fn target(t: &ResponseTarget) -> String {
    match t {
        ResponseTarget::Within(within)
            if within.clock == Clock::Continuous && within.unit != TimeUnit::Days =>
        {
            format!("{} (24×7)", target_short(t))
        }
        other => target_short(other),
    }
}

/// A response target without its clock, as the comparison matrix writes
/// it: `1 business day`, `2 hours`.
pub fn target_short(t: &ResponseTarget) -> String {
    match t {
        ResponseTarget::BestEffort => "Best effort".to_owned(),
        ResponseTarget::NotApplicable => "N/A".to_owned(),
        ResponseTarget::Within(t) if t.clock == Clock::Continuous && t.unit != TimeUnit::Days => {
            count(t.amount, t.unit)
        }
        ResponseTarget::Within(t) => value_text::within(t),
    }
}

fn count(n: u32, unit: TimeUnit) -> String {
    format!("{n} {}", value_text::unit_word(n, unit))
}

/// `20 members`, `12 hours/quarter`, `Unlimited`, `N/A`.
pub fn limit(l: &crate::model::Limit) -> String {
    match l {
        crate::model::Limit::Amount(q) => value_text::quantity(q),
        crate::model::Limit::Unlimited => "Unlimited".to_owned(),
        crate::model::Limit::NotApplicable => "N/A".to_owned(),
    }
}

/// `✓`, `–`, `N/S`, `PSA`.
pub fn coverage(c: Coverage) -> &'static str {
    match c {
        Coverage::Supported => "✓",
        Coverage::NotAvailable => "–",
        Coverage::NotSupported => "N/S",
        Coverage::Psa => "PSA",
    }
}

/// `Unlimited`, `2 hours`, `–`.
pub fn session(s: Session) -> String {
    match s {
        Session::Unlimited => "Unlimited".to_owned(),
        Session::Minutes(m) => value_text::duration(m),
        Session::NotAvailable => "–".to_owned(),
    }
}

/// `✓` or `–`.
pub fn yes_no(b: bool) -> &'static str {
    if b {
        "✓"
    } else {
        "–"
    }
}

/// `Monday – Friday, 09:00 – 17:00`.
pub fn weekly(w: &WeeklyHours) -> String {
    let days = if w.from == w.to {
        weekday(w.from).to_owned()
    } else {
        format!("{} – {}", weekday(w.from), weekday(w.to))
    };
    format!(
        "{days}, {} – {}",
        value_text::clock_time(w.open),
        value_text::clock_time(w.close)
    )
}

/// `Monday`.
pub fn weekday(d: Weekday) -> &'static str {
    match d {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// A holiday rule in words: `December 25`, `Easter Sunday + 39 days`,
/// `the Saturday from 20 to 26 June`.
pub fn holiday(h: &HolidayRule) -> String {
    match *h {
        HolidayRule::Fixed { month, day } => format!("{} {day}", month_name(month)),
        HolidayRule::Easter { days: 0 } => "Easter Sunday".to_owned(),
        HolidayRule::Easter { days } => {
            let sign = if days > 0 { '+' } else { '-' };
            let n = days.unsigned_abs();
            let unit = if n == 1 { "day" } else { "days" };
            format!("Easter Sunday {sign} {n} {unit}")
        }
        HolidayRule::WeekdayBetween {
            weekday: w,
            from,
            to,
        } => {
            let span = if from.0 == to.0 {
                format!("{} to {} {}", from.1, to.1, month_name(to.0))
            } else {
                format!(
                    "{} {} to {} {}",
                    from.1,
                    month_name(from.0),
                    to.1,
                    month_name(to.0)
                )
            };
            format!("the {} from {span}", weekday(w))
        }
    }
}

/// `March 13, 2026, 15:30 (UTC+01:00)`.
pub fn instant(i: &chrono::DateTime<chrono::FixedOffset>) -> String {
    format!(
        "{}, {:02}:{:02} (UTC{})",
        date(i.date_naive()),
        i.hour(),
        i.minute(),
        i.offset()
    )
}

/// `a, b, or c`; `a or b`; `a`.
pub fn join_or(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [a, b] => format!("{a} or {b}"),
        [init @ .., last] => format!("{}, or {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_months() {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 6, 13);
        assert_eq!(d.map(date).as_deref(), Some("June 13, 2026"));
        assert_eq!(month(2026, 6), "June 2026");
        assert_eq!(month_name(13), "");
    }

    #[test]
    fn holidays_in_words() {
        assert_eq!(
            holiday(&HolidayRule::Easter { days: 39 }),
            "Easter Sunday + 39 days"
        );
        assert_eq!(
            holiday(&HolidayRule::Easter { days: -2 }),
            "Easter Sunday - 2 days"
        );
        assert_eq!(
            holiday(&HolidayRule::WeekdayBetween {
                weekday: Weekday::Sat,
                from: (6, 20),
                to: (6, 26)
            }),
            "the Saturday from 20 to 26 June"
        );
        assert_eq!(
            holiday(&HolidayRule::Fixed { month: 12, day: 25 }),
            "December 25"
        );
    }

    #[test]
    fn targets() {
        use crate::ast::Target;
        let t = ResponseTarget::Within(Target::hours_24x7(2));
        assert_eq!(target(&t), "2 hours (24×7)");
        assert_eq!(target_short(&t), "2 hours");
        assert_eq!(
            target(&ResponseTarget::Within(Target::business_days(2))),
            "2 business days"
        );
        let minutes = Target::new(15, TimeUnit::Minutes, Clock::Continuous);
        assert_eq!(
            target(&ResponseTarget::Within(minutes)),
            "15 minutes (24×7)"
        );
        let days = Target::new(5, TimeUnit::Days, Clock::Continuous);
        assert_eq!(target(&ResponseTarget::Within(days)), "5 days");
        let on = Target {
            on: Some("us-hours".into()),
            ..Target::new(30, TimeUnit::Minutes, Clock::Business)
        };
        assert_eq!(
            target(&ResponseTarget::Within(on)),
            "30 business minutes on us-hours"
        );
    }

    #[test]
    fn money_by_sign() {
        let m = Money {
            currency: "EUR".to_owned(),
            minor: 25000,
            per: vec!["node".to_owned(), "month".to_owned()],
        };
        assert_eq!(money(&m), "€250/node/month");
    }
}
