//! Calendars as the SLA clock runs them: each `calendar` declaration built
//! once into a [`policyc_runtime::Calendar`], with the holidays it holds
//! and those of the holiday sets it includes (`holidays: [..]`).

use crate::ast::HolidayRule;
use crate::model::view::{CalendarDecl, HolidayDecl, HolidaysDecl, View};
use crate::model::Policy;
use crate::schema::Observance;
use chrono::Datelike;
use chrono_tz::Tz;
use policyc_runtime as rt;

/// The name every runtime holiday built here carries: runtime holiday names
/// are `&'static str`, so the real names stay in the model (see
/// [`CalendarFacts::closed_because`]).
pub const HOLIDAY_NAME: &str = "holiday";

/// One calendar, ready for the clock.
#[derive(Clone, Debug)]
pub struct CalendarFacts {
    /// The `calendar` declaration's index in the model.
    pub index: usize,
    /// Its id.
    pub id: String,
    /// The runtime calendar: zone, weekly hours, holidays, closure days.
    pub runtime: rt::Calendar,
    /// The holiday declarations it holds, with their runtime rules, in
    /// document order, then those of each holiday set it includes, in the
    /// order of its `holidays:`.
    pub holidays: Vec<(usize, rt::HolidayRule)>,
    /// Whether its hours are in the customer's zone (`customer-zone: yes`);
    /// `runtime` then has the policy's default zone.
    pub customer_zone: bool,
    /// Whether an order form may replace it (`order-form-overrides: yes`).
    pub replaceable: bool,
    /// Whether only an order form defines it (it may replace it, and the
    /// policy states no zone or hours): `runtime` is then never open, and
    /// a deadline on it needs the customer's calendar.
    pub order_form_only: bool,
}

impl CalendarFacts {
    /// Builds the calendar of the declaration at `index`; `Err` says why it
    /// cannot be used (only on a model with errors).
    pub fn build(policy: &Policy, index: usize) -> Result<CalendarFacts, String> {
        let decl = policy
            .decls
            .get(index)
            .and_then(CalendarDecl::of)
            .ok_or_else(|| "is not a calendar".to_owned())?;
        let replaceable = decl.order_form_overrides().unwrap_or(false);
        let order_form_only = replaceable && (decl.zone().is_none() || decl.open().is_none());
        let tz: Tz = match decl.zone() {
            None if order_form_only => Tz::UTC,
            zone => zone
                .and_then(|z| z.parse().ok())
                .ok_or_else(|| "has no known time zone".to_owned())?,
        };
        let mut hours = Vec::new();
        for w in decl.open().unwrap_or_default() {
            let (Ok(open), Ok(close)) = (u16::try_from(w.open), u16::try_from(w.close)) else {
                return Err("has opening hours past midnight".to_owned());
            };
            for day in w.days() {
                hours.push(rt::OpeningHours::new(day, open, close));
            }
        }
        let mut holidays = Vec::new();
        for child in holiday_indices(policy, index) {
            let Some(holiday) = policy.decls.get(child).and_then(HolidayDecl::of) else {
                continue;
            };
            let Some(rule) = holiday.on() else { continue };
            let rule = runtime_holiday(rule, holiday.observed(), HOLIDAY_NAME)
                .ok_or_else(|| format!("has a holiday out of range (`{}`)", holiday.id.as_str()))?;
            holidays.push((child, rule));
        }
        let closures = decl
            .closed()
            .unwrap_or_default()
            .iter()
            // Months and days of a valid date fit in a byte.
            .map(|d| (d.year(), d.month() as u8, d.day() as u8))
            .collect();
        let runtime = rt::Calendar::new(
            tz,
            hours,
            holidays.iter().map(|(_, rule)| *rule).collect(),
            closures,
        );
        runtime
            .validate()
            .map_err(|e| format!("cannot be used: {e}"))?;
        Ok(CalendarFacts {
            index,
            id: decl.id.value.clone(),
            runtime,
            holidays,
            customer_zone: decl.customer_zone().unwrap_or(false),
            replaceable,
            order_form_only,
        })
    }

    /// Why the calendar is closed all day on `date`: the holiday that falls
    /// then (its declaration's index), or `None` inside `Some` for an
    /// extra closure day; `None` on a day it is not closed for either.
    pub fn closed_because(&self, date: chrono::NaiveDate) -> Option<Option<usize>> {
        let year = date.year();
        for (index, rule) in &self.holidays {
            if rule.dates_near(year).any(|d| d == date) {
                return Some(Some(*index));
            }
        }
        self.runtime.is_closure(date).then_some(None)
    }
}

/// The holiday declarations a calendar gets: its own, in document order,
/// then those of each holiday set it includes, in the order of its
/// `holidays:` (a reference that does not resolve to a set gives none).
pub fn holiday_indices(policy: &Policy, index: usize) -> Vec<usize> {
    let Some(calendar) = policy.decls.get(index).and_then(CalendarDecl::of) else {
        return Vec::new();
    };
    let mut out: Vec<usize> = policy.children(index).collect();
    for set in calendar.holidays().iter() {
        let Some(at) = policy.index_of(set) else {
            continue;
        };
        if policy.decls.get(at).and_then(HolidaysDecl::of).is_some() {
            out.extend(policy.children(at));
        }
    }
    out.retain(|&i| policy.decls.get(i).and_then(HolidayDecl::of).is_some());
    out
}

/// The runtime's observance of the schema's.
pub fn runtime_observance(observance: Observance) -> rt::Observance {
    match observance {
        Observance::NearestWeekday => rt::Observance::NearestWeekday,
        Observance::NextWeekday => rt::Observance::NextWeekday,
        Observance::SundayToMonday => rt::Observance::SundayToMonday,
    }
}

/// A model holiday rule, observed as `observed` says, as a runtime one
/// named `name`; `None` when a month, day or offset does not fit the
/// runtime's types, or when an observance is given for a date that is not
/// a fixed day (E217).
pub fn runtime_holiday(
    rule: &HolidayRule,
    observed: Option<Observance>,
    name: &'static str,
) -> Option<rt::HolidayRule> {
    let byte = |n: u32| u8::try_from(n).ok();
    if let Some(observance) = observed {
        let HolidayRule::Fixed { month, day } = *rule else {
            return None;
        };
        return Some(rt::HolidayRule::Observed {
            name,
            month: byte(month)?,
            day: byte(day)?,
            shift: runtime_observance(observance),
        });
    }
    Some(match *rule {
        HolidayRule::Fixed { month, day } => rt::HolidayRule::Fixed {
            name,
            month: byte(month)?,
            day: byte(day)?,
        },
        HolidayRule::Easter { days } => rt::HolidayRule::EasterOffset {
            name,
            days: i16::try_from(days).ok()?,
        },
        HolidayRule::WeekdayBetween { weekday, from, to } => rt::HolidayRule::WeekdayBetween {
            name,
            weekday,
            from_month: byte(from.0)?,
            from_day: byte(from.1)?,
            to_month: byte(to.0)?,
            to_day: byte(to.1)?,
        },
    })
}
