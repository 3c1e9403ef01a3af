use menuskart_schemas::auth::Address;

use super::ValidationError;

/// At most this many addresses on a profile.
pub const MAX_ADDRESSES: usize = 10;

/// An address whose required parts are present, bounded in length, with an ISO 3166-1 alpha-2
/// country code (upper-cased).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostalAddress(Address);

impl PostalAddress {
    const MAX_FIELD_CHARS: usize = 200;

    pub fn parse(raw: Address) -> Result<Self, ValidationError> {
        fn required(field: &'static str, value: &str) -> Result<String, ValidationError> {
            let value = value.trim();
            if value.is_empty() {
                return Err(ValidationError::new(field, "must not be empty"));
            }
            optional(field, Some(value)).map(|v| v.unwrap_or_default())
        }
        fn optional(
            field: &'static str,
            value: Option<&str>,
        ) -> Result<Option<String>, ValidationError> {
            let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
                return Ok(None);
            };
            if value.chars().count() > PostalAddress::MAX_FIELD_CHARS
                || value.chars().any(char::is_control)
            {
                return Err(ValidationError::new(
                    field,
                    "is too long or has control characters",
                ));
            }
            Ok(Some(value.to_owned()))
        }
        let country = raw.country.trim().to_ascii_uppercase();
        if country.len() != 2 || !country.chars().all(|c| c.is_ascii_uppercase()) {
            return Err(ValidationError::new(
                "addresses.country",
                "must be an ISO 3166-1 alpha-2 code like DE",
            ));
        }
        let postal_code = required("addresses.postal_code", &raw.postal_code)?;
        if let Some(problem) = menuskart_schemas::postcode::problem(&country, &postal_code) {
            return Err(ValidationError::new("addresses.postal_code", problem));
        }
        Ok(Self(Address {
            label: optional("addresses.label", raw.label.as_deref())?,
            line1: required("addresses.line1", &raw.line1)?,
            line2: optional("addresses.line2", raw.line2.as_deref())?,
            city: required("addresses.city", &raw.city)?,
            postal_code,
            country,
        }))
    }

    pub fn into_inner(self) -> Address {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn address(country: &str, city: &str) -> Address {
        Address {
            label: Some(" home ".into()),
            line1: "Unter den Linden 1".into(),
            line2: Some("  ".into()),
            city: city.into(),
            postal_code: "10117".into(),
            country: country.into(),
        }
    }

    #[test]
    fn addresses_are_cleaned() {
        let parsed = PostalAddress::parse(address("de", "Berlin"))
            .unwrap()
            .into_inner();
        assert_eq!(parsed.country, "DE");
        assert_eq!(parsed.label.as_deref(), Some("home"));
        assert_eq!(parsed.line2, None);
    }

    #[test]
    fn incomplete_or_odd_addresses_are_refused() {
        assert_eq!(
            PostalAddress::parse(address("DEU", "Berlin"))
                .unwrap_err()
                .field,
            "addresses.country"
        );
        assert_eq!(
            PostalAddress::parse(address("DE", " ")).unwrap_err().field,
            "addresses.city"
        );
    }
}
