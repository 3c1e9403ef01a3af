use super::ValidationError;

/// A URL-safe name: lower-case letters, digits and single dashes, 1 to 100 characters.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Slug(String);

impl Slug {
    pub const MAX_LEN: usize = 100;

    pub fn parse(field: &'static str, raw: &str) -> Result<Self, ValidationError> {
        let valid = (1..=Self::MAX_LEN).contains(&raw.len())
            && raw
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !raw.starts_with('-')
            && !raw.ends_with('-')
            && !raw.contains("--");
        if !valid {
            return Err(ValidationError::new(
                field,
                "must be lower-case letters, digits and single dashes, like green-curry",
            ));
        }
        Ok(Self(raw.to_owned()))
    }

    /// The slug of a name: "Pad Thai (Large!)" becomes "pad-thai-large"; accents are dropped
    /// with the other non-ASCII letters.
    pub fn from_name(name: &str) -> Result<Self, ValidationError> {
        let mut slug = String::with_capacity(name.len());
        for c in name.chars() {
            if c.is_ascii_alphanumeric() {
                slug.push(c.to_ascii_lowercase());
            } else if !slug.is_empty() && !slug.ends_with('-') {
                slug.push('-');
            }
        }
        let slug = slug.trim_end_matches('-');
        let slug: String = slug.chars().take(Self::MAX_LEN).collect();
        Self::parse("slug", slug.trim_end_matches('-'))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_slugs() {
        assert_eq!(
            Slug::from_name("Pad Thai (Large!)").unwrap().as_str(),
            "pad-thai-large"
        );
        assert_eq!(
            Slug::from_name("  Crème brûlée ").unwrap().as_str(),
            "cr-me-br-l-e"
        );
        assert!(Slug::from_name("!!!").is_err());
    }

    #[test]
    fn slugs_are_checked() {
        assert!(Slug::parse("slug", "green-curry").is_ok());
        for bad in ["", "Green", "a--b", "-a", "a-", "a b", "ä"] {
            assert!(Slug::parse("slug", bad).is_err(), "{bad:?}");
        }
    }
}
