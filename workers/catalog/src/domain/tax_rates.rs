//! Which tax rate a product is taxed at.
//!
//! Rates are basis points (1/100 of a percent). A category's rate is, in this order: the rate
//! the owner set on it in the admin; else the nearest ancestor's; else the rate configured for
//! it (`MK_TAX_RATES`, the first start's rates and a deployment's fixed ones); else the
//! default (`MK_TAX_DEFAULT_BP`). A product is taxed at its category's rate. How tax is then
//! computed and rounded is `menuskart_schemas::tax`.

use std::collections::HashMap;

use menuskart_schemas::tax::MAX_RATE_BP;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TaxRatesError {
    #[error("tax rate entry {0:?} is not `category=basis_points`")]
    Entry(String),
    #[error("tax rate {0} is outside 0..={MAX_RATE_BP} basis points")]
    Range(i64),
}

/// A rate in range, or why not.
pub fn checked_rate(bp: i64) -> Result<i64, TaxRatesError> {
    if (0..=MAX_RATE_BP).contains(&bp) {
        Ok(bp)
    } else {
        Err(TaxRatesError::Range(bp))
    }
}

/// The configured rates: a default and some per category.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TaxRates {
    default_bp: i64,
    by_category: HashMap<String, i64>,
}

impl TaxRates {
    /// `spec` is `category=bp,category=bp` (empty for none).
    pub fn parse(default_bp: i64, spec: &str) -> Result<Self, TaxRatesError> {
        let mut by_category = HashMap::new();
        for entry in spec.split(',').map(str::trim).filter(|e| !e.is_empty()) {
            let (category, bp) = entry
                .split_once('=')
                .ok_or_else(|| TaxRatesError::Entry(entry.to_owned()))?;
            let bp = bp
                .trim()
                .parse()
                .map_err(|_| TaxRatesError::Entry(entry.to_owned()))?;
            by_category.insert(category.trim().to_owned(), checked_rate(bp)?);
        }
        Ok(Self {
            default_bp: checked_rate(default_bp)?,
            by_category,
        })
    }

    pub const fn default_bp(&self) -> i64 {
        self.default_bp
    }

    /// The rate of every category, given each one's path (root first, itself last) and the
    /// rate set on it, if any.
    pub fn resolve<'a>(
        &self,
        categories: impl IntoIterator<Item = (&'a [String], Option<i64>)>,
    ) -> CategoryRates {
        let categories: Vec<_> = categories.into_iter().collect();
        let set: HashMap<&str, i64> = categories
            .iter()
            .filter_map(|(path, rate)| Some((path.last()?.as_str(), (*rate)?)))
            .collect();
        let by_category = categories
            .iter()
            .filter_map(|(path, _)| {
                let slug = path.last()?;
                // Nearest first: the category itself, then its parent, up to the root.
                let rate = path
                    .iter()
                    .rev()
                    .find_map(|s| set.get(s.as_str()).copied())
                    .or_else(|| {
                        path.iter()
                            .rev()
                            .find_map(|s| self.by_category.get(s).copied())
                    })
                    .unwrap_or(self.default_bp);
                Some((slug.clone(), rate))
            })
            .collect();
        CategoryRates {
            by_category,
            default_bp: self.default_bp,
        }
    }
}

/// Every category's rate, as [`TaxRates::resolve`] worked it out.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CategoryRates {
    by_category: HashMap<String, i64>,
    default_bp: i64,
}

impl CategoryRates {
    /// The rate of `category`; the default for a category we do not know.
    pub fn rate_for(&self, category: &str) -> i64 {
        self.by_category
            .get(category)
            .copied()
            .unwrap_or(self.default_bp)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(slugs: &[&str]) -> Vec<String> {
        slugs.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn configured_rates_override_the_default() {
        let rates = TaxRates::parse(1900, "groceries=700, books = 0").unwrap();
        let (groceries, books, wine) = (path(&["groceries"]), path(&["books"]), path(&["wine"]));
        let resolved = rates.resolve([
            (groceries.as_slice(), None),
            (books.as_slice(), None),
            (wine.as_slice(), None),
        ]);
        assert_eq!(resolved.rate_for("groceries"), 700);
        assert_eq!(resolved.rate_for("books"), 0);
        assert_eq!(resolved.rate_for("wine"), 1900);
        assert_eq!(resolved.rate_for("unknown"), 1900);
    }

    #[test]
    fn a_rate_set_in_the_admin_wins_and_is_inherited() {
        let rates = TaxRates::parse(1900, "groceries=700").unwrap();
        let groceries = path(&["groceries"]);
        let rice = path(&["groceries", "rice"]);
        let snacks = path(&["groceries", "snacks"]);
        let resolved = rates.resolve([
            (groceries.as_slice(), None),
            (rice.as_slice(), None),
            (snacks.as_slice(), Some(1900)),
        ]);
        // rice inherits the configured rate of its parent; snacks has its own.
        assert_eq!(resolved.rate_for("rice"), 700);
        assert_eq!(resolved.rate_for("snacks"), 1900);

        let resolved = rates.resolve([(groceries.as_slice(), Some(500)), (rice.as_slice(), None)]);
        assert_eq!(resolved.rate_for("groceries"), 500);
        assert_eq!(resolved.rate_for("rice"), 500);
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
