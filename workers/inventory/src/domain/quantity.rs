use super::ValidationError;

/// A quantity of units in a reservation line: 1 to 10 000.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Quantity(i64);

impl Quantity {
    pub const MAX: i64 = 10_000;

    pub fn parse(raw: i64) -> Result<Self, ValidationError> {
        if !(1..=Self::MAX).contains(&raw) {
            return Err(ValidationError::new(
                "quantity",
                format!("must be 1 to {}", Self::MAX),
            ));
        }
        Ok(Self(raw))
    }

    pub fn get(self) -> i64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_are_bounded() {
        assert!(Quantity::parse(0).is_err());
        assert!(Quantity::parse(-3).is_err());
        assert!(Quantity::parse(10_001).is_err());
        assert_eq!(Quantity::parse(7).unwrap().get(), 7);
    }
}
