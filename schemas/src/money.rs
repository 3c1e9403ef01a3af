//! Money on the wire: amounts are integers in minor units (cents), never floats, and each goes
//! with its currency. [`Currency`] is a code the shop knows, checked once where it enters (a
//! product's input) and a type of its own everywhere after, so a message between services
//! cannot carry a currency nobody can format or charge.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

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
