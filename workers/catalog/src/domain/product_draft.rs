use std::collections::BTreeMap;

use menuskart_schemas::catalog::{ProductInput, ProductPatch, ProductStatus};

use menuskart_schemas::money::Amount;

use super::{Currency, Slug, ValidationError};

/// A product's content, valid: what create and update write.
#[derive(Debug, Clone, PartialEq)]
pub struct ProductDraft {
    pub name: String,
    pub slug: Slug,
    pub description: String,
    pub price: Amount,
    pub currency: Currency,
    pub category: Slug,
    pub brand: Option<String>,
    pub attributes: BTreeMap<String, serde_json::Value>,
    pub images: Vec<String>,
    pub status: ProductStatus,
}

/// The most a price may be, in minor units (one million in major units).
pub const MAX_PRICE: i64 = 100_000_000;
const MAX_NAME_CHARS: usize = 200;
const MAX_DESCRIPTION_CHARS: usize = 5_000;
const MAX_ATTRIBUTES: usize = 50;
const MAX_IMAGES: usize = 20;

fn text(
    field: &'static str,
    raw: &str,
    max: usize,
    required: bool,
) -> Result<String, ValidationError> {
    let value = raw.trim();
    if required && value.is_empty() {
        return Err(ValidationError::new(field, "must not be empty"));
    }
    if value.chars().count() > max {
        return Err(ValidationError::new(
            field,
            format!("must be at most {max} characters"),
        ));
    }
    Ok(value.to_owned())
}

fn attributes(
    raw: BTreeMap<String, serde_json::Value>,
) -> Result<BTreeMap<String, serde_json::Value>, ValidationError> {
    if raw.len() > MAX_ATTRIBUTES {
        return Err(ValidationError::new(
            "attributes",
            format!("at most {MAX_ATTRIBUTES}"),
        ));
    }
    let scalar = |v: &serde_json::Value| v.is_string() || v.is_number() || v.is_boolean();
    for (key, value) in &raw {
        let key_ok = (1..=50).contains(&key.len())
            && key
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !key_ok {
            return Err(ValidationError::new(
                "attributes",
                format!("bad key {key:?}: use a-z, 0-9, _"),
            ));
        }
        let value_ok = scalar(value)
            || value
                .as_array()
                .is_some_and(|items| items.iter().all(scalar));
        if !value_ok {
            return Err(ValidationError::new(
                "attributes",
                format!("{key}: a value must be a string, number, boolean or a list of them"),
            ));
        }
    }
    Ok(raw)
}

fn images(raw: Vec<String>) -> Result<Vec<String>, ValidationError> {
    if raw.len() > MAX_IMAGES {
        return Err(ValidationError::new(
            "images",
            format!("at most {MAX_IMAGES}"),
        ));
    }
    for url in &raw {
        let ok = url.len() <= 500
            && (url.starts_with("https://") || url.starts_with("http://") || url.starts_with('/'));
        if !ok {
            return Err(ValidationError::new(
                "images",
                format!("{url:?} is not an http(s) URL or a path"),
            ));
        }
    }
    Ok(raw)
}

impl ProductDraft {
    /// `input` checked; its currency must be `shop_currency` (absent: that one), as a shop sells
    /// in one currency and a basket holds one.
    pub fn parse(input: ProductInput, shop_currency: Currency) -> Result<Self, ValidationError> {
        let name = text("name", &input.name, MAX_NAME_CHARS, true)?;
        let slug = match input.slug.as_deref() {
            Some(slug) => Slug::parse("slug", slug)?,
            None => Slug::from_name(&name)?,
        };
        if !(0..=MAX_PRICE).contains(&input.price.minor_units()) {
            return Err(ValidationError::new(
                "price",
                format!("must be 0 to {MAX_PRICE} minor units"),
            ));
        }
        let brand = input
            .brand
            .as_deref()
            .map(|b| text("brand", b, 100, false))
            .transpose()?;
        Ok(Self {
            slug,
            description: text(
                "description",
                &input.description,
                MAX_DESCRIPTION_CHARS,
                false,
            )?,
            price: input.price,
            currency: shop_priced(input.currency.as_deref(), shop_currency)?,
            category: Slug::parse("category", &input.category)?,
            brand: brand.filter(|b| !b.is_empty()),
            attributes: attributes(input.attributes)?,
            images: images(input.images)?,
            status: input.status.unwrap_or_default(),
            name,
        })
    }

