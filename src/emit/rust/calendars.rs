//! A `static` [`Calendar`](policyc_runtime::Calendar) per calendar, built
//! from the calendar the facts built for the SLA clock
//! ([`crate::facts::calendars`]), so that generated code and `policyc sla`
//! count on the same data.

use super::code::{block_constant, Body, Code};
use super::docs::{code, escape_doc};
use super::layout::Expr;
use super::plan::{CalendarItem, Plan};
use super::types::{holiday, weekday};
use super::RT;
use crate::value_text;
use chrono_tz::Tz;

/// The chrono-tz variant of a zone, e.g. `Europe__Stockholm`.
pub fn tz_variant(tz: Tz) -> String {
    let mut out = String::new();
    let mut chars = tz.name().chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' => out.push_str("__"),
            '+' => out.push_str("Plus"),
            '-' if chars.peek().is_some_and(char::is_ascii_digit) => out.push_str("Minus"),
            '-' => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes a calendar's static.
pub fn print(plan: &Plan, item: &CalendarItem, out: &mut Code) {
    let calendar = &item.facts.runtime;
    let hours: Vec<Expr> = calendar
        .hours
        .iter()
        .map(|h| {
            Expr::call(
                "rt::OpeningHours::new",
                vec![
                    Expr::atom(format!("rt::chrono::Weekday::{}", weekday(h.weekday))),
                    Expr::atom(h.open_minute.to_string()),
                    Expr::atom(h.close_minute.to_string()),
                ],
            )
        })
        .collect();
    let holidays: Vec<Expr> = item
        .facts
        .holidays
        .iter()
        .filter_map(|(index, rule)| {
            let name = plan.policy.decls.get(*index)?.display();
            Some(holiday("rt::", name, rule))
        })
        .collect();
    let closures: Vec<Expr> = calendar
        .closures
        .iter()
        .map(|(year, month, day)| Expr::atom(format!("({year}, {month}, {day})")))
        .collect();
    let open = match item.decl.open() {
        Some(weekly) => weekly
            .iter()
            .map(value_text::weekly)
            .collect::<Vec<_>>()
            .join(", "),
        None => "never open".to_owned(),
    };
    let mut docs = format!(
        "{}: the calendar {}, {}, open {}, closed on {} {}.",
        escape_doc(item.decl.display()),
        code(&item.decl.id.value),
        escape_doc(item.decl.zone().unwrap_or(calendar.tz.name())),
        code(&open),
        holidays.len(),
        if holidays.len() == 1 {
            "holiday"
        } else {
            "holidays"
        }
    );
    if !closures.is_empty() {
        docs.push_str(&format!(" and {} other days", closures.len()));
    }
    let mut body = Body::of_item();
    body.line(&format!("use {RT} as rt;"));
    body.assign("const HOURS: &[rt::OpeningHours]", &Expr::slice(hours));
    body.assign("const HOLIDAYS: &[rt::HolidayRule]", &Expr::slice(holidays));
    body.assign("const CLOSURES: &[(i32, u8, u8)]", &Expr::slice(closures));
    body.tail(&Expr::call(
        "rt::Calendar::from_static",
        vec![
            Expr::atom(format!("rt::chrono_tz::Tz::{}", item.zone)),
            Expr::atom("HOURS"),
            Expr::atom("HOLIDAYS"),
            Expr::atom("CLOSURES"),
        ],
    ));
    out.push(block_constant(
        &docs,
        &format!("pub static {}: {RT}::Calendar", item.name),
        body,
    ));
}
