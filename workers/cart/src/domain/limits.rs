//! Bounds on a cart, so one cart cannot grow without end.

use menuskart_kit::ReplyError;

#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Units of one product in one line.
    pub max_quantity: i64,
    /// Different products in one cart.
    pub max_lines: usize,
}

impl Limits {
    /// A quantity a client asks to add (at least 1).
    pub fn check_added(&self, quantity: i64) -> Result<(), ReplyError> {
        if !(1..=self.max_quantity).contains(&quantity) {
            return Err(ReplyError::invalid_field(
                "quantity",
                format!("must be between 1 and {}", self.max_quantity),
            ));
        }
        Ok(())
    }

    /// A quantity a line is set to (0 removes the line).
    pub fn check_set(&self, quantity: i64) -> Result<(), ReplyError> {
        if !(0..=self.max_quantity).contains(&quantity) {
            return Err(ReplyError::invalid_field(
                "quantity",
                format!("must be between 0 and {}", self.max_quantity),
            ));
        }
        Ok(())
    }

    /// The quantity a line reaches after adding.
    pub fn check_line_total(&self, quantity: i64) -> Result<(), ReplyError> {
        if quantity > self.max_quantity {
            return Err(ReplyError::invalid_field(
                "quantity",
                format!(
                    "a line holds at most {} units ({quantity} requested in all)",
                    self.max_quantity
                ),
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: Limits = Limits {
        max_quantity: 99,
        max_lines: 50,
    };

    #[test]
    fn added_quantities_are_positive_and_bounded() {
        assert!(LIMITS.check_added(1).is_ok());
        assert!(LIMITS.check_added(99).is_ok());
        assert!(LIMITS.check_added(0).is_err());
        assert!(LIMITS.check_added(-3).is_err());
        assert!(LIMITS.check_added(100).is_err());
    }

    #[test]
    fn a_line_may_be_set_to_zero() {
        assert!(LIMITS.check_set(0).is_ok());
        assert!(LIMITS.check_set(-1).is_err());
        assert!(LIMITS.check_line_total(100).is_err());
    }
}
