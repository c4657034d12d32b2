//! Severity rules: which severity a case is given. A rule may cap the
//! severity (`highest`: no case it covers is more severe) and give one when
//! none is asked for (`default`). Severities are ordered as the policy
//! declares them, the first the most severe.
//!
//! The same function serves generated code (with the policy's enums) and
//! the compiler (with ids), so both decide alike.

/// One severity rule: whom it covers, and what it decides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SeverityRule<'a, T, L, C, S> {
    /// The tiers it covers; empty for every tier.
    pub tiers: &'a [T],
    /// The licenses it covers; empty for every license.
    pub licenses: &'a [L],
    /// The channels it covers; empty for every channel.
    pub channels: &'a [C],
    /// The most severe severity a covered case may have.
    pub highest: Option<S>,
    /// The severity a covered case gets when none is asked for.
    pub default: Option<S>,
}

/// A case, as far as its severity goes. A rule that names tiers (licenses,
/// channels) covers a case only when the case's is given and named.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SeverityCase<T, L, C, S> {
    /// The severity asked for, if any.
    pub requested: Option<S>,
    /// The case's tier.
    pub tier: Option<T>,
    /// The case's license.
    pub license: Option<L>,
    /// The channel the case came in by.
    pub channel: Option<C>,
}

impl<T: PartialEq, L: PartialEq, C: PartialEq, S> SeverityRule<'_, T, L, C, S> {
    /// Whether the rule covers `case`.
    pub fn covers(&self, case: &SeverityCase<T, L, C, S>) -> bool {
        fn within<X: PartialEq>(list: &[X], x: &Option<X>) -> bool {
            list.is_empty() || x.as_ref().is_some_and(|x| list.contains(x))
        }
        within(self.tiers, &case.tier)
            && within(self.licenses, &case.license)
            && within(self.channels, &case.channel)
    }
}

/// The severity a case is granted: the one asked for, else the least severe
/// default of the rules covering it; then no more severe than the strictest
/// cap of those rules. `None` when none was asked for and no rule gives a
/// default. `order` lists the severities from the most severe; a severity
/// missing from it counts as the least severe.
pub fn granted_severity<T, L, C, S>(
    rules: &[SeverityRule<'_, T, L, C, S>],
    order: &[S],
    case: &SeverityCase<T, L, C, S>,
) -> Option<S>
where
    T: PartialEq,
    L: PartialEq,
    C: PartialEq,
    S: Copy + PartialEq,
{
    let rank = |s: &S| order.iter().position(|o| o == s).unwrap_or(order.len());
    let less_severe = |a: S, b: S| if rank(&b) > rank(&a) { b } else { a };
    let covering = || rules.iter().filter(|r| r.covers(case));
    let asked = case
        .requested
        .or_else(|| covering().filter_map(|r| r.default).reduce(less_severe))?;
    Some(
        covering()
            .filter_map(|r| r.highest)
            .fold(asked, less_severe),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    type Rule = SeverityRule<'static, &'static str, &'static str, &'static str, u8>;
    type Case = SeverityCase<&'static str, &'static str, &'static str, u8>;

    const ORDER: &[u8] = &[1, 2, 3, 4];

    fn case(
        requested: Option<u8>,
        license: Option<&'static str>,
        channel: Option<&'static str>,
    ) -> Case {
        SeverityCase {
            requested,
            tier: Some("enterprise"),
            license,
            channel,
        }
    }

    const RULES: &[Rule] = &[
        // Development licenses cannot be severity 1 or 2.
        SeverityRule {
            tiers: &[],
            licenses: &["development"],
            channels: &[],
            highest: Some(3),
            default: None,
        },
        // Cases by email start at severity 3.
        SeverityRule {
            tiers: &[],
            licenses: &[],
            channels: &["email"],
            highest: None,
            default: Some(3),
        },
        // Credit-card customers are always severity 4.
        SeverityRule {
            tiers: &[],
            licenses: &["credit-card"],
            channels: &[],
            highest: Some(4),
            default: Some(4),
        },
    ];

    #[test]
    fn caps_and_defaults() {
        let granted = |c: Case| granted_severity(RULES, ORDER, &c);
        // Nothing covers a web case on a production license: as asked.
        assert_eq!(
            granted(case(Some(1), Some("production"), Some("web"))),
            Some(1)
        );
        assert_eq!(granted(case(None, Some("production"), Some("web"))), None);
        // The development cap lowers 1 to 3, leaves 4.
        assert_eq!(granted(case(Some(1), Some("development"), None)), Some(3));
        assert_eq!(granted(case(Some(4), Some("development"), None)), Some(4));
        // Email gives 3 when nothing is asked, not when something is.
        assert_eq!(granted(case(None, None, Some("email"))), Some(3));
        assert_eq!(granted(case(Some(2), None, Some("email"))), Some(2));
        // Credit card: always 4.
        assert_eq!(
            granted(case(Some(1), Some("credit-card"), Some("email"))),
            Some(4)
        );
        assert_eq!(
            granted(case(None, Some("credit-card"), Some("email"))),
            Some(4)
        );
        // Development by email: default 3, cap 3.
        assert_eq!(
            granted(case(None, Some("development"), Some("email"))),
            Some(3)
        );
        // A rule naming licenses does not cover a case whose license is unknown.
        assert_eq!(granted(case(Some(1), None, None)), Some(1));
    }

    #[test]
    fn tiers_and_unknown_severities() {
        let rules: &[Rule] = &[SeverityRule {
            tiers: &["community"],
            licenses: &[],
            channels: &[],
            highest: Some(2),
            default: Some(9),
        }];
        let mut c = case(Some(1), None, None);
        assert_eq!(granted_severity(rules, ORDER, &c), Some(1));
        c.tier = Some("community");
        assert_eq!(granted_severity(rules, ORDER, &c), Some(2));
        // 9 is not in the order: it counts as the least severe.
        c.requested = None;
        assert_eq!(granted_severity(rules, ORDER, &c), Some(9));
        assert_eq!(granted_severity(&[], ORDER, &c), None);
    }
}
