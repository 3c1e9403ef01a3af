//! Messages of the catalog service (`mk.catalog.*`). Prices are integer minor units with an ISO
//! 4217 currency code.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::ProductId;
use crate::inventory::StockLevel;
use crate::money::{Amount, Currency};
use crate::paging::Paging;

/// A product as the shop shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Product {
    pub id: ProductId,
    pub slug: String,
    pub name: String,
    pub description: String,
    /// Minor units (cents); with tax when `price_includes_tax`.
    pub price: Amount,
    pub currency: Currency,
    /// The tax rate of the product's category, basis points (1900 = 19 %).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub tax_rate_bp: i64,
    /// Whether `price` includes tax (the shop's setting): "incl. 19 % VAT" beside it.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub price_includes_tax: bool,
    /// The category's slug.
    pub category: String,
    pub brand: Option<String>,
    /// Free-form: sizes, spice level, allergens, ...
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub attributes: BTreeMap<String, serde_json::Value>,
    pub images: Vec<String>,
    /// Average review rating (1 to 5), absent without reviews.
    pub rating: Option<f64>,
    pub review_count: i64,
    /// Draft, active or archived; only active products are in the shop.
    #[serde(default)]
    pub status: ProductStatus,
    /// Units available as the catalog last heard from inventory (its events; eventually
    /// consistent): what listings and search show ("only 3 left", "out of stock"). Product
    /// details add `stock`, asked of inventory at that moment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub available: Option<i64>,
    /// Current stock; present on product details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stock: Option<StockLevel>,
    /// Relevance of a search hit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Whether shoppers see a product. Only `active` products are listed, found, shown or sold;
/// the owner sees every status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProductStatus {
    /// Being prepared, or hidden for now: not in the shop.
    Draft,
    /// In the shop.
    #[default]
    Active,
    /// No longer sold: not in the shop; past orders keep their lines.
    Archived,
}

impl ProductStatus {
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Active => "active",
            Self::Archived => "archived",
        }
    }
}

/// Which products a listing holds: one status, or `any` (the admin's product list).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StatusFilter {
    /// Active products only: what shoppers see.
    #[default]
    Active,
    Draft,
    Archived,
    /// Every product (admins only).
    Any,
}

/// POST /products and PUT /products/{id}.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProductInput {
    pub name: String,
    /// Derived from the name when absent.
    #[serde(default)]
    pub slug: Option<String>,
    #[serde(default)]
    pub description: String,
    pub price: Amount,
    /// The shop's currency (`MK_SHOP_CURRENCY`); another is refused. Absent: the shop's.
    #[serde(default)]
    pub currency: Option<String>,
    pub category: String,
    #[serde(default)]
    pub brand: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub attributes: BTreeMap<String, serde_json::Value>,
    #[serde(default)]
    pub images: Vec<String>,
    /// Absent: `active` for a new product; a replaced one keeps its status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ProductStatus>,
}

/// PATCH /products/{id}: absent fields stay.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProductPatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<Amount>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brand: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub attributes: Option<BTreeMap<String, serde_json::Value>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub images: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ProductStatus>,
}

/// `mk.catalog.create`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CreateProduct {
    pub product: ProductInput,
}

/// `mk.catalog.update`: a full replacement (`put`) or a patch.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct UpdateProduct {
    /// The product's id or its slug (so a `String`, not a `ProductId`).
    pub id: String,
    #[serde(default)]
    pub put: Option<ProductInput>,
    #[serde(default)]
    pub patch: Option<ProductPatch>,
}

/// `mk.catalog.get` and `mk.catalog.delete`: a product id or slug.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ProductRef {
    /// The product's id or its slug (so a `String`, not a `ProductId`).
    pub id: String,
}

/// `mk.catalog.get_many`: up to 100 product ids; unknown ids are left out of the answer, and
/// each product found comes with its current stock (when inventory answers in time).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ProductIds {
    pub ids: Vec<ProductId>,
}

/// How a listing is ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Sort {
    /// Best match first (search; for plain listings the same as `newest`).
    #[default]
    Relevance,
    PriceAsc,
    PriceDesc,
    Newest,
    Name,
}

/// `mk.catalog.list` and `mk.catalog.search`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ListProducts {
    /// Full-text query (search only).
    #[serde(default)]
    pub query: Option<String>,
    /// A category slug; its sub-categories are included.
    #[serde(default)]
    pub category: Option<String>,
    #[serde(default)]
    pub min_price: Option<i64>,
    #[serde(default)]
    pub max_price: Option<i64>,
    #[serde(default)]
    pub in_stock: Option<bool>,
    /// At most this many units available (as the catalog last heard): low stock.
    #[serde(default)]
    pub max_available: Option<i64>,
    /// Attribute equality, e.g. `{"spice": "hot"}`.
    #[serde(default)]
    pub attributes: BTreeMap<String, String>,
    #[serde(default)]
    pub sort: Sort,
    /// Active products unless an admin asks for others.
    #[serde(default)]
    pub status: StatusFilter,
    #[serde(flatten)]
    pub paging: Paging,
}

