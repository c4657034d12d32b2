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
}

impl ResponseTarget {
    /// The clock this target runs on, or `None` for [`ResponseTarget::BestEffort`].
    pub const fn clock(&self) -> Option<Clock> {
        match self {
            ResponseTarget::BestEffort => None,
            ResponseTarget::BusinessDays(_) | ResponseTarget::BusinessHours(_) => {
                Some(Clock::Business)
            }
            ResponseTarget::Hours24x7(_) => Some(Clock::Continuous),
        }
    }

    /// The target as minutes of counted clock time, or `None` for best effort.
    ///
    /// A business day counts `business_day_minutes`; business hours and 24x7
    /// hours count 60 minutes each.
    pub fn nominal_minutes(&self, business_day_minutes: u32) -> Option<u64> {
        match *self {
            ResponseTarget::BestEffort => None,
            ResponseTarget::BusinessDays(n) => Some(u64::from(n) * u64::from(business_day_minutes)),
            ResponseTarget::BusinessHours(n) | ResponseTarget::Hours24x7(n) => {
                Some(u64::from(n) * 60)
            }
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
            ResponseTarget::BusinessDays(u32::MAX).nominal_minutes(1440),
            Some(u64::from(u32::MAX) * 1440)
        );
    }
}
