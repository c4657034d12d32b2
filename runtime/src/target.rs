//! Response targets: how fast a case must be answered.

use std::fmt;

/// Which clock a response target runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Clock {
    /// Counts only time inside the calendar's opening hours.
    Business,
    /// Counts all elapsed real time (24x7).
    Continuous,
}

/// A response target as written in a policy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum ResponseTarget {
    /// No deadline at all.
    BestEffort,
    /// N business days; one business day is
    /// [`Calendar::business_day_minutes`](crate::Calendar::business_day_minutes) of open time.
    BusinessDays(u32),
    /// N business hours, i.e. N × 60 minutes of open time.
    BusinessHours(u32),
    /// N hours of elapsed real time, around the clock.
    Hours24x7(u32),
    /// N minutes of open time.
    BusinessMinutes(u32),
    /// N minutes of elapsed real time, around the clock.
    Minutes24x7(u32),
    /// N calendar days: N × 24 hours of elapsed real time.
    CalendarDays(u32),
}

impl ResponseTarget {
    /// The clock this target runs on, or `None` for [`ResponseTarget::BestEffort`].
    pub const fn clock(&self) -> Option<Clock> {
        match self {
            ResponseTarget::BestEffort => None,
            ResponseTarget::BusinessDays(_)
            | ResponseTarget::BusinessHours(_)
            | ResponseTarget::BusinessMinutes(_) => Some(Clock::Business),
            ResponseTarget::Hours24x7(_)
            | ResponseTarget::Minutes24x7(_)
            | ResponseTarget::CalendarDays(_) => Some(Clock::Continuous),
        }
    }

    /// The target as minutes of counted clock time, or `None` for best effort.
    ///
    /// A business day counts `business_day_minutes`; business hours and 24x7
    /// hours count 60 minutes each; a calendar day 1,440.
    pub fn nominal_minutes(&self, business_day_minutes: u32) -> Option<u64> {
        match *self {
            ResponseTarget::BestEffort => None,
            ResponseTarget::BusinessDays(n) => Some(u64::from(n) * u64::from(business_day_minutes)),
            ResponseTarget::BusinessHours(n) | ResponseTarget::Hours24x7(n) => {
                Some(u64::from(n) * 60)
            }
            ResponseTarget::BusinessMinutes(n) | ResponseTarget::Minutes24x7(n) => {
                Some(u64::from(n))
            }
            ResponseTarget::CalendarDays(n) => Some(u64::from(n) * 1440),
        }
    }
}

fn plural(n: u32) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

impl fmt::Display for ResponseTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            ResponseTarget::BestEffort => f.write_str("best effort"),
            ResponseTarget::BusinessDays(n) => write!(f, "{n} business day{}", plural(n)),
            ResponseTarget::BusinessHours(n) => write!(f, "{n} business hour{}", plural(n)),
            ResponseTarget::Hours24x7(n) => write!(f, "{n} hour{} (24x7)", plural(n)),
            ResponseTarget::BusinessMinutes(n) => write!(f, "{n} business minute{}", plural(n)),
            ResponseTarget::Minutes24x7(n) => write!(f, "{n} minute{} (24x7)", plural(n)),
            ResponseTarget::CalendarDays(n) => write!(f, "{n} day{}", plural(n)),
        }
    }
}

impl fmt::Display for Clock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Clock::Business => "business hours",
            Clock::Continuous => "24x7",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display() {
        assert_eq!(ResponseTarget::BestEffort.to_string(), "best effort");
        assert_eq!(
            ResponseTarget::BusinessDays(1).to_string(),
            "1 business day"
        );
        assert_eq!(
            ResponseTarget::BusinessDays(2).to_string(),
            "2 business days"
        );
        assert_eq!(ResponseTarget::Hours24x7(4).to_string(), "4 hours (24x7)");
        assert_eq!(ResponseTarget::Hours24x7(1).to_string(), "1 hour (24x7)");
        assert_eq!(
            ResponseTarget::BusinessHours(1).to_string(),
            "1 business hour"
        );
        assert_eq!(
            ResponseTarget::BusinessHours(3).to_string(),
            "3 business hours"
        );
        assert_eq!(
            ResponseTarget::BusinessMinutes(30).to_string(),
            "30 business minutes"
        );
        assert_eq!(
            ResponseTarget::Minutes24x7(15).to_string(),
            "15 minutes (24x7)"
        );
        assert_eq!(ResponseTarget::CalendarDays(1).to_string(), "1 day");
        assert_eq!(ResponseTarget::CalendarDays(5).to_string(), "5 days");
    }

    #[test]
    fn clock_and_minutes() {
        assert_eq!(ResponseTarget::BestEffort.clock(), None);
        assert_eq!(
            ResponseTarget::BusinessDays(1).clock(),
            Some(Clock::Business)
        );
        assert_eq!(
            ResponseTarget::BusinessHours(1).clock(),
            Some(Clock::Business)
        );
        assert_eq!(
            ResponseTarget::Hours24x7(1).clock(),
            Some(Clock::Continuous)
        );
        assert_eq!(ResponseTarget::BestEffort.nominal_minutes(480), None);
        assert_eq!(
            ResponseTarget::BusinessDays(2).nominal_minutes(480),
            Some(960)
        );
        assert_eq!(
            ResponseTarget::BusinessHours(3).nominal_minutes(480),
            Some(180)
        );
        assert_eq!(ResponseTarget::Hours24x7(4).nominal_minutes(480), Some(240));
        assert_eq!(
            ResponseTarget::Minutes24x7(15).nominal_minutes(480),
            Some(15)
        );
        assert_eq!(
            ResponseTarget::BusinessMinutes(30).nominal_minutes(600),
            Some(30)
        );
        assert_eq!(
            ResponseTarget::CalendarDays(5).nominal_minutes(480),
            Some(7200)
        );
        assert_eq!(
            ResponseTarget::CalendarDays(1).clock(),
            Some(Clock::Continuous)
        );
        assert_eq!(
            ResponseTarget::BusinessMinutes(1).clock(),
            Some(Clock::Business)
        );
        assert_eq!(
            ResponseTarget::BusinessDays(u32::MAX).nominal_minutes(1440),
            Some(u64::from(u32::MAX) * 1440)
        );
    }
}