/// A page of products.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProductPage {
    pub items: Vec<Product>,
    pub total: i64,
    pub page: u32,
    pub per_page: u32,
}

/// A category and its sub-categories.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Category {
    pub slug: String,
    pub name: String,
    pub parent: Option<String>,
    /// The category's own tax rate (basis points) as the owner set it; `null`: its parent's.
    #[serde(default)]
    pub tax_rate_bp: Option<i64>,
    /// The rate its products are taxed at: its own, else the nearest ancestor's, else the
    /// shop's configured rate for it or the default.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub effective_tax_rate_bp: i64,
    #[cfg_attr(feature = "openapi", schema(no_recursion))]
    pub children: Vec<Category>,
}

/// POST /categories (admin).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CategoryInput {
    pub slug: String,
    pub name: String,
    #[serde(default)]
    pub parent: Option<String>,
}

/// PATCH /categories/{slug} (admin): absent fields stay; `tax_rate_bp: null` makes the
/// category take its parent's rate again.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
// A misspelt field (`tax_rate`) is refused, not ignored with a 200 that changed nothing.
#[serde(deny_unknown_fields)]
pub struct CategoryPatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Basis points, 0 to 10000.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<i64>))]
    pub tax_rate_bp: Option<Option<i64>>,
    /// Moves the category (with its sub-categories and their products) under this parent;
    /// `null` makes it a top category.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub parent: Option<Option<String>>,
}

/// `mk.catalog.category_delete`: DELETE /categories/{slug}.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CategoryRef {
    pub slug: String,
}

/// A field that is present, `null` included: `Some(None)` for `null`, `None` when absent
/// (with `#[serde(default)]`).
fn present<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// `mk.catalog.category_update`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct UpdateCategory {
    pub slug: String,
    pub patch: CategoryPatch,
}

/// GET /shop: what every page of the storefront needs to show prices as the shop sets them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ShopInfo {
    /// The shop's one currency: every product is priced in it.
    pub currency: Currency,
    /// Whether prices include tax (EU consumer prices do).
    pub prices_include_tax: bool,
    /// The rate of products whose category has none, basis points.
    pub default_tax_rate_bp: i64,
}

/// `mk.catalog.sitemap`: what the shop's `/sitemap.xml` lists: every active product's page and
/// every category's listing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SitemapEntries {
    /// At most [`SitemapEntries::MAX_PRODUCTS`], most recently changed first.
    pub products: Vec<SitemapProduct>,
    pub categories: Vec<String>,
}

impl SitemapEntries {
    /// A sitemap file holds at most 50,000 addresses; the home page, the listing and the
    /// categories take some.
    pub const MAX_PRODUCTS: usize = 49_000;
}

/// One product page of the sitemap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SitemapProduct {
    pub slug: String,
    pub updated_at: DateTime<Utc>,
}

/// POST /products/{id}/reviews.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewInput {
    /// 1 to 5.
    pub rating: i64,
    #[serde(default)]
    pub text: String,
}

/// `mk.catalog.review_add`: the caller reviews a product (once).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AddReview {
    /// The product's id or its slug (so a `String`, not a `ProductId`).
    pub product_id: String,
    pub review: ReviewInput,
}

/// `mk.catalog.review_delete`: one review of one product.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ReviewRef {
    /// The product's id or its slug (so a `String`, not a `ProductId`).
    pub product_id: String,
    pub review_id: String,
}

/// A review as shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Review {
    pub id: String,
    pub product_id: ProductId,
    pub user_id: String,
    /// How the review names its author ("Ada L."), from the account's name when it was
    /// written; absent on reviews older than this field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// The author had bought the product (an order with it was paid) when writing the review.
    #[serde(default)]
    pub verified_buyer: bool,
    pub rating: i64,
    pub text: String,
    pub created_at: DateTime<Utc>,
}

/// `mk.catalog.reviews`: a product's reviews, newest first.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ListReviews {
    /// The product's id or its slug (so a `String`, not a `ProductId`).
    pub product_id: String,
    #[serde(flatten)]
    pub paging: Paging,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewPage {
    pub items: Vec<Review>,
    pub total: i64,
    pub page: u32,
    pub per_page: u32,
}

/// GET /attributes: every attribute some product has, with each value's product count, for
/// the storefront's filters (`attr.<name>=<value>` on the listing).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AttributeFacets {
    /// By name.
    pub items: Vec<AttributeFacet>,
}

/// One attribute and its values, most common first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AttributeFacet {
    pub name: String,
    pub values: Vec<AttributeValue>,
}

/// A value as the listing filter compares it (text: `true`, `hot`, `3`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AttributeValue {
    pub value: String,
    pub count: i64,
}
