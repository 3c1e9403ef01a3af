use std::collections::BTreeMap;

use menuskart_schemas::ids::ProductId;
use menuskart_schemas::inventory::ReservationLine;

use super::{Quantity, ValidationError};

/// The lines of a reservation: at least one, at most 100 products, each product once (repeated
/// products are summed), in a stable order so the same order always makes the same script call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReservationLines(Vec<(ProductId, Quantity)>);

impl ReservationLines {
    pub const MAX_PRODUCTS: usize = 100;

    pub fn parse(raw: &[ReservationLine]) -> Result<Self, ValidationError> {
        if raw.is_empty() {
            return Err(ValidationError::new("lines", "must not be empty"));
        }
        let mut merged: BTreeMap<ProductId, i64> = BTreeMap::new();
        for line in raw {
            Quantity::parse(line.quantity)?;
            *merged.entry(line.product_id.clone()).or_default() += line.quantity;
        }
        if merged.len() > Self::MAX_PRODUCTS {
            return Err(ValidationError::new(
                "lines",
                format!("at most {} products", Self::MAX_PRODUCTS),
            ));
        }
        merged
            .into_iter()
            .map(|(id, quantity)| Ok((id, Quantity::parse(quantity)?)))
            .collect::<Result<_, _>>()
            .map(Self)
    }

    pub fn iter(&self) -> impl Iterator<Item = &(ProductId, Quantity)> {
        self.0.iter()
    }

    pub fn to_wire(&self) -> Vec<ReservationLine> {
        self.0
            .iter()
            .map(|(id, q)| ReservationLine {
                product_id: id.clone(),
                quantity: q.get(),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(id: &str, quantity: i64) -> ReservationLine {
        ReservationLine {
            product_id: ProductId::parse(id).unwrap(),
            quantity,
        }
    }

    #[test]
    fn repeated_products_are_merged_and_sorted() {
        let lines = ReservationLines::parse(&[line("b", 1), line("a", 2), line("b", 3)]).unwrap();
        assert_eq!(lines.to_wire(), vec![line("a", 2), line("b", 4)]);
    }

    #[test]
    fn empty_or_bad_lines_are_refused() {
        assert_eq!(ReservationLines::parse(&[]).unwrap_err().field, "lines");
        assert_eq!(
            ReservationLines::parse(&[line("a", 0)]).unwrap_err().field,
            "quantity"
        );
        // A malformed product id does not even decode (see `ProductId`).
        let bad = serde_json::json!({"product_id": "a b", "quantity": 1});
        assert!(serde_json::from_value::<ReservationLine>(bad).is_err());
    }
}
