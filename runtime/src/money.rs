//! Money amounts and billing of professional-services sessions.

use std::fmt;

/// An ISO 4217 currency code such as `USD`, stored as three bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency([u8; 3]);

impl Currency {
    /// Builds a currency from its three-letter code, e.g. `Currency::new(b"USD")`.
    ///
    /// Usable in `const` and `static` items. The bytes are not validated here;
    /// use [`Currency::parse`] for untrusted text.
    pub const fn new(code: &[u8; 3]) -> Currency {
        Currency(*code)
    }

    /// Parses a three-letter upper-case ASCII code; `None` for anything else.
    pub fn parse(code: &str) -> Option<Currency> {
        match code.as_bytes() {
            &[a, b, c] if [a, b, c].iter().all(u8::is_ascii_uppercase) => Some(Currency([a, b, c])),
            _ => None,
        }
    }

    /// The code as text; `"XXX"` (ISO's "no currency") if the bytes are not UTF-8.
    pub fn code(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("XXX")
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Currency {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Currency {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(deserializer)?;
        Currency::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("invalid currency code `{text}`")))
    }
}

/// An amount of money in minor units (cents for two-decimal currencies).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Money {
    /// The currency.
    pub currency: Currency,
    /// The amount in minor units: `25000` is 250.00.
    pub minor: i64,
}

impl Money {
    /// Builds an amount from minor units.
    pub const fn new(currency: Currency, minor: i64) -> Money {
        Money { currency, minor }
    }

    /// Builds an amount from a three-letter currency code and minor units,
    /// e.g. `Money::from_code(b"USD", 25000)` for USD 250.00; usable in
    /// `const` and `static` items (see [`Currency::new`]).
    pub const fn from_code(code: &[u8; 3], minor: i64) -> Money {
        Money::new(Currency::new(code), minor)
    }
}

impl fmt::Display for Money {
    /// Formats as `"USD 250.00"` (always two decimals).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.minor < 0 { "-" } else { "" };
        let abs = self.minor.unsigned_abs();
        write!(f, "{} {sign}{}.{:02}", self.currency, abs / 100, abs % 100)
    }
}

/// Why a charge could not be computed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChargeError {
    /// The billing increment is zero minutes.
    ZeroIncrement,
    /// The charge does not fit in 64-bit minor units.
    Overflow,
}

impl fmt::Display for ChargeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ChargeError::ZeroIncrement => "billing increment must be at least one minute",
            ChargeError::Overflow => "charge is too large to represent",
        })
    }
}

impl std::error::Error for ChargeError {}

/// The minutes billed for a session: the session rounded up to a whole
/// number of increments, but never less than the minimum.
pub fn billed_minutes(
    increment_minutes: u32,
    minimum_minutes: u32,
    session: std::time::Duration,
) -> Result<u64, ChargeError> {
    if increment_minutes == 0 {
        return Err(ChargeError::ZeroIncrement);
    }
    let increment_nanos = u128::from(increment_minutes) * 60 * 1_000_000_000;
    let increments = session.as_nanos().div_ceil(increment_nanos);
    let rounded = increments
        .checked_mul(u128::from(increment_minutes))
        .ok_or(ChargeError::Overflow)?;
    let billed = rounded.max(u128::from(minimum_minutes));
    u64::try_from(billed).map_err(|_| ChargeError::Overflow)
}

/// The charge for a session billed by the hour.
///
/// `charge = rate_per_hour × billed / 60`, where `billed` is the session rounded
/// up to a whole number of `increment_minutes`, but at least `minimum_minutes`
/// (so a zero-length session still pays the minimum). A fractional minor unit is
/// rounded half away from zero.
///
/// With USD 250.00/hour, 30-minute increments and a 30-minute minimum:
/// 0 min → USD 125.00, 31 min → USD 250.00, 61 min → USD 375.00, 2 h → USD 500.00.
pub fn billable_charge(
    rate_per_hour: Money,
    increment_minutes: u32,
    minimum_minutes: u32,
    session: std::time::Duration,
) -> Result<Money, ChargeError> {
    let billed = billed_minutes(increment_minutes, minimum_minutes, session)?;
    let product = i128::from(rate_per_hour.minor)
        .checked_mul(i128::from(billed))
        .ok_or(ChargeError::Overflow)?;
    let quotient = product / 60;
    let rest = product % 60;
    let rounded = if rest.abs() * 2 >= 60 {
        quotient + product.signum()
    } else {
        quotient
    };
    let minor = i64::try_from(rounded).map_err(|_| ChargeError::Overflow)?;
    Ok(Money::new(rate_per_hour.currency, minor))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    const USD: Currency = Currency::new(b"USD");

    #[test]
    fn display() {
        assert_eq!(Money::new(USD, 25000).to_string(), "USD 250.00");
        assert_eq!(Money::new(USD, 5).to_string(), "USD 0.05");
        assert_eq!(Money::new(USD, -150).to_string(), "USD -1.50");
        assert_eq!(
            Money::new(USD, i64::MIN).to_string(),
            "USD -92233720368547758.08"
        );
        assert_eq!(USD.code(), "USD");
        assert_eq!(Currency::new(&[0xff, 0, 0]).code(), "XXX");
        assert_eq!(Currency::parse("SEK"), Some(Currency::new(b"SEK")));
        assert_eq!(Currency::parse("sek"), None);
        assert_eq!(Currency::parse("SEKK"), None);
    }

    #[test]
    fn rounding() {
        let rate = Money::new(USD, 10000);
        // 1 minute at 100.00/h = 1.6666 -> 1.67
        assert_eq!(
            billable_charge(rate, 1, 0, Duration::from_secs(60))
                .unwrap()
                .minor,
            167
        );
        let negative = Money::new(USD, -10000);
        assert_eq!(
            billable_charge(negative, 1, 0, Duration::from_secs(60))
                .unwrap()
                .minor,
            -167
        );
        assert_eq!(
            billable_charge(rate, 1, 0, Duration::ZERO).unwrap().minor,
            0
        );
    }

    #[test]
    fn errors() {
        let rate = Money::new(USD, 25000);
        assert_eq!(
            billable_charge(rate, 0, 30, Duration::ZERO),
            Err(ChargeError::ZeroIncrement)
        );
        assert_eq!(
            billable_charge(
                Money::new(USD, i64::MAX),
                60,
                60,
                Duration::from_secs(3600 * 2)
            ),
            Err(ChargeError::Overflow)
        );
        assert!(billable_charge(rate, u32::MAX, u32::MAX, Duration::MAX).is_err());
        assert_eq!(
            ChargeError::Overflow.to_string(),
            "charge is too large to represent"
        );
    }
}
