//! Coverage levels and incident allowances.

use std::fmt;

/// Whether a product, version or feature is covered by a support policy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Coverage {
    /// Covered by support.
    Supported,
    /// Not offered in this tier or plan.
    NotAvailable,
    /// Explicitly outside support.
    NotSupported,
    /// Only available as paid professional services.
    ProfessionalServices,
}

impl fmt::Display for Coverage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Coverage::Supported => "supported",
            Coverage::NotAvailable => "not available",
            Coverage::NotSupported => "not supported",
            Coverage::ProfessionalServices => "professional services",
        })
    }
}

/// How many support incidents a plan includes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Incidents {
    /// A fixed number of incidents.
    Count(u32),
    /// No limit.
    Unlimited,
    /// Incidents are not counted for this plan.
    NotApplicable,
}

impl Incidents {
    /// The allowance left after `used` incidents: a count saturates at zero,
    /// `Unlimited` and `NotApplicable` stay as they are.
    pub const fn remaining(&self, used: u32) -> Incidents {
        match *self {
            Incidents::Count(n) => Incidents::Count(n.saturating_sub(used)),
            Incidents::Unlimited => Incidents::Unlimited,
            Incidents::NotApplicable => Incidents::NotApplicable,
        }
    }
}

impl fmt::Display for Incidents {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Incidents::Count(1) => f.write_str("1 incident"),
            Incidents::Count(n) => write!(f, "{n} incidents"),
            Incidents::Unlimited => f.write_str("unlimited"),
            Incidents::NotApplicable => f.write_str("not applicable"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coverage_display() {
        assert_eq!(Coverage::Supported.to_string(), "supported");
        assert_eq!(Coverage::NotAvailable.to_string(), "not available");
        assert_eq!(Coverage::NotSupported.to_string(), "not supported");
        assert_eq!(
            Coverage::ProfessionalServices.to_string(),
            "professional services"
        );
    }

    #[test]
    fn incidents_remaining() {
        assert_eq!(Incidents::Count(5).remaining(2), Incidents::Count(3));
        assert_eq!(Incidents::Count(2).remaining(5), Incidents::Count(0));
        assert_eq!(Incidents::Unlimited.remaining(100), Incidents::Unlimited);
        assert_eq!(
            Incidents::NotApplicable.remaining(1),
            Incidents::NotApplicable
        );
        assert_eq!(Incidents::Count(1).to_string(), "1 incident");
        assert_eq!(Incidents::Count(3).to_string(), "3 incidents");
    }
}
