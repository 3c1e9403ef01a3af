//! A client's `Idempotency-Key`, and the id of the thing it creates.
//!
//! The id is a UUIDv5 of a per-kind namespace, the user and the key: the same user retrying
//! with the same key always means the same order (or payment), even when the retries race each
//! other (the id is the primary key, so only one insert can win).

use menuskart_schemas::ids::UserId;
use uuid::Uuid;

use crate::ReplyError;

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

    /// The key a request brings (checked), and the id of what it creates: derived from the key
    /// when there is one, a fresh UUIDv7 when not.
    pub fn resolve<Id: From<Uuid>>(
        key: Option<&str>,
        namespace: &Uuid,
        user_id: UserId,
    ) -> Result<(Option<Self>, Id), ReplyError> {
        let key = key.map(Self::parse).transpose()?;
        let id = key
            .as_ref()
            .map_or_else(Uuid::now_v7, |k| k.derive_id(namespace, user_id));
        Ok((key, Id::from(id)))
    }

    /// The id this user's request with this key creates, in `namespace` (one per kind of
    /// thing: orders, payments).
    pub fn derive_id(&self, namespace: &Uuid, user_id: UserId) -> Uuid {
        let name = format!("{user_id}/{}", self.0);
        Uuid::new_v5(namespace, name.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORDERS: Uuid = Uuid::from_u128(1);

    #[test]
    fn the_same_user_and_key_is_the_same_id() {
        let key = IdempotencyKey::parse("checkout-42").unwrap();
        let (alice, bob) = (UserId::new(), UserId::new());
        assert_eq!(key.derive_id(&ORDERS, alice), key.derive_id(&ORDERS, alice));
        assert_ne!(key.derive_id(&ORDERS, alice), key.derive_id(&ORDERS, bob));
        assert_ne!(
            key.derive_id(&ORDERS, alice),
            key.derive_id(&Uuid::from_u128(2), alice)
        );
        let other = IdempotencyKey::parse("checkout-43").unwrap();
        assert_ne!(
            key.derive_id(&ORDERS, alice),
            other.derive_id(&ORDERS, alice)
        );
    }

    #[test]
    fn keys_are_bounded_visible_ascii() {
        assert!(IdempotencyKey::parse("").is_err());
        assert!(IdempotencyKey::parse("has space").is_err());
        assert!(IdempotencyKey::parse(&"k".repeat(256)).is_err());
        assert!(IdempotencyKey::parse(&"k".repeat(255)).is_ok());
    }
}
