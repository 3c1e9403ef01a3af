//! A shipping address: a JSON object with at least `line1`, `city` and `country`, every field a
//! short string. Kept as the customer wrote it (frozen with the order).

use menuskart_kit::ReplyError;
use serde_json::Value;

const REQUIRED: [&str; 3] = ["line1", "city", "country"];
const MAX_FIELDS: usize = 12;
const MAX_FIELD_LEN: usize = 200;

#[derive(Debug, Clone, PartialEq)]
pub struct ShippingAddress(Value);

impl ShippingAddress {
    pub fn parse(value: &Value) -> Result<Self, ReplyError> {
        let invalid = |message: String| ReplyError::invalid_field("shipping_address", message);
        let object = value
            .as_object()
            .ok_or_else(|| invalid("must be an object".into()))?;
        if object.len() > MAX_FIELDS {
            return Err(invalid(format!("at most {MAX_FIELDS} fields")));
        }
        for (field, value) in object {
            let text = value
                .as_str()
                .ok_or_else(|| invalid(format!("{field} must be a string")))?;
            if text.chars().count() > MAX_FIELD_LEN {
                return Err(invalid(format!(
                    "{field} is longer than {MAX_FIELD_LEN} characters"
                )));
            }
        }
        for field in REQUIRED {
            let present = object
                .get(field)
                .and_then(Value::as_str)
                .is_some_and(|s| !s.trim().is_empty());
            if !present {
                return Err(invalid(format!("{field} is required")));
            }
        }
        let text = |field: &str| object.get(field).and_then(Value::as_str).unwrap_or("");
        if !text("postal_code").is_empty()
            && let Some(problem) =
                menuskart_schemas::postcode::problem(text("country"), text("postal_code"))
        {
            return Err(invalid(format!("postal_code {problem}")));
        }
        Ok(Self(value.clone()))
    }

    pub fn into_value(self) -> Value {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn needs_line1_city_and_country() {
        let ok = json!({"name": "Ada", "line1": "1 Main St", "city": "Oslo", "country": "NO"});
        assert!(ShippingAddress::parse(&ok).is_ok());
        assert!(ShippingAddress::parse(&json!({"line1": "x", "city": "y"})).is_err());
        assert!(
            ShippingAddress::parse(&json!({"line1": " ", "city": "y", "country": "z"})).is_err()
        );
        assert!(ShippingAddress::parse(&json!("1 Main St")).is_err());
        assert!(ShippingAddress::parse(&json!({"line1": 1, "city": "y", "country": "z"})).is_err());
    }

    #[test]
    fn a_postcode_has_its_countrys_shape() {
        let address = |code: &str| json!({"line1": "Unter den Linden 1", "city": "Berlin", "postal_code": code, "country": "DE"});
        assert!(ShippingAddress::parse(&address("10117")).is_ok());
        assert!(ShippingAddress::parse(&address("ABCDE")).is_err());
    }
}
