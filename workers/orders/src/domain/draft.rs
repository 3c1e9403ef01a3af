//! An order about to be placed: the cart's lines and totals as priced at this moment.

use menuskart_kit::ReplyError;
use menuskart_schemas::cart::Cart;
use menuskart_schemas::inventory::ReservationLine;
use menuskart_schemas::orders::OrderLine;
use menuskart_schemas::tax::Totals;

#[derive(Debug, Clone, PartialEq)]
pub struct OrderDraft {
    pub lines: Vec<OrderLine>,
    pub totals: Totals,
}

impl OrderDraft {
    /// Freezes a priced cart; an empty cart cannot be placed.
    pub fn from_cart(cart: Cart) -> Result<Self, ReplyError> {
        if cart.items.is_empty() {
            return Err(ReplyError::validation("the cart is empty"));
        }
        // A card cannot be charged nothing: free items come with something paid for.
        if cart.totals.total.minor_units() <= 0 {
            return Err(ReplyError::validation(
                "the basket costs nothing: free items come with an order of something paid for",
            ));
        }
        let lines = cart
            .items
            .into_iter()
            .map(|item| OrderLine {
                product_id: item.product_id,
                name: item.name,
                unit_price: item.unit_price,
                quantity: item.quantity,
                line_total: item.line_total,
                tax_rate_bp: item.tax_rate_bp,
                tax: item.tax,
            })
            .collect();
        Ok(Self {
            lines,
            totals: cart.totals,
        })
    }
}

/// What the inventory must hold for these lines.
pub fn reservation_lines(lines: &[OrderLine]) -> Vec<ReservationLine> {
    lines
        .iter()
        .map(|line| ReservationLine {
            product_id: line.product_id.clone(),
            quantity: line.quantity,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_cart_is_refused() {
        let cart: Cart = serde_json::from_value(serde_json::json!({
            "items": [], "item_count": 0, "subtotal": 0, "tax": 0, "total": 0, "currency": "EUR"
        }))
        .unwrap();
        assert!(OrderDraft::from_cart(cart).is_err());
    }
}
