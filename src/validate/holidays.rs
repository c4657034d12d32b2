//! Holidays: an observed date only on a fixed day (E217), and no calendar
//! getting one holiday twice from the holiday sets it includes (E117).

use crate::ast::HolidayRule;
use crate::codes::Code;
use crate::diagnostic::Diagnostic;
use crate::facts::calendars::holiday_indices;
use crate::model::view::{HolidayDecl, View};
use crate::model::Policy;
use crate::schema::{fields, Kind};
use crate::value_text;

/// Reports `observed:` on a holiday that is not on a fixed day.
pub fn check_observed(policy: &Policy) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    for decl in policy.all::<HolidayDecl>() {
        let (Some(rule), Some(observed)) = (decl.on(), decl.field(fields::holiday::OBSERVED))
        else {
            continue;
        };
        if matches!(rule, HolidayRule::Fixed { .. }) {
            continue;
        }
        let mut d = Diagnostic::new(
            Code::E217,
            format!(
                "the holiday `{}` falls on `{}`, not on a fixed day, so it has no observed date",
                decl.id.value,
                value_text::holiday(rule)
            ),
        )
        .label(observed.span, "an observed date");
        if let Some(on) = decl.field(fields::holiday::ON) {
            d = d.label(on.span, "not a fixed day");
        }
        diagnostics.push(d.help(
            "an observed date moves a fixed day such as `07-04` off the weekend: remove `observed:`",
        ));
    }
    diagnostics
}

/// Reports a calendar that gets the same holiday twice: one date rule,
/// observed the same way, from two holiday sets or from a set and the
/// calendar itself.
pub fn check_holidays_twice(policy: &Policy) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    for (index, calendar) in policy.decls.iter().enumerate() {
        if calendar.kind != Kind::Calendar {
            continue;
        }
        let holidays: Vec<HolidayDecl<'_>> = holiday_indices(policy, index)
            .into_iter()
            .filter_map(|i| policy.decls.get(i).and_then(HolidayDecl::of))
            .collect();
        for (i, later) in holidays.iter().enumerate() {
            let Some(earlier) = holidays[..i].iter().find(|earlier| {
                earlier.id.value != later.id.value
                    && earlier.on().is_some()
                    && earlier.on() == later.on()
                    && earlier.observed() == later.observed()
            }) else {
                continue;
            };
            let mut d = Diagnostic::new(
                Code::E117,
                format!(
                    "the calendar `{}` gets the holiday on `{}` twice: `{}` and `{}`",
                    calendar.id.value,
                    later.on().map(value_text::holiday).unwrap_or_default(),
                    earlier.id.value,
                    later.id.value
                ),
            )
            .label(earlier.id.span, "this holiday")
            .label(later.id.span, "falls on the same day as this one");
            if let Some(sets) = calendar.field(fields::calendar::HOLIDAYS) {
                d = d.label(sets.span, "the holiday sets this calendar includes");
            }
            diagnostics.push(d.help(
                "remove one of the two, or include only one of the holiday sets that hold it",
            ));
        }
    }
    diagnostics
}
