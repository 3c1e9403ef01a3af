use super::ValidationError;

/// A phone number in E.164 form (`+` and 7 to 15 digits), the form SMS providers take. Spaces,
/// dashes, dots and parentheses people type are removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone(String);

impl Phone {
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        let compact: String = raw
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')'))
            .collect();
        let digits = compact.strip_prefix('+').unwrap_or("");
        let valid = (7..=15).contains(&digits.len())
            && digits.chars().all(|c| c.is_ascii_digit())
            && !digits.starts_with('0');
        if !valid {
            return Err(ValidationError::new(
                "phone",
                "must be an international number like +4930123456",
            ));
        }
        Ok(Self(compact))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_are_e164() {
        assert_eq!(
            Phone::parse("+49 (30) 123-456").unwrap().as_str(),
            "+4930123456"
        );
        for bad in [
            "",
            "030123456",
            "+0123456789",
            "+12",
            "+49 30 abc 456",
            "+1234567890123456",
        ] {
            assert!(Phone::parse(bad).is_err(), "{bad:?} was accepted");
        }
    }
}
