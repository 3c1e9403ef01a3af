//! Money on the wire: amounts are integers in minor units (cents), never floats, and each goes
//! with its currency. [`Currency`] is a code the shop knows, checked once where it enters (a
//! product's input) and a type of its own everywhere after, so a message between services
//! cannot carry a currency nobody can format or charge.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Mul, Sub};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An amount of money in minor units (cents: `1190` is 11.90 in EUR), never a float. Which
/// currency is said beside it. On the wire, that integer.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(transparent)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = i64, format = Int64))]
pub struct Amount(pub i64);

impl Amount {
    pub const ZERO: Self = Self(0);

    pub const fn minor_units(self) -> i64 {
        self.0
    }

    /// As a plain decimal number in `currency` (`1190` EUR is `11.90`, `1200` JPY is `1200`):
    /// what a spreadsheet or an email reads, without a symbol.
    pub fn decimal(self, currency: Currency) -> String {
        let digits = currency.exponent();
        let sign = if self.0 < 0 { "-" } else { "" };
        let magnitude = self.0.unsigned_abs();
        if digits == 0 {
            return format!("{sign}{magnitude}");
        }
        let unit = 10u64.pow(digits);
        format!(
            "{sign}{}.{:0width$}",
            magnitude / unit,
            magnitude % unit,
            width = digits as usize
        )
    }
}

impl From<i64> for Amount {
    fn from(minor_units: i64) -> Self {
        Self(minor_units)
    }
}

impl Add for Amount {
    type Output = Self;

    fn add(self, other: Self) -> Self {
        Self(self.0.saturating_add(other.0))
    }
}

impl AddAssign for Amount {
    fn add_assign(&mut self, other: Self) {
        *self = *self + other;
    }
}

impl Sub for Amount {
    type Output = Self;

    fn sub(self, other: Self) -> Self {
        Self(self.0.saturating_sub(other.0))
    }
}

/// A unit price times a quantity. Like the sums, it saturates instead of overflowing: such an
/// amount is refused by a limit long before (a line's quantity, a product's price).
impl Mul<i64> for Amount {
    type Output = Self;

    fn mul(self, quantity: i64) -> Self {
        Self(self.0.saturating_mul(quantity))
    }
}

impl Sum for Amount {
    fn sum<I: Iterator<Item = Self>>(amounts: I) -> Self {
        amounts.fold(Self::ZERO, Add::add)
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// ISO 4217 codes we accept. A curated list rather than all 180: a shop that sells in another
/// currency adds it here deliberately (its minor unit matters for formatting and rounding).
const KNOWN: &[&str] = &[
    "AED", "AUD", "BRL", "CAD", "CHF", "CNY", "CZK", "DKK", "EUR", "GBP", "HKD", "HUF", "IDR",
    "ILS", "INR", "JPY", "KRW", "MXN", "MYR", "NOK", "NZD", "PHP", "PLN", "RON", "SAR", "SEK",
    "SGD", "THB", "TRY", "TWD", "USD", "VND", "ZAR",
];

/// An ISO 4217 currency code we know (`EUR`); on the wire, that string.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String, example = "EUR"))]
pub struct Currency([u8; 3]);

/// Not a currency code we know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownCurrency(pub String);

impl fmt::Display for UnknownCurrency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} is not a currency we know (ISO 4217, e.g. EUR)",
            self.0
        )
    }
}

impl std::error::Error for UnknownCurrency {}

impl Currency {
    pub const EUR: Self = Self(*b"EUR");

    /// A code as people type it (`eur`, ` EUR `): trimmed and upper-cased, then looked up.
    pub fn parse(raw: &str) -> Result<Self, UnknownCurrency> {
        Self::exact(&raw.trim().to_ascii_uppercase()).ok_or_else(|| UnknownCurrency(raw.into()))
    }

    /// A code exactly as messages carry it (upper case).
    fn exact(code: &str) -> Option<Self> {
        KNOWN
            .binary_search(&code)
            .ok()
            .map(|i| Self(KNOWN[i].as_bytes().try_into().expect("three letters")))
    }

    pub fn as_str(&self) -> &str {
        // Only ever built from KNOWN, which is ASCII.
        std::str::from_utf8(&self.0).expect("ASCII")
    }

    /// Digits after the decimal point (ISO 4217's minor unit): none for the yen, won, dong and
    /// forint, two for every other currency we know.
    pub fn exponent(&self) -> u32 {
        match self.as_str() {
            "HUF" | "JPY" | "KRW" | "VND" => 0,
            _ => 2,
        }
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Currency({})", self.as_str())
    }
}

impl TryFrom<&str> for Currency {
    type Error = UnknownCurrency;

    fn try_from(code: &str) -> Result<Self, Self::Error> {
        Self::exact(code).ok_or_else(|| UnknownCurrency(code.into()))
    }
}

impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = String::deserialize(deserializer)?;
        Self::try_from(code.as_str()).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_codes_only() {
        assert_eq!(Currency::parse(" eur ").unwrap(), Currency::EUR);
        assert!(Currency::parse("EURO").is_err());
        assert!(Currency::parse("XYZ").is_err());
        assert!(
            KNOWN.windows(2).all(|w| w[0] < w[1]),
            "keep the list sorted (it is searched)"
        );
    }

    #[test]
    fn an_amount_is_its_minor_units_on_the_wire() {
        assert_eq!(serde_json::to_string(&Amount(1190)).unwrap(), "1190");
        assert_eq!(
            serde_json::from_str::<Amount>("1190").unwrap(),
            Amount(1190)
        );
        assert_eq!(Amount(250) * 3 + Amount(1), Amount(751));
    }

    #[test]
    fn an_amount_reads_in_its_currencys_minor_unit() {
        assert_eq!(Amount(1190).decimal(Currency::EUR), "11.90");
        assert_eq!(Amount(5).decimal(Currency::EUR), "0.05");
        assert_eq!(Amount(-990).decimal(Currency::EUR), "-9.90");
        assert_eq!(
            Amount(1200).decimal(Currency::parse("JPY").unwrap()),
            "1200"
        );
    }

    #[test]
    fn messages_carry_the_exact_code() {
        assert_eq!(serde_json::to_string(&Currency::EUR).unwrap(), r#""EUR""#);
        assert_eq!(
            serde_json::from_str::<Currency>(r#""GBP""#)
                .unwrap()
                .as_str(),
            "GBP"
        );
        assert!(serde_json::from_str::<Currency>(r#""eur""#).is_err());
    }
}
