use secrecy::{ExposeSecret, SecretString};

use super::ValidationError;

/// A new password that meets the length rules (NIST SP 800-63B: at least 8 characters, and long
/// passphrases allowed). The upper bound keeps hashing cost bounded. Never printed.
#[derive(Debug)]
pub struct Password(SecretString);

impl Password {
    pub const MIN_CHARS: usize = 8;
    pub const MAX_CHARS: usize = 128;

    pub fn parse(raw: String) -> Result<Self, ValidationError> {
        let chars = raw.chars().count();
        if chars < Self::MIN_CHARS {
            return Err(ValidationError::new(
                "password",
                format!("must be at least {} characters", Self::MIN_CHARS),
            ));
        }
        if chars > Self::MAX_CHARS {
            return Err(ValidationError::new(
                "password",
                format!("must be at most {} characters", Self::MAX_CHARS),
            ));
        }
        if raw.trim().is_empty() {
            return Err(ValidationError::new(
                "password",
                "must not be only white space",
            ));
        }
        Ok(Self(SecretString::from(raw)))
    }

    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_rules() {
        assert!(Password::parse("short".into()).is_err());
        assert!(Password::parse("        ".into()).is_err());
        assert!(Password::parse("x".repeat(129)).is_err());
        assert!(Password::parse("eight ch".into()).is_ok());
        // Characters, not bytes: eight umlauts are a valid password.
        assert!(Password::parse("ääääääää".into()).is_ok());
    }

    #[test]
    fn a_password_never_prints() {
        let password = Password::parse("correct horse battery".into()).unwrap();
        assert!(!format!("{password:?}").contains("horse"));
    }
}
