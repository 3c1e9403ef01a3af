//! Token keys: Ed25519, each named by a key id (`kid`), so that several keys can be trusted at
//! once while one signs (rotation).
//!
//! Written as `<kid>:<base64url>`: a signing key as its 32-byte seed (the auth worker's
//! `MK_JWT_SIGNING_KEY`, a secret), a public key as its 32 bytes (`MK_JWT_PUBLIC_KEYS`, a
//! comma-separated list every component holds). `mk-jwt-key new` makes a pair.

use std::fmt;
use std::str::FromStr;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ed25519_dalek::pkcs8::EncodePrivateKey;

/// Why a key or key list does not parse.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum KeyError {
    #[error("expected <kid>:<base64url key>")]
    MissingKid,
    #[error("a key id is 1 to 32 of A-Z a-z 0-9 . _ -, not {0:?}")]
    BadKid(String),
    #[error("key {0:?} is not 32 bytes of base64url")]
    BadKey(String),
    #[error("no public key given")]
    Empty,
    #[error("key id {0:?} is listed twice")]
    DuplicateKid(String),
}

fn valid_kid(kid: &str) -> Result<String, KeyError> {
    let ok = (1..=32).contains(&kid.len())
        && kid
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'));
    if ok {
        Ok(kid.to_owned())
    } else {
        Err(KeyError::BadKid(kid.to_owned()))
    }
}

/// Splits `<kid>:<base64url>` into the key id and the 32 bytes.
fn parse_entry(entry: &str) -> Result<(String, [u8; 32]), KeyError> {
    let (kid, encoded) = entry.trim().split_once(':').ok_or(KeyError::MissingKid)?;
    let kid = valid_kid(kid)?;
    let bytes = URL_SAFE_NO_PAD
        .decode(encoded)
        .ok()
        .and_then(|bytes| <[u8; 32]>::try_from(bytes).ok())
        .ok_or_else(|| KeyError::BadKey(kid.clone()))?;
    Ok((kid, bytes))
}

/// The auth worker's signing key. Its `Debug` shows only the key id.
#[derive(Clone)]
pub struct SigningKey {
    kid: String,
    key: ed25519_dalek::SigningKey,
}

impl SigningKey {
    /// A new random key named `kid`.
    pub fn generate(kid: &str) -> Result<Self, KeyError> {
        Ok(Self {
            kid: valid_kid(kid)?,
            key: ed25519_dalek::SigningKey::from_bytes(&rand::random()),
        })
    }

    pub fn kid(&self) -> &str {
        &self.kid
    }

    /// The public half, as the verifiers list it.
    pub fn public_key(&self) -> PublicKey {
        PublicKey {
            kid: self.kid.clone(),
            key: self.key.verifying_key().to_bytes(),
        }
    }

    /// `<kid>:<seed>`, the value of `MK_JWT_SIGNING_KEY`: the secret itself, for `mk-jwt-key`.
    pub fn expose_secret(&self) -> String {
        format!(
            "{}:{}",
            self.kid,
            URL_SAFE_NO_PAD.encode(self.key.to_bytes())
        )
    }

    /// The PKCS#8 document jsonwebtoken's EdDSA signer takes.
    pub(super) fn pkcs8_der(&self) -> Vec<u8> {
        self.key
            .to_pkcs8_der()
            .expect("an Ed25519 key always encodes as PKCS#8")
            .as_bytes()
            .to_vec()
    }
}

impl fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SigningKey({}: ..)", self.kid)
    }
}

impl FromStr for SigningKey {
    type Err = KeyError;

    fn from_str(s: &str) -> Result<Self, KeyError> {
        let (kid, seed) = parse_entry(s)?;
        Ok(Self {
            kid,
            key: ed25519_dalek::SigningKey::from_bytes(&seed),
        })
    }
}

impl TryFrom<String> for SigningKey {
    type Error = KeyError;

