//! Messages of the cart service (`mk.cart.*`). Money is integer minor units.
//!
//! A cart belongs to a signed-in user (the caller) or, for a visitor, to an anonymous cart token
//! that the cart service hands out with the visitor's first cart and the edge keeps in a cookie.

use crate::ids::ProductId;
use crate::money::Amount;
use crate::tax::Totals;
use serde::{Deserialize, Serialize};

/// One line of a cart, priced now from the catalog.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CartItem {
    pub item_id: String,
    pub product_id: ProductId,
    pub name: String,
    pub slug: String,
    pub category: String,
    /// The catalog's current price, minor units (with tax when `prices_include_tax`).
    pub unit_price: Amount,
    pub quantity: i64,
    /// `unit_price * quantity`.
    pub line_total: Amount,
    /// Tax rate of this line in basis points (1/100 of a percent): 700 = 7 %.
    pub tax_rate_bp: i64,
    /// This line's tax (added to `line_total`, or contained in it when prices include tax),
    /// rounded half away from zero to the minor unit.
    pub tax: Amount,
    /// Units of the product that can be bought now (its available stock), so a client offers
    /// no more; `null` when the stock is not known (inventory did not answer in time).
    #[serde(default)]
    pub available: Option<i64>,
}

impl From<&CartItem> for crate::tax::TaxedLine {
    fn from(item: &CartItem) -> Self {
        Self {
            line_total: item.line_total,
            tax_rate_bp: item.tax_rate_bp,
            tax: item.tax,
        }
    }
}

/// A cart: its lines and their [`Totals`] (`subtotal + tax = total`; with prices including tax,
/// the lines add up to `total`, else to `subtotal`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Cart {
    pub items: Vec<CartItem>,
    pub item_count: i64,
    #[serde(flatten)]
    pub totals: Totals,
    /// Lines dropped because their product no longer exists (shown once, then gone).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed_products: Vec<ProductId>,
    /// A visitor's cart token (only for anonymous carts): send it back as the `mk_cart` cookie
    /// or the `X-Cart-Token` header.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cart_token: Option<String>,
}

/// Which cart: the caller's own when signed in, else the anonymous cart of `cart_token`
/// (a new one is created when absent and the request adds something).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CartRef {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cart_token: Option<String>,
}

/// POST /cart/add `{product_id, quantity}`; adding a product already in the cart raises its
/// quantity.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AddToCart {
    pub product_id: ProductId,
    #[serde(default = "one")]
    pub quantity: i64,
}

fn one() -> i64 {
    1
}

/// PATCH /cart/items/{item_id} `{quantity}`: sets a line's quantity (0 removes it).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SetQuantity {
    pub quantity: i64,
}

/// `mk.cart.add`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CartAdd {
    #[serde(flatten)]
    pub cart: CartRef,
    #[serde(flatten)]
    pub item: AddToCart,
}

/// `mk.cart.set_quantity`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CartSetQuantity {
    #[serde(flatten)]
    pub cart: CartRef,
    pub item_id: String,
    pub quantity: i64,
}

/// `mk.cart.remove`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CartRemove {
    #[serde(flatten)]
    pub cart: CartRef,
    pub item_id: String,
}

/// `mk.cart.merge`: moves the anonymous cart `cart_token` into the caller's cart (at login).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CartMerge {
    pub cart_token: String,
}