    /// The draft with `patch` applied; the slug stays (links keep working).
    pub fn patched(
        &self,
        patch: ProductPatch,
        shop_currency: Currency,
    ) -> Result<Self, ValidationError> {
        Self::parse(
            ProductInput {
                name: patch.name.unwrap_or_else(|| self.name.clone()),
                slug: Some(self.slug.as_str().to_owned()),
                description: patch
                    .description
                    .unwrap_or_else(|| self.description.clone()),
                price: patch.price.unwrap_or(self.price),
                currency: Some(
                    patch
                        .currency
                        .unwrap_or_else(|| self.currency.as_str().to_owned()),
                ),
                category: patch
                    .category
                    .unwrap_or_else(|| self.category.as_str().to_owned()),
                brand: patch.brand.or_else(|| self.brand.clone()),
                attributes: patch.attributes.unwrap_or_else(|| self.attributes.clone()),
                images: patch.images.unwrap_or_else(|| self.images.clone()),
                status: Some(patch.status.unwrap_or(self.status)),
            },
            shop_currency,
        )
    }
}

/// The product's currency: the shop's, which is also what an absent one means.
fn shop_priced(raw: Option<&str>, shop_currency: Currency) -> Result<Currency, ValidationError> {
    let Some(raw) = raw else {
        return Ok(shop_currency);
    };
    let currency = Currency::parse(raw)?;
    if currency != shop_currency {
        return Err(ValidationError::new(
            "currency",
            format!("the shop sells in {shop_currency}: every price is in it"),
        ));
    }
    Ok(currency)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> ProductInput {
        ProductInput {
            name: " Green Curry ".into(),
            slug: None,
            description: "Coconut, basil".into(),
            price: Amount(1250),
            currency: Some("eur".into()),
            category: "curries".into(),
            brand: None,
            attributes: BTreeMap::from([("spice".into(), serde_json::json!("hot"))]),
            images: vec!["https://img.example.com/curry.jpg".into()],
            status: None,
        }
    }

    #[test]
    fn a_good_input_is_normalised() {
        let draft = ProductDraft::parse(input(), Currency::EUR).unwrap();
        assert_eq!(draft.name, "Green Curry");
        assert_eq!(draft.slug.as_str(), "green-curry");
        assert_eq!(draft.currency.as_str(), "EUR");
    }

    #[test]
    fn bad_fields_are_named() {
        let field = |change: fn(&mut ProductInput)| {
            let mut bad = input();
            change(&mut bad);
            ProductDraft::parse(bad, Currency::EUR).unwrap_err().field
        };
        assert_eq!(field(|p| p.name = "  ".into()), "name");
        assert_eq!(field(|p| p.price = Amount(-1)), "price");
        assert_eq!(field(|p| p.currency = Some("XXX".into())), "currency");
        // A currency we know, but not the shop's: one basket, one currency.
        assert_eq!(field(|p| p.currency = Some("usd".into())), "currency");
        assert_eq!(field(|p| p.category = "Not A Slug".into()), "category");
        assert_eq!(field(|p| p.images = vec!["ftp://x".into()]), "images");
        assert_eq!(
            field(|p| {
                p.attributes
                    .insert("nested".into(), serde_json::json!({"a": 1}));
            }),
            "attributes"
        );
    }

    #[test]
    fn a_patch_keeps_the_slug_and_absent_fields() {
        let draft = ProductDraft::parse(input(), Currency::EUR).unwrap();
        let patched = draft
            .patched(
                ProductPatch {
                    name: Some("Red Curry".into()),
                    price: Some(Amount(990)),
                    ..Default::default()
                },
                Currency::EUR,
            )
            .unwrap();
        assert_eq!(patched.slug.as_str(), "green-curry");
        assert_eq!(patched.name, "Red Curry");
        assert_eq!(patched.price, Amount(990));
        assert_eq!(patched.description, "Coconut, basil");
    }

    #[test]
    fn a_new_product_is_active_and_a_patch_keeps_or_changes_the_status() {
        let draft = ProductDraft::parse(input(), Currency::EUR).unwrap();
        assert_eq!(draft.status, ProductStatus::Active);
        let hidden = draft
            .patched(
                ProductPatch {
                    status: Some(ProductStatus::Draft),
                    ..Default::default()
                },
                Currency::EUR,
            )
            .unwrap();
        assert_eq!(hidden.status, ProductStatus::Draft);
        let renamed = hidden
            .patched(
                ProductPatch {
                    name: Some("Red Curry".into()),
                    ..Default::default()
                },
                Currency::EUR,
            )
            .unwrap();
        assert_eq!(renamed.status, ProductStatus::Draft);
    }
}
