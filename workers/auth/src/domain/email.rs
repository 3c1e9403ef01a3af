use std::str::FromStr;

use super::ValidationError;

/// An email address, normalised: surrounding white space removed and lower-cased, so
/// `Ada@Example.com ` and `ada@example.com` are one account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub const MAX_LEN: usize = 254;

    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        let normalised = raw.trim().to_lowercase();
        let invalid = || ValidationError::new("email", "is not a valid email address");
        if normalised.is_empty() || normalised.len() > Self::MAX_LEN {
            return Err(invalid());
        }
        let parsed = email_address::EmailAddress::from_str(&normalised).map_err(|_| invalid())?;
        // Shop mail must be deliverable: a dotted domain, no IP literals or display names.
        let domain = parsed.domain();
        if !domain.contains('.') || domain.starts_with('[') || parsed.email() != normalised {
            return Err(invalid());
        }
        Ok(Self(normalised))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalised() {
        assert_eq!(
            Email::parse("  Ada@Example.COM ").unwrap().as_str(),
            "ada@example.com"
        );
    }

    #[test]
    fn malformed_emails_are_refused() {
        for bad in [
            "",
            "ada",
            "ada@",
            "@example.com",
            "ada@localhost",
            "a b@example.com",
            "Ada <ada@example.com>",
            "ada@[127.0.0.1]",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad:?} was accepted");
        }
        let long = format!("{}@example.com", "a".repeat(250));
        assert!(Email::parse(&long).is_err());
    }
}
