//! The ids that cross services, each its own type: an order's id cannot be passed where a
//! user's is expected. On the wire each is a plain string: the UUID ones their UUID
//! (`serde(transparent)`), a [`ProductId`] its text, checked as it decodes.

use std::borrow::Borrow;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

macro_rules! uuid_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
        )]
        #[serde(transparent)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String, format = Uuid))]
        pub struct $name(pub Uuid);

        impl $name {
            /// A new id, ordered by creation time (UUIDv7).
            pub fn new() -> Self {
                Self(Uuid::now_v7())
            }

            pub const fn uuid(self) -> Uuid {
                self.0
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl From<Uuid> for $name {
            fn from(id: Uuid) -> Self {
                Self(id)
            }
        }

        impl From<$name> for Uuid {
            fn from(id: $name) -> Self {
                id.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self)
            }
        }
    };
}

uuid_id!(
    /// An account (auth's users), and the owner of carts, orders and payments.
    UserId
);
uuid_id!(
    /// An order (the order service's).
    OrderId
);
uuid_id!(
    /// A payment (the payment service's transaction id).
    TransactionId
);
uuid_id!(
    /// A way of delivering orders the shop offers (the order service's).
    DeliveryMethodId
);
uuid_id!(
    /// One live view of an order (`mk.orders.watch`): names the subject its changes go to.
    WatchId
);

/// A product's id: 1 to 64 ASCII letters, digits, `-` or `_`, which keeps it safe inside
/// Redis keys and NATS subjects. The catalog issues UUIDv7s in 32 hex digits; stock may be kept
/// under any id of that shape (`chili-oil`). A malformed id never decodes, so a message
/// carrying one fails validation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String))]
pub struct ProductId(String);

/// Text that is not a [`ProductId`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvalidProductId;

impl InvalidProductId {
    /// The request field a product id is in.
    pub const FIELD: &'static str = "product_id";
    /// The rule it broke.
    pub const RULE: &'static str = "must be 1 to 64 ASCII letters, digits, '-' or '_'";
}

impl fmt::Display for InvalidProductId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", Self::FIELD, Self::RULE)
    }
}

impl std::error::Error for InvalidProductId {}

impl ProductId {
    pub const MAX_LEN: usize = 64;

    /// A new catalog product id: a UUIDv7 as 32 hex digits (ordered by creation time).
    // No `Default`: a product id made up where a value was missing would name nothing.
    #[allow(clippy::new_without_default)]
    pub fn new() -> Self {
        Self(Uuid::now_v7().simple().to_string())
    }

    pub fn parse(raw: &str) -> Result<Self, InvalidProductId> {
        Self::check(raw)?;
        Ok(Self(raw.to_owned()))
    }

    fn check(raw: &str) -> Result<(), InvalidProductId> {
        let valid = (1..=Self::MAX_LEN).contains(&raw.len())
            && raw
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if valid { Ok(()) } else { Err(InvalidProductId) }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for ProductId {
    type Error = InvalidProductId;

    fn try_from(raw: String) -> Result<Self, Self::Error> {
        Self::check(&raw)?;
        Ok(Self(raw))
    }
}

impl From<ProductId> for String {
    fn from(id: ProductId) -> Self {
        id.0
    }
}

impl FromStr for ProductId {
    type Err = InvalidProductId;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl fmt::Display for ProductId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for ProductId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// Hashes and orders as its text, so maps keyed by `ProductId` can be searched with a `&str`.
impl Borrow<str> for ProductId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for ProductId {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for ProductId {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_its_uuid_on_the_wire() {
        let id = OrderId(Uuid::from_u128(7));
        let json = serde_json::to_string(&id).unwrap();
        assert_eq!(json, format!("\"{}\"", Uuid::from_u128(7)));
        assert_eq!(serde_json::from_str::<OrderId>(&json).unwrap(), id);
        assert_eq!(id.to_string().parse::<OrderId>().unwrap(), id);
    }

    #[test]
    fn product_ids_are_key_safe() {
        assert!(ProductId::parse("01JABCDEF-xyz_1").is_ok());
        assert!(ProductId::parse(&"x".repeat(64)).is_ok());
        for bad in ["", "a b", "a:b", "a*", "a.b", "ä", &"x".repeat(65)] {
            assert_eq!(ProductId::parse(bad), Err(InvalidProductId), "{bad:?}");
        }
    }

    #[test]
    fn a_new_product_id_is_a_uuid_in_hex() {
        let id = ProductId::new();
        assert_eq!(id.as_str().len(), 32);
        assert!(Uuid::try_parse(id.as_str()).is_ok());
        assert_eq!(ProductId::parse(id.as_str()), Ok(id));
    }

    #[test]
    fn a_product_id_is_a_plain_string_on_the_wire() {
        let id = ProductId::parse("chili-oil").unwrap();
        let json = serde_json::to_string(&id).unwrap();
        assert_eq!(json, r#""chili-oil""#);
        assert_eq!(serde_json::from_str::<ProductId>(&json).unwrap(), id);
        assert_eq!(id.to_string().parse::<ProductId>().unwrap(), id);
    }

    #[test]
    fn a_malformed_product_id_does_not_decode() {
        for bad in [r#""""#, r#""bad id""#, r#""a:b""#, "7", "null"] {
            assert!(serde_json::from_str::<ProductId>(bad).is_err(), "{bad}");
        }
        let error = serde_json::from_str::<ProductId>(r#""bad id""#).unwrap_err();
        assert!(error.is_data(), "{error}");
        assert!(error.to_string().contains("product_id"), "{error}");
    }
}
