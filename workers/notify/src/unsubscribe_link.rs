//! Unsubscribe links that work without logging in: the token names the user and carries an
//! HMAC-SHA256 of that name under a secret only the notification service knows, so nobody can
//! make one for another user. Tokens do not expire: a link in an old email must still work
//! (and unsubscribing twice is harmless). Secrets rotate like the payment webhooks': the first
//! signs, every one is accepted, so links already sent keep working while the old secret is
//! still listed.

use hmac::{Hmac, Mac};
use menuskart_schemas::ids::UserId;
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
    /// The first signs; all verify.
    secrets: Vec<SecretString>,
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
    /// `secrets` must not be empty (the settings make sure).
    pub fn new(secrets: Vec<SecretString>, public_url: &str) -> Self {
        assert!(!secrets.is_empty(), "at least one unsubscribe secret");
        Self {
            secrets,
            prefix: format!(
                "{}/notifications/unsubscribe?token=",
                public_url.trim_end_matches('/')
            ),
        }
    }

    fn mac(secret: &SecretString, user: &str) -> HmacSha256 {
        let mut mac = HmacSha256::new_from_slice(secret.expose_secret().as_bytes())
            .expect("HMAC takes a key of any length");
        mac.update(PURPOSE);
        mac.update(user.as_bytes());
        mac
    }

    /// `<user id, 32 hex>.<signature, 64 hex>`: only URL-safe characters.
    pub fn token(&self, user_id: UserId) -> String {
        let user = user_id.0.simple().to_string();
        let signature = hex::encode(Self::mac(&self.secrets[0], &user).finalize().into_bytes());
        format!("{user}.{signature}")
    }

    pub fn url(&self, user_id: UserId) -> String {
        format!("{}{}", self.prefix, self.token(user_id))
    }

    /// The user a token names, if we signed it (compared in constant time).
    pub fn verify(&self, token: &str) -> Result<UserId, BadToken> {
        let (user, signature) = token.trim().split_once('.').ok_or(BadToken)?;
        let signature = hex::decode(signature).map_err(|_| BadToken)?;
        let user_id = Uuid::try_parse(user).map_err(|_| BadToken)?;
        // Only the form we issue: the same user spelled with hyphens is another message.
        if user != user_id.simple().to_string() {
            return Err(BadToken);
        }
        let signed_by_us = self
            .secrets
            .iter()
            .any(|secret| Self::mac(secret, user).verify_slice(&signature).is_ok());
        if signed_by_us {
            Ok(UserId(user_id))
        } else {
            Err(BadToken)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(secret: &str) -> UnsubscribeLinks {
        UnsubscribeLinks::new(vec![SecretString::from(secret)], "https://shop.example/")
    }

    #[test]
    fn a_token_names_its_user_and_nobody_else() {
        let links = links("s3cret-s3cret-s3cret-s3cret-s3cret");
        let (ada, bob) = (UserId::new(), UserId::new());
        let token = links.token(ada);
        assert_eq!(links.verify(&token), Ok(ada));
        assert_eq!(
            links.url(ada),
            format!("https://shop.example/notifications/unsubscribe?token={token}")
        );
        // Bob's id with Ada's signature.
        let (_, signature) = token.split_once('.').unwrap();
        let forged = format!("{}.{signature}", bob.0.simple());
        assert_eq!(links.verify(&forged), Err(BadToken));
    }

    #[test]
    fn tampered_foreign_and_malformed_tokens_are_refused() {
        let ours = links("s3cret-s3cret-s3cret-s3cret-s3cret");
        let theirs = links("another-secret-another-secret-xx");
        let user = UserId::new();
        let mut tampered = ours.token(user);
        let last = tampered.pop().unwrap();
        tampered.push(if last == '0' { '1' } else { '0' });
        let hyphenated =
            ours.token(user)
                .replacen(&user.0.simple().to_string(), &user.to_string(), 1);
        for token in [
            tampered,
            theirs.token(user),
            hyphenated,
            String::new(),
            "no-dot".into(),
            format!("{}.zz", user.0.simple()),
            format!("{}.", user.0.simple()),
        ] {
            assert_eq!(ours.verify(&token), Err(BadToken), "{token:?}");
        }
    }

    #[test]
    fn during_a_rotation_old_links_still_work_and_new_ones_use_the_new_secret() {
        let old = links("the-old-secret-the-old-secret-xxxx");
        let rotated = UnsubscribeLinks::new(
            vec![
                SecretString::from("the-new-secret-the-new-secret-xxxx"),
                SecretString::from("the-old-secret-the-old-secret-xxxx"),
            ],
            "https://shop.example",
        );
        let user = UserId::new();
        assert_eq!(rotated.verify(&old.token(user)), Ok(user));
        assert_eq!(old.verify(&rotated.token(user)), Err(BadToken));
        assert_eq!(
            links("the-new-secret-the-new-secret-xxxx").verify(&rotated.token(user)),
            Ok(user)
        );
    }
}
