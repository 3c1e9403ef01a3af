//! Whose cart: a signed-in user's, or a visitor's behind an anonymous cart token.
//!
//! A cart token is 32 random bytes, base64url without padding. Only its SHA-256 is stored, so
//! the cart database never holds a usable token.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use menuskart_kit::{Caller, ReplyError};
use menuskart_schemas::ids::UserId;
use rand::RngCore;
use sha2::{Digest, Sha256};

/// A visitor's cart token, well-formed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CartToken(String);

impl CartToken {
    const BYTES: usize = 32;

    pub fn mint() -> Self {
        let mut bytes = [0u8; Self::BYTES];
        rand::rng().fill_bytes(&mut bytes);
        Self(URL_SAFE_NO_PAD.encode(bytes))
    }

    pub fn parse(token: &str) -> Result<Self, ReplyError> {
        match URL_SAFE_NO_PAD.decode(token) {
            Ok(bytes) if bytes.len() == Self::BYTES => Ok(Self(token.to_owned())),
            _ => Err(ReplyError::invalid_field(
                "cart_token",
                "not a cart token issued by this shop",
            )),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The owner of a cart, and the key its lines are stored under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CartOwner {
    User(UserId),
    Visitor(CartToken),
}

impl CartOwner {
    /// The caller's own cart when signed in (a token is then ignored), else the visitor's
    /// cart of `token`. `None` for a visitor without a token.
    pub fn resolve(caller: &Caller, token: Option<&str>) -> Result<Option<Self>, ReplyError> {
        if let Some(user_id) = caller.user_id() {
            return Ok(Some(Self::User(user_id)));
        }
        token
            .map(|t| CartToken::parse(t).map(Self::Visitor))
            .transpose()
    }

    /// The key the store files this cart's lines under.
    pub fn key(&self) -> String {
        match self {
            Self::User(id) => format!("user:{id}"),
            Self::Visitor(token) => {
                let digest = Sha256::digest(token.as_str().as_bytes());
                let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
                format!("visitor:{hex}")
            }
        }
    }

    /// The token to hand back to a visitor (never for a user's cart).
    pub fn token(&self) -> Option<String> {
        match self {
            Self::User(_) => None,
            Self::Visitor(token) => Some(token.as_str().to_owned()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minted_tokens_parse_and_differ() {
        let a = CartToken::mint();
        let b = CartToken::mint();
        assert_ne!(a, b);
        assert_eq!(CartToken::parse(a.as_str()).unwrap(), a);
    }

    #[test]
    fn junk_is_not_a_token() {
        assert!(CartToken::parse("").is_err());
        assert!(CartToken::parse("abc").is_err());
        assert!(CartToken::parse(&"A".repeat(44)).is_err());
    }

    #[test]
    fn a_user_cart_ignores_the_token_and_the_key_hides_it() {
        let token = CartToken::mint();
        let user = Caller::unproven(UserId(uuid::Uuid::nil()), vec![]);
        let owner = CartOwner::resolve(&user, Some(token.as_str())).unwrap();
        assert_eq!(owner, Some(CartOwner::User(UserId(uuid::Uuid::nil()))));
        let visitor = CartOwner::resolve(&Caller::anonymous(), Some(token.as_str()))
            .unwrap()
            .unwrap();
        assert!(visitor.key().starts_with("visitor:"));
        assert!(!visitor.key().contains(token.as_str()));
        assert_eq!(visitor.token().as_deref(), Some(token.as_str()));
        assert_eq!(
            CartOwner::resolve(&Caller::anonymous(), None).unwrap(),
            None
        );
    }
}
