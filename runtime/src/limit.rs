//! Limits a support plan sets: named contacts, cases, advisory hours per
//! quarter.

use std::fmt;

/// A limit: an amount of something, per some period or unit, or none.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum Limit {
    /// `amount` of `unit` (empty for a bare number), per each of `per`:
    /// `20 members`, `12 hours/quarter`.
    Amount {
        /// How many.
        amount: u64,
        /// Of what: `members`, `hours`; empty for a bare number.
        unit: &'static str,
        /// Per what: `["quarter"]`.
        per: &'static [&'static str],
    },
    /// No limit.
    Unlimited,
    /// The limit does not apply to this plan.
    NotApplicable,
}

impl Limit {
    /// `amount` of `unit` per each of `per`; usable in `const` items.
    pub const fn of(amount: u64, unit: &'static str, per: &'static [&'static str]) -> Limit {
        Limit::Amount { amount, unit, per }
    }

    /// The amount, `None` when unlimited or not applicable.
    pub const fn amount(&self) -> Option<u64> {
        match self {
            Limit::Amount { amount, .. } => Some(*amount),
            _ => None,
        }
    }

    /// Whether `used` stays within the limit (always for unlimited, never
    /// where the limit does not apply).
    pub const fn allows(&self, used: u64) -> bool {
        match self {
            Limit::Amount { amount, .. } => used <= *amount,
            Limit::Unlimited => true,
            Limit::NotApplicable => false,
        }
    }
}

impl fmt::Display for Limit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Limit::Amount { amount, unit, per } => {
                write!(f, "{amount}")?;
                if !unit.is_empty() {
                    write!(f, " {unit}")?;
                }
                for p in per.iter() {
                    write!(f, "/{p}")?;
                }
                Ok(())
            }
            Limit::Unlimited => f.write_str("unlimited"),
            Limit::NotApplicable => f.write_str("n/a"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_and_allows() {
        let hours = Limit::Amount {
            amount: 12,
            unit: "hours",
            per: &["quarter"],
        };
        assert_eq!(hours.to_string(), "12 hours/quarter");
        assert!(hours.allows(12));
        assert!(!hours.allows(13));
        assert_eq!(hours.amount(), Some(12));
        let bare = Limit::Amount {
            amount: 3,
            unit: "",
            per: &[],
        };
        assert_eq!(bare.to_string(), "3");
        assert!(Limit::Unlimited.allows(u64::MAX));
        assert!(!Limit::NotApplicable.allows(0));
        assert_eq!(Limit::Unlimited.to_string(), "unlimited");
        assert_eq!(Limit::NotApplicable.amount(), None);
    }
}