    fn try_from(value: String) -> Result<Self, KeyError> {
        value.parse()
    }
}

impl<'de> serde::Deserialize<'de> for SigningKey {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = String::deserialize(deserializer)?;
        value.parse().map_err(serde::de::Error::custom)
    }
}

/// A key that verifies tokens signed by the signing key of the same id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicKey {
    kid: String,
    key: [u8; 32],
}

impl PublicKey {
    pub fn kid(&self) -> &str {
        &self.kid
    }

    pub(super) fn bytes(&self) -> &[u8; 32] {
        &self.key
    }
}

impl fmt::Display for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.kid, URL_SAFE_NO_PAD.encode(self.key))
    }
}

impl FromStr for PublicKey {
    type Err = KeyError;

    fn from_str(s: &str) -> Result<Self, KeyError> {
        let (kid, key) = parse_entry(s)?;
        Ok(Self { kid, key })
    }
}

/// The keys a component accepts tokens from: at least one, each id once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicKeys(Vec<PublicKey>);

impl PublicKeys {
    pub fn iter(&self) -> impl Iterator<Item = &PublicKey> {
        self.0.iter()
    }

    pub fn contains(&self, key: &PublicKey) -> bool {
        self.0.contains(key)
    }
}

impl FromIterator<PublicKey> for PublicKeys {
    fn from_iter<I: IntoIterator<Item = PublicKey>>(iter: I) -> Self {
        Self(iter.into_iter().collect())
    }
}

impl fmt::Display for PublicKeys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let entries: Vec<String> = self.0.iter().map(ToString::to_string).collect();
        f.write_str(&entries.join(","))
    }
}

impl FromStr for PublicKeys {
    type Err = KeyError;

    fn from_str(s: &str) -> Result<Self, KeyError> {
        let mut keys: Vec<PublicKey> = Vec::new();
        for entry in s.split(',').filter(|entry| !entry.trim().is_empty()) {
            let key: PublicKey = entry.parse()?;
            if keys.iter().any(|known| known.kid == key.kid) {
                return Err(KeyError::DuplicateKid(key.kid));
            }
            keys.push(key);
        }
        if keys.is_empty() {
            return Err(KeyError::Empty);
        }
        Ok(Self(keys))
    }
}

impl<'de> serde::Deserialize<'de> for PublicKeys {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = String::deserialize(deserializer)?;
        value.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signing_key_and_its_public_key_round_trip_through_their_text() {
        let key = SigningKey::generate("2026-12").unwrap();
        let parsed: SigningKey = key.expose_secret().parse().unwrap();
        assert_eq!(parsed.public_key(), key.public_key());
        let public = key.public_key().to_string();
        assert!(public.starts_with("2026-12:"));
        assert_eq!(public.parse::<PublicKey>().unwrap(), key.public_key());
        assert_eq!(format!("{key:?}"), "SigningKey(2026-12: ..)");
    }

    #[test]
    fn a_key_list_needs_good_ids_good_keys_and_no_twins() {
        let a = SigningKey::generate("a").unwrap().public_key();
        let b = SigningKey::generate("b").unwrap().public_key();
        let list: PublicKeys = format!("{a}, {b}").parse().unwrap();
        assert_eq!(list.iter().count(), 2);
        assert_eq!(list.to_string().parse::<PublicKeys>().unwrap(), list);

        assert_eq!("".parse::<PublicKeys>(), Err(KeyError::Empty));
        assert_eq!(
            format!("{a},{a}").parse::<PublicKeys>(),
            Err(KeyError::DuplicateKid("a".into()))
        );
        assert_eq!("abc".parse::<PublicKeys>(), Err(KeyError::MissingKid));
        assert_eq!(
            "a b:AAAA".parse::<PublicKeys>(),
            Err(KeyError::BadKid("a b".into()))
        );
        assert_eq!(
            "a:AAAA".parse::<PublicKeys>(),
            Err(KeyError::BadKey("a".into()))
        );
    }
}
