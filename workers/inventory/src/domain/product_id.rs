use super::ValidationError;

/// A product id as the catalog issues it: 1 to 64 characters of letters, digits, `-` and `_`.
/// The restriction keeps ids safe inside Redis keys and NATS subjects.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ProductId(String);

impl ProductId {
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        let valid = (1..=64).contains(&raw.len())
            && raw
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !valid {
            return Err(ValidationError::new(
                "product_id",
                "must be 1 to 64 letters, digits, '-' or '_'",
            ));
        }
        Ok(Self(raw.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_key_safe() {
        assert!(ProductId::parse("01JABCDEF-xyz_1").is_ok());
        for bad in ["", "a b", "a:b", "a*", "ä", &"x".repeat(65)] {
            assert!(ProductId::parse(bad).is_err(), "{bad:?}");
        }
    }
}
