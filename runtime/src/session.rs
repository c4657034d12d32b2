//! Session entitlements, e.g. the length of screen-sharing sessions.

use std::fmt;

/// How long a session (such as a screen-sharing session) may last.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Session {
    /// Included without a time limit.
    Unlimited,
    /// Included, up to this many minutes per session.
    UpTo(u32),
    /// Not available.
    NotAvailable,
}

impl Session {
    /// Whether sessions are available at all.
    pub const fn is_available(&self) -> bool {
        !matches!(self, Session::NotAvailable)
    }

    /// The limit in minutes: `None` when unlimited or not available.
    pub const fn limit_minutes(&self) -> Option<u32> {
        match *self {
            Session::UpTo(minutes) => Some(minutes),
            Session::Unlimited | Session::NotAvailable => None,
        }
    }
}

impl fmt::Display for Session {
    /// `unlimited`, `up to 2 hours`, `up to 90 minutes`, `not available`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Session::Unlimited => f.write_str("unlimited"),
            Session::NotAvailable => f.write_str("not available"),
            Session::UpTo(60) => f.write_str("up to 1 hour"),
            Session::UpTo(m) if m > 0 && m % 60 == 0 => write!(f, "up to {} hours", m / 60),
            Session::UpTo(1) => f.write_str("up to 1 minute"),
            Session::UpTo(m) => write!(f, "up to {m} minutes"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_and_limits() {
        assert_eq!(Session::Unlimited.to_string(), "unlimited");
        assert_eq!(Session::NotAvailable.to_string(), "not available");
        assert_eq!(Session::UpTo(120).to_string(), "up to 2 hours");
        assert_eq!(Session::UpTo(60).to_string(), "up to 1 hour");
        assert_eq!(Session::UpTo(90).to_string(), "up to 90 minutes");
        assert_eq!(Session::UpTo(1).to_string(), "up to 1 minute");
        assert_eq!(Session::UpTo(0).to_string(), "up to 0 minutes");
        assert_eq!(Session::UpTo(120).limit_minutes(), Some(120));
        assert_eq!(Session::Unlimited.limit_minutes(), None);
        assert!(Session::Unlimited.is_available());
        assert!(!Session::NotAvailable.is_available());
    }
}
