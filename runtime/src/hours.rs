//! Support hours: when a support tier answers.

use std::fmt;

use crate::calendar::Calendar;

/// When a support tier answers: best effort, around the clock, or during the
/// opening hours of a business calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SupportHours {
    /// No commitment.
    BestEffort,
    /// Around the clock (24x7).
    Continuous,
    /// The opening hours of this calendar.
    Calendar(&'static Calendar),
}

impl SupportHours {
    /// The calendar, for [`SupportHours::Calendar`].
    pub const fn calendar(&self) -> Option<&'static Calendar> {
        match *self {
            SupportHours::Calendar(calendar) => Some(calendar),
            SupportHours::BestEffort | SupportHours::Continuous => None,
        }
    }
}

impl fmt::Display for SupportHours {
    /// `best effort`, `24x7`, `business hours`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SupportHours::BestEffort => "best effort",
            SupportHours::Continuous => "24x7",
            SupportHours::Calendar(_) => "business hours",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static EMPTY: Calendar = Calendar::from_static(chrono_tz::Tz::UTC, &[], &[], &[]);

    #[test]
    fn display_and_calendar() {
        assert_eq!(SupportHours::BestEffort.to_string(), "best effort");
        assert_eq!(SupportHours::Continuous.to_string(), "24x7");
        assert_eq!(SupportHours::Calendar(&EMPTY).to_string(), "business hours");
        assert_eq!(SupportHours::Calendar(&EMPTY).calendar(), Some(&EMPTY));
        assert_eq!(SupportHours::Continuous.calendar(), None);
    }
}
