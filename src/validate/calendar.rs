//! Calendars: opening hours that exist and do not overlap.

use crate::codes::Code;
use crate::diagnostic::Diagnostic;
use crate::model::{Policy, Value};
use crate::schema::{fields, Kind};

/// Reports calendars whose opening hours are empty or overlap.
pub fn check_calendars(policy: &Policy) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    for decl in policy.of_kind(Kind::Calendar) {
        let Some(field) = decl.field(fields::calendar::OPEN) else {
            continue;
        };
        let Value::Weekly(hours) = &field.value else {
            continue;
        };
        if hours.is_empty() {
            diagnostics.push(
                Diagnostic::new(
                    Code::E214,
                    format!("the calendar `{}` is never open", decl.id.value),
                )
                .label(field.span, "no opening hours")
                .help("write opening hours such as `open: mon-fri 09:00-17:00`"),
            );
            continue;
        }
        for (i, a) in hours.iter().enumerate() {
            if a.days().next().is_none() {
                let span = field.item_spans.get(i).copied().unwrap_or(field.span);
                diagnostics.push(
                    Diagnostic::new(Code::E214, "these opening hours name no day")
                        .label(span, "the first day comes after the last")
                        .help("write the days in week order, e.g. `mon-fri`"),
                );
            }
            for (j, b) in hours.iter().enumerate().take(i) {
                let shared = a.days().any(|d| b.days().any(|e| e == d));
                if shared && a.open < b.close && b.open < a.close {
                    let span_a = field.item_spans.get(i).copied().unwrap_or(field.span);
                    let span_b = field.item_spans.get(j).copied().unwrap_or(field.span);
                    diagnostics.push(
                        Diagnostic::new(Code::E213, "opening hours overlap")
                            .label(span_a, "these hours")
                            .label(span_b, "overlap these")
                            .help("merge the two entries into one"),
                    );
                }
            }
        }
    }
    diagnostics
}
