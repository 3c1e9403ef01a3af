//! Pricing a cart: stored lines (product, quantity) and the catalog's products of now in, a
//! priced [`Cart`] out.

use std::collections::HashMap;

use menuskart_schemas::cart::{Cart, CartItem};
use menuskart_schemas::catalog::Product;
use menuskart_schemas::ids::ProductId;
use menuskart_schemas::money::Currency;
use menuskart_schemas::tax::{TaxedLine, Totals};
use serde::Deserialize;

/// A cart line as stored: no price, no name (those come from the catalog at read time).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct StoredLine {
    pub item_id: String,
    pub product_id: ProductId,
    pub quantity: i64,
    /// The product's currency when it was added (the cart's one currency).
    pub currency: Currency,
}

/// What an empty cart says: the shop's currency and tax setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShopDefaults {
    pub currency: Currency,
    pub prices_include_tax: bool,
}

/// Prices `lines` with `products`, each taxed at the rate the catalog gives it (with the
/// catalog's word on whether prices include tax); lines whose product is gone are left out
/// and their product ids listed in `removed_products`.
pub fn price(lines: &[StoredLine], products: &[Product], shop: ShopDefaults) -> Cart {
    let by_id: HashMap<&ProductId, &Product> = products.iter().map(|p| (&p.id, p)).collect();
    let priced: Vec<(&StoredLine, &Product)> = lines
        .iter()
        .filter_map(|line| Some((line, *by_id.get(&line.product_id)?)))
        .collect();
    let removed_products = lines
        .iter()
        .filter(|line| !by_id.contains_key(&line.product_id))
        .map(|line| line.product_id.clone())
        .collect();
    // The catalog says it per product; it is the shop's one setting, so the first line's.
    let (currency, prices_include_tax) = priced
        .first()
        .map_or((shop.currency, shop.prices_include_tax), |(_, product)| {
            (product.currency, product.price_includes_tax)
        });
    let items: Vec<CartItem> = priced
        .iter()
        .map(|(line, product)| {
            let line_total = product.price * line.quantity;
            let taxed = TaxedLine::new(line_total, product.tax_rate_bp, prices_include_tax);
            CartItem {
                item_id: line.item_id.clone(),
                product_id: product.id.clone(),
                name: product.name.clone(),
                slug: product.slug.clone(),
                category: product.category.clone(),
                unit_price: product.price,
                quantity: line.quantity,
                line_total,
                tax_rate_bp: taxed.tax_rate_bp,
                tax: taxed.tax,
                available: product.stock.as_ref().map(|s| s.available),
            }
        })
        .collect();
    let totals = Totals::from_lines(
        currency,
        prices_include_tax,
        items.iter().map(TaxedLine::from),
    );
    Cart {
        item_count: items.iter().map(|item| item.quantity).sum(),
        items,
        totals,
        removed_products,
        cart_token: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use menuskart_schemas::money::Amount;

    const SHOP: ShopDefaults = ShopDefaults {
        currency: Currency::EUR,
        prices_include_tax: false,
    };

    fn product(id: &str, price: i64, category: &str) -> Product {
        let rate = if category == "groceries" { 700 } else { 1900 };
        taxed(id, price, rate, false)
    }

    fn taxed(id: &str, price: i64, rate_bp: i64, included: bool) -> Product {
        serde_json::from_value(serde_json::json!({
            "id": id, "slug": id, "name": format!("Product {id}"), "description": "",
            "price": price, "currency": "EUR", "category": "any", "brand": null,
            "tax_rate_bp": rate_bp, "price_includes_tax": included,
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
        let products = [product("a", 250, "groceries"), product("b", 199, "drinks")];
        let cart = price(&[line("a", 1), line("b", 3)], &products, SHOP);
        // a: 250 * 7 % = 17.5 -> 18; b: 597 * 19 % = 113.43 -> 113
        assert_eq!(cart.totals.subtotal, Amount(847));
        assert_eq!(cart.totals.tax, Amount(18 + 113));
        assert_eq!(cart.totals.total, Amount(847 + 131));
        assert_eq!(cart.item_count, 4);
        assert_eq!(cart.totals.currency, Currency::EUR);
        assert_eq!(cart.items[1].line_total, Amount(597));
        assert_eq!(cart.items[0].tax_rate_bp, 700);
    }

    #[test]
    fn with_prices_including_tax_the_lines_add_up_to_the_total() {
        let products = [
            taxed("pad-thai", 1190, 1900, true),
            taxed("rice", 420, 700, true),
        ];
        let cart = price(&[line("pad-thai", 2), line("rice", 1)], &products, SHOP);
        assert_eq!(cart.totals.total, Amount(2380 + 420));
        // 2380 * 19/119 = 380; 420 * 7/107 = 27.48 -> 27
        assert_eq!(cart.items[0].tax, Amount(380));
        assert_eq!(cart.items[1].tax, Amount(27));
        assert_eq!(cart.totals.tax, Amount(407));
        assert_eq!(cart.totals.subtotal, Amount(2800 - 407));
        assert!(cart.totals.prices_include_tax);
    }

    #[test]
    fn lines_of_vanished_products_are_reported_not_priced() {
        let cart = price(
            &[line("gone", 2), line("a", 1)],
            &[taxed("a", 100, 0, false)],
            SHOP,
        );
        assert_eq!(cart.items.len(), 1);
        assert_eq!(cart.removed_products, ["gone"]);
        assert_eq!(cart.totals.total, Amount(100));
    }

    #[test]
    fn an_empty_cart_is_in_the_shop_currency() {
        let shop = ShopDefaults {
            currency: Currency::EUR,
            prices_include_tax: true,
        };
        let cart = price(&[], &[], shop);
        assert_eq!(cart.totals, Totals::zero(Currency::EUR, true));
    }
}
