use super::ValidationError;

/// ISO 4217 codes we accept. A curated list rather than all 180: a shop that sells in another
/// currency adds it here deliberately (its minor unit matters for formatting and rounding).
const KNOWN: &[&str] = &[
    "AED", "AUD", "BRL", "CAD", "CHF", "CNY", "CZK", "DKK", "EUR", "GBP", "HKD", "HUF", "IDR",
    "ILS", "INR", "JPY", "KRW", "MXN", "MYR", "NOK", "NZD", "PHP", "PLN", "RON", "SAR", "SEK",
    "SGD", "THB", "TRY", "TWD", "USD", "VND", "ZAR",
];

/// An ISO 4217 currency code we know, upper-cased.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Currency(String);

impl Currency {
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        let code = raw.trim().to_ascii_uppercase();
        if !KNOWN.contains(&code.as_str()) {
            return Err(ValidationError::new(
                "currency",
                format!("{raw:?} is not a currency we know (ISO 4217, e.g. EUR)"),
            ));
        }
        Ok(Self(code))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_codes_only() {
        assert_eq!(Currency::parse("eur").unwrap().as_str(), "EUR");
        assert!(Currency::parse("EURO").is_err());
        assert!(Currency::parse("XYZ").is_err());
        assert!(
            KNOWN.windows(2).all(|w| w[0] < w[1]),
            "keep the list sorted"
        );
    }
}
