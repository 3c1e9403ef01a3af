//! Delivery: the methods a shop offers (a name, a price, free above a subtotal), which the
//! order service owns, and the one an order was placed with.

use serde::{Deserialize, Serialize};

use crate::ids::DeliveryMethodId;
use crate::money::{Amount, Currency};

/// A way of delivering an order, with its price as the shop lists it (including tax when the
/// shop's prices do; delivery is taxed at the shop's standard rate).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeliveryMethod {
    pub id: DeliveryMethodId,
    /// What the shopper picks, e.g. "Express courier".
    pub name: String,
    /// When it arrives, in words, e.g. "Next working day".
    pub description: String,
    pub price: Amount,
    /// Free when the goods cost at least this much (as listed); none: never free.
    pub free_above: Option<Amount>,
    pub currency: Currency,
    /// Offered at checkout; an admin hides a method by turning this off.
    pub active: bool,
    /// Where it stands in the list, lowest first.
    pub position: i32,
}

/// POST /delivery-methods, and what PATCH may change (absent fields stay).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct DeliveryMethodInput {
    pub name: Option<String>,
    pub description: Option<String>,
    pub price: Option<Amount>,
    /// `null` removes the threshold.
    #[serde(
        default,
        with = "patch_option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Amount>))]
    pub free_above: Option<Option<Amount>>,
    pub active: Option<bool>,
    pub position: Option<i32>,
}

/// `mk.orders.delivery_method_update`: a method and what to change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryMethodUpdate {
    pub id: DeliveryMethodId,
    #[serde(flatten)]
    pub input: DeliveryMethodInput,
}

/// `mk.orders.delivery_methods`: the active methods; an admin may ask for the hidden ones too.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListDeliveryMethods {
    #[serde(default)]
    pub include_inactive: bool,
}

/// The methods, by position.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeliveryMethods {
    pub items: Vec<DeliveryMethod>,
    /// The shop's standard tax rate, which delivery carries (basis points).
    pub tax_rate_bp: i64,
    pub prices_include_tax: bool,
}

/// The method an order was placed with, as it was then.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrderDelivery {
    pub method_id: DeliveryMethodId,
    pub name: String,
}

/// `Option<Option<T>>` for a patch: absent is `None`, `null` is `Some(None)`.
mod patch_option {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<T: Serialize, S: Serializer>(
        value: &Option<Option<T>>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(inner) => inner.serialize(serializer),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Option<T>>, D::Error> {
        Option::<T>::deserialize(deserializer).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_patch_tells_absent_from_null() {
        let absent: DeliveryMethodInput = serde_json::from_str("{}").unwrap();
        assert_eq!(absent.free_above, None);
        let null: DeliveryMethodInput = serde_json::from_str(r#"{"free_above":null}"#).unwrap();
        assert_eq!(null.free_above, Some(None));
        let set: DeliveryMethodInput = serde_json::from_str(r#"{"free_above":5000}"#).unwrap();
        assert_eq!(set.free_above, Some(Some(Amount(5000))));
        assert!(serde_json::from_str::<DeliveryMethodInput>(r#"{"colour":1}"#).is_err());
    }
}
