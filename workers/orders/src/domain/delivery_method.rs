//! A delivery method as the admin may write it: a name people read, a price and an optional
//! free-delivery threshold that are real amounts, a place in the list.

use menuskart_kit::ValidationError;
use menuskart_schemas::delivery::{DeliveryMethod, DeliveryMethodInput};
use menuskart_schemas::money::Amount;

/// The most a delivery may cost, in minor units (€100,000.00).
const MAX_PRICE: i64 = 10_000_000;
/// The highest free-delivery threshold (10^12 minor units: exact in a browser's numbers too).
const MAX_THRESHOLD: i64 = 1_000_000_000_000;
/// The last place in the list.
pub const MAX_POSITION: i32 = 10_000;
const MAX_NAME: usize = 80;
const MAX_DESCRIPTION: usize = 200;

/// A method's fields, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MethodFields {
    pub name: String,
    pub description: String,
    pub price: Amount,
    pub free_above: Option<Amount>,
    pub active: bool,
    /// Where it stands in the list; a new method without one goes last.
    pub position: Option<i32>,
}

impl MethodFields {
    /// A new method: a name and a price are required.
    pub fn create(input: DeliveryMethodInput) -> Result<Self, ValidationError> {
        let name = input
            .name
            .clone()
            .ok_or_else(|| ValidationError::new("name", "required"))?;
        let price = input
            .price
            .ok_or_else(|| ValidationError::new("price", "required"))?;
        Self {
            name,
            description: String::new(),
            price,
            free_above: None,
            active: true,
            position: None,
        }
        .patched(input)
    }

    /// The stored method's fields.
    pub fn of(method: &DeliveryMethod) -> Self {
        Self {
            name: method.name.clone(),
            description: method.description.clone(),
            price: method.price,
            free_above: method.free_above,
            active: method.active,
            position: Some(method.position),
        }
    }

    /// These fields with the given ones changed, checked (a stored position is not checked
    /// again: only one given now).
    pub fn patched(self, input: DeliveryMethodInput) -> Result<Self, ValidationError> {
        if input
            .position
            .is_some_and(|p| !(0..=MAX_POSITION).contains(&p))
        {
            return Err(ValidationError::new(
                "position",
                format!("0 to {MAX_POSITION}"),
            ));
        }
        let fields = Self {
            name: input.name.map_or(self.name, |n| n.trim().to_owned()),
            description: input
                .description
                .map_or(self.description, |d| d.trim().to_owned()),
            price: input.price.unwrap_or(self.price),
            free_above: input.free_above.unwrap_or(self.free_above),
            active: input.active.unwrap_or(self.active),
            position: input.position.or(self.position),
        };
        fields.check()?;
        Ok(fields)
    }

    fn check(&self) -> Result<(), ValidationError> {
        let chars = self.name.chars().count();
        if chars == 0 || chars > MAX_NAME || self.name.chars().any(char::is_control) {
            return Err(ValidationError::new(
                "name",
                format!("1 to {MAX_NAME} characters, no control characters"),
            ));
        }
        if self.description.chars().count() > MAX_DESCRIPTION
            || self.description.chars().any(char::is_control)
        {
            return Err(ValidationError::new(
                "description",
                format!("at most {MAX_DESCRIPTION} characters, no control characters"),
            ));
        }
        if !(0..=MAX_PRICE).contains(&self.price.0) {
            return Err(ValidationError::new(
                "price",
                format!("0 to {MAX_PRICE} (minor units)"),
            ));
        }
        if self
            .free_above
            .is_some_and(|t| !(0..=MAX_THRESHOLD).contains(&t.0))
        {
            return Err(ValidationError::new(
                "free_above",
                format!("0 to {MAX_THRESHOLD} (minor units)"),
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(json: serde_json::Value) -> DeliveryMethodInput {
        serde_json::from_value(json).unwrap()
    }

    #[test]
    fn a_new_method_needs_a_name_and_a_price() {
        let made = MethodFields::create(input(
            serde_json::json!({"name": " Express ", "price": 990, "free_above": 5000}),
        ))
        .unwrap();
        assert_eq!(made.name, "Express");
        assert_eq!(made.free_above, Some(Amount(5000)));
        assert!(made.active);
        assert_eq!(
            MethodFields::create(input(serde_json::json!({"price": 1})))
                .unwrap_err()
                .field,
            "name"
        );
        assert_eq!(
            MethodFields::create(input(serde_json::json!({"name": "x"})))
                .unwrap_err()
                .field,
            "price"
        );
    }

    #[test]
    fn bad_values_name_their_field() {
        for (json, field) in [
            (serde_json::json!({"name": "", "price": 1}), "name"),
            (serde_json::json!({"name": "a\u{7}", "price": 1}), "name"),
            (
                serde_json::json!({"name": "x".repeat(81), "price": 1}),
                "name",
            ),
            (serde_json::json!({"name": "a", "price": -1}), "price"),
            (
                serde_json::json!({"name": "a", "price": 10_000_001}),
                "price",
            ),
            (
                serde_json::json!({"name": "a", "price": 1, "free_above": -5}),
                "free_above",
            ),
            (
                serde_json::json!({"name": "a", "price": 1, "position": -1}),
                "position",
            ),
        ] {
            assert_eq!(MethodFields::create(input(json)).unwrap_err().field, field);
        }
    }

    #[test]
    fn a_patch_changes_only_what_it_names_and_null_removes_the_threshold() {
        let made = MethodFields::create(input(
            serde_json::json!({"name": "Standard", "price": 490, "free_above": 5000}),
        ))
        .unwrap();
        let hidden = made
            .clone()
            .patched(input(
                serde_json::json!({"active": false, "free_above": null}),
            ))
            .unwrap();
        assert!(!hidden.active);
        assert_eq!(hidden.free_above, None);
        assert_eq!(hidden.price, made.price);
        assert_eq!(hidden.name, made.name);
    }
}
