//! Unsubscribe links that work without logging in: the token names the user and carries an
//! HMAC-SHA256 of that name under a secret only the notification service knows, so nobody can
//! make one for another user. Tokens do not expire: a link in an old email must still work
//! (and unsubscribing twice is harmless).

use hmac::{Hmac, Mac};
use secrecy::{ExposeSecret, SecretString};
use sha2::Sha256;
use uuid::Uuid;

type HmacSha256 = Hmac<Sha256>;

/// Keeps tokens of other purposes, should the secret ever sign any, from passing as these.
const PURPOSE: &[u8] = b"menuskart unsubscribe v1:";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the unsubscribe link is not valid")]
pub struct BadToken;

#[derive(Clone)]
pub struct UnsubscribeLinks {
    secret: SecretString,
    /// `<public url>/notifications/unsubscribe?token=`
    prefix: String,
}

impl std::fmt::Debug for UnsubscribeLinks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UnsubscribeLinks")
            .field("prefix", &self.prefix)
            .finish_non_exhaustive()
    }
}

impl UnsubscribeLinks {
    pub fn new(secret: SecretString, public_url: &str) -> Self {
        Self {
            secret,
            prefix: format!(
                "{}/notifications/unsubscribe?token=",
                public_url.trim_end_matches('/')
            ),
        }
    }

    fn mac(&self, user: &str) -> HmacSha256 {
        let mut mac = HmacSha256::new_from_slice(self.secret.expose_secret().as_bytes())
            .expect("HMAC takes a key of any length");
        mac.update(PURPOSE);
        mac.update(user.as_bytes());
        mac
    }

    /// `<user id, 32 hex>.<signature, 64 hex>`: only URL-safe characters.
    pub fn token(&self, user_id: Uuid) -> String {
        let user = user_id.simple().to_string();
        let signature = hex::encode(self.mac(&user).finalize().into_bytes());
        format!("{user}.{signature}")
    }

    pub fn url(&self, user_id: Uuid) -> String {
        format!("{}{}", self.prefix, self.token(user_id))
    }

    /// The user a token names, if we signed it (compared in constant time).
    pub fn verify(&self, token: &str) -> Result<Uuid, BadToken> {
        let (user, signature) = token.trim().split_once('.').ok_or(BadToken)?;
        let signature = hex::decode(signature).map_err(|_| BadToken)?;
        let user_id = Uuid::try_parse(user).map_err(|_| BadToken)?;
        // Only the form we issue: the same user spelled with hyphens is another message.
        if user != user_id.simple().to_string() {
            return Err(BadToken);
        }
        self.mac(user)
            .verify_slice(&signature)
            .map_err(|_| BadToken)?;
        Ok(user_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(secret: &str) -> UnsubscribeLinks {
        UnsubscribeLinks::new(SecretString::from(secret), "https://shop.example/")
    }

    #[test]
    fn a_token_names_its_user_and_nobody_else() {
        let links = links("s3cret-s3cret-s3cret-s3cret-s3cret");
        let (ada, bob) = (Uuid::new_v4(), Uuid::new_v4());
        let token = links.token(ada);
        assert_eq!(links.verify(&token), Ok(ada));
        assert_eq!(
            links.url(ada),
            format!("https://shop.example/notifications/unsubscribe?token={token}")
        );
        // Bob's id with Ada's signature.
        let (_, signature) = token.split_once('.').unwrap();
        let forged = format!("{}.{signature}", bob.simple());
        assert_eq!(links.verify(&forged), Err(BadToken));
    }

    #[test]
    fn tampered_foreign_and_malformed_tokens_are_refused() {
        let ours = links("s3cret-s3cret-s3cret-s3cret-s3cret");
        let theirs = links("another-secret-another-secret-xx");
        let user = Uuid::new_v4();
        let mut tampered = ours.token(user);
        let last = tampered.pop().unwrap();
        tampered.push(if last == '0' { '1' } else { '0' });
        let hyphenated =
            ours.token(user)
                .replacen(&user.simple().to_string(), &user.to_string(), 1);
        for token in [
            tampered,
            theirs.token(user),
            hyphenated,
            String::new(),
            "no-dot".into(),
            format!("{}.zz", user.simple()),
            format!("{}.", user.simple()),
        ] {
            assert_eq!(ours.verify(&token), Err(BadToken), "{token:?}");
        }
    }
}
