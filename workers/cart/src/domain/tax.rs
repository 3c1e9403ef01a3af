//! Tax rates and the rounding rule.
//!
//! Rates are basis points (1/100 of a percent). A product is taxed at its category's rate when
//! one is configured (`MK_TAX_RATES`), else at the default rate (`MK_TAX_DEFAULT_BP`).
//! **Rounding rule:** tax is computed per line, on the line total, and rounded half away from
//! zero to the minor unit; the cart's tax is the sum of the lines' rounded taxes. Integer
//! arithmetic only (i128 for the product, so no overflow).

use std::collections::HashMap;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TaxRatesError {
    #[error("tax rate entry {0:?} is not `category=basis_points`")]
    Entry(String),
    #[error("tax rate {0} is outside 0..=10000 basis points")]
    Range(i64),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TaxRates {
    default_bp: i64,
    by_category: HashMap<String, i64>,
}

impl TaxRates {
    /// `spec` is `category=bp,category=bp` (empty for none).
    pub fn parse(default_bp: i64, spec: &str) -> Result<Self, TaxRatesError> {
        let in_range = |bp: i64| {
            if (0..=10_000).contains(&bp) {
                Ok(bp)
            } else {
                Err(TaxRatesError::Range(bp))
            }
        };
        let mut by_category = HashMap::new();
        for entry in spec.split(',').map(str::trim).filter(|e| !e.is_empty()) {
            let (category, bp) = entry
                .split_once('=')
                .ok_or_else(|| TaxRatesError::Entry(entry.to_owned()))?;
            let bp = bp
                .trim()
                .parse()
                .map_err(|_| TaxRatesError::Entry(entry.to_owned()))?;
            by_category.insert(category.trim().to_owned(), in_range(bp)?);
        }
        Ok(Self {
            default_bp: in_range(default_bp)?,
            by_category,
        })
    }

    pub fn rate_for(&self, category: &str) -> i64 {
        self.by_category
            .get(category)
            .copied()
            .unwrap_or(self.default_bp)
    }
}

/// `amount * rate_bp / 10000`, rounded half away from zero.
pub fn tax_on(amount: i64, rate_bp: i64) -> i64 {
    let scaled = i128::from(amount) * i128::from(rate_bp);
    let (quotient, remainder) = (scaled / 10_000, scaled % 10_000);
    let rounded = if remainder.abs() * 2 >= 10_000 {
        quotient + scaled.signum()
    } else {
        quotient
    };
    i64::try_from(rounded).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(tax_on(1000, 700), 70);
        // 0.5 of a cent rounds up: 250 * 7 % = 17.5
        assert_eq!(tax_on(250, 700), 18);
        // 17.43 -> 17
        assert_eq!(tax_on(249, 700), 17);
        assert_eq!(tax_on(-250, 700), -18);
        assert_eq!(tax_on(999, 0), 0);
    }

    #[test]
    fn category_rates_override_the_default() {
        let rates = TaxRates::parse(1900, "groceries=700, books = 0").unwrap();
        assert_eq!(rates.rate_for("groceries"), 700);
        assert_eq!(rates.rate_for("books"), 0);
        assert_eq!(rates.rate_for("wine"), 1900);
    }

    #[test]
    fn bad_specs_are_refused() {
        assert!(matches!(
            TaxRates::parse(0, "groceries"),
            Err(TaxRatesError::Entry(_))
        ));
        assert_eq!(
            TaxRates::parse(0, "a=10001"),
            Err(TaxRatesError::Range(10001))
        );
        assert_eq!(TaxRates::parse(-1, ""), Err(TaxRatesError::Range(-1)));
    }
}
