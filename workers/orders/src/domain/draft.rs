//! An order about to be placed: the cart's lines and totals as priced at this moment.

use menuskart_kit::ReplyError;
use menuskart_schemas::cart::Cart;
use menuskart_schemas::delivery::DeliveryMethod;
use menuskart_schemas::ids::DeliveryMethodId;
use menuskart_schemas::inventory::ReservationLine;
use menuskart_schemas::money::Amount;
use menuskart_schemas::orders::OrderLine;
use menuskart_schemas::tax::Totals;

#[derive(Debug, Clone, PartialEq)]
pub struct OrderDraft {
    pub lines: Vec<OrderLine>,
    pub totals: Totals,
    /// How it is delivered; none when the shop offers no delivery methods.
    pub delivery: Option<DraftDelivery>,
}

/// The delivery method an order is placed with, as it is now.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftDelivery {
    pub method_id: DeliveryMethodId,
    pub name: String,
    /// The rate delivery was taxed at (the shop's standard rate).
    pub tax_rate_bp: i64,
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
            delivery: None,
        })
    }

    /// Delivered by `method` at its price for these goods (free above its threshold), taxed
    /// at `tax_rate_bp`.
    pub fn delivered_by(self, method: &DeliveryMethod, tax_rate_bp: i64) -> Self {
        let price = delivery_price(method, self.totals.goods_as_listed());
        Self {
            totals: self.totals.with_delivery(price, tax_rate_bp),
            delivery: Some(DraftDelivery {
                method_id: method.id,
                name: method.name.clone(),
                tax_rate_bp,
            }),
            ..self
        }
    }
}

/// What `method` costs for goods listed at `goods`: its price, or nothing at or above its
/// free-delivery threshold.
pub fn delivery_price(method: &DeliveryMethod, goods: Amount) -> Amount {
    match method.free_above {
        Some(threshold) if goods >= threshold => Amount::ZERO,
        _ => method.price,
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

    #[test]
    fn delivery_is_free_from_its_threshold_on() {
        let method = DeliveryMethod {
            id: DeliveryMethodId::new(),
            name: "Courier".into(),
            description: String::new(),
            price: Amount(490),
            free_above: Some(Amount(5000)),
            currency: menuskart_schemas::money::Currency::EUR,
            active: true,
            position: 0,
        };
        assert_eq!(delivery_price(&method, Amount(4999)), Amount(490));
        assert_eq!(delivery_price(&method, Amount(5000)), Amount::ZERO);
        let always = DeliveryMethod {
            free_above: None,
            ..method
        };
        assert_eq!(delivery_price(&always, Amount(1_000_000)), Amount(490));
    }
}
