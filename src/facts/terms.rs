//! The terms of the rules that decide a question, typed: what the runtime's
//! entitlement functions take, read once from the rule with the role.

use crate::ast::Money;
use crate::codes::Code;
use crate::diagnostic::Diagnostic;
use crate::model::view::{RuleDecl, View};
use crate::model::Policy;
use crate::schema::fields::rule;
use policyc_runtime as rt;

/// Out-of-hours billing: a rule with a rate, its grid and its terms.
#[derive(Clone, Debug)]
pub struct Billing {
    /// The rule's index in the model.
    pub rule: usize,
    /// The rate, the increment and the minimum (zero when not stated).
    pub terms: rt::entitlement::OutOfHoursTerms,
}

/// A model amount of money as the runtime's; `Err` says why it cannot be.
pub fn runtime_money(m: &Money) -> Result<rt::Money, String> {
    let currency = rt::Currency::parse(&m.currency)
        .ok_or_else(|| format!("`{}` is not a currency", m.currency))?;
    let minor = i64::try_from(m.minor).map_err(|_| "the amount is too large".to_owned())?;
    Ok(rt::Money::new(currency, minor))
}

/// The billing terms of a rule with the role; a diagnostic when a value
/// does not fit the runtime's types.
pub fn billing(policy: &Policy, index: usize) -> Result<Option<Billing>, Diagnostic> {
    let Some(decl) = policy.decls.get(index).and_then(RuleDecl::of) else {
        return Ok(None);
    };
    let Some(rate) = decl.rate() else {
        return Ok(None);
    };
    let too_large = |field: &str, what: String| {
        let span = decl.field(field).map_or(decl.id.span, |f| f.span);
        Diagnostic::new(
            Code::E201,
            format!("the {what} of the rule `{}` is too large", decl.id.as_str()),
        )
        .label(span, "too large")
        .help("amounts must fit in 63 bits of hundredths, durations in 32 bits of minutes")
    };
    let rate =
        runtime_money(rate).map_err(|_| too_large(rule::RATE, format!("`{}`", rule::RATE)))?;
    let minutes = |field: &'static str, value: Option<u64>| match value {
        None => Ok(0),
        Some(m) => u32::try_from(m).map_err(|_| too_large(field, format!("`{field}`"))),
    };
    let Some(increment) = decl.increment() else {
        return Ok(None);
    };
    Ok(Some(Billing {
        rule: index,
        terms: rt::entitlement::OutOfHoursTerms {
            rate,
            increment_minutes: minutes(rule::INCREMENT, Some(increment))?,
            minimum_minutes: minutes(rule::MINIMUM, decl.minimum())?,
        },
    }))
}

/// The number of contact attempts before a case may be closed.
pub fn attempts(decl: RuleDecl<'_>) -> Result<u32, Diagnostic> {
    u32::try_from(decl.attempts().unwrap_or(0)).map_err(|_| {
        let span = decl.field(rule::ATTEMPTS).map_or(decl.id.span, |f| f.span);
        Diagnostic::new(
            Code::E201,
            format!(
                "the `attempts` of the rule `{}` are too many",
                decl.id.as_str()
            ),
        )
        .label(span, "too large")
        .help("counts of attempts must fit in 32 bits")
    })
}
