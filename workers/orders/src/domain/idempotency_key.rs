//! The `Idempotency-Key` of a placement, and the order id it pins down.
//!
//! The order id is a UUIDv5 of the user and the key: the same user retrying with the same key
//! always means the same order, even when the retries race each other (the id is the primary
//! key, so only one insert can win, and the reservation is idempotent per order id).

use menuskart_kit::ReplyError;
use uuid::Uuid;

/// The namespace of order ids derived from idempotency keys (a fixed random UUID).
const NAMESPACE: Uuid = Uuid::from_u128(0x5b3f_9c1e_8a4d_4f7b_b2e6_0d9a_7c41_e385);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdempotencyKey(String);

impl IdempotencyKey {
    pub const MAX_LEN: usize = 255;

    pub fn parse(key: &str) -> Result<Self, ReplyError> {
        let ok = !key.is_empty()
            && key.len() <= Self::MAX_LEN
            && key.bytes().all(|b| b.is_ascii_graphic());
        if ok {
            Ok(Self(key.to_owned()))
        } else {
            Err(ReplyError::invalid_field(
                "Idempotency-Key",
                format!("1 to {} visible ASCII characters", Self::MAX_LEN),
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The order this user's placement with this key is.
    pub fn order_id(&self, user_id: Uuid) -> Uuid {
        let name = format!("{user_id}/{}", self.0);
        Uuid::new_v5(&NAMESPACE, name.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_user_and_key_is_the_same_order() {
        let key = IdempotencyKey::parse("checkout-42").unwrap();
        let (alice, bob) = (Uuid::new_v4(), Uuid::new_v4());
        assert_eq!(key.order_id(alice), key.order_id(alice));
        assert_ne!(key.order_id(alice), key.order_id(bob));
        let other = IdempotencyKey::parse("checkout-43").unwrap();
        assert_ne!(key.order_id(alice), other.order_id(alice));
    }

    #[test]
    fn keys_are_bounded_visible_ascii() {
        assert!(IdempotencyKey::parse("").is_err());
        assert!(IdempotencyKey::parse("has space").is_err());
        assert!(IdempotencyKey::parse(&"k".repeat(256)).is_err());
        assert!(IdempotencyKey::parse(&"k".repeat(255)).is_ok());
    }
}
