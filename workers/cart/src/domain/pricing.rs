//! Pricing a cart: stored lines (product, quantity) and the catalog's products of now in, a
//! priced [`Cart`] out.

use std::collections::HashMap;

use menuskart_schemas::cart::{Cart, CartItem};
use menuskart_schemas::catalog::Product;
use menuskart_schemas::ids::ProductId;
use serde::Deserialize;

use super::tax::{TaxRates, tax_on};
use menuskart_schemas::money::{Amount, Currency};

/// A cart line as stored: no price, no name (those come from the catalog at read time).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct StoredLine {
    pub item_id: String,
    pub product_id: ProductId,
    pub quantity: i64,
    /// The product's currency when it was added (the cart's one currency).
    pub currency: Currency,
}

/// Prices `lines` with `products`; lines whose product is gone are left out and their product
/// ids listed in `removed_products`.
pub fn price(lines: &[StoredLine], products: &[Product], tax: &TaxRates) -> Cart {
    let by_id: HashMap<&ProductId, &Product> = products.iter().map(|p| (&p.id, p)).collect();
    let mut cart = Cart {
        items: Vec::with_capacity(lines.len()),
        item_count: 0,
        subtotal: Amount::ZERO,
        tax: Amount::ZERO,
        total: Amount::ZERO,
        currency: None,
        removed_products: Vec::new(),
        cart_token: None,
    };
    for line in lines {
        let Some(product) = by_id.get(&line.product_id) else {
            cart.removed_products.push(line.product_id.clone());
            continue;
        };
        let line_total = product.price * line.quantity;
        let tax_rate_bp = tax.rate_for(&product.category);
        let line_tax = Amount(tax_on(line_total.0, tax_rate_bp));
        cart.item_count += line.quantity;
        cart.subtotal += line_total;
        cart.tax += line_tax;
        cart.currency.get_or_insert(product.currency);
        cart.items.push(CartItem {
            item_id: line.item_id.clone(),
            product_id: product.id.clone(),
            name: product.name.clone(),
            slug: product.slug.clone(),
            category: product.category.clone(),
            unit_price: product.price,
            quantity: line.quantity,
            line_total,
            tax_rate_bp,
            tax: line_tax,
            available: product.stock.as_ref().map(|s| s.available),
        });
    }
    cart.total = cart.subtotal + cart.tax;
    cart
}

#[cfg(test)]
mod tests {
    use super::*;

    fn product(id: &str, price: i64, category: &str) -> Product {
        serde_json::from_value(serde_json::json!({
            "id": id, "slug": id, "name": format!("Product {id}"), "description": "",
            "price": price, "currency": "EUR", "category": category, "brand": null,
            "attributes": {}, "images": [], "rating": null, "review_count": 0,
            "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z"
        }))
        .unwrap()
    }

    fn line(product_id: &str, quantity: i64) -> StoredLine {
        StoredLine {
            item_id: format!("i-{product_id}"),
            product_id: ProductId::parse(product_id).unwrap(),
            quantity,
            currency: Currency::EUR,
        }
    }

    #[test]
    fn totals_are_the_sum_of_rounded_line_taxes() {
        let tax = TaxRates::parse(1900, "groceries=700").unwrap();
        let products = [product("a", 250, "groceries"), product("b", 199, "drinks")];
        let cart = price(&[line("a", 1), line("b", 3)], &products, &tax);
        // a: 250 * 7 % = 17.5 -> 18; b: 597 * 19 % = 113.43 -> 113
        assert_eq!(cart.subtotal, Amount(847));
        assert_eq!(cart.tax, Amount(18 + 113));
        assert_eq!(cart.total, Amount(847 + 131));
        assert_eq!(cart.item_count, 4);
        assert_eq!(cart.currency, Some(Currency::EUR));
        assert_eq!(cart.items[1].line_total, Amount(597));
    }

    #[test]
    fn lines_of_vanished_products_are_reported_not_priced() {
        let cart = price(
            &[line("gone", 2), line("a", 1)],
            &[product("a", 100, "x")],
            &TaxRates::default(),
        );
        assert_eq!(cart.items.len(), 1);
        assert_eq!(cart.removed_products, ["gone"]);
        assert_eq!(cart.total, Amount(100));
    }

    #[test]
    fn an_empty_cart_has_no_currency() {
        let cart = price(&[], &[], &TaxRates::default());
        assert_eq!(cart.currency, None);
        assert_eq!(cart.total, Amount(0));
    }
}
