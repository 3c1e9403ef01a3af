//! What a listing shows of a product's stock: the storefront's product cards say "out of stock"
//! or "only N left" for a few units, and nothing when there are plenty.

/// At most this many units is "only N left" (the storefront's `LOW_STOCK`, `web/src/lib/stock.ts`).
pub const FEW: i64 = 5;

/// A product's stock as a listing shows it: two stock levels that show the same need no new
/// listing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StockShown {
    Plenty,
    Few(i64),
    SoldOut,
}

impl StockShown {
    pub fn of(available: i64) -> Self {
        match available {
            ..=0 => Self::SoldOut,
            1..=FEW => Self::Few(available),
            _ => Self::Plenty,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plenty_looks_the_same_whatever_the_number_and_a_few_or_none_do_not() {
        assert_eq!(StockShown::of(40), StockShown::of(6));
        assert_ne!(StockShown::of(6), StockShown::of(5));
        assert_ne!(StockShown::of(5), StockShown::of(4));
        assert_eq!(StockShown::of(0), StockShown::of(-1));
        assert_ne!(StockShown::of(1), StockShown::of(0));
    }
}
